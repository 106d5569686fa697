// With the residents area built: a departing staff member's open archive loan blocks "staff
// leaves" (R1-1.2.7, R5-d) through the check the staff registry runs; after the return they may
// leave.
#include "archives_fixture.h"

namespace fd::testing {
namespace {

class ArchivesStaffLeave : public ArchivesTest {
protected:
    void SetUp() override {
        volume(QStringLiteral("WY-001"), QStringLiteral("公共区域维修记录"), 4);
        fileItem(QStringLiteral("WY-001"), QStringLiteral("电梯年检报告"));
        fileItem(QStringLiteral("WY-001"), QStringLiteral("水泵维修记录"));
        addUser(QStringLiteral("hr1"), QStringLiteral("hr"));
        // A borrower known only to the staff registry: staff.create links the login.
        addUser(QStringLiteral("clerk3"), QStringLiteral("doc_clerk"));
        auto dept = t.run(QStringLiteral("staff.create_department"), QStringLiteral("hr1"),
                          {{QStringLiteral("name"), QStringLiteral("客服部")}});
        ASSERT_TRUE(dept.has_value()) << dept.error().message.en.toStdString();
        auto member = t.run(QStringLiteral("staff.create"), QStringLiteral("hr1"),
                            {{QStringLiteral("name"), QStringLiteral("赵敏")},
                             {QStringLiteral("department_id"),
                              dept->result.value(QStringLiteral("id")).toInteger()},
                             {QStringLiteral("post"), QStringLiteral("资料员")},
                             {QStringLiteral("login"), QStringLiteral("clerk3")}});
        ASSERT_TRUE(member.has_value()) << member.error().message.en.toStdString();
        staffId = member->result.value(QStringLiteral("id")).toInteger();
        ASSERT_GT(staffId, 0);
    }

    Result<ActionResult> leave() {
        return t.run(QStringLiteral("staff.leave"), QStringLiteral("hr1"),
                     {{QStringLiteral("id"), staffId}});
    }

    qint64 staffId = 0;
};

TEST_F(ArchivesStaffLeave, OpenArchiveLoanBlocksLeavingUntilReturned) {
    // The borrower's login carries the residents' staff id, which the loan records.
    EXPECT_EQ(t.actor(QStringLiteral("clerk3")).staffId, staffId);
    auto request =
        requestLoan(QStringLiteral("WY-001"), QStringLiteral("lend"), 7, QStringLiteral("clerk3"));
    ASSERT_TRUE(request.has_value()) << request.error().message.en.toStdString();
    ASSERT_EQ(request->status, ActionResult::Status::PendingApproval);
    auto approved = approve(request->approvalId, QStringLiteral("om_chen"));
    ASSERT_TRUE(approved.has_value()) << approved.error().message.en.toStdString();
    const qint64 loan = approved->result.value(QStringLiteral("executed"))
                            .toObject()
                            .value(QStringLiteral("loan_id"))
                            .toInteger();
    ASSERT_GT(loan, 0);
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT borrower_staff_id FROM archive_loans WHERE id = ?"), {loan})
            .toLongLong(),
        staffId);
    auto lent = t.run(QStringLiteral("archive.lend"), QStringLiteral("keeper"),
                      {{QStringLiteral("loan_id"), loan}, {QStringLiteral("count"), 2}},
                      checkoutSignatures(QStringLiteral("clerk3")));
    ASSERT_TRUE(lent.has_value()) << lent.error().message.en.toStdString();

    // Refused with the rule and clause, the loan named, nothing written.
    const qint64 audit = t.auditCount();
    auto refused = leave();
    fd::testing::expectRefused(refused, QStringLiteral("staff-leave-open-items"),
                               QStringLiteral("R1-1.2.7"));
    EXPECT_TRUE(refused.error().clause.contains(QStringLiteral("R1-1.2.7")))
        << refused.error().clause.toStdString();
    EXPECT_TRUE(refused.error().message.zh.contains(QStringLiteral("WY-001")))
        << refused.error().message.zh.toStdString();
    EXPECT_EQ(t.auditCount(), audit);
    EXPECT_EQ(scalar(QStringLiteral("SELECT status FROM staff WHERE id = ?"), {staffId}).toString(),
              QStringLiteral("active"));
    EXPECT_TRUE(t->users().find(QStringLiteral("clerk3"))->active);

    auto back = t.run(QStringLiteral("archive.return"), QStringLiteral("keeper"),
                      {{QStringLiteral("loan_id"), loan},
                       {QStringLiteral("count"), 2},
                       {QStringLiteral("condition"), QStringLiteral("good")}},
                      checkoutSignatures(QStringLiteral("clerk3")));
    ASSERT_TRUE(back.has_value()) << back.error().message.en.toStdString();

    auto left = leave();
    ASSERT_TRUE(left.has_value()) << left.error().message.en.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT status FROM staff WHERE id = ?"), {staffId}).toString(),
              QStringLiteral("left"));
    EXPECT_FALSE(t->users().find(QStringLiteral("clerk3"))->active);
}

} // namespace
} // namespace fd::testing
