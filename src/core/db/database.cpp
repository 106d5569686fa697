#include "db/database.h"

#include "util/log.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>
#include <chrono>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <sys/vfs.h>

namespace fd {
namespace {

constexpr long kNfsMagic = 0x6969;
constexpr long kSmbMagic = 0x517B;
constexpr long kCifsMagic = 0xFF534D42;
constexpr long kSmb2Magic = 0xFE534D42;
constexpr long kCodaMagic = 0x73757245;
constexpr long kAfsMagic = 0x5346414F;
constexpr long kNcpMagic = 0x564c;
constexpr long kSshfsMagic = 0x65735546; // fuse: sshfs and friends

bool isNetworkFilesystem(const QString& directory) {
    struct statfs info {};
    if (statfs(QFile::encodeName(directory).constData(), &info) != 0)
        return false;
    const auto type = static_cast<long>(info.f_type) & 0xFFFFFFFFL;
    return type == kNfsMagic || type == kSmbMagic || type == kCifsMagic || type == kSmb2Magic ||
           type == kCodaMagic || type == kAfsMagic || type == kNcpMagic || type == kSshfsMagic;
}

const Text kNetworkShare{
    QStringLiteral("The database path is on a network share. A database file on a network share "
                   "can be corrupted when several computers write to it; keep it on this "
                   "computer's own disk."),
    QStringLiteral(
        "数据库路径位于网络共享上。多台计算机同时写入网络共享上的数据库文件可能损坏数据；"
        "请把数据库放在本机磁盘上。")};

Error badAddress(const QString& why, const QString& whyZh) {
    return Error::badInput(QStringLiteral("db"),
                           {QStringLiteral("The server address is not usable: %1. Write it as "
                                           "postgresql://user@host:port/dbname.")
                                .arg(why),
                            QStringLiteral("服务器地址不可用：%1。请写成 "
                                           "postgresql://用户@主机:端口/数据库名。")
                                .arg(whyZh)});
}

} // namespace

bool ServerAddress::isServer(const QString& text) {
    const QString t = text.trimmed();
    return t.startsWith(QStringLiteral("postgresql://")) ||
           t.startsWith(QStringLiteral("postgres://"));
}

Result<ServerAddress> ServerAddress::parse(const QString& text) {
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QStringLiteral("postgresql") &&
                           url.scheme() != QStringLiteral("postgres")))
        return fail(badAddress(QStringLiteral("not a postgresql:// address"),
                               QStringLiteral("不是 postgresql:// 地址")));
    if (!url.password().isEmpty())
        return fail(Error::badInput(
            QStringLiteral("db"),
            {QStringLiteral("A password is never written in the address (it would show in the "
                            "process list and the logs); put it in ~/.pgpass or the file "
                            "PGPASSFILE names."),
             QStringLiteral("地址中不得包含密码（会出现在进程列表和日志中）；请写入 ~/.pgpass "
                            "或 PGPASSFILE 指定的文件。")}));
    ServerAddress a;
    a.user = url.userName();
    a.host = url.host();
    a.port = url.port(5432);
    a.database = url.path().mid(1);
    const QUrlQuery query(url);
    a.sslmode = query.queryItemValue(QStringLiteral("sslmode"));
    static const QStringList sslModes{QStringLiteral("disable"),   QStringLiteral("allow"),
                                      QStringLiteral("prefer"),    QStringLiteral("require"),
                                      QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    if (!a.sslmode.isEmpty() && !sslModes.contains(a.sslmode))
        return fail(badAddress(QStringLiteral("unknown sslmode %1").arg(a.sslmode),
                               QStringLiteral("未知的 sslmode %1").arg(a.sslmode)));
    if (a.host.isEmpty() || a.database.isEmpty() || a.database.contains(QLatin1Char('/')))
        return fail(badAddress(QStringLiteral("the host or the database name is missing"),
                               QStringLiteral("缺少主机或数据库名")));
    return a;
}

QString ServerAddress::text() const {
    QString t = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        t += user + QLatin1Char('@');
    t += host + QStringLiteral(":%1/").arg(port) + database;
    if (!sslmode.isEmpty())
        t += QStringLiteral("?sslmode=") + sslmode;
    return t;
}

Status Database::checkLocalPath(const QString& path) {
    const QString p = path.trimmed();
    if (p.startsWith(QStringLiteral("//")) || p.startsWith(QStringLiteral("\\\\")) ||
        p.contains(QStringLiteral("://")))
        return fail(Error::badInput(QStringLiteral("db"), kNetworkShare));
    // A folder that does not exist yet is created where its nearest existing parent is:
    // that parent's filesystem decides.
    if (isNetworkFilesystem(nearestExistingDirectory(QFileInfo(p).absolutePath())))
        return fail(Error::badInput(QStringLiteral("db"), kNetworkShare));
    return {};
}

QString Database::nearestExistingDirectory(const QString& directory) {
    QString d = QDir::cleanPath(QFileInfo(directory).absoluteFilePath());
    while (!QFileInfo(d).isDir()) {
        const QString up = QFileInfo(d).path();
        if (up == d)
            break;
        d = up;
    }
    return d;
}

Database::Database(QString path, Dialect dialect, DatabaseOptions options)
    : path_(std::move(path)), dialect_(dialect), options_(options),
      instanceId_(QUuid::createUuid().toString(QUuid::Id128).left(12)) {}

Database::~Database() {
    // Connections of other threads are closed by those threads; close ours.
    closeThreadConnection();
}

Result<std::shared_ptr<Database>> Database::openSqlite(const QString& path,
                                                       DatabaseOptions options) {
    if (path.isEmpty())
        return fail(
            Error::badInput(QStringLiteral("db"), {QStringLiteral("No database path given."),
                                                   QStringLiteral("未指定数据库路径。")}));
    if (path != QStringLiteral(":memory:") && !options.allowNetworkShare) {
        if (auto ok = checkLocalPath(path); !ok)
            return fail(ok.error());
        QDir().mkpath(QFileInfo(path).absolutePath());
    }
    std::shared_ptr<Database> db(new Database(path, Dialect::SQLite, options));
    auto conn = db->openConnection(db->connectionName());
    if (!conn)
        return fail(conn.error());
    return db;
}

Result<std::shared_ptr<Database>> Database::openServer(const ServerAddress& address,
                                                       DatabaseOptions options) {
    std::shared_ptr<Database> db(new Database(address.text(), Dialect::PostgreSQL, options));
    db->server_ = address;
    auto conn = db->openConnection(db->connectionName());
    if (!conn)
        return fail(conn.error());
    return db;
}

Result<std::shared_ptr<Database>> Database::open(const QString& pathOrAddress,
                                                 DatabaseOptions options) {
    if (!ServerAddress::isServer(pathOrAddress))
        return openSqlite(pathOrAddress, options);
    auto address = ServerAddress::parse(pathOrAddress);
    if (!address)
        return fail(address.error());
    return openServer(*address, options);
}

Result<QSqlDatabase> Database::openServerConnection(QSqlDatabase db) const {
    db.setHostName(server_.host);
    db.setPort(server_.port);
    db.setUserName(server_.user);
    db.setDatabaseName(server_.database);
    // No password here: libpq reads ~/.pgpass or PGPASSFILE. A desk that cannot reach the
    // server says so within seconds instead of freezing.
    QStringList connect{QStringLiteral("connect_timeout=5"),
                        QStringLiteral("application_name=frontdesk")};
    if (!server_.sslmode.isEmpty())
        connect << QStringLiteral("sslmode=") + server_.sslmode;
    db.setConnectOptions(connect.join(QLatin1Char(';')));
    if (!db.open()) {
        const QString why = db.lastError().text();
        log::get("fd.db")->error("cannot reach the database server {}: {}", path_, why);
        return fail(Error::storage(
            {QStringLiteral("The database server %1 cannot be reached: %2").arg(path_, why),
             QStringLiteral("无法连接数据库服务器 %1：%2").arg(path_, why)}));
    }
    // Stored times are ISO text in UTC; the session speaks UTF-8 and UTC like SQLite's.
    for (const QString& statement :
         {QStringLiteral("SET TIME ZONE 'UTC'"), QStringLiteral("SET client_encoding = 'UTF8'"),
          QStringLiteral("SET lock_timeout = %1").arg(options_.busyTimeoutMs)}) {
        QSqlQuery q(db);
        if (!q.exec(statement)) {
            const QString why = q.lastError().text();
            return fail(Error::storage(
                {QStringLiteral("Cannot prepare the database session (%1): %2").arg(statement, why),
                 QStringLiteral("无法设置数据库会话（%1）：%2").arg(statement, why)}));
        }
    }
    return db;
}

QString Database::connectionName() const {
    return QStringLiteral("fd-%1-%2")
        .arg(instanceId_)
        .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()), 0, 16);
}

bool Database::connectionLost(const QSqlDatabase& connection) {
    if (!connection.isValid() || connection.driverName() != QStringLiteral("QPSQL"))
        return false;
    if (!connection.isOpen())
        return true;
    const QVariant handle = connection.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "PGconn*") != 0)
        return false;
    PGconn* pg = *static_cast<PGconn* const*>(handle.constData());
    return pg == nullptr || PQstatus(pg) == CONNECTION_BAD;
}

QSqlDatabase Database::connection() const {
    const QString name = connectionName();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen() && !connectionLost(db))
            return db;
        if (dialect_ == Dialect::PostgreSQL) {
            if (db.isOpen()) {
                log::get("fd.db")->warn("the connection to {} was lost; reconnecting", path_);
                db.close();
            }
            const qint64 now = std::chrono::duration_cast<std::chrono::milliseconds>(
                                   std::chrono::steady_clock::now().time_since_epoch())
                                   .count();
            if (reconnectHeld_ || now - lastFailedReconnectMs_ < 2000)
                return db; // closed: its queries say the server cannot be reached
            auto opened = openConnection(name);
            if (!opened) {
                lastFailedReconnectMs_ = now;
                return db;
            }
            log::get("fd.db")->info("reconnected to {}", path_);
            return *opened;
        }
    }
    auto opened = openConnection(name);
    return opened ? *opened : QSqlDatabase();
}

Result<QSqlDatabase> Database::openConnection(const QString& name) const {
    QSqlDatabase db = QSqlDatabase::contains(name)
                          ? QSqlDatabase::database(name, false)
                          : QSqlDatabase::addDatabase(DialectSql::qtDriver(dialect_), name);
    if (dialect_ == Dialect::PostgreSQL)
        return openServerConnection(db);
    db.setDatabaseName(path_);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options_.busyTimeoutMs));
    if (!db.open()) {
        const QString why = db.lastError().text();
        log::get("fd.db")->error("cannot open database {}: {}", path_, why);
        return fail(
            Error::storage({QStringLiteral("Cannot open the database %1: %2").arg(path_, why),
                            QStringLiteral("无法打开数据库 %1：%2").arg(path_, why)}));
    }
    const QStringList pragmas = {
        QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA synchronous=FULL"),
        QStringLiteral("PRAGMA foreign_keys=ON"),
        QStringLiteral("PRAGMA busy_timeout=%1").arg(options_.busyTimeoutMs),
        QStringLiteral("PRAGMA trusted_schema=OFF"),
    };
    for (const QString& pragma : pragmas) {
        QSqlQuery q(db);
        if (!q.exec(pragma)) {
            const QString why = q.lastError().text();
            return fail(Error::storage(
                {QStringLiteral("Cannot prepare the database (%1): %2").arg(pragma, why),
                 QStringLiteral("无法设置数据库（%1）：%2").arg(pragma, why)}));
        }
    }
    return db;
}

sqlite3* Database::sqliteHandle() const {
    return sqliteHandle(connection());
}

sqlite3* Database::sqliteHandle(const QSqlDatabase& db) {
    if (db.driver() == nullptr)
        return nullptr;
    const QVariant v = db.driver()->handle();
    if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3* const*>(v.data());
    return nullptr;
}

void Database::closeThreadConnection() const {
    const QString name = connectionName();
    if (!QSqlDatabase::contains(name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace fd
