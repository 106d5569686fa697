#include "db/change_feed.h"

#include "db/database.h"
#include "util/log.h"

#include <QSqlQuery>
#include <QTcpSocket>

namespace fd {

ChangeFeed::ChangeFeed(const Database& database, QObject* parent)
    : QObject(parent), database_(database) {
    watch_.setInterval(1000);
    connect(&watch_, &QTimer::timeout, this, &ChangeFeed::check);
    if (database_.dialect() == Dialect::PostgreSQL) {
        // This thread's connection reconnects when the probe has found the server, not on
        // the first query after a loss (which could wait for a connect timeout).
        database_.holdReconnecting(true);
        lost_ = !listen();
        if (lost_)
            emit serverLost();
    } else {
        check(); // the file's data version as it is now
    }
    watch_.start();
}

ChangeFeed::~ChangeFeed() {
    if (database_.dialect() == Dialect::PostgreSQL)
        database_.holdReconnecting(false);
}

bool ChangeFeed::listen() {
    const QSqlDatabase db = database_.connection();
    if (!db.isOpen() || Database::connectionLost(db))
        return false;
    QSqlDriver* driver = db.driver();
    connect(driver, &QSqlDriver::notification, this, &ChangeFeed::onNotification,
            Qt::UniqueConnection);
    if (driver->subscribedToNotifications().contains(QString::fromLatin1(kChannel)))
        return true;
    if (!driver->subscribeToNotification(QString::fromLatin1(kChannel))) {
        log::get("fd.db")->warn("cannot listen for other desks' changes");
        return false;
    }
    return true;
}

void ChangeFeed::onNotification(const QString& name, QSqlDriver::NotificationSource source,
                                const QVariant& payload) {
    // This desk's own commits are announced too; the window knows of those already.
    if (name == QString::fromLatin1(kChannel) && source != QSqlDriver::SelfSource)
        emit changed(payload.toString());
}

void ChangeFeed::check() {
    if (database_.dialect() == Dialect::SQLite) {
        QSqlQuery q(database_.connection());
        if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next())
            return;
        const qint64 version = q.value(0).toLongLong();
        q.finish();
        if (dataVersion_ >= 0 && version != dataVersion_)
            emit changed(QString());
        dataVersion_ = version;
        return;
    }
    if (!lost_) {
        // A restarted server closes the socket: the driver sees it and the connection is bad.
        const QSqlDatabase db = database_.connection();
        if (db.isOpen() && !Database::connectionLost(db))
            return;
        lost_ = true;
        log::get("fd.db")->warn("the database server cannot be reached; retrying");
        emit serverLost();
    }
    probe();
}

void ChangeFeed::probe() {
    const ServerAddress& server = database_.server();
    const auto reconnect = [this] {
        database_.holdReconnecting(false);
        const bool back = listen();
        database_.holdReconnecting(true);
        if (!back)
            return; // the port answers, the server does not yet (starting up)
        lost_ = false;
        log::get("fd.db")->info("the database server is reachable again");
        emit serverBack();
        emit changed(QString());
    };
    // A socket folder (host "/run/postgresql") or no host: a local connect never waits.
    if (server.host.isEmpty() || server.host.startsWith(QLatin1Char('/'))) {
        reconnect();
        return;
    }
    if (probe_ != nullptr)
        return; // the previous probe is still on its way
    probe_ = new QTcpSocket(this);
    connect(probe_, &QTcpSocket::connected, this, [this, reconnect] {
        probe_->abort();
        probe_->deleteLater();
        probe_ = nullptr;
        reconnect();
    });
    connect(probe_, &QTcpSocket::errorOccurred, this, [this] {
        probe_->deleteLater();
        probe_ = nullptr;
    });
    probe_->connectToHost(server.host, static_cast<quint16>(server.port));
}

} // namespace fd
