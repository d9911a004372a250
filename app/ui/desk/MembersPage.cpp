#include "ui/desk/MembersPage.h"

#include "core/AccessReason.h"
#include "core/FieldCipher.h"
#include "scan/QrEncoder.h"
#include "ui/desk/MemberCardPdf.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace gymgate {

namespace {

constexpr int SearchLimit = 50;
constexpr int PhotoSidePx = 360; // stored photos are scaled down to this; enough for the desk
constexpr int PreviewSidePx = 96;
constexpr int QrPreviewSidePx = 168;
const int IdRole = Qt::UserRole + 1;

QString yuan(qint64 fen)
{
    const qint64 magnitude = fen < 0 ? -fen : fen;
    return QStringLiteral("%1%2.%3")
        .arg(fen < 0 ? QStringLiteral("-") : QString())
        .arg(magnitude / 100)
        .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

QTableView *makeTable(QStandardItemModel *model, const QString &objectName, QWidget *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    auto *table = new QTableView(parent);
    table->setObjectName(objectName);
    table->setModel(proxy);
    table->setSortingEnabled(true);
    // Until the clerk clicks a header, rows stay in the service's order: best match first, or
    // newest first in the history.
    table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    proxy->sort(-1);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QStandardItem *item(const QString &text)
{
    auto *cell = new QStandardItem(text);
    cell->setEditable(false);
    return cell;
}

// Stored photos are JPEG, small and the right way up, whatever the camera gave.
QByteArray photoBytes(const QImage &image)
{
    const QImage scaled = image.width() > PhotoSidePx || image.height() > PhotoSidePx
        ? image.scaled(PhotoSidePx, PhotoSidePx, Qt::KeepAspectRatio, Qt::SmoothTransformation)
        : image;
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    scaled.save(&buffer, "JPEG", 85);
    return bytes;
}

// The largest whole module size that fits the preview, so every module stays sharp.
Result<QImage> qrPreview(const QString &code)
{
    Result<QImage> single = QrEncoder::encode(code, 1);
    if (!single)
        return single;
    return QrEncoder::encode(code, std::clamp(QrPreviewSidePx / single->width(), 1, QrEncoder::MaxModuleSizePx));
}

QString memberStatusTitle(MemberStatus status)
{
    return status == MemberStatus::Blocked ? MembersPage::tr("Blocked") : MembersPage::tr("Active");
}

} // namespace

MembersPage::MembersPage(MemberDirectory &directory, QTimeZone siteTimeZone, QWidget *parent)
    : DeskPage(parent), m_directory(directory), m_siteTimeZone(std::move(siteTimeZone))
{
    setObjectName(QStringLiteral("membersPage"));
    buildSearch();
    buildForm();
    buildHistory();

    auto *left = new QVBoxLayout;
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_searchEdit, 1);
    searchRow->addWidget(m_resultCountLabel);
    left->addLayout(searchRow);
    left->addWidget(m_resultTable, 1);

    auto *right = new QVBoxLayout;
    auto *formBox = findChild<QGroupBox *>(QStringLiteral("memberFormGroupBox"));
    right->addWidget(formBox);
    right->addWidget(m_historyTabs, 1);

    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left, 2);
    layout->addLayout(right, 3);

    auto *focusSearch = new QShortcut(QKeySequence::Find, this);
    connect(focusSearch, &QShortcut::activated, this, [this] {
        m_searchEdit->setFocus();
        m_searchEdit->selectAll();
    });
    auto *newShortcut = new QShortcut(QKeySequence::New, this);
    connect(newShortcut, &QShortcut::activated, this, &MembersPage::newMember);
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    connect(saveShortcut, &QShortcut::activated, this, &MembersPage::save);
    auto *printShortcut = new QShortcut(QKeySequence::Print, this);
    connect(printShortcut, &QShortcut::activated, this, &MembersPage::printCard);

    setTabOrder(m_searchEdit, m_resultTable);
    setTabOrder(m_resultTable, m_nameEdit);
    setTabOrder(m_nameEdit, m_phoneEdit);
    setTabOrder(m_phoneEdit, m_genderCombo);
    setTabOrder(m_genderCombo, m_birthdayCheck);
    setTabOrder(m_birthdayCheck, m_birthdayEdit);
    setTabOrder(m_birthdayEdit, m_languageCombo);
    setTabOrder(m_languageCombo, m_photoButton);
    setTabOrder(m_photoButton, m_saveButton);

    retranslate();
    clearForm();
}

// ---- building ------------------------------------------------------------------------------

void MembersPage::buildSearch()
{
    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("memberSearchLineEdit"));
    m_searchEdit->setClearButtonEnabled(true);
    m_resultCountLabel = new QLabel(this);
    m_resultCountLabel->setObjectName(QStringLiteral("resultCountLabel"));
    // One search per keystroke (fast enough, see docs/PERFORMANCE.md); a zero timer only merges
    // the keystrokes that arrived together (a paste, a scanner) into one search.
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(0);
    connect(m_searchTimer, &QTimer::timeout, this, &MembersPage::runSearch);
    connect(m_searchEdit, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchEdit, &QLineEdit::returnPressed, this, [this] {
        if (m_resultModel->rowCount() > 0) {
            m_resultTable->selectRow(0);
            m_resultTable->setFocus();
        }
    });

    m_resultModel = new QStandardItemModel(0, 4, this);
    m_resultTable = makeTable(m_resultModel, QStringLiteral("membersTableView"), this);
    m_resultProxy = qobject_cast<QSortFilterProxyModel *>(m_resultTable->model());
    connect(
        m_resultTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MembersPage::selectionChanged);
}

void MembersPage::buildForm()
{
    auto *box = new QGroupBox(this);
    box->setObjectName(QStringLiteral("memberFormGroupBox"));
    m_formTitleLabel = new QLabel(box);
    m_formTitleLabel->setObjectName(QStringLiteral("memberFormTitleLabel"));
    QFont bold = m_formTitleLabel->font();
    bold.setBold(true);
    m_formTitleLabel->setFont(bold);
    m_memberNoLabel = new QLabel(box);
    m_memberNoLabel->setObjectName(QStringLiteral("memberNoLabel"));
    m_memberNoLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel = new QLabel(box);
    m_statusLabel->setObjectName(QStringLiteral("memberStatusLabel"));

    const auto errorLabel = [box](const char *name) {
        auto *label = new QLabel(box);
        label->setObjectName(QString::fromLatin1(name));
        label->setStyleSheet(QStringLiteral("color: #b00020;"));
        label->setWordWrap(true);
        label->hide();
        return label;
    };
    m_nameCaption = new QLabel(box);
    m_nameEdit = new QLineEdit(box);
    m_nameEdit->setObjectName(QStringLiteral("memberNameLineEdit"));
    m_nameEdit->setMaxLength(MemberDirectory::MaxNameLength);
    m_nameError = errorLabel("memberNameErrorLabel");
    m_phoneCaption = new QLabel(box);
    m_phoneEdit = new QLineEdit(box);
    m_phoneEdit->setObjectName(QStringLiteral("memberPhoneLineEdit"));
    m_phoneEdit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,11}")), m_phoneEdit));
    m_phoneEdit->setInputMethodHints(Qt::ImhDigitsOnly);
    m_phoneError = errorLabel("memberPhoneErrorLabel");
    m_genderCaption = new QLabel(box);
    m_genderCombo = new QComboBox(box);
    m_genderCombo->setObjectName(QStringLiteral("memberGenderComboBox"));
    m_birthdayCheck = new QCheckBox(box);
    m_birthdayCheck->setObjectName(QStringLiteral("memberBirthdayCheckBox"));
    m_birthdayEdit = new QDateEdit(box);
    m_birthdayEdit->setObjectName(QStringLiteral("memberBirthdayDateEdit"));
    m_birthdayEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_birthdayEdit->setCalendarPopup(true);
    m_birthdayEdit->setMinimumDate(QDate(1900, 1, 1));
    m_birthdayEdit->setMaximumDate(QDate::currentDate());
    m_birthdayError = errorLabel("memberBirthdayErrorLabel");
    connect(m_birthdayCheck, &QCheckBox::toggled, m_birthdayEdit, &QWidget::setEnabled);
    m_languageCaption = new QLabel(box);
    m_languageCombo = new QComboBox(box);
    m_languageCombo->setObjectName(QStringLiteral("memberLanguageComboBox"));
    m_languageCombo->addItem(QStringLiteral("中文"), QStringLiteral("zh_CN"));
    m_languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));

    m_photoLabel = new QLabel(box);
    m_photoLabel->setObjectName(QStringLiteral("memberPhotoLabel"));
    m_photoLabel->setFixedSize(PreviewSidePx, PreviewSidePx);
    m_photoLabel->setAlignment(Qt::AlignCenter);
    m_photoLabel->setFrameShape(QFrame::StyledPanel);
    m_photoButton = new QPushButton(box);
    m_photoButton->setObjectName(QStringLiteral("choosePhotoPushButton"));
    m_removePhotoButton = new QPushButton(box);
    m_removePhotoButton->setObjectName(QStringLiteral("removePhotoPushButton"));
    connect(m_photoButton, &QPushButton::clicked, this, &MembersPage::choosePhoto);
    connect(m_removePhotoButton, &QPushButton::clicked, this, &MembersPage::removePhoto);

    m_errorLabel = errorLabel("memberFormErrorLabel");
    m_newButton = new QPushButton(box);
    m_newButton->setObjectName(QStringLiteral("newMemberPushButton"));
    m_saveButton = new QPushButton(box);
    m_saveButton->setObjectName(QStringLiteral("saveMemberPushButton"));
    m_saveButton->setDefault(true);
    m_blockReasonEdit = new QLineEdit(box);
    m_blockReasonEdit->setObjectName(QStringLiteral("blockReasonLineEdit"));
    m_blockReasonEdit->setMaxLength(200);
    m_blockButton = new QPushButton(box);
    m_blockButton->setObjectName(QStringLiteral("blockMemberPushButton"));
    m_qrLabel = new QLabel(box);
    m_qrLabel->setObjectName(QStringLiteral("memberQrLabel"));
    m_qrLabel->setAlignment(Qt::AlignCenter);
    m_qrLabel->setFixedSize(QrPreviewSidePx, QrPreviewSidePx);
    m_issueButton = new QPushButton(box);
    m_issueButton->setObjectName(QStringLiteral("issueCodePushButton"));
    m_printButton = new QPushButton(box);
    m_printButton->setObjectName(QStringLiteral("printCardPushButton"));

    connect(m_newButton, &QPushButton::clicked, this, &MembersPage::newMember);
    connect(m_saveButton, &QPushButton::clicked, this, &MembersPage::save);
    connect(m_nameEdit, &QLineEdit::returnPressed, this, &MembersPage::save);
    connect(m_phoneEdit, &QLineEdit::returnPressed, this, &MembersPage::save);
    connect(m_phoneEdit, &QLineEdit::textEdited, this, &MembersPage::validatePhone);
    connect(m_nameEdit, &QLineEdit::textEdited, this,
        [this] { m_nameError->setVisible(m_nameEdit->text().trimmed().isEmpty()); });
    connect(m_blockButton, &QPushButton::clicked, this, &MembersPage::toggleBlocked);
    connect(m_issueButton, &QPushButton::clicked, this, &MembersPage::issueCode);
    connect(m_printButton, &QPushButton::clicked, this, &MembersPage::printCard);

    auto *form = new QFormLayout;
    form->addRow(m_nameCaption, m_nameEdit);
    form->addRow(QString(), m_nameError);
    form->addRow(m_phoneCaption, m_phoneEdit);
    form->addRow(QString(), m_phoneError);
    form->addRow(m_genderCaption, m_genderCombo);
    form->addRow(m_birthdayCheck, m_birthdayEdit);
    form->addRow(QString(), m_birthdayError);
    form->addRow(m_languageCaption, m_languageCombo);

    auto *photoColumn = new QVBoxLayout;
    photoColumn->addWidget(m_photoLabel);
    photoColumn->addWidget(m_photoButton);
    photoColumn->addWidget(m_removePhotoButton);
    photoColumn->addStretch();
    auto *qrColumn = new QVBoxLayout;
    qrColumn->addWidget(m_qrLabel);
    qrColumn->addWidget(m_issueButton);
    qrColumn->addWidget(m_printButton);
    qrColumn->addStretch();

    auto *header = new QHBoxLayout;
    header->addWidget(m_formTitleLabel);
    header->addWidget(m_memberNoLabel);
    header->addWidget(m_statusLabel);
    header->addStretch();
    auto *body = new QHBoxLayout;
    body->addLayout(form, 1);
    body->addLayout(photoColumn);
    body->addLayout(qrColumn);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_newButton);
    buttons->addWidget(m_saveButton);
    buttons->addStretch();
    buttons->addWidget(m_blockReasonEdit, 1);
    buttons->addWidget(m_blockButton);

    auto *layout = new QVBoxLayout(box);
    layout->addLayout(header);
    layout->addLayout(body);
    layout->addWidget(m_errorLabel);
    layout->addLayout(buttons);
}

void MembersPage::buildHistory()
{
    m_historyTabs = new QTabWidget(this);
    m_historyTabs->setObjectName(QStringLiteral("historyTabWidget"));
    const auto add = [this](QStandardItemModel *&model, int columns, const char *tableName) {
        model = new QStandardItemModel(0, columns, this);
        m_historyTabs->addTab(makeTable(model, QString::fromLatin1(tableName), m_historyTabs), QString());
    };
    add(m_cardsModel, 5, "cardsTableView");
    add(m_entriesModel, 4, "entriesTableView");
    add(m_bookingsModel, 4, "bookingsTableView");
    add(m_salesModel, 4, "salesTableView");
    add(m_codesModel, 3, "codesTableView");
}

void MembersPage::retranslate()
{
    m_searchEdit->setPlaceholderText(tr("Search: name, phone, member no. or last 4 digits (Ctrl+F)"));
    m_resultModel->setHorizontalHeaderLabels({tr("Member no."), tr("Name"), tr("Phone"), tr("Status")});
    m_nameCaption->setText(tr("&Name"));
    m_nameCaption->setBuddy(m_nameEdit);
    m_nameError->setText(tr("Please enter the member's name."));
    m_phoneCaption->setText(tr("&Mobile"));
    m_phoneCaption->setBuddy(m_phoneEdit);
    m_genderCaption->setText(tr("&Gender"));
    m_genderCaption->setBuddy(m_genderCombo);
    const int gender = m_genderCombo->currentIndex();
    m_genderCombo->clear();
    m_genderCombo->addItem(tr("Not given"), int(Gender::Unknown));
    m_genderCombo->addItem(tr("Male"), int(Gender::Male));
    m_genderCombo->addItem(tr("Female"), int(Gender::Female));
    m_genderCombo->setCurrentIndex(std::max(gender, 0));
    m_birthdayCheck->setText(tr("&Birthday"));
    m_languageCaption->setText(tr("&Language"));
    m_languageCaption->setBuddy(m_languageCombo);
    m_photoButton->setText(tr("Photo..."));
    m_removePhotoButton->setText(tr("Remove photo"));
    m_newButton->setText(tr("New member (Ctrl+N)"));
    m_saveButton->setText(tr("Save (Ctrl+S)"));
    m_blockReasonEdit->setPlaceholderText(tr("Reason for blocking"));
    m_issueButton->setText(tr("Issue QR code"));
    m_printButton->setText(tr("Print member card (PDF)"));
    m_historyTabs->setTabText(0, tr("Cards"));
    m_historyTabs->setTabText(1, tr("Entries"));
    m_historyTabs->setTabText(2, tr("Bookings"));
    m_historyTabs->setTabText(3, tr("Payments"));
    m_historyTabs->setTabText(4, tr("QR codes"));
    m_cardsModel->setHorizontalHeaderLabels({tr("Card no."), tr("Card"), tr("Status"), tr("Valid until"), tr("Left")});
    m_entriesModel->setHorizontalHeaderLabels({tr("Time"), tr("Gate"), tr("Result"), tr("Reason")});
    m_bookingsModel->setHorizontalHeaderLabels({tr("Booking no."), tr("Start"), tr("End"), tr("Status")});
    m_salesModel->setHorizontalHeaderLabels({tr("Receipt no."), tr("Time"), tr("Kind"), tr("Amount (yuan)")});
    m_codesModel->setHorizontalHeaderLabels({tr("Code"), tr("Issued"), tr("Revoked")});
    if (m_member)
        showMember(*m_member);
    else
        updateButtons();
}

void MembersPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    DeskPage::changeEvent(event);
}

QString MembersPage::pageTitle() const
{
    return tr("Members");
}

QString MembersPage::errorText() const
{
    return m_errorLabel->isVisible() ? m_errorLabel->text() : QString();
}

// ---- session and selection -----------------------------------------------------------------

void MembersPage::setSession(const StaffSession &session)
{
    m_session = session;
    m_searchEdit->clear();
    m_resultModel->removeRows(0, m_resultModel->rowCount());
    m_resultCountLabel->clear();
    clearForm();
}

void MembersPage::setCurrentMember(const QString &memberId)
{
    if (memberId == m_memberId)
        return;
    if (memberId.isEmpty())
        clearForm();
    else
        loadMember(memberId);
}

void MembersPage::runSearch()
{
    if (!m_session.isValid())
        return;
    Result<QList<MemberSummary>> found = m_directory.search(m_session, m_searchEdit->text(), SearchLimit);
    if (!found) {
        showError(found.error());
        return;
    }
    fillResults(*found);
}

void MembersPage::fillResults(const QList<MemberSummary> &members)
{
    const QSignalBlocker blocker(m_resultTable->selectionModel());
    m_resultModel->removeRows(0, m_resultModel->rowCount());
    for (const MemberSummary &member : members) {
        QList<QStandardItem *> row {
            item(member.memberNo), item(member.name), item(member.phoneMask), item(memberStatusTitle(member.status))};
        row.first()->setData(member.id, IdRole);
        m_resultModel->appendRow(row);
    }
    m_resultCountLabel->setText(
        members.size() >= SearchLimit ? tr("first %1").arg(SearchLimit) : tr("%n found", nullptr, int(members.size())));
    m_resultTable->resizeColumnsToContents();
}

void MembersPage::selectionChanged()
{
    const QModelIndexList rows = m_resultTable->selectionModel()->selectedRows(0);
    if (rows.isEmpty())
        return;
    const QString memberId = m_resultProxy->data(rows.first(), IdRole).toString();
    if (memberId.isEmpty() || memberId == m_memberId)
        return;
    loadMember(memberId);
    if (m_memberId == memberId)
        emit memberSelected(memberId);
}

void MembersPage::loadMember(const QString &memberId)
{
    if (!m_session.isValid())
        return;
    Result<MemberDetails> member = m_directory.member(m_session, memberId);
    if (!member) {
        showError(member.error());
        return;
    }
    m_memberId = member->summary.id;
    m_photo.reset();
    showMember(*member);
    loadHistory();
    showCode();
}

void MembersPage::showMember(const MemberDetails &member)
{
    m_member = member;
    m_formTitleLabel->setText(tr("Member"));
    m_memberNoLabel->setText(member.summary.memberNo);
    m_statusLabel->setText(memberStatusTitle(member.summary.status));
    m_statusLabel->setStyleSheet(member.summary.status == MemberStatus::Blocked
            ? QStringLiteral("color: white; background: #b00020; padding: 1px 6px;")
            : QString());
    m_nameEdit->setText(member.summary.name);
    m_phoneEdit->clear();
    m_phoneEdit->setPlaceholderText(tr("%1 (type a new number to change it)").arg(member.summary.phoneMask));
    m_genderCombo->setCurrentIndex(std::max(0, m_genderCombo->findData(int(member.gender))));
    m_birthdayCheck->setChecked(member.birthday.isValid());
    m_birthdayEdit->setEnabled(member.birthday.isValid());
    m_birthdayEdit->setDate(member.birthday.isValid() ? member.birthday : QDate(1990, 1, 1));
    m_languageCombo->setCurrentIndex(std::max(0, m_languageCombo->findData(member.preferredLanguage)));
    const QByteArray photo = m_photo.value_or(member.photo);
    QPixmap pixmap;
    if (!photo.isEmpty() && pixmap.loadFromData(photo))
        m_photoLabel->setPixmap(
            pixmap.scaled(PreviewSidePx, PreviewSidePx, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    else
        m_photoLabel->setText(tr("No photo"));
    m_blockButton->setText(member.summary.status == MemberStatus::Blocked ? tr("Unblock") : tr("Block"));
    m_nameError->hide();
    m_phoneError->hide();
    m_birthdayError->hide();
    m_errorLabel->hide();
    updateButtons();
}

void MembersPage::clearForm()
{
    m_memberId.clear();
    m_member.reset();
    m_photo.reset();
    m_code.clear();
    m_formTitleLabel->setText(tr("New member"));
    m_memberNoLabel->clear();
    m_statusLabel->clear();
    m_statusLabel->setStyleSheet(QString());
    m_nameEdit->clear();
    m_phoneEdit->clear();
    m_phoneEdit->setPlaceholderText(tr("e.g. 13800138000"));
    m_genderCombo->setCurrentIndex(0);
    m_birthdayCheck->setChecked(false);
    m_birthdayEdit->setEnabled(false);
    m_birthdayEdit->setDate(QDate(1990, 1, 1));
    m_languageCombo->setCurrentIndex(0);
    m_photoLabel->setPixmap(QPixmap());
    m_photoLabel->setText(tr("No photo"));
    m_qrLabel->setPixmap(QPixmap());
    m_qrLabel->setText(tr("No QR code"));
    m_blockReasonEdit->clear();
    m_blockButton->setText(tr("Block"));
    m_nameError->hide();
    m_phoneError->hide();
    m_birthdayError->hide();
    m_errorLabel->hide();
    for (QStandardItemModel *model : {m_cardsModel, m_entriesModel, m_bookingsModel, m_salesModel, m_codesModel})
        model->removeRows(0, model->rowCount());
    updateButtons();
}

void MembersPage::newMember()
{
    m_resultTable->clearSelection();
    clearForm();
    m_nameEdit->setFocus();
}

void MembersPage::updateButtons()
{
    const bool editing = !m_memberId.isEmpty();
    const bool mayEdit = m_session.may(Permission::EditMembers);
    for (QWidget *field : std::initializer_list<QWidget *> {m_nameEdit, m_phoneEdit, m_genderCombo, m_birthdayCheck,
             m_languageCombo, m_photoButton, m_removePhotoButton, m_saveButton, m_newButton})
        field->setEnabled(mayEdit);
    m_birthdayEdit->setEnabled(mayEdit && m_birthdayCheck->isChecked());
    const bool mayBlock = editing && m_session.may(Permission::BlockMembers);
    m_blockButton->setEnabled(mayBlock);
    m_blockReasonEdit->setEnabled(mayBlock && m_member && m_member->summary.status == MemberStatus::Active);
    const bool mayIssue = editing && m_session.may(Permission::IssueMemberCodes);
    m_issueButton->setEnabled(mayIssue && m_member && m_member->summary.status == MemberStatus::Active);
    m_printButton->setEnabled(mayIssue && !m_code.isEmpty());
}

// ---- form ----------------------------------------------------------------------------------

void MembersPage::validatePhone()
{
    const QString phone = m_phoneEdit->text();
    const bool acceptable = phone.isEmpty() || isValidChineseMobile(phone);
    if (acceptable) {
        m_phoneError->hide();
        return;
    }
    m_phoneError->setText(phone.size() < 11 ? tr("%n more digit(s) needed.", nullptr, int(11 - phone.size()))
                                            : tr("Not a mainland China mobile number (1[3-9]xxxxxxxxx)."));
    m_phoneError->show();
}

MemberForm MembersPage::formValues() const
{
    MemberForm form;
    form.name = m_nameEdit->text().trimmed();
    form.phone = m_phoneEdit->text().trimmed();
    form.gender = Gender(m_genderCombo->currentData().toInt());
    form.birthday = m_birthdayCheck->isChecked() ? m_birthdayEdit->date() : QDate();
    form.preferredLanguage = m_languageCombo->currentData().toString();
    form.photo = m_photo;
    return form;
}

void MembersPage::save()
{
    if (!m_session.isValid())
        return;
    const bool registering = m_memberId.isEmpty();
    const MemberForm form = formValues();
    // The same rules as the service, said at the field before the round trip.
    bool complete = true;
    m_nameError->setVisible(form.name.isEmpty());
    complete = complete && !form.name.isEmpty();
    if ((registering || !form.phone.isEmpty()) && !isValidChineseMobile(form.phone)) {
        m_phoneError->setText(tr("Please enter an 11-digit mainland China mobile number, e.g. 13800138000."));
        m_phoneError->show();
        complete = false;
    }
    if (!complete) {
        (form.name.isEmpty() ? m_nameEdit : m_phoneEdit)->setFocus();
        return;
    }
    Result<MemberDetails> saved = registering ? m_directory.registerMember(m_session, form)
                                              : m_directory.updateMember(m_session, m_memberId, form);
    if (!saved) {
        showError(saved.error());
        return;
    }
    const bool changedMember = m_memberId != saved->summary.id;
    m_memberId = saved->summary.id;
    m_photo.reset();
    showMember(*saved);
    loadHistory();
    showCode();
    report(registering ? tr("Member %1 registered.").arg(saved->summary.memberNo)
                       : tr("Member %1 saved.").arg(saved->summary.memberNo));
    runSearch(); // the table shows the new name or status
    if (changedMember)
        emit memberSelected(m_memberId);
}

void MembersPage::choosePhoto()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Member photo"),
        QStandardPaths::writableLocation(QStandardPaths::PicturesLocation), tr("Images (*.jpg *.jpeg *.png *.bmp)"));
    if (path.isEmpty())
        return;
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull()) {
        showError(Error {ErrorCode::InvalidArgument, tr("This file is not a picture: %1").arg(reader.errorString()),
            QStringLiteral("photo")});
        return;
    }
    m_photo = photoBytes(image);
    m_photoLabel->setPixmap(
        QPixmap::fromImage(image).scaled(PreviewSidePx, PreviewSidePx, Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

void MembersPage::removePhoto()
{
    m_photo = QByteArray();
    m_photoLabel->setPixmap(QPixmap());
    m_photoLabel->setText(tr("No photo"));
}

void MembersPage::toggleBlocked()
{
    if (!m_member)
        return;
    const bool blocked = m_member->summary.status == MemberStatus::Blocked;
    const Status changed = blocked ? m_directory.unblockMember(m_session, m_memberId)
                                   : m_directory.blockMember(m_session, m_memberId, m_blockReasonEdit->text());
    if (!changed) {
        showError(changed.error());
        return;
    }
    m_blockReasonEdit->clear();
    report(blocked ? tr("Member %1 unblocked.").arg(m_member->summary.memberNo)
                   : tr("Member %1 blocked: every gate refuses them now.").arg(m_member->summary.memberNo));
    loadMember(m_memberId);
    runSearch();
}

// ---- codes ---------------------------------------------------------------------------------

void MembersPage::showCode()
{
    m_code.clear();
    m_qrLabel->setPixmap(QPixmap());
    m_qrLabel->setText(tr("No QR code"));
    if (!m_memberId.isEmpty() && m_session.may(Permission::IssueMemberCodes)) {
        Result<MemberCode> code = m_directory.memberCode(m_session, m_memberId);
        if (code) {
            m_code = code->code;
            Result<QImage> image = qrPreview(m_code);
            if (image)
                m_qrLabel->setPixmap(QPixmap::fromImage(*image));
        }
    }
    updateButtons();
}

void MembersPage::issueCode()
{
    if (m_memberId.isEmpty())
        return;
    Result<MemberCode> code = m_directory.issueMemberCode(m_session, m_memberId);
    if (!code) {
        showError(code.error());
        return;
    }
    showCode();
    loadHistory();
    report(tr("New QR code issued for %1; earlier codes no longer open the gates.").arg(code->memberNo));
}

void MembersPage::printCard()
{
    if (m_memberId.isEmpty() || m_code.isEmpty() || !m_member)
        return;
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(tr("member-card-%1.pdf").arg(m_member->summary.memberNo));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save member card"), suggested, tr("PDF (*.pdf)"));
    if (!path.isEmpty())
        printCardTo(path);
}

bool MembersPage::printCardTo(const QString &path)
{
    Result<MemberCode> code = m_directory.memberCode(m_session, m_memberId);
    if (!code) {
        showError(code.error());
        return false;
    }
    if (Status written = MemberCardPdf::write(*code, path); !written) {
        showError(written.error());
        return false;
    }
    report(tr("Member card saved to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

// ---- history -------------------------------------------------------------------------------

QString MembersPage::timeText(qint64 atMs) const
{
    if (atMs <= 0)
        return QString();
    return QDateTime::fromMSecsSinceEpoch(atMs, m_siteTimeZone).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

namespace {

QString cardStatusText(CardStatus status)
{
    switch (status) {
    case CardStatus::Active:
        return MembersPage::tr("Active");
    case CardStatus::Frozen:
        return MembersPage::tr("Frozen");
    case CardStatus::Expired:
        return MembersPage::tr("Expired");
    case CardStatus::Cancelled:
        return MembersPage::tr("Cancelled");
    case CardStatus::Invalid:
        break;
    }
    return QString();
}

QString cardLeftText(const MemberCard &card)
{
    switch (card.kind) {
    case CardKind::Count:
        return MembersPage::tr("%n visit(s)", nullptr, card.visitsLeft);
    case CardKind::Value:
        return MembersPage::tr("%1 yuan").arg(yuan(card.balanceFen));
    case CardKind::Time:
    case CardKind::Invalid:
        break;
    }
    return QString();
}

QString bookingStatusText(BookingStatus status)
{
    switch (status) {
    case BookingStatus::Booked:
        return MembersPage::tr("Booked");
    case BookingStatus::Cancelled:
        return MembersPage::tr("Cancelled");
    case BookingStatus::Attended:
        return MembersPage::tr("Attended");
    case BookingStatus::NoShow:
        return MembersPage::tr("No-show");
    case BookingStatus::Rejected:
        return MembersPage::tr("Rejected by the hub");
    case BookingStatus::Invalid:
        break;
    }
    return QString();
}

QString saleKindText(const QString &kind)
{
    if (kind == QLatin1String("sale"))
        return MembersPage::tr("Sale");
    if (kind == QLatin1String("topup"))
        return MembersPage::tr("Top-up");
    if (kind == QLatin1String("refund"))
        return MembersPage::tr("Refund");
    if (kind == QLatin1String("penalty"))
        return MembersPage::tr("Penalty");
    return kind;
}

QString entryResultText(EntryStatus status)
{
    switch (status) {
    case EntryStatus::Passed:
        return MembersPage::tr("Entered");
    case EntryStatus::Pending:
        return MembersPage::tr("Granted");
    case EntryStatus::Denied:
        return MembersPage::tr("Refused");
    case EntryStatus::Annulled:
        return MembersPage::tr("Not passed");
    case EntryStatus::Invalid:
        break;
    }
    return QString();
}

QStandardItem *amountItem(qint64 fen)
{
    QStandardItem *cell = item(yuan(fen));
    cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return cell;
}

} // namespace

void MembersPage::loadHistory()
{
    for (QStandardItemModel *model : {m_cardsModel, m_entriesModel, m_bookingsModel, m_salesModel, m_codesModel})
        model->removeRows(0, model->rowCount());
    if (m_memberId.isEmpty())
        return;
    Result<MemberHistory> history = m_directory.history(m_session, m_memberId);
    if (!history) {
        showError(history.error());
        return;
    }
    for (const MemberCard &card : history->cards)
        m_cardsModel->appendRow({item(card.cardNo), item(card.name), item(cardStatusText(card.status)),
            item(card.validToMs ? timeText(card.validToMs) : tr("No expiry")), item(cardLeftText(card))});
    for (const EntryRecord &entry : history->entries)
        m_entriesModel->appendRow({item(timeText(entry.decidedAtMs)), item(entry.gateId),
            item(entryResultText(entry.status)), item(accessReasonMessage(entry.reason))});
    for (const Booking &booking : history->bookings)
        m_bookingsModel->appendRow({item(booking.bookingNo), item(timeText(booking.startMs)),
            item(timeText(booking.endMs)), item(bookingStatusText(booking.status))});
    for (const MemberSaleLine &sale : history->sales)
        m_salesModel->appendRow({item(sale.receiptNo), item(timeText(sale.createdAtMs)), item(saleKindText(sale.kind)),
            amountItem(sale.amountFen)});
    for (const MemberCodeLine &code : history->codes)
        m_codesModel->appendRow({item(code.credentialId), item(timeText(code.issuedAtMs)),
            item(code.revokedAtMs ? timeText(*code.revokedAtMs) : tr("Current"))});
    for (QTableView *table : m_historyTabs->findChildren<QTableView *>())
        table->resizeColumnsToContents();
}

// ---- messages ------------------------------------------------------------------------------

void MembersPage::showError(const Error &error)
{
    QLabel *fieldLabel = error.field == QLatin1String("phone") ? m_phoneError
        : error.field == QLatin1String("name")                 ? m_nameError
        : error.field == QLatin1String("birthday")             ? m_birthdayError
                                                               : nullptr;
    if (fieldLabel) {
        fieldLabel->setText(error.message);
        fieldLabel->show();
    }
    m_errorLabel->setText(error.message);
    m_errorLabel->show();
    emit statusMessage(error.message);
}

void MembersPage::report(const QString &message)
{
    m_errorLabel->hide();
    emit statusMessage(message);
}

} // namespace gymgate
