// Backoff: the delays double from the minimum up to the cap, with jitter in [cap/2, cap], and a
// success starts again from the minimum.

#include "sync/Backoff.h"

#include <QtTest/QTest>

using namespace gymgate;

class TestBackoff : public QObject {
    Q_OBJECT

private slots:
    void delaysDoubleUpToTheCap();
    void resetStartsAgain();
    void jitterSpreadsDesks();
};

void TestBackoff::delaysDoubleUpToTheCap()
{
    Backoff backoff(1000, 300000, 7);
    qint64 capMs = 1000;
    for (int failure = 1; failure <= 40; ++failure) {
        const qint64 delayMs = backoff.nextDelayMs();
        QVERIFY2(delayMs >= capMs / 2 && delayMs <= capMs,
            qPrintable(QStringLiteral("failure %1: %2 ms, cap %3 ms").arg(failure).arg(delayMs).arg(capMs)));
        QCOMPARE(backoff.failures(), failure);
        capMs = std::min<qint64>(capMs * 2, 300000);
    }
}

void TestBackoff::resetStartsAgain()
{
    Backoff backoff(1000, 300000, 1);
    for (int i = 0; i < 10; ++i)
        backoff.nextDelayMs();
    backoff.reset();
    QCOMPARE(backoff.failures(), 0);
    QVERIFY(backoff.nextDelayMs() <= 1000);
}

void TestBackoff::jitterSpreadsDesks()
{
    QSet<qint64> delays;
    for (quint32 seed = 0; seed < 20; ++seed) {
        Backoff backoff(1000, 300000, seed);
        for (int i = 0; i < 8; ++i)
            backoff.nextDelayMs();
        delays.insert(backoff.nextDelayMs());
    }
    QVERIFY2(delays.size() > 10, "desks that failed together come back at different times");
}

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
