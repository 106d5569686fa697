// Loans (R1-1.2, R1-1.1.5, R1-2.5.1, R4-1.4, R4-1.5): every rule refuses with its clause and
// writes nothing; the whole cycle from request to return.
#include "archives/archive_rules.h"
#include "archives_fixture.h"
#include "output/table_text.h"
#include "rules/policy.h"

namespace fd::testing {
namespace {

class ArchiveLoans : public ArchivesTest {
protected:
    void SetUp() override {
        volume(QStringLiteral("WY-001"), QStringLiteral("公共区域维修记录"), 4);
        fileItem(QStringLiteral("WY-001"), QStringLiteral("电梯年检报告"));
        fileItem(QStringLiteral("WY-001"), QStringLiteral("水泵维修记录"));
        volume(QStringLiteral("WY-002"), QStringLiteral("清洁检查记录"), 15);
        volume(QStringLiteral("BM-001"), QStringLiteral("营业执照"), 10,
               QStringLiteral("confidential"), QStringLiteral("S01"));
        volume(QStringLiteral("MM-001"), QStringLiteral("外包合同"), 7, QStringLiteral("secret"),
               QStringLiteral("S01"));
        volume(QStringLiteral("RS-001"), QStringLiteral("员工人事档案"), 22,
               QStringLiteral("ordinary"), QStringLiteral("A01"));
        volume(QStringLiteral("WS-001"), QStringLiteral("公司发文汇编"), 3);
    }

    // Runs a request that must be refused by the rule, with nothing written.
    void expectLoanRefused(const QVariantMap& params, const QString& ruleId, const QString& clause,
                           const QString& as = QStringLiteral("clerk1")) {
        const qint64 audit = t.auditCount();
        const qint64 loans = t.count(QStringLiteral("archive_loans"));
        const qint64 approvals = t.count(QStringLiteral("approvals"));
        QVariantMap p{{QStringLiteral("borrower_kind"), QStringLiteral("staff")},
                      {QStringLiteral("borrower_staff_id"), 501},
                      {QStringLiteral("borrower_name"), QStringLiteral("clerk1")},
                      {QStringLiteral("purpose"), QStringLiteral("查阅")},
                      {QStringLiteral("mode"), QStringLiteral("on_site")},
                      {QStringLiteral("due_date"), t.services().clock().officeToday()},
                      {QStringLiteral("volumes"), QStringLiteral("WY-001")}};
        for (auto it = params.cbegin(); it != params.cend(); ++it)
            p.insert(it.key(), it.value());
        expectRefused(t.run(QStringLiteral("archive.request_loan"), as, p), ruleId, clause);
        EXPECT_EQ(t.auditCount(), audit);
        EXPECT_EQ(t.count(QStringLiteral("archive_loans")), loans);
        EXPECT_EQ(t.count(QStringLiteral("approvals")), approvals);
    }

    // The ID document an outside borrower showed when the loan was registered.
    static QString idCard() { return QStringLiteral("身份证 110101199001011234"); }

    // A loan of WY-001 (two items) read on site by an outside organisation's auditor,
    // registered by the keeper and approved by the office manager; or a parent-company
    // inspection, registered without approval.
    qint64 visitorLoan(const QString& kind = QStringLiteral("outside")) {
        QVariantMap p{{QStringLiteral("borrower_kind"), kind},
                      {QStringLiteral("borrower_name"), QStringLiteral("李审计")},
                      {QStringLiteral("organisation"), QStringLiteral("审计事务所")},
                      {QStringLiteral("purpose"), QStringLiteral("年度审计")},
                      {QStringLiteral("mode"), QStringLiteral("on_site")},
                      {QStringLiteral("due_date"), t.services().clock().officeToday()},
                      {QStringLiteral("volumes"), QStringLiteral("WY-001")}};
        if (kind == QStringLiteral("outside")) {
            p.insert(QStringLiteral("introduction_letter"), QStringLiteral("审计〔2026〕3号"));
            p.insert(QStringLiteral("id_document"), idCard());
        }
        auto r = t.run(QStringLiteral("archive.request_loan"), QStringLiteral("keeper"), p);
        EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message.en.toStdString());
        if (!r)
            return 0;
        if (r->status == ActionResult::Status::Done)
            return r->result.value(QStringLiteral("loan_id")).toInteger();
        auto a = approve(r->approvalId, QStringLiteral("om_chen"));
        EXPECT_TRUE(a.has_value()) << (a ? "" : a.error().message.en.toStdString());
        return a ? a->result.value(QStringLiteral("executed"))
                       .toObject()
                       .value(QStringLiteral("loan_id"))
                       .toInteger()
                 : 0;
    }

    std::vector<SignatureInput> archivistOnly() const {
        return {t.sign(QStringLiteral("archivist"), QStringLiteral("keeper"))};
    }
};

QVariantMap with(QVariantMap base, const QVariantMap& extra) {
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        base.insert(it.key(), it.value());
    return base;
}

// Everything a print shows, fields and signature lines, in Chinese and English labels.
QString slipText(const archives::PrintDocument& doc) {
    QStringList out{doc.title.zh};
    for (const auto& [label, value] : doc.fields)
        out << label.zh + QLatin1Char(':') + value;
    for (const QStringList& row : doc.rows)
        out << row.join(QLatin1Char(' '));
    for (const Text& line : doc.signatureLines)
        out << line.zh << line.en;
    return out.join(QLatin1Char('\n'));
}

TEST_F(ArchiveLoans, RefusesToLendConfidentialArchive) {
    expectLoanRefused({{QStringLiteral("volumes"), QStringLiteral("BM-001")}},
                      QStringLiteral("archive-loan-no-confidential"), QStringLiteral("R1-1.2.4"));
}

TEST_F(ArchiveLoans, PersonalFileLoanWaitsForTheGeneralManagerTheKeeperIncluded) {
    addUser(QStringLiteral("keeper2"), QStringLiteral("archivist"), 503);
    for (const QString& who : {QStringLiteral("keeper2"), QStringLiteral("clerk1")}) {
        auto r = requestLoan(QStringLiteral("RS-001"), QStringLiteral("on_site"), 0, who);
        expectWaitsForApproval(r, QStringLiteral("archive-personal-files-gm"),
                               QStringLiteral("R4-1.5"));
        ASSERT_TRUE(r.has_value());
        EXPECT_EQ(r->approverRole, QStringLiteral("general_manager"));
        // The office manager's level of approval is not enough for a personal file.
        expectRefused(approve(r->approvalId, QStringLiteral("om_chen")),
                      QStringLiteral("approval-by-role"), QStringLiteral("R3-3.1"));
    }
    EXPECT_EQ(t.count(QStringLiteral("archive_loans")), 0);
}

TEST_F(ArchiveLoans, OfficialDocumentArchiveIsReadOnSiteOnly) {
    expectLoanRefused({{QStringLiteral("volumes"), QStringLiteral("WS-001")},
                       {QStringLiteral("mode"), QStringLiteral("lend")}},
                      QStringLiteral("archive-loan-official-on-site"), QStringLiteral("R1-1.2.2"));
    auto onSite = requestLoan(QStringLiteral("WS-001"), QStringLiteral("on_site"), 0);
    ASSERT_TRUE(onSite.has_value()) << onSite.error().message.en.toStdString();
    EXPECT_EQ(onSite->status, ActionResult::Status::PendingApproval);
}

TEST_F(ArchiveLoans, LeavingTheCompanyFollowsFromTheLoanNotFromAFlag) {
    // There is no "taken out of the company" box to tick or leave unticked.
    auto flagged = t.run(QStringLiteral("archive.request_loan"), QStringLiteral("clerk1"),
                         {{QStringLiteral("borrower_kind"), QStringLiteral("staff")},
                          {QStringLiteral("borrower_staff_id"), 501},
                          {QStringLiteral("borrower_name"), QStringLiteral("clerk1")},
                          {QStringLiteral("purpose"), QStringLiteral("查阅")},
                          {QStringLiteral("mode"), QStringLiteral("on_site")},
                          {QStringLiteral("due_date"), t.services().clock().officeToday()},
                          {QStringLiteral("volumes"), QStringLiteral("WY-001")},
                          {QStringLiteral("outside_company"), false}});
    ASSERT_FALSE(flagged.has_value());
    EXPECT_EQ(flagged.error().kind, Error::Kind::BadInput);
    EXPECT_EQ(flagged.error().field, QStringLiteral("outside_company"));
    // Lending to a borrower from outside takes the volume out of the building: refused.
    expectLoanRefused({{QStringLiteral("borrower_kind"), QStringLiteral("outside")},
                       {QStringLiteral("borrower_name"), QStringLiteral("李审计")},
                       {QStringLiteral("organisation"), QStringLiteral("审计事务所")},
                       {QStringLiteral("introduction_letter"), QStringLiteral("审计〔2026〕3号")},
                       {QStringLiteral("id_document"), idCard()},
                       {QStringLiteral("mode"), QStringLiteral("lend")}},
                      QStringLiteral("archive-loan-stays-in-company"), QStringLiteral("R1-2.5.1"));
    expectLoanRefused({{QStringLiteral("borrower_kind"), QStringLiteral("parent_company")},
                       {QStringLiteral("borrower_name"), QStringLiteral("张检查")},
                       {QStringLiteral("organisation"), QStringLiteral("集团公司")},
                       {QStringLiteral("mode"), QStringLiteral("lend")}},
                      QStringLiteral("archive-loan-stays-in-company"), QStringLiteral("R1-2.5.1"));
    // What the loan screen shows comes from the same rule.
    const Policy& policy = t->policy();
    EXPECT_TRUE(
        archives::loanLeavesCompany(policy, QStringLiteral("outside"), QStringLiteral("lend")));
    EXPECT_TRUE(archives::loanLeavesCompany(policy, QStringLiteral("parent_company"),
                                            QStringLiteral("lend")));
    EXPECT_FALSE(
        archives::loanLeavesCompany(policy, QStringLiteral("outside"), QStringLiteral("on_site")));
    EXPECT_FALSE(
        archives::loanLeavesCompany(policy, QStringLiteral("staff"), QStringLiteral("lend")));
    // A staff member borrows to their desk inside the company: it goes on to its approval.
    expectWaitsForApproval(requestLoan(QStringLiteral("WY-001"), QStringLiteral("lend"), 7),
                           QStringLiteral("archive-loan-staff-approval"),
                           QStringLiteral("R1-1.2.1"));
}

TEST_F(ArchiveLoans, RefusesDueDateBeyondPolicyMaximum) {
    expectLoanRefused(
        {{QStringLiteral("mode"), QStringLiteral("lend")},
         {QStringLiteral("due_date"), t.services().clock().officeToday().addDays(15)}},
        QStringLiteral("archive-loan-due-within-max"), QStringLiteral("R1-1.1.5"));
    expectLoanRefused(
        {{QStringLiteral("due_date"), t.services().clock().officeToday().addDays(-1)}},
        QStringLiteral("archive-loan-due-within-max"), QStringLiteral("R1-1.1.5"));
}

TEST_F(ArchiveLoans, OutsideOrganisationNeedsLetterIdAndLeadershipApproval) {
    expectLoanRefused({{QStringLiteral("borrower_kind"), QStringLiteral("outside")},
                       {QStringLiteral("borrower_name"), QStringLiteral("李审计")},
                       {QStringLiteral("organisation"), QStringLiteral("审计事务所")}},
                      QStringLiteral("archive-loan-outside-papers"), QStringLiteral("R1-1.2.8"));
    auto r = t.run(QStringLiteral("archive.request_loan"), QStringLiteral("keeper"),
                   {{QStringLiteral("borrower_kind"), QStringLiteral("outside")},
                    {QStringLiteral("borrower_name"), QStringLiteral("李审计")},
                    {QStringLiteral("organisation"), QStringLiteral("审计事务所")},
                    {QStringLiteral("introduction_letter"), QStringLiteral("审计〔2026〕3号")},
                    {QStringLiteral("id_document"), QStringLiteral("身份证")},
                    {QStringLiteral("purpose"), QStringLiteral("年度审计")},
                    {QStringLiteral("mode"), QStringLiteral("on_site")},
                    {QStringLiteral("due_date"), t.services().clock().officeToday()},
                    {QStringLiteral("volumes"), QStringLiteral("WY-001")}});
    expectWaitsForApproval(r, QStringLiteral("archive-loan-outside-approval"),
                           QStringLiteral("R1-1.2.8"));
    EXPECT_EQ(r->approverRole, QStringLiteral("office_manager"));
}

TEST_F(ArchiveLoans, ParentCompanyInspectionIsRegisteredWithoutApproval) {
    expectLoanRefused({{QStringLiteral("borrower_kind"), QStringLiteral("parent_company")},
                       {QStringLiteral("borrower_name"), QStringLiteral("集团检查组")}},
                      QStringLiteral("archive-loan-parent-registered"), QStringLiteral("R1-1.2.9"));
    auto r = t.run(QStringLiteral("archive.request_loan"), QStringLiteral("keeper"),
                   {{QStringLiteral("borrower_kind"), QStringLiteral("parent_company")},
                    {QStringLiteral("borrower_name"), QStringLiteral("集团检查组")},
                    {QStringLiteral("organisation"), QStringLiteral("集团公司")},
                    {QStringLiteral("purpose"), QStringLiteral("年度检查")},
                    {QStringLiteral("mode"), QStringLiteral("on_site")},
                    {QStringLiteral("due_date"), t.services().clock().officeToday()},
                    {QStringLiteral("volumes"), QStringLiteral("WY-001")}});
    ASSERT_TRUE(r.has_value()) << r.error().message.en.toStdString();
    EXPECT_EQ(r->status, ActionResult::Status::Done);
    EXPECT_EQ(scalar(QStringLiteral("SELECT approved_by FROM archive_loans")).toString(),
              QStringLiteral("registered"));
}

TEST_F(ArchiveLoans, StaffLoanWaitsForTheOfficeManager) {
    auto r = requestLoan(QStringLiteral("WY-001"));
    expectWaitsForApproval(r, QStringLiteral("archive-loan-staff-approval"),
                           QStringLiteral("R1-1.2.1"));
    EXPECT_EQ(r->approverRole, QStringLiteral("office_manager"));
    EXPECT_EQ(t.count(QStringLiteral("archive_loans")), 0);
    // The CS manager cannot decide an office-manager request.
    const qint64 audit = t.auditCount();
    expectRefused(approve(r->approvalId, QStringLiteral("csm_li")),
                  QStringLiteral("approval-by-role"), QStringLiteral("R3-3.1"));
    EXPECT_EQ(t.auditCount(), audit);
}

TEST_F(ArchiveLoans, SecretVolumeNeedsTheGeneralManagersApproval) {
    auto r = requestLoan(QStringLiteral("MM-001"));
    expectWaitsForApproval(r, QStringLiteral("archive-loan-secret-gm"), QStringLiteral("R4-1.4"));
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->approverRole, QStringLiteral("general_manager"));
    expectRefused(approve(r->approvalId, QStringLiteral("om_chen")),
                  QStringLiteral("approval-by-role"), QStringLiteral("R3-3.1"));
    auto a = approve(r->approvalId, QStringLiteral("gm_zhou"));
    ASSERT_TRUE(a.has_value()) << a.error().message.en.toStdString();
    // The GM's approval also satisfies the office-manager level: one loan, no second request.
    EXPECT_EQ(t.count(QStringLiteral("archive_loans")), 1);
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT count(*) FROM approvals WHERE status = 'pending'")).toInt(),
        0);
}

TEST_F(ArchiveLoans, RefusesNewLoanWhileBorrowerHasAnOverdueLoan) {
    const qint64 loan = approvedLoan(QStringLiteral("WY-001"), QStringLiteral("lend"), 3);
    ASSERT_TRUE(t.run(QStringLiteral("archive.lend"), QStringLiteral("keeper"),
                      {{QStringLiteral("loan_id"), loan}, {QStringLiteral("count"), 2}},
                      checkoutSignatures()));
    t.clock().advanceSeconds(5 * 86400);
    expectLoanRefused({{QStringLiteral("volumes"), QStringLiteral("WY-002")}},
                      QStringLiteral("archive-loan-none-overdue"), QStringLiteral("R1-1.1.5"));
    // Someone else may still borrow.
    auto other = requestLoan(QStringLiteral("WY-002"), QStringLiteral("on_site"), 0,
                             QStringLiteral("clerk2"));
    EXPECT_TRUE(other.has_value());
}

TEST_F(ArchiveLoans, WholeLoanCycleWithTwoSignaturesOverdueAndShortReturn) {
    const qint64 loan = approvedLoan(QStringLiteral("WY-001"), QStringLiteral("lend"), 7);
    ASSERT_GT(loan, 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT approved_by FROM archive_loans WHERE id = ?"), {loan})
                  .toString(),
              QStringLiteral("om_chen"));
    const QVariantMap out{{QStringLiteral("loan_id"), loan}, {QStringLiteral("count"), 2}};

    const qint64 audit = t.auditCount();
    // Checkout without the borrower's signature, or with someone else signing as borrower.
    expectRefused(t.run(QStringLiteral("archive.lend"), QStringLiteral("keeper"), out,
                        {t.sign(QStringLiteral("archivist"), QStringLiteral("keeper"))}),
                  QStringLiteral("archive-loan-two-signatures"), QStringLiteral("R1-1.2.5"));
    expectRefused(t.run(QStringLiteral("archive.lend"), QStringLiteral("keeper"), out,
                        checkoutSignatures(QStringLiteral("clerk2"))),
                  QStringLiteral("archive-loan-borrower-signs"), QStringLiteral("R1-1.2.5"));
    EXPECT_EQ(t.auditCount(), audit);
    // A count that differs from the catalogue is named.
    auto wrong = t.run(QStringLiteral("archive.lend"), QStringLiteral("keeper"),
                       {{QStringLiteral("loan_id"), loan}, {QStringLiteral("count"), 3}},
                       checkoutSignatures());
    ASSERT_FALSE(wrong.has_value());
    EXPECT_EQ(wrong.error().field, QStringLiteral("count"));

    auto lent =
        t.run(QStringLiteral("archive.lend"), QStringLiteral("keeper"), out, checkoutSignatures());
    ASSERT_TRUE(lent.has_value()) << lent.error().message.en.toStdString();
    auto sigs = t->signatures().forRecord(
        t->database().connection(), QStringLiteral("archive_loan_checkout"), QString::number(loan));
    ASSERT_TRUE(sigs.has_value());
    ASSERT_EQ(sigs->size(), 2);
    EXPECT_TRUE(sigs->at(0).valid && sigs->at(1).valid);

    // Departing staff: the open loan is listed for the "staff leaves" rule (R1-1.2.7).
    auto open = t->staffOpenItems().openItems(t->database().connection(), 501, true);
    ASSERT_TRUE(open.has_value());
    ASSERT_EQ(open->size(), 1);
    EXPECT_TRUE(open->first().contains(QStringLiteral("WY-001")));

    EXPECT_TRUE(
        query(QStringLiteral("archive.overdue"), {}, QStringLiteral("keeper"))->rows.isEmpty());
    t.clock().advanceSeconds(9 * 86400);
    auto overdue = query(QStringLiteral("archive.overdue"), {}, QStringLiteral("keeper"));
    ASSERT_TRUE(overdue.has_value());
    ASSERT_EQ(overdue->rows.size(), 1);
    EXPECT_EQ(overdue->rows[0][0].toLongLong(), loan);
    EXPECT_EQ(overdue->rows[0][9].toInt(), 2);
    auto slip = archives::reminderSlip(t.services(), t.actor(QStringLiteral("keeper")), loan);
    ASSERT_TRUE(slip.has_value());
    EXPECT_EQ(slip->fields[2].second, QStringLiteral("2"));
    expectReminder(t, QStringLiteral("keeper"), QStringLiteral("archive.overdue"),
                   QStringLiteral("R1-1.3.5"), QStringLiteral("#%1").arg(loan));

    // Return one item short: recorded, and an incident waits for its written report.
    auto back = t.run(QStringLiteral("archive.return"), QStringLiteral("keeper"),
                      {{QStringLiteral("loan_id"), loan},
                       {QStringLiteral("count"), 1},
                       {QStringLiteral("condition"), QStringLiteral("good")}},
                      checkoutSignatures());
    ASSERT_TRUE(back.has_value()) << back.error().message.en.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT return_count FROM archive_loans WHERE id = ?"), {loan})
                  .toInt(),
              1);
    const auto incidents = back->result.value(QStringLiteral("incidents")).toArray();
    ASSERT_EQ(incidents.size(), 1);
    EXPECT_EQ(query(QStringLiteral("archive.incidents"), {}, QStringLiteral("keeper"))->rows.size(),
              1);
    auto report = t.run(QStringLiteral("archive.report_incident"), QStringLiteral("keeper"),
                        {{QStringLiteral("incident_id"), incidents[0].toInteger()},
                         {QStringLiteral("report"),
                          QStringLiteral("借阅人遗失水泵维修记录一份，已书面报告并追究责任。")}});
    ASSERT_TRUE(report.has_value()) << report.error().message.en.toStdString();
    EXPECT_TRUE(
        query(QStringLiteral("archive.incidents"), {}, QStringLiteral("keeper"))->rows.isEmpty());
    EXPECT_TRUE(
        query(QStringLiteral("archive.overdue"), {}, QStringLiteral("keeper"))->rows.isEmpty());
    EXPECT_TRUE(t->staffOpenItems().openItems(t->database().connection(), 501, true)->isEmpty());

    // The checkout signatures still hold after the return; an edit of the signed record breaks
    // them.
    sigs = t->signatures().forRecord(
        t->database().connection(), QStringLiteral("archive_loan_checkout"), QString::number(loan));
    EXPECT_TRUE(sigs->at(0).valid);
    ASSERT_TRUE(sql::exec(
        t->database().connection(),
        QStringLiteral("UPDATE archive_loans SET checkout_count = 1 WHERE id = ?"), {loan}));
    sigs = t->signatures().forRecord(
        t->database().connection(), QStringLiteral("archive_loan_checkout"), QString::number(loan));
    EXPECT_FALSE(sigs->at(0).valid);
}

TEST_F(ArchiveLoans, StaffBorrowerSignsWithTheirOwnPasswordOnLendingAndOnReturn) {
    const qint64 loan = approvedLoan(QStringLiteral("WY-001"));
    const QVariantMap out{{QStringLiteral("loan_id"), loan}, {QStringLiteral("count"), 2}};
    const qint64 audit = t.auditCount();
    // A colleague's or a manager's password is not the borrower's signature.
    for (const QString& other : {QStringLiteral("clerk2"), QStringLiteral("om_chen")})
        expectRefused(t.run(QStringLiteral("archive.lend"), QStringLiteral("keeper"), out,
                            checkoutSignatures(other)),
                      QStringLiteral("archive-loan-borrower-signs"), QStringLiteral("R1-1.2.5"));
    EXPECT_EQ(t.auditCount(), audit);
    ASSERT_TRUE(
        t.run(QStringLiteral("archive.lend"), QStringLiteral("keeper"), out, checkoutSignatures()));

    const QVariantMap back{{QStringLiteral("loan_id"), loan},
                           {QStringLiteral("count"), 2},
                           {QStringLiteral("condition"), QStringLiteral("good")}};
    const qint64 afterLending = t.auditCount();
    expectRefused(t.run(QStringLiteral("archive.return"), QStringLiteral("keeper"), back,
                        checkoutSignatures(QStringLiteral("clerk2"))),
                  QStringLiteral("archive-loan-borrower-signs"), QStringLiteral("R1-1.2.5"));
    // A name typed on the form does not replace a staff borrower's own signature.
    expectRefused(t.run(QStringLiteral("archive.return"), QStringLiteral("keeper"),
                        with(back, {{QStringLiteral("signer_name"), QStringLiteral("clerk1")},
                                    {QStringLiteral("signer_id_document"), QStringLiteral("x")}}),
                        archivistOnly()),
                  QStringLiteral("archive-loan-two-signatures"), QStringLiteral("R1-1.2.5"));
    EXPECT_EQ(t.auditCount(), afterLending);
    auto returned = t.run(QStringLiteral("archive.return"), QStringLiteral("keeper"), back,
                          checkoutSignatures());
    ASSERT_TRUE(returned.has_value()) << returned.error().message.en.toStdString();
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT return_signer_name FROM archive_loans WHERE id = ?"), {loan})
            .toString(),
        QString());
}

TEST_F(ArchiveLoans, OutsideBorrowerSignsThePrintedSlipUnderTheRecordedNameAndId) {
    const qint64 loan = visitorLoan();
    ASSERT_GT(loan, 0);
    const QVariantMap out{{QStringLiteral("loan_id"), loan}, {QStringLiteral("count"), 2}};
    const QVariantMap paper{{QStringLiteral("signer_name"), QStringLiteral("李审计")},
                            {QStringLiteral("signer_id_document"), idCard()}};
    const qint64 audit = t.auditCount();
    // No account signs for the auditor, the borrower's colleague or anyone else.
    expectRefused(t.run(QStringLiteral("archive.lend"), QStringLiteral("keeper"), with(out, paper),
                        checkoutSignatures(QStringLiteral("clerk1"))),
                  QStringLiteral("archive-loan-borrower-signs"), QStringLiteral("R1-1.2.5"));
    // The person signing on paper is the borrower the loan names, with the same ID document.
    expectRefused(t.run(QStringLiteral("archive.lend"), QStringLiteral("keeper"),
                        with(out, {{QStringLiteral("signer_name"), QStringLiteral("王助理")},
                                   {QStringLiteral("signer_id_document"), idCard()}}),
                        archivistOnly()),
                  QStringLiteral("archive-loan-borrower-signs"), QStringLiteral("R1-1.2.5"));
    expectRefused(t.run(QStringLiteral("archive.lend"), QStringLiteral("keeper"),
                        with(out, {{QStringLiteral("signer_name"), QStringLiteral("李审计")},
                                   {QStringLiteral("signer_id_document"),
                                    QStringLiteral("身份证 310101198001019999")}}),
                        archivistOnly()),
                  QStringLiteral("archive-loan-borrower-signs"), QStringLiteral("R1-1.2.5"));
    // The archivist still signs with their password.
    expectRefused(t.run(QStringLiteral("archive.lend"), QStringLiteral("keeper"), with(out, paper)),
                  QStringLiteral("archive-loan-two-signatures"), QStringLiteral("R1-1.2.5"));
    EXPECT_EQ(t.auditCount(), audit);
    // The form names what is missing.
    auto noId = t.run(QStringLiteral("archive.lend"), QStringLiteral("keeper"),
                      with(out, {{QStringLiteral("signer_name"), QStringLiteral("李审计")}}),
                      archivistOnly());
    ASSERT_FALSE(noId.has_value());
    EXPECT_EQ(noId.error().kind, Error::Kind::BadInput);
    EXPECT_EQ(noId.error().field, QStringLiteral("signer_id_document"));

    auto lent = t.run(QStringLiteral("archive.lend"), QStringLiteral("keeper"), with(out, paper),
                      archivistOnly());
    ASSERT_TRUE(lent.has_value()) << lent.error().message.en.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT checkout_signer_name || ' / ' || "
                                    "checkout_signer_id_document FROM archive_loans WHERE id = ?"),
                     {loan})
                  .toString(),
              QStringLiteral("李审计 / ") + idCard());
    // The archivist's signature covers who signed on paper: a changed name breaks it.
    auto sigs = t->signatures().forRecord(
        t->database().connection(), QStringLiteral("archive_loan_checkout"), QString::number(loan));
    ASSERT_TRUE(sigs.has_value());
    ASSERT_EQ(sigs->size(), 1);
    EXPECT_TRUE(sigs->at(0).valid);

    // The slip is printed for the paper signature: the borrower's name and ID document, in
    // words.
    auto slip = archives::loanSlip(t.services(), t.actor(QStringLiteral("keeper")), loan);
    ASSERT_TRUE(slip.has_value()) << slip.error().message.en.toStdString();
    const QString text = slipText(*slip);
    for (const QString& word :
         {QStringLiteral("李审计"), idCard(), QStringLiteral("外单位"), QStringLiteral("现场查阅"),
          QStringLiteral("审计〔2026〕3号"), QStringLiteral("借阅人本人签字")})
        EXPECT_TRUE(text.contains(word)) << word.toStdString() << "\n" << text.toStdString();
    for (const QString& code : {QStringLiteral("outside"), QStringLiteral("on_site")})
        EXPECT_FALSE(text.contains(code)) << code.toStdString();
    ASSERT_EQ(slip->signatureLines.size(), 2);
    EXPECT_TRUE(slip->signatureLines[1].zh.contains(QStringLiteral("李审计")));
    EXPECT_TRUE(slip->signatureLines[1].zh.contains(idCard()));

    // On return the same: no account signs for the auditor, and the form names the field.
    const QVariantMap back{{QStringLiteral("loan_id"), loan},
                           {QStringLiteral("count"), 2},
                           {QStringLiteral("condition"), QStringLiteral("good")}};
    expectRefused(t.run(QStringLiteral("archive.return"), QStringLiteral("keeper"),
                        with(back, paper), checkoutSignatures(QStringLiteral("clerk2"))),
                  QStringLiteral("archive-loan-borrower-signs"), QStringLiteral("R1-1.2.5"));
    expectRefused(t.run(QStringLiteral("archive.return"), QStringLiteral("keeper"),
                        with(back, {{QStringLiteral("signer_name"), QStringLiteral("王助理")},
                                    {QStringLiteral("signer_id_document"), idCard()}}),
                        archivistOnly()),
                  QStringLiteral("archive-loan-borrower-signs"), QStringLiteral("R1-1.2.5"));
    auto noName =
        t.run(QStringLiteral("archive.return"), QStringLiteral("keeper"),
              with(back, {{QStringLiteral("signer_id_document"), idCard()}}), archivistOnly());
    ASSERT_FALSE(noName.has_value());
    EXPECT_EQ(noName.error().field, QStringLiteral("signer_name"));
    auto back2 = t.run(QStringLiteral("archive.return"), QStringLiteral("keeper"),
                       with(back, paper), archivistOnly());
    ASSERT_TRUE(back2.has_value()) << back2.error().message.en.toStdString();
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT return_signer_name FROM archive_loans WHERE id = ?"), {loan})
            .toString(),
        QStringLiteral("李审计"));
}

TEST_F(ArchiveLoans, ParentCompanyInspectorSignsOnPaperNotWithAStaffAccount) {
    const qint64 loan = visitorLoan(QStringLiteral("parent_company"));
    ASSERT_GT(loan, 0);
    const QVariantMap out{{QStringLiteral("loan_id"), loan},
                          {QStringLiteral("count"), 2},
                          {QStringLiteral("signer_name"), QStringLiteral("李审计")},
                          {QStringLiteral("signer_id_document"), QStringLiteral("工作证 JT-0098")}};
    expectRefused(t.run(QStringLiteral("archive.lend"), QStringLiteral("keeper"), out,
                        checkoutSignatures(QStringLiteral("clerk1"))),
                  QStringLiteral("archive-loan-borrower-signs"), QStringLiteral("R1-1.2.5"));
    auto lent =
        t.run(QStringLiteral("archive.lend"), QStringLiteral("keeper"), out, archivistOnly());
    ASSERT_TRUE(lent.has_value()) << lent.error().message.en.toStdString();
    auto slip = archives::loanSlip(t.services(), t.actor(QStringLiteral("keeper")), loan);
    ASSERT_TRUE(slip.has_value());
    EXPECT_TRUE(slipText(*slip).contains(QStringLiteral("工作证 JT-0098")));
    EXPECT_TRUE(slipText(*slip).contains(QStringLiteral("上级公司")));
}

TEST_F(ArchiveLoans, DamagedReturnOpensAnIncident) {
    const qint64 loan = approvedLoan(QStringLiteral("WY-001"));
    ASSERT_TRUE(t.run(QStringLiteral("archive.lend"), QStringLiteral("keeper"),
                      {{QStringLiteral("loan_id"), loan}, {QStringLiteral("count"), 2}},
                      checkoutSignatures()));
    auto back = t.run(QStringLiteral("archive.return"), QStringLiteral("keeper"),
                      {{QStringLiteral("loan_id"), loan},
                       {QStringLiteral("count"), 2},
                       {QStringLiteral("condition"), QStringLiteral("damaged")},
                       {QStringLiteral("note"), QStringLiteral("封面撕裂")}},
                      checkoutSignatures());
    ASSERT_TRUE(back.has_value()) << back.error().message.en.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT kind FROM archive_incidents")).toString(),
              QStringLiteral("damage"));
}

TEST_F(ArchiveLoans, ARequestWaitingForApprovalIsListedAsWaitingUnderItsRequestNumber) {
    auto r =
        requestLoan(QStringLiteral("WY-001"), QStringLiteral("lend"), 7, QStringLiteral("clerk1"));
    ASSERT_TRUE(r.has_value()) << r.error().message.en.toStdString();
    ASSERT_EQ(r->status, ActionResult::Status::PendingApproval);
    const auto column = [](const QueryResult& q, const char* key) {
        for (int c = 0; c < q.columns.size(); ++c)
            if (q.columns[c].key == QString::fromUtf8(key))
                return c;
        return -1;
    };
    auto waiting = query(QStringLiteral("archive.loans"), {}, QStringLiteral("keeper"));
    ASSERT_TRUE(waiting.has_value());
    ASSERT_FALSE(waiting->rows.isEmpty());
    const TableSnapshot shown = TableSnapshot::of(*waiting, true);
    EXPECT_EQ(shown.rows[0][column(*waiting, "status")], QStringLiteral("待批准"));
    EXPECT_EQ(shown.rows[0][column(*waiting, "request")], QString::number(r->approvalId));
    EXPECT_EQ(shown.rows[0][column(*waiting, "id")], QString()); // no loan yet
    EXPECT_TRUE(shown.rows[0][column(*waiting, "volumes")].contains(QStringLiteral("WY-001")));

    auto a = approve(r->approvalId, QStringLiteral("om_chen"));
    ASSERT_TRUE(a.has_value()) << a.error().message.en.toStdString();
    const qint64 loan = a->result.value(QStringLiteral("executed"))
                            .toObject()
                            .value(QStringLiteral("loan_id"))
                            .toInteger();
    auto approved = query(QStringLiteral("archive.loans"), {}, QStringLiteral("keeper"));
    ASSERT_TRUE(approved.has_value());
    // The same row now has its loan number, with the request's number beside it.
    EXPECT_EQ(approved->rows[0][column(*approved, "id")].toLongLong(), loan);
    EXPECT_EQ(approved->rows[0][column(*approved, "request")].toLongLong(), r->approvalId);
    EXPECT_NE(approved->rows[0][column(*approved, "status")].toString(),
              QStringLiteral("requested"));
}

} // namespace
} // namespace fd::testing
