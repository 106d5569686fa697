#include "first_run_dialog.h"

#include "database_choice.h"
#include "settings_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace fd::gui {

FirstRunDialog::FirstRunDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Frontdesk: where this desk keeps its data"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("A one-desk office keeps its data in a file on this computer. An office whose desks "
           "work together (the supervisor approves from their own desk) keeps it on the "
           "office's PostgreSQL server; ask the administrator for its address and your desk's "
           "login."),
        this);
    intro->setWordWrap(true);
    choice_ = new DatabaseChoice(this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Continue"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &FirstRunDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &FirstRunDialog::reject);
    layout->addWidget(intro);
    layout->addWidget(choice_);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

QString FirstRunDialog::databasePath() const {
    return choice_->text();
}

void FirstRunDialog::accept() {
    if (const QString problem = choice_->problem(); !problem.isEmpty()) {
        QMessageBox::warning(this, windowTitle(), problem);
        return;
    }
    AppSettings settings = AppSettings::load();
    settings.databasePath = databasePath();
    settings.save();
    QDialog::accept();
}

} // namespace fd::gui
