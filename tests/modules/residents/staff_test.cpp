// Organisations, departments and staff; a staff member cannot leave while an item
// registered to them is open (R1-1.2.7, R5-d).
#include "residents_fixture.h"

namespace fd::testing {
namespace {

using namespace fd::residents;

class StaffTest : public ResidentsTest {
protected:
    void SetUp() override {
        ResidentsTest::SetUp();
        t.addUser(QStringLiteral("hr1"), {QStringLiteral("hr")}, QStringLiteral("郭燕"));
        department = ok(t.run(QStringLiteral("staff.create_department"), QStringLiteral("hr1"),
                              {{QStringLiteral("name"), QStringLiteral("客服部")}}))
                         .result.value(QStringLiteral("id"))
                         .toInteger();
    }
    qint64 createStaff(const QString& name, const QString& login = {}) {
        QVariantMap p{{QStringLiteral("name"), name},
                      {QStringLiteral("department_id"), department},
                      {QStringLiteral("post"), QStringLiteral("前台")},
                      {QStringLiteral("phone"), QStringLiteral("13811112222")}};
        if (!login.isEmpty())
            p.insert(QStringLiteral("login"), login);
        return ok(t.run(QStringLiteral("staff.create"), QStringLiteral("hr1"), p))
            .result.value(QStringLiteral("id"))
            .toInteger();
    }
    qint64 department = 0;
};

#ifdef FD_RESIDENTS_TEST_WITH_HANDOVER
// A duty the person started and has not ended is an open item of the duty log (R8-2.4): the
// registry refuses their leaving and names it.
TEST_F(StaffTest, StaffLeaveIsRefusedWhileTheirDutyIsNotEnded) {
    const qint64 id = createStaff(QStringLiteral("王芳"), QStringLiteral("clerk1"));
    auto duty = t.run(QStringLiteral("duty.start"), QStringLiteral("clerk1"), {});
    ASSERT_TRUE(duty) << duty.error().message.en.toStdString();
    const qint64 dutyId = duty->result.value(QStringLiteral("duty_id")).toInteger();
    const qint64 audit = t.auditCount();
    auto r =
        t.run(QStringLiteral("staff.leave"), QStringLiteral("hr1"), {{QStringLiteral("id"), id}});
    expectRefused(r, QStringLiteral("staff-leave-open-items"), QStringLiteral("R1-1.2.7"));
    EXPECT_TRUE(t->policy()
                    .rule(QStringLiteral("staff-leave-open-items"))
                    ->clauses.contains(QStringLiteral("R5-d")));
    EXPECT_TRUE(
        r.error().message.zh.contains(QStringLiteral("未结束的值班: #%1 2026-03-02").arg(dutyId)))
        << r.error().message.zh.toStdString();
    EXPECT_EQ(t.auditCount(), audit);
    EXPECT_TRUE(findStaff(db(), id)->active);
    EXPECT_TRUE(t->users().find(QStringLiteral("clerk1"))->active);
}
#endif

TEST_F(StaffTest, StaffLeavesOnceItemsAreReturnedAndTheirLoginIsDisabled) {
    const qint64 id = createStaff(QStringLiteral("王芳"), QStringLiteral("clerk1"));
    EXPECT_EQ(t->users().find(QStringLiteral("clerk1"))->staffId, id);
    EXPECT_EQ(findStaff(db(), id)->login, QStringLiteral("clerk1"));
    ok(t.run(QStringLiteral("staff.leave"), QStringLiteral("hr1"), {{QStringLiteral("id"), id}}));
    auto member = findStaff(db(), id);
    EXPECT_FALSE(member->active);
    EXPECT_EQ(member->leftOn, QDate(2026, 3, 2));
    EXPECT_FALSE(t->users().find(QStringLiteral("clerk1"))->active);
    EXPECT_EQ(lastAuditValues().second.value(QStringLiteral("logins_disabled")).toString(),
              QStringLiteral("clerk1"));
    EXPECT_TRUE(listStaff(db())->isEmpty());
    EXPECT_EQ(listStaff(db(), true)->size(), 1);
    // Leaving twice is refused, nothing written.
    const qint64 audit = t.auditCount();
    EXPECT_FALSE(
        t.run(QStringLiteral("staff.leave"), QStringLiteral("hr1"), {{QStringLiteral("id"), id}}));
    EXPECT_EQ(t.auditCount(), audit);
}

TEST_F(StaffTest, StaffUpdateAuditsOldAndNewValuesWithMaskedPhone) {
    const qint64 id = createStaff(QStringLiteral("王芳"));
    ok(t.run(QStringLiteral("staff.update"), QStringLiteral("hr1"),
             {{QStringLiteral("id"), id},
              {QStringLiteral("post"), QStringLiteral("客服主管")},
              {QStringLiteral("phone"), QStringLiteral("13899990000")},
              {QStringLiteral("login"), QStringLiteral("super")}}));
    const auto [oldValues, newValues] = lastAuditValues();
    EXPECT_EQ(oldValues.value(QStringLiteral("post")).toString(), QStringLiteral("前台"));
    EXPECT_EQ(newValues.value(QStringLiteral("post")).toString(), QStringLiteral("客服主管"));
    EXPECT_EQ(newValues.value(QStringLiteral("phone")).toString(), QStringLiteral("138****0000"));
    EXPECT_EQ(newValues.value(QStringLiteral("login")).toString(), QStringLiteral("super"));
    EXPECT_EQ(t->users().find(QStringLiteral("super"))->staffId, id);
    EXPECT_EQ(auditRowsContaining(QStringLiteral("13899990000")), 0);
}

TEST_F(StaffTest, RefusesUnknownDepartmentAndALoginLinkedToSomeoneElse) {
    createStaff(QStringLiteral("王芳"), QStringLiteral("clerk1"));
    const qint64 audit = t.auditCount();
    auto dept = t.run(
        QStringLiteral("staff.create"), QStringLiteral("hr1"),
        {{QStringLiteral("name"), QStringLiteral("刘洋")}, {QStringLiteral("department_id"), 999}});
    ASSERT_FALSE(dept);
    EXPECT_EQ(dept.error().field, QStringLiteral("department_id"));
    auto login = t.run(QStringLiteral("staff.create"), QStringLiteral("hr1"),
                       {{QStringLiteral("name"), QStringLiteral("刘洋")},
                        {QStringLiteral("department_id"), department},
                        {QStringLiteral("login"), QStringLiteral("clerk1")}});
    ASSERT_FALSE(login);
    EXPECT_EQ(login.error().field, QStringLiteral("login"));
    EXPECT_EQ(t.auditCount(), audit);
    EXPECT_EQ(t.count(QStringLiteral("staff")), 1);
}

TEST_F(StaffTest, ClerkMayNotManageStaff) {
    const qint64 audit = t.auditCount();
    auto r = t.run(QStringLiteral("staff.create_department"), QStringLiteral("clerk1"),
                   {{QStringLiteral("name"), QStringLiteral("维修部")}});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, Error::Kind::Refused);
    EXPECT_EQ(t.auditCount(), audit);
}

TEST_F(StaffTest, OrganisationsAreCreatedUpdatedAndNotDuplicated) {
    const qint64 id = ok(t.run(QStringLiteral("org.create"), QStringLiteral("super"),
                               {{QStringLiteral("name"), QStringLiteral("恒安电梯工程有限公司")},
                                {QStringLiteral("kind"), QStringLiteral("contractor")},
                                {QStringLiteral("contact"), QStringLiteral("吴工")},
                                {QStringLiteral("phone"), QStringLiteral("13912340001")}}))
                          .result.value(QStringLiteral("id"))
                          .toInteger();
    const qint64 audit = t.auditCount();
    auto twice = t.run(QStringLiteral("org.create"), QStringLiteral("super"),
                       {{QStringLiteral("name"), QStringLiteral("恒安电梯工程有限公司")},
                        {QStringLiteral("kind"), QStringLiteral("other")}});
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().field, QStringLiteral("name"));
    EXPECT_EQ(t.auditCount(), audit);
    ok(t.run(QStringLiteral("org.update"), QStringLiteral("super"),
             {{QStringLiteral("id"), id},
              {QStringLiteral("contact"), QStringLiteral("林工")},
              {QStringLiteral("active"), false}}));
    const auto [oldValues, newValues] = lastAuditValues();
    EXPECT_EQ(oldValues.value(QStringLiteral("contact")).toString(), QStringLiteral("吴工"));
    EXPECT_EQ(newValues.value(QStringLiteral("contact")).toString(), QStringLiteral("林工"));
    EXPECT_EQ(newValues.value(QStringLiteral("active")).toBool(), false);
    EXPECT_TRUE(listOrganisations(db())->isEmpty());
    auto all = listOrganisations(db(), true);
    ASSERT_EQ(all->size(), 1);
    EXPECT_EQ(all->first().kind, OrganisationKind::Contractor);
    // Departments may belong to an organisation; an unknown one is refused.
    auto dept = t.run(QStringLiteral("staff.create_department"), QStringLiteral("hr1"),
                      {{QStringLiteral("name"), QStringLiteral("外包维保组")},
                       {QStringLiteral("organisation_id"), 42}});
    ASSERT_FALSE(dept);
    EXPECT_EQ(dept.error().field, QStringLiteral("organisation_id"));
}

} // namespace
} // namespace fd::testing
