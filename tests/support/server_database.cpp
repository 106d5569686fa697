#include "server_database.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <chrono>
#include <stdexcept>
#include <thread>

namespace fd::testing {

ServerDatabase::ServerDatabase() {
    const QString base = qEnvironmentVariable("FD_TEST_PG");
    if (base.isEmpty())
        return;
    auto address = ServerAddress::parse(base);
    if (!address)
        throw std::runtime_error(address.error().message.en.toStdString());
    address_ = *address;
    address_.database =
        QStringLiteral("fd_t_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    admin(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8'")
              .arg(address_.database));
}

ServerDatabase::~ServerDatabase() {
    if (!available())
        return;
    // A server process of another role (autovacuum) cannot be ended for us; it finishes in
    // a moment. A database that still cannot be dropped stays in the throw-away cluster.
    for (int attempt = 0; attempt < 20; ++attempt) {
        try {
            admin(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(address_.database));
            return;
        } catch (const std::exception&) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
}

void ServerDatabase::admin(const QString& statement) const {
    const QString name = QStringLiteral("fd-test-admin-") + address_.database;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(address_.host);
        db.setPort(address_.port);
        db.setUserName(address_.user);
        db.setDatabaseName(QStringLiteral("postgres"));
        if (!db.open())
            throw std::runtime_error(db.lastError().text().toStdString());
        QSqlQuery q(db);
        if (!q.exec(statement))
            throw std::runtime_error(q.lastError().text().toStdString());
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace fd::testing
