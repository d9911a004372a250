#include "ui/desk/ProductsPage.h"

#include "ui/desk/DeskTables.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace gymgate {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kSortRole = Qt::UserRole + 2;
const char *const kFieldProperty = "productField";

enum Column {
    NameColumn = 0,
    KindColumn,
    PriceColumn,
    ValidDaysColumn,
    VisitsColumn,
    ValueColumn,
    PerVisitColumn,
    ActiveColumn,
    ColumnCount,
};

QStandardItem *cell(const QString &text, const QVariant &sortKey)
{
    auto *item = new QStandardItem(text);
    item->setData(sortKey, kSortRole);
    return item;
}

QLineEdit *moneyEdit(const QString &objectName, const char *field, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setProperty(kFieldProperty, QString::fromLatin1(field));
    edit->setValidator(desk::yuanValidator(edit));
    return edit;
}

} // namespace

ProductsPage::ProductsPage(SalesDesk &desk, QWidget *parent) : DeskPage(parent), m_desk(desk)
{
    setObjectName(QStringLiteral("productsPage"));
    buildUi();
    retranslate();
    clearEditor();
}

QString ProductsPage::pageTitle() const
{
    return tr("Card products");
}

void ProductsPage::buildUi()
{
    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("productFilterLineEdit"));
    m_filterEdit->setClearButtonEnabled(true);
    m_showInactiveCheck = new QCheckBox(this);
    m_showInactiveCheck->setObjectName(QStringLiteral("showInactiveProductsCheckBox"));
    m_showInactiveCheck->setChecked(true);
    connect(m_showInactiveCheck, &QCheckBox::toggled, this, [this] { reload(m_editingId); });

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortRole(kSortRole);
    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("productsTableView"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ProductsPage::loadSelected);

    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("productNameLineEdit"));
    m_nameEdit->setProperty(kFieldProperty, QStringLiteral("name"));
    m_nameEdit->setMaxLength(60);
    m_kindCombo = new QComboBox(this);
    m_kindCombo->setObjectName(QStringLiteral("productKindComboBox"));
    m_kindCombo->setProperty(kFieldProperty, QStringLiteral("kind"));
    m_priceEdit = moneyEdit(QStringLiteral("productPriceLineEdit"), "priceFen", this);
    m_validDaysSpin = new QSpinBox(this);
    m_validDaysSpin->setObjectName(QStringLiteral("productValidDaysSpinBox"));
    m_validDaysSpin->setProperty(kFieldProperty, QStringLiteral("validDays"));
    m_validDaysSpin->setRange(0, kProductMaxValidDays);
    m_visitsSpin = new QSpinBox(this);
    m_visitsSpin->setObjectName(QStringLiteral("productVisitsSpinBox"));
    m_visitsSpin->setProperty(kFieldProperty, QStringLiteral("visits"));
    m_visitsSpin->setRange(0, kProductMaxVisits);
    m_valueEdit = moneyEdit(QStringLiteral("productValueLineEdit"), "valueFen", this);
    m_perVisitEdit = moneyEdit(QStringLiteral("productPerVisitPriceLineEdit"), "perVisitPriceFen", this);
    m_windowsEdit = new QLineEdit(this);
    m_windowsEdit->setObjectName(QStringLiteral("productWindowsLineEdit"));
    m_windowsEdit->setProperty(kFieldProperty, QStringLiteral("windows"));
    m_zonesList = new QListWidget(this);
    m_zonesList->setObjectName(QStringLiteral("productZonesListWidget"));
    m_zonesList->setProperty(kFieldProperty, QStringLiteral("zoneIds"));
    m_zonesList->setMaximumHeight(120);
    m_activeCheck = new QCheckBox(this);
    m_activeCheck->setObjectName(QStringLiteral("productActiveCheckBox"));
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("productErrorLabel"));
    m_errorLabel->setWordWrap(true);

    m_form = new QFormLayout;
    m_form->addRow(QString(), m_nameEdit);
    m_form->addRow(QString(), m_kindCombo);
    m_form->addRow(QString(), m_priceEdit);
    m_form->addRow(QString(), m_validDaysSpin);
    m_form->addRow(QString(), m_visitsSpin);
    m_form->addRow(QString(), m_valueEdit);
    m_form->addRow(QString(), m_perVisitEdit);
    m_form->addRow(QString(), m_windowsEdit);
    m_form->addRow(QString(), m_zonesList);
    m_form->addRow(QString(), m_activeCheck);

    m_newButton = new QPushButton(this);
    m_newButton->setObjectName(QStringLiteral("newProductPushButton"));
    m_newButton->setShortcut(QKeySequence::New);
    m_saveButton = new QPushButton(this);
    m_saveButton->setObjectName(QStringLiteral("saveProductPushButton"));
    m_saveButton->setShortcut(QKeySequence::Save);
    m_toggleButton = new QPushButton(this);
    m_toggleButton->setObjectName(QStringLiteral("toggleProductActivePushButton"));
    connect(m_newButton, &QPushButton::clicked, this, &ProductsPage::clearEditor);
    connect(m_saveButton, &QPushButton::clicked, this, &ProductsPage::save);
    connect(m_toggleButton, &QPushButton::clicked, this, &ProductsPage::toggleActive);

    for (QLineEdit *edit : {m_nameEdit, m_priceEdit, m_valueEdit, m_perVisitEdit, m_windowsEdit}) {
        connect(edit, &QLineEdit::textChanged, this, &ProductsPage::validateEditor);
        connect(edit, &QLineEdit::returnPressed, this, &ProductsPage::save);
    }
    for (QSpinBox *spin : {m_validDaysSpin, m_visitsSpin})
        connect(spin, &QSpinBox::valueChanged, this, &ProductsPage::validateEditor);
    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, &ProductsPage::updateKindFields);
    connect(m_zonesList, &QListWidget::itemChanged, this, &ProductsPage::validateEditor);
    connect(m_activeCheck, &QCheckBox::toggled, this, &ProductsPage::validateEditor);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filterEdit, 1);
    top->addWidget(m_showInactiveCheck);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_newButton);
    buttons->addStretch(1);
    buttons->addWidget(m_toggleButton);
    buttons->addWidget(m_saveButton);
    auto *editor = new QVBoxLayout;
    editor->addLayout(m_form);
    editor->addWidget(m_errorLabel);
    editor->addLayout(buttons);
    editor->addStretch(1);
    auto *columns = new QHBoxLayout;
    columns->addWidget(m_table, 3);
    columns->addLayout(editor, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(columns, 1);
}

void ProductsPage::retranslate()
{
    m_filterEdit->setPlaceholderText(tr("Filter products"));
    m_showInactiveCheck->setText(tr("Show products no longer sold"));
    m_model->setHorizontalHeaderLabels({tr("Name"), tr("Kind"), tr("Price (yuan)"), tr("Valid days"), tr("Visits"),
        tr("Value (yuan)"), tr("Per visit (yuan)"), tr("On sale")});
    const QStringList labels {tr("&Name:"), tr("&Kind:"), tr("&Price (yuan):"), tr("&Valid days (0 = no expiry):"),
        tr("V&isits:"), tr("Stored &value (yuan):"), tr("Price per v&isit (yuan):"), tr("&Time windows:"),
        tr("&Zones (none = all):"), QString()};
    for (int row = 0; row < labels.size(); ++row) {
        if (auto *label = qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::LabelRole)
                    ? m_form->itemAt(row, QFormLayout::LabelRole)->widget()
                    : nullptr))
            label->setText(labels.at(row));
    }
    m_windowsEdit->setPlaceholderText(tr("Any time, or e.g. [{\"days\":\"1-5\",\"from\":\"06:00\",\"to\":\"12:00\"}]"));
    m_activeCheck->setText(tr("On sale"));
    m_newButton->setText(tr("&New product"));
    m_saveButton->setText(tr("&Save product"));
    const int kind = m_kindCombo->currentIndex();
    const QSignalBlocker blocker(m_kindCombo);
    m_kindCombo->clear();
    for (CardKind each : {CardKind::Time, CardKind::Count, CardKind::Value})
        m_kindCombo->addItem(cardKindTitle(each), int(each));
    m_kindCombo->setCurrentIndex(qMax(0, kind));
    validateEditor();
}

void ProductsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        reload(m_editingId);
    }
    DeskPage::changeEvent(event);
}

void ProductsPage::setSession(const StaffSession &session)
{
    m_session = session;
    m_zonesList->clear();
    if (m_session.may(Permission::ManageProducts)) {
        Result<QList<ZoneChoice>> zones = m_desk.zones(m_session);
        if (!zones)
            showMessage(zones.error().message, true);
        for (const ZoneChoice &zone : zones.value_or(QList<ZoneChoice>())) {
            auto *item = new QListWidgetItem(zone.name, m_zonesList);
            item->setData(kIdRole, zone.id);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    }
    reload();
    clearEditor();
}

void ProductsPage::reload(const QString &selectId)
{
    m_model->removeRows(0, m_model->rowCount());
    m_products.clear();
    if (m_session.may(Permission::ManageProducts)) {
        Result<QList<CardProduct>> products = m_desk.products(m_session, m_showInactiveCheck->isChecked());
        if (products)
            m_products = *products;
        else
            showMessage(products.error().message, true);
    }
    for (const CardProduct &product : std::as_const(m_products)) {
        QList<QStandardItem *> row {cell(product.name, product.name),
            cell(cardKindTitle(product.kind), int(product.kind)), cell(yuanText(product.priceFen), product.priceFen),
            cell(product.validDays > 0 ? QString::number(product.validDays) : tr("No expiry"), product.validDays),
            cell(product.kind == CardKind::Count ? QString::number(product.visits) : QString(), product.visits),
            cell(product.kind == CardKind::Value ? yuanText(product.valueFen) : QString(), product.valueFen),
            cell(product.kind == CardKind::Value ? yuanText(product.perVisitPriceFen) : QString(),
                product.perVisitPriceFen),
            cell(product.active ? tr("Yes") : tr("No"), product.active)};
        row.first()->setData(product.id, kIdRole);
        m_model->appendRow(row);
    }
    m_table->resizeColumnsToContents();
    if (!selectId.isEmpty()) {
        const QModelIndexList match
            = m_proxy->match(m_proxy->index(0, NameColumn), kIdRole, selectId, 1, Qt::MatchExactly);
        if (!match.isEmpty())
            m_table->selectRow(match.first().row());
    }
}

void ProductsPage::loadSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(NameColumn);
    if (rows.isEmpty())
        return;
    const QString id = rows.first().data(kIdRole).toString();
    const auto it = std::find_if(
        m_products.cbegin(), m_products.cend(), [&](const CardProduct &product) { return product.id == id; });
    if (it == m_products.cend())
        return;
    const ProductForm form = ProductForm::fromProduct(*it);
    m_editingId = form.id;
    m_nameEdit->setText(form.name);
    m_kindCombo->setCurrentIndex(m_kindCombo->findData(int(form.kind)));
    m_priceEdit->setText(yuanText(form.priceFen));
    m_validDaysSpin->setValue(form.validDays);
    m_visitsSpin->setValue(form.visits);
    m_valueEdit->setText(form.kind == CardKind::Value ? yuanText(form.valueFen) : QString());
    m_perVisitEdit->setText(form.kind == CardKind::Value ? yuanText(form.perVisitPriceFen) : QString());
    m_windowsEdit->setText(form.windowsJson);
    for (int i = 0; i < m_zonesList->count(); ++i) {
        QListWidgetItem *item = m_zonesList->item(i);
        item->setCheckState(form.zoneIds.contains(item->data(kIdRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }
    m_activeCheck->setChecked(form.active);
    m_toggleButton->setText(form.active ? tr("Stop &selling") : tr("Sell &again"));
    m_toggleButton->setEnabled(m_session.may(Permission::ManageProducts));
    validateEditor();
}

void ProductsPage::clearEditor()
{
    m_editingId.clear();
    m_table->clearSelection();
    m_nameEdit->clear();
    m_kindCombo->setCurrentIndex(m_kindCombo->findData(int(CardKind::Count)));
    m_priceEdit->clear();
    m_validDaysSpin->setValue(0);
    m_visitsSpin->setValue(0);
    m_valueEdit->clear();
    m_perVisitEdit->clear();
    m_windowsEdit->clear();
    for (int i = 0; i < m_zonesList->count(); ++i)
        m_zonesList->item(i)->setCheckState(Qt::Unchecked);
    m_activeCheck->setChecked(true);
    m_toggleButton->setText(tr("Stop &selling"));
    m_toggleButton->setEnabled(false);
    updateKindFields();
    m_nameEdit->setFocus();
}

// The editor's contents as a form, checked by the service's own rules (checkProductForm) in
// the order of the fields; yuan that do not parse are refused here, naming the field.
Result<ProductForm> ProductsPage::formFromEditor() const
{
    ProductForm form;
    form.id = m_editingId;
    form.name = m_nameEdit->text();
    form.kind = CardKind(m_kindCombo->currentData().toInt());
    const bool isValue = form.kind == CardKind::Value;
    const std::optional<qint64> price = fenFromYuanText(m_priceEdit->text());
    const std::optional<qint64> value = isValue ? fenFromYuanText(m_valueEdit->text()) : std::optional<qint64>(0);
    const std::optional<qint64> perVisit = isValue ? fenFromYuanText(m_perVisitEdit->text()) : std::optional<qint64>(0);
    form.priceFen = price.value_or(0);
    form.valueFen = value.value_or(0);
    form.perVisitPriceFen = perVisit.value_or(0);
    form.validDays = m_validDaysSpin->value();
    form.visits = form.kind == CardKind::Count ? m_visitsSpin->value() : 0;
    form.windowsJson = m_windowsEdit->text().trimmed();
    for (int i = 0; i < m_zonesList->count(); ++i) {
        if (m_zonesList->item(i)->checkState() == Qt::Checked)
            form.zoneIds.append(m_zonesList->item(i)->data(kIdRole).toString());
    }
    form.active = m_activeCheck->isChecked();

    const Status rules = checkProductForm(form);
    if (!rules && (rules.error().field == QLatin1String("name") || rules.error().field == QLatin1String("kind")))
        return std::unexpected(rules.error());
    if (!price)
        return fail(
            ErrorCode::InvalidArgument, tr("Enter the price in yuan, e.g. 300 or 299.50."), QStringLiteral("priceFen"));
    if (!value)
        return fail(ErrorCode::InvalidArgument, tr("Enter the stored value in yuan."), QStringLiteral("valueFen"));
    if (!perVisit)
        return fail(
            ErrorCode::InvalidArgument, tr("Enter the price per visit in yuan."), QStringLiteral("perVisitPriceFen"));
    if (!rules)
        return std::unexpected(rules.error());
    return form;
}

void ProductsPage::validateEditor()
{
    const Result<ProductForm> form = formFromEditor();
    markField(form ? QString() : form.error().field);
    showMessage(form ? QString() : form.error().message, true);
    m_saveButton->setEnabled(form.has_value() && m_session.may(Permission::ManageProducts));
}

void ProductsPage::updateKindFields()
{
    const CardKind kind = CardKind(m_kindCombo->currentData().toInt());
    m_visitsSpin->setEnabled(kind == CardKind::Count);
    m_valueEdit->setEnabled(kind == CardKind::Value);
    m_perVisitEdit->setEnabled(kind == CardKind::Value);
    validateEditor();
}

void ProductsPage::markField(const QString &field)
{
    for (QWidget *widget :
        {static_cast<QWidget *>(m_nameEdit), static_cast<QWidget *>(m_kindCombo), static_cast<QWidget *>(m_priceEdit),
            static_cast<QWidget *>(m_validDaysSpin), static_cast<QWidget *>(m_visitsSpin),
            static_cast<QWidget *>(m_valueEdit), static_cast<QWidget *>(m_perVisitEdit),
            static_cast<QWidget *>(m_windowsEdit), static_cast<QWidget *>(m_zonesList)}) {
        const bool bad = !field.isEmpty() && widget->property(kFieldProperty).toString() == field;
        widget->setStyleSheet(bad ? QStringLiteral("border: 1px solid #b00020;") : QString());
    }
}

void ProductsPage::save()
{
    Result<ProductForm> form = formFromEditor();
    if (!form)
        return validateEditor();
    Result<CardProduct> saved = m_desk.saveProduct(m_session, *form);
    if (!saved) {
        markField(saved.error().field);
        return showMessage(saved.error().message, true);
    }
    reload(saved->id);
    showMessage(tr("Saved %1.").arg(saved->name), false);
}

void ProductsPage::toggleActive()
{
    const auto it = std::find_if(
        m_products.cbegin(), m_products.cend(), [&](const CardProduct &product) { return product.id == m_editingId; });
    if (it == m_products.cend())
        return;
    Result<CardProduct> changed = m_desk.setProductActive(m_session, it->id, !it->active);
    if (!changed)
        return showMessage(changed.error().message, true);
    reload(changed->id);
    showMessage(changed->active ? tr("%1 is on sale again.").arg(changed->name)
                                : tr("%1 is no longer sold.").arg(changed->name),
        false);
}

void ProductsPage::showMessage(const QString &message, bool error)
{
    m_errorLabel->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
    m_errorLabel->setText(message);
    if (!message.isEmpty() && !error)
        emit statusMessage(message);
}

} // namespace gymgate
