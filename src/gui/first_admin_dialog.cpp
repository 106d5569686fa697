#include "first_admin_dialog.h"

#include "refusal.h"
#include "services/services.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fd::gui {

FirstAdminDialog::FirstAdminDialog(const Services& services, QWidget* parent)
    : QDialog(parent), services_(services) {
    setWindowTitle(tr("Set up Frontdesk"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("This database has no users yet. Create the administrator "
                                "account (or close this window and run `frontdeskctl init`)."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    login_ = new QLineEdit(QStringLiteral("admin"), this);
    name_ = new QLineEdit(this);
    password_ = new QLineEdit(this);
    password_->setEchoMode(QLineEdit::Password);
    repeat_ = new QLineEdit(this);
    repeat_->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Login"), login_);
    form->addRow(tr("Name"), name_);
    form->addRow(tr("Password"), password_);
    form->addRow(tr("Repeat the password"), repeat_);
    layout->addLayout(form);
    message_ = new QLabel(this);
    message_->setWordWrap(true);
    message_->setStyleSheet(QStringLiteral("color: #b00020;"));
    layout->addWidget(message_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create administrator"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &FirstAdminDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &FirstAdminDialog::reject);
    layout->addWidget(buttons);
}

QString FirstAdminDialog::login() const {
    return login_->text().trimmed();
}

void FirstAdminDialog::accept() {
    if (password_->text() != repeat_->text()) {
        message_->setText(tr("The two passwords differ."));
        repeat_->setFocus();
        return;
    }
    auto id = services_.initialise(login(), name_->text().trimmed(), password_->text());
    if (!id) {
        message_->setText(errorText(id.error()));
        return;
    }
    QDialog::accept();
}

} // namespace fd::gui
