// The desktop program: language, log, database, first administrator, sign-in, main window.
#include "all_modules.h"
#include "db/backup_schedule.h"
#include "first_admin_dialog.h"
#include "first_run_dialog.h"
#include "login_dialog.h"
#include "main_window.h"
#include "page_registry.h"
#include "refusal.h"
#include "session.h"
#include "settings_dialog.h"
#include "sign_in.h"
#include "translations.h"
#include "util/log.h"
#include "util/paths.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QMessageBox>
#include <memory>

namespace {

// Sign-in, the main window, and sign-in again after "sign out" until the program quits.
class Shell final : public QObject {
public:
    Shell(const fd::Services& services, fd::gui::AppSettings settings)
        : services_(services), settings_(std::move(settings)),
          pages_(fd::gui::PageRegistry::withAllPages()) {}

    bool signIn() {
        desk_.close();
        fd::gui::SignIn signIn(services_, pages_, windowOptions());
        fd::gui::LoginDialog login(services_);
        // The person's window is built while their password is checked.
        signIn.attach(login);
        if (login.exec() != QDialog::Accepted)
            return false;
        desk_ = signIn.take(login.actor());
        showWindow();
        return true;
    }

    fd::gui::MainWindowOptions windowOptions() const {
        fd::gui::MainWindowOptions options;
        if (settings_.idleMinutes > 0)
            options.idleTimeout = std::chrono::minutes(settings_.idleMinutes);
        // The day's verified backup, made off the window's thread at start and on a timer.
        options.backupDirectory = settings_.backupDirectory.isEmpty()
                                      ? fd::backups::defaultDirectory()
                                      : settings_.backupDirectory;
        return options;
    }

    void showWindow() {
        fd::gui::MainWindow* window = desk_.window.get();
        connect(window, &fd::gui::MainWindow::signOutRequested, this, [this] {
            QMetaObject::invokeMethod(
                this,
                [this] {
                    if (!signIn())
                        QApplication::quit();
                },
                Qt::QueuedConnection);
        });
        connect(window, &fd::gui::MainWindow::languageChanged, this, [this] {
            settings_ = fd::gui::AppSettings::load();
            QMetaObject::invokeMethod(
                this,
                [this] {
                    desk_.window.reset();
                    desk_.window = std::make_unique<fd::gui::MainWindow>(*desk_.session, pages_,
                                                                         windowOptions());
                    showWindow();
                },
                Qt::QueuedConnection);
        });
        window->installEventFilter(this);
        window->show();
    }

protected:
    // Closing the main window ends the program; signing out only replaces it.
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == desk_.window.get() && event->type() == QEvent::Close)
            QApplication::quit();
        return QObject::eventFilter(watched, event);
    }

private:
    const fd::Services& services_;
    fd::gui::AppSettings settings_;
    fd::gui::PageRegistry pages_;
    fd::gui::Desk desk_;
};

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Frontdesk"));
    QApplication::setApplicationName(QStringLiteral("frontdesk"));
    QApplication::setApplicationVersion(QStringLiteral(FD_VERSION));
    QApplication::setQuitOnLastWindowClosed(false);

    const fd::gui::AppSettings settings = fd::gui::AppSettings::load();
    fd::gui::Translations::install(
        settings.language.isEmpty() ? fd::gui::Translations::systemLanguage() : settings.language);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("frontdesk", "Frontdesk, the customer-service front desk."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QCoreApplication::translate("frontdesk",
                                    "The database file or postgresql://USER@HOST:PORT/DBNAME "
                                    "(else FRONTDESK_DB, else the settings, else frontdesk.db "
                                    "in the data folder)."),
        QCoreApplication::translate("frontdesk", "PATH"));
    parser.addOption(dbOption);
    parser.process(app);

    const QString dataDir = fd::paths::dataDirectory();
    QDir().mkpath(dataDir);
    fd::log::init(dataDir);

    QString dbChoice = parser.value(dbOption);
    if (dbChoice.isEmpty() && qEnvironmentVariableIsEmpty("FRONTDESK_DB")) {
        dbChoice = settings.databasePath;
        // The first start on this computer: a file here, or the office's server?
        if (!settings.databaseChosen && !QFileInfo::exists(fd::paths::databasePath({}))) {
            fd::gui::FirstRunDialog first;
            if (first.exec() != QDialog::Accepted)
                return 0;
            dbChoice = first.databasePath();
        }
    }
    fd::ServicesOptions options;
    options.databasePath = fd::paths::databasePath(dbChoice);
    options.backupDirectory = QDir(dataDir).filePath(QStringLiteral("backups"));
    auto services = fd::openServices(std::move(options));
    if (!services) {
        QMessageBox::critical(
            nullptr, QCoreApplication::translate("frontdesk", "Frontdesk"),
            QCoreApplication::translate("frontdesk", "The database could not be opened:\n%1")
                .arg(fd::gui::errorText(services.error())));
        return 1;
    }
    auto initialised = (*services)->initialised();
    if (!initialised) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("frontdesk", "Frontdesk"),
                              fd::gui::errorText(initialised.error()));
        return 1;
    }
    if (!*initialised) {
        fd::gui::FirstAdminDialog setup(**services);
        if (setup.exec() != QDialog::Accepted) {
            QMessageBox::information(nullptr, QCoreApplication::translate("frontdesk", "Frontdesk"),
                                     QCoreApplication::translate(
                                         "frontdesk",
                                         "The database %1 has no users. Create the administrator "
                                         "with:\n  frontdeskctl init --admin admin")
                                         .arg((*services)->database().path()));
            return 2;
        }
    }
    Shell shell(**services, settings);
    if (!shell.signIn())
        return 0;
    return app.exec();
}
