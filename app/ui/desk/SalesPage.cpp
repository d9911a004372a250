#include "ui/desk/SalesPage.h"

#include "ui/desk/DeskTables.h"
#include "ui/desk/ReceiptPdf.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <limits>

namespace gymgate {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kSortRole = Qt::UserRole + 2;

enum Column {
    CardNoColumn = 0,
    NameColumn,
    KindColumn,
    StatusColumn,
    ValidFromColumn,
    ValidToColumn,
    VisitsColumn,
    BalanceColumn,
    ColumnCount,
};

QStandardItem *cell(const QString &text, const QVariant &sortKey)
{
    auto *item = new QStandardItem(text);
    item->setData(sortKey, kSortRole);
    return item;
}

QString dayText(qint64 utcMs, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, zone).date().toString(Qt::ISODate);
}

// valid_to is the first instant the card no longer opens: the last valid day is the one before.
QString lastDayText(qint64 validToMs, const QTimeZone &zone)
{
    return validToMs == 0 ? SalesPage::tr("No expiry") : dayText(validToMs - 1, zone);
}

using desk::yuanValidator;

QString productSummary(const CardProduct &product)
{
    QString what;
    switch (product.kind) {
    case CardKind::Time:
        what = SalesPage::tr("%n day(s)", nullptr, product.validDays);
        break;
    case CardKind::Count:
        what = SalesPage::tr("%n visit(s)", nullptr, product.visits);
        break;
    case CardKind::Value:
        what = SalesPage::tr("%1 yuan stored, %2 yuan per visit")
                   .arg(yuanText(product.valueFen), yuanText(product.perVisitPriceFen));
        break;
    case CardKind::Invalid:
        break;
    }
    if (product.kind != CardKind::Time && product.validDays > 0)
        what += SalesPage::tr(", valid %n day(s)", nullptr, product.validDays);
    return SalesPage::tr("Price: %1 yuan (%2)").arg(yuanText(product.priceFen), what);
}

} // namespace

SalesPage::SalesPage(SalesDesk &desk, QWidget *parent) : DeskPage(parent), m_desk(desk)
{
    setObjectName(QStringLiteral("salesPage"));
    buildUi();
    retranslate();
    updateSellForm();
    updateCardActions();
}

QString SalesPage::pageTitle() const
{
    return tr("Sales");
}

void SalesPage::buildUi()
{
    m_memberLabel = new QLabel(this);
    m_memberLabel->setObjectName(QStringLiteral("salesMemberLabel"));

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortRole(kSortRole);
    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("memberCardsFilterLineEdit"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("memberCardsTableView"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ValidFromColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SalesPage::updateCardActions);

    // Selling a new card.
    m_sellBox = new QGroupBox(this);
    m_sellBox->setObjectName(QStringLiteral("sellCardGroupBox"));
    m_productLabel = new QLabel(m_sellBox);
    m_productCombo = new QComboBox(m_sellBox);
    m_productCombo->setObjectName(QStringLiteral("productComboBox"));
    m_productLabel->setBuddy(m_productCombo);
    m_paymentLabel = new QLabel(m_sellBox);
    m_paymentCombo = new QComboBox(m_sellBox);
    m_paymentCombo->setObjectName(QStringLiteral("paymentMethodComboBox"));
    m_paymentLabel->setBuddy(m_paymentCombo);
    m_startLabel = new QLabel(m_sellBox);
    m_startDateEdit = new QDateEdit(m_sellBox);
    m_startDateEdit->setObjectName(QStringLiteral("startDateEdit"));
    m_startDateEdit->setCalendarPopup(true);
    m_startDateEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_startLabel->setBuddy(m_startDateEdit);
    m_priceLabel = new QLabel(m_sellBox);
    m_priceLabel->setObjectName(QStringLiteral("priceLabel"));
    m_sellButton = new QPushButton(m_sellBox);
    m_sellButton->setObjectName(QStringLiteral("sellCardPushButton"));
    m_sellButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    auto *sellLayout = new QGridLayout(m_sellBox);
    sellLayout->addWidget(m_productLabel, 0, 0);
    sellLayout->addWidget(m_productCombo, 0, 1);
    sellLayout->addWidget(m_paymentLabel, 1, 0);
    sellLayout->addWidget(m_paymentCombo, 1, 1);
    sellLayout->addWidget(m_startLabel, 2, 0);
    sellLayout->addWidget(m_startDateEdit, 2, 1);
    sellLayout->addWidget(m_priceLabel, 3, 0, 1, 2);
    sellLayout->addWidget(m_sellButton, 4, 1);
    connect(m_productCombo, &QComboBox::currentIndexChanged, this, &SalesPage::updateSellForm);
    connect(m_sellButton, &QPushButton::clicked, this, &SalesPage::sell);

    // Acting on the selected card.
    m_cardBox = new QGroupBox(this);
    m_cardBox->setObjectName(QStringLiteral("selectedCardGroupBox"));
    m_topUpEdit = new QLineEdit(m_cardBox);
    m_topUpEdit->setObjectName(QStringLiteral("topUpAmountLineEdit"));
    m_topUpEdit->setValidator(yuanValidator(m_topUpEdit));
    m_topUpButton = new QPushButton(m_cardBox);
    m_topUpButton->setObjectName(QStringLiteral("topUpPushButton"));
    m_freezeButton = new QPushButton(m_cardBox);
    m_freezeButton->setObjectName(QStringLiteral("freezeCardPushButton"));
    m_unfreezeButton = new QPushButton(m_cardBox);
    m_unfreezeButton->setObjectName(QStringLiteral("unfreezeCardPushButton"));
    m_refundEdit = new QLineEdit(m_cardBox);
    m_refundEdit->setObjectName(QStringLiteral("refundAmountLineEdit"));
    m_refundEdit->setValidator(yuanValidator(m_refundEdit));
    m_reasonEdit = new QLineEdit(m_cardBox);
    m_reasonEdit->setObjectName(QStringLiteral("refundReasonLineEdit"));
    m_reasonEdit->setMaxLength(200);
    m_refundButton = new QPushButton(m_cardBox);
    m_refundButton->setObjectName(QStringLiteral("cancelWithRefundPushButton"));
    auto *cardLayout = new QGridLayout(m_cardBox);
    cardLayout->addWidget(m_topUpEdit, 0, 0);
    cardLayout->addWidget(m_topUpButton, 0, 1);
    cardLayout->addWidget(m_freezeButton, 1, 0);
    cardLayout->addWidget(m_unfreezeButton, 1, 1);
    cardLayout->addWidget(m_refundEdit, 2, 0);
    cardLayout->addWidget(m_reasonEdit, 3, 0);
    cardLayout->addWidget(m_refundButton, 3, 1);
    connect(m_topUpEdit, &QLineEdit::textChanged, this, &SalesPage::updateCardActions);
    connect(m_topUpEdit, &QLineEdit::returnPressed, this, &SalesPage::topUp);
    connect(m_topUpButton, &QPushButton::clicked, this, &SalesPage::topUp);
    connect(m_freezeButton, &QPushButton::clicked, this, &SalesPage::freeze);
    connect(m_unfreezeButton, &QPushButton::clicked, this, &SalesPage::unfreeze);
    connect(m_refundEdit, &QLineEdit::textChanged, this, &SalesPage::updateCardActions);
    connect(m_reasonEdit, &QLineEdit::textChanged, this, &SalesPage::updateCardActions);
    connect(m_reasonEdit, &QLineEdit::returnPressed, this, &SalesPage::cancelWithRefund);
    connect(m_refundButton, &QPushButton::clicked, this, &SalesPage::cancelWithRefund);

    m_receiptButton = new QPushButton(this);
    m_receiptButton->setObjectName(QStringLiteral("saveReceiptPushButton"));
    m_receiptButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_receiptButton->setEnabled(false);
    connect(m_receiptButton, &QPushButton::clicked, this, &SalesPage::saveReceiptAs);
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("salesMessageLabel"));
    m_messageLabel->setWordWrap(true);

    auto *forms = new QHBoxLayout;
    forms->addWidget(m_sellBox);
    forms->addWidget(m_cardBox);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_messageLabel, 1);
    bottom->addWidget(m_receiptButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_memberLabel);
    layout->addWidget(m_filterEdit);
    layout->addWidget(m_table, 1);
    layout->addLayout(forms);
    layout->addLayout(bottom);

    setTabOrder(m_filterEdit, m_table);
    setTabOrder(m_table, m_productCombo);
    setTabOrder(m_productCombo, m_paymentCombo);
    setTabOrder(m_paymentCombo, m_startDateEdit);
    setTabOrder(m_startDateEdit, m_sellButton);
    setTabOrder(m_sellButton, m_topUpEdit);
    setTabOrder(m_topUpEdit, m_topUpButton);
    setTabOrder(m_topUpButton, m_freezeButton);
    setTabOrder(m_freezeButton, m_unfreezeButton);
    setTabOrder(m_unfreezeButton, m_refundEdit);
    setTabOrder(m_refundEdit, m_reasonEdit);
    setTabOrder(m_reasonEdit, m_refundButton);
    setTabOrder(m_refundButton, m_receiptButton);
}

void SalesPage::retranslate()
{
    m_filterEdit->setPlaceholderText(tr("Filter cards"));
    m_model->setHorizontalHeaderLabels({tr("Card no."), tr("Card"), tr("Kind"), tr("Status"), tr("Valid from"),
        tr("Valid until"), tr("Visits left"), tr("Balance (yuan)")});
    m_sellBox->setTitle(tr("Sell a card"));
    m_productLabel->setText(tr("&Product:"));
    m_paymentLabel->setText(tr("Pa&yment:"));
    m_startLabel->setText(tr("S&tarts:"));
    m_sellButton->setText(tr("&Sell card"));
    m_sellButton->setToolTip(tr("Sell the chosen card to the member (Ctrl+Enter)"));
    m_cardBox->setTitle(tr("Selected card"));
    m_topUpEdit->setPlaceholderText(tr("Top-up in yuan"));
    m_topUpButton->setText(tr("&Top up"));
    m_freezeButton->setText(tr("&Freeze"));
    m_unfreezeButton->setText(tr("&Unfreeze"));
    m_refundEdit->setPlaceholderText(tr("Refund in yuan"));
    m_reasonEdit->setPlaceholderText(tr("Reason for the cancellation"));
    m_refundButton->setText(tr("&Cancel with refund"));
    m_receiptButton->setText(tr("Save &receipt PDF"));
    const int payment = m_paymentCombo->currentIndex();
    m_paymentCombo->clear();
    for (PaymentMethod method : allPaymentMethods())
        m_paymentCombo->addItem(paymentMethodTitle(method), int(method));
    m_paymentCombo->setCurrentIndex(qMax(0, payment));
    m_memberLabel->setText(m_memberId.isEmpty() ? tr("No member chosen: find a member first.")
                                                : tr("%n card(s) of the chosen member", nullptr, int(m_cards.size())));
    updateSellForm();
}

void SalesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        reloadCards();
    }
    DeskPage::changeEvent(event);
}

void SalesPage::setSession(const StaffSession &session)
{
    m_session = session;
    m_lastReceipt.reset();
    m_receiptButton->setEnabled(false);
    m_topUpEdit->clear();
    m_refundEdit->clear();
    m_reasonEdit->clear();
    m_messageLabel->clear();
    reloadProducts();
    reloadCards();
}

void SalesPage::setCurrentMember(const QString &memberId)
{
    if (memberId == m_memberId)
        return;
    m_memberId = memberId;
    m_messageLabel->clear();
    reloadCards();
}

void SalesPage::reloadProducts()
{
    m_products.clear();
    m_productCombo->clear();
    if (m_session.may(Permission::SellCards)) {
        Result<QList<CardProduct>> products = m_desk.products(m_session, false);
        if (products)
            m_products = *products;
        else
            showError(products.error());
    }
    for (const CardProduct &product : std::as_const(m_products))
        m_productCombo->addItem(QStringLiteral("%1 (%2)").arg(product.name, cardKindTitle(product.kind)), product.id);
    const QDate today = m_desk.siteToday();
    m_startDateEdit->setMinimumDate(today);
    m_startDateEdit->setMaximumDate(today.addDays(kSaleMaxStartDaysAhead));
    m_startDateEdit->setDate(today);
    updateSellForm();
}

void SalesPage::reloadCards()
{
    const std::optional<MemberCard> selected = selectedCard();
    m_model->removeRows(0, m_model->rowCount());
    m_cards.clear();
    if (!m_memberId.isEmpty() && m_session.isValid()) {
        Result<QList<MemberCard>> cards = m_desk.memberCards(m_session, m_memberId);
        if (cards)
            m_cards = *cards;
        else
            showError(cards.error());
    }
    const QTimeZone zone = m_desk.siteTimeZone();
    for (const MemberCard &card : std::as_const(m_cards)) {
        QList<QStandardItem *> row {cell(card.cardNo, card.cardNo), cell(card.name, card.name),
            cell(cardKindTitle(card.kind), int(card.kind)), cell(cardStatusTitle(card.status), int(card.status)),
            cell(dayText(card.validFromMs, zone), card.validFromMs),
            cell(lastDayText(card.validToMs, zone),
                card.validToMs == 0 ? std::numeric_limits<qint64>::max() : card.validToMs),
            cell(card.kind == CardKind::Count ? QString::number(card.visitsLeft) : QString(), card.visitsLeft),
            cell(card.kind == CardKind::Value ? yuanText(card.balanceFen) : QString(), card.balanceFen)};
        row.first()->setData(card.id, kIdRole);
        m_model->appendRow(row);
    }
    m_table->resizeColumnsToContents();
    if (selected) {
        const QModelIndexList match
            = m_proxy->match(m_proxy->index(0, CardNoColumn), kIdRole, selected->id, 1, Qt::MatchExactly);
        if (!match.isEmpty())
            m_table->selectRow(match.first().row());
    }
    m_memberLabel->setText(m_memberId.isEmpty() ? tr("No member chosen: find a member first.")
                                                : tr("%n card(s) of the chosen member", nullptr, int(m_cards.size())));
    updateSellForm();
    updateCardActions();
}

void SalesPage::updateSellForm()
{
    const int index = m_productCombo->currentIndex();
    const bool haveProduct = index >= 0 && index < m_products.size();
    m_priceLabel->setText(haveProduct ? productSummary(m_products.at(index)) : tr("No card products on sale."));
    m_sellButton->setEnabled(m_session.may(Permission::SellCards) && !m_memberId.isEmpty() && haveProduct);
}

std::optional<MemberCard> SalesPage::selectedCard() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(CardNoColumn);
    if (rows.isEmpty())
        return std::nullopt;
    const QString id = rows.first().data(kIdRole).toString();
    for (const MemberCard &card : m_cards) {
        if (card.id == id)
            return card;
    }
    return std::nullopt;
}

PaymentMethod SalesPage::chosenPayment() const
{
    return PaymentMethod(m_paymentCombo->currentData().toInt());
}

void SalesPage::updateCardActions()
{
    const std::optional<MemberCard> card = selectedCard();
    const bool open = card && card->status != CardStatus::Cancelled && card->status != CardStatus::Expired;
    const bool mayRefund = m_session.may(Permission::RefundSales);
    m_topUpEdit->setEnabled(m_session.may(Permission::SellCards) && open && card->kind == CardKind::Value);
    m_topUpButton->setEnabled(m_topUpEdit->isEnabled() && fenFromYuanText(m_topUpEdit->text()).value_or(0) > 0);
    m_freezeButton->setEnabled(m_session.may(Permission::ChangeCards) && card && card->status == CardStatus::Active);
    m_unfreezeButton->setEnabled(m_session.may(Permission::ChangeCards) && card && card->status == CardStatus::Frozen);
    const bool cancellable = mayRefund && card && card->status != CardStatus::Cancelled;
    m_refundEdit->setEnabled(cancellable);
    m_reasonEdit->setEnabled(cancellable);
    m_refundButton->setEnabled(
        cancellable && fenFromYuanText(m_refundEdit->text()).has_value() && !m_reasonEdit->text().trimmed().isEmpty());
    m_refundButton->setToolTip(mayRefund ? tr("Cancel the card and pay money back")
                                         : tr("Only an administrator may cancel a card with a refund."));
}

void SalesPage::sell()
{
    const int index = m_productCombo->currentIndex();
    if (index < 0 || index >= m_products.size() || m_memberId.isEmpty())
        return;
    // A start of today goes as "none", so the service's clock decides what today is.
    const QDate today = m_desk.siteToday();
    const QDate start = m_startDateEdit->date();
    Result<SaleReceipt> receipt = m_desk.sellCard(m_session, m_memberId, m_products.at(index).id, chosenPayment(),
        start > today ? std::optional<QDate>(start) : std::nullopt);
    if (!receipt)
        return showError(receipt.error());
    tookPayment(*receipt,
        tr("Sold %1 (card %2), receipt %3.").arg(receipt->productName, receipt->card.cardNo, receipt->receiptNo));
}

void SalesPage::topUp()
{
    const std::optional<MemberCard> card = selectedCard();
    const std::optional<qint64> amountFen = fenFromYuanText(m_topUpEdit->text());
    if (!card || !amountFen || !m_topUpButton->isEnabled())
        return;
    Result<SaleReceipt> receipt = m_desk.topUp(m_session, card->id, *amountFen, chosenPayment());
    if (!receipt)
        return showError(receipt.error());
    m_topUpEdit->clear();
    tookPayment(*receipt,
        tr("Topped up card %1 by %2 yuan; balance %3 yuan.")
            .arg(receipt->card.cardNo, yuanText(receipt->amountFen), yuanText(receipt->card.balanceFen)));
}

void SalesPage::freeze()
{
    const std::optional<MemberCard> card = selectedCard();
    if (!card)
        return;
    Result<MemberCard> frozen = m_desk.freeze(m_session, card->id);
    if (!frozen)
        return showError(frozen.error());
    reloadCards();
    showInfo(tr("Card %1 is frozen.").arg(frozen->cardNo));
}

void SalesPage::unfreeze()
{
    const std::optional<MemberCard> card = selectedCard();
    if (!card)
        return;
    Result<MemberCard> thawed = m_desk.unfreeze(m_session, card->id);
    if (!thawed)
        return showError(thawed.error());
    reloadCards();
    showInfo(thawed->validToMs == 0 ? tr("Card %1 is active again.").arg(thawed->cardNo)
                                    : tr("Card %1 is active again, valid until %2.")
                                          .arg(thawed->cardNo, lastDayText(thawed->validToMs, m_desk.siteTimeZone())));
}

void SalesPage::cancelWithRefund()
{
    const std::optional<MemberCard> card = selectedCard();
    const std::optional<qint64> refundFen = fenFromYuanText(m_refundEdit->text());
    if (!card || !refundFen || !m_refundButton->isEnabled())
        return;
    Result<SaleReceipt> receipt
        = m_desk.cancelWithRefund(m_session, card->id, *refundFen, chosenPayment(), m_reasonEdit->text());
    if (!receipt)
        return showError(receipt.error());
    m_refundEdit->clear();
    m_reasonEdit->clear();
    tookPayment(*receipt,
        tr("Card %1 is cancelled; refunded %2 yuan.").arg(receipt->card.cardNo, yuanText(-receipt->amountFen)));
}

void SalesPage::tookPayment(const SaleReceipt &receipt, const QString &message)
{
    m_lastReceipt = receipt;
    m_receiptButton->setEnabled(true);
    reloadCards();
    showInfo(message);
}

Status SalesPage::saveReceipt(const QString &path)
{
    if (!m_lastReceipt)
        return fail(ErrorCode::NotFound, tr("There is no receipt to save yet."));
    return ReceiptPdf::write(*m_lastReceipt, path);
}

void SalesPage::saveReceiptAs()
{
    if (!m_lastReceipt)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save receipt"), QStringLiteral("%1.pdf").arg(m_lastReceipt->receiptNo), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    if (Status saved = saveReceipt(path); !saved)
        return showError(saved.error());
    showInfo(tr("Receipt %1 saved.").arg(m_lastReceipt->receiptNo));
}

void SalesPage::showError(const Error &error)
{
    m_messageLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_messageLabel->setText(error.message);
    emit statusMessage(error.message);
}

void SalesPage::showInfo(const QString &message)
{
    m_messageLabel->setStyleSheet(QString());
    m_messageLabel->setText(message);
    emit statusMessage(message);
}

} // namespace gymgate
