#include "test_services.h"

#include "db/migrations.h"
#include "db/sql.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

using namespace fd;
using namespace fd::testing;

namespace {

class Migrations : public ::testing::Test {
protected:
    void SetUp() override {
        auto db = Database::openSqlite(dir_.filePath(QStringLiteral("m.db")));
        ASSERT_TRUE(db);
        db_ = *db;
        QDir().mkpath(sqlDir());
    }
    QString sqlDir() const { return dir_.filePath(QStringLiteral("sql/shelf")); }
    void write(const QString& name, const QString& script) {
        QFile f(QDir(sqlDir()).filePath(name));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(script.toUtf8());
    }
    Result<MigrationReport> apply() {
        return Migrator({{QStringLiteral("shelf"), sqlDir()}}).apply(*db_, clock_, dir_.path());
    }
    bool tableExists(const QString& name) {
        auto v = sql::scalar(db_->connection(),
                             QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = ?"),
                             {name});
        return v && v->toInt() == 1;
    }
    QTemporaryDir dir_;
    FixedClock clock_{startTime()};
    std::shared_ptr<Database> db_;
};

} // namespace

TEST_F(Migrations, ApplyInOrderAndRecordEachVersion) {
    write(QStringLiteral("001_cabinets.sql"),
          QStringLiteral("CREATE TABLE cabinet(id INTEGER PRIMARY KEY) STRICT;"));
    write(QStringLiteral("002_shelves.sql"),
          QStringLiteral("CREATE TABLE shelf(id INTEGER PRIMARY KEY, cabinet_id INTEGER NOT NULL "
                         "REFERENCES cabinet(id)) STRICT;"));
    auto r = apply();
    ASSERT_TRUE(r) << r.error().message.en.toStdString();
    EXPECT_EQ(r->applied, 2);
    auto versions = Migrator::appliedVersions(*db_);
    ASSERT_TRUE(versions);
    EXPECT_EQ(versions->value(QStringLiteral("shelf")), 2);
    EXPECT_TRUE(tableExists(QStringLiteral("shelf")));
}

TEST_F(Migrations, ApplyingTwiceChangesNothing) {
    write(QStringLiteral("001_cabinets.sql"),
          QStringLiteral("CREATE TABLE cabinet(id INTEGER PRIMARY KEY) STRICT;"));
    ASSERT_TRUE(apply());
    auto again = apply();
    ASSERT_TRUE(again);
    EXPECT_EQ(again->applied, 0);
    EXPECT_TRUE(again->backupPath.isEmpty());
}

TEST_F(Migrations, AFailingStepIsRolledBackAndNotRecorded) {
    write(QStringLiteral("001_cabinets.sql"),
          QStringLiteral("CREATE TABLE cabinet(id INTEGER PRIMARY KEY) STRICT;"));
    write(QStringLiteral("002_broken.sql"),
          QStringLiteral("CREATE TABLE half_done(id INTEGER PRIMARY KEY) STRICT;\n"
                         "INSERT INTO no_such_table VALUES (1);"));
    auto r = apply();
    ASSERT_FALSE(r);
    EXPECT_TRUE(r.error().message.en.contains(QStringLiteral("rolled back")));
    EXPECT_TRUE(tableExists(QStringLiteral("cabinet")));
    EXPECT_FALSE(tableExists(QStringLiteral("half_done")));
    auto versions = Migrator::appliedVersions(*db_);
    ASSERT_TRUE(versions);
    EXPECT_EQ(versions->value(QStringLiteral("shelf")), 1);
}

TEST_F(Migrations, ADatabaseNewerThanTheProgramIsRefused) {
    write(QStringLiteral("001_cabinets.sql"),
          QStringLiteral("CREATE TABLE cabinet(id INTEGER PRIMARY KEY) STRICT;"));
    ASSERT_TRUE(apply());
    QSqlQuery q(db_->connection());
    ASSERT_TRUE(
        q.exec(QStringLiteral("INSERT INTO schema_migrations VALUES ('shelf', 7, 'future', 'x')")));
    auto r = apply();
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, Error::Kind::Integrity);
    EXPECT_TRUE(r.error().message.en.contains(QStringLiteral("newer")));
    EXPECT_TRUE(r.error().message.zh.contains(QStringLiteral("更新版本")));
}

TEST_F(Migrations, AnExistingDatabaseIsBackedUpBeforeMigrating) {
    write(QStringLiteral("001_cabinets.sql"),
          QStringLiteral("CREATE TABLE cabinet(id INTEGER PRIMARY KEY) STRICT;"));
    ASSERT_TRUE(apply());
    write(QStringLiteral("002_shelves.sql"),
          QStringLiteral("CREATE TABLE shelf(id INTEGER PRIMARY KEY) STRICT;"));
    auto r = apply();
    ASSERT_TRUE(r);
    ASSERT_FALSE(r->backupPath.isEmpty());
    EXPECT_TRUE(QFileInfo::exists(r->backupPath));
    auto copy = Database::openSqlite(r->backupPath);
    ASSERT_TRUE(copy);
    auto versions = Migrator::appliedVersions(**copy);
    ASSERT_TRUE(versions);
    EXPECT_EQ(versions->value(QStringLiteral("shelf")), 1); // the copy is from before
}

TEST(ProgramMigrations, EveryAreaOfTheProgramMigratesAFreshDatabase) {
    TestServices env;
    auto versions = Migrator::appliedVersions(env->database());
    ASSERT_TRUE(versions);
    EXPECT_GE(versions->value(QStringLiteral("core")), 1);
    for (const Module& m : env->modules()) {
        if (!m.migrations.isEmpty()) {
            EXPECT_GE(versions->value(m.area), 1) << m.area.toStdString();
        }
    }
}

TEST(MigrationScripts, EachEngineKeepsItsOwnBlocksAndTheCommonLines) {
    const QString script = QStringLiteral("CREATE TABLE shelf (id INTEGER PRIMARY KEY, n INTEGER) "
                                          "STRICT;\n"
                                          "CREATE TRIGGER shelf_kept BEFORE DELETE ON shelf\n"
                                          "-- @sqlite\n"
                                          "BEGIN SELECT RAISE(ABORT, 'kept'); END;\n"
                                          "-- @postgresql\n"
                                          "FOR EACH ROW EXECUTE FUNCTION fd_refuse('kept');\n"
                                          "-- @end\n"
                                          "CREATE INDEX shelf_n ON shelf(n);");
    const QString lite = DialectSql::adaptScript(Dialect::SQLite, script);
    EXPECT_TRUE(lite.contains(QStringLiteral("RAISE(ABORT")));
    EXPECT_FALSE(lite.contains(QStringLiteral("fd_refuse")));
    EXPECT_FALSE(lite.contains(QStringLiteral("-- @")));
    EXPECT_TRUE(lite.contains(QStringLiteral("STRICT")));
    EXPECT_TRUE(lite.contains(QStringLiteral("CREATE INDEX shelf_n")));

    const QString server = DialectSql::adaptScript(Dialect::PostgreSQL, script);
    EXPECT_FALSE(server.contains(QStringLiteral("RAISE(ABORT")));
    EXPECT_TRUE(server.contains(QStringLiteral("fd_refuse('kept')")));
    EXPECT_FALSE(server.contains(QStringLiteral("STRICT")));
    EXPECT_TRUE(server.contains(QStringLiteral("BIGINT GENERATED BY DEFAULT AS IDENTITY")));
    EXPECT_TRUE(server.contains(QStringLiteral("n BIGINT")));
    EXPECT_TRUE(server.contains(QStringLiteral("CREATE INDEX shelf_n")));
}
