// The demo tells the same story at whatever hour, weekday or day of the month it is seeded:
// the full demo seed (every area in order, as `frontdeskctl seed --profile demo` does) runs
// with the seed command's history clock on a base clock set to an instant, and then every
// dashboard source is read for every demo user at that instant.
#include "all_modules.h"
#include "audit/audit_log.h"
#include "db/sql.h"
#include "seeded_demo.h"

#include <QRegularExpression>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace fd::testing {
namespace {

struct Instant {
    const char* name; // the test's name
    QDate date;       // office date
    QTime time;       // office time
};

QDateTime officeInstant(const Instant& i) {
    return QDateTime(i.date, i.time, Clock::officeZone()).toUTC();
}

void PrintTo(const Instant& i, std::ostream* os) {
    *os << i.name;
}

// 2026-05-31 is a Sunday and the last day of a month: before the day's first shift change
// and the duty's, just before the duty changes (08:30), midday, the last minute of the day;
// then the last minute of a year and the first half hour of the next. Each seeds the whole
// demo (some seconds), so the instants are few.
const Instant kInstants[] = {
    {"SundayMonthEnd_0030", QDate(2026, 5, 31), QTime(0, 30)},
    {"SundayMonthEnd_0829", QDate(2026, 5, 31), QTime(8, 29)},
    {"SundayMonthEnd_1200", QDate(2026, 5, 31), QTime(12, 0)},
    {"SundayMonthEnd_2359", QDate(2026, 5, 31), QTime(23, 59)},
    {"NewYearsEve_2359", QDate(2026, 12, 31), QTime(23, 59)},
    {"NewYearsDay_0030", QDate(2027, 1, 1), QTime(0, 30)},
};

// Every dashboard item each user sees, by source id, read as the dashboard reads them.
using Dashboard = QMap<QString, QList<AttentionItem>>;

class DemoStoryAtAnyHour : public ::testing::TestWithParam<Instant> {
protected:
    static Dashboard dashboardOf(const Services& s, const Actor& actor) {
        Dashboard out;
        for (const AttentionSource& source : s.attention().all()) {
            const bool mine = source.roles.isEmpty() ||
                              std::any_of(source.roles.cbegin(), source.roles.cend(),
                                          [&](const QString& r) { return actor.hasRole(r); });
            if (!mine)
                continue;
            auto items = source.items(s, actor);
            EXPECT_TRUE(items.has_value())
                << source.id.toStdString() << " for " << actor.login.toStdString() << ": "
                << (items ? "" : items.error().message.en.toStdString());
            if (items)
                out.insert(source.id, *items);
        }
        return out;
    }
};

TEST_P(DemoStoryAtAnyHour, SeedsTheSameStoryAndNothingInTheFuture) {
    const QDateTime now = officeInstant(GetParam());
    SeededDemo demo(now);
    const Status seeded = demo.seed();
    ASSERT_TRUE(seeded) << seeded.error().message.en.toStdString();
    ASSERT_FALSE(demo.history().isSetBack());
    ASSERT_EQ(demo.history().nowUtc(), now);
    const Services& s = demo.services();

    // Every dashboard source answers for every user, each item dated no later than now.
    auto users = s.users().list();
    ASSERT_TRUE(users.has_value());
    QMap<QString, Dashboard> boards;
    for (const UserRecord& u : *users) {
        const Actor a{u.id, u.login, u.displayName, u.roles, u.staffId};
        boards.insert(u.login, dashboardOf(s, a));
        for (const auto& [source, items] : boards[u.login].asKeyValueRange())
            for (const AttentionItem& item : items)
                EXPECT_TRUE(!item.since.isValid() || item.since <= now)
                    << source.toStdString() << ": " << item.text.en.toStdString() << " since "
                    << item.since.toString(Qt::ISODate).toStdString();
    }

    // The front desk sees the letter that has waited more than three days (R6-6).
    const QList<AttentionItem> mail =
        boards[QStringLiteral("wangfang")].value(QStringLiteral("mail.undelivered"));
    ASSERT_EQ(mail.size(), 1);
    EXPECT_LT(mail.first().since, now.addDays(-3));
    // The archivist sees the loan five days overdue (R1-1.3.5).
    const QList<AttentionItem> loans =
        boards[QStringLiteral("zhaomin")].value(QStringLiteral("archive.overdue"));
    ASSERT_EQ(loans.size(), 1);
    EXPECT_EQ(loans.first()
                  .since.toTimeZone(Clock::officeZone())
                  .date()
                  .daysTo(now.toTimeZone(Clock::officeZone()).date()),
              5);
    // The running duty has done its lighting checks so far; last night's incident report is
    // due by the end of today, not overdue (R8-1.6); the CS manager sees it waiting.
    const Dashboard& manager = boards[QStringLiteral("zhanghua")];
    EXPECT_TRUE(manager.value(QStringLiteral("duty.missed_lighting_checks")).isEmpty());
    EXPECT_TRUE(manager.value(QStringLiteral("duty.overdue_incident_reports")).isEmpty());
    EXPECT_EQ(manager.value(QStringLiteral("duty.major_incidents")).size(), 1);
    EXPECT_EQ(manager.value(QStringLiteral("duty.swaps")).size(), 1);

    // The front desk's shift running now is open, and the shifts before it were handed over
    // on at least three days (three-shift system, 00:00, 08:00, 16:00; R2).
    const QDateTime local = now.toTimeZone(Clock::officeZone());
    const QDateTime shiftBegan(local.date(), QTime(local.time().hour() / 8 * 8, 0),
                               Clock::officeZone());
    auto open =
        sql::exec(demo.db(), QStringLiteral("SELECT shift_date, opened_at FROM handover_sheets "
                                            "WHERE post = 'front_desk' AND status = 'open'"));
    ASSERT_TRUE(open.has_value());
    ASSERT_TRUE(open->next());
    EXPECT_EQ(open->value(0).toString(), local.date().toString(Qt::ISODate));
    EXPECT_GE(fromStorage(open->value(1).toString()), shiftBegan.toUTC());
    EXPECT_FALSE(open->next()) << "one front-desk sheet open";
    open->finish();
    auto days = sql::scalar(demo.db(),
                            QStringLiteral("SELECT count(DISTINCT shift_date) FROM handover_sheets "
                                           "WHERE status = 'completed' AND completed_at > "
                                           "opened_at"));
    ASSERT_TRUE(days.has_value());
    EXPECT_GE(days->toInt(), 3);
    // The duty running now, and three ended before it, each after its successor came on.
    auto duty = sql::exec(demo.db(), QStringLiteral("SELECT started_at FROM duty_records "
                                                    "WHERE status = 'on'"));
    ASSERT_TRUE(duty.has_value());
    ASSERT_TRUE(duty->next());
    EXPECT_LE(fromStorage(duty->value(0).toString()).secsTo(now), 24 * 3600);
    EXPECT_FALSE(duty->next()) << "one duty running";
    duty->finish();
    auto ended = sql::scalar(demo.db(), QStringLiteral("SELECT count(*) FROM duty_records WHERE "
                                                       "status = 'ended' AND ended_at > "
                                                       "started_at AND successor_user_id > 0"));
    ASSERT_TRUE(ended.has_value());
    EXPECT_EQ(ended->toInt(), 3);

    // The audit chain holds.
    auto chain = AuditLog::verify(s.database());
    ASSERT_TRUE(chain.has_value());
    EXPECT_TRUE(chain->ok) << chain->problem.toStdString();
    EXPECT_GT(chain->rows, 100);

    // No record carries a time after now: every stored timestamp of every table (a
    // deadline, "…_due_at", is the one kind of time that lies ahead).
    auto tables = sql::exec(demo.db(), QStringLiteral("SELECT name FROM sqlite_master WHERE type "
                                                      "= 'table' AND name NOT LIKE 'sqlite_%'"));
    ASSERT_TRUE(tables.has_value());
    QStringList names;
    while (tables->next())
        names << tables->value(0).toString();
    tables->finish();
    static const QRegularExpression stamp(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}"));
    int checked = 0;
    for (const QString& table : names) {
        auto rows = sql::exec(demo.db(), QStringLiteral("SELECT * FROM \"%1\"").arg(table));
        ASSERT_TRUE(rows.has_value()) << table.toStdString();
        while (rows->next()) {
            const QSqlRecord r = rows->record();
            for (int c = 0; c < r.count(); ++c) {
                const QString column = r.fieldName(c);
                if ((!column.endsWith(QStringLiteral("_at")) &&
                     column != QStringLiteral("at_utc")) ||
                    column.endsWith(QStringLiteral("_due_at")))
                    continue;
                const QString text = r.value(c).toString();
                if (!stamp.match(text).hasMatch())
                    continue;
                ++checked;
                EXPECT_LE(fromStorage(text), now)
                    << table.toStdString() << "." << column.toStdString() << " = "
                    << text.toStdString();
            }
        }
    }
    EXPECT_GT(checked, 500);
}

INSTANTIATE_TEST_SUITE_P(Seeded, DemoStoryAtAnyHour, ::testing::ValuesIn(kInstants),
                         [](const ::testing::TestParamInfo<Instant>& info) {
                             return std::string(info.param.name);
                         });

} // namespace
} // namespace fd::testing
