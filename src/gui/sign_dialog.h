#pragma once

#include "auth/identity.h"
#include "rules/checks.h"
#include "util/error.h"

#include <QDialog>
#include <vector>

class QLabel;
class QLineEdit;

namespace fd {
class Services;
}

namespace fd::gui {

// What a signature meaning is called on paper and on screen (接班人签字 ...). The core
// meanings are built in; a module adds its own with add() when it registers its pages.
class SignatureMeanings final {
public:
    static void add(const QString& meaning, const Text& title);
    static QString title(const QString& meaning);
};

// Collects the e-signatures a rule asks for: for each requirement the meaning, login and
// password. Each password is checked before the dialog closes, and a person may sign only
// once in the same dialog (signatures by distinct people, R2-2.3).
class SignDialog final : public QDialog {
    Q_OBJECT
public:
    SignDialog(const Services& services, std::vector<SignatureRequirement> requirements,
               const QString& summary, QWidget* parent = nullptr);

    // Fills in the login of the first row of `meaning` (the approver is the person signed in:
    // they type only the password, which gets the focus).
    void fillLogin(const QString& meaning, const QString& login);
    [[nodiscard]] std::vector<SignatureInput> signatures() const;
    // The last refusal shown in the dialog (empty when none), for tests and screen readers.
    [[nodiscard]] QString problem() const;

    void accept() override;

private:
    struct SignerRow {
        SignatureRequirement requirement;
        QLineEdit* login = nullptr;
        QLineEdit* password = nullptr;
    };
    void showProblem(const QString& text, QWidget* focus);

    const Services& services_;
    std::vector<SignerRow> rows_;
    QLabel* problem_ = nullptr;
};

} // namespace fd::gui
