#include "HeadlessDecisionLoop.h"

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
    Q_DECLARE_TR_FUNCTIONS(HeadlessDecisionLoop)
};

QString yuan(qint64 fen)
{
    return QStringLiteral("%1.%2").arg(fen / 100).arg(qAbs(fen % 100), 2, 10, QLatin1Char('0'));
}

QString localTime(qint64 ms, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
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

QJsonObject toJson(const ScanResult &result)
{
    const Decision &decision = result.decision;
    QJsonObject object {
        {QStringLiteral("at"),
            QDateTime::fromMSecsSinceEpoch(decision.decidedAtMs, QTimeZone::utc()).toString(Qt::ISODateWithMs)},
        {QStringLiteral("entry"), result.entry.id},
        {QStringLiteral("gate"), result.entry.gateId},
        {QStringLiteral("zone"), result.entry.zoneId},
        {QStringLiteral("verdict"), decision.isGranted() ? QStringLiteral("granted") : QStringLiteral("denied")},
        {QStringLiteral("reason"), QString::fromLatin1(accessReasonCode(decision.reason))},
        {QStringLiteral("message"), accessReasonMessage(decision.reason)},
        {QStringLiteral("status"), QString::fromLatin1(entryStatusName(result.entry.status))},
    };
    if (!decision.isGranted())
        object.insert(QStringLiteral("advice"), accessReasonAdvice(decision.reason));
    if (result.member) {
        object.insert(QStringLiteral("member"),
            QJsonObject {{QStringLiteral("id"), result.member->id},
                {QStringLiteral("memberNo"), result.member->memberNo}, {QStringLiteral("name"), result.member->name}});
    }
    if (result.card && decision.isGranted()) {
        object.insert(QStringLiteral("card"),
            QJsonObject {{QStringLiteral("id"), result.card->id}, {QStringLiteral("cardNo"), result.card->cardNo},
                {QStringLiteral("kind"), QString::fromLatin1(cardKindName(result.card->kind))},
                {QStringLiteral("visitsLeft"), result.card->visitsLeft - decision.deduction.visits},
                {QStringLiteral("balanceFen"), result.card->balanceFen - decision.deduction.fen},
                {QStringLiteral("validToMs"), result.card->validToMs}});
        object.insert(QStringLiteral("deduction"),
            QJsonObject {{QStringLiteral("visits"), decision.deduction.visits},
                {QStringLiteral("fen"), decision.deduction.fen}});
    }
    QJsonArray warnings;
    for (const AccessReason warning : decision.warnings)
        warnings.append(QString::fromLatin1(accessReasonCode(warning)));
    if (!warnings.isEmpty())
        object.insert(QStringLiteral("warnings"), warnings);
    return object;
}

} // namespace

HeadlessDecisionLoop::HeadlessDecisionLoop(DecisionService &decisions, EntryLedger &ledger, const Clock &clock,
    QList<NamedGate> gates, QTimeZone siteTimeZone, OutputFormat format, bool autoPass, QObject *parent)
    : QObject(parent), m_decisions(decisions), m_ledger(ledger), m_clock(clock), m_gates(std::move(gates)),
      m_siteTimeZone(std::move(siteTimeZone)), m_format(format), m_autoPass(autoPass), m_out(stdout)
{ }

void HeadlessDecisionLoop::start()
{
    m_notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &HeadlessDecisionLoop::readInput);
}

void HeadlessDecisionLoop::readInput()
{
    char chunk[4096];
    const ssize_t count = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (count <= 0) {
        m_notifier->setEnabled(false);
        if (!m_buffer.isEmpty())
            handleLine(std::exchange(m_buffer, {}));
        emit finished();
        return;
    }
    m_buffer.append(chunk, count);
    qsizetype newline;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(newline);
        m_buffer.remove(0, newline + 1);
        handleLine(line);
    }
    if (m_buffer.size() > MaxLineBytes) // never let a stream without newlines grow memory
        handleLine(std::exchange(m_buffer, {}));
}

void HeadlessDecisionLoop::handleLine(const QByteArray &line)
{
    const QByteArray text = line.left(MaxLineBytes).trimmed();
    if (text.isEmpty() || text.startsWith('#')) // blank lines and comments of scripted input
        return;
    const GateContext *gate = &m_gates.first().context;
    QByteArray code = text;
    if (const qsizetype space = text.lastIndexOf(' '); space > 0) {
        const QString gateKey = QString::fromUtf8(text.left(space).trimmed());
        gate = findGate(gateKey);
        if (!gate) {
            printError(
                Error {ErrorCode::NotFound, Text::tr("No gate \"%1\" here.").arg(gateKey), QStringLiteral("gate")});
            return;
        }
        code = text.mid(space + 1);
    }
    Result<ScanResult> result = m_decisions.decide(code, *gate);
    if (!result) {
        printError(result.error());
        return;
    }
    if (result->decision.isGranted() && m_autoPass) {
        Result<EntryRecord> passed = m_ledger.confirmPassage(result->entry.id, m_clock.nowMs());
        if (!passed) {
            printError(passed.error());
            return;
        }
        result->entry = *passed;
    }
    result->decision.isGranted() ? ++m_granted : ++m_denied;
    printResult(*result);
}

const GateContext *HeadlessDecisionLoop::findGate(const QString &idOrName) const
{
    for (const NamedGate &gate : m_gates) {
        if (gate.name == idOrName || gate.context.gateId == idOrName)
            return &gate.context;
    }
    return nullptr;
}

void HeadlessDecisionLoop::printResult(const ScanResult &result)
{
    if (m_format == OutputFormat::Json) {
        m_out << QJsonDocument(toJson(result)).toJson(QJsonDocument::Compact) << '\n';
        m_out.flush();
        return;
    }
    const Decision &decision = result.decision;
    QString line = localTime(decision.decidedAtMs, m_siteTimeZone) + QLatin1Char(' ')
        + (decision.isGranted() ? Text::tr("GRANTED") : Text::tr("DENIED ")) + QLatin1Char(' ');
    if (result.member)
        line += result.member->name + QStringLiteral(" (") + result.member->memberNo + QStringLiteral(") ");
    if (decision.isGranted() && result.card)
        line += result.card->name + QStringLiteral(", ") + cardSummary(*result.card, decision.deduction, m_siteTimeZone)
            + QStringLiteral(" - ");
    line += accessReasonMessage(decision.reason);
    if (!decision.isGranted())
        line += QLatin1Char(' ') + accessReasonAdvice(decision.reason);
    line += QStringLiteral(" [") + QString::fromLatin1(accessReasonCode(decision.reason));
    for (const AccessReason warning : decision.warnings)
        line += QStringLiteral(", ") + QString::fromLatin1(accessReasonCode(warning));
    line += QLatin1Char(']');
    m_out << line << '\n';
    m_out.flush();
}

void HeadlessDecisionLoop::printError(const Error &error)
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
