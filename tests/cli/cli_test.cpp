// frontdeskctl end to end: the real program, real database files, every exit code.
#include "cli_runner.h"
#include "test_services.h"
#include "tool_output.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <gtest/gtest.h>

namespace fd::testing {
namespace {

const QString kAdminPass = QStringLiteral("admin-pass");

class FrontdeskctlTest : public ::testing::Test {
protected:
    QString db() const { return dir_.filePath(QStringLiteral("frontdesk.db")); }
    QString file(const QString& name) const { return dir_.filePath(name); }

    // Runs frontdeskctl --db <db> [--json] ARGS with the given stdin lines.
    CliRun ctl(QStringList args, const QStringList& stdinLines = {}, bool json = false,
               const QString& lang = QStringLiteral("C")) const {
        QStringList full{QStringLiteral("--db"), db()};
        if (json)
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

    void init(bool demo = false) {
        QStringList args{QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("admin"),
                         QStringLiteral("--name"), QStringLiteral("管理员")};
        if (demo)
            args << QStringLiteral("--demo");
        const CliRun r = json(args, {kAdminPass});
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    }
    // Signed in as the administrator (password on stdin).
    CliRun asAdmin(const QStringList& args) const {
        return json(args + QStringList{QStringLiteral("--as"), QStringLiteral("admin")},
                    {kAdminPass});
    }
    void addUser(const QString& login, const QString& roles) {
        const CliRun r = json({QStringLiteral("user"), QStringLiteral("add"), login,
                               QStringLiteral("--name"), login, QStringLiteral("--role"), roles,
                               QStringLiteral("--as"), QStringLiteral("admin")},
                              {kAdminPass, login + QStringLiteral("-pass")});
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString() << r.out.toStdString();
    }
    QString head() const {
        return ctl({QStringLiteral("audit"), QStringLiteral("head")}).out.trimmed();
    }
    qint64 auditRows() const {
        return json({QStringLiteral("audit"), QStringLiteral("verify")})
            .json()[QStringLiteral("rows")]
            .toInteger();
    }

    // Changes one stored audit value behind the program's back, the way a tamperer would.
    static void tamper(const QString& path, qint64 seq) {
        const QString name = QUuid::createUuid().toString();
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            raw.setDatabaseName(path);
            ASSERT_TRUE(raw.open());
            QSqlQuery q(raw);
            ASSERT_TRUE(q.exec(QStringLiteral("DROP TRIGGER audit_log_no_update")));
            ASSERT_TRUE(
                q.exec(QStringLiteral("UPDATE audit_log SET actor = 'someone else' WHERE seq = %1")
                           .arg(seq)));
            ASSERT_EQ(q.numRowsAffected(), 1);
            raw.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    QTemporaryDir dir_;
};

// --- 0 and the JSON shapes ---------------------------------------------------------------

TEST_F(FrontdeskctlTest, InitCreatesTheDatabaseWithAnAuditedAdministrator) {
    const CliRun r = json(
        {QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("admin")}, {kAdminPass});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    ASSERT_TRUE(r.isOneJsonDocument()) << r.out.toStdString();
    const QJsonObject o = r.json();
    EXPECT_TRUE(o[QStringLiteral("ok")].toBool());
    EXPECT_EQ(o[QStringLiteral("user_id")].toInteger(), 1);
    EXPECT_EQ(o[QStringLiteral("audit_head")].toObject()[QStringLiteral("seq")].toInteger(), 1);
    EXPECT_FALSE(r.out.contains(kAdminPass));
    EXPECT_FALSE(r.err.contains(kAdminPass));
}

TEST_F(FrontdeskctlTest, DoReportsTheAuditedResultAsJson) {
    init();
    addUser(QStringLiteral("clerk"), QStringLiteral("clerk"));
    const CliRun r = json({QStringLiteral("do"), QStringLiteral("user.set_roles"),
                           QStringLiteral("--as"), QStringLiteral("admin"),
                           QStringLiteral("--reason"), QStringLiteral("moved to the archive room"),
                           QStringLiteral("login=clerk"), QStringLiteral("roles=clerk,archivist")},
                          {kAdminPass});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    ASSERT_TRUE(r.isOneJsonDocument());
    const QJsonObject o = r.json();
    EXPECT_TRUE(o[QStringLiteral("ok")].toBool());
    EXPECT_EQ(o[QStringLiteral("status")].toString(), QStringLiteral("done"));
    EXPECT_EQ(o[QStringLiteral("audit_seq")].toInteger(), 3);
    EXPECT_EQ(o[QStringLiteral("entity")].toString(), QStringLiteral("user"));
    EXPECT_EQ(o[QStringLiteral("entity_id")].toString(), QStringLiteral("2"));
    EXPECT_TRUE(o.contains(QStringLiteral("result")));

    const CliRun log = asAdmin({QStringLiteral("audit"), QStringLiteral("log"),
                                QStringLiteral("--entity"), QStringLiteral("user")});
    ASSERT_EQ(log.exitCode, 0);
    const QJsonArray rows = log.json()[QStringLiteral("rows")].toArray();
    ASSERT_EQ(rows.size(), 3);
    EXPECT_EQ(rows[0].toObject()[QStringLiteral("action")].toString(),
              QStringLiteral("user.set_roles"));
    EXPECT_EQ(rows[0].toObject()[QStringLiteral("reason")].toString(),
              QStringLiteral("moved to the archive room"));
}

TEST_F(FrontdeskctlTest, ApprovalRequestWaitsThenRunsWhenASupervisorSigns) {
    // A policy where unlocking an account waits for a supervisor's approval.
    QJsonObject policy = builtInPolicy();
    addTestClause(policy, QStringLiteral("TEST-CLI-1"));
    QJsonArray rules = policy[QStringLiteral("rules")].toArray();
    rules.append(QJsonObject{
        {QStringLiteral("id"), QStringLiteral("unlock-approved")},
        {QStringLiteral("clauses"), QJsonArray{QStringLiteral("TEST-CLI-1")}},
        {QStringLiteral("actions"), QJsonArray{QStringLiteral("user.unlock")}},
        {QStringLiteral("check"), QStringLiteral("core.require_approval")},
        {QStringLiteral("params"),
         QJsonObject{{QStringLiteral("role"), QStringLiteral("supervisor")}}},
        {QStringLiteral("message"),
         QJsonObject{{QStringLiteral("en"), QStringLiteral("Unlocking waits for a supervisor")},
                     {QStringLiteral("zh"), QStringLiteral("解锁须主管批准")}}}});
    policy[QStringLiteral("rules")] = rules;
    QFile out(file(QStringLiteral("policy.json")));
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(policy).toJson());
    out.close();
    init();
    addUser(QStringLiteral("sup"), QStringLiteral("supervisor"));
    const CliRun applied = asAdmin(
        {QStringLiteral("policy"), QStringLiteral("apply"), file(QStringLiteral("policy.json"))});
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();

    const CliRun asked = json(QStringList{QStringLiteral("do"), QStringLiteral("user.unlock"),
                                          QStringLiteral("--as"), QStringLiteral("admin"),
                                          QStringLiteral("login=sup")},
                              {kAdminPass});
    ASSERT_EQ(asked.exitCode, 0) << asked.err.toStdString();
    EXPECT_EQ(asked.json()[QStringLiteral("status")].toString(),
              QStringLiteral("pending_approval"));
    const qint64 approvalId = asked.json()[QStringLiteral("approval_id")].toInteger();
    EXPECT_GT(approvalId, 0);

    const CliRun mine = json(QStringList{QStringLiteral("approvals"), QStringLiteral("--mine"),
                                         QStringLiteral("--as"), QStringLiteral("sup")},
                             {QStringLiteral("sup-pass")});
    ASSERT_EQ(mine.exitCode, 0) << mine.err.toStdString();
    const QJsonArray waiting = mine.json()[QStringLiteral("rows")].toArray();
    ASSERT_EQ(waiting.size(), 1);
    EXPECT_EQ(waiting[0].toObject()[QStringLiteral("action")].toString(),
              QStringLiteral("user.unlock"));
    // The request reads as its form: the field by its label, who waits for it by role.
    EXPECT_TRUE(waiting[0].toObject()[QStringLiteral("details")].toString().contains(
        QStringLiteral("sup")));
    EXPECT_EQ(waiting[0].toObject()[QStringLiteral("status")].toString(),
              QStringLiteral("pending"));

    const CliRun notMine = json(QStringList{QStringLiteral("approvals"), QStringLiteral("--mine"),
                                            QStringLiteral("--as"), QStringLiteral("admin")},
                                {kAdminPass});
    EXPECT_EQ(notMine.json()[QStringLiteral("rows")].toArray().size(),
              0); // the requester does not see it

    const CliRun approved =
        json(QStringList{QStringLiteral("do"), QStringLiteral("approval.approve"),
                         QStringLiteral("--as"), QStringLiteral("sup"), QStringLiteral("--sign"),
                         QStringLiteral("approver=sup"), QStringLiteral("id=%1").arg(approvalId)},
             {QStringLiteral("sup-pass"), QStringLiteral("sup-pass")});
    ASSERT_EQ(approved.exitCode, 0) << approved.err.toStdString() << approved.out.toStdString();
    EXPECT_EQ(approved.json()[QStringLiteral("status")].toString(), QStringLiteral("done"));
    EXPECT_EQ(
        approved.json()[QStringLiteral("result")].toObject()[QStringLiteral("entity")].toString(),
        QStringLiteral("user"));
}

// --- 1: other errors ---------------------------------------------------------------------

TEST_F(FrontdeskctlTest, UnwritableDatabasePathExitsOne) {
    QFile blocker(file(QStringLiteral("not-a-folder")));
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const CliRun r =
        runCli({QStringLiteral("--db"), file(QStringLiteral("not-a-folder/frontdesk.db")),
                QStringLiteral("--json"), QStringLiteral("init"), QStringLiteral("--admin"),
                QStringLiteral("admin")},
               kAdminPass + QLatin1Char('\n'), file(QStringLiteral("data")));
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    ASSERT_TRUE(r.isOneJsonDocument());
    EXPECT_FALSE(r.json()[QStringLiteral("ok")].toBool());
    EXPECT_EQ(r.json()[QStringLiteral("error")].toObject()[QStringLiteral("kind")].toString(),
              QStringLiteral("storage"));
}

TEST_F(FrontdeskctlTest, UnreadableDatabaseFileExitsOne) {
    QFile garbage(db());
    ASSERT_TRUE(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(8192, 'x'));
    garbage.close();
    const CliRun r = json({QStringLiteral("audit"), QStringLiteral("head")});
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    EXPECT_TRUE(r.isOneJsonDocument());
}

// --- 2: bad input and usage --------------------------------------------------------------

TEST_F(FrontdeskctlTest, MissingRequiredFieldIsNamed) {
    init();
    const CliRun r = json({QStringLiteral("do"), QStringLiteral("user.add"), QStringLiteral("--as"),
                           QStringLiteral("admin"), QStringLiteral("login=li")},
                          {kAdminPass});
    EXPECT_EQ(r.exitCode, 2);
    const QJsonObject e = r.json()[QStringLiteral("error")].toObject();
    EXPECT_EQ(e[QStringLiteral("kind")].toString(), QStringLiteral("bad_input"));
    EXPECT_EQ(e[QStringLiteral("field")].toString(), QStringLiteral("name"));
    EXPECT_FALSE(
        e[QStringLiteral("message")].toObject()[QStringLiteral("zh")].toString().isEmpty());
    EXPECT_EQ(auditRows(), 1); // nothing written
}

TEST_F(FrontdeskctlTest, BadFieldMessageGoesToStderrInChinese) {
    init();
    const CliRun r =
        ctl({QStringLiteral("do"), QStringLiteral("user.add"), QStringLiteral("--as"),
             QStringLiteral("admin"), QStringLiteral("login=li"), QStringLiteral("name=李"),
             QStringLiteral("roles=nobody"), QStringLiteral("password=long-enough")},
            {kAdminPass}, false, QStringLiteral("zh_CN.UTF-8"));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.out.isEmpty());
    EXPECT_TRUE(r.err.contains(QStringLiteral("未知角色"))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("roles")));
}

TEST_F(FrontdeskctlTest, UnknownCommandExitsTwo) {
    const CliRun r = json({QStringLiteral("frobnicate")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.json()[QStringLiteral("error")].toObject()[QStringLiteral("field")].toString(),
              QStringLiteral("command"));
    EXPECT_EQ(json({QStringLiteral("user"), QStringLiteral("remove")}).exitCode, 2);
    EXPECT_EQ(ctl({}).exitCode, 2);
}

TEST_F(FrontdeskctlTest, MissingArgumentIsNamed) {
    init();
    CliRun r = json({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--name"),
                     QStringLiteral("Li")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.json()[QStringLiteral("error")].toObject()[QStringLiteral("field")].toString(),
              QStringLiteral("login"));
    r = json({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--anchor")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.json()[QStringLiteral("error")].toObject()[QStringLiteral("field")].toString(),
              QStringLiteral("anchor"));
    r = json({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--anchor"),
              QStringLiteral("12-abc")});
    EXPECT_EQ(r.exitCode, 2);
    r = json({QStringLiteral("do"), QStringLiteral("user.unlock"), QStringLiteral("login=admin")});
    EXPECT_EQ(r.json()[QStringLiteral("error")].toObject()[QStringLiteral("field")].toString(),
              QStringLiteral("as"));
}

TEST_F(FrontdeskctlTest, MissingPasswordLineIsNamedAndNothingRuns) {
    init();
    const CliRun r =
        json({QStringLiteral("do"), QStringLiteral("approval.approve"), QStringLiteral("--as"),
              QStringLiteral("admin"), QStringLiteral("--sign"), QStringLiteral("approver=admin"),
              QStringLiteral("id=1")},
             {kAdminPass});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.json()[QStringLiteral("error")].toObject()[QStringLiteral("field")].toString(),
              QStringLiteral("password:sign:approver"));
}

TEST_F(FrontdeskctlTest, WeakAdministratorPasswordIsRefusedByField) {
    const CliRun r =
        json({QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("admin")},
             {QStringLiteral("short")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.json()[QStringLiteral("error")].toObject()[QStringLiteral("field")].toString(),
              QStringLiteral("password"));
    const CliRun none =
        json({QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("admin")});
    EXPECT_EQ(none.exitCode, 2);
    EXPECT_EQ(none.json()[QStringLiteral("error")].toObject()[QStringLiteral("field")].toString(),
              QStringLiteral("password"));
}

TEST_F(FrontdeskctlTest, CommandsOnAMissingDatabaseSayToRunInit) {
    for (const QStringList& args :
         {QStringList{QStringLiteral("seed"), QStringLiteral("--profile"), QStringLiteral("demo")},
          QStringList{QStringLiteral("audit"), QStringLiteral("verify")},
          QStringList{QStringLiteral("backup"), file(QStringLiteral("b.db"))}}) {
        const CliRun r = json(args);
        EXPECT_EQ(r.exitCode, 2) << args.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(r.json()[QStringLiteral("error")]
                        .toObject()[QStringLiteral("message")]
                        .toObject()[QStringLiteral("en")]
                        .toString()
                        .contains(QStringLiteral("init")));
    }
    EXPECT_FALSE(QFile::exists(db()));
}

TEST_F(FrontdeskctlTest, SeedRunsOnAnInitialisedDatabase) {
    init(true);
    const CliRun r =
        asAdmin({QStringLiteral("seed"), QStringLiteral("--profile"), QStringLiteral("demo"),
                 QStringLiteral("--seed"), QStringLiteral("7")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json()[QStringLiteral("profile")].toString(), QStringLiteral("demo"));
    EXPECT_EQ(asAdmin({QStringLiteral("seed"), QStringLiteral("--profile"), QStringLiteral("huge")})
                  .exitCode,
              2);
    EXPECT_EQ(
        asAdmin({QStringLiteral("seed"), QStringLiteral("--seed"), QStringLiteral("x")}).exitCode,
        2);
    EXPECT_EQ(json({QStringLiteral("audit"), QStringLiteral("verify")}).exitCode, 0);
}

TEST_F(FrontdeskctlTest, SeedRefusesADatabaseNotCreatedAsADemoWithExitThree) {
    init(); // a real office's database
    const qint64 before = auditRows();
    const CliRun r =
        asAdmin({QStringLiteral("seed"), QStringLiteral("--profile"), QStringLiteral("demo")});
    EXPECT_EQ(r.exitCode, 3) << r.err.toStdString();
    const QJsonObject e = r.json()[QStringLiteral("error")].toObject();
    EXPECT_EQ(e[QStringLiteral("rule")].toString(), QStringLiteral("demo-database-only"));
    EXPECT_EQ(auditRows(), before); // no demo account was created
    const CliRun users = asAdmin({QStringLiteral("user"), QStringLiteral("list")});
    EXPECT_EQ(users.json()[QStringLiteral("rows")].toArray().size(), 1);
}

TEST_F(FrontdeskctlTest, SeedWithoutTheAdministratorsPasswordExitsFiveAndAClerkIsRefused) {
    init(true);
    addUser(QStringLiteral("clerk"), QStringLiteral("clerk"));
    const qint64 before = auditRows();
    const CliRun none =
        json({QStringLiteral("seed"), QStringLiteral("--profile"), QStringLiteral("demo"),
              QStringLiteral("--as"), QStringLiteral("admin")});
    EXPECT_EQ(none.exitCode, 5) << none.err.toStdString();
    EXPECT_EQ(none.json()[QStringLiteral("error")].toObject()[QStringLiteral("field")].toString(),
              QStringLiteral("password:as"));
    const CliRun wrong =
        json({QStringLiteral("seed"), QStringLiteral("--as"), QStringLiteral("admin")},
             {QStringLiteral("not-the-password")});
    EXPECT_EQ(wrong.exitCode, 5);
    const CliRun clerk =
        json({QStringLiteral("seed"), QStringLiteral("--as"), QStringLiteral("clerk")},
             {QStringLiteral("clerk-pass")});
    EXPECT_EQ(clerk.exitCode, 3);
    EXPECT_EQ(clerk.json()[QStringLiteral("error")].toObject()[QStringLiteral("rule")].toString(),
              QStringLiteral("permission"));
    EXPECT_EQ(auditRows(), before);
}

TEST_F(FrontdeskctlTest, RestoreNeedsAnAdministratorOfTheLiveDatabase) {
    init();
    addUser(QStringLiteral("clerk"), QStringLiteral("clerk"));
    const QString copy = file(QStringLiteral("copy.db"));
    ASSERT_EQ(ctl({QStringLiteral("backup"), copy}).exitCode, 0);
    addUser(QStringLiteral("lili"), QStringLiteral("cashier"));
    const QString before = head();
    EXPECT_EQ(
        json({QStringLiteral("restore"), copy, QStringLiteral("--as"), QStringLiteral("admin")})
            .exitCode,
        5);
    const CliRun clerk =
        json({QStringLiteral("restore"), copy, QStringLiteral("--as"), QStringLiteral("clerk")},
             {QStringLiteral("clerk-pass")});
    EXPECT_EQ(clerk.exitCode, 3);
    EXPECT_EQ(head(), before); // nothing was replaced
}

TEST_F(FrontdeskctlTest, AuditLogNeedsARoleAllowedToReadTheTrail) {
    init();
    addUser(QStringLiteral("clerk"), QStringLiteral("clerk"));
    addUser(QStringLiteral("mgr"), QStringLiteral("cs_manager"));
    const CliRun clerk = json({QStringLiteral("audit"), QStringLiteral("log"),
                               QStringLiteral("--as"), QStringLiteral("clerk")},
                              {QStringLiteral("clerk-pass")});
    EXPECT_EQ(clerk.exitCode, 3);
    EXPECT_EQ(clerk.json()[QStringLiteral("error")].toObject()[QStringLiteral("rule")].toString(),
              QStringLiteral("permission"));
    EXPECT_FALSE(clerk.out.contains(QStringLiteral("user.add")));
    EXPECT_EQ(json({QStringLiteral("audit"), QStringLiteral("log")}).exitCode, 2); // no --as
    const CliRun mgr = json({QStringLiteral("audit"), QStringLiteral("log"), QStringLiteral("--as"),
                             QStringLiteral("mgr")},
                            {QStringLiteral("mgr-pass")});
    ASSERT_EQ(mgr.exitCode, 0) << mgr.err.toStdString();
    EXPECT_GE(mgr.json()[QStringLiteral("rows")].toArray().size(), 3);
    // Counts and hashes stay open.
    EXPECT_EQ(ctl({QStringLiteral("audit"), QStringLiteral("verify")}).exitCode, 0);
    EXPECT_EQ(ctl({QStringLiteral("audit"), QStringLiteral("head")}).exitCode, 0);
}

TEST_F(FrontdeskctlTest, PolicyApplyStoresTheVersionAndPolicyShowPrintsIt) {
    init();
    addUser(QStringLiteral("clerk"), QStringLiteral("clerk"));
    QJsonObject policy = builtInPolicy();
    policy[QStringLiteral("version")] = QStringLiteral("2099.1");
    QFile out(file(QStringLiteral("office.json")));
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(policy).toJson());
    out.close();

    const CliRun clerk =
        json({QStringLiteral("policy"), QStringLiteral("apply"),
              file(QStringLiteral("office.json")), QStringLiteral("--as"), QStringLiteral("clerk")},
             {QStringLiteral("clerk-pass")});
    EXPECT_EQ(clerk.exitCode, 3);
    const CliRun applied = asAdmin(
        {QStringLiteral("policy"), QStringLiteral("apply"), file(QStringLiteral("office.json"))});
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
    EXPECT_EQ(applied.json()[QStringLiteral("entity")].toString(), QStringLiteral("policy"));
    const CliRun shown = json({QStringLiteral("policy"), QStringLiteral("show")});
    ASSERT_EQ(shown.exitCode, 0);
    EXPECT_TRUE(
        shown.json()[QStringLiteral("version")].toString().startsWith(QStringLiteral("2099.1+")));
    // The next action's audit row names the stored version.
    addUser(QStringLiteral("lili"), QStringLiteral("cashier"));
    const CliRun last = asAdmin({QStringLiteral("audit"), QStringLiteral("log"),
                                 QStringLiteral("--limit"), QStringLiteral("1")});
    EXPECT_EQ(last.json()[QStringLiteral("rows")]
                  .toArray()[0]
                  .toObject()[QStringLiteral("policy_version")]
                  .toString(),
              shown.json()[QStringLiteral("version")].toString());
}

TEST_F(FrontdeskctlTest, ThereIsNoPolicyOptionToSwapTheRulebookForOneRun) {
    init();
    const CliRun r = json({QStringLiteral("--policy"), file(QStringLiteral("none.json")),
                           QStringLiteral("audit"), QStringLiteral("head")});
    EXPECT_EQ(r.exitCode, 2);
}

// frontdeskctl runs on the system clock, so what is checked here is relative to the time of
// the run; the demo's story at chosen hours, weekdays and month ends is checked in process
// (ctest -L clock).
TEST_F(FrontdeskctlTest, DemoSeedSpreadsTheFrontDeskHistoryOverTheLastDays) {
    init(true);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const CliRun r =
        asAdmin({QStringLiteral("seed"), QStringLiteral("--profile"), QStringLiteral("demo")});
    const QDateTime after = QDateTime::currentDateTimeUtc();
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    if (!r.json()[QStringLiteral("modules")].toArray().contains(QStringLiteral("handover")))
        GTEST_SKIP() << "this build has no handover area";
    auto stored = [](const QDateTime& t) { return t.toUTC().toString(Qt::ISODateWithMs); };
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        raw.setDatabaseName(db());
        ASSERT_TRUE(raw.open());
        auto scalar = [&](const QString& sql, const QVariantList& binds = {}) {
            QSqlQuery q(raw);
            EXPECT_TRUE(q.prepare(sql)) << sql.toStdString();
            for (const QVariant& b : binds)
                q.addBindValue(b);
            EXPECT_TRUE(q.exec()) << sql.toStdString();
            return q.next() ? q.value(0).toLongLong() : -1;
        };
        // Completed handovers on at least three days, each at its own shift's time (R2-1.1).
        EXPECT_GE(scalar(QStringLiteral("SELECT count(DISTINCT shift_date) FROM handover_sheets "
                                        "WHERE status = 'completed'")),
                  3);
        EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM handover_sheets WHERE "
                                        "status = 'completed' AND completed_at <= opened_at")),
                  0);
        // The shift running now is open at the front desk.
        EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM handover_sheets WHERE post = "
                                        "'front_desk' AND status = 'open' AND opened_at >= ?"),
                         {stored(before.addSecs(-8 * 3600))}),
                  1);
        // Duty records of past days, each ended after its successor came on (R8-2.4).
        EXPECT_GE(scalar(QStringLiteral("SELECT count(DISTINCT duty_date) FROM duty_records "
                                        "WHERE status = 'ended'")),
                  3);
        // A letter waiting longer than the policy's days, for the dashboard (R6-6), at
        // whatever hour the seed ran.
        EXPECT_GE(scalar(QStringLiteral("SELECT count(*) FROM mail_items WHERE status = 'waiting' "
                                        "AND received_at < ?"),
                         {stored(after.addDays(-3))}),
                  1);
        // Nothing is written after the run: the history leads up to the present.
        for (const auto& [table, column] :
             {std::pair{"audit_log", "at_utc"}, std::pair{"handover_sheets", "opened_at"},
              std::pair{"handover_sheets", "completed_at"}, std::pair{"mail_items", "received_at"},
              std::pair{"duty_records", "started_at"}, std::pair{"duty_records", "ended_at"},
              std::pair{"duty_lighting_checks", "checked_at"},
              std::pair{"duty_incidents", "occurred_at"}})
            EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE %2 > ?")
                                 .arg(QString::fromLatin1(table), QString::fromLatin1(column)),
                             {stored(after)}),
                      0)
                << table << "." << column;
        raw.close();
    }
    QSqlDatabase::removeDatabase(name);
    EXPECT_EQ(json({QStringLiteral("audit"), QStringLiteral("verify")}).exitCode, 0);
}

// The policy the program ships (the core's composed with every area's fragment) passes its
// own strict check, and so does each area's fragment on its own.
TEST_F(FrontdeskctlTest, PolicyCheckPassesTheShippedPolicyAndEachAreasFragment) {
    QFile out(file(QStringLiteral("shipped.json")));
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(builtInPolicy()).toJson());
    out.close();
    const CliRun r = ctl({QStringLiteral("policy"), QStringLiteral("check"), out.fileName()});
    EXPECT_EQ(r.exitCode, 0) << r.out.toStdString() << r.err.toStdString();
    const QStringList fragments = QDir(QStringLiteral(FD_SOURCE_DIR "/resources/policy"))
                                      .entryList({QStringLiteral("*.json")}, QDir::Files);
    EXPECT_GE(fragments.size(), 4); // core.json and one per area
    for (const QString& name : fragments) {
        if (name == QStringLiteral("core.json"))
            continue;
        const CliRun f = ctl({QStringLiteral("policy"), QStringLiteral("check"),
                              QStringLiteral(FD_SOURCE_DIR "/resources/policy/") + name});
        EXPECT_EQ(f.exitCode, 0) << name.toStdString() << f.out.toStdString()
                                 << f.err.toStdString();
    }
}

// A fragment that gives a rule of another area's id again is refused naming the fragment.
TEST_F(FrontdeskctlTest, PolicyCheckRefusesAFragmentRepeatingAnotherAreasRule) {
    QFile out(file(QStringLiteral("keys.json")));
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    const QJsonObject shipped = builtInPolicy();
    const QJsonObject rule = shipped.value(QStringLiteral("rules")).toArray().first().toObject();
    out.write(QJsonDocument(QJsonObject{{QStringLiteral("area"), QStringLiteral("keys")},
                                        {QStringLiteral("rules"), QJsonArray{rule}}})
                  .toJson());
    out.close();
    const CliRun r = ctl({QStringLiteral("policy"), QStringLiteral("check"), out.fileName()});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_TRUE(r.err.contains(QStringLiteral("keys.json")) ||
                r.out.contains(QStringLiteral("keys.json")))
        << r.out.toStdString() << r.err.toStdString();
    EXPECT_TRUE(QString(r.err + r.out).contains(rule.value(QStringLiteral("id")).toString()));
}

TEST_F(FrontdeskctlTest, PolicyCheckListsErrorsAndPassesACleanFile) {
    QFile bad(file(QStringLiteral("bad.json")));
    ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
    bad.write(R"({"version":"x","roles":{"admin":{"en":"A","zh":"管","permissions":["*"]}},
                 "rules":[{"id":"r1","clauses":["R9-9"],"actions":["no.such"],"check":"no.check",
                           "message":{"en":"m","zh":"m"}}]})");
    bad.close();
    CliRun r =
        ctl({QStringLiteral("policy"), QStringLiteral("check"), file(QStringLiteral("bad.json"))});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.out.contains(QStringLiteral("$.rules[0]"))) << r.out.toStdString();
    r = json({QStringLiteral("policy"), QStringLiteral("check"), file(QStringLiteral("bad.json"))});
    EXPECT_GE(r.json()[QStringLiteral("errors")].toArray().size(), 2);

    QFile clean(file(QStringLiteral("clean.json")));
    ASSERT_TRUE(clean.open(QIODevice::WriteOnly));
    clean.write(R"({"version":"1","office":{"en":"Office","zh":"管理处"},
                   "roles":{"admin":{"en":"A","zh":"管","permissions":["*"]}},
                   "rules":[{"id":"decision-signed","clauses":["R3-3.1"],"actions":["approval.approve"],
                             "check":"core.require_signatures","params":{"signers":[{"meaning":"approver"}]},
                             "message":{"en":"signed","zh":"须签字"}}]})");
    clean.close();
    r = ctl(
        {QStringLiteral("policy"), QStringLiteral("check"), file(QStringLiteral("clean.json"))});
    EXPECT_EQ(r.exitCode, 0) << r.out.toStdString() << r.err.toStdString();
    EXPECT_EQ(ctl({QStringLiteral("policy"), QStringLiteral("check"),
                   file(QStringLiteral("absent.json"))})
                  .exitCode,
              2);
}

// --- 3: refused by a rule ----------------------------------------------------------------

TEST_F(FrontdeskctlTest, UnsignedApprovalDecisionIsRefusedByRule) {
    init();
    const QString before = head();
    const CliRun r = json({QStringLiteral("do"), QStringLiteral("approval.approve"),
                           QStringLiteral("--as"), QStringLiteral("admin"), QStringLiteral("id=1")},
                          {kAdminPass});
    EXPECT_EQ(r.exitCode, 3);
    ASSERT_TRUE(r.isOneJsonDocument());
    const QJsonObject e = r.json()[QStringLiteral("error")].toObject();
    EXPECT_EQ(e[QStringLiteral("kind")].toString(), QStringLiteral("refused"));
    EXPECT_EQ(e[QStringLiteral("rule")].toString(), QStringLiteral("approval-decision-signed"));
    EXPECT_TRUE(e[QStringLiteral("clause")].toString().startsWith(QStringLiteral("R3-3.")))
        << e[QStringLiteral("clause")].toString().toStdString();
    EXPECT_FALSE(
        e[QStringLiteral("message")].toObject()[QStringLiteral("en")].toString().isEmpty());
    EXPECT_EQ(head(), before);
}

TEST_F(FrontdeskctlTest, ActionOutsideTheRolesPermissionIsRefused) {
    init();
    addUser(QStringLiteral("clerk"), QStringLiteral("clerk"));
    const QString before = head();
    const CliRun r =
        json({QStringLiteral("do"), QStringLiteral("user.add"), QStringLiteral("--as"),
              QStringLiteral("clerk"), QStringLiteral("login=x"), QStringLiteral("name=X"),
              QStringLiteral("roles=admin"), QStringLiteral("password=long-enough")},
             {QStringLiteral("clerk-pass")});
    EXPECT_EQ(r.exitCode, 3);
    const QJsonObject e = r.json()[QStringLiteral("error")].toObject();
    EXPECT_EQ(e[QStringLiteral("rule")].toString(), QStringLiteral("permission"));
    // Only the administrator may add users, and no clause makes that a duty: none is cited
    // (never an unrelated one).
    EXPECT_EQ(e[QStringLiteral("clause")].toString(), QString());
    EXPECT_TRUE(e[QStringLiteral("message")].toObject()[QStringLiteral("zh")].toString().contains(
        QStringLiteral("系统管理员")));
    EXPECT_EQ(head(), before);
    // The users list needs the user.add permission too.
    EXPECT_EQ(json({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--as"),
                    QStringLiteral("clerk")},
                   {QStringLiteral("clerk-pass")})
                  .exitCode,
              3);
}

// --- 4: integrity ------------------------------------------------------------------------

TEST_F(FrontdeskctlTest, TamperedAuditRowFailsVerificationNamingItsSequence) {
    init();
    addUser(QStringLiteral("clerk"), QStringLiteral("clerk"));
    addUser(QStringLiteral("lili"), QStringLiteral("cashier"));
    const QString anchor = head();
    ASSERT_EQ(json({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--anchor"),
                    anchor})
                  .exitCode,
              0);
    tamper(db(), 2);
    const CliRun r = json({QStringLiteral("audit"), QStringLiteral("verify")});
    EXPECT_EQ(r.exitCode, 4);
    ASSERT_TRUE(r.isOneJsonDocument());
    EXPECT_EQ(r.json()[QStringLiteral("first_broken_seq")].toInteger(), 2);
    EXPECT_EQ(r.json()[QStringLiteral("error")].toObject()[QStringLiteral("kind")].toString(),
              QStringLiteral("integrity"));
    const CliRun text = ctl({QStringLiteral("audit"), QStringLiteral("verify")});
    EXPECT_EQ(text.exitCode, 4);
    EXPECT_TRUE(text.err.contains(QStringLiteral("sequence 2"))) << text.err.toStdString();
}

TEST_F(FrontdeskctlTest, RestoreOfATamperedCopyExitsFourAndChangesNothing) {
    init();
    addUser(QStringLiteral("clerk"), QStringLiteral("clerk"));
    const QString copy = file(QStringLiteral("copy.db"));
    ASSERT_EQ(ctl({QStringLiteral("backup"), copy}).exitCode, 0);
    tamper(copy, 1);
    addUser(QStringLiteral("lili"), QStringLiteral("cashier"));
    const QString before = head();
    const CliRun r = asAdmin({QStringLiteral("restore"), copy});
    EXPECT_EQ(r.exitCode, 4) << r.err.toStdString();
    EXPECT_EQ(r.json()[QStringLiteral("error")].toObject()[QStringLiteral("kind")].toString(),
              QStringLiteral("integrity"));
    EXPECT_EQ(head(), before);
    EXPECT_EQ(auditRows(), 3);

    QFile junk(file(QStringLiteral("junk.db")));
    ASSERT_TRUE(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(4096, 'j'));
    junk.close();
    EXPECT_EQ(asAdmin({QStringLiteral("restore"), file(QStringLiteral("junk.db"))}).exitCode, 4);
    EXPECT_EQ(head(), before);
}

TEST_F(FrontdeskctlTest, BackupThenRestoreRoundTrips) {
    init();
    addUser(QStringLiteral("clerk"), QStringLiteral("clerk"));
    const QString copy = file(QStringLiteral("copy.db"));
    const CliRun b = json({QStringLiteral("backup"), copy});
    ASSERT_EQ(b.exitCode, 0) << b.err.toStdString();
    EXPECT_EQ(b.json()[QStringLiteral("audit_rows")].toInteger(), 2);
    const QString atBackup = head();
    EXPECT_EQ(ctl({QStringLiteral("backup"), copy}).exitCode, 2); // never overwrites a file

    addUser(QStringLiteral("lili"), QStringLiteral("cashier"));
    ASSERT_NE(head(), atBackup);
    const CliRun r = asAdmin({QStringLiteral("restore"), copy});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    // The restored chain holds the copy's head, then the row recording the restore.
    EXPECT_EQ(auditRows(), 3);
    const CliRun last = asAdmin({QStringLiteral("audit"), QStringLiteral("log"),
                                 QStringLiteral("--limit"), QStringLiteral("1")});
    EXPECT_EQ(last.json()[QStringLiteral("rows")]
                  .toArray()[0]
                  .toObject()[QStringLiteral("action")]
                  .toString(),
              QStringLiteral("system.restore"));
    EXPECT_EQ(json({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--anchor"),
                    atBackup})
                  .exitCode,
              0);
    const CliRun users = json({QStringLiteral("user"), QStringLiteral("list"),
                               QStringLiteral("--as"), QStringLiteral("admin")},
                              {kAdminPass});
    ASSERT_EQ(users.exitCode, 0);
    EXPECT_EQ(users.json()[QStringLiteral("rows")].toArray().size(), 2); // lili is gone again
}

TEST_F(FrontdeskctlTest, BackupAutoMakesTodaysVerifiedCopyOnceADay) {
    init();
    const QString dir = file(QStringLiteral("backups"));
    const CliRun first =
        json({QStringLiteral("backup"), QStringLiteral("--auto"), QStringLiteral("--dir"), dir});
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    const QJsonObject made = first.json();
    EXPECT_TRUE(made[QStringLiteral("made")].toBool());
    const QString path = made[QStringLiteral("backup")].toString();
    EXPECT_TRUE(QFile::exists(path)) << path.toStdString();
    const QStringList files = QDir(dir).entryList(QDir::Files);
    ASSERT_EQ(files.size(), 1);
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^frontdesk-\\d{4}-\\d{2}-\\d{2}\\.db$"))
                    .match(files.first())
                    .hasMatch())
        << files.first().toStdString();
    EXPECT_EQ(made[QStringLiteral("audit_rows")].toInteger(), 1); // the copy holds system.init
    EXPECT_EQ(made[QStringLiteral("audit_head")].toObject()[QStringLiteral("seq")].toInteger(), 1);
    EXPECT_TRUE(made[QStringLiteral("removed")].toArray().isEmpty());
    // Recorded with its audit row; the chain verifies.
    EXPECT_EQ(auditRows(), 2);
    EXPECT_EQ(json({QStringLiteral("audit"), QStringLiteral("verify")}).exitCode, 0);
    const CliRun log = asAdmin({QStringLiteral("audit"), QStringLiteral("log"),
                                QStringLiteral("--entity"), QStringLiteral("backup_run")});
    ASSERT_EQ(log.exitCode, 0) << log.err.toStdString();
    EXPECT_TRUE(log.out.contains(QStringLiteral("backup.verified"))) << log.out.toStdString();

    // The same day again (text, Chinese): no new copy, it says so.
    const CliRun again =
        ctl({QStringLiteral("backup"), QStringLiteral("--auto"), QStringLiteral("--dir"), dir}, {},
            false, QStringLiteral("zh_CN.UTF-8"));
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(again.out.trimmed(), path);
    EXPECT_TRUE(again.err.contains(QStringLiteral("今日已有经校验的备份")))
        << again.err.toStdString();
    EXPECT_EQ(QDir(dir).entryList(QDir::Files).size(), 1);
    // The record decides, whatever the folder: the default folder is not even created.
    const CliRun third = json({QStringLiteral("backup"), QStringLiteral("--auto")});
    ASSERT_EQ(third.exitCode, 0) << third.err.toStdString();
    EXPECT_FALSE(third.json()[QStringLiteral("made")].toBool());
    EXPECT_EQ(third.json()[QStringLiteral("backup")].toString(), path);
    EXPECT_FALSE(QFile::exists(file(QStringLiteral("data/frontdesk/backups"))));
    EXPECT_EQ(auditRows(), 2);
}

TEST_F(FrontdeskctlTest, BackupNeedsEitherDestOrAuto) {
    init();
    const auto fieldOf = [](const CliRun& r) {
        return r.json()[QStringLiteral("error")].toObject()[QStringLiteral("field")].toString();
    };
    const CliRun none = json({QStringLiteral("backup")});
    EXPECT_EQ(none.exitCode, 2);
    EXPECT_EQ(fieldOf(none), QStringLiteral("dest"));
    const CliRun both =
        json({QStringLiteral("backup"), file(QStringLiteral("b.db")), QStringLiteral("--auto")});
    EXPECT_EQ(both.exitCode, 2);
    EXPECT_EQ(fieldOf(both), QStringLiteral("dest"));
    const CliRun dirOnly = json({QStringLiteral("backup"), file(QStringLiteral("b.db")),
                                 QStringLiteral("--dir"), file(QStringLiteral("x"))});
    EXPECT_EQ(dirOnly.exitCode, 2);
    EXPECT_EQ(fieldOf(dirOnly), QStringLiteral("dir"));
    EXPECT_FALSE(QFile::exists(file(QStringLiteral("b.db"))));
}

// --- 5: authentication -------------------------------------------------------------------

TEST_F(FrontdeskctlTest, WrongPasswordExitsFive) {
    init();
    const CliRun r =
        json({QStringLiteral("do"), QStringLiteral("user.unlock"), QStringLiteral("--as"),
              QStringLiteral("admin"), QStringLiteral("login=admin")},
             {QStringLiteral("not-the-password")});
    EXPECT_EQ(r.exitCode, 5);
    EXPECT_EQ(r.json()[QStringLiteral("error")].toObject()[QStringLiteral("kind")].toString(),
              QStringLiteral("auth"));
    const CliRun signer =
        json({QStringLiteral("do"), QStringLiteral("approval.approve"), QStringLiteral("--as"),
              QStringLiteral("admin"), QStringLiteral("--sign"), QStringLiteral("approver=admin"),
              QStringLiteral("id=1")},
             {kAdminPass, QStringLiteral("wrong-signature")});
    EXPECT_EQ(signer.exitCode, 5);
    EXPECT_EQ(signer.json()[QStringLiteral("error")].toObject()[QStringLiteral("field")].toString(),
              QStringLiteral("sign:approver"));
}

TEST_F(FrontdeskctlTest, LockedAccountExitsFiveUntilAnAdministratorUnlocksIt) {
    init();
    addUser(QStringLiteral("clerk"), QStringLiteral("clerk"));
    const QStringList asClerk{QStringLiteral("approvals"), QStringLiteral("--as"),
                              QStringLiteral("clerk")};
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(json(asClerk, {QStringLiteral("guess-%1").arg(i)}).exitCode, 5);
    const CliRun locked = json(asClerk, {QStringLiteral("clerk-pass")});
    EXPECT_EQ(locked.exitCode, 5);
    EXPECT_TRUE(locked.json()[QStringLiteral("error")]
                    .toObject()[QStringLiteral("message")]
                    .toObject()[QStringLiteral("en")]
                    .toString()
                    .contains(QStringLiteral("locked")));

    const CliRun unlock =
        json({QStringLiteral("user"), QStringLiteral("unlock"), QStringLiteral("clerk"),
              QStringLiteral("--as"), QStringLiteral("admin")},
             {kAdminPass});
    ASSERT_EQ(unlock.exitCode, 0) << unlock.err.toStdString();
    EXPECT_EQ(json(asClerk, {QStringLiteral("clerk-pass")}).exitCode, 0);
}

// --- help, JSON, catalogues --------------------------------------------------------------

TEST_F(FrontdeskctlTest, EveryCommandHasHelp) {
    const QList<QStringList> commands = {{QStringLiteral("init")},
                                         {QStringLiteral("user"), QStringLiteral("add")},
                                         {QStringLiteral("user"), QStringLiteral("list")},
                                         {QStringLiteral("user"), QStringLiteral("unlock")},
                                         {QStringLiteral("actions")},
                                         {QStringLiteral("do")},
                                         {QStringLiteral("approvals")},
                                         {QStringLiteral("query")},
                                         {QStringLiteral("export")},
                                         {QStringLiteral("print")},
                                         {QStringLiteral("forms")},
                                         {QStringLiteral("audit"), QStringLiteral("verify")},
                                         {QStringLiteral("audit"), QStringLiteral("head")},
                                         {QStringLiteral("audit"), QStringLiteral("log")},
                                         {QStringLiteral("policy"), QStringLiteral("show")},
                                         {QStringLiteral("policy"), QStringLiteral("check")},
                                         {QStringLiteral("backup")},
                                         {QStringLiteral("restore")},
                                         {QStringLiteral("seed")},
                                         {QStringLiteral("user")},
                                         {QStringLiteral("audit")},
                                         {QStringLiteral("policy")}};
    for (const QStringList& c : commands) {
        const CliRun r = ctl(c + QStringList{QStringLiteral("--help")});
        EXPECT_EQ(r.exitCode, 0) << c.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(r.out.contains(QStringLiteral("usage: frontdeskctl")))
            << c.join(QLatin1Char(' ')).toStdString();
        const CliRun j = json(c + QStringList{QStringLiteral("--help")});
        EXPECT_TRUE(j.isOneJsonDocument()) << c.join(QLatin1Char(' ')).toStdString();
    }
    EXPECT_EQ(ctl({QStringLiteral("--help")}).exitCode, 0);
    const CliRun zh = ctl({QStringLiteral("do"), QStringLiteral("--help")}, {}, false,
                          QStringLiteral("zh_CN.UTF-8"));
    EXPECT_TRUE(zh.out.contains(QStringLiteral("标准输入"))) << zh.out.toStdString();
    EXPECT_FALSE(QFile::exists(db())); // help never opens a database
}

TEST_F(FrontdeskctlTest, JsonOutputIsOneDocumentForEveryReadCommand) {
    init();
    const QList<std::pair<QStringList, QStringList>> reads = {
        {{QStringLiteral("actions")}, {}},
        {{QStringLiteral("query")}, {}},
        {{QStringLiteral("query"), QStringLiteral("users"), QStringLiteral("--as"),
          QStringLiteral("admin")},
         {kAdminPass}},
        {{QStringLiteral("approvals"), QStringLiteral("--as"), QStringLiteral("admin")},
         {kAdminPass}},
        {{QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--as"),
          QStringLiteral("admin")},
         {kAdminPass}},
        {{QStringLiteral("audit"), QStringLiteral("head")}, {}},
        {{QStringLiteral("audit"), QStringLiteral("log"), QStringLiteral("--since"),
          QStringLiteral("2020-01-01"), QStringLiteral("--as"), QStringLiteral("admin")},
         {kAdminPass}},
        {{QStringLiteral("policy"), QStringLiteral("show")}, {}},
    };
    for (const auto& [args, input] : reads) {
        const CliRun r = json(args, input);
        EXPECT_EQ(r.exitCode, 0) << args.join(QLatin1Char(' ')).toStdString()
                                 << r.err.toStdString();
        EXPECT_TRUE(r.isOneJsonDocument()) << args.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(r.json()[QStringLiteral("ok")].toBool());
    }
}

TEST_F(FrontdeskctlTest, ActionsListsParametersPermissionAndRules) {
    const CliRun r = json({QStringLiteral("actions")});
    ASSERT_EQ(r.exitCode, 0);
    bool found = false;
    for (const QJsonValue& v : r.json()[QStringLiteral("actions")].toArray()) {
        const QJsonObject a = v.toObject();
        if (a[QStringLiteral("name")].toString() != QStringLiteral("approval.approve"))
            continue;
        found = true;
        EXPECT_EQ(a[QStringLiteral("permission")].toString(), QStringLiteral("approval.decide"));
        const QJsonObject id = a[QStringLiteral("params")].toArray()[0].toObject();
        EXPECT_EQ(id[QStringLiteral("name")].toString(), QStringLiteral("id"));
        EXPECT_TRUE(id[QStringLiteral("required")].toBool());
        QStringList rules;
        for (const QJsonValue& rule : a[QStringLiteral("rules")].toArray())
            rules << rule.toObject()[QStringLiteral("id")].toString();
        EXPECT_TRUE(rules.contains(QStringLiteral("approval-decision-signed")));
    }
    EXPECT_TRUE(found);
    EXPECT_FALSE(QFile::exists(db()));
}

// ---- export and print: the desktop program's lists and forms, from the command line ----

// An XLSX file as an independent reader (Debian's python3-openpyxl) reads it: every row of
// the first sheet, empty cells as "".
QList<QStringList> readXlsx(const QString& path) {
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"),
             QStringLiteral("import json, sys, openpyxl\n"
                            "ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]\n"
                            "print(json.dumps([['' if c is None else str(c) for c in row]\n"
                            "                  for row in ws.iter_rows(values_only=True)]))\n"),
             path});
    p.waitForFinished(30000);
    EXPECT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    QList<QStringList> rows;
    for (const QJsonValue& row : QJsonDocument::fromJson(p.readAllStandardOutput()).array()) {
        QStringList cells;
        for (const QJsonValue& cell : row.toArray())
            cells << cell.toString();
        rows << cells;
    }
    return rows;
}

const QRegularExpression kWholePhone(QStringLiteral("\\d{7,}"));
const QRegularExpression kMaskedPhone(QStringLiteral("^\\d{3}\\*{4}\\d{4}$"));

class ExportPrintTest : public FrontdeskctlTest {
protected:
    void SetUp() override {
        init(true);
        ASSERT_EQ(
            asAdmin({QStringLiteral("seed"), QStringLiteral("--profile"), QStringLiteral("demo")})
                .exitCode,
            0);
    }
    // Runs ARGS as LOGIN (password on stdin) with Chinese messages and lists.
    CliRun as(const QString& login, QStringList args) const {
        return json(
            QStringList{QStringLiteral("--lang"), QStringLiteral("zh")} + args +
                QStringList{QStringLiteral("--as"), login},
            {login == QStringLiteral("admin") ? kAdminPass : login + QStringLiteral("-pass")});
    }
    // The newest audit row of `entity`, as the administrator reads the trail.
    QJsonObject lastAudit(const QString& entity) const {
        const CliRun r =
            asAdmin({QStringLiteral("audit"), QStringLiteral("log"), QStringLiteral("--entity"),
                     entity, QStringLiteral("--limit"), QStringLiteral("1")});
        return r.json()[QStringLiteral("rows")].toArray().first().toObject();
    }
};

TEST_F(ExportPrintTest, ResidentsExportIsTheListAsShownWithChineseHeadersAndMaskedPhones) {
    addUser(QStringLiteral("clerk1"), QStringLiteral("clerk"));
    // A supervisor may reveal a number through the audited resident.reveal_phone action; the
    // list, and so its export, shows it masked to them too.
    addUser(QStringLiteral("supervisor1"), QStringLiteral("supervisor"));
    const CliRun csv =
        as(QStringLiteral("clerk1"),
           {QStringLiteral("export"), QStringLiteral("residents"), QStringLiteral("--format"),
            QStringLiteral("csv"), QStringLiteral("--out"), file(QStringLiteral("residents.csv"))});
    ASSERT_EQ(csv.exitCode, 0) << csv.err.toStdString();
    const qint64 rows = csv.json()[QStringLiteral("rows")].toInteger();
    ASSERT_GT(rows, 10);
    QFile f(file(QStringLiteral("residents.csv")));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    ASSERT_TRUE(bytes.startsWith("\xEF\xBB\xBF"));
    const QStringList lines =
        QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    EXPECT_EQ(lines.size(), rows + 1);
    EXPECT_TRUE(lines.first().startsWith(QStringLiteral("编号,房号,类型,姓名")))
        << lines.first().toStdString();
    EXPECT_FALSE(kWholePhone.match(QString::fromUtf8(bytes)).hasMatch());

    for (const QString& who : {QStringLiteral("clerk1"), QStringLiteral("supervisor1")}) {
        const QString path = file(who + QStringLiteral(".xlsx"));
        const CliRun r = as(who, {QStringLiteral("export"), QStringLiteral("residents"),
                                  QStringLiteral("--format"), QStringLiteral("xlsx"),
                                  QStringLiteral("--out"), path});
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
        const QList<QStringList> sheet = readXlsx(path);
        ASSERT_EQ(sheet.size(), rows + 1) << who.toStdString();
        const QStringList headers = sheet.first();
        EXPECT_EQ(headers.mid(0, 4), (QStringList{QStringLiteral("编号"), QStringLiteral("房号"),
                                                  QStringLiteral("类型"), QStringLiteral("姓名")}));
        const qsizetype phone = headers.indexOf(QStringLiteral("电话"));
        ASSERT_GE(phone, 0);
        // Codes read as their words (业主, not owner).
        const QStringList kinds{QStringLiteral("业主"), QStringLiteral("租户"),
                                QStringLiteral("家属")};
        int masked = 0;
        for (const QStringList& row : sheet.mid(1)) {
            EXPECT_TRUE(kinds.contains(row.value(2))) << row.value(2).toStdString();
            for (const QString& cell : row)
                EXPECT_FALSE(kWholePhone.match(cell).hasMatch()) << cell.toStdString();
            if (kMaskedPhone.match(row.value(phone)).hasMatch())
                ++masked;
            else
                EXPECT_TRUE(row.value(phone).isEmpty()) << row.value(phone).toStdString();
        }
        EXPECT_GT(masked, 10) << who.toStdString();
    }

    // Audited: who exported which list, in what format, how many rows; never the data.
    const QJsonObject audit = lastAudit(QStringLiteral("query"));
    EXPECT_EQ(audit[QStringLiteral("action")].toString(), QStringLiteral("export.table"));
    EXPECT_EQ(audit[QStringLiteral("actor")].toString(), QStringLiteral("supervisor1"));
    EXPECT_EQ(audit[QStringLiteral("entity_id")].toString(), QStringLiteral("residents"));
    const QJsonObject values = audit[QStringLiteral("new_values")].toObject();
    EXPECT_EQ(values.keys(), (QStringList{QStringLiteral("format"), QStringLiteral("rows")}));
    EXPECT_EQ(values[QStringLiteral("format")].toString(), QStringLiteral("xlsx"));
    EXPECT_EQ(values[QStringLiteral("rows")].toInteger(), rows);
}

// The cells' types as the independent reader sees them, by header: int, float, datetime, str.
QMap<QString, QStringList> xlsxTypes(const QString& path) {
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"),
             QStringLiteral("import json, sys, openpyxl\n"
                            "rows = list(openpyxl.load_workbook(sys.argv[1]).worksheets[0]"
                            ".iter_rows(values_only=True))\n"
                            "out = {h: sorted({type(r[i]).__name__ for r in rows[1:] if r[i] "
                            "is not None}) for i, h in enumerate(rows[0])}\n"
                            "print(json.dumps(out))\n"),
             path});
    p.waitForFinished(30000);
    EXPECT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    QMap<QString, QStringList> out;
    const QJsonObject types = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    for (auto it = types.begin(); it != types.end(); ++it)
        for (const QJsonValue& t : it.value().toArray())
            out[it.key()] << t.toString();
    return out;
}

TEST_F(ExportPrintTest, XlsxCellsCarryNumbersAndDatesAsTheirTypesAndWordsAsText) {
    addUser(QStringLiteral("clerk1"), QStringLiteral("clerk"));
    const QString path = file(QStringLiteral("residents-typed.xlsx"));
    const CliRun r =
        as(QStringLiteral("clerk1"),
           {QStringLiteral("export"), QStringLiteral("residents"), QStringLiteral("--format"),
            QStringLiteral("xlsx"), QStringLiteral("--out"), path});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QMap<QString, QStringList> types = xlsxTypes(path);
    // A spreadsheet sums and sorts numbers and dates; codes read as words, masked phones,
    // room codes and the ID's last four stay text.
    EXPECT_EQ(types.value(QStringLiteral("编号")), QStringList{QStringLiteral("int")});
    EXPECT_EQ(types.value(QStringLiteral("入住日期")), QStringList{QStringLiteral("datetime")});
    for (const QString& text :
         {QStringLiteral("房号"), QStringLiteral("类型"), QStringLiteral("姓名"),
          QStringLiteral("电话"), QStringLiteral("身份证后四位")})
        EXPECT_EQ(types.value(text), QStringList{QStringLiteral("str")}) << text.toStdString();
}

TEST_F(FrontdeskctlTest, ExportOfAListTheRolesDoNotPermitIsRefusedNamingThePermissionNoFile) {
    init();
    addUser(QStringLiteral("clerk1"), QStringLiteral("clerk"));
    const qint64 before = auditRows();
    const QString path = file(QStringLiteral("users.xlsx"));
    const CliRun r = ctl({QStringLiteral("export"), QStringLiteral("users"), QStringLiteral("--as"),
                          QStringLiteral("clerk1"), QStringLiteral("--format"),
                          QStringLiteral("xlsx"), QStringLiteral("--out"), path},
                         {QStringLiteral("clerk1-pass")});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_TRUE(r.err.contains(QStringLiteral("user.add"))) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(path));
    EXPECT_EQ(auditRows(), before);
}

TEST_F(ExportPrintTest, HandoverSheetPrintsWithItsRoomCodeAuditAnchorAndChineseWords) {
    addUser(QStringLiteral("clerk1"), QStringLiteral("clerk"));
    // The room code a matter of sheet 1 names, as the list reads it.
    const CliRun matters =
        as(QStringLiteral("clerk1"), {QStringLiteral("query"), QStringLiteral("handover.matters"),
                                      QStringLiteral("sheet_id=1")});
    ASSERT_EQ(matters.exitCode, 0) << matters.err.toStdString();
    QString room;
    const QRegularExpression code(QStringLiteral("[A-Z0-9]+(-[0-9]+)*-[0-9]{3,4}"));
    for (const QJsonValue& m : matters.json()[QStringLiteral("rows")].toArray())
        if (auto hit = code.match(m.toObject()[QStringLiteral("cause")].toString());
            hit.hasMatch() && room.isEmpty())
            room = hit.captured();
    ASSERT_FALSE(room.isEmpty()) << matters.out.toStdString();
    const QString anchor = head(); // the chain head the sheet is read with
    const QString path = file(QStringLiteral("sheet-1.pdf"));
    const CliRun r =
        as(QStringLiteral("clerk1"), {QStringLiteral("print"), QStringLiteral("handover-sheet"),
                                      QStringLiteral("1"), QStringLiteral("--out"), path});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_GE(r.json()[QStringLiteral("pages")].toInt(), 1);
    const QString text = pdfText(path);
    for (const QString& words : {room, anchor, QStringLiteral("交接班记录"),
                                 QStringLiteral("交班人"), QStringLiteral("前台")})
        EXPECT_TRUE(text.contains(words)) << words.toStdString() << "\n" << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("已处理")) || text.contains(QStringLiteral("未处理")))
        << text.toStdString();
    const QRegularExpression rawCode(
        QStringLiteral("\\b(handled|open|normal|major|unconfirmed|letter|newspaper|"
                       "front_desk|night)\\b"));
    EXPECT_FALSE(rawCode.match(text).hasMatch()) << rawCode.match(text).captured().toStdString();

    const QJsonObject audit = lastAudit(QStringLiteral("form"));
    EXPECT_EQ(audit[QStringLiteral("action")].toString(), QStringLiteral("print.form"));
    EXPECT_EQ(audit[QStringLiteral("actor")].toString(), QStringLiteral("clerk1"));
    EXPECT_EQ(audit[QStringLiteral("entity_id")].toString(), QStringLiteral("handover-sheet"));
    EXPECT_EQ(audit[QStringLiteral("new_values")].toObject()[QStringLiteral("record")].toString(),
              QStringLiteral("1"));
}

TEST_F(FrontdeskctlTest, PrintByARoleOutsideTheHandoverIsRefusedNamingThePermissionNoFile) {
    init();
    addUser(QStringLiteral("keeper1"), QStringLiteral("key_keeper"));
    const QString path = file(QStringLiteral("sheet.pdf"));
    const CliRun r =
        ctl({QStringLiteral("print"), QStringLiteral("handover-sheet"), QStringLiteral("1"),
             QStringLiteral("--as"), QStringLiteral("keeper1"), QStringLiteral("--out"), path},
            {QStringLiteral("keeper1-pass")});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_TRUE(r.err.contains(QStringLiteral("handover.open"))) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(path));
}

TEST_F(FrontdeskctlTest, PrintHelpAndFormsListTheFormNames) {
    const CliRun help = ctl({QStringLiteral("print"), QStringLiteral("--help")});
    ASSERT_EQ(help.exitCode, 0) << help.err.toStdString();
    const CliRun forms = json({QStringLiteral("forms")});
    ASSERT_EQ(forms.exitCode, 0);
    QStringList names;
    for (const QJsonValue& f : forms.json()[QStringLiteral("forms")].toArray())
        names << f.toObject()[QStringLiteral("name")].toString();
    for (const QString& name : {QStringLiteral("handover-sheet"), QStringLiteral("duty-record"),
                                QStringLiteral("loan-slip")}) {
        EXPECT_TRUE(names.contains(name)) << name.toStdString();
        EXPECT_TRUE(help.out.contains(name)) << help.out.toStdString();
    }
    EXPECT_FALSE(QFile::exists(db()));
}

} // namespace
} // namespace fd::testing
