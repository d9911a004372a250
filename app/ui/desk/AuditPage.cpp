#include "ui/desk/AuditPage.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace gymgate {

namespace {

enum Column {
    SeqColumn = 0,
    TimeColumn,
    ActorColumn,
    ActionColumn,
    EntityColumn,
    DetailColumn,
    ColumnCount,
};

// The staff actions this area writes; other areas' actions join the list once seen.
const char *const kStaffActions[]
    = {"staff.first_run", "staff.login", "staff.login_failed", "staff.logout", "staff.create", "staff.update",
        "staff.disable", "staff.enable", "staff.reset_password", "staff.delete", "staff.change_password"};

QStandardItem *numberItem(qint64 value)
{
    auto *item = new QStandardItem;
    item->setData(value, Qt::DisplayRole); // numeric, so it sorts as a number
    return item;
}

} // namespace

AuditPage::AuditPage(StaffDirectory &directory, const Clock &clock, QTimeZone siteTimeZone, QWidget *parent)
    : DeskPage(parent), m_directory(directory), m_clock(clock), m_siteTimeZone(std::move(siteTimeZone))
{
    setObjectName(QStringLiteral("auditPage"));
    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);

    m_actorCombo = new QComboBox(this);
    m_actorCombo->setObjectName(QStringLiteral("auditActorComboBox"));
    m_actionCombo = new QComboBox(this);
    m_actionCombo->setObjectName(QStringLiteral("auditActionComboBox"));
    m_actionCombo->setEditable(true);
    m_actionCombo->setInsertPolicy(QComboBox::NoInsert);
    m_actionCombo->addItem(QString());
    for (const char *action : kStaffActions)
        m_actionCombo->addItem(QString::fromLatin1(action));
    m_fromEdit = new QDateEdit(this);
    m_fromEdit->setObjectName(QStringLiteral("auditFromDateEdit"));
    m_toEdit = new QDateEdit(this);
    m_toEdit->setObjectName(QStringLiteral("auditToDateEdit"));
    for (QDateEdit *edit : {m_fromEdit, m_toEdit}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_textFilterEdit = new QLineEdit(this);
    m_textFilterEdit->setObjectName(QStringLiteral("auditFilterLineEdit"));
    m_textFilterEdit->setClearButtonEnabled(true);
    connect(m_textFilterEdit, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    m_refreshButton = new QPushButton(this);
    m_refreshButton->setObjectName(QStringLiteral("auditRefreshPushButton"));
    m_refreshButton->setShortcut(QKeySequence::Refresh);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("auditTableView"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SeqColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();

    m_verifyButton = new QPushButton(this);
    m_verifyButton->setObjectName(QStringLiteral("verifyChainPushButton"));
    m_chainLabel = new QLabel(this);
    m_chainLabel->setObjectName(QStringLiteral("auditChainLabel"));
    m_chainLabel->setWordWrap(true);
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("auditErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));

    m_actorLabel = new QLabel(this);
    m_actorLabel->setBuddy(m_actorCombo);
    m_actionLabel = new QLabel(this);
    m_actionLabel->setBuddy(m_actionCombo);
    m_fromLabel = new QLabel(this);
    m_fromLabel->setBuddy(m_fromEdit);
    m_toLabel = new QLabel(this);
    m_toLabel->setBuddy(m_toEdit);

    auto *filters = new QGridLayout;
    filters->addWidget(m_actorLabel, 0, 0);
    filters->addWidget(m_actorCombo, 0, 1);
    filters->addWidget(m_actionLabel, 0, 2);
    filters->addWidget(m_actionCombo, 0, 3);
    filters->addWidget(m_fromLabel, 1, 0);
    filters->addWidget(m_fromEdit, 1, 1);
    filters->addWidget(m_toLabel, 1, 2);
    filters->addWidget(m_toEdit, 1, 3);
    filters->addWidget(m_textFilterEdit, 2, 0, 1, 3);
    filters->addWidget(m_refreshButton, 2, 3);

    auto *chain = new QHBoxLayout;
    chain->addWidget(m_verifyButton);
    chain->addWidget(m_chainLabel, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_errorLabel);
    layout->addLayout(chain);

    connect(m_actorCombo, &QComboBox::currentIndexChanged, this, &AuditPage::reload);
    connect(m_actionCombo, &QComboBox::activated, this, &AuditPage::reload);
    connect(m_actionCombo->lineEdit(), &QLineEdit::returnPressed, this, &AuditPage::reload);
    connect(m_fromEdit, &QDateEdit::dateChanged, this, &AuditPage::reload);
    connect(m_toEdit, &QDateEdit::dateChanged, this, &AuditPage::reload);
    connect(m_refreshButton, &QPushButton::clicked, this, &AuditPage::reload);
    connect(m_verifyButton, &QPushButton::clicked, this, &AuditPage::verifyChain);

    setTabOrder(m_actorCombo, m_actionCombo);
    setTabOrder(m_actionCombo, m_fromEdit);
    setTabOrder(m_fromEdit, m_toEdit);
    setTabOrder(m_toEdit, m_textFilterEdit);
    setTabOrder(m_textFilterEdit, m_refreshButton);
    setTabOrder(m_refreshButton, m_table);
    setTabOrder(m_table, m_verifyButton);
    retranslate();
    m_loading = true;
    resetDates();
    m_loading = false;
}

QString AuditPage::pageTitle() const
{
    return tr("Audit log");
}

QString AuditPage::errorText() const
{
    return m_errorLabel->text();
}

int AuditPage::rowCount() const
{
    return m_proxy->rowCount();
}

void AuditPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    DeskPage::changeEvent(event);
}

void AuditPage::retranslate()
{
    m_actorLabel->setText(tr("&Who:"));
    m_actionLabel->setText(tr("&Action:"));
    m_fromLabel->setText(tr("&From:"));
    m_toLabel->setText(tr("&To:"));
    m_actionCombo->lineEdit()->setPlaceholderText(tr("any action"));
    m_textFilterEdit->setPlaceholderText(tr("Filter the rows shown"));
    m_refreshButton->setText(tr("&Refresh"));
    m_verifyButton->setText(tr("&Verify chain"));
    m_model->setHorizontalHeaderLabels({tr("#"), tr("Time"), tr("Who"), tr("Action"), tr("Record"), tr("Details")});
    if (m_actorCombo->count() > 0)
        m_actorCombo->setItemText(0, tr("Anyone"));
}

void AuditPage::resetDates()
{
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), m_siteTimeZone).date();
    m_toEdit->setDate(today);
    m_fromEdit->setDate(today.addDays(-6));
}

void AuditPage::setSession(const StaffSession &session)
{
    m_session = session;
    m_loading = true;
    m_errorLabel->clear();
    m_chainLabel->clear();
    m_textFilterEdit->clear();
    m_actionCombo->setCurrentIndex(0);
    resetDates();
    loadActors();
    m_loading = false;
    reload();
}

void AuditPage::loadActors()
{
    m_actorCombo->clear();
    m_actorCombo->addItem(tr("Anyone"), QString());
    if (!m_session.may(Permission::ViewAudit))
        return;
    Result<QList<StaffAccount>> actors = m_directory.auditActors(m_session);
    if (!actors) {
        m_errorLabel->setText(actors.error().message);
        return;
    }
    for (const StaffAccount &actor : *actors) {
        const QString name = actor.displayName.isEmpty() || actor.displayName == actor.username
            ? actor.username
            : tr("%1 (%2)").arg(actor.displayName, actor.username);
        m_actorCombo->addItem(name, actor.id);
    }
}

AuditQuery AuditPage::currentQuery() const
{
    AuditQuery query;
    query.actor = m_actorCombo->currentData().toString();
    query.action = m_actionCombo->currentText().trimmed();
    query.fromMs = QDateTime(m_fromEdit->date(), QTime(0, 0), m_siteTimeZone).toMSecsSinceEpoch();
    // Whole days: up to the start of the day after "to".
    query.toMs = QDateTime(m_toEdit->date().addDays(1), QTime(0, 0), m_siteTimeZone).toMSecsSinceEpoch();
    query.limit = 1000;
    return query;
}

void AuditPage::reload()
{
    if (m_loading)
        return;
    m_model->removeRows(0, m_model->rowCount());
    if (!m_session.may(Permission::ViewAudit))
        return;
    Result<QList<AuditRecord>> records = m_directory.audit(m_session, currentQuery());
    if (!records) {
        m_errorLabel->setText(records.error().message);
        return;
    }
    m_errorLabel->clear();
    fillModel(*records);
}

void AuditPage::fillModel(const QList<AuditRecord> &records)
{
    for (const AuditRecord &record : records) {
        const QString time = QDateTime::fromMSecsSinceEpoch(record.atMs, m_siteTimeZone)
                                 .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        const QString entity
            = record.entityId.isEmpty() ? record.entity : record.entity + QLatin1Char(' ') + record.entityId;
        const QString detail = QString::fromUtf8(QJsonDocument(record.detail).toJson(QJsonDocument::Compact));
        m_model->appendRow({numberItem(record.seq), new QStandardItem(time), new QStandardItem(record.actorName),
            new QStandardItem(record.action), new QStandardItem(entity), new QStandardItem(detail)});
        if (m_actionCombo->findText(record.action) < 0)
            m_actionCombo->addItem(record.action);
    }
    m_table->resizeColumnsToContents();
}

void AuditPage::verifyChain()
{
    Result<AuditChainCheck> check = m_directory.verifyAudit(m_session);
    if (!check) {
        m_chainLabel->setText(check.error().message);
        return;
    }
    if (check->ok)
        m_chainLabel->setText(tr("OK: all %n entries are as written.", nullptr, static_cast<int>(check->rowsChecked)));
    else
        m_chainLabel->setText(
            tr("Broken at entry #%1: it was changed or removed after it was written.").arg(check->firstBrokenSeq));
    emit statusMessage(m_chainLabel->text());
}

} // namespace gymgate
