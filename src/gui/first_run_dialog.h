#pragma once

#include <QDialog>

namespace fd::gui {

class DatabaseChoice;

// The first start on a computer that names no database (no --db, no FRONTDESK_DB, nothing
// in the settings, no file yet): where does this desk keep its data, on this computer or
// on the office's server? The choice is saved in the settings (changed there later).
class FirstRunDialog final : public QDialog {
    Q_OBJECT
public:
    explicit FirstRunDialog(QWidget* parent = nullptr);
    void accept() override;
    // The chosen file (empty: the default one) or server address.
    [[nodiscard]] QString databasePath() const;
    [[nodiscard]] DatabaseChoice* choice() const { return choice_; }

private:
    DatabaseChoice* choice_ = nullptr;
};

} // namespace fd::gui
