#include "core_fixture.h"

#include "db/database.h"
#include "db/transaction.h"

#include <QSqlError>

using namespace fd;
using namespace fd::testing;

namespace {

QVariant pragma(const QSqlDatabase& db, const QString& name) {
    auto v = sql::scalar(db, QStringLiteral("PRAGMA ") + name);
    return v ? *v : QVariant();
}

class DataLayer : public CoreTest {};

} // namespace

TEST_F(DataLayer, EveryConnectionSetsTheDocumentedPragmas) {
    const QSqlDatabase c = db();
    EXPECT_EQ(pragma(c, QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
    EXPECT_EQ(pragma(c, QStringLiteral("synchronous")).toInt(), 2); // FULL
    EXPECT_EQ(pragma(c, QStringLiteral("foreign_keys")).toInt(), 1);
    EXPECT_GE(pragma(c, QStringLiteral("busy_timeout")).toInt(), 1000);
    EXPECT_EQ(pragma(c, QStringLiteral("trusted_schema")).toInt(), 0);
}

TEST_F(DataLayer, ConnectionOfAnotherThreadGetsThePragmasToo) {
    QVariant journal;
    QVariant foreignKeys;
    std::thread worker([&] {
        const QSqlDatabase c = env_->services().database().connection();
        journal = pragma(c, QStringLiteral("journal_mode"));
        foreignKeys = pragma(c, QStringLiteral("foreign_keys"));
        env_->services().database().closeThreadConnection();
    });
    worker.join();
    EXPECT_EQ(journal.toString(), QStringLiteral("wal"));
    EXPECT_EQ(foreignKeys.toInt(), 1);
}

TEST_F(DataLayer, StrictTablesRefuseAValueOfTheWrongType) {
    QSqlQuery q(db());
    EXPECT_FALSE(q.exec(QStringLiteral("INSERT INTO notes(text, author, published, created_at) "
                                       "VALUES ('x', 'y', 'not a number', 'z')")));
}

TEST_F(DataLayer, WriteTransactionRollsBackUnlessCommitted) {
    const qint64 before = env_->count(QStringLiteral("notes"));
    {
        auto tx = WriteTransaction::begin(db(), Dialect::SQLite);
        ASSERT_TRUE(tx);
        exec(QStringLiteral("INSERT INTO notes(text, author, created_at) VALUES ('a', 'b', 'c')"));
    }
    EXPECT_EQ(env_->count(QStringLiteral("notes")), before);
}

TEST_F(DataLayer, WriteTransactionBeginsImmediateSoASecondWriterWaitsOrFails) {
    auto tx = WriteTransaction::begin(db(), Dialect::SQLite);
    ASSERT_TRUE(tx);
    DatabaseOptions quick;
    quick.busyTimeoutMs = 50;
    auto other = Database::openSqlite(env_->path(), quick);
    ASSERT_TRUE(other);
    auto second = WriteTransaction::begin((*other)->connection(), Dialect::SQLite);
    EXPECT_FALSE(second); // the write lock is held from BEGIN, not from the first write
    tx->rollback();
}

TEST(DatabasePath, NetworkSharePathIsRefusedSayingToKeepItOnTheLocalDisk) {
    for (const QString& path : {QStringLiteral("//fileserver/office/frontdesk.db"),
                                QStringLiteral("\\\\fileserver\\office\\frontdesk.db"),
                                QStringLiteral("smb://fileserver/office/frontdesk.db")}) {
        auto db = Database::openSqlite(path);
        ASSERT_FALSE(db) << path.toStdString();
        EXPECT_EQ(db.error().kind, Error::Kind::BadInput);
        EXPECT_TRUE(db.error().message.en.contains(QStringLiteral("network share")));
        EXPECT_TRUE(db.error().message.zh.contains(QStringLiteral("本机磁盘")));
    }
}

TEST_F(DataLayer, FullDiskGivesACleanErrorAndWritesNothing) {
    ASSERT_TRUE(addNote(QStringLiteral("before the disk fills")));
    const qint64 notes = env_->count(QStringLiteral("notes"));
    const qint64 audit = env_->auditCount();
    const qint64 pages = pragma(db(), QStringLiteral("page_count")).toLongLong();
    exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages));
    const QString big(3000, QChar(0x6863)); // 档 × 3000: needs new pages
    Result<ActionResult> r = ActionResult{};
    for (int i = 0; r && i < 500; ++i)
        r = addNote(big.left(190) + QString::number(i));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, Error::Kind::Storage);
    EXPECT_TRUE(r.error().message.en.contains(QStringLiteral("disk is full")))
        << r.error().message.en.toStdString();
    EXPECT_TRUE(r.error().message.zh.contains(QStringLiteral("磁盘已满")));
    // Whatever did commit has its audit row; the failed action left nothing.
    const qint64 added = env_->count(QStringLiteral("notes")) - notes;
    EXPECT_EQ(env_->auditCount() - audit, added);
    auto chain = AuditLog::verify(env_->services().database());
    ASSERT_TRUE(chain);
    EXPECT_TRUE(chain->ok);
}
