#include "handover_fixture.h"

#include "audit/audit_log.h"
#include "rules/policy.h"
#include "util/clock.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace fd::testing {
namespace {

class HandoverTest : public HandoverFixture {
protected:
    // The office lets supervisors sign exceptions (handover.supervisor_exception).
    void enableExceptions() {
        auto builtIn = Policy::builtIn();
        ASSERT_TRUE(builtIn);
        QJsonObject policy = QJsonDocument::fromJson(builtIn->source()).object();
        QJsonObject params = policy.value(QStringLiteral("parameters")).toObject();
        params.insert(QStringLiteral("handover.supervisor_exception"), true);
        policy.insert(QStringLiteral("parameters"), params);
        auto applied =
            t.run(QStringLiteral("policy.apply"), QStringLiteral("admin"),
                  {{QStringLiteral("policy"), QString::fromUtf8(QJsonDocument(policy).toJson())}});
        ASSERT_TRUE(applied) << applied.error().message.en.toStdString();
    }

    // A supervisor's exception (特批), signed by the one who grants it.
    Result<ActionResult> exception(qint64 sheet, const QString& reason,
                                   const QString& login = QStringLiteral("chen")) {
        return t.run(QStringLiteral("handover.override"), login,
                     {{QStringLiteral("sheet_id"), sheet}},
                     {t.sign(QStringLiteral("supervisor"), login)}, reason);
    }
};

TEST_F(HandoverTest, CompletesHandoverWithTwoSigners) {
    const qint64 sheet = readySheet();
    addMatter(sheet, QStringLiteral("A-1203 走廊灯不亮"), QStringLiteral("normal"),
              QStringLiteral("handled"));
    const qint64 before = t.auditCount();
    auto r = complete(sheet);
    ASSERT_TRUE(r) << r.error().message.en.toStdString();
    EXPECT_EQ(t.auditCount(), before + 1);
    EXPECT_EQ(sheetStatus(sheet), QStringLiteral("completed"));
    auto sigs =
        t->signatures().forRecord(db(), QStringLiteral("handover_sheet"), QString::number(sheet));
    ASSERT_TRUE(sigs);
    ASSERT_EQ(sigs->size(), 2);
    QStringList meanings;
    for (const auto& s : *sigs) {
        meanings << s.meaning;
        EXPECT_TRUE(s.valid);
        EXPECT_EQ(s.signedAt, startTime()); // the clock's time (R2-1.1)
    }
    meanings.sort();
    EXPECT_EQ(meanings, (QStringList{QStringLiteral("incoming"), QStringLiteral("outgoing")}));
    auto loaded = handover::loadSheet(db(), sheet);
    ASSERT_TRUE(loaded);
    EXPECT_EQ(loaded->outgoing, QStringLiteral("李晓梅"));
    EXPECT_EQ(loaded->incoming, QStringLiteral("赵丽"));
}

TEST_F(HandoverTest, HandoverBlockedWhileMajorIncidentOpen) {
    const qint64 sheet = readySheet();
    addMatter(sheet, QStringLiteral("车库入口积水"), QStringLiteral("major"));
    const qint64 before = t.auditCount();
    const qint64 signatures = t.count(QStringLiteral("signatures"));
    expectRefused(complete(sheet), QStringLiteral("handover-blocked-major-event"),
                  QStringLiteral("R2-2.4"), before);
    EXPECT_EQ(sheetStatus(sheet), QStringLiteral("open"));
    EXPECT_EQ(t.count(QStringLiteral("signatures")), signatures);
}

TEST_F(HandoverTest, HandoverBlockedWhileEmergencyUnresolvedEvenIfCarriedOver) {
    enableExceptions();
    const qint64 first = readySheet();
    addMatter(first, QStringLiteral("消防报警"), QStringLiteral("emergency"));
    ASSERT_TRUE(exception(first, QStringLiteral("消防队已到场接管")));
    ASSERT_TRUE(complete(first));
    const qint64 second = open(QStringLiteral("zhao"));
    confirmAll(second, QStringLiteral("wumin"));
    const qint64 before = t.auditCount();
    expectRefused(complete(second, QStringLiteral("zhao"), QStringLiteral("wumin")),
                  QStringLiteral("handover-blocked-major-event"), QStringLiteral("R2-2.4"), before);
}

TEST_F(HandoverTest, HandoverBlockedWhileEquipmentStartInProgress) {
    const qint64 sheet = readySheet();
    auto rec = t.run(QStringLiteral("handover.record_equipment_operation"), QStringLiteral("lixm"),
                     {{QStringLiteral("sheet_id"), sheet},
                      {QStringLiteral("equipment"), QStringLiteral("冷水机组")},
                      {QStringLiteral("operation"), QStringLiteral("start")},
                      {QStringLiteral("state"), QStringLiteral("in_progress")}});
    ASSERT_TRUE(rec);
    const qint64 before = t.auditCount();
    expectRefused(complete(sheet), QStringLiteral("handover-blocked-equipment"),
                  QStringLiteral("R2-2.4"), before);
    EXPECT_EQ(sheetStatus(sheet), QStringLiteral("open"));
    // Once the start is finished the handover goes through.
    ASSERT_TRUE(t.run(QStringLiteral("handover.record_equipment_operation"), QStringLiteral("lixm"),
                      {{QStringLiteral("sheet_id"), sheet},
                       {QStringLiteral("equipment"), QStringLiteral("冷水机组")},
                       {QStringLiteral("operation"), QStringLiteral("start")},
                       {QStringLiteral("state"), QStringLiteral("completed")}}));
    EXPECT_TRUE(complete(sheet));
}

TEST_F(HandoverTest, HandoverBlockedWhileChecklistUnconfirmed) {
    const qint64 sheet = open();
    auto r = confirmItem(sheet, QStringLiteral("front_desk_keys"));
    ASSERT_TRUE(r) << r.error().message.en.toStdString();
    const qint64 before = t.auditCount();
    auto refused = complete(sheet);
    expectRefused(refused, QStringLiteral("handover-blocked-checklist"), QStringLiteral("R2-2.4"),
                  before);
    EXPECT_TRUE(refused.error().message.zh.contains(QStringLiteral("样板房钥匙")));
    EXPECT_TRUE(refused.error().message.en.contains(QStringLiteral("R2-1.5")));
}

TEST_F(HandoverTest, MissingItemNeedsANote) {
    const qint64 sheet = open();
    const qint64 before = t.auditCount();
    auto r = t.run(QStringLiteral("handover.confirm_item"), QStringLiteral("zhao"),
                   {{QStringLiteral("sheet_id"), sheet},
                    {QStringLiteral("item"), QStringLiteral("show_flat_keys")},
                    {QStringLiteral("state"), QStringLiteral("missing")}});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, QStringLiteral("note"));
    EXPECT_EQ(t.auditCount(), before);
}

TEST_F(HandoverTest, HandoverBlockedWhileMatterLacksCourseOrResult) {
    const qint64 sheet = readySheet();
    const qint64 matter = addMatter(sheet, QStringLiteral("电梯按钮失灵"), QStringLiteral("normal"),
                                    QStringLiteral("open"), false);
    const qint64 before = t.auditCount();
    auto refused = complete(sheet);
    expectRefused(refused, QStringLiteral("handover-blocked-matter-fields"),
                  QStringLiteral("R2-2.4"), before);
    EXPECT_TRUE(refused.error().message.en.contains(QStringLiteral("R2-1.2")));
    EXPECT_TRUE(refused.error().message.en.contains(QStringLiteral("#%1").arg(matter)));
    // Course given, result still missing: still refused.
    ASSERT_TRUE(t.run(QStringLiteral("handover.update_matter"), QStringLiteral("lixm"),
                      {{QStringLiteral("sheet_id"), sheet},
                       {QStringLiteral("id"), matter},
                       {QStringLiteral("course"), QStringLiteral("已报维保单位")}}));
    expectRefused(complete(sheet), QStringLiteral("handover-blocked-matter-fields"),
                  QStringLiteral("R2-2.4"), t.auditCount());
    ASSERT_TRUE(t.run(QStringLiteral("handover.update_matter"), QStringLiteral("lixm"),
                      {{QStringLiteral("sheet_id"), sheet},
                       {QStringLiteral("id"), matter},
                       {QStringLiteral("result"), QStringLiteral("明日上门")}}));
    EXPECT_TRUE(complete(sheet));
}

TEST_F(HandoverTest, AnEmptiedResultOfAMatterClearsItAndTheAuditShowsTheOldResult) {
    const qint64 sheet = open();
    const qint64 matter = addMatter(sheet, QStringLiteral("5-1-302 门禁卡失效"));
    ASSERT_TRUE(t.run(QStringLiteral("handover.update_matter"), QStringLiteral("lixm"),
                      {{QStringLiteral("sheet_id"), sheet},
                       {QStringLiteral("id"), matter},
                       {QStringLiteral("result"), QString()}}));
    auto stored = sql::scalar(
        db(), QStringLiteral("SELECT result FROM handover_matters WHERE id = ?"), {matter});
    ASSERT_TRUE(stored);
    EXPECT_TRUE(stored->toString().isEmpty());
    auto audit = sql::exec(db(), QStringLiteral("SELECT old_values, new_values FROM audit_log "
                                                "ORDER BY seq DESC LIMIT 1"));
    ASSERT_TRUE(audit);
    ASSERT_TRUE(audit->next());
    const QJsonObject before = QJsonDocument::fromJson(audit->value(0).toByteArray()).object();
    const QJsonObject after = QJsonDocument::fromJson(audit->value(1).toByteArray()).object();
    EXPECT_EQ(before.value(QStringLiteral("result")).toString(), QStringLiteral("结果待跟进"));
    ASSERT_TRUE(after.contains(QStringLiteral("result")));
    EXPECT_TRUE(after.value(QStringLiteral("result")).toString().isEmpty());
    // The cause is never emptied (R2-1.2): refused naming the field.
    const qint64 count = t.auditCount();
    auto emptied = t.run(QStringLiteral("handover.update_matter"), QStringLiteral("lixm"),
                         {{QStringLiteral("sheet_id"), sheet},
                          {QStringLiteral("id"), matter},
                          {QStringLiteral("cause"), QString()}});
    ASSERT_FALSE(emptied);
    EXPECT_EQ(emptied.error().field, QStringLiteral("cause"));
    EXPECT_EQ(t.auditCount(), count);
}

TEST_F(HandoverTest, MatterWithoutCauseIsRefusedNamingTheField) {
    const qint64 sheet = open();
    const qint64 before = t.auditCount();
    auto r = t.run(
        QStringLiteral("handover.add_matter"), QStringLiteral("lixm"),
        {{QStringLiteral("sheet_id"), sheet}, {QStringLiteral("course"), QStringLiteral("经过")}});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, Error::Kind::BadInput);
    EXPECT_EQ(r.error().field, QStringLiteral("cause"));
    EXPECT_TRUE(r.error().message.zh.contains(QStringLiteral("起因")));
    EXPECT_EQ(t.auditCount(), before);
    EXPECT_EQ(t.count(QStringLiteral("handover_matters")), 0);
}

TEST_F(HandoverTest, HandoverBlockedWhileIncomingUnfitAndNoSubstitute) {
    const qint64 sheet = readySheet();
    ASSERT_TRUE(t.run(
        QStringLiteral("handover.sign_in_incoming"), QStringLiteral("zhao"),
        {{QStringLiteral("sheet_id"), sheet}, {QStringLiteral("login"), QStringLiteral("zhao")}}));
    ASSERT_TRUE(t.run(QStringLiteral("handover.mark_unfit"), QStringLiteral("lixm"),
                      {{QStringLiteral("sheet_id"), sheet},
                       {QStringLiteral("login"), QStringLiteral("zhao")},
                       {QStringLiteral("condition"), QStringLiteral("drinking")}}));
    const qint64 before = t.auditCount();
    expectRefused(complete(sheet), QStringLiteral("handover-blocked-incoming-unfit"),
                  QStringLiteral("R2-2.4"), before);
    // Another person signing as incoming is not enough until they signed in as substitute.
    expectRefused(complete(sheet, QStringLiteral("lixm"), QStringLiteral("wumin")),
                  QStringLiteral("handover-blocked-incoming-unfit"), QStringLiteral("R2-2.4"),
                  before);
    // No supervisor's exception lifts this blocker (R2-2.4 allows none).
    expectRefused(exception(sheet, QStringLiteral("主管同意")),
                  QStringLiteral("handover-no-exception"), QStringLiteral("R2-2.4"),
                  t.auditCount());
    // The unfit person cannot sign in again; a substitute can.
    auto again = t.run(
        QStringLiteral("handover.sign_in_incoming"), QStringLiteral("zhao"),
        {{QStringLiteral("sheet_id"), sheet}, {QStringLiteral("login"), QStringLiteral("zhao")}});
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().clause, QStringLiteral("R2-2.4"));
    ASSERT_TRUE(t.run(
        QStringLiteral("handover.sign_in_incoming"), QStringLiteral("wumin"),
        {{QStringLiteral("sheet_id"), sheet}, {QStringLiteral("login"), QStringLiteral("wumin")}}));
    expectRefused(complete(sheet), QStringLiteral("handover-blocked-incoming-unfit"),
                  QStringLiteral("R2-2.4"), t.auditCount());
    // The substitute takes over the front-desk keys themselves (R6-7).
    expectRefused(complete(sheet, QStringLiteral("lixm"), QStringLiteral("wumin")),
                  QStringLiteral("handover-blocked-front-desk-keys"), QStringLiteral("R6-7"),
                  t.auditCount());
    ASSERT_TRUE(confirmItem(sheet, QStringLiteral("front_desk_keys"), QStringLiteral("wumin")));
    auto done = complete(sheet, QStringLiteral("lixm"), QStringLiteral("wumin"));
    ASSERT_TRUE(done) << done.error().message.en.toStdString();
    auto doc = handover::handoverSheetDocument(t.services(), sheet);
    ASSERT_TRUE(doc);
    bool unfitPrinted = false;
    for (const auto& f : doc->fields)
        unfitPrinted = unfitPrinted || f.value.contains(QStringLiteral("赵丽"));
    EXPECT_TRUE(unfitPrinted);
}

TEST_F(HandoverTest, RefusesTheSamePersonSigningTwice) {
    const qint64 sheet = readySheet();
    const qint64 before = t.auditCount();
    const qint64 signatures = t.count(QStringLiteral("signatures"));
    auto r = complete(sheet, QStringLiteral("lixm"), QStringLiteral("lixm"));
    expectRefused(r, QStringLiteral("handover-two-signatures"), QStringLiteral("R2-2.3"), before);
    EXPECT_TRUE(r.error().message.en.contains(QStringLiteral("incoming")));
    EXPECT_EQ(sheetStatus(sheet), QStringLiteral("open"));
    EXPECT_EQ(t.count(QStringLiteral("signatures")), signatures);
}

TEST_F(HandoverTest, RefusesHandoverWithoutTheIncomingSignature) {
    const qint64 sheet = readySheet();
    const qint64 before = t.auditCount();
    auto r = t.run(QStringLiteral("handover.complete"), QStringLiteral("lixm"),
                   {{QStringLiteral("sheet_id"), sheet}},
                   {t.sign(QStringLiteral("outgoing"), QStringLiteral("lixm"))});
    expectRefused(r, QStringLiteral("handover-two-signatures"), QStringLiteral("R2-2.3"), before);
}

TEST_F(HandoverTest, WrongSignaturePasswordIsRefusedWithoutWriting) {
    const qint64 sheet = readySheet();
    const qint64 before = t.auditCount();
    auto r = t.run(
        QStringLiteral("handover.complete"), QStringLiteral("lixm"),
        {{QStringLiteral("sheet_id"), sheet}},
        {t.sign(QStringLiteral("outgoing"), QStringLiteral("lixm")),
         {QStringLiteral("incoming"), QStringLiteral("zhao"), QStringLiteral("wrong-password")}});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, Error::Kind::Auth);
    EXPECT_EQ(t.auditCount(), before);
    EXPECT_EQ(sheetStatus(sheet), QStringLiteral("open"));
}

TEST_F(HandoverTest, DefaultPolicyAllowsNoExceptionToTheBlockers) {
    const qint64 sheet = readySheet();
    addMatter(sheet, QStringLiteral("停电抢修"), QStringLiteral("major"));
    const qint64 before = t.auditCount();
    auto r = exception(sheet, QStringLiteral("供电局已到场，由接班人继续跟进"));
    expectRefused(r, QStringLiteral("handover-no-exception"), QStringLiteral("R2-2.4"), before);
    EXPECT_TRUE(r.error().message.zh.contains(QStringLiteral("不得交接班")));
    EXPECT_TRUE(r.error().message.en.contains(QStringLiteral("no supervisor exception")));
    expectRefused(complete(sheet), QStringLiteral("handover-blocked-major-event"),
                  QStringLiteral("R2-2.4"), before);
    EXPECT_EQ(t.count(QStringLiteral("handover_overrides")), 0);
}

TEST_F(HandoverTest, ExceptionIsSignedBySupervisorWithAReasonAndPrintedAsTePi) {
    enableExceptions();
    const qint64 sheet = readySheet();
    addMatter(sheet, QStringLiteral("停电抢修"), QStringLiteral("major"));
    qint64 before = t.auditCount();
    expectRefused(exception(sheet, QStringLiteral("我要下班"), QStringLiteral("lixm")),
                  QStringLiteral("handover-override-by-supervisor"), QStringLiteral("R2-2.4"),
                  before);
    expectRefused(exception(sheet, QString()), QStringLiteral("handover-override-reason"),
                  QStringLiteral("R2-2.4"), before);
    expectRefused(t.run(QStringLiteral("handover.override"), QStringLiteral("chen"),
                        {{QStringLiteral("sheet_id"), sheet}}, {}, QStringLiteral("供电局已到场")),
                  QStringLiteral("handover-exception-signed"), QStringLiteral("R2-2.4"), before);
    const QString reason = QStringLiteral("供电局已到场，由接班人继续跟进");
    auto ok = exception(sheet, reason);
    ASSERT_TRUE(ok) << ok.error().message.en.toStdString();
    EXPECT_EQ(ok->result.value(QStringLiteral("lifted")).toInt(), 1);
    auto last = sql::exec(
        db(), QStringLiteral("SELECT action, reason FROM audit_log ORDER BY seq DESC LIMIT 1"));
    ASSERT_TRUE(last);
    ASSERT_TRUE(last->next());
    EXPECT_EQ(last->value(0).toString(), QStringLiteral("handover.override"));
    EXPECT_EQ(last->value(1).toString(), reason);
    auto sigs = t->signatures().forRecord(db(), QStringLiteral("handover_override"), ok->entityId);
    ASSERT_TRUE(sigs);
    ASSERT_EQ(sigs->size(), 1);
    EXPECT_EQ(sigs->first().meaning, QStringLiteral("supervisor"));
    auto done = complete(sheet);
    ASSERT_TRUE(done) << done.error().message.en.toStdString();
    auto doc = handover::handoverSheetDocument(t.services(), sheet);
    ASSERT_TRUE(doc);
    ASSERT_FALSE(doc->notes.isEmpty());
    const QString note = doc->notes.first().zh;
    EXPECT_TRUE(note.contains(QStringLiteral("特批"))) << note.toStdString();
    EXPECT_TRUE(note.contains(reason));
    EXPECT_TRUE(note.contains(QStringLiteral("陈志强")));
    EXPECT_TRUE(note.contains(QStringLiteral("停电抢修"))); // what it lifted, in words
    EXPECT_TRUE(note.contains(QStringLiteral("重大或紧急事件未处理完毕")));
    EXPECT_FALSE(note.contains(QStringLiteral("handover."))); // no codes on paper
    // The open major matter carries to the next sheet (R2-1.3).
    const qint64 next = open(QStringLiteral("zhao"));
    auto s = handover::loadSheet(db(), next);
    ASSERT_TRUE(s);
    ASSERT_EQ(s->matters.size(), 1);
    EXPECT_TRUE(s->matters.first().carried);
    EXPECT_EQ(s->matters.first().severity, QStringLiteral("major"));
}

TEST_F(HandoverTest, ExceptionLiftsOnlyTheBlockersPresentWhenSigned) {
    enableExceptions();
    const qint64 sheet = readySheet();
    // Signed before any blocker exists: nothing to lift, refused.
    const qint64 before = t.auditCount();
    expectRefused(exception(sheet, QStringLiteral("预先特批，以防万一")),
                  QStringLiteral("handover-exception-needs-blocker"), QStringLiteral("R2-2.4"),
                  before);
    addMatter(sheet, QStringLiteral("电梯困人"), QStringLiteral("emergency"));
    ASSERT_TRUE(exception(sheet, QStringLiteral("消防队已到场接管")));
    auto stored = handover::loadLiveSheet(db(), sheet);
    ASSERT_TRUE(stored);
    ASSERT_EQ(stored->overrides.size(), 1);
    ASSERT_EQ(stored->overrides.first().lifted.size(), 1);
    EXPECT_EQ(stored->overrides.first().lifted.first().rule,
              QStringLiteral("handover-blocked-major-event"));
    // A blocker that appears after the exception still blocks.
    const qint64 later = addMatter(sheet, QStringLiteral("车库入口积水"), QStringLiteral("major"));
    auto r = complete(sheet);
    expectRefused(r, QStringLiteral("handover-blocked-major-event"), QStringLiteral("R2-2.4"),
                  t.auditCount());
    EXPECT_TRUE(r.error().message.zh.contains(QStringLiteral("车库入口积水")));
    EXPECT_FALSE(r.error().message.zh.contains(QStringLiteral("电梯困人")));
    ASSERT_TRUE(t.run(QStringLiteral("handover.record_equipment_operation"), QStringLiteral("lixm"),
                      {{QStringLiteral("sheet_id"), sheet},
                       {QStringLiteral("equipment"), QStringLiteral("1号冷水机组")},
                       {QStringLiteral("operation"), QStringLiteral("start")},
                       {QStringLiteral("state"), QStringLiteral("in_progress")}}));
    expectRefused(complete(sheet), QStringLiteral("handover-blocked-major-event"),
                  QStringLiteral("R2-2.4"), t.auditCount());
    // Handling the later matter (with the supervisor's agreement) leaves the equipment,
    // which came after the exception too.
    ASSERT_TRUE(t.run(QStringLiteral("handover.update_matter"), QStringLiteral("lixm"),
                      {{QStringLiteral("sheet_id"), sheet},
                       {QStringLiteral("id"), later},
                       {QStringLiteral("status"), QStringLiteral("handled")}},
                      {t.sign(QStringLiteral("supervisor"), QStringLiteral("chen"))}));
    expectRefused(complete(sheet), QStringLiteral("handover-blocked-equipment"),
                  QStringLiteral("R2-2.4"), t.auditCount());
}

TEST_F(HandoverTest, MonthlyExceptionsReportListsWhoWhyAndWhatForTheCsManager) {
    enableExceptions();
    const qint64 sheet = readySheet();
    addMatter(sheet, QStringLiteral("消防报警"), QStringLiteral("emergency"));
    ASSERT_TRUE(exception(sheet, QStringLiteral("消防队已到场接管")));
    const auto items =
        attention(QStringLiteral("handover.exceptions_this_month"), QStringLiteral("sunjg"));
    ASSERT_EQ(items.size(), 1);
    EXPECT_TRUE(items.first().text.zh.contains(QStringLiteral("消防队已到场接管")));
    auto list = t->query(QStringLiteral("handover.exceptions"),
                         {{QStringLiteral("month"), QStringLiteral("2026-03")}},
                         t.actor(QStringLiteral("sunjg")));
    ASSERT_TRUE(list) << list.error().message.en.toStdString();
    ASSERT_EQ(list->rows.size(), 1);
    const QStringList row = [&] {
        QStringList out;
        for (const QVariant& v : list->rows.first())
            out << v.toString();
        return out;
    }();
    EXPECT_TRUE(row.contains(QStringLiteral("陈志强")));
    EXPECT_TRUE(row.contains(QStringLiteral("消防队已到场接管")));
    EXPECT_TRUE(row.join(QLatin1Char(' ')).contains(QStringLiteral("消防报警")));
    auto empty = t->query(QStringLiteral("handover.exceptions"),
                          {{QStringLiteral("month"), QStringLiteral("2026-02")}},
                          t.actor(QStringLiteral("sunjg")));
    ASSERT_TRUE(empty);
    EXPECT_TRUE(empty->rows.isEmpty());
    auto bad = t->query(QStringLiteral("handover.exceptions"),
                        {{QStringLiteral("month"), QStringLiteral("March")}},
                        t.actor(QStringLiteral("sunjg")));
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().kind, Error::Kind::BadInput);
    EXPECT_EQ(bad.error().field, QStringLiteral("month"));
    auto doc = handover::exceptionsReportDocument(t.services(), QStringLiteral("2026-03"));
    ASSERT_TRUE(doc);
    EXPECT_EQ(doc->title.zh, QStringLiteral("交接班特批月报"));
    ASSERT_EQ(doc->tables.size(), 1);
    ASSERT_EQ(doc->tables.first().rows.size(), 1);
    const QString printed = doc->tables.first().rows.first().join(QLatin1Char(' '));
    EXPECT_TRUE(printed.contains(QStringLiteral("前台"))) << printed.toStdString();
    EXPECT_TRUE(printed.contains(QStringLiteral("未完成")));
    EXPECT_FALSE(printed.contains(QStringLiteral("front_desk")));
}

TEST_F(HandoverTest, LoweringOrClosingAMajorMatterNeedsTheSupervisorsSignature) {
    const qint64 sheet = readySheet();
    const qint64 matter = addMatter(sheet, QStringLiteral("车库入口积水"), QStringLiteral("major"));
    const qint64 before = t.auditCount();
    const QVariantMap lower{{QStringLiteral("sheet_id"), sheet},
                            {QStringLiteral("id"), matter},
                            {QStringLiteral("severity"), QStringLiteral("normal")}};
    expectRefused(t.run(QStringLiteral("handover.update_matter"), QStringLiteral("lixm"), lower),
                  QStringLiteral("handover-major-matter-change-signed"), QStringLiteral("R2-2.4"),
                  before);
    const QVariantMap close{{QStringLiteral("sheet_id"), sheet},
                            {QStringLiteral("id"), matter},
                            {QStringLiteral("status"), QStringLiteral("handled")}};
    expectRefused(t.run(QStringLiteral("handover.update_matter"), QStringLiteral("lixm"), close),
                  QStringLiteral("handover-major-matter-change-signed"), QStringLiteral("R2-2.4"),
                  before);
    // Another clerk's signature is not the supervisor's.
    expectRefused(t.run(QStringLiteral("handover.update_matter"), QStringLiteral("lixm"), lower,
                        {t.sign(QStringLiteral("supervisor"), QStringLiteral("zhao"))}),
                  QStringLiteral("handover-major-matter-change-signed"), QStringLiteral("R2-2.4"),
                  before);
    // Recording a major matter as handled at once is closing it too.
    expectRefused(t.run(QStringLiteral("handover.add_matter"), QStringLiteral("lixm"),
                        {{QStringLiteral("sheet_id"), sheet},
                         {QStringLiteral("cause"), QStringLiteral("消防报警")},
                         {QStringLiteral("course"), QStringLiteral("误报")},
                         {QStringLiteral("result"), QStringLiteral("已复位")},
                         {QStringLiteral("severity"), QStringLiteral("emergency")},
                         {QStringLiteral("status"), QStringLiteral("handled")}}),
                  QStringLiteral("handover-major-matter-change-signed"), QStringLiteral("R2-2.4"),
                  before);
    // Raising a matter needs no one's agreement.
    const qint64 minor = addMatter(sheet, QStringLiteral("大堂灯闪"));
    ASSERT_TRUE(t.run(QStringLiteral("handover.update_matter"), QStringLiteral("lixm"),
                      {{QStringLiteral("sheet_id"), sheet},
                       {QStringLiteral("id"), minor},
                       {QStringLiteral("severity"), QStringLiteral("major")}}));
    auto ok = t.run(QStringLiteral("handover.update_matter"), QStringLiteral("lixm"), lower,
                    {t.sign(QStringLiteral("supervisor"), QStringLiteral("chen"))});
    ASSERT_TRUE(ok) << ok.error().message.en.toStdString();
    auto row = sql::exec(db(), QStringLiteral("SELECT old_values, new_values FROM audit_log "
                                              "ORDER BY seq DESC LIMIT 1"));
    ASSERT_TRUE(row);
    ASSERT_TRUE(row->next());
    const QJsonObject oldValues = QJsonDocument::fromJson(row->value(0).toByteArray()).object();
    const QJsonObject newValues = QJsonDocument::fromJson(row->value(1).toByteArray()).object();
    EXPECT_EQ(oldValues.value(QStringLiteral("severity")).toString(), QStringLiteral("major"));
    EXPECT_EQ(newValues.value(QStringLiteral("severity")).toString(), QStringLiteral("normal"));
    EXPECT_EQ(newValues.value(QStringLiteral("agreed_by")).toString(), QStringLiteral("chen"));
}

TEST_F(HandoverTest, FrontDeskKeysAloneBlockTheHandover) {
    const qint64 sheet = open();
    auto s = handover::loadLiveSheet(db(), sheet);
    ASSERT_TRUE(s);
    for (const auto& c : s->checklist) {
        if (c.item != QStringLiteral("front_desk_keys")) {
            ASSERT_TRUE(confirmItem(sheet, c.item));
        }
    }
    ASSERT_TRUE(confirmMail(sheet));
    const qint64 before = t.auditCount();
    auto r = complete(sheet);
    expectRefused(r, QStringLiteral("handover-blocked-front-desk-keys"), QStringLiteral("R6-7"),
                  before);
    EXPECT_TRUE(r.error().message.zh.contains(QStringLiteral("前台钥匙")));
    // The outgoing person alone cannot tick the keys off: the incoming person signs for
    // them, face to face.
    expectRefused(t.run(QStringLiteral("handover.confirm_item"), QStringLiteral("lixm"),
                        {{QStringLiteral("sheet_id"), sheet},
                         {QStringLiteral("item"), QStringLiteral("front_desk_keys")},
                         {QStringLiteral("state"), QStringLiteral("present")}}),
                  QStringLiteral("handover-keys-face-to-face"), QStringLiteral("R6-7"), before);
    expectRefused(t.run(QStringLiteral("handover.confirm_item"), QStringLiteral("zhao"),
                        {{QStringLiteral("sheet_id"), sheet},
                         {QStringLiteral("item"), QStringLiteral("front_desk_keys")},
                         {QStringLiteral("state"), QStringLiteral("present")}},
                        {t.sign(QStringLiteral("incoming"), QStringLiteral("zhao"))}),
                  QStringLiteral("handover-keys-face-to-face"), QStringLiteral("R6-7"), before);
    ASSERT_TRUE(confirmItem(sheet, QStringLiteral("front_desk_keys")));
    auto done = complete(sheet);
    ASSERT_TRUE(done) << done.error().message.en.toStdString();
}

TEST_F(HandoverTest, NoSigningOutWithTheOwnSheetOpenAfterTheShift) {
    const qint64 sheet = readySheet(); // the day shift, 08:00-16:00
    // During the shift signing out is not going off shift with the sheet open.
    ASSERT_TRUE(t.run(QStringLiteral("handover.sign_out"), QStringLiteral("lixm"), {}));
    t.clock().set(QDateTime(QDate(2026, 3, 2), QTime(16, 5), Clock::officeZone()).toUTC());
    const qint64 before = t.auditCount();
    auto r = t.run(QStringLiteral("handover.sign_out"), QStringLiteral("lixm"), {});
    expectRefused(r, QStringLiteral("handover-sign-out-sheet-open"), QStringLiteral("R6-5"),
                  before);
    EXPECT_TRUE(r.error().message.zh.contains(QStringLiteral("不得签退")));
    EXPECT_TRUE(r.error().message.en.contains(QStringLiteral("#%1").arg(sheet)));
    // Others may go.
    ASSERT_TRUE(t.run(QStringLiteral("handover.sign_out"), QStringLiteral("zhao"), {}));
    // A supervisor signs out a person who has left, with a reason.
    expectRefused(t.run(QStringLiteral("handover.sign_out_person"), QStringLiteral("zhao"),
                        {{QStringLiteral("login"), QStringLiteral("lixm")}}, {},
                        QStringLiteral("已离开")),
                  QStringLiteral("handover-sign-out-person-by-supervisor"), QStringLiteral("R6-5"),
                  t.auditCount());
    expectRefused(t.run(QStringLiteral("handover.sign_out_person"), QStringLiteral("chen"),
                        {{QStringLiteral("login"), QStringLiteral("lixm")}}),
                  QStringLiteral("handover-sign-out-person-reason"), QStringLiteral("R6-5"),
                  t.auditCount());
    auto bad = t.run(QStringLiteral("handover.sign_out_person"), QStringLiteral("chen"),
                     {{QStringLiteral("login"), QStringLiteral("nobody")}}, {},
                     QStringLiteral("家中急事已离开"));
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, QStringLiteral("login"));
    auto ok = t.run(QStringLiteral("handover.sign_out_person"), QStringLiteral("chen"),
                    {{QStringLiteral("login"), QStringLiteral("lixm")}}, {},
                    QStringLiteral("家中急事已离开，交接由主管跟进"));
    ASSERT_TRUE(ok) << ok.error().message.en.toStdString();
    auto last = sql::exec(
        db(), QStringLiteral("SELECT action, reason FROM audit_log ORDER BY seq DESC LIMIT 1"));
    ASSERT_TRUE(last);
    ASSERT_TRUE(last->next());
    EXPECT_EQ(last->value(0).toString(), QStringLiteral("handover.sign_out_person"));
    EXPECT_EQ(last->value(1).toString(), QStringLiteral("家中急事已离开，交接由主管跟进"));
    // Once handed over, the person goes.
    ASSERT_TRUE(complete(sheet));
    ASSERT_TRUE(t.run(QStringLiteral("handover.sign_out"), QStringLiteral("lixm"), {}));
}

TEST_F(HandoverTest, NoEndingADutyWithTheOwnSheetOpenAfterTheShift) {
    const qint64 sheet = readySheet();
    auto duty = t.run(QStringLiteral("duty.start"), QStringLiteral("lixm"), {});
    ASSERT_TRUE(duty) << duty.error().message.en.toStdString();
    ASSERT_TRUE(t.run(QStringLiteral("duty.start"), QStringLiteral("zhao"), {}));
    t.clock().set(QDateTime(QDate(2026, 3, 2), QTime(16, 30), Clock::officeZone()).toUTC());
    const QVariantMap end{
        {QStringLiteral("id"), duty->result.value(QStringLiteral("duty_id")).toInteger()},
        {QStringLiteral("happenings"), QStringLiteral("平稳")},
        {QStringLiteral("handling"), QStringLiteral("无")}};
    expectRefused(t.run(QStringLiteral("duty.end"), QStringLiteral("lixm"), end),
                  QStringLiteral("duty-end-handover-sheet-open"), QStringLiteral("R6-5"),
                  t.auditCount());
    ASSERT_TRUE(complete(sheet));
    auto ended = t.run(QStringLiteral("duty.end"), QStringLiteral("lixm"), end);
    ASSERT_TRUE(ended) << ended.error().message.en.toStdString();
}

TEST_F(HandoverTest, SheetOpenAfterItsShiftShowsOnTheSupervisorsDashboard) {
    const qint64 sheet = readySheet();
    auto at = [this](int h, int m) {
        t.clock().set(QDateTime(QDate(2026, 3, 2), QTime(h, m), Clock::officeZone()).toUTC());
    };
    at(16, 14); // the shift ended at 16:00; 15 minutes' grace (handover.open_after_shift_minutes)
    EXPECT_TRUE(
        attention(QStringLiteral("handover.open_after_shift"), QStringLiteral("chen")).isEmpty());
    at(16, 15);
    const auto items =
        attention(QStringLiteral("handover.open_after_shift"), QStringLiteral("chen"));
    ASSERT_EQ(items.size(), 1);
    EXPECT_EQ(items.first().entityId, QString::number(sheet));
    EXPECT_TRUE(items.first().text.zh.contains(QStringLiteral("李晓梅")));
    EXPECT_TRUE(items.first().text.zh.contains(QStringLiteral("早班")));
    expectReminder(t, QStringLiteral("chen"), QStringLiteral("handover.open_after_shift"),
                   QStringLiteral("R2-1.6"), QStringLiteral("李晓梅"));
    // The supervisor's dashboard, not the clerks'.
    for (const AttentionSource& s : t->attention().all())
        if (s.id == QStringLiteral("handover.open_after_shift")) {
            EXPECT_TRUE(s.roles.contains(QStringLiteral("supervisor")));
            EXPECT_FALSE(s.roles.contains(QStringLiteral("clerk")));
        }
    ASSERT_TRUE(complete(sheet));
    EXPECT_TRUE(
        attention(QStringLiteral("handover.open_after_shift"), QStringLiteral("chen")).isEmpty());
}

TEST_F(HandoverTest, CarriesOpenMattersAndUnacknowledgedInstructionsToTheNextSheet) {
    const qint64 first = readySheet();
    const qint64 open1 = addMatter(first, QStringLiteral("B 座电梯按钮失灵"));
    addMatter(first, QStringLiteral("A-1203 走廊灯"), QStringLiteral("normal"),
              QStringLiteral("handled"));
    auto ins = t.run(QStringLiteral("handover.add_instruction"), QStringLiteral("lixm"),
                     {{QStringLiteral("sheet_id"), first},
                      {QStringLiteral("issued_by"), QStringLiteral("陈志强")},
                      {QStringLiteral("text"), QStringLiteral("周五停水通知逐户张贴")}});
    ASSERT_TRUE(ins);
    const qint64 instruction = ins->result.value(QStringLiteral("instruction_id")).toInteger();
    ASSERT_TRUE(complete(first));

    auto opened = t.run(QStringLiteral("handover.open"), QStringLiteral("zhao"),
                        {{QStringLiteral("post"), QStringLiteral("front_desk")}});
    ASSERT_TRUE(opened);
    EXPECT_EQ(opened->result.value(QStringLiteral("carried_matters")).toInt(), 1);
    EXPECT_EQ(opened->result.value(QStringLiteral("carried_instructions")).toInt(), 1);
    const qint64 second = opened->result.value(QStringLiteral("sheet_id")).toInteger();
    auto s2 = handover::loadSheet(db(), second);
    ASSERT_TRUE(s2);
    ASSERT_EQ(s2->matters.size(), 1);
    EXPECT_EQ(s2->matters.first().id, open1);
    EXPECT_TRUE(s2->matters.first().carried);
    ASSERT_EQ(s2->instructions.size(), 1);
    EXPECT_EQ(s2->instructions.first().id, instruction);
    // The other post does not see them.
    const qint64 office = open(QStringLiteral("chen"), QStringLiteral("cs_office"));
    auto so = handover::loadSheet(db(), office);
    ASSERT_TRUE(so);
    EXPECT_TRUE(so->matters.isEmpty());
    EXPECT_TRUE(so->instructions.isEmpty());

    // Acknowledge the instruction and handle the matter on the second sheet.
    ASSERT_TRUE(t.run(QStringLiteral("handover.acknowledge_instruction"), QStringLiteral("zhao"),
                      {{QStringLiteral("sheet_id"), second}, {QStringLiteral("id"), instruction}}));
    ASSERT_TRUE(t.run(QStringLiteral("handover.update_matter"), QStringLiteral("zhao"),
                      {{QStringLiteral("sheet_id"), second},
                       {QStringLiteral("id"), open1},
                       {QStringLiteral("result"), QStringLiteral("维保单位已修复")},
                       {QStringLiteral("status"), QStringLiteral("handled")}}));
    confirmAll(second, QStringLiteral("wumin"));
    ASSERT_TRUE(complete(second, QStringLiteral("zhao"), QStringLiteral("wumin")));
    const qint64 third = open(QStringLiteral("wumin"));
    auto s3 = handover::loadSheet(db(), third);
    ASSERT_TRUE(s3);
    EXPECT_TRUE(s3->matters.isEmpty());
    EXPECT_TRUE(s3->instructions.isEmpty());
    // The completed second sheet still shows what it handled.
    auto s2done = handover::loadSheet(db(), second);
    ASSERT_TRUE(s2done);
    ASSERT_EQ(s2done->matters.size(), 1);
    EXPECT_EQ(s2done->matters.first().status, QStringLiteral("handled"));
}

TEST_F(HandoverTest, CompletedSheetIsImmutableAndItsSignaturesStayValid) {
    const qint64 first = readySheet();
    const qint64 matter = addMatter(first, QStringLiteral("B 座电梯按钮失灵"));
    ASSERT_TRUE(complete(first));
    const qint64 before = t.auditCount();
    expectRefused(t.run(QStringLiteral("handover.add_matter"), QStringLiteral("lixm"),
                        {{QStringLiteral("sheet_id"), first},
                         {QStringLiteral("cause"), QStringLiteral("补记")},
                         {QStringLiteral("course"), QStringLiteral("x")},
                         {QStringLiteral("result"), QStringLiteral("y")}}),
                  QStringLiteral("handover-sheet-immutable"), QStringLiteral("R2-2.3"), before);
    expectRefused(t.run(QStringLiteral("handover.confirm_item"), QStringLiteral("zhao"),
                        {{QStringLiteral("sheet_id"), first},
                         {QStringLiteral("item"), QStringLiteral("documents")},
                         {QStringLiteral("state"), QStringLiteral("present")}}),
                  QStringLiteral("handover-sheet-immutable"), QStringLiteral("R2-2.3"), before);
    // Even a direct write is refused by the database.
    EXPECT_FALSE(sql::exec(
        db(), QStringLiteral("UPDATE handover_sheets SET override_reason = 'x' WHERE id = ?"),
        {first}));
    // A correction is an addendum.
    auto add = t.run(QStringLiteral("handover.add_addendum"), QStringLiteral("lixm"),
                     {{QStringLiteral("sheet_id"), first},
                      {QStringLiteral("text"), QStringLiteral("更正：按钮为 3 号梯")}});
    ASSERT_TRUE(add) << add.error().message.en.toStdString();
    // Handling the carried matter on the next sheet leaves the first sheet's signatures valid.
    const qint64 second = open(QStringLiteral("zhao"));
    ASSERT_TRUE(t.run(QStringLiteral("handover.update_matter"), QStringLiteral("zhao"),
                      {{QStringLiteral("sheet_id"), second},
                       {QStringLiteral("id"), matter},
                       {QStringLiteral("status"), QStringLiteral("handled")}}));
    auto sigs =
        t->signatures().forRecord(db(), QStringLiteral("handover_sheet"), QString::number(first));
    ASSERT_TRUE(sigs);
    ASSERT_EQ(sigs->size(), 2);
    for (const auto& s : *sigs)
        EXPECT_TRUE(s.valid);
    auto firstSheet = handover::loadSheet(db(), first);
    ASSERT_TRUE(firstSheet);
    EXPECT_EQ(firstSheet->matters.first().status, QStringLiteral("open")); // as signed
    ASSERT_EQ(firstSheet->addenda.size(), 1);
}

TEST_F(HandoverTest, OnlyOneOpenSheetPerPost) {
    const qint64 sheet = open();
    const qint64 before = t.auditCount();
    auto r = t.run(QStringLiteral("handover.open"), QStringLiteral("zhao"),
                   {{QStringLiteral("post"), QStringLiteral("front_desk")}});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, QStringLiteral("post"));
    EXPECT_TRUE(r.error().message.en.contains(QString::number(sheet)));
    EXPECT_EQ(t.auditCount(), before);
    auto current = t->query(QStringLiteral("handover.current"),
                            {{QStringLiteral("post"), QStringLiteral("front_desk")}},
                            t.actor(QStringLiteral("zhao")));
    ASSERT_TRUE(current);
    ASSERT_EQ(current->rows.size(), 1);
    EXPECT_EQ(current->rows.first().first().toLongLong(), sheet);
}

TEST_F(HandoverTest, EachPostHasItsOwnShiftsFromThePolicy) {
    // The CS office works office hours and an after-hours watch (handover.posts in the
    // policy); the front desk the three-shift system.
    const auto at = [](int hour, int minute) { // office time on 2026-03-02
        return QDateTime(QDate(2026, 3, 2), QTime(0, 0), Clock::officeZone())
            .addSecs(hour * 3600 + minute * 60)
            .toUTC();
    };
    const Policy& p = t->policy();
    EXPECT_EQ(handover::shiftAt(p, at(9, 0), QStringLiteral("cs_office")).shift.code,
              QStringLiteral("office_hours"));
    EXPECT_EQ(handover::shiftAt(p, at(20, 0), QStringLiteral("cs_office")).shift.code,
              QStringLiteral("after_hours"));
    const auto early = handover::shiftAt(p, at(7, 0), QStringLiteral("cs_office"));
    EXPECT_EQ(early.shift.code, QStringLiteral("after_hours"));
    EXPECT_EQ(early.date, QDate(2026, 3, 1)); // began the evening before
    EXPECT_EQ(handover::shiftAt(p, at(20, 0), QStringLiteral("front_desk")).shift.code,
              QStringLiteral("evening"));
    EXPECT_EQ(handover::shiftName(p, QStringLiteral("after_hours")).zh, QStringLiteral("夜间值守"));
    // Opening the CS office's sheet at 09:00 takes its own shift.
    const qint64 office = open(QStringLiteral("chen"), QStringLiteral("cs_office"));
    auto s = handover::loadSheet(db(), office);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->shift, QStringLiteral("office_hours"));
}

TEST_F(HandoverTest, TimesAndShiftComeFromTheClock) {
    // 09:00 office time: the day shift of 2026-03-02.
    const qint64 day = open();
    auto s = handover::loadSheet(db(), day);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->shift, QStringLiteral("day"));
    EXPECT_EQ(s->shiftDate, QStringLiteral("2026-03-02"));
    EXPECT_EQ(s->openedAt, toStorage(startTime()));
    // A typed time is not a field of the action (R2-1.1).
    auto typed = t.run(QStringLiteral("handover.open"), QStringLiteral("chen"),
                       {{QStringLiteral("post"), QStringLiteral("cs_office")},
                        {QStringLiteral("opened_at"), QStringLiteral("2026-01-01T00:00:00Z")}});
    ASSERT_FALSE(typed);
    EXPECT_EQ(typed.error().field, QStringLiteral("opened_at"));
    // 23:30 office time: the evening shift; 01:00 the next day: the night shift.
    confirmAll(day);
    ASSERT_TRUE(complete(day));
    t.clock().set(QDateTime(QDate(2026, 3, 2), QTime(15, 30), Qt::UTC));
    const qint64 evening = open(QStringLiteral("chen"), QStringLiteral("front_desk"));
    auto e = handover::loadSheet(db(), evening);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->shift, QStringLiteral("evening"));
    EXPECT_EQ(e->shiftDate, QStringLiteral("2026-03-02"));
    EXPECT_EQ(handover::shiftAt(t->policy(), QDateTime(QDate(2026, 3, 2), QTime(17, 0), Qt::UTC))
                  .shift.code,
              QStringLiteral("night"));
}

TEST_F(HandoverTest, SheetQueriesListMattersAndChecklist) {
    const qint64 sheet = open();
    addMatter(sheet, QStringLiteral("业主 13812345678 来电报修"));
    auto matters = t->query(QStringLiteral("handover.matters"),
                            {{QStringLiteral("sheet_id"), sheet}}, t.actor(QStringLiteral("lixm")));
    ASSERT_TRUE(matters);
    ASSERT_EQ(matters->rows.size(), 1);
    auto checklist =
        t->query(QStringLiteral("handover.checklist"), {{QStringLiteral("sheet_id"), sheet}},
                 t.actor(QStringLiteral("lixm")));
    ASSERT_TRUE(checklist);
    EXPECT_EQ(checklist->rows.size(), 5);
    auto sheets = t->query(QStringLiteral("handover.sheets"), {}, t.actor(QStringLiteral("lixm")));
    ASSERT_TRUE(sheets);
    EXPECT_EQ(sheets->rows.size(), 1);
    // Printed text masks phone numbers (R6-3).
    auto doc = handover::handoverSheetDocument(t.services(), sheet);
    ASSERT_TRUE(doc);
    EXPECT_TRUE(doc->tables.first()
                    .rows.first()
                    .join(QLatin1Char(' '))
                    .contains(QStringLiteral("138****5678")));
    EXPECT_FALSE(doc->tables.first()
                     .rows.first()
                     .join(QLatin1Char(' '))
                     .contains(QStringLiteral("13812345678")));
}

TEST_F(HandoverTest, PrintedSheetCarriesBothSignaturesAndTheAuditHead) {
    const qint64 sheet = readySheet();
    ASSERT_TRUE(complete(sheet));
    auto doc = handover::handoverSheetDocument(t.services(), sheet);
    ASSERT_TRUE(doc);
    EXPECT_EQ(doc->title.zh, QStringLiteral("交接班记录"));
    ASSERT_EQ(doc->signatures.size(), 2);
    for (const auto& s : doc->signatures) {
        EXPECT_FALSE(s.signer.isEmpty());
        EXPECT_EQ(s.signedAt, QStringLiteral("2026-03-02 09:00"));
    }
    auto head = AuditLog::head(db());
    ASSERT_TRUE(head);
    EXPECT_EQ(doc->auditHead, head->text());
    auto log = handover::frontDeskLogDocument(t.services(), QDate(2026, 3, 2));
    ASSERT_TRUE(log);
    EXPECT_EQ(log->title.zh, QStringLiteral("前台交接日志"));
    EXPECT_EQ(log->signatures.size(), 2);
}

TEST_F(HandoverTest, DashboardShowsOpenMajorMattersAndUnacknowledgedInstructions) {
    const qint64 sheet = open();
    addMatter(sheet, QStringLiteral("车库积水"), QStringLiteral("major"));
    addMatter(sheet, QStringLiteral("小事"));
    ASSERT_TRUE(t.run(QStringLiteral("handover.add_instruction"), QStringLiteral("lixm"),
                      {{QStringLiteral("sheet_id"), sheet},
                       {QStringLiteral("issued_by"), QStringLiteral("孙经理")},
                       {QStringLiteral("text"), QStringLiteral("加强巡查")}}));
    const auto major =
        attention(QStringLiteral("handover.open_major_matters"), QStringLiteral("lixm"));
    ASSERT_EQ(major.size(), 1);
    EXPECT_TRUE(major.first().text.zh.contains(QStringLiteral("车库积水")));
    EXPECT_EQ(
        attention(QStringLiteral("handover.unacknowledged_instructions"), QStringLiteral("lixm"))
            .size(),
        1);
}

// Without the seed command's history clock the demo writes only the last shifts, at the
// present time (the spread over past days is tested through frontdeskctl seed).
TEST_F(HandoverTest, DemoSeedFillsHandoversMailAndDutyRecords) {
    const auto mods = t->modules();
    for (const Module& m : mods)
        if (m.seed) { // every area in order, as frontdeskctl seed does
            auto ok = m.seed(t.services(), t.actor(QStringLiteral("admin")), SeedOptions{});
            ASSERT_TRUE(ok) << ok.error().message.en.toStdString();
        }
    EXPECT_GE(t.count(QStringLiteral("handover_sheets")), 3);
    EXPECT_GE(t.count(QStringLiteral("mail_items")), 2);
    EXPECT_GE(t.count(QStringLiteral("duty_records")), 1);
    EXPECT_GE(t.count(QStringLiteral("duty_incidents")), 1);
    EXPECT_GE(t.count(QStringLiteral("custody_items")), 2);
    EXPECT_GE(t.count(QStringLiteral("phone_bills")), 6);
    auto chain = AuditLog::verify(t->database());
    ASSERT_TRUE(chain);
    EXPECT_TRUE(chain->ok);
}

TEST_F(HandoverTest, LargeProfileWritesTenYearsOfHistoryAMonthPerAuditedImport) {
    SeedOptions options;
    options.profile = QStringLiteral("large");
    const qint64 before = t.auditCount();
    for (const Module& m : t->modules())
        if (m.area == QStringLiteral("handover")) {
            auto ok = m.seed(t.services(), t.actor(QStringLiteral("admin")), options);
            ASSERT_TRUE(ok) << ok.error().message.en.toStdString();
        }
    EXPECT_GE(t.count(QStringLiteral("handover_sheets")), 10950);
    EXPECT_GE(t.count(QStringLiteral("handover_matters")), 54750);
    EXPECT_GE(t.count(QStringLiteral("duty_records")), 3650);
    // The demo's two clerks are added through the bus, and the history comes in as an office
    // brings its registers: one handover.import_history per month, each audited.
    auto imports = sql::scalar(db(), QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                                    "'handover.import_history'"));
    ASSERT_TRUE(imports);
    EXPECT_GE(imports->toLongLong(), 120);
    EXPECT_LE(imports->toLongLong(), 121);
    EXPECT_LE(t.auditCount(), before + 2 + imports->toLongLong());
    expectAuditNamesRegisteredActions(t);
    // A sheet of ten years ago opens with its matters, both people and the checklist.
    auto oldest = sql::scalar(db(), QStringLiteral("SELECT min(id) FROM handover_sheets"));
    ASSERT_TRUE(oldest);
    auto old = handover::loadSheet(db(), oldest->toLongLong());
    ASSERT_TRUE(old);
    EXPECT_EQ(old->shiftDate, t->clock().officeToday().addYears(-10).toString(Qt::ISODate));
    EXPECT_GE(old->matters.size(), 3);
    EXPECT_FALSE(old->outgoing.isEmpty());
    EXPECT_FALSE(old->incoming.isEmpty());
    EXPECT_EQ(old->checklist.size(), handover::checklistItems(t->policy()).size());
    // The current sheet opens on top of it with the open matters carried over.
    auto r = t.run(QStringLiteral("handover.open"), QStringLiteral("lixm"),
                   {{QStringLiteral("post"), QStringLiteral("front_desk")}});
    ASSERT_TRUE(r) << r.error().message.en.toStdString();
    EXPECT_GT(r->result.value(QStringLiteral("carried_matters")).toInt(), 0);
    auto chain = AuditLog::verify(t->database());
    ASSERT_TRUE(chain);
    EXPECT_TRUE(chain->ok);
}

} // namespace
} // namespace fd::testing
