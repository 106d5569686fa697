#include "handover_fixture.h"

#include "util/clock.h"

namespace fd::testing {
namespace {

using DutyTest = HandoverFixture;

qint64 startDuty(TestServices& t, const QString& login) {
    auto r = t.run(QStringLiteral("duty.start"), login, {});
    EXPECT_TRUE(r) << (r ? "" : r.error().message.en.toStdString());
    return r ? r->result.value(QStringLiteral("duty_id")).toInteger() : 0;
}

QVariantMap endParams(qint64 id) {
    return {{QStringLiteral("id"), id},
            {QStringLiteral("happenings"), QStringLiteral("平稳")},
            {QStringLiteral("handling"), QStringLiteral("无")}};
}

QString dutyStatus(const QSqlDatabase& db, qint64 id) {
    auto v = sql::scalar(db, QStringLiteral("SELECT status FROM duty_records WHERE id = ?"), {id});
    return v ? v->toString() : QString();
}

TEST_F(DutyTest, RefusesEndingDutyWithoutASuccessor) {
    const qint64 duty = startDuty(t, QStringLiteral("sunjg"));
    const qint64 before = t.auditCount();
    expectRefused(t.run(QStringLiteral("duty.end"), QStringLiteral("sunjg"), endParams(duty)),
                  QStringLiteral("duty-end-needs-successor"), QStringLiteral("R8-2.4"), before);
    EXPECT_EQ(dutyStatus(db(), duty), QStringLiteral("on"));
}

TEST_F(DutyTest, EndsDutyOnceTheSuccessorSignedIn) {
    const qint64 duty = startDuty(t, QStringLiteral("sunjg"));
    t.clock().advanceSeconds(8 * 3600);
    startDuty(t, QStringLiteral("chen"));
    auto r = t.run(QStringLiteral("duty.end"), QStringLiteral("sunjg"), endParams(duty));
    ASSERT_TRUE(r) << r.error().message.en.toStdString();
    EXPECT_EQ(dutyStatus(db(), duty), QStringLiteral("ended"));
    auto doc = handover::dutyRecordDocument(t.services(), duty);
    ASSERT_TRUE(doc);
    EXPECT_EQ(doc->title.zh, QStringLiteral("值班记录表"));
    bool successor = false;
    for (const auto& f : doc->fields)
        successor = successor || f.value == QStringLiteral("陈志强");
    EXPECT_TRUE(successor);
    EXPECT_FALSE(doc->auditHead.isEmpty());
}

TEST_F(DutyTest, SupervisorOverrideEndsDutyWithAReason) {
    const qint64 duty = startDuty(t, QStringLiteral("lixm"));
    qint64 before = t.auditCount();
    expectRefused(t.run(QStringLiteral("duty.override_end"), QStringLiteral("lixm"),
                        endParams(duty), {}, QStringLiteral("家中有事")),
                  QStringLiteral("duty-override-by-supervisor"), QStringLiteral("R8-2.4"), before);
    expectRefused(
        t.run(QStringLiteral("duty.override_end"), QStringLiteral("chen"), endParams(duty)),
        QStringLiteral("duty-override-reason"), QStringLiteral("R8-2.4"), before);
    auto ok = t.run(QStringLiteral("duty.override_end"), QStringLiteral("chen"), endParams(duty),
                    {}, QStringLiteral("接班人因病缺勤，主管到岗接替"));
    ASSERT_TRUE(ok) << ok.error().message.en.toStdString();
    EXPECT_EQ(dutyStatus(db(), duty), QStringLiteral("ended"));
    auto doc = handover::dutyRecordDocument(t.services(), duty);
    ASSERT_TRUE(doc);
    ASSERT_EQ(doc->notes.size(), 1);
    EXPECT_TRUE(doc->notes.first().zh.contains(QStringLiteral("因病")));
}

TEST_F(DutyTest, MajorIncidentEscalatesAndItsOverdueReportShows) {
    const qint64 duty = startDuty(t, QStringLiteral("sunjg"));
    auto r = t.run(QStringLiteral("duty.incident"), QStringLiteral("sunjg"),
                   {{QStringLiteral("duty_id"), duty},
                    {QStringLiteral("title"), QStringLiteral("车库积水")},
                    {QStringLiteral("description"), QStringLiteral("暴雨")},
                    {QStringLiteral("severity"), QStringLiteral("major")}});
    ASSERT_TRUE(r);
    const qint64 incident = r->result.value(QStringLiteral("incident_id")).toInteger();
    // Due at the end of the next office day: 2026-03-04 00:00 office time.
    EXPECT_EQ(r->result.value(QStringLiteral("report_due_at")).toString(),
              toStorage(QDateTime(QDate(2026, 3, 3), QTime(16, 0), Qt::UTC)));
    EXPECT_EQ(attention(QStringLiteral("duty.major_incidents"), QStringLiteral("sunjg")).size(), 1);
    EXPECT_TRUE(attention(QStringLiteral("duty.overdue_incident_reports"), QStringLiteral("sunjg"))
                    .isEmpty());
    t.clock().advanceSeconds(2 * 24 * 3600);
    EXPECT_EQ(
        attention(QStringLiteral("duty.overdue_incident_reports"), QStringLiteral("sunjg")).size(),
        1);
    ASSERT_TRUE(t.run(QStringLiteral("duty.incident_report"), QStringLiteral("sunjg"),
                      {{QStringLiteral("id"), incident},
                       {QStringLiteral("report"), QStringLiteral("书面报告全文")}}));
    EXPECT_TRUE(attention(QStringLiteral("duty.overdue_incident_reports"), QStringLiteral("sunjg"))
                    .isEmpty());
    auto doc = handover::incidentReportDocument(t.services(), incident);
    ASSERT_TRUE(doc);
    EXPECT_EQ(doc->signatures.first().signer, QStringLiteral("孙建国"));
}

TEST_F(DutyTest, MissedLightingCheckShowsUntilRecorded) {
    const qint64 duty = startDuty(t, QStringLiteral("sunjg")); // 09:00 office time
    EXPECT_TRUE(attention(QStringLiteral("duty.missed_lighting_checks"), QStringLiteral("sunjg"))
                    .isEmpty());
    t.clock().set(QDateTime(QDate(2026, 3, 2), QTime(11, 10), Qt::UTC)); // 19:10 office time
    const auto missed =
        attention(QStringLiteral("duty.missed_lighting_checks"), QStringLiteral("sunjg"));
    ASSERT_EQ(missed.size(), 1);
    EXPECT_TRUE(missed.first().text.zh.contains(QStringLiteral("18:30")));
    ASSERT_TRUE(t.run(QStringLiteral("duty.lighting_check"), QStringLiteral("sunjg"),
                      {{QStringLiteral("duty_id"), duty},
                       {QStringLiteral("slot"), QStringLiteral("18:30")},
                       {QStringLiteral("lights_ok"), true}}));
    EXPECT_TRUE(attention(QStringLiteral("duty.missed_lighting_checks"), QStringLiteral("sunjg"))
                    .isEmpty());
    const qint64 before = t.auditCount();
    auto bad = t.run(QStringLiteral("duty.lighting_check"), QStringLiteral("sunjg"),
                     {{QStringLiteral("duty_id"), duty},
                      {QStringLiteral("slot"), QStringLiteral("12:00")},
                      {QStringLiteral("lights_ok"), true}});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, QStringLiteral("slot"));
    EXPECT_EQ(t.auditCount(), before);
}

TEST_F(DutyTest, InspectionAreaMustBeOnTheChecklist) {
    const qint64 duty = startDuty(t, QStringLiteral("sunjg"));
    ASSERT_TRUE(t.run(QStringLiteral("duty.inspect"), QStringLiteral("sunjg"),
                      {{QStringLiteral("duty_id"), duty},
                       {QStringLiteral("area"), QStringLiteral("clubhouse")},
                       {QStringLiteral("hygiene"), QStringLiteral("良好")}}));
    const qint64 before = t.auditCount();
    auto bad = t.run(
        QStringLiteral("duty.inspect"), QStringLiteral("sunjg"),
        {{QStringLiteral("duty_id"), duty}, {QStringLiteral("area"), QStringLiteral("rooftop")}});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, QStringLiteral("area"));
    EXPECT_EQ(t.auditCount(), before);
    auto rows = t->query(QStringLiteral("duty.inspections"), {{QStringLiteral("duty_id"), duty}},
                         t.actor(QStringLiteral("sunjg")));
    ASSERT_TRUE(rows);
    EXPECT_EQ(rows->rows.size(), 1);
}

TEST_F(DutyTest, SwapIsRecordedWithReasonAndReportedToTheManager) {
    const QVariantMap p{{QStringLiteral("duty_date"), QStringLiteral("2026-03-05")},
                        {QStringLiteral("from_login"), QStringLiteral("lixm")},
                        {QStringLiteral("to_login"), QStringLiteral("zhao")}};
    const qint64 before = t.auditCount();
    expectRefused(t.run(QStringLiteral("duty.record_swap"), QStringLiteral("chen"), p),
                  QStringLiteral("duty-swap-reported"), QStringLiteral("R8-1.8"), before);
    ASSERT_TRUE(t.run(QStringLiteral("duty.record_swap"), QStringLiteral("chen"), p, {},
                      QStringLiteral("家中有事")));
    EXPECT_EQ(attention(QStringLiteral("duty.swaps"), QStringLiteral("sunjg")).size(), 1);
}

} // namespace
} // namespace fd::testing
