#pragma once

#include "core/GateDriver.h"

#include <QSignalSpy>
#include <QTest>

#include "GateSimProcess.h"

// Link-loss checks shared by the Modbus and serial-text driver tests. The caller checks
// QTest::currentTestFailed() afterwards.

// The simulator cuts the link and at once offers a new one under the same device name: the
// driver must go offline, say so once, and come back by itself.
inline void checkReconnectsAfterDrop(gymgate::GateDriver &driver, GateSimProcess &sim)
{
    QSignalSpy connected(&driver, &gymgate::GateDriver::connectedChanged);
    QSignalSpy faults(&driver, &gymgate::GateDriver::fault);
    QCOMPARE(sim.command("drop"), QByteArray("ok"));

    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 5000);
    QCOMPARE(connected.at(0).first().toBool(), false);
    QCOMPARE(connected.at(1).first().toBool(), true);
    QVERIFY(driver.status().connected);
    QCOMPARE(faults.size(), 1); // staff learn that the link went down, once
    QVERIFY(!faults.first().first().toString().isEmpty());
}

// The serial adapter is pulled out: the driver goes offline, says so, refuses commands, and
// retries with a backoff instead of spinning; plugged back in, it reconnects to the same path.
inline void checkUnplugBacksOffThenReconnects(gymgate::GateDriver &driver, GateSimProcess &sim)
{
    QSignalSpy connected(&driver, &gymgate::GateDriver::connectedChanged);
    QSignalSpy faults(&driver, &gymgate::GateDriver::fault);
    QSignalSpy opened(&driver, &gymgate::GateDriver::opened);
    QCOMPARE(sim.command("unplug"), QByteArray("ok"));

    QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty(), 3000);
    QCOMPARE(connected.first().first().toBool(), false);
    QTRY_VERIFY_WITH_TIMEOUT(!faults.isEmpty(), 3000);
    // A fixed sentence, not a stale errno text from the hang-up.
    QVERIFY2(!faults.first().first().toString().contains(QLatin1String("ioctl")),
        qPrintable(faults.first().first().toString()));

    // Two seconds of reopen attempts: at most one fault and two state changes per backoff step
    // (0.2 s doubling), far below a busy loop's.
    const qsizetype faultsAtUnplug = faults.size();
    const bool spinning
        = QTest::qWaitFor([&] { return faults.size() - faultsAtUnplug > 5 || connected.size() > 10; }, 2000);
    QVERIFY2(
        !spinning, qPrintable(QStringLiteral("%1 faults, %2 state changes").arg(faults.size()).arg(connected.size())));
    QVERIFY(!driver.status().connected);

    const qsizetype faultsBeforeOpen = faults.size();
    driver.open(gymgate::Direction::In, 1);
    QTRY_VERIFY_WITH_TIMEOUT(faults.size() > faultsBeforeOpen, 2000); // "not connected", sent nowhere
    QCOMPARE(opened.size(), 0);

    QCOMPARE(sim.command("plug"), QByteArray("ok"));
    // The backoff is at most 5 s by then.
    QTRY_VERIFY_WITH_TIMEOUT(driver.status().connected, 8000);
    QCOMPARE(connected.last().first().toBool(), true);
}
