#pragma once

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QRegularExpressionValidator>
#include <QStandardItem>
#include <QTableView>

namespace gymgate::desk {

// The look every desk table shares: sortable, whole rows selected one at a time, read-only
// (editing happens in the form beside it), no row numbers.
inline QTableView *makeTable(const QString &objectName, QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->horizontalHeader()->setStretchLastSection(true);
    view->verticalHeader()->hide();
    return view;
}

// A cell that sorts by `sortKey` (stored under `sortRole`), not by its text; numbers sit right.
inline QStandardItem *sortableCell(const QString &text, const QVariant &sortKey, int sortRole)
{
    auto *item = new QStandardItem(text);
    item->setData(sortKey, sortRole);
    if (sortKey.typeId() != QMetaType::QString)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

// Money typed in yuan: up to nine digits and two decimals.
inline QRegularExpressionValidator *yuanValidator(QObject *parent)
{
    return new QRegularExpressionValidator(QRegularExpression(QStringLiteral("^\\d{0,9}(\\.\\d{0,2})?$")), parent);
}

} // namespace gymgate::desk
