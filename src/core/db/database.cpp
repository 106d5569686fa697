#include "db/database.h"

#include "util/log.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>
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

} // namespace

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

QString Database::connectionName() const {
    return QStringLiteral("fd-%1-%2")
        .arg(instanceId_)
        .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()), 0, 16);
}

QSqlDatabase Database::connection() const {
    const QString name = connectionName();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
    }
    auto opened = openConnection(name);
    return opened ? *opened : QSqlDatabase();
}

Result<QSqlDatabase> Database::openConnection(const QString& name) const {
    QSqlDatabase db = QSqlDatabase::contains(name)
                          ? QSqlDatabase::database(name, false)
                          : QSqlDatabase::addDatabase(DialectSql::qtDriver(dialect_), name);
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
