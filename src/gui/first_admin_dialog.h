#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace fd {
class Services;
}

namespace fd::gui {

// Shown when the database has no users yet: creates the first administrator (the same
// audited step as `frontdeskctl init`).
class FirstAdminDialog final : public QDialog {
    Q_OBJECT
public:
    explicit FirstAdminDialog(const Services& services, QWidget* parent = nullptr);
    void accept() override;
    [[nodiscard]] QString login() const;

private:
    const Services& services_;
    QLineEdit* login_ = nullptr;
    QLineEdit* name_ = nullptr;
    QLineEdit* password_ = nullptr;
    QLineEdit* repeat_ = nullptr;
    QLabel* message_ = nullptr;
};

} // namespace fd::gui
