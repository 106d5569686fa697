#include "main_window.h"

#include "audit/audit_log.h"
#include "auto_backup.h"
#include "db/backup.h"
#include "db/backup_schedule.h"
#include "db/change_feed.h"
#include "idle_lock.h"
#include "page_registry.h"
#include "refusal.h"
#include "services/services.h"
#include "session.h"
#include "settings_dialog.h"
#include "task_runner.h"
#include "translations.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

namespace fd::gui {

MainWindow::MainWindow(Session& session, const PageRegistry& pages, MainWindowOptions options,
                       QWidget* parent)
    : QMainWindow(parent), session_(session), registry_(pages) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Frontdesk — %1").arg(display(session.services().policy().officeName())));
    resize(1280, 800);

    root_ = new QStackedWidget(this);
    workspace_ = new QWidget(root_);
    auto* outer = new QVBoxLayout(workspace_);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    if (auto demo = session.services().isDemo(); demo && *demo) {
        demoBanner_ = new QLabel(
            tr("Demo database: the data and the passwords are for trying the program, not for "
               "real work."),
            workspace_);
        demoBanner_->setObjectName(QStringLiteral("demoBanner"));
        demoBanner_->setWordWrap(true);
        demoBanner_->setAlignment(Qt::AlignCenter);
        demoBanner_->setStyleSheet(QStringLiteral(
            "QLabel { background: #fff3cd; color: #664d03; padding: 4px; font-weight: bold; }"));
        outer->addWidget(demoBanner_);
    }
    auto* row = new QWidget(workspace_);
    outer->addWidget(row, 1);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(4, 4, 4, 4);
    navigation_ = new QListWidget(row);
    navigation_->setObjectName(QStringLiteral("navigation"));
    navigation_->setIconSize(QSize(24, 24));
    navigation_->setFixedWidth(180);
    navigation_->setStyleSheet(QStringLiteral("QListWidget::item { padding: 8px 4px; }"));
    pages_ = new QStackedWidget(row);
    layout->addWidget(navigation_);
    layout->addWidget(pages_, 1);
    lock_ = new LockScreen(session, root_);
    root_->addWidget(workspace_);
    root_->addWidget(lock_);
    setCentralWidget(root_);

    visible_ = registry_.visibleTo(session);
    for (const PageDef* def : visible_) {
        auto* item = new QListWidgetItem(def->displayTitle(), navigation_);
        item->setData(Qt::UserRole, def->id);
        QIcon icon(def->icon);
        item->setIcon(icon.isNull() ? style()->standardIcon(QStyle::SP_FileIcon) : icon);
    }
    connect(navigation_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < visible_.size())
            showPage(visible_[row]->id);
    });
    if (!visible_.isEmpty())
        navigation_->setCurrentRow(0);
    refreshCounts();
    noticedUntil_ = session_.services().clock().nowUtc();

    user_ = new QLabel(this);
    roles_ = new QLabel(this);
    database_ = new QLabel(this);
    audit_ = new QLabel(this);
    audit_->setObjectName(QStringLiteral("auditHead"));
    statusBar()->addWidget(user_);
    statusBar()->addWidget(roles_);
    statusBar()->addWidget(database_, 1);
    statusBar()->addPermanentWidget(audit_);
    refreshStatus();
    connect(&session_, &Session::dataChanged, this, [this] {
        refreshStatus();
        refreshCounts();
    });
    auto* statusTimer = new QTimer(this);
    statusTimer->setInterval(std::chrono::seconds(30)); // other workstations write too
    connect(statusTimer, &QTimer::timeout, this, [this] {
        refreshStatus();
        refreshCounts();
        noticeDecisions();
    });
    statusTimer->start();

    // Another desk's change is shown within a moment of its commit (a server announces
    // it; a file's data version shows it), and a lost server is said, not waited for.
    serverStatus_ = new QLabel(this);
    serverStatus_->setObjectName(QStringLiteral("serverStatus"));
    serverStatus_->setStyleSheet(QStringLiteral("QLabel { color: #b00020; font-weight: bold; }"));
    serverStatus_->hide();
    statusBar()->addPermanentWidget(serverStatus_);
    settle_ = new QTimer(this);
    settle_->setSingleShot(true);
    settle_->setInterval(150);
    connect(settle_, &QTimer::timeout, this, &MainWindow::showOtherDesksChange);
    changes_ = new ChangeFeed(session_.services().database(), this);
    connect(changes_, &ChangeFeed::changed, this, [this](const QString& notice) {
        lastNotice_ = notice;
        if (!settle_->isActive())
            settle_->start();
    });
    connect(changes_, &ChangeFeed::serverLost, this, [this] {
        serverStatus_->setText(tr("The database server cannot be reached; retrying…"));
        serverStatus_->show();
    });
    connect(changes_, &ChangeFeed::serverBack, this, [this] {
        serverStatus_->clear();
        serverStatus_->hide();
        statusBar()->showMessage(tr("Connected to the database server again."), 5000);
    });
    if (!changes_->serverReachable()) {
        serverStatus_->setText(tr("The database server cannot be reached; retrying…"));
        serverStatus_->show();
    }

    std::chrono::milliseconds timeout = options.idleTimeout;
    if (timeout.count() <= 0)
        timeout = std::chrono::minutes(
            session.services().policy().intParameter(QStringLiteral("session.idle_minutes"), 15));
    idle_ = new IdleWatcher(timeout, this);
    connect(idle_, &IdleWatcher::idle, this, &MainWindow::lock);
    connect(lock_, &LockScreen::unlocked, this, &MainWindow::unlock);
    connect(lock_, &LockScreen::signOutRequested, this, &MainWindow::requestSignOut);
    // Roles are read at every action; when the bus finds this person's account disabled
    // (or a list finds it so), the window locks and only signing out is left.
    connect(&session_, &Session::accessRevoked, this, &MainWindow::lockRevoked);
    const qint64 me = session_.actor().userId;
    session_.services().bus().setAccessRevokedHandler([this, me](const Actor& who) {
        if (who.userId == me)
            QMetaObject::invokeMethod(
                this, [this] { session_.refreshActor(); }, Qt::QueuedConnection);
    });
    buildMenus();

    if (!options.backupDirectory.isEmpty()) {
        backupStatus_ = new QLabel(this);
        backupStatus_->setObjectName(QStringLiteral("backupStatus"));
        statusBar()->addPermanentWidget(backupStatus_);
        autoBackup_ =
            new AutoBackup(session.services(), options.backupDirectory,
                           QStringLiteral("frontdesk (%1)").arg(session.actor().login), this);
        connect(autoBackup_, &AutoBackup::finished, this,
                [this](bool ok, bool made, const QString& message) {
                    backupStatus_->setText(message);
                    backupStatus_->setStyleSheet(ok ? QString()
                                                    : QStringLiteral("color: #b00020;"));
                    if (made)
                        session_.notifyChanged(QStringLiteral("backup_run"));
                });
    }
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (autoBackup_ != nullptr && !backupStarted_) {
        backupStarted_ = true;
        autoBackup_->start();
    }
}

MainWindow::~MainWindow() {
    session_.services().bus().setAccessRevokedHandler({});
}

void MainWindow::lockRevoked(const QString& why) {
    lock();
    lock_->setMessage(why + QLatin1Char(' ') +
                      tr("Ask an administrator; you can only sign out now."));
}

bool MainWindow::requestSignOut() {
    for (const QString& action : session_.services().signOutActions()) {
        if (!session_.permits(action))
            continue;
        auto done = session_.services().bus().execute({action, {}, session_.actor(), {}, {}});
        // Only the policy keeps a person in (a disabled account may always leave).
        if (!done && done.error().kind == Error::Kind::Refused) {
            statusBar()->showMessage(errorText(done.error()));
            showError(this, done.error());
            return false;
        }
    }
    emit signOutRequested();
    return true;
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    if (session_.actor().hasRole(QStringLiteral("admin")))
        file->addAction(tr("&Back up the database…"), this, &MainWindow::backup);
    file->addSeparator();
    file->addAction(tr("&Lock"), this, &MainWindow::lock);
    file->addAction(tr("Sign &out"), this, &MainWindow::requestSignOut);
    file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    // Common work by keyboard, on whichever page is shown.
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    auto onPage = [this](auto what) {
        return [this, what] {
            if (Page* p = page(currentPageId()))
                what(p);
        };
    };
    QAction* find = edit->addAction(tr("&Find"), this, onPage([](Page* p) { p->focusSearch(); }));
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    QAction* add = edit->addAction(tr("&New"), this, onPage([](Page* p) { p->startNew(); }));
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    QAction* reload = edit->addAction(tr("&Refresh"), this, onPage([](Page* p) { p->refresh(); }));
    reload->setShortcut(QKeySequence(Qt::Key_F5));
    for (QAction* a : {find, add, reload})
        a->setShortcutContext(Qt::WindowShortcut);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Frontdesk"), this, [this] {
        QMessageBox::about(this, tr("About Frontdesk"),
                           tr("Frontdesk %1 — the customer-service front desk of %2.\nPolicy %3.")
                               .arg(QStringLiteral(FD_VERSION),
                                    display(session_.services().policy().officeName()),
                                    session_.services().policy().version()));
    });
}

QStringList MainWindow::pageIds() const {
    QStringList ids;
    for (const PageDef* def : visible_)
        ids << def->id;
    return ids;
}

Page* MainWindow::showPage(const QString& id) {
    const auto it = std::find_if(visible_.cbegin(), visible_.cend(),
                                 [&](const PageDef* d) { return d->id == id; });
    if (it == visible_.cend())
        return nullptr;
    Page* page = created_.value(id);
    if (page == nullptr) {
        page = (*it)->create(session_, pages_);
        page->setObjectName(id + QStringLiteral("Page"));
        connect(page, &Page::openRequested, this,
                [this](const QString& area, const QString& entity, const QString& entityId) {
                    openRecord(area, entity, entityId);
                });
        pages_->addWidget(page);
        created_.insert(id, page);
    }
    pages_->setCurrentWidget(page);
    const int row = static_cast<int>(std::distance(visible_.cbegin(), it));
    if (navigation_->currentRow() != row) {
        const QSignalBlocker block(navigation_);
        navigation_->setCurrentRow(row);
    }
    return page;
}

QString MainWindow::currentPageId() const {
    return created_.key(qobject_cast<Page*>(pages_->currentWidget()));
}

bool MainWindow::openRecord(const QString& area, const QString& entity, const QString& entityId) {
    const PageDef* def = registry_.forArea(area);
    if (def == nullptr)
        return false;
    Page* page = showPage(def->id);
    return page != nullptr && page->openRecord(entity, entityId);
}

void MainWindow::lock() {
    if (isLocked())
        return;
    idle_->setActive(false);
    root_->setCurrentWidget(lock_);
    lock_->reset();
}

bool MainWindow::isLocked() const {
    return root_->currentWidget() == lock_;
}

void MainWindow::unlock() {
    root_->setCurrentWidget(workspace_);
    idle_->setActive(true);
}

void MainWindow::refreshStatus() {
    const Services& s = session_.services();
    session_.refreshActor(); // roles changed, or the account disabled, at another desk
    user_->setText(tr("User: %1 (%2)").arg(session_.actor().displayName, session_.actor().login));
    QStringList roleNames;
    for (const QString& r : session_.actor().roles) {
        const auto role = s.policy().roles().value(r);
        roleNames << (role.code.isEmpty() ? r : display(role.name));
    }
    roles_->setText(tr("Roles: %1").arg(roleNames.join(QStringLiteral(", "))));
    database_->setText(tr("Database: %1").arg(s.database().path()));
    auto head = AuditLog::head(s.database().connection());
    if (head)
        audit_->setText(tr("Audit head: %1:%2").arg(head->seq).arg(head->hash.left(12)));
    else
        audit_->setText(tr("Audit head unavailable: %1").arg(errorText(head.error())));
}

void MainWindow::refreshCounts() {
    for (int i = 0; i < visible_.size() && i < navigation_->count(); ++i) {
        const PageDef* def = visible_[i];
        QString title = def->displayTitle();
        if (def->counter)
            if (const int n = def->counter(session_); n > 0)
                title += QStringLiteral(" (%1)").arg(n);
        navigation_->item(i)->setText(title);
    }
}

QString MainWindow::noticeDecisions() {
    const QDateTime now = session_.services().clock().nowUtc();
    auto decided = decidedRequests(session_.services(), session_.actor(), noticedUntil_);
    if (!decided)
        return {};
    noticedUntil_ = now.addMSecs(1);
    if (decided->isEmpty())
        return {};
    QStringList lines;
    for (const AttentionItem& item : *decided)
        lines << display(item.text);
    const QString line = lines.join(QStringLiteral("  |  "));
    statusBar()->showMessage(line);
    return line;
}

void MainWindow::showOtherDesksChange() {
    refreshStatus();
    refreshCounts();
    noticeDecisions();
    if (Page* p = page(currentPageId()))
        p->refresh();
    emit otherDesksChangeShown(lastNotice_);
}

QString MainWindow::serverStatusText() const {
    return serverStatus_->isVisible() || !serverStatus_->text().isEmpty() ? serverStatus_->text()
                                                                          : QString();
}

QString MainWindow::statusText() const {
    return QStringList{user_->text(), roles_->text(), database_->text(), audit_->text()}.join(
        QStringLiteral(" | "));
}

void MainWindow::openSettings() {
    SettingsDialog dialog(AppSettings::load(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const AppSettings chosen = dialog.settings();
    const QString before = AppSettings::load().language;
    chosen.save();
    if (chosen.idleMinutes > 0)
        idle_->setTimeout(std::chrono::minutes(chosen.idleMinutes));
    if (autoBackup_ != nullptr)
        autoBackup_->setDirectory(chosen.backupDirectory.isEmpty() ? backups::defaultDirectory()
                                                                   : chosen.backupDirectory);
    if (chosen.language != before) {
        Translations::install(chosen.language.isEmpty() ? Translations::systemLanguage()
                                                        : chosen.language);
        emit languageChanged();
    }
}

void MainWindow::backup() {
    // The suggested name carries the office time from the services' clock.
    const QString stamp = session_.services()
                              .clock()
                              .nowUtc()
                              .toTimeZone(Clock::officeZone())
                              .toString(QStringLiteral("yyyyMMdd-HHmm"));
    // A server database is copied by pg_dump into an archive of its own kind.
    const bool server = session_.services().database().dialect() == Dialect::PostgreSQL;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Back up the database"),
        QStringLiteral("frontdesk-%1.%2")
            .arg(stamp, server ? QStringLiteral("dump") : QStringLiteral("db")),
        server ? tr("PostgreSQL archive (*.dump)") : tr("SQLite database (*.db)"));
    if (path.isEmpty())
        return;
    const Database& db = session_.services().database();
    auto ok = TaskRunner::run(
        this, tr("Backing up the database…"),
        [&db, path](TaskControl& control) {
            return backupTo(db, path, [&control](double p) {
                control.setProgress(p);
                return !control.cancelled();
            });
        },
        &db);
    if (!ok) {
        if (!TaskRunner::lastCancelled())
            showError(this, ok.error());
        return;
    }
    QMessageBox::information(this, tr("Backup"), tr("The database was copied to %1.").arg(path));
}

} // namespace fd::gui
