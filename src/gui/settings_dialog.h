#pragma once

#include <QDialog>
#include <QString>
#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace fd::gui {

// The workstation's settings, kept with QSettings (per user).
struct AppSettings {
    QString language;     // zh_CN | en; empty: the system locale
    QString databasePath; // a file, or postgresql://…; empty: FRONTDESK_DB or the data folder
    bool databaseChosen = false; // the first-run choice was made (or settings were saved)
    int idleMinutes = 0;         // 0: the policy's session.idle_minutes
    QString printer;             // empty: the system default
    // The daily backup's folder; empty: backups/ in the data folder.
    QString backupDirectory;

    static AppSettings load();
    void save() const;
};

class SettingsDialog final : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(AppSettings settings, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    [[nodiscard]] AppSettings settings() const;
    [[nodiscard]] class DatabaseChoice* databaseChoice() const;

private:
    std::unique_ptr<Ui::SettingsDialog> ui_;
    AppSettings original_;
};

} // namespace fd::gui
