#pragma once

#include <QString>

#include <expected>

namespace gymgate {

// Stable error codes crossing layer boundaries. The zero value is never a real error.
enum class ErrorCode {
    Invalid = 0,
    InvalidArgument, // a field or input is malformed; Error::field names it
    NotFound,
    AlreadyExists,
    Conflict,
    PermissionDenied,
    Storage, // the database refused or failed
    SchemaTooNew, // the database was written by a newer GymGate
    Migration, // a migration step failed; nothing was changed
    Io, // file or device I/O
    Crypto, // key material or signature problems
    Timeout,
    Device,
    Network,
    Internal,
};

// Returns the stable, untranslated name of a code ("invalid_argument", ...), for logs and APIs.
const char *errorCodeName(ErrorCode code);

// An error as a value. `message` is already translated for the person reading it;
// `field` names the offending input field when there is one.
struct Error {
    ErrorCode code = ErrorCode::Invalid;
    QString message;
    QString field;

    QString toString() const;
};

template<typename T>
using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(ErrorCode code, QString message, QString field = {})
{
    return std::unexpected(Error {code, std::move(message), std::move(field)});
}

} // namespace gymgate
