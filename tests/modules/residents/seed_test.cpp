// The demo seed: a living office on first run, unchanged when run again, the same data
// for the same seed.
#include "residents_fixture.h"

namespace fd::testing {
namespace {

using namespace fd::residents;

Status seedDemo(TestServices& t, quint32 seed = 7) {
    for (const Module& m : t->modules())
        if (m.area == QStringLiteral("residents"))
            return m.seed(t.services(), t.actor(QStringLiteral("admin")),
                          SeedOptions{QStringLiteral("demo"), seed});
    return fail(Error::internal(QStringLiteral("no residents module")));
}

TEST(ResidentsSeed, DemoSeedFillsTheOfficeAndRunningItAgainChangesNothing) {
    TestServices t;
    const Status first = seedDemo(t);
    ASSERT_TRUE(first) << first.error().message.en.toStdString();
    EXPECT_EQ(t.count(QStringLiteral("buildings")), 4);
    EXPECT_EQ(t.count(QStringLiteral("rooms")), 64);
    EXPECT_GE(t.count(QStringLiteral("residents")), 70);
    EXPECT_LE(t.count(QStringLiteral("residents")), 100);
    EXPECT_GE(t.count(QStringLiteral("organisations")), 5);
    // Every role of the policy but admin has a person who can sign in with demo1234.
    const auto users = t->users().list();
    ASSERT_TRUE(users);
    for (auto it = t->policy().roles().begin(); it != t->policy().roles().end(); ++it) {
        if (it.key() == QStringLiteral("admin"))
            continue;
        bool found = false;
        for (const UserRecord& u : *users)
            if (u.roles.contains(it.key()) && u.staffId > 0)
                found = true;
        EXPECT_TRUE(found) << it.key().toStdString();
    }
    EXPECT_TRUE(t->users().authenticate(QStringLiteral("lina"), QStringLiteral("demo1234")));
    const qint64 audit = t.auditCount();
    const qint64 userCount = t.count(QStringLiteral("users"));
    ASSERT_TRUE(seedDemo(t));
    EXPECT_EQ(t.auditCount(), audit);
    EXPECT_EQ(t.count(QStringLiteral("users")), userCount);
}

TEST(ResidentsSeed, DemoSeedIsTheSameForTheSameSeed) {
    auto residents = [](quint32 seed) {
        TestServices t;
        EXPECT_TRUE(seedDemo(t, seed));
        QStringList out;
        const auto list = searchResidents(t->database().connection(), {}, 1000);
        for (const Resident& p : *list)
            out << p.roomCode + p.name + p.phoneMasked;
        return out;
    };
    const QStringList a = residents(11);
    EXPECT_EQ(a, residents(11));
    EXPECT_NE(a, residents(12));
}

TEST(ResidentsSeed, UnknownProfileIsRefused) {
    TestServices t;
    for (const Module& m : t->modules())
        if (m.area == QStringLiteral("residents")) {
            auto r = m.seed(t.services(), t.actor(QStringLiteral("admin")),
                            SeedOptions{QStringLiteral("huge"), 1});
            ASSERT_FALSE(r);
            EXPECT_EQ(r.error().field, QStringLiteral("profile"));
        }
}

} // namespace
} // namespace fd::testing

namespace fd::testing {
namespace {

TEST(ResidentsSeed, LargeSeedBuildsTheFullEstateAndSixtyStaff) {
    TestServices t;
    for (const Module& m : t->modules())
        if (m.area == QStringLiteral("residents")) {
            const Status r = m.seed(t.services(), t.actor(QStringLiteral("admin")),
                                    SeedOptions{QStringLiteral("large"), 3});
            ASSERT_TRUE(r) << r.error().message.en.toStdString();
        }
    EXPECT_EQ(t.count(QStringLiteral("buildings")), 40);
    EXPECT_EQ(t.count(QStringLiteral("units")), 80);
    EXPECT_EQ(t.count(QStringLiteral("rooms")), 6000);
    EXPECT_EQ(t.count(QStringLiteral("residents")), 15000);
    EXPECT_EQ(t.count(QStringLiteral("staff")), 60);
    // Accounts only for the seats of the roles, not for all 60 staff (hashing is slow).
    EXPECT_EQ(t.count(QStringLiteral("users")), 17);
    // The estate arrives in one audited import, not 15,000 audit rows.
    auto imports = sql::scalar(
        t->database().connection(),
        QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'resident.import'"));
    EXPECT_EQ(imports->toInt(), 1);
}

} // namespace
} // namespace fd::testing
