#include "SqlStatement.h"

#include <QCoreApplication>

#include <sqlite3.h>

#include <utility>

namespace gymgate {
namespace {

std::unexpected<Error> storageError(sqlite3 *db, std::string_view sql)
{
    return fail(ErrorCode::Storage,
        QCoreApplication::translate("Datagen", "The database refused a statement (%1): %2")
            .arg(QString::fromUtf8(sql.data(), qsizetype(sql.size())).left(80), QString::fromUtf8(sqlite3_errmsg(db))));
}

} // namespace

SqlStatement::~SqlStatement()
{
    sqlite3_finalize(m_statement);
}

SqlStatement::SqlStatement(SqlStatement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_statement(std::exchange(other.m_statement, nullptr))
{ }

SqlStatement &SqlStatement::operator=(SqlStatement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_statement);
        m_db = std::exchange(other.m_db, nullptr);
        m_statement = std::exchange(other.m_statement, nullptr);
    }
    return *this;
}

Result<SqlStatement> SqlStatement::prepare(sqlite3 *db, std::string_view sql)
{
    sqlite3_stmt *statement = nullptr;
    const int rc = sqlite3_prepare_v3(db, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    if (rc != SQLITE_OK)
        return storageError(db, sql);
    return SqlStatement(db, statement);
}

void SqlStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

void SqlStatement::bind(int index, std::string_view text)
{
    sqlite3_bind_text(m_statement, index, text.data(), int(text.size()), SQLITE_STATIC);
}

void SqlStatement::bind(int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void SqlStatement::bindBlob(int index, const QByteArray &blob)
{
    sqlite3_bind_blob(m_statement, index, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
}

void SqlStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
}

void SqlStatement::bindOptional(int index, bool present, qint64 value)
{
    if (present)
        bind(index, value);
    else
        bindNull(index);
}

Status SqlStatement::execute()
{
    const int rc = sqlite3_step(m_statement);
    if (rc != SQLITE_DONE) {
        auto error = storageError(m_db, sqlite3_sql(m_statement)); // before reset clears the message
        sqlite3_reset(m_statement);
        return error;
    }
    // No sqlite3_clear_bindings(): every row binds every parameter, and clearing a million
    // rows' worth of bindings is measurable.
    sqlite3_reset(m_statement);
    return {};
}

Status execSql(sqlite3 *db, std::string_view sql)
{
    const std::string text(sql);
    char *message = nullptr;
    const int rc = sqlite3_exec(db, text.c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK)
        return storageError(db, sql);
    return {};
}

} // namespace gymgate
