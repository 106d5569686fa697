#include "settings_dialog.h"

#include "database_choice.h"
#include "db/backup_schedule.h"
#include "translations.h"
#include "ui_settings_dialog.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPrinterInfo>
#include <QPushButton>
#include <QSettings>

namespace fd::gui {

AppSettings AppSettings::load() {
    QSettings s;
    AppSettings a;
    a.language = s.value(QStringLiteral("ui/language")).toString();
    a.databasePath = s.value(QStringLiteral("database/path")).toString();
    a.databaseChosen = s.contains(QStringLiteral("database/path"));
    a.idleMinutes = s.value(QStringLiteral("session/idleMinutes"), 0).toInt();
    a.printer = s.value(QStringLiteral("print/printer")).toString();
    a.backupDirectory = s.value(QStringLiteral("backup/directory")).toString();
    return a;
}

void AppSettings::save() const {
    QSettings s;
    s.setValue(QStringLiteral("ui/language"), language);
    s.setValue(QStringLiteral("database/path"), databasePath);
    s.setValue(QStringLiteral("session/idleMinutes"), idleMinutes);
    s.setValue(QStringLiteral("print/printer"), printer);
    s.setValue(QStringLiteral("backup/directory"), backupDirectory);
}

SettingsDialog::SettingsDialog(AppSettings settings, QWidget* parent)
    : QDialog(parent), ui_(std::make_unique<Ui::SettingsDialog>()), original_(std::move(settings)) {
    ui_->setupUi(this);
    ui_->language->addItem(tr("System language"), QString());
    // Each language is named in itself, so a person who cannot read the current one finds theirs.
    ui_->language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    ui_->language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    ui_->language->setCurrentIndex(std::max(0, ui_->language->findData(original_.language)));
    ui_->database->setText(original_.databasePath);
    ui_->idleMinutes->setValue(original_.idleMinutes);
    ui_->idleMinutes->setSpecialValueText(tr("Policy default"));
    ui_->printer->addItem(tr("System default"), QString());
    for (const QString& name : QPrinterInfo::availablePrinterNames())
        ui_->printer->addItem(name, name);
    ui_->printer->setCurrentIndex(std::max(0, ui_->printer->findData(original_.printer)));
    ui_->backupFolder->setText(original_.backupDirectory);
    ui_->backupFolder->setPlaceholderText(backups::defaultDirectory());
    ui_->buttons->button(QDialogButtonBox::Ok)->setText(tr("OK"));
    ui_->buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(ui_->buttons, &QDialogButtonBox::accepted, this, [this] {
        // A server address with a field missing is said, naming the field, and not kept.
        if (const QString problem = ui_->database->problem(); !problem.isEmpty()) {
            QMessageBox::warning(this, tr("Settings"), problem);
            return;
        }
        accept();
    });
    connect(ui_->buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(ui_->browseBackups, &QPushButton::clicked, this, [this] {
        const QString start = ui_->backupFolder->text().isEmpty() ? backups::defaultDirectory()
                                                                  : ui_->backupFolder->text();
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Backup folder"), start);
        if (!dir.isEmpty())
            ui_->backupFolder->setText(dir);
    });
}

SettingsDialog::~SettingsDialog() = default;

DatabaseChoice* SettingsDialog::databaseChoice() const {
    return ui_->database;
}

AppSettings SettingsDialog::settings() const {
    AppSettings a = original_;
    a.language = ui_->language->currentData().toString();
    a.databasePath = ui_->database->text().trimmed();
    a.idleMinutes = ui_->idleMinutes->value();
    a.printer = ui_->printer->currentData().toString();
    a.backupDirectory = ui_->backupFolder->text().trimmed();
    return a;
}

} // namespace fd::gui
