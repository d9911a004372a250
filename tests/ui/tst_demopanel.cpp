// The demo panel beside the kiosk: presenting a scenario renders its QR code and reads it back
// with the real decoder before scanning it at the scenario's gate.
#include "core/GateSupervisor.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTest>

#include "DemoPanel.h"

using namespace gymgate;

namespace {

QJsonObject scenario(const QString &name, const QString &gateId, const QString &code)
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("gate"), QString(QStringLiteral("Gate ") + gateId)},
        {QStringLiteral("gateId"), gateId}, {QStringLiteral("code"), code}, {QStringLiteral("description"), name},
        {QStringLiteral("descriptionZh"), name}, {QStringLiteral("reason"), QStringLiteral("granted")}};
}

} // namespace

class TestDemoPanel : public QObject {
    Q_OBJECT

private slots:
    void presentReadsTheCodeBackAndScansAtItsGate()
    {
        const QString code
            = QStringLiteral("GG1.site100.Q4BBOdiyeEJaj5C_xWF_SiQAAAAAAAAAAAAAAAAAAAAAaXac0QAAAAD0xiMOOE2clw."
                             "EdsYwvnp3UR51plui6msyZRu575NO7-a6lf129Ub2KoJKDXg6781GyQNL0QBF_XwGzoEhTyt6CmG");
        const QJsonArray scenarios {scenario(QStringLiteral("time_card"), QStringLiteral("main"), QStringLiteral("M1")),
            scenario(QStringLiteral("pool"), QStringLiteral("pool"), code)};
        GateSupervisor gates;
        QList<std::pair<QString, QString>> scans;
        DemoPanel panel(
            scenarios, QStringLiteral("main"),
            [&scans](const QString &gateId, const QString &text) {
                scans.append({gateId, text});
            },
            gates);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));

        auto *list = panel.findChild<QListWidget *>(QStringLiteral("scenarioListWidget"));
        QVERIFY(list);
        QCOMPARE(list->count(), 2);
        list->setCurrentRow(1);
        QVERIFY(!panel.findChild<QLabel *>(QStringLiteral("codeImageLabel"))->pixmap().isNull());
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("presentPushButton")), Qt::LeftButton);

        QCOMPARE(scans.size(), 1);
        QCOMPARE(scans.first().first, QStringLiteral("pool"));
        QCOMPARE(scans.first().second, code);
        QVERIFY(!panel.findChild<QLabel *>(QStringLiteral("demoStatusLabel"))->text().isEmpty());
        QVERIFY(!panel.present(7)); // no such row: nothing scanned
        QCOMPARE(scans.size(), 1);
    }

    void resetButtonEndsAnEmergency()
    {
        GateSupervisor gates;
        DemoPanel panel(
            QJsonArray {}, QString(), [](const QString &, const QString &) {}, gates);
        gates.declareEmergency();
        QVERIFY(gates.emergency());
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("resetEmergencyPushButton")), Qt::LeftButton);
        QVERIFY(!gates.emergency());
    }
};

QTEST_MAIN(TestDemoPanel)
#include "tst_demopanel.moc"
