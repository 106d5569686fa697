#include "login_dialog.h"

#include "services/services.h"
#include "session.h"
#include "ui_login_dialog.h"

#include <QPushButton>

namespace fd::gui {

LoginDialog::LoginDialog(const Services& services, QWidget* parent)
    : QDialog(parent), services_(services), ui_(std::make_unique<Ui::LoginDialog>()) {
    ui_->setupUi(this);
    ui_->office->setText(display(services.policy().officeName()));
    ui_->buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    ui_->buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(ui_->buttons, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(ui_->buttons, &QDialogButtonBox::rejected, this, &LoginDialog::reject);
    ui_->message->hide();
}

LoginDialog::~LoginDialog() = default;

QString LoginDialog::message() const {
    return ui_->message->text();
}

void LoginDialog::setLogin(const QString& login) {
    ui_->login->setText(login);
    ui_->password->setFocus();
}

void LoginDialog::setWhileChecking(std::function<void(const Actor& claimed)> meanwhile) {
    meanwhile_ = std::move(meanwhile);
}

void LoginDialog::accept() {
    const QString login = ui_->login->text().trimmed();
    if (login.isEmpty()) {
        ui_->message->setText(tr("Enter your login."));
        ui_->message->show();
        ui_->login->setFocus();
        return;
    }
    auto who = services_.users().authenticate(login, ui_->password->text(), meanwhile_);
    ui_->password->clear();
    if (!who) {
        ui_->message->setText(display(who.error().message));
        ui_->message->show();
        ui_->password->setFocus();
        return;
    }
    actor_ = *who;
    QDialog::accept();
}

} // namespace fd::gui
