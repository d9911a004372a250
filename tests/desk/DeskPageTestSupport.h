#pragma once

// Shared helpers of the desk page tests: a session of a role, reading a table the way a clerk does
// (by the header's title and the text shown), and reading back a PDF.

#include "core/Staff.h"

#include <QAbstractItemModel>
#include <QProcess>
#include <QStandardPaths>
#include <QTableView>

namespace gymgate::test {

inline StaffSession sessionFor(StaffRole role)
{
    const QString id = QStringLiteral("staff-") + QString::fromLatin1(staffRoleName(role));
    return StaffSession {id, id, QStringLiteral("Clerk ") + id, role};
}

// The column titled `header`, or -1.
inline int columnOf(QTableView *table, const QString &header)
{
    for (int column = 0; column < table->model()->columnCount(); ++column) {
        if (table->model()->headerData(column, Qt::Horizontal).toString() == header)
            return column;
    }
    return -1;
}

// The text shown in a table at (row, column of the header titled `header`).
inline QString cellText(QTableView *table, int row, const QString &header)
{
    const int column = columnOf(table, header);
    return column < 0 ? QStringLiteral("<no column %1>").arg(header)
                      : table->model()->index(row, column).data().toString();
}

// The first row whose `header` column shows `text`, or -1.
inline int rowOf(QTableView *table, const QString &header, const QString &text)
{
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (cellText(table, row, header) == text)
            return row;
    }
    return -1;
}

// The text of a PDF as pdftotext (poppler-utils, installed by scripts/bootstrap) reads it; empty
// when it cannot.
inline QString pdfText(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    if (!process.waitForFinished(30'000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

inline bool havePdfToText()
{
    return !QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty();
}

} // namespace gymgate::test
