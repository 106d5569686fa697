#include "core_fixture.h"

#include "db/backup.h"

#include <QFile>

using namespace fd;
using namespace fd::testing;

namespace {
class Backup : public CoreTest {};
} // namespace

TEST_F(Backup, BackupAndRestoreRoundTrip) {
    ASSERT_TRUE(addNote(QStringLiteral("交接前的记录")));
    const QString copy = env_->dirPath() + QStringLiteral("/copy.db");
    ASSERT_TRUE(backupTo(env_->services().database(), copy));
    auto check = verifyBackup(copy);
    ASSERT_TRUE(check) << check.error().message.en.toStdString();
    EXPECT_TRUE(check->integrityOk);
    const qint64 auditInCopy = check->auditRows;

    ASSERT_TRUE(addNote(QStringLiteral("备份之后的记录")));
    EXPECT_EQ(env_->count(QStringLiteral("notes")), 2);
    auto restored = restoreFrom(env_->services().database(), copy);
    ASSERT_TRUE(restored) << restored.error().message.en.toStdString();
    EXPECT_EQ(env_->count(QStringLiteral("notes")), 1);
    EXPECT_EQ(env_->auditCount(), auditInCopy);
    auto chain = AuditLog::verify(env_->services().database());
    ASSERT_TRUE(chain);
    EXPECT_TRUE(chain->ok);
}

TEST_F(Backup, BackupRefusesToOverwriteAnExistingFile) {
    const QString copy = env_->dirPath() + QStringLiteral("/copy.db");
    ASSERT_TRUE(backupTo(env_->services().database(), copy));
    auto again = backupTo(env_->services().database(), copy);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().field, QStringLiteral("dest"));
}

TEST_F(Backup, RestoreRefusesACorruptedFileAndLeavesTheDatabaseAsItWas) {
    ASSERT_TRUE(addNote(QStringLiteral("原件")));
    const QString copy = env_->dirPath() + QStringLiteral("/copy.db");
    ASSERT_TRUE(backupTo(env_->services().database(), copy));
    {
        QFile f(copy);
        ASSERT_TRUE(f.open(QIODevice::ReadWrite));
        const qint64 size = f.size();
        // Scribble over the middle pages, past the header.
        f.seek(size / 2);
        f.write(QByteArray(8192, '\x5a'));
    }
    ASSERT_TRUE(addNote(QStringLiteral("之后")));
    const qint64 notes = env_->count(QStringLiteral("notes"));
    auto restored = restoreFrom(env_->services().database(), copy);
    ASSERT_FALSE(restored);
    EXPECT_EQ(restored.error().kind, Error::Kind::Integrity);
    EXPECT_EQ(env_->count(QStringLiteral("notes")), notes);
}

TEST_F(Backup, RestoreRefusesACopyWhoseAuditChainIsBroken) {
    ASSERT_TRUE(addNote(QStringLiteral("一")));
    ASSERT_TRUE(addNote(QStringLiteral("二")));
    const QString copy = env_->dirPath() + QStringLiteral("/copy.db");
    ASSERT_TRUE(backupTo(env_->services().database(), copy));
    {
        auto other = Database::openSqlite(copy);
        ASSERT_TRUE(other);
        QSqlQuery q((*other)->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("DROP TRIGGER audit_log_no_update")));
        ASSERT_TRUE(q.exec(QStringLiteral("UPDATE audit_log SET actor = 'nobody' WHERE seq = 2")));
        (*other)->closeThreadConnection();
    }
    auto restored = restoreFrom(env_->services().database(), copy);
    ASSERT_FALSE(restored);
    EXPECT_EQ(restored.error().kind, Error::Kind::Integrity);
    EXPECT_TRUE(restored.error().message.en.contains(QStringLiteral("sequence 2")));
}
