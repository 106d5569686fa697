#include "handover_fixture.h"

#include "audit/audit_log.h"
#include "rules/policy.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace fd::testing {
namespace {

using FrontDeskTest = HandoverFixture;

QVariantMap custodyParams() {
    return {{QStringLiteral("kind"), QStringLiteral("forwarding")},
            {QStringLiteral("item"), QStringLiteral("装修图纸")},
            {QStringLiteral("depositor"), QStringLiteral("设计公司吴工")},
            {QStringLiteral("recipient"), QStringLiteral("王先生")},
            {QStringLiteral("unit"), QStringLiteral("A-1203")}};
}

TEST_F(FrontDeskTest, UndeliveredMailCarriesToTheHandoverUntilDelivered) {
    auto a = t.run(QStringLiteral("mail.receive"), QStringLiteral("lixm"),
                   {{QStringLiteral("kind"), QStringLiteral("letter")},
                    {QStringLiteral("addressee"), QStringLiteral("王先生")},
                    {QStringLiteral("unit"), QStringLiteral("A-1203")}});
    ASSERT_TRUE(a);
    ASSERT_TRUE(t.run(QStringLiteral("mail.receive"), QStringLiteral("lixm"),
                      {{QStringLiteral("kind"), QStringLiteral("newspaper")},
                       {QStringLiteral("addressee"), QStringLiteral("刘女士")}}));
    const qint64 sheet = open();
    auto s = handover::loadSheet(db(), sheet);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->mail.size(), 2);
    ASSERT_TRUE(
        t.run(QStringLiteral("mail.deliver"), QStringLiteral("lixm"),
              {{QStringLiteral("id"), a->result.value(QStringLiteral("mail_id")).toInteger()},
               {QStringLiteral("delivered_to"), QStringLiteral("王先生")},
               {QStringLiteral("method"), QStringLiteral("signed")}}));
    s = handover::loadSheet(db(), sheet);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->mail.size(), 1);
    // Delivering twice is refused, naming the record.
    const qint64 before = t.auditCount();
    auto twice =
        t.run(QStringLiteral("mail.deliver"), QStringLiteral("lixm"),
              {{QStringLiteral("id"), a->result.value(QStringLiteral("mail_id")).toInteger()},
               {QStringLiteral("delivered_to"), QStringLiteral("王先生")},
               {QStringLiteral("method"), QStringLiteral("signed")}});
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().field, QStringLiteral("id"));
    EXPECT_EQ(t.auditCount(), before);
    // Older than the policy's days: on the dashboard.
    EXPECT_TRUE(attention(QStringLiteral("mail.undelivered"), QStringLiteral("lixm")).isEmpty());
    t.clock().advanceSeconds(4 * 24 * 3600);
    EXPECT_EQ(attention(QStringLiteral("mail.undelivered"), QStringLiteral("lixm")).size(), 1);
}

TEST_F(FrontDeskTest, ListsReadCodesAsWordsAndKeepTheRawValues) {
    ASSERT_TRUE(t.run(QStringLiteral("mail.receive"), QStringLiteral("lixm"),
                      {{QStringLiteral("kind"), QStringLiteral("newspaper")},
                       {QStringLiteral("addressee"), QStringLiteral("刘女士")}}));
    auto mail = t->query(QStringLiteral("mail.items"), {}, t.actor(QStringLiteral("lixm")));
    ASSERT_TRUE(mail);
    ASSERT_EQ(mail->rows.size(), 1);
    for (qsizetype i = 0; i < mail->columns.size(); ++i) {
        const QueryColumn& c = mail->columns[i];
        if (c.key == QStringLiteral("kind")) {
            EXPECT_EQ(mail->rows[0][i].toString(), QStringLiteral("newspaper"));
            EXPECT_EQ(c.labels.value(QStringLiteral("newspaper")).zh, QStringLiteral("报纸"));
        }
        if (c.key == QStringLiteral("status")) {
            EXPECT_EQ(c.labels.value(mail->rows[0][i].toString()).zh, QStringLiteral("待派发"));
        }
    }
}

TEST_F(FrontDeskTest, CustodyWithoutApprovalStoresOnlyTheRequest) {
    const qint64 before = t.auditCount();
    auto r = t.run(QStringLiteral("custody.request"), QStringLiteral("lixm"), custodyParams());
    fd::testing::expectWaitsForApproval(r, QStringLiteral("custody-needs-approval"),
                                        QStringLiteral("R6-4"));
    EXPECT_EQ(r->approverRole, QStringLiteral("supervisor,cs_manager"));
    EXPECT_EQ(t.count(QStringLiteral("custody_items")), 0);
    EXPECT_EQ(t.count(QStringLiteral("approvals")), 1);
    EXPECT_EQ(t.auditCount(), before + 1); // the approval request only
    EXPECT_EQ(attention(QStringLiteral("custody.pending_approvals"), QStringLiteral("chen")).size(),
              1);

    // A clerk cannot approve it.
    auto clerk = t.run(QStringLiteral("approval.approve"), QStringLiteral("zhao"),
                       {{QStringLiteral("id"), r->approvalId}},
                       {t.sign(QStringLiteral("approver"), QStringLiteral("zhao"))});
    ASSERT_FALSE(clerk);
    EXPECT_EQ(t.count(QStringLiteral("custody_items")), 0);

    // The supervisor approves with an e-signature; the request runs.
    auto ok = t.run(QStringLiteral("approval.approve"), QStringLiteral("chen"),
                    {{QStringLiteral("id"), r->approvalId}},
                    {t.sign(QStringLiteral("approver"), QStringLiteral("chen"))});
    ASSERT_TRUE(ok) << ok.error().message.en.toStdString();
    EXPECT_EQ(t.count(QStringLiteral("custody_items")), 1);
    auto approver = sql::scalar(
        db(),
        QStringLiteral(
            "SELECT u.login FROM custody_items c JOIN users u ON u.id = c.approved_by_user_id"));
    ASSERT_TRUE(approver);
    EXPECT_EQ(approver->toString(), QStringLiteral("chen"));
    EXPECT_TRUE(
        attention(QStringLiteral("custody.pending_approvals"), QStringLiteral("chen")).isEmpty());

    // Release to the recipient.
    const qint64 id = ok->result.value(QStringLiteral("executed"))
                          .toObject()
                          .value(QStringLiteral("custody_id"))
                          .toInteger();
    ASSERT_GT(id, 0);
    ASSERT_TRUE(t.run(
        QStringLiteral("custody.release"), QStringLiteral("zhao"),
        {{QStringLiteral("id"), id}, {QStringLiteral("released_to"), QStringLiteral("王先生")}}));
    auto items = t->query(QStringLiteral("custody.items"),
                          {{QStringLiteral("status"), QStringLiteral("released")}},
                          t.actor(QStringLiteral("lixm")));
    ASSERT_TRUE(items);
    EXPECT_EQ(items->rows.size(), 1);
}

TEST_F(FrontDeskTest, DepartmentManagerMayApproveCustodyInsteadOfTheSupervisor) {
    // R6-4: "approved by the supervisor or the department manager".
    auto r = t.run(QStringLiteral("custody.request"), QStringLiteral("lixm"), custodyParams());
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, ActionResult::Status::PendingApproval);
    auto inbox = t->query(QStringLiteral("approvals"), {{QStringLiteral("mine"), true}},
                          t.actor(QStringLiteral("sunjg")));
    ASSERT_TRUE(inbox);
    EXPECT_EQ(inbox->rows.size(), 1); // in the manager's inbox too
    const auto mine = attention(QStringLiteral("approvals.mine"), QStringLiteral("sunjg"));
    ASSERT_EQ(mine.size(), 1); // and on the manager's dashboard, by the action's title
    EXPECT_TRUE(mine.first().text.zh.contains(QStringLiteral("物品寄存/转交")));
    auto ok = t.run(QStringLiteral("approval.approve"), QStringLiteral("sunjg"),
                    {{QStringLiteral("id"), r->approvalId}},
                    {t.sign(QStringLiteral("approver"), QStringLiteral("sunjg"))});
    ASSERT_TRUE(ok) << ok.error().message.en.toStdString();
    auto approver = sql::scalar(
        db(),
        QStringLiteral(
            "SELECT u.login FROM custody_items c JOIN users u ON u.id = c.approved_by_user_id"));
    ASSERT_TRUE(approver);
    EXPECT_EQ(approver->toString(), QStringLiteral("sunjg"));
}

TEST_F(FrontDeskTest, SupervisorCannotApproveTheirOwnCustodyRequest) {
    auto r = t.run(QStringLiteral("custody.request"), QStringLiteral("chen"), custodyParams());
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, ActionResult::Status::PendingApproval);
    const qint64 before = t.auditCount();
    auto self = t.run(QStringLiteral("approval.approve"), QStringLiteral("chen"),
                      {{QStringLiteral("id"), r->approvalId}},
                      {t.sign(QStringLiteral("approver"), QStringLiteral("chen"))});
    fd::testing::expectRefused(self, QStringLiteral("approval-not-by-requester"),
                               QStringLiteral("R3-3.1"));
    EXPECT_EQ(t.auditCount(), before);
    EXPECT_EQ(t.count(QStringLiteral("custody_items")), 0);
}

TEST_F(FrontDeskTest, CustodyHeldBlocksTheKeeperLeaving) {
    // A clerk linked to staff record 7 keeps the item.
    ASSERT_TRUE(t->bus().execute({QStringLiteral("user.add"),
                                  {{QStringLiteral("login"), QStringLiteral("qian")},
                                   {QStringLiteral("name"), QStringLiteral("钱")},
                                   {QStringLiteral("roles"), QStringLiteral("clerk")},
                                   {QStringLiteral("password"), QStringLiteral("qian-pass")},
                                   {QStringLiteral("staff_id"), 7}},
                                  t.actor(QStringLiteral("admin")),
                                  {},
                                  {}}));
    auto r = t.run(QStringLiteral("custody.request"), QStringLiteral("qian"), custodyParams());
    ASSERT_TRUE(r);
    ASSERT_TRUE(t.run(QStringLiteral("approval.approve"), QStringLiteral("chen"),
                      {{QStringLiteral("id"), r->approvalId}},
                      {t.sign(QStringLiteral("approver"), QStringLiteral("chen"))}));
    auto open = t->staffOpenItems().openItems(db(), 7, true);
    ASSERT_TRUE(open);
    ASSERT_EQ(open->size(), 1);
    EXPECT_TRUE(open->first().contains(QStringLiteral("装修图纸")));
}

TEST_F(FrontDeskTest, PhoneLogMasksResidentsNumbers) {
    auto r = t.run(QStringLiteral("phone.log_call"), QStringLiteral("lixm"),
                   {{QStringLiteral("caller"), QStringLiteral("张先生")},
                    {QStringLiteral("caller_phone"), QStringLiteral("13812345678")},
                    {QStringLiteral("subject"), QStringLiteral("咨询停水")},
                    {QStringLiteral("follow_up"), QStringLiteral("回电 13912345678")}});
    ASSERT_TRUE(r);
    auto calls = t->query(QStringLiteral("phone.calls"), {}, t.actor(QStringLiteral("lixm")));
    ASSERT_TRUE(calls);
    ASSERT_EQ(calls->rows.size(), 1);
    EXPECT_EQ(calls->rows.first()[4].toString(), QStringLiteral("138****5678"));
    EXPECT_EQ(calls->rows.first()[6].toString(), QStringLiteral("回电 139****5678"));
    // Stored whole, but the audit row keeps it masked.
    auto stored = sql::scalar(db(), QStringLiteral("SELECT caller_phone FROM phone_calls"));
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->toString(), QStringLiteral("13812345678"));
    auto audit = sql::scalar(
        db(), QStringLiteral("SELECT new_values FROM audit_log WHERE action = 'phone.log_call'"));
    ASSERT_TRUE(audit);
    EXPECT_FALSE(audit->toString().contains(QStringLiteral("13812345678")));
    EXPECT_TRUE(audit->toString().contains(QStringLiteral("138****5678")));
}

TEST_F(FrontDeskTest, PhoneBillShowsTheExcessOverTheQuota) {
    ASSERT_TRUE(t.run(QStringLiteral("phone.record_bill"), QStringLiteral("lixm"),
                      {{QStringLiteral("month"), QStringLiteral("2026-01")},
                       {QStringLiteral("amount"), QStringLiteral("180.50")}}));
    ASSERT_TRUE(t.run(QStringLiteral("phone.record_bill"), QStringLiteral("lixm"),
                      {{QStringLiteral("month"), QStringLiteral("2026-02")},
                       {QStringLiteral("amount"), QStringLiteral("236.00")}}));
    auto bills = t->query(QStringLiteral("phone.bills"), {}, t.actor(QStringLiteral("lixm")));
    ASSERT_TRUE(bills);
    ASSERT_EQ(bills->rows.size(), 2);
    EXPECT_EQ(bills->rows[0][0].toString(), QStringLiteral("2026-02"));
    // Read in yuan, as on the bill.
    EXPECT_EQ(bills->rows[0][1].toString(), QStringLiteral("236.00"));
    EXPECT_EQ(bills->rows[0][2].toString(), QStringLiteral("200.00"));
    EXPECT_EQ(bills->rows[0][3].toString(), QStringLiteral("36.00")); // over the quota
    EXPECT_EQ(bills->rows[1][1].toString(), QStringLiteral("180.50"));
    EXPECT_EQ(bills->rows[1][3].toString(), QStringLiteral("0.00"));
    expectReport(t, QStringLiteral("lixm"), QStringLiteral("phone.bills"), {},
                 QStringLiteral("R6-2"),
                 {QStringLiteral("2026-02"), QStringLiteral("236.00"), QStringLiteral("36.00")});
    const qint64 before = t.auditCount();
    auto bad = t.run(QStringLiteral("phone.record_bill"), QStringLiteral("lixm"),
                     {{QStringLiteral("month"), QStringLiteral("2026-13")},
                      {QStringLiteral("amount"), QStringLiteral("1")}});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, QStringLiteral("month"));
    EXPECT_EQ(t.auditCount(), before);
}

TEST_F(FrontDeskTest, WaitingMailIsConfirmedFaceToFaceByTheIncomingPerson) {
    auto received = t.run(QStringLiteral("mail.receive"), QStringLiteral("lixm"),
                          {{QStringLiteral("kind"), QStringLiteral("letter")},
                           {QStringLiteral("addressee"), QStringLiteral("王先生")},
                           {QStringLiteral("unit"), QStringLiteral("A-1203")}});
    ASSERT_TRUE(received);
    const qint64 sheet = readySheet();
    qint64 before = t.auditCount();
    auto r = complete(sheet);
    expectRefused(r, QStringLiteral("handover-blocked-mail"), QStringLiteral("R6-6"), before);
    EXPECT_TRUE(r.error().message.zh.contains(QStringLiteral("A-1203")));
    EXPECT_TRUE(r.error().message.zh.contains(QStringLiteral("信、报、刊")));
    // Not the outgoing person alone, nor the incoming person alone at their own desk.
    expectRefused(t.run(QStringLiteral("handover.confirm_mail"), QStringLiteral("lixm"),
                        {{QStringLiteral("sheet_id"), sheet}}),
                  QStringLiteral("handover-mail-face-to-face"), QStringLiteral("R6-6"), before);
    expectRefused(t.run(QStringLiteral("handover.confirm_mail"), QStringLiteral("zhao"),
                        {{QStringLiteral("sheet_id"), sheet}},
                        {t.sign(QStringLiteral("incoming"), QStringLiteral("zhao"))}),
                  QStringLiteral("handover-mail-face-to-face"), QStringLiteral("R6-6"), before);
    ASSERT_TRUE(confirmMail(sheet));
    // Mail received after the check waits for its own.
    ASSERT_TRUE(t.run(QStringLiteral("mail.receive"), QStringLiteral("lixm"),
                      {{QStringLiteral("kind"), QStringLiteral("newspaper")},
                       {QStringLiteral("addressee"), QStringLiteral("刘女士")},
                       {QStringLiteral("unit"), QStringLiteral("B-0801")}}));
    before = t.auditCount();
    auto again = complete(sheet);
    expectRefused(again, QStringLiteral("handover-blocked-mail"), QStringLiteral("R6-6"), before);
    EXPECT_TRUE(again.error().message.zh.contains(QStringLiteral("B-0801")));
    EXPECT_FALSE(again.error().message.zh.contains(QStringLiteral("A-1203")));
    // Confirmed by someone who does not take over: not enough.
    ASSERT_TRUE(confirmMail(sheet, QStringLiteral("wumin")));
    expectRefused(complete(sheet), QStringLiteral("handover-blocked-mail"), QStringLiteral("R6-6"),
                  before + 1);
    ASSERT_TRUE(confirmMail(sheet));
    auto done = complete(sheet);
    ASSERT_TRUE(done) << done.error().message.en.toStdString();
    auto doc = handover::handoverSheetDocument(t.services(), sheet);
    ASSERT_TRUE(doc);
    bool printed = false;
    for (const auto& f : doc->fields)
        printed = printed || (f.label.zh.contains(QStringLiteral("信报刊")) &&
                              f.value.contains(QStringLiteral("赵丽")));
    EXPECT_TRUE(printed);
}

TEST_F(FrontDeskTest, PhoneBillQuotaIsThePolicysNotTypedOnTheBill) {
    const qint64 before = t.auditCount();
    auto typed = t.run(QStringLiteral("phone.record_bill"), QStringLiteral("lixm"),
                       {{QStringLiteral("month"), QStringLiteral("2026-02")},
                        {QStringLiteral("amount"), QStringLiteral("236.00")},
                        {QStringLiteral("quota"), QStringLiteral("300.00")}});
    ASSERT_FALSE(typed);
    EXPECT_EQ(typed.error().kind, Error::Kind::BadInput);
    EXPECT_EQ(typed.error().field, QStringLiteral("quota"));
    EXPECT_EQ(t.auditCount(), before);
    // The office sets its quota in the policy (R6-2): 250 yuan.
    auto builtIn = Policy::builtIn();
    ASSERT_TRUE(builtIn);
    QJsonObject policy = QJsonDocument::fromJson(builtIn->source()).object();
    QJsonObject params = policy.value(QStringLiteral("parameters")).toObject();
    params.insert(QStringLiteral("phone.monthly_quota_fen"), 25000);
    policy.insert(QStringLiteral("parameters"), params);
    ASSERT_TRUE(
        t.run(QStringLiteral("policy.apply"), QStringLiteral("admin"),
              {{QStringLiteral("policy"), QString::fromUtf8(QJsonDocument(policy).toJson())}}));
    auto r = t.run(QStringLiteral("phone.record_bill"), QStringLiteral("lixm"),
                   {{QStringLiteral("month"), QStringLiteral("2026-02")},
                    {QStringLiteral("amount"), QStringLiteral("262.00")}});
    ASSERT_TRUE(r) << r.error().message.en.toStdString();
    EXPECT_EQ(r->result.value(QStringLiteral("excess_fen")).toInteger(), 1200);
    auto bills = t->query(QStringLiteral("phone.bills"), {}, t.actor(QStringLiteral("lixm")));
    ASSERT_TRUE(bills);
    ASSERT_EQ(bills->rows.size(), 1);
    EXPECT_EQ(bills->rows[0][2].toString(), QStringLiteral("250.00"));
    EXPECT_EQ(bills->rows[0][3].toString(), QStringLiteral("12.00"));
}

} // namespace
} // namespace fd::testing
