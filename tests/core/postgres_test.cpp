// The core on a PostgreSQL server shared by several desks: the address, the migrations in
// their PostgreSQL form, the audit chain and its protection, and writers racing on the server.
// Needs a server: FD_TEST_PG names it (scripts/pg_cluster.sh starts a throw-away one; the
// second command of the README does). Without it the tests are reported as not run.
#include "all_modules.h"
#include "audit/audit_log.h"
#include "db/change_feed.h"
#include "db/database.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "server_database.h"
#include "services/office_move.h"
#include "services/services.h"
#include "test_services.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <atomic>
#include <gtest/gtest.h>
#include <thread>

using namespace fd;
using fd::testing::ServerDatabase;

namespace {

std::unique_ptr<Services> openCore(const QString& address) {
    ServicesOptions o;
    o.databasePath = address;
    o.clock = std::make_shared<FixedClock>(QDateTime(QDate(2026, 3, 2), QTime(1, 0), Qt::UTC));
    auto s = Services::open(std::move(o));
    if (!s)
        throw std::runtime_error(s.error().message.en.toStdString());
    return std::move(*s);
}

Actor adminOf(const Services& s) {
    auto u = s.users().find(QStringLiteral("admin"));
    if (!u)
        throw std::runtime_error(u.error().message.en.toStdString());
    return Actor{u->id, u->login, u->displayName, u->roles, u->staffId};
}

Result<ActionResult> addUser(const Services& s, const Actor& admin, const QString& login) {
    return s.bus().execute({QStringLiteral("user.add"),
                            {{QStringLiteral("login"), login},
                             {QStringLiteral("name"), login},
                             {QStringLiteral("roles"), QStringLiteral("clerk")},
                             {QStringLiteral("password"), QStringLiteral("Clerk-pass-2026")}},
                            admin,
                            {},
                            {}});
}

// A server of the test's own (scripts/pg_cluster.sh), which the test may stop and start.
class OwnCluster {
public:
    OwnCluster() : dir_(tmp_.filePath(QStringLiteral("cluster"))) {
        // The server runs as the postgres user, who must pass through this folder.
        QFile::setPermissions(tmp_.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                               QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                               QFileDevice::ExeOther);
        if (!run(QStringLiteral("start")))
            return;
        QFile env(dir_ + QStringLiteral("/env"));
        if (!env.open(QIODevice::ReadOnly))
            return;
        for (const QString& line : QString::fromUtf8(env.readAll()).split(QLatin1Char('\n'))) {
            if (line.startsWith(QStringLiteral("export FD_TEST_PG=")))
                address_ = line.mid(line.indexOf(QLatin1Char('=')) + 1);
        }
        qputenv("PGPASSFILE", (dir_ + QStringLiteral("/pgpass")).toLocal8Bit());
    }
    ~OwnCluster() { run(QStringLiteral("stop")); }
    OwnCluster(const OwnCluster&) = delete;
    OwnCluster& operator=(const OwnCluster&) = delete;
    [[nodiscard]] const QString& address() const { return address_; }
    bool halt() { return run(QStringLiteral("halt")); }
    bool resume() { return run(QStringLiteral("resume")); }

private:
    bool run(const QString& command) {
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(QStringLiteral("bash"), {QStringLiteral(FD_PG_CLUSTER_SCRIPT), command, dir_});
        return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit &&
               p.exitCode() == 0;
    }
    QTemporaryDir tmp_;
    QString dir_;
    QString address_;
};

qint64 countOf(const Services& s, const QString& statement) {
    auto v = sql::scalar(s.database().connection(), statement);
    return v ? v->toLongLong() : -1;
}

} // namespace

TEST(ServerAddress, IsReadFromAPostgresqlAddressWithoutAPassword) {
    auto a = ServerAddress::parse(QStringLiteral("postgresql://desk@db.office:5433/frontdesk"
                                                 "?sslmode=verify-full"));
    ASSERT_TRUE(a) << a.error().message.en.toStdString();
    EXPECT_EQ(a->user, QStringLiteral("desk"));
    EXPECT_EQ(a->host, QStringLiteral("db.office"));
    EXPECT_EQ(a->port, 5433);
    EXPECT_EQ(a->database, QStringLiteral("frontdesk"));
    EXPECT_EQ(a->sslmode, QStringLiteral("verify-full"));
    EXPECT_EQ(a->text(),
              QStringLiteral("postgresql://desk@db.office:5433/frontdesk?sslmode=verify-full"));
    EXPECT_TRUE(ServerAddress::isServer(QStringLiteral("postgres://h/db")));
    EXPECT_FALSE(ServerAddress::isServer(QStringLiteral("/var/lib/frontdesk/office.db")));
}

TEST(ServerAddress, APasswordInTheAddressIsRefusedNamingWhereItBelongs) {
    auto a = ServerAddress::parse(QStringLiteral("postgresql://desk:secret@db.office/frontdesk"));
    ASSERT_FALSE(a);
    EXPECT_EQ(a.error().field, QStringLiteral("db"));
    EXPECT_TRUE(a.error().message.zh.contains(QStringLiteral("~/.pgpass")));
    EXPECT_FALSE(a.error().message.en.contains(QStringLiteral("secret")));
    EXPECT_FALSE(
        ServerAddress::parse(QStringLiteral("postgresql://db.office/frontdesk?sslmode=maybe")));
    EXPECT_FALSE(ServerAddress::parse(QStringLiteral("postgresql://db.office/")));
}

TEST(PostgresCore, TheCoreMigratesSignsInAndAuditsOnTheServer) {
    ServerDatabase server;
    FD_NEEDS_SERVER(server);
    auto s = openCore(server.address());
    EXPECT_EQ(s->database().dialect(), Dialect::PostgreSQL);
    ASSERT_TRUE(s->initialise(QStringLiteral("admin"), QStringLiteral("系统管理员"),
                              QStringLiteral("Admin-pass-2026")));
    const Actor admin = adminOf(*s);
    auto added = addUser(*s, admin, QStringLiteral("lina"));
    ASSERT_TRUE(added) << added.error().message.en.toStdString();
    auto user = s->users().find(QStringLiteral("lina"));
    ASSERT_TRUE(user);
    EXPECT_EQ(user->roles, QStringList{QStringLiteral("clerk")});
    auto chain = AuditLog::verify(s->database());
    ASSERT_TRUE(chain) << chain.error().message.en.toStdString();
    EXPECT_TRUE(chain->ok) << chain->problem.toStdString();
    EXPECT_GE(chain->rows, 2);

    // Opening the same database again applies nothing: every step is recorded.
    s.reset();
    auto again = openCore(server.address());
    EXPECT_TRUE(again->users().find(QStringLiteral("lina")));
}

TEST(PostgresCore, TheServerRefusesToChangeOrRemoveAuditRows) {
    ServerDatabase server;
    FD_NEEDS_SERVER(server);
    auto s = openCore(server.address());
    ASSERT_TRUE(s->initialise(QStringLiteral("admin"), QStringLiteral("系统管理员"),
                              QStringLiteral("Admin-pass-2026")));
    const QSqlDatabase db = s->database().connection();
    for (const QString& statement :
         {QStringLiteral("UPDATE audit_log SET actor = 'x'"),
          QStringLiteral("DELETE FROM audit_log"), QStringLiteral("TRUNCATE audit_log"),
          QStringLiteral("TRUNCATE signatures"),
          QStringLiteral("UPDATE policy_versions SET version = 'x'")}) {
        auto done = sql::exec(db, statement);
        EXPECT_FALSE(done) << statement.toStdString();
    }
    auto chain = AuditLog::verify(s->database());
    ASSERT_TRUE(chain);
    EXPECT_TRUE(chain->ok);
}

// An office's desks sign in to the server with login roles in frontdesk_desk; the owner role
// migrates. A desk writes through the gate, and the server itself (grants, not only the
// triggers) refuses to change or remove the audit trail, signatures and policy versions.
TEST(PostgresCore, ADeskRoleWritesThroughTheGateButCannotChangeOrRemoveTheTrail) {
    ServerDatabase server;
    FD_NEEDS_SERVER(server);
    const QString deskLogin = qEnvironmentVariable("FD_TEST_PG_DESK");
    if (deskLogin.isEmpty())
        GTEST_SKIP() << "FD_TEST_PG_DESK names no desk role (scripts/pg_cluster.sh makes one)";
    {
        auto owner = openCore(server.address());
        ASSERT_TRUE(owner->initialise(QStringLiteral("admin"), QStringLiteral("系统管理员"),
                                      QStringLiteral("Admin-pass-2026")));
    }
    auto address = ServerAddress::parse(server.address());
    ASSERT_TRUE(address);
    address->user = deskLogin;
    auto desk = openCore(address->text());
    auto added = addUser(*desk, adminOf(*desk), QStringLiteral("lina"));
    ASSERT_TRUE(added) << added.error().message.en.toStdString();
    EXPECT_EQ(sql::scalar(desk->database().connection(), QStringLiteral("SELECT current_user"))
                  ->toString(),
              deskLogin);

    // The triggers are the owner's: a desk may not drop them either.
    for (const QString& statement :
         {QStringLiteral("UPDATE audit_log SET actor = 'x'"),
          QStringLiteral("DELETE FROM audit_log"), QStringLiteral("TRUNCATE audit_log"),
          QStringLiteral("UPDATE signatures SET content_hash = 'x'"),
          QStringLiteral("DELETE FROM policy_versions"),
          QStringLiteral("DELETE FROM schema_migrations"),
          QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update"),
          QStringLiteral("DROP TRIGGER audit_log_no_delete ON audit_log")}) {
        auto done = sql::exec(desk->database().connection(), statement);
        ASSERT_FALSE(done) << statement.toStdString();
        const QString why = done.error().message.en;
        EXPECT_TRUE(why.contains(QStringLiteral("permission denied")) ||
                    why.contains(QStringLiteral("must be owner")))
            << statement.toStdString() << ": " << why.toStdString();
    }
    auto chain = AuditLog::verify(desk->database());
    ASSERT_TRUE(chain);
    EXPECT_TRUE(chain->ok);
    EXPECT_GE(chain->rows, 2);
}

// Writers on separate server sessions at once (one connection a thread, as a desk has):
// every action commits, the chain has no fork and no gap.
TEST(PostgresCore, FourWritersAtOnceKeepOneUnbrokenChain) {
    ServerDatabase server;
    FD_NEEDS_SERVER(server);
    auto s = openCore(server.address());
    ASSERT_TRUE(s->initialise(QStringLiteral("admin"), QStringLiteral("系统管理员"),
                              QStringLiteral("Admin-pass-2026")));
    const Actor admin = adminOf(*s);
    auto before = AuditLog::verify(s->database());
    ASSERT_TRUE(before);
    constexpr int kWriters = 4;
    constexpr int kEach = 10;
    std::atomic<int> failures{0};
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w)
        writers.emplace_back([&, w] {
            for (int i = 0; i < kEach; ++i)
                if (!addUser(*s, admin, QStringLiteral("w%1u%2").arg(w).arg(i)))
                    ++failures;
            s->database().closeThreadConnection();
        });
    for (auto& t : writers)
        t.join();
    EXPECT_EQ(failures.load(), 0);
    auto after = AuditLog::verify(s->database());
    ASSERT_TRUE(after);
    EXPECT_TRUE(after->ok) << after->problem.toStdString();
    EXPECT_EQ(after->rows, before->rows + kWriters * kEach);
}

// Other desks see changes: a commit at one desk is announced to another desk's feed (its
// window refreshes on it) within two seconds, without reading any table.
TEST(PostgresCore, AnotherDeskHearsACommitWithinTwoSeconds) {
    ServerDatabase server;
    FD_NEEDS_SERVER(server);
    auto supervisorDesk = openCore(server.address());
    ASSERT_TRUE(supervisorDesk->initialise(QStringLiteral("admin"), QStringLiteral("系统管理员"),
                                           QStringLiteral("Admin-pass-2026")));
    auto clerkDesk = openCore(server.address());
    ChangeFeed feed(clerkDesk->database());
    QSignalSpy changed(&feed, &ChangeFeed::changed);
    ASSERT_TRUE(addUser(*supervisorDesk, adminOf(*supervisorDesk), QStringLiteral("lina")));
    ASSERT_TRUE(changed.wait(2000));
    const QString notice = changed.first().first().toString();
    EXPECT_TRUE(notice.contains(QStringLiteral("user.add"))) << notice.toStdString();
    // A desk's own commits are not announced back to it.
    changed.clear();
    ChangeFeed own(supervisorDesk->database());
    QSignalSpy ownChanged(&own, &ChangeFeed::changed);
    ASSERT_TRUE(addUser(*supervisorDesk, adminOf(*supervisorDesk), QStringLiteral("wang")));
    ASSERT_TRUE(changed.wait(2000));
    EXPECT_EQ(ownChanged.count(), 0);
}

// Faults: the server stops while two desks work and starts again. Each desk says at once
// that the server cannot be reached (no wait for a timeout), writes nothing half (the
// transaction open at that moment is gone, not partly there), loses no committed action,
// and goes on by itself when the server is back.
TEST(PostgresFault, ARestartedServerLosesNothingAndTheDesksGoOnWhenItIsBack) {
    if (qEnvironmentVariableIsEmpty("FD_TEST_PG"))
        GTEST_SKIP() << "FD_TEST_PG is not set: no PostgreSQL server for this run";
    OwnCluster cluster;
    ASSERT_FALSE(cluster.address().isEmpty());
    auto front = openCore(cluster.address());
    ASSERT_TRUE(front->initialise(QStringLiteral("admin"), QStringLiteral("系统管理员"),
                                  QStringLiteral("Admin-pass-2026")));
    auto office = openCore(cluster.address());
    ChangeFeed frontFeed(front->database());
    ChangeFeed officeFeed(office->database());
    QSignalSpy frontLost(&frontFeed, &ChangeFeed::serverLost);
    QSignalSpy officeLost(&officeFeed, &ChangeFeed::serverLost);
    QSignalSpy frontBack(&frontFeed, &ChangeFeed::serverBack);
    QSignalSpy officeBack(&officeFeed, &ChangeFeed::serverBack);

    ASSERT_TRUE(addUser(*front, adminOf(*front), QStringLiteral("before1")));
    ASSERT_TRUE(addUser(*office, adminOf(*office), QStringLiteral("before2")));
    const qint64 auditBefore = countOf(*front, QStringLiteral("SELECT count(*) FROM audit_log"));
    const Actor frontAdmin = adminOf(*front);
    const Actor officeAdmin = adminOf(*office);

    // A transaction open at the front desk when the server goes.
    auto open = WriteTransaction::begin(front->database().connection(), Dialect::PostgreSQL);
    ASSERT_TRUE(open);
    ASSERT_TRUE(sql::exec(front->database().connection(),
                          QStringLiteral("INSERT INTO settings(key, value) VALUES ('half', 'x')")));

    ASSERT_TRUE(cluster.halt());
    EXPECT_FALSE(open->commit());
    ASSERT_TRUE(frontLost.count() > 0 || frontLost.wait(5000));
    ASSERT_TRUE(officeLost.count() > 0 || officeLost.wait(5000));
    for (const auto& [desk, admin] :
         {std::pair{front.get(), frontAdmin}, std::pair{office.get(), officeAdmin}}) {
        auto refused = addUser(*desk, admin, QStringLiteral("during"));
        ASSERT_FALSE(refused);
        EXPECT_TRUE(refused.error().message.en.contains(QStringLiteral("cannot be reached")))
            << refused.error().message.en.toStdString();
        EXPECT_TRUE(refused.error().message.zh.contains(QStringLiteral("无法连接数据库服务器")));
    }

    ASSERT_TRUE(cluster.resume());
    ASSERT_TRUE(frontBack.count() > 0 || frontBack.wait(10000));
    ASSERT_TRUE(officeBack.count() > 0 || officeBack.wait(10000));
    ASSERT_TRUE(addUser(*front, adminOf(*front), QStringLiteral("after1")));
    auto after = addUser(*office, adminOf(*office), QStringLiteral("after2"));
    ASSERT_TRUE(after) << after.error().message.en.toStdString();

    EXPECT_EQ(countOf(*office, QStringLiteral("SELECT count(*) FROM settings WHERE key = 'half'")),
              0);
    EXPECT_EQ(countOf(*office, QStringLiteral("SELECT count(*) FROM users WHERE login = 'during'")),
              0);
    EXPECT_EQ(countOf(*office, QStringLiteral("SELECT count(*) FROM users WHERE login IN "
                                              "('before1', 'before2', 'after1', 'after2')")),
              4);
    EXPECT_EQ(countOf(*office, QStringLiteral("SELECT count(*) FROM audit_log")), auditBefore + 2);
    auto chain = AuditLog::verify(office->database());
    ASSERT_TRUE(chain);
    EXPECT_TRUE(chain->ok) << chain->problem.toStdString();
}

namespace {

// A one-desk office on its file: people, a volume with its title in the search, the trail.
struct OneDeskOffice {
    fd::testing::TestServices t;
    OneDeskOffice() {
        for (const auto& [login, role] :
             {std::pair{"keeper", "archivist"}, std::pair{"wangfang", "clerk"}}) {
            auto added = t.run(QStringLiteral("user.add"), QStringLiteral("admin"),
                               {{QStringLiteral("login"), QString::fromUtf8(login)},
                                {QStringLiteral("name"), QString::fromUtf8(login)},
                                {QStringLiteral("roles"), QString::fromUtf8(role)},
                                {QStringLiteral("password"),
                                 fd::testing::TestServices::passwordOf(QString::fromUtf8(login))}});
            EXPECT_TRUE(added) << added.error().message.en.toStdString();
        }
        EXPECT_TRUE(t.run(QStringLiteral("archive.add_cabinet"), QStringLiteral("keeper"),
                          {{QStringLiteral("code"), QStringLiteral("A01")},
                           {QStringLiteral("name"), QStringLiteral("一号柜")},
                           {QStringLiteral("locked"), false}}));
        auto volume = t.run(QStringLiteral("archive.create_volume"), QStringLiteral("keeper"),
                            {{QStringLiteral("number"), QStringLiteral("WY-2020-001")},
                             {QStringLiteral("title"), QStringLiteral("物业服务合同")},
                             {QStringLiteral("category_id"), 4},
                             {QStringLiteral("department"), QStringLiteral("客服部")},
                             {QStringLiteral("retention_years"), 10},
                             {QStringLiteral("confidentiality"), QStringLiteral("ordinary")},
                             {QStringLiteral("cabinet"), QStringLiteral("A01")},
                             {QStringLiteral("date_from"), QDate(2020, 1, 1)},
                             {QStringLiteral("date_to"), QDate(2020, 12, 31)}});
        EXPECT_TRUE(volume) << volume.error().message.en.toStdString();
    }
};

std::unique_ptr<Services> openServer(const QString& address) {
    ServicesOptions o;
    o.databasePath = address;
    o.clock = std::make_shared<FixedClock>(fd::testing::startTime());
    auto s = openServices(std::move(o));
    if (!s)
        throw std::runtime_error(s.error().message.en.toStdString());
    return std::move(*s);
}

} // namespace

// Moving an office: every row is copied with its id, the server's chain ends at the file's
// head and verifies, and the archive's search finds one- and two-character terms there.
TEST(OfficeMove, TheServerGetsEveryRowAndTheFilesChainHead) {
    ServerDatabase server;
    FD_NEEDS_SERVER(server);
    OneDeskOffice office;
    auto target = openServer(server.address());
    auto moved = moveOffice(office.t.services(), *target);
    ASSERT_TRUE(moved) << moved.error().message.en.toStdString();
    auto fileHead = AuditLog::head(office.t.services().database().connection());
    ASSERT_TRUE(fileHead);
    EXPECT_EQ(moved->sourceHead.text(), fileHead->text());
    EXPECT_EQ(moved->serverHead.text(), fileHead->text());
    EXPECT_EQ(moved->auditRows, fileHead->seq);
    for (const QString& table :
         {QStringLiteral("users"), QStringLiteral("audit_log"), QStringLiteral("archive_volumes"),
          QStringLiteral("archive_categories"), QStringLiteral("archive_search")})
        EXPECT_EQ(countOf(*target, QStringLiteral("SELECT count(*) FROM %1").arg(table)),
                  office.t.count(table))
            << table.toStdString();
    // The same people sign in on the server; new rows continue after the copied ids.
    auto wang = target->users().find(QStringLiteral("wangfang"));
    ASSERT_TRUE(wang);
    EXPECT_EQ(wang->id, office.t.actor(QStringLiteral("wangfang")).userId);
    ASSERT_TRUE(addUser(*target, adminOf(*target), QStringLiteral("newcomer")));
    for (const QString& term : {QStringLiteral("合"), QStringLiteral("合同")}) {
        auto hits = target->query(QStringLiteral("archive.search"),
                                  {{QStringLiteral("text"), term}}, adminOf(*target));
        ASSERT_TRUE(hits) << hits.error().message.en.toStdString();
        EXPECT_EQ(hits->rows.size(), 1) << term.toStdString();
    }
}

// Only into an empty database, and the file's chain must hold: a refusal copies nothing.
TEST(OfficeMove, ANonEmptyServerDatabaseOrABrokenFileChainIsRefusedAndNothingIsCopied) {
    ServerDatabase server;
    FD_NEEDS_SERVER(server);
    OneDeskOffice office;
    auto target = openServer(server.address());
    ASSERT_TRUE(moveOffice(office.t.services(), *target));
    const qint64 rows = countOf(*target, QStringLiteral("SELECT count(*) FROM audit_log"));
    auto again = moveOffice(office.t.services(), *target);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().field, QStringLiteral("to"));
    EXPECT_TRUE(again.error().message.zh.contains(QStringLiteral("不是空的")));
    EXPECT_EQ(countOf(*target, QStringLiteral("SELECT count(*) FROM audit_log")), rows);

    ServerDatabase other;
    auto empty = openServer(other.address());
    // Break the file's chain behind the triggers' back.
    ASSERT_TRUE(sql::run(office.t.services().database().connection(),
                         QStringLiteral("DROP TRIGGER audit_log_no_update")));
    ASSERT_TRUE(sql::run(office.t.services().database().connection(),
                         QStringLiteral("UPDATE audit_log SET actor = 'someone' WHERE seq = 2")));
    auto broken = moveOffice(office.t.services(), *empty);
    ASSERT_FALSE(broken);
    EXPECT_EQ(broken.error().kind, Error::Kind::Integrity);
    EXPECT_TRUE(broken.error().message.en.contains(QStringLiteral("sequence 2")))
        << broken.error().message.en.toStdString();
    EXPECT_EQ(countOf(*empty, QStringLiteral("SELECT count(*) FROM users")), 0);
}
