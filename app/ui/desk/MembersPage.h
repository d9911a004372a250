#pragma once

#include "core/MemberDirectory.h"
#include "ui/desk/DeskPage.h"

#include <QList>
#include <QTimeZone>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTabWidget;
class QTableView;
class QTimer;

namespace gymgate {

// Members (Permission::ViewMembers): search as you type by name, phone, member number or the
// phone's last four digits; the member's details, history (cards, entries, bookings, payments,
// QR codes); register and edit (EditMembers), block and unblock (BlockMembers), issue a QR
// code and print the member card as a PDF (IssueMemberCodes). Phones only ever show masked.
class MembersPage : public DeskPage {
    Q_OBJECT
public:
    MembersPage(
        MemberDirectory &directory, QTimeZone siteTimeZone = QTimeZone::systemTimeZone(), QWidget *parent = nullptr);

    QString pageTitle() const override;
    Permission requiredPermission() const override { return Permission::ViewMembers; }
    void setSession(const StaffSession &session) override;
    void setCurrentMember(const QString &memberId) override;

    QString currentMemberId() const { return m_memberId; }
    QString errorText() const;

public slots:
    void runSearch();
    void newMember(); // clears the form for a registration
    void save(); // registers, or saves the member being edited
    void toggleBlocked();
    void issueCode();
    void printCard(); // asks where, then printCardTo()
    bool printCardTo(const QString &path);
    void choosePhoto();
    void removePhoto();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildSearch();
    void buildForm();
    void buildHistory();
    void retranslate();
    void fillResults(const QList<MemberSummary> &members);
    void selectionChanged();
    void loadMember(const QString &memberId);
    void showMember(const MemberDetails &member);
    void loadHistory();
    void showCode();
    void clearForm();
    void validatePhone();
    MemberForm formValues() const;
    void updateButtons();
    void showError(const Error &error);
    void report(const QString &message);
    QString timeText(qint64 atMs) const;

    MemberDirectory &m_directory;
    QTimeZone m_siteTimeZone;
    StaffSession m_session;
    QString m_memberId; // empty = registering a new member
    std::optional<MemberDetails> m_member;
    std::optional<QByteArray> m_photo; // nullopt = unchanged since loaded
    QString m_code; // current QR code text of the member shown

    QTimer *m_searchTimer = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QLabel *m_resultCountLabel = nullptr;
    QStandardItemModel *m_resultModel = nullptr;
    QSortFilterProxyModel *m_resultProxy = nullptr;
    QTableView *m_resultTable = nullptr;

    QLabel *m_formTitleLabel = nullptr;
    QLabel *m_memberNoLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_nameCaption = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QLabel *m_nameError = nullptr;
    QLabel *m_phoneCaption = nullptr;
    QLineEdit *m_phoneEdit = nullptr;
    QLabel *m_phoneError = nullptr;
    QLabel *m_genderCaption = nullptr;
    QComboBox *m_genderCombo = nullptr;
    QCheckBox *m_birthdayCheck = nullptr;
    QDateEdit *m_birthdayEdit = nullptr;
    QLabel *m_birthdayError = nullptr;
    QLabel *m_languageCaption = nullptr;
    QComboBox *m_languageCombo = nullptr;
    QLabel *m_photoLabel = nullptr;
    QPushButton *m_photoButton = nullptr;
    QPushButton *m_removePhotoButton = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_newButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QLineEdit *m_blockReasonEdit = nullptr;
    QPushButton *m_blockButton = nullptr;
    QLabel *m_qrLabel = nullptr;
    QPushButton *m_issueButton = nullptr;
    QPushButton *m_printButton = nullptr;

    QTabWidget *m_historyTabs = nullptr;
    QStandardItemModel *m_cardsModel = nullptr;
    QStandardItemModel *m_entriesModel = nullptr;
    QStandardItemModel *m_bookingsModel = nullptr;
    QStandardItemModel *m_salesModel = nullptr;
    QStandardItemModel *m_codesModel = nullptr;
};

} // namespace gymgate
