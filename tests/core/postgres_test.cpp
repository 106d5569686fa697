// The core on a PostgreSQL server shared by several desks: the address, the migrations in
// their PostgreSQL form, the audit chain and its protection, and writers racing on the server.
// Needs a server: FD_TEST_PG names it (scripts/pg_cluster.sh starts a throw-away one; the
// second command of the README does). Without it the tests are reported as not run.
#include "audit/audit_log.h"
#include "db/database.h"
#include "db/sql.h"
#include "server_database.h"
#include "services/services.h"

#include <QSqlError>
#include <QSqlQuery>
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
