#include "database_choice.h"

#include "db/database.h"
#include "refusal.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace fd::gui {

DatabaseChoice::DatabaseChoice(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    fileChoice_ = new QRadioButton(tr("A database file on this computer (one desk)"), this);
    fileChoice_->setObjectName(QStringLiteral("fileChoice"));
    serverChoice_ = new QRadioButton(tr("The office's PostgreSQL server (several desks)"), this);
    serverChoice_->setObjectName(QStringLiteral("serverChoice"));

    auto* fileRow = new QHBoxLayout;
    fileRow->setContentsMargins(24, 0, 0, 0);
    file_ = new QLineEdit(this);
    file_->setObjectName(QStringLiteral("databaseFile"));
    file_->setPlaceholderText(tr("frontdesk.db in the data folder"));
    browse_ = new QPushButton(tr("Browse…"), this);
    fileRow->addWidget(file_, 1);
    fileRow->addWidget(browse_);

    serverFields_ = new QWidget(this);
    auto* form = new QFormLayout(serverFields_);
    form->setContentsMargins(24, 0, 0, 0);
    host_ = new QLineEdit(serverFields_);
    host_->setObjectName(QStringLiteral("serverHost"));
    host_->setPlaceholderText(QStringLiteral("db.office"));
    port_ = new QSpinBox(serverFields_);
    port_->setRange(1, 65535);
    port_->setValue(5432);
    database_ = new QLineEdit(serverFields_);
    database_->setObjectName(QStringLiteral("serverDatabase"));
    database_->setText(QStringLiteral("frontdesk"));
    user_ = new QLineEdit(serverFields_);
    user_->setObjectName(QStringLiteral("serverUser"));
    sslMode_ = new QComboBox(serverFields_);
    sslMode_->addItem(tr("Check the server's certificate and name (verify-full)"),
                      QStringLiteral("verify-full"));
    sslMode_->addItem(tr("Check the certificate's authority (verify-ca)"),
                      QStringLiteral("verify-ca"));
    sslMode_->addItem(tr("Encrypt, without checking (require)"), QStringLiteral("require"));
    sslMode_->addItem(tr("Encrypt when the server offers it (prefer)"), QString());
    form->addRow(tr("Server"), host_);
    form->addRow(tr("Port"), port_);
    form->addRow(tr("Database"), database_);
    form->addRow(tr("Desk login"), user_);
    form->addRow(tr("Encryption"), sslMode_);
    auto* testRow = new QHBoxLayout;
    test_ = new QPushButton(tr("Test the connection"), serverFields_);
    result_ = new QLabel(serverFields_);
    result_->setWordWrap(true);
    testRow->addWidget(test_);
    testRow->addWidget(result_, 1);
    form->addRow(testRow);
    auto* password =
        new QLabel(tr("The password is not typed here: it is kept in ~/.pgpass of this computer's "
                      "account (see the deployment guide)."),
                   serverFields_);
    password->setWordWrap(true);
    form->addRow(password);

    layout->addWidget(fileChoice_);
    layout->addLayout(fileRow);
    layout->addWidget(serverChoice_);
    layout->addWidget(serverFields_);
    fileChoice_->setChecked(true);

    connect(fileChoice_, &QRadioButton::toggled, this, &DatabaseChoice::updateEnabled);
    connect(browse_, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Database file"), file_->text(),
                                                          tr("SQLite database (*.db)"), nullptr,
                                                          QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty())
            file_->setText(path);
    });
    connect(test_, &QPushButton::clicked, this, [this] { testConnection(); });
    updateEnabled();
}

void DatabaseChoice::updateEnabled() {
    file_->setEnabled(fileChoice_->isChecked());
    browse_->setEnabled(fileChoice_->isChecked());
    serverFields_->setEnabled(serverChoice_->isChecked());
}

void DatabaseChoice::setText(const QString& pathOrAddress) {
    if (!ServerAddress::isServer(pathOrAddress)) {
        fileChoice_->setChecked(true);
        file_->setText(pathOrAddress);
        updateEnabled();
        return;
    }
    serverChoice_->setChecked(true);
    if (auto a = ServerAddress::parse(pathOrAddress)) {
        host_->setText(a->host);
        port_->setValue(a->port);
        database_->setText(a->database);
        user_->setText(a->user);
        sslMode_->setCurrentIndex(std::max(0, sslMode_->findData(a->sslmode)));
    }
    updateEnabled();
}

bool DatabaseChoice::onServer() const {
    return serverChoice_->isChecked();
}

QString DatabaseChoice::text() const {
    if (!onServer())
        return file_->text().trimmed();
    ServerAddress a;
    a.host = host_->text().trimmed();
    a.port = port_->value();
    a.database = database_->text().trimmed();
    a.user = user_->text().trimmed();
    a.sslmode = sslMode_->currentData().toString();
    return a.text();
}

QString DatabaseChoice::problem() const {
    if (!onServer())
        return {};
    if (host_->text().trimmed().isEmpty())
        return tr("Server: give the server's name or address.");
    if (database_->text().trimmed().isEmpty())
        return tr("Database: give the office's database name.");
    if (user_->text().trimmed().isEmpty())
        return tr("Desk login: give this desk's login on the server.");
    auto parsed = ServerAddress::parse(text());
    return parsed ? QString() : errorText(parsed.error());
}

QString DatabaseChoice::testConnection() {
    QString said = problem();
    if (said.isEmpty()) {
        auto address = ServerAddress::parse(text());
        auto db = address ? Database::openServer(*address)
                          : Result<std::shared_ptr<Database>>(fail(address.error()));
        if (db) {
            said = tr("Connected to %1.").arg(text());
            (*db)->closeThreadConnection();
        } else {
            said = errorText(db.error());
        }
    }
    result_->setText(said);
    return said;
}

} // namespace fd::gui
