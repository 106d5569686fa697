// Loans (R3-4.5.5): purpose, the supervisor's approval, the owner's authorisation, the
// escort of a viewing, returns, overdue loans, emergency sets and their countersignature,
// lost keys, and a leaver with a key out (R1-1.2.7, R5-d).
#include "keys_fixture.h"
#include "output/table_text.h"

namespace fd::testing {
namespace {

TEST_F(KeysTest, APublicKeyLentToStaffIsRegisteredWithoutApprovalAndReturnedCounted) {
    key(QStringLiteral("GG-0001"));
    auto lent =
        lendToStaff(QStringLiteral("GG-0001"),
                    {{QStringLiteral("expected_return"), QStringLiteral("2026-03-02 12:00")}});
    ASSERT_TRUE(lent) << lent.error().message.en.toStdString();
    EXPECT_EQ(lent->status, ActionResult::Status::Done);
    const qint64 loan = loanOf(*lent);
    EXPECT_EQ(status(QStringLiteral("GG-0001")), QStringLiteral("out"));
    expectReport(t, QStringLiteral("clerk"), QStringLiteral("key.out"), {},
                 QStringLiteral("R3-4.5.5"), {QStringLiteral("GG-0001"), QStringLiteral("马军")});
    // A key out is not lent twice.
    auto twice = lendToStaff(QStringLiteral("GG-0001"));
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().field, QStringLiteral("keys"));

    // The return is counted: two keys counted for a single key is refused.
    t.clock().advanceSeconds(3600);
    auto miscount = t.run(QStringLiteral("key.return"), QStringLiteral("clerk"),
                          {{QStringLiteral("loan_id"), loan},
                           {QStringLiteral("count"), 2},
                           {QStringLiteral("condition"), QStringLiteral("good")}});
    ASSERT_FALSE(miscount);
    EXPECT_EQ(miscount.error().field, QStringLiteral("count"));
    auto back = t.run(QStringLiteral("key.return"), QStringLiteral("clerk"),
                      {{QStringLiteral("loan_id"), loan},
                       {QStringLiteral("count"), 1},
                       {QStringLiteral("condition"), QStringLiteral("good")}});
    ASSERT_TRUE(back) << back.error().message.en.toStdString();
    EXPECT_EQ(status(QStringLiteral("GG-0001")), QStringLiteral("in"));
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT returned_to FROM key_loans WHERE id = ?"), {loan}).toString(),
        QStringLiteral("clerk"));
    // The slip prints the key, the borrower and the signature lines.
    const QString slip = formText(QStringLiteral("key-loan-slip"), QString::number(loan));
    for (const QString& word :
         {QStringLiteral("钥匙借用单"), QStringLiteral("GG-0001"), QStringLiteral("马军"),
          QStringLiteral("维修"), QStringLiteral("借用人签字"), QStringLiteral("归还验收人签字")})
        EXPECT_TRUE(slip.contains(word)) << word.toStdString() << " in " << slip.toStdString();
    auto history = t->query(QStringLiteral("key.history"),
                            {{QStringLiteral("tag"), QStringLiteral("GG-0001")}},
                            t.actor(QStringLiteral("clerk")));
    ASSERT_TRUE(history);
    EXPECT_EQ(history->rows.size(), 3); // registered, lent, returned
}

TEST_F(KeysTest, NoKeyLeavesWithoutAWorkPurpose) {
    key(QStringLiteral("GG-0001"));
    const qint64 audit = t.auditCount();
    expectRefused(lendToStaff(QStringLiteral("GG-0001"), {{QStringLiteral("purpose"), QString()}}),
                  QStringLiteral("key-loan-purpose"), QStringLiteral("R3-4.5.5"));
    auto privateUse = lendToStaff(QStringLiteral("GG-0001"),
                                  {{QStringLiteral("purpose"), QStringLiteral("私事")}});
    expectRefused(privateUse, QStringLiteral("key-loan-purpose"), QStringLiteral("R3-4.5.5"));
    EXPECT_TRUE(privateUse.error().message.zh.contains(QStringLiteral("私事")));
    EXPECT_EQ(t.auditCount(), audit);
    EXPECT_EQ(status(QStringLiteral("GG-0001")), QStringLiteral("in"));
    // The purpose in words is accepted and stored as its code.
    auto ok = lendToStaff(QStringLiteral("GG-0001"),
                          {{QStringLiteral("purpose"), QStringLiteral("检查巡查")}});
    ASSERT_TRUE(ok) << ok.error().message.en.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT purpose FROM key_loans")).toString(),
              QStringLiteral("inspection"));
}

TEST_F(KeysTest, EquipmentAndOwnerKeysWaitForTheSupervisorsSignedApproval) {
    key(QStringLiteral("SB-0001"), QStringLiteral("equipment"));
    auto request = lendToStaff(QStringLiteral("SB-0001"));
    expectWaitsForApproval(request, QStringLiteral("key-loan-supervisor-approval"),
                           QStringLiteral("R3-4.5.5"));
    EXPECT_EQ(status(QStringLiteral("SB-0001")), QStringLiteral("in"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM key_loans")).toLongLong(), 0);
    // A clerk cannot approve; the approval is signed by a supervisor.
    auto byClerk = approve(request->approvalId, QStringLiteral("clerk"));
    ASSERT_FALSE(byClerk);
    auto approved = approve(request->approvalId);
    ASSERT_TRUE(approved) << approved.error().message.en.toStdString();
    const qint64 loan = loanOf(*approved);
    ASSERT_GT(loan, 0);
    EXPECT_EQ(status(QStringLiteral("SB-0001")), QStringLiteral("out"));
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT approved_by FROM key_loans WHERE id = ?"), {loan}).toString(),
        QStringLiteral("sup"));

    // An owner's key lent to the owner: approval, but no authorisation needed.
    const QString ring = deposit();
    auto toOwner = t.run(QStringLiteral("key.lend"), QStringLiteral("clerk"),
                         {{QStringLiteral("keys"), ring},
                          {QStringLiteral("borrower_kind"), QStringLiteral("owner")},
                          {QStringLiteral("borrower_resident_id"), owner},
                          {QStringLiteral("purpose"), QStringLiteral("owner_use")}});
    expectWaitsForApproval(toOwner, QStringLiteral("key-loan-supervisor-approval"),
                           QStringLiteral("R3-4.5.5"));
    // The tenant is not the owner of the room.
    auto toTenant = t.run(QStringLiteral("key.lend"), QStringLiteral("clerk"),
                          {{QStringLiteral("keys"), ring},
                           {QStringLiteral("borrower_kind"), QStringLiteral("owner")},
                           {QStringLiteral("borrower_resident_id"), tenant},
                           {QStringLiteral("purpose"), QStringLiteral("owner_use")}});
    ASSERT_TRUE(toTenant); // waits: the handler's check runs on approval
    auto tenantApproved = approve(toTenant->approvalId);
    ASSERT_FALSE(tenantApproved);
    EXPECT_EQ(tenantApproved.error().field, QStringLiteral("borrower_resident_id"));
}

TEST_F(KeysTest, ALoanWaitingForApprovalStandsFirstInTheLoansListAsWaiting) {
    key(QStringLiteral("GG-0001"));
    key(QStringLiteral("SB-0001"), QStringLiteral("equipment"));
    ASSERT_TRUE(lendToStaff(QStringLiteral("GG-0001")));
    auto request = lendToStaff(QStringLiteral("SB-0001"));
    ASSERT_TRUE(request) << request.error().message.en.toStdString();
    ASSERT_EQ(request->status, ActionResult::Status::PendingApproval);
    auto list = t->query(QStringLiteral("key.loans"), {}, t.actor(QStringLiteral("clerk")));
    ASSERT_TRUE(list) << list.error().message.en.toStdString();
    ASSERT_EQ(list->rows.size(), 2);
    const QVariantList& waiting = list->rows.first();
    ASSERT_EQ(waiting.size(), list->columns.size());
    const auto cell = [&](const QVariantList& row, const QString& key) {
        for (int c = 0; c < list->columns.size(); ++c)
            if (list->columns[c].key == key)
                return cellText(list->columns[c], row.value(c), true);
        return QString();
    };
    EXPECT_EQ(cell(waiting, QStringLiteral("status")), QStringLiteral("待批准"));
    EXPECT_EQ(cell(waiting, QStringLiteral("keys")), QStringLiteral("SB-0001"));
    EXPECT_EQ(cell(waiting, QStringLiteral("borrower")), QStringLiteral("马军"));
    EXPECT_EQ(cell(waiting, QStringLiteral("purpose")), QStringLiteral("维修"));
    EXPECT_EQ(cell(waiting, QStringLiteral("request")), QString::number(request->approvalId));
    EXPECT_TRUE(cell(waiting, QStringLiteral("id")).isEmpty());
    // Approved: the loan keeps the request's number beside its own.
    auto approved = approve(request->approvalId);
    ASSERT_TRUE(approved) << approved.error().message.en.toStdString();
    list = t->query(QStringLiteral("key.loans"), {}, t.actor(QStringLiteral("clerk")));
    ASSERT_TRUE(list);
    ASSERT_EQ(list->rows.size(), 2);
    EXPECT_EQ(cell(list->rows.first(), QStringLiteral("status")), QStringLiteral("借出中"));
    EXPECT_EQ(cell(list->rows.first(), QStringLiteral("request")),
              QString::number(request->approvalId));
    EXPECT_EQ(cell(list->rows.first(), QStringLiteral("id")), QString::number(loanOf(*approved)));
}

TEST_F(KeysTest, AnOwnersKeyLentToOthersRecordsTheOwnersAuthorisationAndContact) {
    const QString ring = deposit();
    const qint64 audit = t.auditCount();
    auto refused = lendToStaff(ring);
    expectRefused(refused, QStringLiteral("key-owner-authorisation"), QStringLiteral("R3-4.5.5"));
    EXPECT_TRUE(refused.error().message.en.contains(QStringLiteral("owner_contacted_at")))
        << refused.error().message.en.toStdString();
    // Only the contact missing.
    auto noContact =
        lendToStaff(ring, {{QStringLiteral("owner_authorisation"), QStringLiteral("电话授权")}});
    expectRefused(noContact, QStringLiteral("key-owner-authorisation"), QStringLiteral("R3-4.5.5"));
    EXPECT_FALSE(noContact.error().message.en.contains(QStringLiteral("owner_authorisation")));
    EXPECT_EQ(t.auditCount(), audit);
    auto waiting = lendToStaff(
        ring, {{QStringLiteral("owner_authorisation"), QStringLiteral("电话授权")},
               {QStringLiteral("owner_contacted_at"), QStringLiteral("2026-03-02 08:40")},
               {QStringLiteral("owner_contacted_by"), QStringLiteral("王芳")}});
    expectWaitsForApproval(waiting, QStringLiteral("key-loan-supervisor-approval"),
                           QStringLiteral("R3-4.5.5"));
    auto approved = approve(waiting->approvalId);
    ASSERT_TRUE(approved) << approved.error().message.en.toStdString();
    const qint64 loan = loanOf(*approved);
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT owner_contacted_by FROM key_loans WHERE id = ?"), {loan})
            .toString(),
        QStringLiteral("王芳"));
}

TEST_F(KeysTest, AViewingNamesTheAccompanyingStaffMember) {
    const QString ring = deposit();
    const QVariantMap consent{{QStringLiteral("owner_authorisation"), QStringLiteral("书面授权")},
                              {QStringLiteral("owner_contacted_at"), QStringLiteral("08:30")},
                              {QStringLiteral("owner_contacted_by"), QStringLiteral("王芳")}};
    QVariantMap viewing = consent;
    viewing.insert(QStringLiteral("purpose"), QStringLiteral("viewing"));
    viewing.insert(QStringLiteral("borrower_kind"), QStringLiteral("outside"));
    viewing.insert(QStringLiteral("borrower_name"), QStringLiteral("赵先生"));
    viewing.insert(QStringLiteral("organisation"), QStringLiteral("安居房产中介"));
    viewing.insert(QStringLiteral("id_document"), QStringLiteral("身份证 ****8888"));
    expectRefused(lendToStaff(ring, viewing), QStringLiteral("key-viewing-escorted"),
                  QStringLiteral("R3-4.5.5"));
    viewing.insert(QStringLiteral("escort_staff_id"), escortStaff);
    auto waiting = lendToStaff(ring, viewing);
    expectWaitsForApproval(waiting, QStringLiteral("key-loan-supervisor-approval"),
                           QStringLiteral("R3-4.5.5"));
    auto approved = approve(waiting->approvalId);
    ASSERT_TRUE(approved) << approved.error().message.en.toStdString();
    const QString slip =
        formText(QStringLiteral("key-loan-slip"), QString::number(loanOf(*approved)));
    for (const QString& word : {QStringLiteral("刘洋"), QStringLiteral("安居房产中介"),
                                QStringLiteral("看房"), QStringLiteral("李娜")})
        EXPECT_TRUE(slip.contains(word)) << word.toStdString() << " in " << slip.toStdString();
    // An outside borrower's ID document is required.
    key(QStringLiteral("GG-0002"));
    auto noId = lendToStaff(QStringLiteral("GG-0002"),
                            {{QStringLiteral("borrower_kind"), QStringLiteral("outside")},
                             {QStringLiteral("borrower_name"), QStringLiteral("赵先生")},
                             {QStringLiteral("organisation"), QStringLiteral("安居房产中介")}});
    ASSERT_TRUE(noId); // a key lent outside waits for approval first
    auto noIdApproved = approve(noId->approvalId);
    ASSERT_FALSE(noIdApproved);
    EXPECT_EQ(noIdApproved.error().field, QStringLiteral("id_document"));
}

TEST_F(KeysTest, OverdueLoansAreOnTheDashboardWithTheBorrowerAndHowLong) {
    key(QStringLiteral("GG-0001"));
    auto lent = lendToStaff(QStringLiteral("GG-0001"),
                            {{QStringLiteral("expected_return"), QStringLiteral("11:00")}});
    ASSERT_TRUE(lent) << lent.error().message.en.toStdString();
    expectNoReminder(t, QStringLiteral("keeper"), QStringLiteral("key.overdue"),
                     QStringLiteral("GG-0001"));
    t.clock().advanceSeconds(5 * 3600); // 14:00, three hours late
    expectReminder(t, QStringLiteral("keeper"), QStringLiteral("key.overdue"),
                   QStringLiteral("R3-4.5.5"), QStringLiteral("马军"));
    expectReminder(t, QStringLiteral("sup"), QStringLiteral("key.overdue"),
                   QStringLiteral("R3-4.5.5"), QStringLiteral("3 小时"));
    auto overdue = t->query(QStringLiteral("key.overdue"), {}, t.actor(QStringLiteral("clerk")));
    ASSERT_TRUE(overdue);
    ASSERT_EQ(overdue->rows.size(), 1);
    ASSERT_EQ(overdue->rows[0].size(), overdue->columns.size());
    EXPECT_EQ(overdue->columns.last().key, QStringLiteral("overdue_hours"));
    EXPECT_EQ(overdue->rows[0].last().toLongLong(), 3);
    // An expected return in the past or unreadable is refused.
    key(QStringLiteral("GG-0002"));
    auto past = lendToStaff(QStringLiteral("GG-0002"),
                            {{QStringLiteral("expected_return"), QStringLiteral("09:00")}});
    ASSERT_FALSE(past);
    EXPECT_EQ(past.error().field, QStringLiteral("expected_return"));
}

TEST_F(KeysTest, TheEmergencySetLeavesOnlyInAnEmergencyAndTheSupervisorCountersigns) {
    // No set at all is flagged for each category.
    expectReminder(t, QStringLiteral("keeper"), QStringLiteral("key.emergency_incomplete"),
                   QStringLiteral("R3-4.5.5"), QStringLiteral("设备房钥匙"));
    for (const auto& [tag, category] :
         {std::pair{"YJ-01", "owner"}, std::pair{"YJ-02", "public"},
          std::pair{"YJ-03", "equipment"}, std::pair{"YJ-04", "water_meter"},
          std::pair{"YJ-05", "equipment"}})
        key(QString::fromLatin1(tag), QString::fromLatin1(category), true);
    expectNoReminder(t, QStringLiteral("sup"), QStringLiteral("key.emergency_incomplete"),
                     QStringLiteral("R3-4.5.5"));

    // Not as a regular loan.
    expectRefused(lendToStaff(QStringLiteral("YJ-02")),
                  QStringLiteral("key-emergency-set-only-in-emergency"),
                  QStringLiteral("R3-4.5.5"));
    const QVariantMap emergency{{QStringLiteral("category"), QStringLiteral("equipment")},
                                {QStringLiteral("borrower_kind"), QStringLiteral("staff")},
                                {QStringLiteral("borrower_staff_id"), techStaff}};
    // Not without the emergency named.
    expectRefused(t.run(QStringLiteral("key.lend_emergency"), QStringLiteral("clerk"), emergency),
                  QStringLiteral("key-emergency-reason"), QStringLiteral("R3-4.5.5"));
    // At once, no approval waited for.
    auto out = t.run(QStringLiteral("key.lend_emergency"), QStringLiteral("clerk"), emergency, {},
                     QStringLiteral("水泵房漏水，须立即关阀"));
    ASSERT_TRUE(out) << out.error().message.en.toStdString();
    EXPECT_EQ(out->status, ActionResult::Status::Done);
    const qint64 loan = loanOf(*out);
    EXPECT_EQ(status(QStringLiteral("YJ-03")), QStringLiteral("out"));
    EXPECT_EQ(status(QStringLiteral("YJ-05")), QStringLiteral("out"));
    // Due within the policy's 12 hours: 2026-03-02 01:00 UTC + 12 h.
    EXPECT_TRUE(out->result.value(QStringLiteral("countersign_due"))
                    .toString()
                    .startsWith(QStringLiteral("2026-03-02T13:00")));
    expectReminder(t, QStringLiteral("sup"), QStringLiteral("key.emergency_unsigned"),
                   QStringLiteral("R3-4.5.5"), QStringLiteral("YJ-03"));
    expectReminder(t, QStringLiteral("keeper"), QStringLiteral("key.emergency_incomplete"),
                   QStringLiteral("R3-4.5.5"), QStringLiteral("借出 2 把"));
    // Past the hours it stays, said to be late.
    t.clock().advanceSeconds(13 * 3600);
    expectReminder(t, QStringLiteral("sup"), QStringLiteral("key.emergency_unsigned"),
                   QStringLiteral("R3-4.5.5"), QStringLiteral("补签已超时"));
    // The countersignature is a supervisor's signature.
    auto unsigned_ = t.run(QStringLiteral("key.countersign"), QStringLiteral("sup"),
                           {{QStringLiteral("loan_id"), loan}},
                           {t.sign(QStringLiteral("countersigned"), QStringLiteral("clerk"))});
    expectRefused(unsigned_, QStringLiteral("key-emergency-countersigned"),
                  QStringLiteral("R3-4.5.5"));
    auto signedBySupervisor =
        t.run(QStringLiteral("key.countersign"), QStringLiteral("sup"),
              {{QStringLiteral("loan_id"), loan}},
              {t.sign(QStringLiteral("countersigned"), QStringLiteral("sup"))});
    ASSERT_TRUE(signedBySupervisor) << signedBySupervisor.error().message.en.toStdString();
    EXPECT_TRUE(signedBySupervisor->result.value(QStringLiteral("late")).toBool());
    expectNoReminder(t, QStringLiteral("sup"), QStringLiteral("key.emergency_unsigned"),
                     QStringLiteral("YJ-03"));
    auto back = t.run(QStringLiteral("key.return"), QStringLiteral("keeper"),
                      {{QStringLiteral("loan_id"), loan},
                       {QStringLiteral("count"), 2},
                       {QStringLiteral("condition"), QStringLiteral("good")}});
    ASSERT_TRUE(back) << back.error().message.en.toStdString();
    expectNoReminder(t, QStringLiteral("keeper"), QStringLiteral("key.emergency_incomplete"),
                     QStringLiteral("R3-4.5.5"));
}

TEST_F(KeysTest, ALostKeyIsAnIncidentTheSupervisorApprovesAndTheKeyIsRetiredWithItsHistory) {
    const QString ring = deposit();
    const QVariantMap report{
        {QStringLiteral("tag"), ring},
        {QStringLiteral("circumstances"), QStringLiteral("维修后未能找回")},
        {QStringLiteral("lock_replacement"), QStringLiteral("更换防盗门锁芯")}};
    expectRefused(t.run(QStringLiteral("key.report_lost"), QStringLiteral("clerk"), report),
                  QStringLiteral("key-lost-owner-consent"), QStringLiteral("R3-4.5.5"));
    QVariantMap withConsent = report;
    withConsent.insert(QStringLiteral("owner_consent"),
                       QStringLiteral("业主同意换锁，费用由管理处承担"));
    auto waiting = t.run(QStringLiteral("key.report_lost"), QStringLiteral("clerk"), withConsent);
    expectWaitsForApproval(waiting, QStringLiteral("key-lost-supervisor-approval"),
                           QStringLiteral("R3-4.5.5"));
    EXPECT_EQ(status(ring), QStringLiteral("in"));
    auto approved = approve(waiting->approvalId);
    ASSERT_TRUE(approved) << approved.error().message.en.toStdString();
    EXPECT_EQ(status(ring), QStringLiteral("lost"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT approved_by FROM key_incidents")).toString(),
              QStringLiteral("sup"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM key_slots WHERE custody <> 'not_held'"))
                  .toLongLong(),
              0);
    const QString history = formText(QStringLiteral("key-history"), ring);
    EXPECT_TRUE(history.contains(QStringLiteral("托管入柜"))) << history.toStdString();
    EXPECT_TRUE(history.contains(QStringLiteral("遗失"))) << history.toStdString();
    // A public key lost while out closes its loan.
    key(QStringLiteral("GG-0001"));
    auto lent = lendToStaff(QStringLiteral("GG-0001"));
    ASSERT_TRUE(lent);
    auto lost = t.run(QStringLiteral("key.report_lost"), QStringLiteral("clerk"),
                      {{QStringLiteral("tag"), QStringLiteral("GG-0001")},
                       {QStringLiteral("circumstances"), QStringLiteral("巡查途中遗失")},
                       {QStringLiteral("lock_replacement"), QStringLiteral("更换3层门锁")}});
    ASSERT_TRUE(lost);
    ASSERT_TRUE(approve(lost->approvalId));
    EXPECT_EQ(scalar(QStringLiteral("SELECT status FROM key_loans WHERE id = ?"), {loanOf(*lent)})
                  .toString(),
              QStringLiteral("returned"));
}

TEST_F(KeysTest, AStaffMemberWithAKeyOutCannotBeMarkedAsLeft) {
    key(QStringLiteral("GG-0001"));
    auto lent = lendToStaff(QStringLiteral("GG-0001"));
    ASSERT_TRUE(lent) << lent.error().message.en.toStdString();
    const qint64 audit = t.auditCount();
    auto refused = t.run(QStringLiteral("staff.leave"), QStringLiteral("hr1"),
                         {{QStringLiteral("id"), techStaff}});
    expectRefused(refused, QStringLiteral("staff-leave-open-items"), QStringLiteral("R1-1.2.7"));
    EXPECT_TRUE(refused.error().message.zh.contains(QStringLiteral("GG-0001")))
        << refused.error().message.zh.toStdString();
    EXPECT_EQ(t.auditCount(), audit);
    ASSERT_TRUE(t.run(QStringLiteral("key.return"), QStringLiteral("clerk"),
                      {{QStringLiteral("loan_id"), loanOf(*lent)},
                       {QStringLiteral("count"), 1},
                       {QStringLiteral("condition"), QStringLiteral("good")}}));
    auto left = t.run(QStringLiteral("staff.leave"), QStringLiteral("hr1"),
                      {{QStringLiteral("id"), techStaff}});
    EXPECT_TRUE(left) << left.error().message.en.toStdString();
}

} // namespace
} // namespace fd::testing
