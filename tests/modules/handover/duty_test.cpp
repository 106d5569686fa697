#include "handover_fixture.h"

#include "util/clock.h"

#include <QJsonDocument>

namespace fd::testing {
namespace {

using DutyTest = HandoverFixture;

qint64 startDuty(TestServices& t, const QString& login, const QString& post = {}) {
    auto r = t.run(QStringLiteral("duty.start"), login,
                   post.isEmpty() ? QVariantMap{} : QVariantMap{{QStringLiteral("post"), post}});
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

// An instant given in office time (UTC+8), for tests at fixed hours around midnight.
QDateTime office(int month, int day, int hour, int minute) {
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), Clock::officeZone()).toUTC();
}

QVariantMap swap(const QString& date, const QString& from, const QString& to) {
    return {{QStringLiteral("duty_date"), date},
            {QStringLiteral("from_login"), from},
            {QStringLiteral("to_login"), to}};
}

// The new values of the last audit row of an action on an entity.
QJsonObject lastAudit(const QSqlDatabase& db, const QString& action, qint64 entityId) {
    auto v = sql::scalar(db,
                         QStringLiteral("SELECT new_values FROM audit_log WHERE action = ? AND "
                                        "entity_id = ? ORDER BY seq DESC LIMIT 1"),
                         {action, QString::number(entityId)});
    return v ? QJsonDocument::fromJson(v->toString().toUtf8()).object() : QJsonObject();
}

// Records an incident on a duty; the action's result (incident_id, report_due_at).
QJsonObject recordIncident(TestServices& t, const QString& login, qint64 duty, const QString& title,
                           const QString& severity) {
    auto r = t.run(QStringLiteral("duty.incident"), login,
                   {{QStringLiteral("duty_id"), duty},
                    {QStringLiteral("title"), title},
                    {QStringLiteral("description"), QStringLiteral("经过")},
                    {QStringLiteral("severity"), severity}});
    EXPECT_TRUE(r) << (r ? "" : r.error().message.en.toStdString());
    return r ? r->result : QJsonObject();
}

QStringList rolesOf(TestServices& t, const QString& source) {
    for (const AttentionSource& s : t->attention().all())
        if (s.id == source)
            return s.roles;
    return {};
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
    expectRefused(t.run(QStringLiteral("duty.override_end"), QStringLiteral("chen"),
                        endParams(duty), {}, QStringLiteral("接班人因病缺勤，主管到岗接替")),
                  QStringLiteral("duty-early-end-signed"), QStringLiteral("R8-2.4"), before);
    auto ok = t.run(QStringLiteral("duty.override_end"), QStringLiteral("chen"), endParams(duty),
                    {t.sign(QStringLiteral("supervisor"), QStringLiteral("chen"))},
                    QStringLiteral("接班人因病缺勤，主管到岗接替"));
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
    expectReminder(t, QStringLiteral("sunjg"), QStringLiteral("duty.overdue_incident_reports"),
                   QStringLiteral("R8-1.6"), QStringLiteral("车库积水"));
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
    expectReminder(t, QStringLiteral("sunjg"), QStringLiteral("duty.missed_lighting_checks"),
                   QStringLiteral("R8-1.5"), QStringLiteral("18:30"));
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

// R2-2.1, R7-1.1.5, R8-1.8: the person who cannot serve asks in advance; the swap takes
// effect once the supervisor approves it, and the CS manager sees it.
TEST_F(DutyTest, SwapWaitsForApprovalAndTakesEffectOnceTheSupervisorApproves) {
    const QVariantMap p =
        swap(QStringLiteral("2026-03-05"), QStringLiteral("lixm"), QStringLiteral("zhao"));
    qint64 before = t.auditCount();
    expectRefused(t.run(QStringLiteral("duty.record_swap"), QStringLiteral("lixm"), p),
                  QStringLiteral("duty-swap-reported"), QStringLiteral("R8-1.8"), before);
    auto r = t.run(QStringLiteral("duty.record_swap"), QStringLiteral("lixm"), p, {},
                   QStringLiteral("家中有事"));
    expectWaitsForApproval(r, QStringLiteral("duty-swap-needs-approval"), QStringLiteral("R8-1.8"));
    EXPECT_EQ(r->approverRole, QStringLiteral("supervisor,cs_manager"));
    EXPECT_TRUE(r->message.en.contains(QStringLiteral("R2-2.1")));
    EXPECT_TRUE(r->message.en.contains(QStringLiteral("R7-1.1.5")));
    EXPECT_EQ(t.count(QStringLiteral("duty_swaps")), 0); // not in effect yet
    EXPECT_TRUE(attention(QStringLiteral("duty.swaps"), QStringLiteral("sunjg")).isEmpty());
    EXPECT_EQ(attention(QStringLiteral("approvals.mine"), QStringLiteral("chen")).size(), 1);

    // A clerk cannot approve it; the supervisor does, and the swap is in effect.
    before = t.auditCount();
    EXPECT_FALSE(t.run(QStringLiteral("approval.approve"), QStringLiteral("zhao"),
                       {{QStringLiteral("id"), r->approvalId}},
                       {t.sign(QStringLiteral("approver"), QStringLiteral("zhao"))}));
    EXPECT_EQ(t.auditCount(), before);
    t.clock().advanceSeconds(3600);
    auto ok = t.run(QStringLiteral("approval.approve"), QStringLiteral("chen"),
                    {{QStringLiteral("id"), r->approvalId}},
                    {t.sign(QStringLiteral("approver"), QStringLiteral("chen"))});
    ASSERT_TRUE(ok) << ok.error().message.en.toStdString();
    auto row = sql::scalar(db(), QStringLiteral("SELECT f.login || '>' || o.login || '/' || "
                                                "a.login || '/' || w.reason FROM duty_swaps w "
                                                "JOIN users f ON f.id = w.from_user_id "
                                                "JOIN users o ON o.id = w.to_user_id "
                                                "JOIN users a ON a.id = w.approved_by_user_id"));
    ASSERT_TRUE(row);
    EXPECT_EQ(row->toString(), QStringLiteral("lixm>zhao/chen/家中有事"));
    EXPECT_EQ(attention(QStringLiteral("duty.swaps"), QStringLiteral("sunjg")).size(), 1);
}

TEST_F(DutyTest, CsManagerMayApproveADutySwapToo) {
    auto r =
        t.run(QStringLiteral("duty.record_swap"), QStringLiteral("chen"),
              swap(QStringLiteral("2026-03-03"), QStringLiteral("chen"), QStringLiteral("zhao")),
              {}, QStringLiteral("培训"));
    expectWaitsForApproval(r, QStringLiteral("duty-swap-needs-approval"), QStringLiteral("R8-1.8"));
    // The supervisor asking cannot approve their own swap; the CS manager can.
    EXPECT_FALSE(t.run(QStringLiteral("approval.approve"), QStringLiteral("chen"),
                       {{QStringLiteral("id"), r->approvalId}},
                       {t.sign(QStringLiteral("approver"), QStringLiteral("chen"))}));
    ASSERT_TRUE(t.run(QStringLiteral("approval.approve"), QStringLiteral("sunjg"),
                      {{QStringLiteral("id"), r->approvalId}},
                      {t.sign(QStringLiteral("approver"), QStringLiteral("sunjg"))}));
    EXPECT_EQ(t.count(QStringLiteral("duty_swaps")), 1);
}

TEST_F(DutyTest, RefusesASwapAskedForOnSomeoneElsesBehalf) {
    const qint64 before = t.auditCount();
    expectRefused(
        t.run(QStringLiteral("duty.record_swap"), QStringLiteral("chen"),
              swap(QStringLiteral("2026-03-05"), QStringLiteral("lixm"), QStringLiteral("zhao")),
              {}, QStringLiteral("家中有事")),
        QStringLiteral("duty-swap-by-absent-person"), QStringLiteral("R8-1.8"), before);
    EXPECT_EQ(t.count(QStringLiteral("approvals")), 0);
}

// "Before the duty date" is the office's date: at 23:59 office time a swap for tomorrow
// may still be asked for; two minutes later (still the same UTC day) tomorrow is today.
TEST_F(DutyTest, RefusesASwapOnOrAfterTheDutyDateByOfficeTime) {
    const QString reason = QStringLiteral("家中有事");
    t.clock().set(office(3, 4, 23, 59));
    expectWaitsForApproval(
        t.run(QStringLiteral("duty.record_swap"), QStringLiteral("lixm"),
              swap(QStringLiteral("2026-03-05"), QStringLiteral("lixm"), QStringLiteral("zhao")),
              {}, reason),
        QStringLiteral("duty-swap-needs-approval"), QStringLiteral("R8-1.8"));
    t.clock().set(office(3, 5, 0, 1));
    ASSERT_EQ(t.clock().nowUtc().date(), QDate(2026, 3, 4));
    const qint64 before = t.auditCount();
    expectRefused(
        t.run(QStringLiteral("duty.record_swap"), QStringLiteral("zhao"),
              swap(QStringLiteral("2026-03-05"), QStringLiteral("zhao"), QStringLiteral("wumin")),
              {}, reason),
        QStringLiteral("duty-swap-in-advance"), QStringLiteral("R8-1.8"), before);
    expectRefused(
        t.run(QStringLiteral("duty.record_swap"), QStringLiteral("zhao"),
              swap(QStringLiteral("2026-03-04"), QStringLiteral("zhao"), QStringLiteral("wumin")),
              {}, reason),
        QStringLiteral("duty-swap-in-advance"), QStringLiteral("R8-1.8"), before);
    EXPECT_EQ(t.count(QStringLiteral("approvals")), 1);
}

// An approval counts from the day the swap was asked for, and never after the duty date.
TEST_F(DutyTest, SwapApprovedAfterItsDutyDateIsRefused) {
    const QString reason = QStringLiteral("家中有事");
    t.clock().set(office(3, 2, 23, 50));
    auto late =
        t.run(QStringLiteral("duty.record_swap"), QStringLiteral("lixm"),
              swap(QStringLiteral("2026-03-03"), QStringLiteral("lixm"), QStringLiteral("zhao")),
              {}, reason);
    expectWaitsForApproval(late, QStringLiteral("duty-swap-needs-approval"),
                           QStringLiteral("R8-1.8"));
    auto onTime =
        t.run(QStringLiteral("duty.record_swap"), QStringLiteral("zhao"),
              swap(QStringLiteral("2026-03-03"), QStringLiteral("zhao"), QStringLiteral("wumin")),
              {}, reason);
    expectWaitsForApproval(onTime, QStringLiteral("duty-swap-needs-approval"),
                           QStringLiteral("R8-1.8"));
    // Approved on the duty date itself, before the duty: it was asked for the day before.
    t.clock().set(office(3, 3, 0, 5));
    ASSERT_TRUE(t.run(QStringLiteral("approval.approve"), QStringLiteral("chen"),
                      {{QStringLiteral("id"), onTime->approvalId}},
                      {t.sign(QStringLiteral("approver"), QStringLiteral("chen"))}));
    // The day after the duty date, an approval is too late.
    t.clock().set(office(3, 4, 0, 5));
    const qint64 before = t.auditCount();
    expectRefused(t.run(QStringLiteral("approval.approve"), QStringLiteral("chen"),
                        {{QStringLiteral("id"), late->approvalId}},
                        {t.sign(QStringLiteral("approver"), QStringLiteral("chen"))}),
                  QStringLiteral("duty-swap-in-advance"), QStringLiteral("R8-1.8"), before);
    EXPECT_EQ(t.count(QStringLiteral("duty_swaps")), 1);
}

TEST_F(DutyTest, SwapNamingAnUnknownPersonIsBadInputNamingTheField) {
    const qint64 before = t.auditCount();
    auto unknown =
        t.run(QStringLiteral("duty.record_swap"), QStringLiteral("lixm"),
              swap(QStringLiteral("2026-03-05"), QStringLiteral("lixm"), QStringLiteral("nobody")),
              {}, QStringLiteral("家中有事"));
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().field, QStringLiteral("to_login"));
    auto self =
        t.run(QStringLiteral("duty.record_swap"), QStringLiteral("lixm"),
              swap(QStringLiteral("2026-03-05"), QStringLiteral("lixm"), QStringLiteral("lixm")),
              {}, QStringLiteral("家中有事"));
    ASSERT_FALSE(self);
    EXPECT_EQ(self.error().field, QStringLiteral("to_login"));
    auto date =
        t.run(QStringLiteral("duty.record_swap"), QStringLiteral("lixm"),
              swap(QStringLiteral("5 March"), QStringLiteral("lixm"), QStringLiteral("zhao")), {},
              QStringLiteral("家中有事"));
    ASSERT_FALSE(date);
    EXPECT_EQ(date.error().field, QStringLiteral("duty_date"));
    EXPECT_EQ(t.auditCount(), before);
    EXPECT_EQ(t.count(QStringLiteral("approvals")), 0);
}

// R7-1.1.5: an unforeseen absence is reported with its reason and is on the supervisor's
// dashboard at once.
TEST_F(DutyTest, UnforeseenAbsenceReachesTheSupervisorAtOnce) {
    t.clock().set(office(3, 2, 6, 40));
    const QVariantMap today{{QStringLiteral("duty_date"), QStringLiteral("2026-03-02")}};
    qint64 before = t.auditCount();
    expectRefused(t.run(QStringLiteral("duty.report_absence"), QStringLiteral("lixm"), today),
                  QStringLiteral("duty-absence-reason"), QStringLiteral("R7-1.1.5"), before);
    expectRefused(t.run(QStringLiteral("duty.report_absence"), QStringLiteral("lixm"),
                        {{QStringLiteral("duty_date"), QStringLiteral("2026-03-01")}}, {},
                        QStringLiteral("发烧")),
                  QStringLiteral("duty-absence-not-past"), QStringLiteral("R7-1.1.5"), before);
    EXPECT_TRUE(attention(QStringLiteral("duty.absences"), QStringLiteral("chen")).isEmpty());
    ASSERT_TRUE(t.run(QStringLiteral("duty.report_absence"), QStringLiteral("lixm"), today, {},
                      QStringLiteral("发烧 39 度，去医院")));
    EXPECT_TRUE(rolesOf(t, QStringLiteral("duty.absences")).contains(QStringLiteral("supervisor")));
    const auto shown = attention(QStringLiteral("duty.absences"), QStringLiteral("chen"));
    ASSERT_EQ(shown.size(), 1);
    EXPECT_TRUE(shown.first().text.zh.contains(QStringLiteral("李晓梅")));
    EXPECT_TRUE(shown.first().text.zh.contains(QStringLiteral("发烧")));
    expectReminder(t, QStringLiteral("chen"), QStringLiteral("duty.absences"),
                   QStringLiteral("R7-1.1.5"), QStringLiteral("李晓梅"));
    // Gone once the day has passed.
    t.clock().set(office(3, 3, 0, 1));
    EXPECT_TRUE(attention(QStringLiteral("duty.absences"), QStringLiteral("chen")).isEmpty());
    auto unknown = t.run(QStringLiteral("duty.report_absence"), QStringLiteral("chen"),
                         {{QStringLiteral("duty_date"), QStringLiteral("2026-03-03")},
                          {QStringLiteral("login"), QStringLiteral("nobody")}},
                         {}, QStringLiteral("电话请假"));
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().field, QStringLiteral("login"));
}

// R8-1.6, R8-2.3: a major incident reaches the CS manager at once, on the dashboard and in
// the audit trail.
TEST_F(DutyTest, MajorIncidentIsEscalatedToTheManagerWithAnAuditRow) {
    const qint64 duty = startDuty(t, QStringLiteral("lixm"));
    const qint64 incident = recordIncident(t, QStringLiteral("lixm"), duty,
                                           QStringLiteral("B 座电梯困人"), QStringLiteral("major"))
                                .value(QStringLiteral("incident_id"))
                                .toInteger();
    EXPECT_EQ(rolesOf(t, QStringLiteral("duty.major_incidents")),
              QStringList{QStringLiteral("cs_manager")});
    EXPECT_EQ(attention(QStringLiteral("duty.major_incidents"), QStringLiteral("sunjg")).size(), 1);
    expectReminder(t, QStringLiteral("sunjg"), QStringLiteral("duty.major_incidents"),
                   QStringLiteral("R8-1.6"), QStringLiteral("B 座电梯困人"));
    const QJsonObject audit = lastAudit(db(), QStringLiteral("duty.incident"), incident);
    EXPECT_EQ(audit.value(QStringLiteral("escalated_to")).toString(), QStringLiteral("cs_manager"));
    EXPECT_EQ(audit.value(QStringLiteral("severity")).toString(), QStringLiteral("major"));
}

// "By the end of the next day" in office time, whatever the hour: an incident at 23:59 is
// due by the end of the following day, one two minutes later by the end of the day after.
TEST_F(DutyTest, ReportIsDueAtTheEndOfTheNextOfficeDayAroundMidnight) {
    t.clock().set(office(3, 2, 20, 0));
    const qint64 duty = startDuty(t, QStringLiteral("lixm"));
    auto record = [&](const char* title) {
        return recordIncident(t, QStringLiteral("lixm"), duty, QString::fromUtf8(title),
                              QStringLiteral("major"))
            .value(QStringLiteral("report_due_at"))
            .toString();
    };
    t.clock().set(office(3, 2, 23, 59));
    EXPECT_EQ(record("配电房跳闸"), toStorage(office(3, 4, 0, 0)));
    t.clock().set(office(3, 3, 0, 1));
    EXPECT_EQ(record("水管爆裂"), toStorage(office(3, 5, 0, 0)));
}

// R8-1.6: while a written report is overdue, the duty person who owes it starts no other
// duty; once written, they can.
TEST_F(DutyTest, OverdueIncidentReportBlocksTheNextDutyUntilWritten) {
    t.clock().set(office(3, 2, 8, 30));
    const qint64 duty = startDuty(t, QStringLiteral("lixm"));
    const qint64 incident = recordIncident(t, QStringLiteral("lixm"), duty,
                                           QStringLiteral("车库积水"), QStringLiteral("major"))
                                .value(QStringLiteral("incident_id"))
                                .toInteger();
    ASSERT_GT(incident, 0);
    t.clock().set(office(3, 3, 8, 30));
    startDuty(t, QStringLiteral("zhao"));
    ASSERT_TRUE(t.run(QStringLiteral("duty.end"), QStringLiteral("lixm"), endParams(duty)));
    // Due by the end of 3 March: at 23:59 office time still in time.
    t.clock().set(office(3, 3, 23, 59));
    EXPECT_TRUE(attention(QStringLiteral("duty.overdue_incident_reports"), QStringLiteral("sunjg"))
                    .isEmpty());
    t.clock().set(office(3, 4, 0, 1));
    const qint64 before = t.auditCount();
    expectRefused(t.run(QStringLiteral("duty.start"), QStringLiteral("lixm"), {}),
                  QStringLiteral("duty-start-report-overdue"), QStringLiteral("R8-1.6"), before);
    // Someone else may start a duty.
    const qint64 other = startDuty(t, QStringLiteral("wumin"), QStringLiteral("front_desk"));
    EXPECT_GT(other, 0);
    ASSERT_TRUE(t.run(QStringLiteral("duty.incident_report"), QStringLiteral("lixm"),
                      {{QStringLiteral("id"), incident},
                       {QStringLiteral("report"), QStringLiteral("书面报告全文")}}));
    EXPECT_GT(startDuty(t, QStringLiteral("lixm"), QStringLiteral("front_desk")), 0);
}

// R8-2.3: the CS manager may raise the severity the duty person chose; it is never lowered
// without a written reason, and the audit row keeps both.
TEST_F(DutyTest, OnlyTheManagerChangesSeverityAndNeverLowersItSilently) {
    const qint64 duty = startDuty(t, QStringLiteral("lixm"));
    const qint64 incident = recordIncident(t, QStringLiteral("lixm"), duty,
                                           QStringLiteral("大堂漏水"), QStringLiteral("normal"))
                                .value(QStringLiteral("incident_id"))
                                .toInteger();
    ASSERT_GT(incident, 0);
    const QVariantMap raise{{QStringLiteral("id"), incident},
                            {QStringLiteral("severity"), QStringLiteral("major")}};
    const QVariantMap lower{{QStringLiteral("id"), incident},
                            {QStringLiteral("severity"), QStringLiteral("normal")}};
    qint64 before = t.auditCount();
    expectRefused(t.run(QStringLiteral("duty.incident_severity"), QStringLiteral("lixm"), raise),
                  QStringLiteral("duty-severity-by-manager"), QStringLiteral("R8-1.6"), before);
    expectRefused(t.run(QStringLiteral("duty.incident_severity"), QStringLiteral("chen"), raise),
                  QStringLiteral("duty-severity-by-manager"), QStringLiteral("R8-1.6"), before);
    EXPECT_TRUE(
        attention(QStringLiteral("duty.major_incidents"), QStringLiteral("sunjg")).isEmpty());

    t.clock().set(office(3, 2, 23, 30));
    auto raised = t.run(QStringLiteral("duty.incident_severity"), QStringLiteral("sunjg"), raise);
    ASSERT_TRUE(raised) << raised.error().message.en.toStdString();
    EXPECT_EQ(raised->result.value(QStringLiteral("report_due_at")).toString(),
              toStorage(office(3, 4, 0, 0)));
    EXPECT_EQ(attention(QStringLiteral("duty.major_incidents"), QStringLiteral("sunjg")).size(), 1);
    EXPECT_EQ(lastAudit(db(), QStringLiteral("duty.incident_severity"), incident)
                  .value(QStringLiteral("escalated_to"))
                  .toString(),
              QStringLiteral("cs_manager"));
    auto again = t.run(QStringLiteral("duty.incident_severity"), QStringLiteral("sunjg"), raise);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().field, QStringLiteral("severity"));

    before = t.auditCount();
    expectRefused(t.run(QStringLiteral("duty.incident_severity"), QStringLiteral("sunjg"), lower),
                  QStringLiteral("duty-severity-lowered-with-reason"), QStringLiteral("R8-2.3"),
                  before);
    ASSERT_TRUE(t.run(QStringLiteral("duty.incident_severity"), QStringLiteral("sunjg"), lower, {},
                      QStringLiteral("经核实为普通渗水，已修复")));
    EXPECT_EQ(t.auditCount(), before + 1);
    auto audit = sql::exec(db(), QStringLiteral("SELECT old_values, new_values, reason FROM "
                                                "audit_log ORDER BY seq DESC LIMIT 1"));
    ASSERT_TRUE(audit);
    ASSERT_TRUE(audit->next());
    EXPECT_TRUE(audit->value(0).toString().contains(QStringLiteral("major")));
    EXPECT_TRUE(audit->value(1).toString().contains(QStringLiteral("normal")));
    EXPECT_TRUE(audit->value(2).toString().contains(QStringLiteral("普通渗水")));
    audit->finish();
    EXPECT_TRUE(
        attention(QStringLiteral("duty.major_incidents"), QStringLiteral("sunjg")).isEmpty());
}

// R8-2.4: the successor is whoever starts the next duty at the same post; a duty begun at
// another post does not release this one.
TEST_F(DutyTest, ADutyStartedAtAnotherPostIsNoSuccessor) {
    const qint64 duty = startDuty(t, QStringLiteral("sunjg")); // the department office
    t.clock().advanceSeconds(8 * 3600);
    startDuty(t, QStringLiteral("chen"), QStringLiteral("front_desk"));
    const qint64 before = t.auditCount();
    expectRefused(t.run(QStringLiteral("duty.end"), QStringLiteral("sunjg"), endParams(duty)),
                  QStringLiteral("duty-end-needs-successor"), QStringLiteral("R8-2.4"), before);
    startDuty(t, QStringLiteral("lixm"), QStringLiteral("cs_office"));
    auto ok = t.run(QStringLiteral("duty.end"), QStringLiteral("sunjg"), endParams(duty));
    ASSERT_TRUE(ok) << ok.error().message.en.toStdString();
    auto successor = sql::scalar(db(),
                                 QStringLiteral("SELECT u.login FROM duty_records d JOIN "
                                                "users u ON u.id = d.successor_user_id "
                                                "WHERE d.id = ?"),
                                 {duty});
    ASSERT_TRUE(successor);
    EXPECT_EQ(successor->toString(), QStringLiteral("lixm"));
}

// The supervisor's early end stays: under their name, with a reason, when nobody came on
// at the same post.
TEST_F(DutyTest, SupervisorStillEndsADutyWithNoSuccessorAtItsPost) {
    const qint64 duty = startDuty(t, QStringLiteral("lixm"), QStringLiteral("front_desk"));
    startDuty(t, QStringLiteral("zhao"), QStringLiteral("cs_office"));
    const qint64 before = t.auditCount();
    expectRefused(t.run(QStringLiteral("duty.end"), QStringLiteral("lixm"), endParams(duty)),
                  QStringLiteral("duty-end-needs-successor"), QStringLiteral("R8-2.4"), before);
    expectRefused(
        t.run(QStringLiteral("duty.override_end"), QStringLiteral("chen"), endParams(duty)),
        QStringLiteral("duty-override-reason"), QStringLiteral("R8-2.4"), before);
    ASSERT_TRUE(t.run(QStringLiteral("duty.override_end"), QStringLiteral("chen"), endParams(duty),
                      {t.sign(QStringLiteral("supervisor"), QStringLiteral("chen"))},
                      QStringLiteral("前台夜班撤岗，主管批准")));
    auto row = sql::scalar(db(),
                           QStringLiteral("SELECT d.status || '/' || u.login || '/' || "
                                          "d.override_reason FROM duty_records d JOIN users "
                                          "u ON u.id = d.override_by_user_id WHERE d.id = ?"),
                           {duty});
    ASSERT_TRUE(row);
    EXPECT_EQ(row->toString(), QStringLiteral("ended/chen/前台夜班撤岗，主管批准"));
    EXPECT_EQ(lastAudit(db(), QStringLiteral("duty.override_end"), duty)
                  .value(QStringLiteral("override_by"))
                  .toString(),
              QStringLiteral("chen"));
}

TEST_F(DutyTest, UnknownPostIsBadInputNamingTheField) {
    const qint64 before = t.auditCount();
    auto r = t.run(QStringLiteral("duty.start"), QStringLiteral("lixm"),
                   {{QStringLiteral("post"), QStringLiteral("rooftop")}});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, QStringLiteral("post"));
    EXPECT_TRUE(r.error().message.zh.contains(QStringLiteral("岗位")));
    EXPECT_EQ(t.auditCount(), before);
}

} // namespace
} // namespace fd::testing
