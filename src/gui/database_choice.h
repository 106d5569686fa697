#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace fd::gui {

// Where a desk keeps its data: a database file on this computer (one desk, the default), or
// the office's PostgreSQL server shared by every desk. The settings and the first-run
// dialog both use it. The server's password is never typed here: libpq reads it from
// ~/.pgpass or PGPASSFILE (docs/deployment.md).
class DatabaseChoice final : public QWidget {
    Q_OBJECT
public:
    explicit DatabaseChoice(QWidget* parent = nullptr);

    // A file path (empty: the default file in the data folder) or postgresql://…
    void setText(const QString& pathOrAddress);
    [[nodiscard]] QString text() const;
    [[nodiscard]] bool onServer() const;
    // What is wrong with the server's fields, naming the field; empty when they are whole.
    [[nodiscard]] QString problem() const;
    // Connects to the server once and says how it went (shown beside the button too).
    QString testConnection();

    [[nodiscard]] QRadioButton* serverChoice() const { return serverChoice_; }
    [[nodiscard]] QLineEdit* hostField() const { return host_; }
    [[nodiscard]] QLineEdit* databaseField() const { return database_; }
    [[nodiscard]] QLineEdit* userField() const { return user_; }
    [[nodiscard]] QComboBox* sslModeField() const { return sslMode_; }

private:
    void updateEnabled();

    QRadioButton* fileChoice_ = nullptr;
    QRadioButton* serverChoice_ = nullptr;
    QLineEdit* file_ = nullptr;
    QPushButton* browse_ = nullptr;
    QWidget* serverFields_ = nullptr;
    QLineEdit* host_ = nullptr;
    QSpinBox* port_ = nullptr;
    QLineEdit* database_ = nullptr;
    QLineEdit* user_ = nullptr;
    QComboBox* sslMode_ = nullptr;
    QPushButton* test_ = nullptr;
    QLabel* result_ = nullptr;
};

} // namespace fd::gui
