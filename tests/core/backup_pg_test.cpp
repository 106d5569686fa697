// Backups of a server database: pg_dump --format=custom, verified without a server (the
// archive read through, the audit chain walked on the rows it holds), the daily copy and its
// record, damaged and broken copies, the refusal to restore in place and the documented way
// of restoring (a new, empty database). Needs a server: FD_TEST_PG (scripts/pg_cluster.sh);
// without it the tests are reported as not run.
#include "audit/audit_log.h"
#include "db/backup.h"
#include "db/backup_schedule.h"
#include "db/database.h"
#include "db/sql.h"
#include "server_database.h"
#include "services/services.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace fd;
using fd::testing::ServerDatabase;

namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

class ServerBackup : public ::testing::Test {
protected:
    void SetUp() override {
        FD_NEEDS_SERVER(server_);
        ServicesOptions o;
        o.databasePath = server_.address();
        o.clock = clock_;
        auto s = Services::open(std::move(o));
        ASSERT_TRUE(s) << s.error().message.en.toStdString();
        s_ = std::move(*s);
        ASSERT_TRUE(s_->initialise(QStringLiteral("admin"), QStringLiteral("系统管理员"),
                                   QStringLiteral("Admin-pass-2026")));
        auto u = s_->users().find(QStringLiteral("admin"));
        ASSERT_TRUE(u);
        const Actor admin{u->id, u->login, u->displayName, u->roles, u->staffId};
        // Values with a backslash, a tab and a newline: COPY text escapes them.
        for (const QString& login : {QStringLiteral("lina"), QStringLiteral("wang")}) {
            auto added = s_->bus().execute(
                {QStringLiteral("user.add"),
                 {{QStringLiteral("login"), login},
                  {QStringLiteral("name"), QStringLiteral("前台 C:\\%1").arg(login)},
                  {QStringLiteral("roles"), QStringLiteral("clerk")},
                  {QStringLiteral("password"), QStringLiteral("Clerk-pass-2026")}},
                 admin,
                 {},
                 QStringLiteral("新同事\t%1\n第二行").arg(login)});
            ASSERT_TRUE(added) << added.error().message.en.toStdString();
        }
    }

    QSqlDatabase db() const { return s_->database().connection(); }
    QString file(const QString& name) const { return dir_.filePath(name); }
    QString backupsDir() const { return dir_.filePath(QStringLiteral("backups")); }
    qint64 count(const QString& query) const {
        auto n = sql::scalar(db(), query);
        return n ? n->toLongLong() : -1;
    }
    QString liveHead() const {
        auto h = AuditLog::head(db());
        return h ? h->text() : QString();
    }

    ServerDatabase server_;
    QTemporaryDir dir_;
    std::shared_ptr<FixedClock> clock_ =
        std::make_shared<FixedClock>(QDateTime(QDate(2026, 3, 2), QTime(1, 0), Qt::UTC));
    std::unique_ptr<Services> s_;
};

} // namespace

TEST_F(ServerBackup, ADumpIsWrittenAndVerifiedAgainstTheLiveChain) {
    const QString copy = file(QStringLiteral("office.dump"));
    auto ok = backupTo(s_->database(), copy);
    ASSERT_TRUE(ok) << ok.error().message.en.toStdString();
    EXPECT_TRUE(QFile::exists(copy));
    EXPECT_FALSE(QFile::exists(copy + QStringLiteral(".part")));
    EXPECT_TRUE(isServerDump(copy));

    auto check = verifyBackup(copy);
    ASSERT_TRUE(check) << check.error().message.en.toStdString();
    EXPECT_TRUE(check->serverDump);
    EXPECT_TRUE(check->integrityOk);
    auto live = AuditLog::verify(s_->database());
    ASSERT_TRUE(live);
    ASSERT_TRUE(live->ok);
    EXPECT_GE(check->auditRows, 3);
    EXPECT_EQ(check->auditRows, live->rows);
    EXPECT_EQ(check->auditHead.text(), liveHead());
    // The walk read rows whose values COPY text escapes (a tab, a newline, backslashes).
    QProcess data;
    data.start(postgresTool(QStringLiteral("pg_restore")),
               {QStringLiteral("--data-only"), QStringLiteral("--table=audit_log"),
                QStringLiteral("--file=-"), copy});
    ASSERT_TRUE(data.waitForFinished(60000));
    const QString text = QString::fromUtf8(data.readAllStandardOutput());
    EXPECT_TRUE(text.contains(QStringLiteral("新同事\\tlina\\n第二行"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("C:\\\\\\\\lina"))) << text.toStdString();

    // A copy never overwrites a file.
    auto again = backupTo(s_->database(), copy);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().field, QStringLiteral("dest"));
}

TEST_F(ServerBackup, BackupAutoTwiceTheSameDayMakesOneCopyAndOneRecord) {
    const QString headAtCopy = liveHead();
    auto first = backups::runDaily(*s_, backupsDir(), QStringLiteral("test"));
    ASSERT_TRUE(first) << first.error().message.en.toStdString();
    EXPECT_TRUE(first->made);
    EXPECT_EQ(QFileInfo(first->run.path).fileName(), QStringLiteral("frontdesk-2026-03-02.dump"));
    EXPECT_EQ(first->run.auditHead, headAtCopy); // the copy's own head, before its record
    EXPECT_EQ(first->run.sizeBytes, QFileInfo(first->run.path).size());
    EXPECT_EQ(first->run.auditRows, AuditHead::parse(headAtCopy)->seq);

    clock_->advanceSeconds(3 * 3600); // later the same office day
    auto second = backups::runDaily(*s_, backupsDir(), QStringLiteral("test"));
    ASSERT_TRUE(second) << second.error().message.en.toStdString();
    EXPECT_FALSE(second->made);
    EXPECT_EQ(second->run.id, first->run.id);
    EXPECT_EQ(QDir(backupsDir()).entryList(QDir::Files),
              QStringList{QStringLiteral("frontdesk-2026-03-02.dump")});
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM backup_runs")), 1);
    EXPECT_EQ(
        count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'backup.verified'")),
        1);
    auto chain = AuditLog::verify(s_->database());
    ASSERT_TRUE(chain);
    EXPECT_TRUE(chain->ok);
    auto last = backups::lastVerified(db());
    ASSERT_TRUE(last && *last);
    EXPECT_EQ((*last)->path, first->run.path);
}

TEST_F(ServerBackup, ADamagedDumpFailsVerificationAndIsNotRecorded) {
    const QString copy = file(QStringLiteral("office.dump"));
    ASSERT_TRUE(backupTo(s_->database(), copy));
    const QByteArray bytes = readAll(copy);
    ASSERT_GT(bytes.size(), 1000);

    // Cut short: the table of contents still lists everything; the blocks are missing.
    const QString cut = file(QStringLiteral("cut.dump"));
    writeAll(cut, bytes.left(bytes.size() * 3 / 4));
    auto cutCheck = verifyBackup(cut);
    ASSERT_FALSE(cutCheck);
    EXPECT_EQ(cutCheck.error().kind, Error::Kind::Integrity);
    EXPECT_TRUE(cutCheck.error().message.en.contains(cut))
        << cutCheck.error().message.en.toStdString();
    EXPECT_FALSE(cutCheck.error().message.zh.isEmpty());

    // Bytes flipped in the compressed data near the end of the archive.
    QByteArray flippedBytes = bytes;
    for (qsizetype i = bytes.size() - 40; i < bytes.size() - 30; ++i)
        flippedBytes[i] = static_cast<char>(flippedBytes[i] ^ 0x5A);
    const QString flipped = file(QStringLiteral("flipped.dump"));
    writeAll(flipped, flippedBytes);
    auto flippedCheck = verifyBackup(flipped);
    ASSERT_FALSE(flippedCheck);
    EXPECT_EQ(flippedCheck.error().kind, Error::Kind::Integrity);

    // Not an archive at all (its first bytes damaged): read as a database file, and refused.
    QByteArray headless = bytes;
    headless[0] = 'X';
    const QString noMagic = file(QStringLiteral("headless.dump"));
    writeAll(noMagic, headless);
    EXPECT_FALSE(verifyBackup(noMagic));

    // The daily copy damaged between pg_dump and its verification: nothing named, nothing
    // recorded, no file left behind.
    const QString dir = backupsDir();
    auto damaged = backups::runDaily(*s_, dir, QStringLiteral("test"), [&dir](double p) {
        if (p >= 1.0)
            for (const QString& name :
                 QDir(dir).entryList({QStringLiteral("*.part")}, QDir::Files)) {
                QFile f(QDir(dir).filePath(name));
                if (f.open(QIODevice::ReadWrite))
                    f.resize(f.size() / 2);
            }
        return true;
    });
    ASSERT_FALSE(damaged);
    EXPECT_EQ(damaged.error().kind, Error::Kind::Integrity);
    EXPECT_TRUE(QDir(dir).entryList(QDir::Files).isEmpty())
        << QDir(dir).entryList().join(u',').toStdString();
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM backup_runs")), 0);

    // A damaged copy under today's name that was never recorded is made again.
    writeAll(QDir(dir).filePath(QStringLiteral("frontdesk-2026-03-02.dump")),
             bytes.left(bytes.size() / 2));
    auto again = backups::runDaily(*s_, dir, QStringLiteral("test"));
    ASSERT_TRUE(again) << again.error().message.en.toStdString();
    EXPECT_TRUE(again->made);
    EXPECT_TRUE(verifyBackup(again->run.path));
    EXPECT_EQ(again->run.sizeBytes, QFileInfo(again->run.path).size());
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM backup_runs")), 1);
}

TEST_F(ServerBackup, AChainBrokenInTheDumpIsReportedWithItsSequenceNumber) {
    // A tamperer with the owner's rights switches the protection off and changes row 2.
    for (const QString& statement :
         {QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update"),
          QStringLiteral("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2"),
          QStringLiteral("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update")}) {
        auto done = sql::exec(db(), statement);
        ASSERT_TRUE(done) << done.error().message.en.toStdString();
    }
    const QString copy = file(QStringLiteral("office.dump"));
    ASSERT_TRUE(backupTo(s_->database(), copy)); // pg_dump copies what is there
    auto check = verifyBackup(copy);
    ASSERT_FALSE(check);
    EXPECT_EQ(check.error().kind, Error::Kind::Integrity);
    EXPECT_TRUE(check.error().message.en.contains(QStringLiteral("broken at sequence 2")))
        << check.error().message.en.toStdString();
    EXPECT_TRUE(check.error().message.zh.contains(QStringLiteral("序号 2")));

    auto daily = backups::runDaily(*s_, backupsDir(), QStringLiteral("test"));
    ASSERT_FALSE(daily);
    EXPECT_TRUE(daily.error().message.en.contains(QStringLiteral("sequence 2")));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM backup_runs")), 0);
    EXPECT_TRUE(QDir(backupsDir()).entryList(QDir::Files).isEmpty());
}

TEST_F(ServerBackup, AFailingPgDumpLeavesNoFileAndSaysWhy) {
    const QString copy = file(QStringLiteral("no/such/folder/office.dump"));
    auto failed = backupTo(s_->database(), copy);
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().kind, Error::Kind::Storage);
    const QString en = failed.error().message.en;
    EXPECT_TRUE(en.startsWith(QStringLiteral("pg_dump could not copy the server database")))
        << en.toStdString();
    EXPECT_TRUE(en.contains(QStringLiteral("could not open output file"))) << en.toStdString();
    EXPECT_TRUE(failed.error().message.zh.contains(QStringLiteral("pg_dump 无法复制服务器数据库")));
    EXPECT_FALSE(QFile::exists(copy));
    EXPECT_FALSE(QFile::exists(copy + QStringLiteral(".part")));
}

TEST_F(ServerBackup, RestoreInPlaceIsRefusedAndTheDocumentedRestoreWorks) {
    const QString copy = file(QStringLiteral("office.dump"));
    ASSERT_TRUE(backupTo(s_->database(), copy));
    const QString headAtCopy = liveHead();
    const qint64 rowsBefore = count(QStringLiteral("SELECT count(*) FROM audit_log"));

    auto refused = restoreFrom(s_->database(), copy);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().field, QStringLiteral("src"));
    EXPECT_TRUE(refused.error().message.en.contains(QStringLiteral("docs/deployment.md")));
    EXPECT_TRUE(refused.error().message.en.contains(QStringLiteral("Backups on the server")));
    EXPECT_TRUE(refused.error().message.zh.contains(QStringLiteral("docs/deployment.md")));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM audit_log")), rowsBefore);

    // A database file is never overwritten with a server's archive either.
    QTemporaryDir other;
    auto fileDb = Database::openSqlite(other.filePath(QStringLiteral("desk.db")));
    ASSERT_TRUE(fileDb);
    auto notAFile = restoreFrom(**fileDb, copy);
    ASSERT_FALSE(notAFile);
    EXPECT_TRUE(notAFile.error().message.en.contains(QStringLiteral("pg_restore")));
    (*fileDb)->closeThreadConnection();

    // docs/deployment.md: pg_restore into a new, empty database, then point the desks at it.
    ServerDatabase fresh;
    const auto address = ServerAddress::parse(fresh.address());
    ASSERT_TRUE(address);
    QProcess restore;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGHOST"), address->host);
    env.insert(QStringLiteral("PGPORT"), QString::number(address->port));
    env.insert(QStringLiteral("PGUSER"), address->user);
    restore.setProcessEnvironment(env);
    restore.start(postgresTool(QStringLiteral("pg_restore")),
                  {QStringLiteral("--no-owner"), QStringLiteral("--exit-on-error"),
                   QStringLiteral("--single-transaction"), QStringLiteral("--dbname"),
                   address->database, copy});
    ASSERT_TRUE(restore.waitForFinished(120000));
    ASSERT_EQ(restore.exitCode(), 0) << restore.readAllStandardError().toStdString();
    auto restored = Database::open(fresh.address());
    ASSERT_TRUE(restored) << restored.error().message.en.toStdString();
    auto chain = AuditLog::verify(**restored);
    ASSERT_TRUE(chain);
    EXPECT_TRUE(chain->ok) << chain->problem.toStdString();
    EXPECT_EQ(chain->head.text(), headAtCopy);
    // The desks' program opens it as it is: nothing left to migrate, the chain goes on.
    (*restored)->closeThreadConnection();
    restored->reset();
    ServicesOptions o;
    o.databasePath = fresh.address();
    o.clock = clock_;
    auto desk = Services::open(std::move(o));
    ASSERT_TRUE(desk) << desk.error().message.en.toStdString();
    EXPECT_TRUE((*desk)->users().find(QStringLiteral("lina")));
}

// A desk signs in with a login of frontdesk_desk, not the owner: its read grants are enough
// for pg_dump, and its daily copy is recorded like the owner's.
TEST_F(ServerBackup, ADesksLoginMakesAndRecordsTheDailyCopy) {
    const QString deskLogin = qEnvironmentVariable("FD_TEST_PG_DESK");
    if (deskLogin.isEmpty())
        GTEST_SKIP() << "FD_TEST_PG_DESK names no desk role (scripts/pg_cluster.sh makes one)";
    auto address = ServerAddress::parse(server_.address());
    ASSERT_TRUE(address);
    address->user = deskLogin;
    ServicesOptions o;
    o.databasePath = address->text();
    o.clock = clock_;
    auto desk = Services::open(std::move(o));
    ASSERT_TRUE(desk) << desk.error().message.en.toStdString();
    auto daily = backups::runDaily(**desk, backupsDir(), QStringLiteral("desk"));
    ASSERT_TRUE(daily) << daily.error().message.en.toStdString();
    EXPECT_TRUE(daily->made);
    auto check = verifyBackup(daily->run.path);
    ASSERT_TRUE(check) << check.error().message.en.toStdString();
    EXPECT_EQ(check->auditHead.text(), daily->run.auditHead);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM backup_runs")), 1);
}
