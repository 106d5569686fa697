#pragma once

#include "db/dialect.h"
#include "util/error.h"

#include <QSqlDatabase>
#include <QString>
#include <memory>

struct sqlite3;

namespace fd {

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

    // Path checks applied before opening: a network share is refused (R: data safety).
    static Status checkLocalPath(const QString& path);
    // The directory itself when it exists, else its nearest existing parent.
    static QString nearestExistingDirectory(const QString& directory);

private:
    Database(QString path, Dialect dialect, DatabaseOptions options);
    Result<QSqlDatabase> openConnection(const QString& name) const;
    [[nodiscard]] QString connectionName() const;

    QString path_;
    Dialect dialect_;
    DatabaseOptions options_;
    QString instanceId_;
};

} // namespace fd
