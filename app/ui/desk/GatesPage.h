#pragma once

#include "core/GateSetup.h"
#include "ui/desk/DeskPage.h"

#include <QList>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;
class QTimer;

namespace gymgate {

class GateEditor;

// The technician's gate list (Permission::TechnicianConsole, docs/HARDWARE.md): every gate with
// its zone, line, fail mode, how the gate service is doing with it and its last self-test;
// beside it the editor, checked as it is typed. Gates and single profiles go to and from
// files; the file methods are public so tests need no file dialog.
class GatesPage : public DeskPage {
    Q_OBJECT
public:
    explicit GatesPage(GateSetup &setup, QWidget *parent = nullptr);
    ~GatesPage() override;

    QString pageTitle() const override;
    Permission requiredPermission() const override { return Permission::TechnicianConsole; }
    void setSession(const StaffSession &session) override;

    GateEditor *editor() const { return m_editor; }
    void selectGate(const QString &gateId);
    QString selectedGateId() const; // empty = none
    int gateRows() const;

    bool importGatesFrom(const QString &path); // all or nothing
    bool exportGatesTo(const QString &path); // the gates the table shows
    bool importProfileFrom(const QString &path); // into the editor; a bad file leaves it unchanged
    bool exportProfileTo(const QString &path); // the editor's profile; refused while it is invalid

public slots:
    void reload(const QString &selectId = {});
    void newGate();
    void saveGate();
    void duplicateGate();
    void deleteGate(); // asks first

signals:
    void diagnoseRequested(const QString &gateId);
    // The editor's gate as it is now, not saved (no id): try a profile before saving it.
    void diagnoseUnsavedRequested(const gymgate::GateConfig &gate);
    void gatesChanged(); // saved, deleted, duplicated or imported: other pages' lists are stale

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildUi();
    // Updates the service and self-test columns in place: the selection and the editor stay.
    void refreshStates();
    void retranslate();
    void loadSelected();
    void updateButtons();
    QString zoneName(const QString &zoneId) const;
    QString selfTestText(const GateConfig &gate) const;
    static QString targetText(const QJsonObject &profile);
    QString kindText(const QString &kind) const;
    QString stateText(const GateListEntry &entry) const;
    void showMessage(const QString &message, bool error);

    GateSetup &m_setup;
    StaffSession m_session;
    QList<GateListEntry> m_gates;
    QList<GateZoneChoice> m_zones;
    QTimer *m_stateTimer = nullptr; // while the page is on screen

    QLineEdit *m_filterEdit = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_duplicateButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_diagnoseButton = nullptr;
    QPushButton *m_importGatesButton = nullptr;
    QPushButton *m_exportGatesButton = nullptr;
    GateEditor *m_editor = nullptr;
    QPushButton *m_importProfileButton = nullptr;
    QPushButton *m_exportProfileButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_tryButton = nullptr;
    QLabel *m_messageLabel = nullptr;
};

} // namespace gymgate
