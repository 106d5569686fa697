// The demo (frontdeskctl seed --profile demo): deposits, a developer handover, public and
// equipment keys, three loans (returned, overdue, waiting for approval), one 领回 and two
// emergency loans, one countersigned; seeding again changes nothing.
#include "db/sql.h"
#include "seeded_demo.h"
#include "test_services.h"

namespace fd::testing {
namespace {

qint64 count(const SeededDemo& demo, const QString& statement) {
    auto v = sql::scalar(demo.db(), statement);
    return v ? v->toLongLong() : -1;
}

TEST(KeysSeed, TheDemoHasDepositsLoansOfEveryKindATakeBackAndEmergencyLoans) {
    SeededDemo demo(QDateTime(QDate(2026, 3, 2), QTime(2, 0), Qt::UTC));
    auto seeded = demo.seed();
    ASSERT_TRUE(seeded) << seeded.error().message.en.toStdString();
    EXPECT_GT(count(demo, QStringLiteral("SELECT count(*) FROM key_slots")), 0);
    EXPECT_EQ(count(demo, QStringLiteral("SELECT count(*) FROM key_deposits WHERE custody = "
                                         "'owner_deposit'")),
              3);
    EXPECT_EQ(count(demo, QStringLiteral("SELECT count(*) FROM key_deposits WHERE custody = "
                                         "'developer_handover'")),
              1);
    EXPECT_EQ(count(demo, QStringLiteral("SELECT count(*) FROM key_takebacks")), 1);
    EXPECT_EQ(count(demo, QStringLiteral("SELECT count(*) FROM key_loans WHERE kind = 'regular' "
                                         "AND status = 'returned'")),
              1);
    EXPECT_EQ(count(demo, QStringLiteral("SELECT count(*) FROM approvals WHERE action = "
                                         "'key.lend' AND status = 'pending'")),
              1);
    EXPECT_EQ(count(demo, QStringLiteral("SELECT count(*) FROM key_loans WHERE kind = "
                                         "'emergency' AND countersigned_by <> ''")),
              1);
    const Actor supervisor = demo.actor(QStringLiteral("lina"));
    auto overdue = demo.services().query(QStringLiteral("key.overdue"), {}, supervisor);
    ASSERT_TRUE(overdue) << overdue.error().message.en.toStdString();
    EXPECT_EQ(overdue->rows.size(), 1);
    auto unsignedLoans =
        demo.services().query(QStringLiteral("key.emergency_unsigned"), {}, supervisor);
    ASSERT_TRUE(unsignedLoans);
    EXPECT_EQ(unsignedLoans->rows.size(), 1);
    const qint64 audit = count(demo, QStringLiteral("SELECT count(*) FROM audit_log"));
    ASSERT_TRUE(demo.seed());
    EXPECT_EQ(count(demo, QStringLiteral("SELECT count(*) FROM audit_log")), audit);
}

} // namespace
} // namespace fd::testing
