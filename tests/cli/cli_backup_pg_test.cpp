// frontdeskctl's backups of a server database, through the real program: backup DEST and
// backup --auto write verified pg_dump archives, a damaged archive is refused, and restore
// on a server database points to the documented procedure. Needs FD_TEST_PG (label
// postgresql); without it the tests are reported as not run.
#include "cli_runner.h"
#include "server_database.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace fd::testing {
namespace {

const QString kAdminPass = QStringLiteral("Admin-pass-2026");

class FrontdeskctlOnServer : public ::testing::Test {
protected:
    void SetUp() override {
        FD_NEEDS_SERVER(server_);
        const CliRun r =
            json({QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("admin"),
                  QStringLiteral("--name"), QStringLiteral("管理员")},
                 {kAdminPass});
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    }
    QString file(const QString& name) const { return dir_.filePath(name); }
    CliRun ctl(QStringList args, const QStringList& stdinLines = {}, bool asJson = false,
               const QString& lang = QStringLiteral("C")) const {
        QStringList full{QStringLiteral("--db"), server_.address()};
        if (asJson)
            full << QStringLiteral("--json");
        full += args;
        const QString input = stdinLines.isEmpty()
                                  ? QString()
                                  : stdinLines.join(QLatin1Char('\n')) + QLatin1Char('\n');
        return runCli(full, input, dir_.filePath(QStringLiteral("data")), lang);
    }
    CliRun json(const QStringList& args, const QStringList& stdinLines = {}) const {
        return ctl(args, stdinLines, true);
    }
    qint64 auditRows() const {
        return json({QStringLiteral("audit"), QStringLiteral("verify")})
            .json()[QStringLiteral("rows")]
            .toInteger();
    }

    ServerDatabase server_;
    QTemporaryDir dir_;
};

} // namespace

TEST_F(FrontdeskctlOnServer, BackupWritesAVerifiedDumpWithTheCopysHead) {
    const QString copy = file(QStringLiteral("office.dump"));
    const CliRun b = json({QStringLiteral("backup"), copy});
    ASSERT_EQ(b.exitCode, 0) << b.err.toStdString();
    const QJsonObject made = b.json();
    EXPECT_EQ(made[QStringLiteral("format")].toString(), QStringLiteral("pg_dump"));
    EXPECT_EQ(made[QStringLiteral("backup")].toString(), copy);
    EXPECT_EQ(made[QStringLiteral("audit_rows")].toInteger(), auditRows());
    EXPECT_EQ(made[QStringLiteral("audit_head")].toObject()[QStringLiteral("seq")].toInteger(),
              auditRows());
    const QString head = ctl({QStringLiteral("audit"), QStringLiteral("head")}).out.trimmed();
    EXPECT_TRUE(head.endsWith(
        made[QStringLiteral("audit_head")].toObject()[QStringLiteral("hash")].toString()))
        << head.toStdString();
    EXPECT_FALSE(QFile::exists(copy + QStringLiteral(".part")));
    EXPECT_EQ(json({QStringLiteral("backup"), copy}).exitCode, 2); // never overwrites a file
}

TEST_F(FrontdeskctlOnServer, BackupAutoMakesOneDumpADayAndRecordsIt) {
    const QString dir = file(QStringLiteral("backups"));
    const CliRun first =
        json({QStringLiteral("backup"), QStringLiteral("--auto"), QStringLiteral("--dir"), dir});
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_TRUE(first.json()[QStringLiteral("made")].toBool());
    const QString path = first.json()[QStringLiteral("backup")].toString();
    const QStringList files = QDir(dir).entryList(QDir::Files);
    ASSERT_EQ(files.size(), 1);
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^frontdesk-\\d{4}-\\d{2}-\\d{2}\\.dump$"))
                    .match(files.first())
                    .hasMatch())
        << files.first().toStdString();
    EXPECT_EQ(first.json()[QStringLiteral("audit_rows")].toInteger(), 1); // system.init
    EXPECT_EQ(auditRows(), 2);                                            // + backup.verified

    const CliRun again =
        ctl({QStringLiteral("backup"), QStringLiteral("--auto"), QStringLiteral("--dir"), dir}, {},
            false, QStringLiteral("zh_CN.UTF-8"));
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(again.out.trimmed(), path);
    EXPECT_TRUE(again.err.contains(QStringLiteral("今日已有经校验的备份")))
        << again.err.toStdString();
    EXPECT_EQ(QDir(dir).entryList(QDir::Files).size(), 1);
    EXPECT_EQ(auditRows(), 2);
}

TEST_F(FrontdeskctlOnServer, RestoreOnAServerRefusesNamingTheProcedureAndADamagedDumpExitsFour) {
    const QString copy = file(QStringLiteral("office.dump"));
    ASSERT_EQ(ctl({QStringLiteral("backup"), copy}).exitCode, 0);
    const qint64 rows = auditRows();

    const CliRun refused =
        json({QStringLiteral("restore"), copy, QStringLiteral("--as"), QStringLiteral("admin")},
             {kAdminPass});
    EXPECT_EQ(refused.exitCode, 2) << refused.out.toStdString();
    EXPECT_TRUE(refused.out.contains(QStringLiteral("docs/deployment.md")))
        << refused.out.toStdString();
    EXPECT_EQ(auditRows(), rows);

    QFile in(copy);
    ASSERT_TRUE(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    QFile cut(file(QStringLiteral("cut.dump")));
    ASSERT_TRUE(cut.open(QIODevice::WriteOnly));
    cut.write(bytes.left(bytes.size() / 2));
    cut.close();
    const CliRun damaged = json({QStringLiteral("restore"), file(QStringLiteral("cut.dump")),
                                 QStringLiteral("--as"), QStringLiteral("admin")},
                                {kAdminPass});
    EXPECT_EQ(damaged.exitCode, 4) << damaged.out.toStdString();
    EXPECT_EQ(damaged.json()[QStringLiteral("error")].toObject()[QStringLiteral("kind")].toString(),
              QStringLiteral("integrity"));
    EXPECT_EQ(auditRows(), rows);
}

} // namespace fd::testing
