#pragma once

#include "auth/identity.h"

#include <QDialog>
#include <functional>
#include <memory>

namespace Ui {
class LoginDialog;
}

namespace fd {
class Services;
}

namespace fd::gui {

// Asks for login and password; wrong passwords and a locked account (with the minutes
// left, as the user directory words it) are shown in the dialog, which stays open.
class LoginDialog final : public QDialog {
    Q_OBJECT
public:
    explicit LoginDialog(const Services& services, QWidget* parent = nullptr);
    ~LoginDialog() override;

    [[nodiscard]] const Actor& actor() const { return actor_; }
    [[nodiscard]] QString message() const;
    void setLogin(const QString& login);
    // Called while a password is checked, with who claims to sign in (SignIn builds their
    // window meanwhile); nothing may be shown or written before the check succeeds.
    void setWhileChecking(std::function<void(const Actor& claimed)> meanwhile);

    void accept() override;

private:
    const Services& services_;
    std::unique_ptr<Ui::LoginDialog> ui_;
    Actor actor_;
    std::function<void(const Actor&)> meanwhile_;
};

} // namespace fd::gui
