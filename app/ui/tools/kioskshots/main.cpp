// gymgate-kiosk-shots: builds the kiosk window at a fixed size with sample members and cards,
// walks it through every screen and saves a PNG of each, for docs/KIOSK.md.
//   gymgate-kiosk-shots --out docs/kiosk [--size 1280x800] [--lang zh_CN]

#include "core/Clock.h"
#include "core/Translations.h"
#include "ui/KioskWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFont>
#include <QLineEdit>
#include <QPainter>
#include <QTextStream>

#include <cstdio>

using namespace gymgate;

namespace {

constexpr qint64 dayMs = 24 * 3600 * 1000LL;

struct Samples {
    QTimeZone zone {QByteArrayLiteral("Asia/Shanghai")};
    qint64 nowMs = QDateTime(QDate(2026, 3, 7), QTime(18, 5), zone).toMSecsSinceEpoch();

    Member member(const QString &name, const QString &language) const
    {
        Member member;
        member.id = QStringLiteral("m-") + name;
        member.memberNo = QStringLiteral("M1000000001");
        member.name = name;
        member.preferredLanguage = language;
        return member;
    }

    MemberCard card(CardKind kind, const QString &name, qint64 validForMs) const
    {
        MemberCard card;
        card.id = QStringLiteral("c-") + name;
        card.name = name;
        card.kind = kind;
        card.status = CardStatus::Active;
        card.validToMs = validForMs ? nowMs + validForMs : 0;
        card.visitsLeft = kind == CardKind::Count ? 10 : 0;
        card.balanceFen = kind == CardKind::Value ? 52800 : 0;
        card.perVisitPriceFen = kind == CardKind::Value ? 3000 : 0;
        return card;
    }

    EntryUpdate update(EntryPhase phase, std::optional<Member> member, std::optional<MemberCard> card,
        AccessReason reason = AccessReason::Granted) const
    {
        EntryUpdate update;
        update.phase = phase;
        update.laneId = QStringLiteral("main");
        update.scan.entry.id
            = QStringLiteral("entry-") + QString::number(int(phase)) + (member ? member->name : QString());
        update.scan.entry.gateId = QStringLiteral("main");
        update.scan.decision.verdict = reason == AccessReason::Granted ? Verdict::Granted : Verdict::Denied;
        update.scan.decision.reason = reason;
        if (card && reason == AccessReason::Granted)
            update.scan.decision.deduction = deductionFor(*card);
        update.scan.member = std::move(member);
        update.scan.card = std::move(card);
        return update;
    }
};

bool save(QWidget &window, const QString &directory, const QString &name, QTextStream &out)
{
    QApplication::processEvents();
    QImage image = window.grab().toImage();
    if (KioskPinDialog *dialog = window.findChild<KioskPinDialog *>(); dialog && dialog->isVisible()) {
        // The dialog is a window of its own: paint it over a dimmed kiosk, where it appears.
        QPainter painter(&image);
        painter.fillRect(image.rect(), QColor(0, 0, 0, 120));
        const QPixmap dialogImage = dialog->grab();
        painter.drawPixmap(
            (image.width() - dialogImage.width()) / 2, (image.height() - dialogImage.height()) / 2, dialogImage);
    }
    const QString path = QDir(directory).filePath(name + QStringLiteral(".png"));
    if (!image.convertToFormat(QImage::Format_RGB888).save(path, "PNG", 9)) {
        out << QCoreApplication::translate("KioskShots", "Cannot write %1").arg(path) << Qt::endl;
        return false;
    }
    out << path << Qt::endl;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("gymgate-kiosk-shots"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("KioskShots", "Saves a PNG of every kiosk screen with sample data."));
    parser.addHelpOption();
    const QCommandLineOption outOption(QStringLiteral("out"),
        QCoreApplication::translate("KioskShots", "Directory for the PNG files."), QStringLiteral("dir"),
        QStringLiteral("."));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
        QCoreApplication::translate("KioskShots", "Window size, WIDTHxHEIGHT."), QStringLiteral("size"),
        QStringLiteral("1280x800"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
        QCoreApplication::translate("KioskShots", "Site language (zh_CN or en)."), QStringLiteral("lang"),
        QStringLiteral("zh_CN"));
    parser.addOptions({outOption, sizeOption, langOption});
    parser.process(app);

    QTextStream out(stdout);
    const QStringList size = parser.value(sizeOption).split(QLatin1Char('x'));
    const QString language = parser.value(langOption);
    if (size.size() != 2 || size.at(0).toInt() <= 0 || size.at(1).toInt() <= 0 || !switchLanguage(app, language)) {
        out << QCoreApplication::translate("KioskShots", "Bad --size or --lang.") << Qt::endl;
        return 2;
    }
    if (!QDir().mkpath(parser.value(outOption))) {
        out << QCoreApplication::translate("KioskShots", "Cannot create %1").arg(parser.value(outOption)) << Qt::endl;
        return 1;
    }
    QApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC")));

    const Samples samples;
    ManualClock clock(samples.nowMs);
    KioskSettings settings;
    settings.gymName = QString::fromUtf8("悦动健身 · 徐汇店");
    settings.welcomeText = QString::fromUtf8("欢迎回来！今天也要加油 · Welcome back!");
    settings.primaryColor = parseBrandColor(QStringLiteral("#1F3A5F"));
    settings.secondaryColor = parseBrandColor(QStringLiteral("rgb(255, 195, 0)"));
    settings.siteLanguage = language;
    settings.siteTimeZone = samples.zone;
    settings.idleReturnMs = settings.deniedReturnMs = settings.passScreenMaxMs = 3'600'000;
    settings.soundEnabled = false;
    settings.clock = &clock;
    settings.verifyPin = [](const QString &pin) {
        return pin == QLatin1String("2468");
    };
    settings.nextBookingToday = [&samples](const QString &) {
        return std::optional<KioskBooking>(KioskBooking {
            QString::fromUtf8("流瑜伽 Flow Yoga"), QString::fromUtf8("二号教室"), samples.nowMs + 85 * 60'000});
    };

    KioskWindow window(settings);
    window.resize(size.at(0).toInt(), size.at(1).toInt());
    window.show();
    const QString dir = parser.value(outOption);

    const Member zhang = samples.member(QString::fromUtf8("张伟"), QStringLiteral("zh_CN"));
    const Member emma = samples.member(QStringLiteral("Emma Wilson"), QStringLiteral("en"));
    const MemberCard countCard = samples.card(CardKind::Count, QString::fromUtf8("十次卡"), 40 * dayMs);
    const MemberCard valueCard = samples.card(CardKind::Value, QStringLiteral("Value card"), 0);
    const MemberCard timeCard = samples.card(CardKind::Time, QString::fromUtf8("年卡"), 5 * dayMs);

    bool ok = save(window, dir, QStringLiteral("01-idle"), out);
    window.showUpdate(samples.update(EntryPhase::Opening, zhang, countCard));
    ok &= save(window, dir, QStringLiteral("02-granted-count-card"), out);
    window.showUpdate(samples.update(EntryPhase::PleasePass, zhang, countCard));
    ok &= save(window, dir, QStringLiteral("03-please-pass"), out);
    window.showUpdate(samples.update(EntryPhase::Passed, zhang, countCard));
    ok &= save(window, dir, QStringLiteral("04-passed"), out);
    window.returnToIdle();
    EntryUpdate english = samples.update(EntryPhase::Opening, emma, valueCard);
    english.scan.decision.warnings = {AccessReason::AntiPassbackSoft};
    window.showUpdate(english);
    ok &= save(window, dir, QStringLiteral("05-granted-value-card-english"), out);
    window.returnToIdle();
    window.showUpdate(samples.update(EntryPhase::Opening, zhang, timeCard));
    ok &= save(window, dir, QStringLiteral("06-granted-time-card-expiring"), out);
    window.returnToIdle();
    window.showUpdate(samples.update(EntryPhase::Denied, zhang, std::nullopt, AccessReason::CardExpired));
    ok &= save(window, dir, QStringLiteral("07-denied"), out);
    window.showUpdate(samples.update(EntryPhase::Denied, std::nullopt, std::nullopt, AccessReason::CredentialExpired));
    ok &= save(window, dir, QStringLiteral("08-denied-unknown-member"), out);
    window.showUpdate(samples.update(EntryPhase::NotPassed, zhang, countCard));
    ok &= save(window, dir, QStringLiteral("09-not-passed"), out);
    EntryUpdate fault = samples.update(EntryPhase::GateFault, zhang, countCard);
    fault.detail = QCoreApplication::translate("KioskShots", "The gate did not answer the open command.");
    window.showUpdate(fault);
    ok &= save(window, dir, QStringLiteral("10-gate-fault"), out);
    window.showUpdate(samples.update(EntryPhase::Busy, std::nullopt, std::nullopt, AccessReason::Invalid));
    ok &= save(window, dir, QStringLiteral("11-busy"), out);
    window.returnToIdle();

    window.setEmergency(true);
    ok &= save(window, dir, QStringLiteral("12-emergency"), out);
    window.setEmergency(false);
    window.setGateAvailability(QStringLiteral("main"), GateAvailability::OutOfOrder);
    ok &= save(window, dir, QStringLiteral("13-out-of-order"), out);
    window.setGateFailPolicy(QStringLiteral("main"), FailPolicy::FailSecure);
    window.setGateAvailability(QStringLiteral("main"), GateAvailability::Offline);
    ok &= save(window, dir, QStringLiteral("14-gate-offline-fail-secure"), out);
    window.setGateFailPolicy(QStringLiteral("main"), FailPolicy::FailOpen);
    ok &= save(window, dir, QStringLiteral("15-gate-offline-fail-open"), out);
    window.setGateAvailability(QStringLiteral("main"), GateAvailability::Ready);

    window.setHubOnline(false);
    ok &= save(window, dir, QStringLiteral("16-hub-offline-badge"), out);
    window.setHubOnline(true);
    window.requestExit();
    ok &= save(window, dir, QStringLiteral("17-pin-dialog"), out);
    if (KioskPinDialog *dialog = window.pinDialog()) {
        dialog->findChild<QLineEdit *>(QStringLiteral("pinLineEdit"))->setText(QStringLiteral("1111"));
        dialog->submit();
        ok &= save(window, dir, QStringLiteral("18-pin-wrong"), out);
    }
    return ok ? 0 : 1;
}
