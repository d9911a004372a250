#pragma once

#include "core/SalesDesk.h"
#include "ui/desk/DeskPage.h"

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QStandardItemModel;
class QTableView;

namespace gymgate {

// Card products for the administrator: a sortable, filterable table and an editor that checks
// the product as it is typed (the same rules the service applies) and names the bad field.
class ProductsPage : public DeskPage {
    Q_OBJECT
public:
    explicit ProductsPage(SalesDesk &desk, QWidget *parent = nullptr);

    QString pageTitle() const override;
    Permission requiredPermission() const override { return Permission::ManageProducts; }
    void setSession(const StaffSession &session) override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void reload(const QString &selectId = {});
    void loadSelected();
    void clearEditor();
    Result<ProductForm> formFromEditor() const;
    void validateEditor();
    void updateKindFields();
    void save();
    void toggleActive();
    void markField(const QString &field);
    void showMessage(const QString &message, bool error);

    SalesDesk &m_desk;
    StaffSession m_session;
    QList<CardProduct> m_products;
    QString m_editingId;

    QLineEdit *m_filterEdit = nullptr;
    QCheckBox *m_showInactiveCheck = nullptr;
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QComboBox *m_kindCombo = nullptr;
    QLineEdit *m_priceEdit = nullptr;
    QSpinBox *m_validDaysSpin = nullptr;
    QSpinBox *m_visitsSpin = nullptr;
    QLineEdit *m_valueEdit = nullptr;
    QLineEdit *m_perVisitEdit = nullptr;
    QLineEdit *m_windowsEdit = nullptr;
    QListWidget *m_zonesList = nullptr;
    QCheckBox *m_activeCheck = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_newButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_toggleButton = nullptr;
};

} // namespace gymgate
