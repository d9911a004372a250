#pragma once

#include "core/SalesDesk.h"
#include "ui/desk/DeskPage.h"

#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace gymgate {

// A staff member's takings over a range of days (site time zone): totals by product and by
// payment method, refunds apart, and a CSV export. Everybody sees their own; with
// ViewShiftReports a staff picker shows anyone's.
class ShiftReportPage : public DeskPage {
    Q_OBJECT
public:
    explicit ShiftReportPage(SalesDesk &desk, QWidget *parent = nullptr);

    QString pageTitle() const override;
    Permission requiredPermission() const override { return Permission::SellCards; }
    void setSession(const StaffSession &session) override;

    const std::optional<ShiftReport> &report() const { return m_report; }
    Status exportCsv(const QString &path) const; // the report shown, as exportShiftReportCsv writes it

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void showReport();
    void fillTable(QStandardItemModel *model, const QList<ShiftTotal> &totals);
    void exportCsvAs();

    SalesDesk &m_desk;
    StaffSession m_session;
    std::optional<ShiftReport> m_report;

    QLabel *m_staffLabel = nullptr;
    QComboBox *m_staffCombo = nullptr;
    QLabel *m_fromLabel = nullptr;
    QDateEdit *m_fromDateEdit = nullptr;
    QLabel *m_toLabel = nullptr;
    QDateEdit *m_toDateEdit = nullptr;
    QPushButton *m_showButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QLabel *m_productsLabel = nullptr;
    QStandardItemModel *m_productModel = nullptr;
    QTableView *m_productTable = nullptr;
    QLabel *m_paymentsLabel = nullptr;
    QStandardItemModel *m_paymentModel = nullptr;
    QTableView *m_paymentTable = nullptr;
    QLabel *m_totalLabel = nullptr;
};

} // namespace gymgate
