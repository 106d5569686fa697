// The daily verified backup: office-day names, the retention rule (30 daily, 12 monthly) at
// month end and across New Year, the record with its audit row, and the dashboard warning.
#include "core_fixture.h"

#include "db/backup_schedule.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace fd;
using namespace fd::testing;

namespace {

// A copy's name for every day from `first` to `last`, as daily runs leave them.
QStringList dailyNames(QDate first, QDate last) {
    QStringList names;
    for (QDate d = first; d <= last; d = d.addDays(1))
        names << backups::fileNameFor(d);
    return names;
}

QString name(int y, int m, int d) {
    return backups::fileNameFor(QDate(y, m, d));
}

// 10:00 in the office (UTC+8) on the given day.
QDateTime officeMorning(QDate day) {
    return QDateTime(day, QTime(2, 0), Qt::UTC);
}

class DailyBackup : public CoreTest {
protected:
    void SetUp() override {
        CoreTest::SetUp();
        dir_ = env_->dirPath() + QStringLiteral("/backups");
    }
    Result<backups::DailyOutcome> runToday() {
        return backups::runDaily(env_->services(), dir_, QStringLiteral("test"));
    }
    QStringList filesInFolder() const { return QDir(dir_).entryList(QDir::Files, QDir::Name); }
    qint64 auditRowsOf(const QString& action) {
        auto n = sql::scalar(
            db(), QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ?"), {action});
        return n ? n->toLongLong() : -1;
    }
    QList<AttentionItem> attentionFor(const QString& login) {
        for (const AttentionSource& s : env_->services().attention().all())
            if (s.id == QStringLiteral("backup.stale")) {
                auto items = s.items(env_->services(), env_->actor(login));
                EXPECT_TRUE(items) << items.error().message.en.toStdString();
                return items ? *items : QList<AttentionItem>{};
            }
        ADD_FAILURE() << "no attention source backup.stale";
        return {};
    }

    QString dir_;
};

} // namespace

TEST(BackupNames, CarryTheOfficeDayAndOnlyTheProgramsOwnNamesParse) {
    EXPECT_EQ(name(2026, 1, 31), QStringLiteral("frontdesk-2026-01-31.db"));
    EXPECT_EQ(backups::dayOfFileName(QStringLiteral("frontdesk-2026-01-31.db")),
              QDate(2026, 1, 31));
    for (const char* other :
         {"frontdesk.db", "frontdesk.pre-migration-20260131-020000.db", "frontdesk-2026-02-30.db",
          "frontdesk-2026-01-31.db.bak", "Frontdesk-2026-01-31.db", "copy-frontdesk-2026-01-31.db",
          "frontdesk-2026-01-31.db.123.part"})
        EXPECT_FALSE(backups::dayOfFileName(QString::fromLatin1(other))) << other;
}

TEST(BackupRetention, OnTheLastDayOfJanuaryKeepsThirtyDailyAndTheNewestOfEachOfTwelveMonths) {
    const QStringList names = dailyNames(QDate(2025, 1, 1), QDate(2026, 1, 31));
    const auto plan = backups::planRetention(names, QDate(2026, 1, 31));
    // 2026-01-02 .. 2026-01-31, and the last day of February .. December 2025.
    QStringList expected = dailyNames(QDate(2026, 1, 2), QDate(2026, 1, 31));
    for (int m = 12; m >= 2; --m)
        expected << backups::fileNameFor(QDate(2025, m, 1).addMonths(1).addDays(-1));
    std::reverse(expected.begin(), expected.begin() + 30);
    EXPECT_EQ(plan.keep, expected);
    EXPECT_EQ(plan.keep.size(), 30 + 11);
    EXPECT_EQ(plan.keep.size() + plan.remove.size(), names.size());
    EXPECT_TRUE(plan.remove.contains(name(2026, 1, 1)));  // neither daily nor the newest
    EXPECT_TRUE(plan.remove.contains(name(2025, 1, 31))); // thirteen months back
    EXPECT_EQ(plan.remove.first(), name(2025, 1, 1));     // oldest first

    // The next morning is February: January's newest (the 31st) is a daily copy still, and
    // February 2025 has dropped out of the twelve months.
    const auto next =
        backups::planRetention(names + QStringList{name(2026, 2, 1)}, QDate(2026, 2, 1));
    EXPECT_EQ(next.keep.size(), 30 + 10);
    EXPECT_EQ(next.keep.first(), name(2026, 2, 1));
    EXPECT_TRUE(next.keep.contains(name(2026, 1, 31)));
    EXPECT_TRUE(next.keep.contains(name(2025, 3, 31)));
    EXPECT_TRUE(next.remove.contains(name(2025, 2, 28)));
    EXPECT_TRUE(next.remove.contains(name(2026, 1, 2)));
}

TEST(BackupRetention, AcrossNewYearTheTwelveMonthsMoveOn) {
    const QStringList year = dailyNames(QDate(2026, 1, 1), QDate(2026, 12, 31));
    const auto eve = backups::planRetention(year, QDate(2026, 12, 31));
    EXPECT_EQ(eve.keep.size(), 30 + 11); // December's daily copies, January .. November's last
    EXPECT_TRUE(eve.keep.contains(name(2026, 1, 31)));
    EXPECT_TRUE(eve.keep.contains(name(2026, 12, 2)));
    EXPECT_TRUE(eve.remove.contains(name(2026, 12, 1)));

    const auto newYear =
        backups::planRetention(year + QStringList{name(2027, 1, 1)}, QDate(2027, 1, 1));
    EXPECT_EQ(newYear.keep.size(), 30 + 10);
    EXPECT_EQ(newYear.keep.first(), name(2027, 1, 1));
    EXPECT_TRUE(newYear.keep.contains(name(2026, 12, 31)));
    EXPECT_TRUE(newYear.keep.contains(name(2026, 2, 28)));
    EXPECT_TRUE(newYear.remove.contains(name(2026, 1, 31))); // January 2026 is 13 months back
    EXPECT_TRUE(newYear.remove.contains(name(2026, 12, 2)));
}

TEST(BackupRetention, DaysWithoutACopyDoNotShortenTheThirtyDailyCopies) {
    // Weekdays only: the 30 newest copies reach back six weeks.
    QStringList names;
    for (QDate d(2026, 3, 1); d <= QDate(2026, 5, 31); d = d.addDays(1))
        if (d.dayOfWeek() <= 5)
            names << backups::fileNameFor(d);
    const auto plan = backups::planRetention(names, QDate(2026, 5, 31)); // a Sunday
    EXPECT_EQ(plan.keep.first(), name(2026, 5, 29));                     // Friday
    EXPECT_EQ(plan.keep.size(), 30 + 1);                                 // + 31 March
    EXPECT_TRUE(plan.keep.contains(name(2026, 4, 20)));
    EXPECT_TRUE(plan.keep.contains(name(2026, 3, 31)));
}

TEST(BackupRetention, FilesTheProgramDidNotNameAreNeitherKeptNorDeleted) {
    const QStringList foreign{QStringLiteral("frontdesk.pre-migration-20250101-000000.db"),
                              QStringLiteral("notes.txt"),
                              QStringLiteral("frontdesk-2020-01-01.db.bak")};
    const QStringList copies =
        dailyNames(QDate(2026, 1, 1), QDate(2026, 1, 31)) + QStringList{name(2020, 1, 1)};
    const auto plan = backups::planRetention(foreign + copies, QDate(2026, 1, 31));
    EXPECT_EQ(plan.remove, (QStringList{name(2020, 1, 1), name(2026, 1, 1)}));
    EXPECT_EQ(plan.keep.size(), 30);
    for (const QString& f : foreign)
        EXPECT_FALSE(plan.keep.contains(f) || plan.remove.contains(f)) << f.toStdString();
}

TEST_F(DailyBackup, RecordsTheVerifiedCopyWithItsAuditRowAndTheChainStaysVerifiable) {
    ASSERT_TRUE(addNote(QStringLiteral("备份前的记录")));
    auto before = AuditLog::head(db());
    ASSERT_TRUE(before);
    const qint64 rowsBefore = env_->auditCount();

    auto done = runToday();
    ASSERT_TRUE(done) << done.error().message.en.toStdString();
    EXPECT_TRUE(done->made);
    const QString path = QDir(dir_).filePath(QStringLiteral("frontdesk-2026-03-02.db"));
    EXPECT_EQ(done->run.path, QFileInfo(path).absoluteFilePath());
    EXPECT_EQ(filesInFolder(), QStringList{QStringLiteral("frontdesk-2026-03-02.db")});

    auto row = sql::exec(db(), QStringLiteral("SELECT id, at_utc, path, audit_rows, audit_head, "
                                              "size_bytes FROM backup_runs"));
    ASSERT_TRUE(row);
    ASSERT_TRUE(row->next());
    EXPECT_EQ(row->value(1).toString(), toStorage(env_->clock().nowUtc()));
    EXPECT_EQ(row->value(2).toString(), done->run.path);
    EXPECT_EQ(row->value(3).toLongLong(), rowsBefore);
    EXPECT_EQ(row->value(4).toString(), before->text()); // the copy ends where the live chain was
    EXPECT_EQ(row->value(5).toLongLong(), QFileInfo(path).size());
    EXPECT_FALSE(row->next());

    // One audit row in the same commit, naming the record; the chain still verifies.
    EXPECT_EQ(env_->auditCount(), rowsBefore + 1);
    auto audit = AuditLog::rows(db(), QStringLiteral("backup_run"), QDateTime());
    ASSERT_TRUE(audit);
    ASSERT_EQ(audit->size(), 1);
    EXPECT_EQ(audit->first().entry.action, QStringLiteral("backup.verified"));
    EXPECT_EQ(audit->first().entry.entityId, QString::number(done->run.id));
    EXPECT_EQ(audit->first().entry.newValues.value(QStringLiteral("audit_head")).toString(),
              before->text());
    auto chain = AuditLog::verify(env_->services().database());
    ASSERT_TRUE(chain);
    EXPECT_TRUE(chain->ok) << chain->problem.toStdString();
    auto copy = verifyBackup(path);
    ASSERT_TRUE(copy) << copy.error().message.en.toStdString();
    EXPECT_EQ(copy->auditRows, rowsBefore);
}

TEST_F(DailyBackup, OnASundayTheOfficeDayNamesTheCopyAndASecondRunThatDayMakesNone) {
    // Sunday 8 March 2026, 00:30 in the office: still Saturday in UTC.
    env_->clock().set(QDateTime(QDate(2026, 3, 7), QTime(16, 30), Qt::UTC));
    ASSERT_EQ(env_->clock().officeToday().dayOfWeek(), Qt::Sunday);
    auto first = runToday();
    ASSERT_TRUE(first) << first.error().message.en.toStdString();
    EXPECT_TRUE(first->made);
    EXPECT_EQ(filesInFolder(), QStringList{QStringLiteral("frontdesk-2026-03-08.db")});

    env_->clock().set(QDateTime(QDate(2026, 3, 8), QTime(15, 59), Qt::UTC)); // 23:59 Sunday
    auto again = runToday();
    ASSERT_TRUE(again);
    EXPECT_FALSE(again->made);
    EXPECT_EQ(again->run.id, first->run.id);
    EXPECT_EQ(filesInFolder().size(), 1);
    EXPECT_EQ(env_->count(QStringLiteral("backup_runs")), 1);

    env_->clock().set(QDateTime(QDate(2026, 3, 8), QTime(16, 1), Qt::UTC)); // 00:01 Monday
    auto monday = runToday();
    ASSERT_TRUE(monday);
    EXPECT_TRUE(monday->made);
    EXPECT_EQ(filesInFolder(), (QStringList{QStringLiteral("frontdesk-2026-03-08.db"),
                                            QStringLiteral("frontdesk-2026-03-09.db")}));
}

TEST_F(DailyBackup, FortyDaysOfDailyRunsKeepExactlyThirtyDailyAndTheMonthlyOnes) {
    QDate day(2026, 4, 22);
    for (int i = 0; i < 40; ++i, day = day.addDays(1)) {
        env_->clock().set(officeMorning(day));
        if (i % 7 == 3) {
            ASSERT_TRUE(addNote(QStringLiteral("第 %1 天").arg(i)));
        }
        auto done = runToday();
        ASSERT_TRUE(done) << day.toString(Qt::ISODate).toStdString() << ": "
                          << done.error().message.en.toStdString();
        ASSERT_TRUE(done->made);
    }
    ASSERT_EQ(day, QDate(2026, 6, 1)); // the last run was on Sunday 31 May
    // The 30 newest (2 .. 31 May) and April's newest, the 30th.
    QStringList expected = dailyNames(QDate(2026, 5, 2), QDate(2026, 5, 31));
    expected.prepend(name(2026, 4, 30));
    EXPECT_EQ(filesInFolder(), expected);
    EXPECT_EQ(env_->count(QStringLiteral("backup_runs")), 40);
    EXPECT_EQ(auditRowsOf(QStringLiteral("backup.verified")), 40);
    auto chain = AuditLog::verify(env_->services().database());
    ASSERT_TRUE(chain);
    EXPECT_TRUE(chain->ok) << chain->problem.toStdString();
    auto last = verifyBackup(QDir(dir_).filePath(name(2026, 5, 31)));
    ASSERT_TRUE(last);
    EXPECT_EQ(last->auditRows, env_->auditCount() - 1); // all but its own record's row
}

TEST_F(DailyBackup, LeavesOtherFilesAloneAndReplacesADamagedLeftoverOfToday) {
    ASSERT_TRUE(QDir().mkpath(dir_));
    const auto write = [&](const QString& file, const QByteArray& bytes) {
        QFile f(QDir(dir_).filePath(file));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    };
    write(QStringLiteral("notes.txt"), "keep me");
    write(QStringLiteral("frontdesk.pre-migration-20260101-000000.db"), "keep me too");
    write(QStringLiteral("frontdesk-2026-03-01.db.4242.part"), "half a copy of yesterday");
    write(QStringLiteral("frontdesk-2026-03-02.db"), QByteArray(4096, 'x')); // not a database
    auto done = runToday();
    ASSERT_TRUE(done) << done.error().message.en.toStdString();
    EXPECT_TRUE(done->made);
    EXPECT_EQ(done->removed, QStringList{QStringLiteral("frontdesk-2026-03-01.db.4242.part")});
    EXPECT_EQ(filesInFolder(),
              (QStringList{QStringLiteral("frontdesk-2026-03-02.db"),
                           QStringLiteral("frontdesk.pre-migration-20260101-000000.db"),
                           QStringLiteral("notes.txt")}));
    EXPECT_TRUE(verifyBackup(QDir(dir_).filePath(QStringLiteral("frontdesk-2026-03-02.db"))));
}

TEST_F(DailyBackup, TheDashboardWarnsAdminAndManagerWhenThereIsNoVerifiedBackup) {
    env_->addUser(QStringLiteral("manager"), {QStringLiteral("cs_manager")});
    const AttentionSource* source = nullptr;
    for (const AttentionSource& s : env_->services().attention().all())
        if (s.id == QStringLiteral("backup.stale"))
            source = &s;
    ASSERT_NE(source, nullptr);
    EXPECT_EQ(source->roles, (QStringList{QStringLiteral("admin"), QStringLiteral("cs_manager")}));
    for (const char* login : {"admin", "manager"}) {
        const auto items = attentionFor(QString::fromLatin1(login));
        ASSERT_EQ(items.size(), 1) << login;
        EXPECT_TRUE(items.first().text.en.contains(QStringLiteral("No verified backup")));
        EXPECT_FALSE(items.first().text.zh.isEmpty());
    }
}

TEST_F(DailyBackup, TheDashboardIsQuietAt25HoursAndWarnsAt27) {
    auto done = runToday();
    ASSERT_TRUE(done) << done.error().message.en.toStdString();
    EXPECT_TRUE(attentionFor(QStringLiteral("admin")).isEmpty());
    env_->clock().advanceSeconds(25 * 3600);
    EXPECT_TRUE(attentionFor(QStringLiteral("admin")).isEmpty());
    env_->clock().advanceSeconds(2 * 3600);
    const auto items = attentionFor(QStringLiteral("admin"));
    ASSERT_EQ(items.size(), 1);
    EXPECT_EQ(items.first().since, done->run.atUtc);
    EXPECT_EQ(items.first().entityId, QString::number(done->run.id));
    EXPECT_TRUE(items.first().text.en.contains(QStringLiteral("27 hours")))
        << items.first().text.en.toStdString();
    EXPECT_TRUE(items.first().text.zh.contains(QStringLiteral("27 小时")));
    // The next day's copy quiets it again.
    auto next = runToday();
    ASSERT_TRUE(next);
    EXPECT_TRUE(next->made);
    EXPECT_TRUE(attentionFor(QStringLiteral("admin")).isEmpty());
}
