#include "SmsSender.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace gymgate::hub {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(SmsSender)
};

} // namespace

Status FileSmsSender::sendCode(const QString &phone, const QString &code, qint64 atMs)
{
    QFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return fail(ErrorCode::Io, Text::tr("Cannot open the SMS outbox %1: %2").arg(m_path, file.errorString()));
    const QByteArray line = QJsonDocument(QJsonObject {{QStringLiteral("phone"), phone}, {QStringLiteral("code"), code},
                                              {QStringLiteral("at"), atMs}})
                                .toJson(QJsonDocument::Compact)
        + '\n';
    if (file.write(line) != line.size() || !file.flush())
        return fail(ErrorCode::Io, Text::tr("Cannot write the SMS outbox %1: %2").arg(m_path, file.errorString()));
    return {};
}

std::unique_ptr<SmsSender> makeSmsSender(const QString &outboxFile)
{
    if (outboxFile.isEmpty())
        return nullptr;
    return std::make_unique<FileSmsSender>(outboxFile);
}

} // namespace gymgate::hub
