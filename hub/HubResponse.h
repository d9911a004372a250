#pragma once

#include "core/Error.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace gymgate::hub {

// One answer of the hub in the seeds' envelope {code, message, data}: code 0 on success,
// otherwise a stable string ("invalid_json", "field_missing", "not_found", ...) with the HTTP
// status and a translated message that names the field.
struct HubResponse {
    int httpStatus = 200;
    QJsonValue code = 0;
    QString message;
    QJsonValue data;

    static HubResponse ok(const QJsonValue &data = QJsonValue::Null);
    static HubResponse error(int httpStatus, const QString &code, const QString &message, const QString &field = {});
    // Maps an Error from a lower layer to its status and stable code.
    static HubResponse fromError(const Error &error);

    bool isOk() const { return httpStatus >= 200 && httpStatus < 300; }
    QJsonObject envelope() const;
    QByteArray body() const;
};

// HTTP status and stable envelope code of an ErrorCode.
int httpStatusFor(ErrorCode code);
QString envelopeCodeFor(ErrorCode code);

} // namespace gymgate::hub
