#include "HeadlessEntryController.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <unistd.h>

namespace gymgate {
namespace {

constexpr qsizetype MaxLineBytes = 4096; // a scanner line is far shorter; longer input is cut off

// Translation context of this file (lupdate reads the macro).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(HeadlessEntryController)
};

QString yuan(qint64 fen)
{
    return QStringLiteral("%1.%2").arg(fen / 100).arg(qAbs(fen % 100), 2, 10, QLatin1Char('0'));
}

QString localTime(qint64 ms, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

bool isFinal(EntryPhase phase)
{
    return phase != EntryPhase::Opening && phase != EntryPhase::PleasePass;
}

// What is left on the card once this grant's deduction is applied.
QString cardSummary(const MemberCard &card, const Deduction &deduction, const QTimeZone &zone)
{
    switch (card.kind) {
    case CardKind::Count:
        return Text::tr("%n visit(s) left", nullptr, card.visitsLeft - deduction.visits);
    case CardKind::Value:
        return Text::tr("balance %1 yuan").arg(yuan(card.balanceFen - deduction.fen));
    case CardKind::Time:
        return card.validToMs
            ? Text::tr("valid until %1")
                  .arg(QDateTime::fromMSecsSinceEpoch(card.validToMs, zone).date().toString(Qt::ISODate))
            : Text::tr("no expiry");
    case CardKind::Invalid:
        break;
    }
    return {};
}

QString phaseWord(EntryPhase phase)
{
    switch (phase) {
    case EntryPhase::Denied:
        return Text::tr("DENIED");
    case EntryPhase::Opening:
        return Text::tr("GRANTED");
    case EntryPhase::PleasePass:
        return Text::tr("OPEN");
    case EntryPhase::Passed:
        return Text::tr("PASSED");
    case EntryPhase::NotPassed:
        return Text::tr("NOT PASSED");
    case EntryPhase::GateFault:
        return Text::tr("GATE FAULT");
    case EntryPhase::Busy:
        return Text::tr("BUSY");
    case EntryPhase::Invalid:
        break;
    }
    return {};
}

QJsonObject toJson(const EntryUpdate &update)
{
    const ScanResult &result = update.scan;
    const Decision &decision = result.decision;
    QJsonObject object {
        {QStringLiteral("phase"), QString::fromLatin1(entryPhaseName(update.phase))},
        {QStringLiteral("lane"), update.laneId},
    };
    if (!update.detail.isEmpty())
        object.insert(QStringLiteral("detail"), update.detail);
    if (update.phase == EntryPhase::Busy)
        return object;
    object.insert(QStringLiteral("at"),
        QDateTime::fromMSecsSinceEpoch(decision.decidedAtMs, QTimeZone::utc()).toString(Qt::ISODateWithMs));
    object.insert(QStringLiteral("entry"), result.entry.id);
    object.insert(QStringLiteral("gate"), result.entry.gateId);
    object.insert(QStringLiteral("zone"), result.entry.zoneId);
    object.insert(
        QStringLiteral("verdict"), decision.isGranted() ? QStringLiteral("granted") : QStringLiteral("denied"));
    object.insert(QStringLiteral("reason"), QString::fromLatin1(accessReasonCode(decision.reason)));
    object.insert(QStringLiteral("message"), accessReasonMessage(decision.reason));
    object.insert(QStringLiteral("status"), QString::fromLatin1(entryStatusName(result.entry.status)));
    if (!decision.isGranted())
        object.insert(QStringLiteral("advice"), accessReasonAdvice(decision.reason));
    if (result.member) {
        object.insert(QStringLiteral("member"),
            QJsonObject {{QStringLiteral("id"), result.member->id},
                {QStringLiteral("memberNo"), result.member->memberNo}, {QStringLiteral("name"), result.member->name},
                {QStringLiteral("language"), result.member->preferredLanguage}});
    }
    if (result.card && decision.isGranted()) {
        // What is left if this entry is charged; an annulled entry charged nothing.
        const bool charged = result.entry.status != EntryStatus::Annulled;
        const Deduction deduction = charged ? decision.deduction : Deduction {};
        object.insert(QStringLiteral("card"),
            QJsonObject {{QStringLiteral("id"), result.card->id}, {QStringLiteral("cardNo"), result.card->cardNo},
                {QStringLiteral("kind"), QString::fromLatin1(cardKindName(result.card->kind))},
                {QStringLiteral("visitsLeft"), result.card->visitsLeft - deduction.visits},
                {QStringLiteral("balanceFen"), result.card->balanceFen - deduction.fen},
                {QStringLiteral("validToMs"), result.card->validToMs}});
        object.insert(QStringLiteral("deduction"),
            QJsonObject {{QStringLiteral("visits"), deduction.visits}, {QStringLiteral("fen"), deduction.fen}});
    }
    QJsonArray warnings;
    for (const AccessReason warning : decision.warnings)
        warnings.append(QString::fromLatin1(accessReasonCode(warning)));
    if (!warnings.isEmpty())
        object.insert(QStringLiteral("warnings"), warnings);
    return object;
}

} // namespace

HeadlessEntryController::HeadlessEntryController(EntryService &entries, LaneResolver findLane, QString defaultLaneId,
    QTimeZone siteTimeZone, OutputFormat format, QObject *parent)
    : QObject(parent), m_entries(entries), m_findLane(std::move(findLane)), m_defaultLaneId(std::move(defaultLaneId)),
      m_siteTimeZone(std::move(siteTimeZone)), m_format(format), m_out(stdout)
{
    connect(&m_entries, &EntryService::entryUpdated, this, &HeadlessEntryController::onUpdate);
}

void HeadlessEntryController::watchGates(GateSupervisor &gates)
{
    connect(&gates, &GateSupervisor::emergencyChanged, this, [this](bool active) {
        printEvent({{QStringLiteral("event"), QStringLiteral("emergency")}, {QStringLiteral("active"), active}},
            active ? Text::tr("EMERGENCY: fire alarm, every gate is free.")
                   : Text::tr("Emergency over: the gates are back to normal."));
    });
    connect(&gates, &GateSupervisor::availabilityChanged, this,
        [this](const QString &gateId, GateAvailability availability) {
            // A person reading along hears about trouble and its end, not the start-up connects.
            const bool news = availability != GateAvailability::Ready || m_troubledGates.remove(gateId);
            if (availability != GateAvailability::Ready)
                m_troubledGates.insert(gateId);
            if (m_format == OutputFormat::Text && !news)
                return;
            const QString name = QString::fromLatin1(gateAvailabilityName(availability));
            printEvent({{QStringLiteral("event"), QStringLiteral("gate")}, {QStringLiteral("gate"), gateId},
                           {QStringLiteral("availability"), name}},
                Text::tr("Gate %1 is now %2.").arg(gateId, name));
        });
    connect(&gates, &GateSupervisor::gateFault, this, [](const QString &gateId, const QString &message) {
        logWarning(QStringLiteral("gate %1: %2").arg(gateId, message));
    });
}

void HeadlessEntryController::startStandardInput(bool keepRunningAtEnd)
{
    m_keepRunningAtEnd = keepRunningAtEnd;
    m_notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &HeadlessEntryController::readInput);
}

void HeadlessEntryController::readInput()
{
    char chunk[4096];
    const ssize_t count = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (count <= 0) {
        m_notifier->setEnabled(false);
        if (!m_buffer.isEmpty())
            m_lines.push_back(std::exchange(m_buffer, {}));
        m_inputEnded = true;
        pumpLines();
        return;
    }
    m_buffer.append(chunk, count);
    qsizetype newline;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        m_lines.push_back(m_buffer.left(newline));
        m_buffer.remove(0, newline + 1);
    }
    if (m_buffer.size() > MaxLineBytes) // never let a stream without newlines grow memory
        m_lines.push_back(std::exchange(m_buffer, {}));
    pumpLines();
}

void HeadlessEntryController::handleLine(const QByteArray &line)
{
    m_lines.push_back(line);
    pumpLines();
}

void HeadlessEntryController::pumpLines()
{
    while (m_waitingLane.isEmpty() && !m_lines.empty()) {
        const QByteArray text = m_lines.front().left(MaxLineBytes).trimmed();
        m_lines.pop_front();
        if (text.isEmpty() || text.startsWith('#')) // blank lines and comments of scripted input
            continue;
        QString laneId = m_defaultLaneId;
        QByteArray code = text;
        if (const qsizetype space = text.lastIndexOf(' '); space > 0) {
            const QString key = QString::fromUtf8(text.left(space).trimmed());
            laneId = m_findLane(key);
            if (laneId.isEmpty()) {
                printError(
                    Error {ErrorCode::NotFound, Text::tr("No gate \"%1\" here.").arg(key), QStringLiteral("gate")});
                continue;
            }
            code = text.mid(space + 1);
        }
        m_waitingLane = laneId; // cleared by the final update of this scan
        submit(laneId, code);
    }
    finishIfDone();
}

void HeadlessEntryController::submit(const QString &laneId, const QByteArray &code)
{
    Result<EntryPhase> first = m_entries.submitScan(laneId, code);
    if (!first)
        printError(first.error());
    // Only a grant keeps a line waiting, until its final update (which may have come already).
    if (laneId == m_waitingLane && (!first || *first != EntryPhase::Opening))
        m_waitingLane.clear();
}

void HeadlessEntryController::onUpdate(const EntryUpdate &update)
{
    if (update.phase == EntryPhase::Denied)
        ++m_denied;
    else if (update.phase == EntryPhase::Opening)
        ++m_granted;
    print(update);
    if (isFinal(update.phase) && update.laneId == m_waitingLane) {
        m_waitingLane.clear();
        // Not from inside this signal: the scan that sent it may still be on the stack.
        QMetaObject::invokeMethod(this, &HeadlessEntryController::pumpLines, Qt::QueuedConnection);
    }
}

void HeadlessEntryController::finishIfDone()
{
    if (m_inputEnded && !m_keepRunningAtEnd && m_waitingLane.isEmpty() && m_lines.empty())
        emit finished();
}

void HeadlessEntryController::print(const EntryUpdate &update)
{
    if (m_format == OutputFormat::Json) {
        m_out << QJsonDocument(toJson(update)).toJson(QJsonDocument::Compact) << '\n';
        m_out.flush();
        return;
    }
    const ScanResult &result = update.scan;
    const Decision &decision = result.decision;
    QString line
        = localTime(decision.decidedAtMs ? decision.decidedAtMs : QDateTime::currentMSecsSinceEpoch(), m_siteTimeZone)
        + QLatin1Char(' ') + phaseWord(update.phase).leftJustified(10) + QLatin1Char(' ');
    if (update.phase == EntryPhase::Busy) {
        m_out << line << update.detail << '\n';
        m_out.flush();
        return;
    }
    if (result.member)
        line += result.member->name + QStringLiteral(" (") + result.member->memberNo + QStringLiteral(") ");
    if (update.phase == EntryPhase::Passed && result.card)
        line += result.card->name + QStringLiteral(", ") + cardSummary(*result.card, decision.deduction, m_siteTimeZone)
            + QStringLiteral(" - ");
    line += update.detail.isEmpty() ? accessReasonMessage(decision.reason) : update.detail;
    if (update.phase == EntryPhase::Denied)
        line += QLatin1Char(' ') + accessReasonAdvice(decision.reason);
    line += QStringLiteral(" [") + QString::fromLatin1(accessReasonCode(decision.reason));
    for (const AccessReason warning : decision.warnings)
        line += QStringLiteral(", ") + QString::fromLatin1(accessReasonCode(warning));
    line += QLatin1Char(']');
    m_out << line << '\n';
    m_out.flush();
}

void HeadlessEntryController::printEvent(const QJsonObject &event, const QString &text)
{
    if (m_format == OutputFormat::Json)
        m_out << QJsonDocument(event).toJson(QJsonDocument::Compact) << '\n';
    else
        m_out << text << '\n';
    m_out.flush();
}

void HeadlessEntryController::printError(const Error &error)
{
    if (m_format == OutputFormat::Json) {
        m_out << QJsonDocument(QJsonObject {{QStringLiteral("error"), QString::fromLatin1(errorCodeName(error.code))},
                                   {QStringLiteral("message"), error.message}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
    } else {
        m_out << Text::tr("ERROR") << ' ' << error.message << '\n';
    }
    m_out.flush();
}

} // namespace gymgate
