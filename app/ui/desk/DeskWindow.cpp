#include "ui/desk/DeskWindow.h"

#include "ui/desk/DeskPage.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace gymgate {

namespace {

constexpr int StatusMessageMs = 8000;

} // namespace

DeskWindow::DeskWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("deskMainWindow"));
    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("deskNavigationListWidget"));
    m_navigation->setMaximumWidth(220);
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("deskPagesStackedWidget"));
    auto *central = new QWidget(this);
    m_centralLayout = new QVBoxLayout(central);
    auto *layout = new QHBoxLayout;
    layout->addWidget(m_navigation);
    layout->addWidget(m_stack, 1);
    m_centralLayout->addLayout(layout, 1);
    setCentralWidget(central);

    auto *toolbar = m_toolBar = addToolBar(QString());
    toolbar->setObjectName(QStringLiteral("deskToolBar"));
    toolbar->setMovable(false);
    m_logoutAction = toolbar->addAction(QString(), this, &DeskWindow::logoutRequested);
    m_logoutAction->setObjectName(QStringLiteral("logoutAction"));
    m_logoutAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_switchUserAction = toolbar->addAction(QString(), this, &DeskWindow::switchUserRequested);
    m_switchUserAction->setObjectName(QStringLiteral("switchUserAction"));
    m_switchUserAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    m_userLabel = new QLabel(this);
    m_userLabel->setObjectName(QStringLiteral("deskUserLabel"));
    m_memberLabel = new QLabel(this);
    m_memberLabel->setObjectName(QStringLiteral("deskMemberLabel"));
    statusBar()->addPermanentWidget(m_memberLabel);
    statusBar()->addPermanentWidget(m_userLabel);

    // Keyboard first: Ctrl+1..9 jump to the n-th visible page.
    for (int n = 1; n <= 9; ++n) {
        auto *jump = new QAction(this);
        jump->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + n)));
        connect(jump, &QAction::triggered, this, [this, n] {
            if (n <= m_navigation->count())
                m_navigation->setCurrentRow(n - 1);
        });
        addAction(jump);
    }
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (QListWidgetItem *item = m_navigation->item(row))
            m_stack->setCurrentWidget(m_pages.value(item->data(Qt::UserRole).toInt()));
    });
    retranslate();
    resize(1280, 800);
}

void DeskWindow::addPage(DeskPage *page)
{
    page->setParent(m_stack);
    m_stack->addWidget(page);
    m_pages.append(page);
    connect(page, &DeskPage::memberSelected, this,
        [this](const QString &memberId) { setCurrentMember(memberId, QString()); });
    connect(page, &DeskPage::pageRequested, this, [this](const QString &objectName) { showPage(objectName); });
    connect(page, &DeskPage::statusMessage, this,
        [this](const QString &message) { statusBar()->showMessage(message, StatusMessageMs); });
    page->setSession(m_session);
    rebuildNavigation();
}

void DeskWindow::setSession(const StaffSession &session)
{
    m_session = session;
    for (DeskPage *page : std::as_const(m_pages))
        page->setSession(session);
    setCurrentMember(QString(), QString()); // a new clerk starts without somebody else's member
    rebuildNavigation();
    retranslate();
    emit sessionChanged(session);
}

void DeskWindow::setBanner(QWidget *banner)
{
    delete m_banner;
    m_banner = banner;
    if (banner)
        m_centralLayout->insertWidget(0, banner);
}

void DeskWindow::addToolBarAction(QAction *action)
{
    m_toolBar->addAction(action);
}

void DeskWindow::setCurrentMember(const QString &memberId, const QString &description)
{
    m_memberDescription = memberId.isEmpty() ? QString() : (description.isEmpty() ? memberId : description);
    for (DeskPage *page : std::as_const(m_pages))
        page->setCurrentMember(memberId);
    retranslate();
}

QString DeskWindow::currentPageName() const
{
    const QWidget *page = m_navigation->count() > 0 ? m_stack->currentWidget() : nullptr;
    return page ? page->objectName() : QString();
}

bool DeskWindow::showPage(const QString &objectName)
{
    for (int row = 0; row < m_navigation->count(); ++row) {
        const DeskPage *page = m_pages.value(m_navigation->item(row)->data(Qt::UserRole).toInt());
        if (page && page->objectName() == objectName) {
            m_navigation->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void DeskWindow::rebuildNavigation()
{
    const QString shown = currentPageName();
    m_navigation->clear();
    for (qsizetype index = 0; index < m_pages.size(); ++index) {
        DeskPage *page = m_pages.at(index);
        if (!m_session.may(page->requiredPermission()))
            continue;
        auto *item = new QListWidgetItem(page->pageTitle(), m_navigation);
        item->setData(Qt::UserRole, int(index));
    }
    if (!showPage(shown) && m_navigation->count() > 0)
        m_navigation->setCurrentRow(0);
    m_stack->setVisible(m_navigation->count() > 0);
    m_navigation->setVisible(m_navigation->count() > 0); // logged out: nothing to choose from
}

void DeskWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        rebuildNavigation();
    }
    QMainWindow::changeEvent(event);
}

void DeskWindow::retranslate()
{
    setWindowTitle(tr("GymGate front desk"));
    m_logoutAction->setText(tr("Log out"));
    m_switchUserAction->setText(tr("Switch user"));
    m_logoutAction->setEnabled(m_session.isValid());
    m_switchUserAction->setEnabled(m_session.isValid());
    m_userLabel->setText(m_session.isValid() ? tr("%1 (%2)").arg(m_session.displayName, staffRoleTitle(m_session.role))
                                             : tr("Not logged in"));
    m_memberLabel->setText(m_memberDescription.isEmpty() ? QString() : tr("Member: %1").arg(m_memberDescription));
}

} // namespace gymgate
