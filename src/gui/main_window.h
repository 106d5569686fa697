#pragma once

#include <QDateTime>
#include <QHash>
#include <QMainWindow>
#include <chrono>

class QLabel;
class QTimer;
class QListWidget;
class QStackedWidget;

namespace fd {
class ChangeFeed;
}

namespace fd::gui {

class AutoBackup;
class IdleWatcher;
class LockScreen;
class Page;
class PageRegistry;
struct PageDef;
class Session;

struct MainWindowOptions {
    // Lock after this long without input; zero: the policy's session.idle_minutes.
    std::chrono::milliseconds idleTimeout{0};
    // Where the daily verified backup goes (checked at start and every 15 minutes); empty:
    // no automatic backup (the program passes the settings' folder).
    QString backupDirectory;
};

// The shell: navigation with the pages the user's roles can use, the pages themselves
// (kept alive for the session), a status bar, and the idle lock over everything.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(Session& session, const PageRegistry& pages, MainWindowOptions options = {},
               QWidget* parent = nullptr);
    ~MainWindow() override;

    // The ids of the pages in the navigation, in order.
    [[nodiscard]] QStringList pageIds() const;
    // Shows a page (creating it on first use); nullptr when the user cannot see it.
    Page* showPage(const QString& id);
    [[nodiscard]] Page* page(const QString& id) const { return created_.value(id); }
    [[nodiscard]] QString currentPageId() const;
    // Opens a record from the dashboard: the page of `area`, then the entity.
    bool openRecord(const QString& area, const QString& entity, const QString& entityId);

    void lock();
    // Locks because the account was disabled or removed: only signing out is left.
    void lockRevoked(const QString& why);
    [[nodiscard]] bool isLocked() const;
    [[nodiscard]] LockScreen* lockScreen() const { return lock_; }
    [[nodiscard]] IdleWatcher* idleWatcher() const { return idle_; }
    // nullptr when the options name no backup folder.
    [[nodiscard]] AutoBackup* autoBackup() const { return autoBackup_; }
    void refreshStatus();
    [[nodiscard]] QString statusText() const;
    // The numbers beside the navigation's titles (requests waiting for me ...), read again.
    void refreshCounts();
    // Tells the person in the status bar of each of their requests decided since the last
    // look (at another desk too); returns the line shown, empty when none was decided.
    QString noticeDecisions();
    // Signing out at the end of one's shift is an action (handover.sign_out): the policy
    // refuses it while the person's own handover sheet is open after the shift (R6-5); the
    // refusal is shown and the person stays signed in. Emits signOutRequested when it may go.
    bool requestSignOut();

    // Other desks' commits and the server's reachability (see ChangeFeed).
    [[nodiscard]] ChangeFeed* changeFeed() const { return changes_; }
    // The status bar's word on the server ("cannot be reached, retrying"); empty when well.
    [[nodiscard]] QString serverStatusText() const;

signals:
    void signOutRequested();
    // What this window shows was read again after a change at another desk.
    void otherDesksChangeShown(const QString& notice);
    // The language was changed in the settings; the program rebuilds its windows.
    void languageChanged();

protected:
    // The day's backup starts when the window is first shown: a window may be built while
    // its person's password is still being checked (SignIn), and nothing runs for them
    // before the check succeeds.
    void showEvent(QShowEvent* event) override;

private:
    void buildMenus();
    void openSettings();
    void backup();
    void unlock();
    void showOtherDesksChange();

    Session& session_;
    const PageRegistry& registry_;
    QList<const PageDef*> visible_;
    QHash<QString, Page*> created_;
    QStackedWidget* root_ = nullptr;
    QWidget* workspace_ = nullptr;
    QListWidget* navigation_ = nullptr;
    QStackedWidget* pages_ = nullptr;
    LockScreen* lock_ = nullptr;
    IdleWatcher* idle_ = nullptr;
    QLabel* user_ = nullptr;
    QLabel* roles_ = nullptr;
    QLabel* database_ = nullptr;
    QLabel* audit_ = nullptr;
    QLabel* demoBanner_ = nullptr;
    QLabel* backupStatus_ = nullptr;
    QLabel* serverStatus_ = nullptr;
    ChangeFeed* changes_ = nullptr;
    QTimer* settle_ = nullptr; // changes arriving together refresh once
    QString lastNotice_;
    AutoBackup* autoBackup_ = nullptr;
    bool backupStarted_ = false;
    QDateTime noticedUntil_; // decisions on my requests told up to this time
};

} // namespace fd::gui
