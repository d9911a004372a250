#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QString>

#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace gymgate {

// One prepared statement on the raw SQLite handle. The bulk load binds millions of rows;
// QSqlQuery's QVariant round trip per value would cost more than SQLite itself.
// Parameters are numbered from 1, as in SQLite. A std::string_view is bound without a copy
// (SQLITE_STATIC): its characters must stay valid until execute(). QString and QByteArray
// values are copied. Every parameter must be bound again for each row.
class SqlStatement {
public:
    SqlStatement() = default;
    ~SqlStatement();
    SqlStatement(SqlStatement &&other) noexcept;
    SqlStatement &operator=(SqlStatement &&other) noexcept;
    SqlStatement(const SqlStatement &) = delete;
    SqlStatement &operator=(const SqlStatement &) = delete;

    static Result<SqlStatement> prepare(sqlite3 *db, std::string_view sql);

    void bind(int index, qint64 value);
    void bind(int index, int value) { bind(index, qint64(value)); }
    void bind(int index, std::string_view text);
    void bind(int index, const char *text) { bind(index, std::string_view(text)); }
    void bind(int index, const QString &text);
    void bindBlob(int index, const QByteArray &blob);
    void bindNull(int index);
    // Binds the value, or NULL when `present` is false.
    void bindOptional(int index, bool present, qint64 value);

    // Runs an INSERT/UPDATE and resets the statement for the next row.
    Status execute();

private:
    explicit SqlStatement(sqlite3 *db, sqlite3_stmt *statement) : m_db(db), m_statement(statement) { }
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
};

// Runs SQL without results (PRAGMA, BEGIN, COMMIT, CREATE INDEX) on the raw handle.
Status execSql(sqlite3 *db, std::string_view sql);

} // namespace gymgate
