// gymgate-desk-shots: opens the real front desk on a copy of a gymgate-datagen gym, logs in a
// new administrator, picks a member and saves a PNG of the first-run wizard, the login dialog
// and every desk page, for docs/DESK.md. The gym itself is never changed.
//   gymgate-desk-shots --db gym.db --out docs/desk/shots [--lang zh_CN] [--size 1280x800]
//                      [--clock 2026-03-04T10:05:00+08:00]

#include "core/Clock.h"
#include "core/FieldCipher.h"
#include "core/KeyFile.h"
#include "core/SigningKey.h"
#include "core/Translations.h"
#include "store/Database.h"
#include "store/SettingRepository.h"
#include "store/SqlBookingDesk.h"
#include "store/SqlDashboardSource.h"
#include "store/SqlMemberDirectory.h"
#include "store/SqlReportDesk.h"
#include "store/SqlSalesDesk.h"
#include "store/SqlStaffDirectory.h"
#include "ui/desk/AuditPage.h"
#include "ui/desk/BookingsPage.h"
#include "ui/desk/DashboardPage.h"
#include "ui/desk/DeskWindow.h"
#include "ui/desk/FirstRunWizard.h"
#include "ui/desk/LoginDialog.h"
#include "ui/desk/MembersPage.h"
#include "ui/desk/ProductsPage.h"
#include "ui/desk/ReportsPage.h"
#include "ui/desk/SalesPage.h"
#include "ui/desk/SchedulePage.h"
#include "ui/desk/ShiftReportPage.h"
#include "ui/desk/StaffPage.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDateEdit>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <functional>

#include "tools/ShotSupport.h"

using namespace gymgate;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(DeskShots)
};

// The datagen gym's demo member with a count card (scenario "count_card").
const QString SampleMemberNo = QStringLiteral("M1000000002");
const QString AdminUsername = QStringLiteral("admin");
const QString AdminPassword = QStringLiteral("frontdesk2026");
const int FirstCalendarHour = 7; // the calendar starts at midnight; classes start at seven

struct ShotOptions {
    QString dbPath;
    QString outDir;
    QString language;
    QSize size;
    qint64 nowMs = 0;
};

std::optional<ShotOptions> parseOptions(QApplication &app, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Saves a PNG of every front desk screen on a copy of a demo gym."));
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
        Text::tr("The gym made by gymgate-datagen (its folder holds data.key and signing.key)."),
        QStringLiteral("file"));
    const QCommandLineOption outOption(
        QStringLiteral("out"), Text::tr("Directory for the PNG files."), QStringLiteral("dir"), QStringLiteral("."));
    const QCommandLineOption sizeOption(QStringLiteral("size"), Text::tr("Window size, WIDTHxHEIGHT."),
        QStringLiteral("size"), QStringLiteral("1280x800"));
    const QCommandLineOption langOption(QStringLiteral("lang"), Text::tr("Site language (zh_CN or en)."),
        QStringLiteral("lang"), QStringLiteral("zh_CN"));
    const QCommandLineOption clockOption(QStringLiteral("clock"),
        Text::tr("The time the desk runs at, ISO 8601 (the --now given to gymgate-datagen)."), QStringLiteral("iso"));
    parser.addOptions({dbOption, outOption, sizeOption, langOption, clockOption});
    parser.process(app);

    ShotOptions options;
    options.dbPath = parser.value(dbOption);
    options.outDir = parser.value(outOption);
    options.language = parser.value(langOption);
    const QStringList size = parser.value(sizeOption).split(QLatin1Char('x'));
    options.size = size.size() == 2 ? QSize(size.at(0).toInt(), size.at(1).toInt()) : QSize();
    const QDateTime clock = parser.isSet(clockOption) ? QDateTime::fromString(parser.value(clockOption), Qt::ISODate)
                                                      : QDateTime::currentDateTimeUtc();
    options.nowMs = clock.toMSecsSinceEpoch();
    if (options.dbPath.isEmpty() || options.size.width() <= 0 || options.size.height() <= 0 || !clock.isValid()
        || !switchLanguage(app, options.language)) {
        err << Text::tr("Bad --db, --size, --lang or --clock (see --help).") << Qt::endl;
        return std::nullopt;
    }
    return options;
}

// The copy gets the sale and the booking made for the pictures; the original stays as it was.
Status copyGym(const QString &dbPath, const QString &copyDir)
{
    const QFileInfo db(dbPath);
    const QStringList files {db.fileName(), db.fileName() + QStringLiteral("-wal"), QStringLiteral("data.key"),
        QStringLiteral("signing.key")};
    for (const QString &name : files) {
        const QString from = db.dir().filePath(name);
        if (name.endsWith(QStringLiteral("-wal")) && !QFile::exists(from))
            continue;
        if (!QFile::copy(from, QDir(copyDir).filePath(name)))
            return fail(ErrorCode::Io, Text::tr("Cannot copy %1").arg(from), QStringLiteral("db"));
    }
    return {};
}

// The parts DeskApp builds, in the order they must be destroyed in reverse.
struct Desk {
    std::unique_ptr<Database> db;
    std::optional<FieldCipher> cipher;
    std::optional<SigningKey> signingKey;
    QTimeZone zone;
    std::unique_ptr<SqlStaffDirectory> staff;
    std::unique_ptr<SqlMemberDirectory> members;
    std::unique_ptr<SqlSalesDesk> sales;
    std::unique_ptr<SqlBookingDesk> bookings;
    std::unique_ptr<SqlReportDesk> reports;
    std::unique_ptr<SqlDashboardSource> dashboard;
    std::unique_ptr<DeskWindow> window;
};

Status openDesk(Desk &desk, const QString &dbPath, const Clock &clock)
{
    Database::Options dbOptions;
    dbOptions.path = dbPath;
    Result<std::unique_ptr<Database>> db = Database::open(dbOptions);
    if (!db)
        return std::unexpected(db.error());
    desk.db = std::move(*db);
    const QDir keyDir = QFileInfo(dbPath).absoluteDir();
    Result<QByteArray> dataKey
        = readKeyFile(keyDir.filePath(QStringLiteral("data.key")), FieldCipher::KeyBytes, QStringLiteral("db"));
    Result<FieldCipher> cipher = dataKey ? FieldCipher::fromKey(*dataKey) : std::unexpected(dataKey.error());
    if (!cipher)
        return std::unexpected(cipher.error());
    desk.cipher.emplace(std::move(*cipher));
    SettingRepository settings(*desk.db);
    const QString keyId = QStringLiteral("site") + settings.value(QStringLiteral("site.number"), QStringLiteral("100"));
    Result<QByteArray> secret
        = readKeyFile(keyDir.filePath(QStringLiteral("signing.key")), SigningKey::SecretKeyBytes, QStringLiteral("db"));
    Result<SigningKey> signingKey
        = secret ? SigningKey::fromSecretKey(keyId, *secret) : std::unexpected(secret.error());
    if (!signingKey)
        return std::unexpected(signingKey.error());
    desk.signingKey.emplace(std::move(*signingKey));
    desk.zone = QTimeZone(settings.value(QStringLiteral("site.timezone"), QStringLiteral("Asia/Shanghai")).toUtf8());

    desk.staff = std::make_unique<SqlStaffDirectory>(*desk.db, clock);
    desk.members = std::make_unique<SqlMemberDirectory>(*desk.db, *desk.cipher, *desk.signingKey, clock);
    desk.sales = std::make_unique<SqlSalesDesk>(*desk.db, clock);
    desk.bookings = std::make_unique<SqlBookingDesk>(*desk.db, clock);
    desk.reports = std::make_unique<SqlReportDesk>(*desk.db, clock);
    desk.dashboard = std::make_unique<SqlDashboardSource>(*desk.db, clock);
    desk.window = std::make_unique<DeskWindow>();
    desk.window->addPage(new MembersPage(*desk.members, desk.zone));
    desk.window->addPage(new SalesPage(*desk.sales));
    desk.window->addPage(new BookingsPage(*desk.bookings, clock));
    desk.window->addPage(new ShiftReportPage(*desk.sales));
    desk.window->addPage(new SchedulePage(*desk.bookings, clock));
    desk.window->addPage(new ProductsPage(*desk.sales));
    desk.window->addPage(new StaffPage(*desk.staff, clock, desk.zone));
    desk.window->addPage(new AuditPage(*desk.staff, clock, desk.zone));
    desk.window->addPage(new DashboardPage(*desk.dashboard, nullptr, desk.zone));
    desk.window->addPage(new ReportsPage(*desk.reports));
    return {};
}

// Lets layouts, deferred searches and repaints run before a grab.
void settle()
{
    QEventLoop loop;
    QTimer::singleShot(300, &loop, &QEventLoop::quit);
    loop.exec();
}

// A dialog is a window of its own: paint it over the dimmed desk, where it appears.
bool saveDialog(
    QDialog &dialog, QWidget &window, const QString &directory, const QString &name, QTextStream &out, QTextStream &err)
{
    dialog.show();
    settle();
    QImage image = window.grab().toImage();
    QPainter painter(&image);
    painter.fillRect(image.rect(), QColor(0, 0, 0, 120));
    const QPixmap dialogImage = dialog.grab();
    painter.drawPixmap(
        (image.width() - dialogImage.width()) / 2, (image.height() - dialogImage.height()) / 2, dialogImage);
    painter.end();
    dialog.close();
    return shots::savePng(image, directory, name, out, err);
}

void fillEdit(QWidget &parent, const char *objectName, const QString &text)
{
    if (auto *edit = parent.findChild<QLineEdit *>(QString::fromLatin1(objectName)))
        edit->setText(text);
}

QString adminDisplayName(const QString &language)
{
    return language == QLatin1String("en") ? QStringLiteral("Li Jing") : QString::fromUtf8("李静");
}

Result<StaffSession> logInAdmin(Desk &desk, const QString &language)
{
    Result<StaffSession> created
        = desk.staff->createFirstAdmin(AdminUsername, adminDisplayName(language), AdminPassword);
    if (!created)
        return created;
    if (Status out = desk.staff->logout(*created); !out)
        return std::unexpected(out.error());
    return desk.staff->login(AdminUsername, AdminPassword);
}

// One sale by this clerk, so that the shift report has a line and the member a new card.
Status sellSampleCard(Desk &desk, const StaffSession &session, const QString &memberId)
{
    Result<QList<CardProduct>> products = desk.sales->products(session, false);
    if (!products)
        return std::unexpected(products.error());
    if (products->isEmpty())
        return fail(ErrorCode::NotFound, Text::tr("The gym has no card products."), QStringLiteral("db"));
    Result<SaleReceipt> sold
        = desk.sales->sellCard(session, memberId, products->first().id, PaymentMethod::WeChatPay, std::nullopt);
    if (!sold)
        return std::unexpected(sold.error());
    return {};
}

// One class booking later today, so that the booking and audit pages show a fresh one. Gives
// the venue's name, whose calendar is then worth a picture.
Result<QString> bookSampleClass(Desk &desk, const StaffSession &session, const QString &memberId, qint64 nowMs)
{
    Result<QList<Venue>> venues = desk.bookings->venues(session);
    if (!venues)
        return std::unexpected(venues.error());
    constexpr qint64 halfDayMs = 12 * 3600 * 1000LL;
    for (const Venue &venue : std::as_const(*venues)) {
        Result<QList<SlotSummary>> daySlots = desk.bookings->courseSlots(session, venue.id, nowMs, nowMs + halfDayMs);
        if (!daySlots)
            continue;
        for (const SlotSummary &slot : std::as_const(*daySlots)) {
            BookingRequest request;
            request.memberId = memberId;
            request.slotId = slot.slot.id;
            Result<BookingCheck> check = desk.bookings->checkBooking(session, request);
            if (check && check->refusal == BookingRefusal::Invalid) {
                Result<Booking> booked = desk.bookings->book(session, request);
                if (!booked)
                    return std::unexpected(booked.error());
                return venue.name;
            }
        }
    }
    return fail(ErrorCode::NotFound, Text::tr("No class could be booked."), QStringLiteral("db"));
}

// Searches the sample member's surname on the Members page, so the table is full, and selects
// the member as a clerk would; the whole desk then works with them.
void selectMember(DeskWindow &window, const MemberSummary &member)
{
    window.showPage(QStringLiteral("membersPage"));
    auto *search = window.findChild<QLineEdit *>(QStringLiteral("memberSearchLineEdit"));
    auto *table = window.findChild<QTableView *>(QStringLiteral("membersTableView"));
    if (!search || !table)
        return;
    for (const QString &text : {member.name.left(1), member.memberNo}) {
        search->setText(text);
        settle();
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, 0).data().toString() == member.memberNo) {
                table->selectRow(row);
                window.setCurrentMember(member.id, QStringLiteral("%1 (%2)").arg(member.name, member.memberNo));
                return;
            }
        }
    }
}

// A page as the clerk would look at it: some show their data only after a click.
struct PageShot {
    QString page; // objectName
    QString name; // of the PNG
    std::function<void(QWidget &)> prepare;
};

template<typename T>
void act(QWidget &window, const char *objectName, const std::function<void(T &)> &action)
{
    if (T *widget = window.findChild<T *>(QString::fromLatin1(objectName)))
        action(*widget);
}

// The Reports page showing `metric` by `dimension` over the 30 days up to the desk's today. Its
// widgets are looked up inside the page: the shift report's date fields have the same names.
std::function<void(QWidget &)> showReport(ReportMetric metric, ReportDimension dimension, QDate today)
{
    return [=](QWidget &window) {
        auto *page = window.findChild<QWidget *>(QStringLiteral("reportsPage"));
        if (page == nullptr)
            return;
        act<QComboBox>(*page, "reportMetricComboBox",
            [metric](QComboBox &combo) { combo.setCurrentIndex(combo.findData(int(metric))); });
        act<QComboBox>(*page, "reportDimensionComboBox",
            [dimension](QComboBox &combo) { combo.setCurrentIndex(combo.findData(int(dimension))); });
        act<QDateEdit>(*page, "reportFromDateEdit", [today](QDateEdit &edit) { edit.setDate(today.addDays(-29)); });
        act<QDateEdit>(*page, "reportToDateEdit", [today](QDateEdit &edit) { edit.setDate(today); });
    };
}

QList<PageShot> pageShots(const QString &calendarVenue, QDate today)
{
    return {
        {QStringLiteral("membersPage"), QStringLiteral("members"), {}},
        {QStringLiteral("salesPage"), QStringLiteral("sales"), {}},
        {QStringLiteral("bookingsPage"), QStringLiteral("bookings"), {}},
        {QStringLiteral("shiftReportPage"), QStringLiteral("shift-report"),
            [](QWidget &window) {
                act<QPushButton>(window, "showReportPushButton", [](QPushButton &button) { button.click(); });
            }},
        {QStringLiteral("schedulePage"), QStringLiteral("schedule"), {}},
        {QStringLiteral("schedulePage"), QStringLiteral("schedule-calendar"),
            [calendarVenue](QWidget &window) {
                act<QTabWidget>(window, "scheduleTabWidget", [](QTabWidget &tabs) { tabs.setCurrentIndex(2); });
                act<QComboBox>(window, "calendarVenueComboBox", [calendarVenue](QComboBox &venues) {
                    if (const int index = venues.findText(calendarVenue); index >= 0)
                        venues.setCurrentIndex(index);
                });
                act<QTableWidget>(window, "calendarTableWidget", [](QTableWidget &grid) {
                    grid.scrollTo(grid.model()->index(FirstCalendarHour, 0), QAbstractItemView::PositionAtTop);
                });
            }},
        {QStringLiteral("productsPage"), QStringLiteral("products"), {}},
        {QStringLiteral("staffPage"), QStringLiteral("staff"), {}},
        {QStringLiteral("auditPage"), QStringLiteral("audit"), {}},
        {QStringLiteral("dashboardPage"), QStringLiteral("dashboard"), {}},
        {QStringLiteral("reportsPage"), QStringLiteral("report-entries"),
            showReport(ReportMetric::Entries, ReportDimension::Day, today)},
        {QStringLiteral("reportsPage"), QStringLiteral("report-revenue"),
            showReport(ReportMetric::Revenue, ReportDimension::Product, today)},
    };
}

int takeShots(Desk &desk, const ShotOptions &options, QTextStream &out, QTextStream &err)
{
    DeskWindow &window = *desk.window;
    window.resize(options.size);
    window.show();
    settle();
    bool ok = true;
    {
        FirstRunWizard wizard(*desk.staff, &window);
        fillEdit(wizard, "adminUsernameLineEdit", AdminUsername);
        fillEdit(wizard, "adminDisplayNameLineEdit", adminDisplayName(options.language));
        fillEdit(wizard, "adminPasswordLineEdit", AdminPassword);
        fillEdit(wizard, "adminConfirmPasswordLineEdit", AdminPassword);
        ok &= saveDialog(wizard, window, options.outDir, QStringLiteral("01-first-run"), out, err);
    }
    Result<StaffSession> session = logInAdmin(desk, options.language);
    if (!session) {
        err << session.error().toString() << Qt::endl;
        return 1;
    }
    {
        LoginDialog login(*desk.staff, &window);
        login.setUsername(AdminUsername);
        fillEdit(login, "passwordLineEdit", AdminPassword);
        ok &= saveDialog(login, window, options.outDir, QStringLiteral("02-login"), out, err);
    }

    Result<QList<MemberSummary>> found = desk.members->search(*session, SampleMemberNo, 1);
    if (!found || found->isEmpty()) {
        err << (found ? Text::tr("No member %1 in this gym.").arg(SampleMemberNo) : found.error().toString())
            << Qt::endl;
        return 1;
    }
    const MemberSummary member = found->first();
    // The pictures are still worth having without the sale or the booking.
    if (Status sold = sellSampleCard(desk, *session, member.id); !sold)
        err << sold.error().toString() << Qt::endl;
    Result<QString> bookedVenue = bookSampleClass(desk, *session, member.id, options.nowMs);
    if (!bookedVenue)
        err << bookedVenue.error().toString() << Qt::endl;

    window.setSession(*session);
    selectMember(window, member);
    const QList<PageShot> shots = pageShots(bookedVenue.value_or(QString()), desk.reports->siteToday());
    for (qsizetype index = 0; index < shots.size(); ++index) {
        const PageShot &shot = shots.at(index);
        const QString name = QStringLiteral("%1-%2").arg(index + 3, 2, 10, QLatin1Char('0')).arg(shot.name);
        if (!window.showPage(shot.page)) {
            err << Text::tr("The page %1 is not shown.").arg(shot.page) << Qt::endl;
            ok = false;
            continue;
        }
        if (shot.prepare)
            shot.prepare(window);
        settle();
        ok &= shots::savePng(window.grab().toImage(), options.outDir, name, out, err);
    }
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("gymgate-desk-shots"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const std::optional<ShotOptions> options = parseOptions(app, err);
    if (!options)
        return 2;
    if (!shots::prepare(options->outDir, err))
        return 1;

    const QTemporaryDir copyDir;
    const QString copyPath = copyDir.filePath(QFileInfo(options->dbPath).fileName());
    ManualClock clock(options->nowMs);
    Desk desk;
    Status opened = copyDir.isValid() ? copyGym(options->dbPath, copyDir.path()) : Status();
    if (opened)
        opened = openDesk(desk, copyPath, clock);
    if (!opened) {
        err << opened.error().toString() << Qt::endl;
        return 1;
    }
    return takeShots(desk, *options, out, err);
}
