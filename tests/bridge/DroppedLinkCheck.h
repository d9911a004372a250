#pragma once

#include "core/GateDriver.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include "GateSimProcess.h"

// Drops the simulator's links under a connected driver and checks that the driver goes
// offline, says so, and retries with a backoff instead of spinning. The simulator reopens its
// pty under a new path, so the driver usually cannot get `device` back; the kernel may hand out
// the old number again, and then reconnecting is right. Sets *stillDown when the driver is
// offline at the end. The caller checks QTest::currentTestFailed() afterwards.
inline void checkDroppedLinkBacksOff(
    gymgate::GateDriver &driver, GateSimProcess &sim, const QString &device, bool *stillDown)
{
    QSignalSpy connected(&driver, &gymgate::GateDriver::connectedChanged);
    QSignalSpy faults(&driver, &gymgate::GateDriver::fault);
    QCOMPARE(sim.command("drop"), QByteArray("ok"));

    QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty(), 3000);
    QCOMPARE(connected.first().first().toBool(), false);
    QTRY_VERIFY_WITH_TIMEOUT(!faults.isEmpty(), 3000);
    QVERIFY(!faults.first().first().toString().isEmpty());

    // Two seconds of reopen attempts: at most one fault and two state changes per backoff step
    // (0.2 s doubling), far below a busy loop's.
    const qsizetype faultsAtDrop = faults.size();
    const bool spinning
        = QTest::qWaitFor([&] { return faults.size() - faultsAtDrop > 5 || connected.size() > 10; }, 2000);
    QVERIFY2(
        !spinning, qPrintable(QStringLiteral("%1 faults, %2 state changes").arg(faults.size()).arg(connected.size())));
    *stillDown = !driver.status().connected;
    if (!*stillDown)
        QVERIFY(QFile::exists(device)); // reconnected only because the path exists again
}
