#pragma once

#include "db/dialect.h"
#include "util/error.h"

#include <QSqlDatabase>
#include <QString>
#include <atomic>
#include <memory>

struct sqlite3;

namespace fd {

// A PostgreSQL server database named as postgresql://user@host:port/dbname?sslmode=require.
// The password is never part of it: libpq reads it from ~/.pgpass or PGPASSFILE.
struct ServerAddress {
    QString user;
    QString host;
    int port = 5432;
    QString database;
    QString sslmode; // empty: libpq's default (prefer); require, verify-ca, verify-full ...
    // Whether `text` names a server (postgresql:// or postgres://) rather than a file.
    static bool isServer(const QString& text);
    static Result<ServerAddress> parse(const QString& text);
    // postgresql://user@host:port/dbname?sslmode=... (never a password).
    [[nodiscard]] QString text() const;
};

struct DatabaseOptions {
    int busyTimeoutMs = 5000;
    bool allowNetworkShare = false; // only tests of the refusal itself set this
};

// A database file (or, later, server) and its per-thread connections. Every SQLite
// connection gets the documented pragmas: WAL, synchronous=FULL, foreign keys,
// busy timeout, trusted_schema=OFF.
class Database final {
public:
    static Result<std::shared_ptr<Database>> openSqlite(const QString& path,
                                                        DatabaseOptions options = {});
    // A PostgreSQL database shared by several desks (see docs/deployment.md).
    static Result<std::shared_ptr<Database>> openServer(const ServerAddress& address,
                                                        DatabaseOptions options = {});
    // A file path opens SQLite; postgresql://… opens the server.
    static Result<std::shared_ptr<Database>> open(const QString& pathOrAddress,
                                                  DatabaseOptions options = {});
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // The connection of the calling thread, opened on first use.
    [[nodiscard]] QSqlDatabase connection() const;
    [[nodiscard]] Dialect dialect() const { return dialect_; }
    [[nodiscard]] const QString& path() const { return path_; }
    // The SQLite handle of this thread's connection (for the backup API).
    [[nodiscard]] sqlite3* sqliteHandle() const;
    // The SQLite handle of a given connection; null for another driver.
    [[nodiscard]] static sqlite3* sqliteHandle(const QSqlDatabase& connection);
    // Closes every connection this object opened in the calling thread.
    void closeThreadConnection() const;

    // The server this database lives on (empty for a file).
    [[nodiscard]] const ServerAddress& server() const { return server_; }
    // PostgreSQL: whether a connection to the server is broken (the server restarted, or the
    // network went). connection() then reopens it, at most once every two seconds, unless
    // reconnecting is held; meanwhile queries fail with "the server cannot be reached".
    [[nodiscard]] static bool connectionLost(const QSqlDatabase& connection);
    // While held, connection() leaves a broken connection closed and returns at once (the
    // desktop program holds it until its own non-blocking probe reaches the server again,
    // so that the window never waits for a connect timeout).
    void holdReconnecting(bool hold) const { reconnectHeld_ = hold; }

    // Path checks applied before opening: a network share is refused (R: data safety).
    static Status checkLocalPath(const QString& path);
    // The directory itself when it exists, else its nearest existing parent.
    static QString nearestExistingDirectory(const QString& directory);

private:
    Database(QString path, Dialect dialect, DatabaseOptions options);
    Result<QSqlDatabase> openServerConnection(QSqlDatabase db) const;
    Result<QSqlDatabase> openConnection(const QString& name) const;
    [[nodiscard]] QString connectionName() const;

    QString path_;
    Dialect dialect_;
    DatabaseOptions options_;
    QString instanceId_;
    ServerAddress server_;
    mutable std::atomic<bool> reconnectHeld_{false};
    mutable std::atomic<qint64> lastFailedReconnectMs_{0};
};

} // namespace fd
