#pragma once

#include "core/EntryService.h"
#include "ui/desk/DeskPage.h"

#include <QMap>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;

namespace gymgate {

// Manual check-in (issue 5): the clerk lets the current member through a gate by hand, with a
// reason (forgot the phone, scanner fault). The entry service decides with the usual rules,
// opens the gate, charges on the passage and audits who did it and why.
class CheckInPage : public DeskPage {
    Q_OBJECT
public:
    // `laneNames`: lane id -> what the clerk reads ("Main gate, in"); `describeMember`: member
    // id -> "Name (M100...)" for the header.
    CheckInPage(EntryService &entries, QMap<QString, QString> laneNames,
        std::function<QString(const QString &)> describeMember, QWidget *parent = nullptr);

    QString pageTitle() const override;
    Permission requiredPermission() const override { return Permission::ManualCheckIn; }
    void setSession(const StaffSession &session) override;
    void setCurrentMember(const QString &memberId) override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void letIn();
    void onUpdate(const EntryUpdate &update);
    void refresh();
    void retranslate();

    EntryService &m_entries;
    QMap<QString, QString> m_laneNames;
    std::function<QString(const QString &)> m_describeMember;
    StaffSession m_session;
    QString m_memberId;
    QString m_waitingEntryId; // the entry this page asked for, followed to its end
    QString m_waitingLane;
    QLabel *m_memberLabel = nullptr;
    QLabel *m_laneCaption = nullptr;
    QComboBox *m_laneCombo = nullptr;
    QLabel *m_reasonCaption = nullptr;
    QComboBox *m_reasonCombo = nullptr;
    QPushButton *m_letInButton = nullptr;
    QLabel *m_resultLabel = nullptr;
};

} // namespace gymgate
