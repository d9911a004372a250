#pragma once

#include "core/SalesDesk.h"
#include "ui/desk/DeskPage.h"

#include <optional>

class QComboBox;
class QDateEdit;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace gymgate {

// Selling at the desk for the current member: their cards, selling a card, topping up,
// freezing and unfreezing, cancelling with a refund, and the receipt as a PDF. Buttons the
// session may not use stay disabled; the service refuses them anyway.
class SalesPage : public DeskPage {
    Q_OBJECT
public:
    explicit SalesPage(SalesDesk &desk, QWidget *parent = nullptr);

    QString pageTitle() const override;
    Permission requiredPermission() const override { return Permission::SellCards; }
    void setSession(const StaffSession &session) override;
    void setCurrentMember(const QString &memberId) override;

    // The receipt of the last payment taken on this page (empty before the first).
    const std::optional<SaleReceipt> &lastReceipt() const { return m_lastReceipt; }
    // Saves the last receipt as a PDF at path (the button asks for the path first).
    Status saveReceipt(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void reloadProducts();
    void reloadCards();
    void updateSellForm();
    void updateCardActions();
    std::optional<MemberCard> selectedCard() const;
    PaymentMethod chosenPayment() const;

    void sell();
    void topUp();
    void freeze();
    void unfreeze();
    void cancelWithRefund();
    void saveReceiptAs();
    void tookPayment(const SaleReceipt &receipt, const QString &message);
    void showError(const Error &error);
    void showInfo(const QString &message);

    SalesDesk &m_desk;
    StaffSession m_session;
    QString m_memberId;
    QList<CardProduct> m_products;
    QList<MemberCard> m_cards;
    std::optional<SaleReceipt> m_lastReceipt;

    QLabel *m_memberLabel = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QGroupBox *m_sellBox = nullptr;
    QLabel *m_productLabel = nullptr;
    QComboBox *m_productCombo = nullptr;
    QLabel *m_paymentLabel = nullptr;
    QComboBox *m_paymentCombo = nullptr;
    QLabel *m_startLabel = nullptr;
    QDateEdit *m_startDateEdit = nullptr;
    QLabel *m_priceLabel = nullptr;
    QPushButton *m_sellButton = nullptr;
    QGroupBox *m_cardBox = nullptr;
    QLineEdit *m_topUpEdit = nullptr;
    QPushButton *m_topUpButton = nullptr;
    QPushButton *m_freezeButton = nullptr;
    QPushButton *m_unfreezeButton = nullptr;
    QLineEdit *m_refundEdit = nullptr;
    QLineEdit *m_reasonEdit = nullptr;
    QPushButton *m_refundButton = nullptr;
    QPushButton *m_receiptButton = nullptr;
    QLabel *m_messageLabel = nullptr;
};

} // namespace gymgate
