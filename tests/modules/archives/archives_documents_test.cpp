// Documents (R4): incoming routing, review before issue, immutability and versions, loans.
#include "archives_fixture.h"

namespace fd::testing {
namespace {

class Documents : public ArchivesTest {
protected:
    qint64 incoming(const QString& title = QStringLiteral("关于消防检查的通知"),
                    const QString& level = QStringLiteral("ordinary")) {
        auto r = t.run(QStringLiteral("document.register_incoming"), QStringLiteral("keeper"),
                       {{QStringLiteral("title"), title},
                        {QStringLiteral("sender"), QStringLiteral("区消防支队")},
                        {QStringLiteral("doc_date"), QDate(2026, 2, 27)},
                        {QStringLiteral("doc_type"), QStringLiteral("通知")},
                        {QStringLiteral("confidentiality"), level}});
        EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message.en.toStdString());
        return r->result.value(QStringLiteral("document_id")).toInteger();
    }
    qint64 draft(const QString& kind) {
        auto r = t.run(QStringLiteral("document.draft"), QStringLiteral("keeper"),
                       {{QStringLiteral("kind"), kind},
                        {QStringLiteral("title"), QStringLiteral("关于申请维修基金的请示")},
                        {QStringLiteral("body"), QStringLiteral("正文")},
                        {QStringLiteral("department"), QStringLiteral("客服部")}});
        EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message.en.toStdString());
        return r->result.value(QStringLiteral("document_id")).toInteger();
    }
    void expectDocRefused(const QString& action, const QString& as, const QVariantMap& p,
                          const QString& rule, const QString& clause,
                          const std::vector<SignatureInput>& sigs = {}) {
        const qint64 audit = t.auditCount();
        expectRefused(t.run(action, as, p, sigs), rule, clause);
        EXPECT_EQ(t.auditCount(), audit);
    }
};

TEST_F(Documents, IncomingDocumentIsRoutedThroughTheGeneralManager) {
    const qint64 id = incoming();
    EXPECT_EQ(scalar(QStringLiteral("SELECT number FROM documents WHERE id = ?"), {id}).toString(),
              QStringLiteral("收〔2026〕001号"));
    const QVariantMap assign{{QStringLiteral("id"), id},
                             {QStringLiteral("department"), QStringLiteral("客服部")}};
    expectDocRefused(QStringLiteral("document.assign"), QStringLiteral("keeper"), assign,
                     QStringLiteral("document-routed-after-instructions"),
                     QStringLiteral("R4-2.1"));
    expectDocRefused(
        QStringLiteral("document.instruct"), QStringLiteral("keeper"),
        {{QStringLiteral("id"), id}, {QStringLiteral("instructions"), QStringLiteral("请办理")}},
        QStringLiteral("document-instructions-by-gm"), QStringLiteral("R4-2.1"));
    expectDocRefused(
        QStringLiteral("document.record_result"), QStringLiteral("keeper"),
        {{QStringLiteral("id"), id}, {QStringLiteral("result"), QStringLiteral("完成")}},
        QStringLiteral("document-result-after-assignment"), QStringLiteral("R4-1.11"));
    ASSERT_EQ(query(QStringLiteral("documents.pending"), {}, QStringLiteral("keeper"))->rows.size(),
              1);

    ASSERT_TRUE(t.run(QStringLiteral("document.instruct"), QStringLiteral("gm_zhou"),
                      {{QStringLiteral("id"), id},
                       {QStringLiteral("instructions"), QStringLiteral("请客服部办理")}}));
    ASSERT_TRUE(t.run(QStringLiteral("document.circulate"), QStringLiteral("keeper"),
                      {{QStringLiteral("id"), id},
                       {QStringLiteral("managers"), QStringLiteral("客服部经理,工程部经理")}}));
    ASSERT_TRUE(t.run(QStringLiteral("document.assign"), QStringLiteral("keeper"), assign));
    volume(QStringLiteral("WS-001"), QStringLiteral("上级来文"), 2);
    expectDocRefused(QStringLiteral("document.file"), QStringLiteral("keeper"),
                     {{QStringLiteral("id"), id},
                      {QStringLiteral("volume"), QStringLiteral("WS-001")},
                      {QStringLiteral("pages"), 2},
                      {QStringLiteral("responsible"), QStringLiteral("林静")}},
                     QStringLiteral("document-filed-when-done"), QStringLiteral("R4-2.1"),
                     {t.sign(QStringLiteral("handed_over"), QStringLiteral("clerk1")),
                      t.sign(QStringLiteral("received"), QStringLiteral("keeper"))});
    ASSERT_TRUE(t.run(QStringLiteral("document.record_result"), QStringLiteral("clerk1"),
                      {{QStringLiteral("id"), id},
                       {QStringLiteral("result"), QStringLiteral("已完成消防检查")}}));
    EXPECT_TRUE(
        query(QStringLiteral("documents.pending"), {}, QStringLiteral("keeper"))->rows.isEmpty());
    auto filed = t.run(QStringLiteral("document.file"), QStringLiteral("keeper"),
                       {{QStringLiteral("id"), id},
                        {QStringLiteral("volume"), QStringLiteral("WS-001")},
                        {QStringLiteral("pages"), 2},
                        {QStringLiteral("responsible"), QStringLiteral("林静")}},
                       {t.sign(QStringLiteral("handed_over"), QStringLiteral("clerk1")),
                        t.sign(QStringLiteral("received"), QStringLiteral("keeper"))});
    ASSERT_TRUE(filed.has_value()) << filed.error().message.en.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT status FROM documents WHERE id = ?"), {id}).toString(),
              QStringLiteral("filed"));
    auto items =
        query(QStringLiteral("archive.items"),
              {{QStringLiteral("volume"), QStringLiteral("WS-001")}}, QStringLiteral("keeper"));
    ASSERT_EQ(items->rows.size(), 1);
    EXPECT_TRUE(items->rows[0][1].toString().contains(QStringLiteral("消防检查")));
}

TEST_F(Documents, InstructionsAreGivenOnlyOnceOnARegisteredIncomingDocument) {
    const qint64 id = incoming();
    const QVariantMap instruct{{QStringLiteral("id"), id},
                               {QStringLiteral("instructions"), QStringLiteral("请客服部办理")}};
    ASSERT_TRUE(t.run(QStringLiteral("document.instruct"), QStringLiteral("gm_zhou"), instruct));
    expectDocRefused(QStringLiteral("document.instruct"), QStringLiteral("gm_zhou"), instruct,
                     QStringLiteral("document-incoming-registered-first"),
                     QStringLiteral("R4-2.1"));
}

TEST_F(Documents, OnlyADraftIsReviewedForIssue) {
    const qint64 id = draft(QStringLiteral("outgoing"));
    const std::vector<SignatureInput> gm{
        t.sign(QStringLiteral("approver"), QStringLiteral("gm_zhou"))};
    ASSERT_TRUE(t.run(QStringLiteral("document.approve"), QStringLiteral("keeper"),
                      {{QStringLiteral("id"), id}}, gm));
    expectDocRefused(QStringLiteral("document.approve"), QStringLiteral("keeper"),
                     {{QStringLiteral("id"), id}}, QStringLiteral("document-approve-drafts"),
                     QStringLiteral("R4-2.2"), gm);
}

TEST_F(Documents, OutgoingIsIssuedOnlyAfterTheGeneralManagersReview) {
    const qint64 id = draft(QStringLiteral("outgoing"));
    expectDocRefused(QStringLiteral("document.issue"), QStringLiteral("keeper"),
                     {{QStringLiteral("id"), id}}, QStringLiteral("document-outgoing-reviewed"),
                     QStringLiteral("R4-2.2"));
    expectDocRefused(QStringLiteral("document.approve"), QStringLiteral("keeper"),
                     {{QStringLiteral("id"), id}}, QStringLiteral("document-approval-by-authority"),
                     QStringLiteral("R4-2.2"),
                     {t.sign(QStringLiteral("approver"), QStringLiteral("om_chen"))});
    ASSERT_TRUE(t.run(QStringLiteral("document.approve"), QStringLiteral("keeper"),
                      {{QStringLiteral("id"), id}},
                      {t.sign(QStringLiteral("approver"), QStringLiteral("gm_zhou"))}));
    auto issued = t.run(QStringLiteral("document.issue"), QStringLiteral("keeper"),
                        {{QStringLiteral("id"), id}});
    ASSERT_TRUE(issued.has_value()) << issued.error().message.en.toStdString();
    EXPECT_EQ(issued->result.value(QStringLiteral("number")).toString(),
              QStringLiteral("发〔2026〕001号"));

    // Issued: immutable (R4-1.9); a change is a new version linked to the old.
    expectDocRefused(QStringLiteral("document.edit"), QStringLiteral("keeper"),
                     {{QStringLiteral("id"), id}, {QStringLiteral("title"), QStringLiteral("改")}},
                     QStringLiteral("document-issued-immutable"), QStringLiteral("R4-1.9"));
    EXPECT_FALSE(sql::exec(t->database().connection(),
                           QStringLiteral("UPDATE documents SET title = 'x' WHERE id = ?"), {id})
                     .has_value());
    auto v2 = t.run(QStringLiteral("document.revise"), QStringLiteral("keeper"),
                    {{QStringLiteral("id"), id},
                     {QStringLiteral("title"), QStringLiteral("关于申请维修基金的请示（修订）")}});
    ASSERT_TRUE(v2.has_value()) << v2.error().message.en.toStdString();
    const qint64 next = v2->result.value(QStringLiteral("document_id")).toInteger();
    EXPECT_EQ(scalar(QStringLiteral("SELECT version || ':' || previous_id || ':' || status FROM "
                                    "documents WHERE id = ?"),
                     {next})
                  .toString(),
              QStringLiteral("2:%1:draft").arg(id));
    expectDocRefused(QStringLiteral("document.revise"), QStringLiteral("keeper"),
                     {{QStringLiteral("id"), next}}, QStringLiteral("document-revise-issued"),
                     QStringLiteral("R4-1.9"));
}

TEST_F(Documents, InternalDocumentNeedsTheDepartmentManagersSignature) {
    const qint64 id = draft(QStringLiteral("internal"));
    expectDocRefused(QStringLiteral("document.issue"), QStringLiteral("keeper"),
                     {{QStringLiteral("id"), id}}, QStringLiteral("document-internal-signed"),
                     QStringLiteral("R4-2.3"));
    ASSERT_TRUE(t.run(QStringLiteral("document.approve"), QStringLiteral("keeper"),
                      {{QStringLiteral("id"), id}},
                      {t.sign(QStringLiteral("approver"), QStringLiteral("csm_li"))}));
    auto issued = t.run(QStringLiteral("document.issue"), QStringLiteral("keeper"),
                        {{QStringLiteral("id"), id}});
    ASSERT_TRUE(issued.has_value());
    EXPECT_EQ(issued->result.value(QStringLiteral("number")).toString(),
              QStringLiteral("内〔2026〕001号"));
}

TEST_F(Documents, HandledOrIssuedButNotFiledAppearOnTheDocumentClerksDashboard) {
    const QString source = QStringLiteral("documents.unfiled");
    // An incoming document handled today.
    const qint64 in = incoming();
    ASSERT_TRUE(t.run(QStringLiteral("document.instruct"), QStringLiteral("gm_zhou"),
                      {{QStringLiteral("id"), in},
                       {QStringLiteral("instructions"), QStringLiteral("请客服部办理")}}));
    ASSERT_TRUE(t.run(
        QStringLiteral("document.assign"), QStringLiteral("keeper"),
        {{QStringLiteral("id"), in}, {QStringLiteral("department"), QStringLiteral("客服部")}}));
    ASSERT_TRUE(t.run(QStringLiteral("document.record_result"), QStringLiteral("clerk1"),
                      {{QStringLiteral("id"), in},
                       {QStringLiteral("result"), QStringLiteral("已完成消防检查")}}));
    // An outgoing document issued today.
    const qint64 out = draft(QStringLiteral("outgoing"));
    ASSERT_TRUE(t.run(QStringLiteral("document.approve"), QStringLiteral("keeper"),
                      {{QStringLiteral("id"), out}},
                      {t.sign(QStringLiteral("approver"), QStringLiteral("gm_zhou"))}));
    ASSERT_TRUE(t.run(QStringLiteral("document.issue"), QStringLiteral("keeper"),
                      {{QStringLiteral("id"), out}}));
    // Within the policy's days: nothing yet.
    const int days = t->policy().intParameter(QStringLiteral("archives.document_filing_days"), 0);
    ASSERT_GT(days, 0);
    t.clock().advanceSeconds(qint64(days - 1) * 86400);
    EXPECT_TRUE(attention(source, QStringLiteral("clerk1")).isEmpty());
    // After them: both, on the document clerk's dashboard, in words with the clause.
    t.clock().advanceSeconds(2 * 86400);
    auto items = attention(source, QStringLiteral("clerk1"));
    ASSERT_EQ(items.size(), 2);
    QStringList texts;
    for (const auto& i : items)
        texts << i.text.zh;
    const QString all = texts.join(QLatin1Char('\n'));
    EXPECT_TRUE(all.contains(QStringLiteral("收〔2026〕001号"))) << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("发〔2026〕001号"))) << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("已办结"))) << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("已签发"))) << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("R1-1.1.2(2)⑦"))) << all.toStdString();
    EXPECT_FALSE(all.contains(QStringLiteral("handled"))) << all.toStdString();
    EXPECT_TRUE(items[0].since.isValid());
    expectReminder(t, QStringLiteral("clerk1"), source, QStringLiteral("R1-1.1.2(2)⑦"),
                   QStringLiteral("收〔2026〕001号"));
    // Not the front desk's concern.
    EXPECT_TRUE(attention(source, QStringLiteral("front")).isEmpty());
    // Filed: it leaves the dashboard.
    volume(QStringLiteral("WS-001"), QStringLiteral("上级来文"), 2);
    ASSERT_TRUE(t.run(QStringLiteral("document.file"), QStringLiteral("keeper"),
                      {{QStringLiteral("id"), in},
                       {QStringLiteral("volume"), QStringLiteral("WS-001")},
                       {QStringLiteral("pages"), 2},
                       {QStringLiteral("responsible"), QStringLiteral("林静")}},
                      {t.sign(QStringLiteral("handed_over"), QStringLiteral("clerk1")),
                       t.sign(QStringLiteral("received"), QStringLiteral("keeper"))}));
    items = attention(source, QStringLiteral("clerk1"));
    ASSERT_EQ(items.size(), 1);
    EXPECT_EQ(items[0].entityId, QString::number(out));
}

TEST_F(Documents, IssuedDocumentIsRemindedUntilRecordedAsCarriedOut) {
    const QString source = QStringLiteral("documents.not_carried_out");
    const qint64 id = draft(QStringLiteral("internal"));
    const QVariantMap done{{QStringLiteral("id"), id},
                           {QStringLiteral("note"), QStringLiteral("各班组已按通知执行")}};
    // Only an issued document is carried out.
    expectDocRefused(QStringLiteral("document.record_execution"), QStringLiteral("keeper"), done,
                     QStringLiteral("document-execution-after-issue"), QStringLiteral("R4-1.8"));
    EXPECT_TRUE(attention(source, QStringLiteral("clerk1")).isEmpty());
    ASSERT_TRUE(t.run(QStringLiteral("document.approve"), QStringLiteral("keeper"),
                      {{QStringLiteral("id"), id}},
                      {t.sign(QStringLiteral("approver"), QStringLiteral("csm_li"))}));
    ASSERT_TRUE(t.run(QStringLiteral("document.issue"), QStringLiteral("keeper"),
                      {{QStringLiteral("id"), id}}));
    // Issued: its execution status is "not yet carried out", and the reminder stays.
    auto list =
        query(QStringLiteral("documents"), {{QStringLiteral("kind"), QStringLiteral("internal")}},
              QStringLiteral("clerk1"));
    ASSERT_TRUE(list.has_value());
    int col = -1;
    for (int c = 0; c < list->columns.size(); ++c)
        if (list->columns[c].key == QStringLiteral("execution_status"))
            col = c;
    ASSERT_GE(col, 0);
    EXPECT_EQ(list->columns[col].labels.value(list->rows[0][col].toString()).zh,
              QStringLiteral("待执行"));
    for (const QString& who : {QStringLiteral("clerk1"), QStringLiteral("csm_li")}) {
        auto items = attention(source, who);
        ASSERT_EQ(items.size(), 1) << who.toStdString();
        EXPECT_TRUE(items[0].text.zh.contains(QStringLiteral("内〔2026〕001号")));
        EXPECT_TRUE(items[0].text.en.contains(QStringLiteral("R4-1.8")));
        expectReminder(t, who, source, QStringLiteral("R4-1.8"), QStringLiteral("内〔2026〕001号"));
    }
    t.clock().advanceSeconds(30 * 86400);
    EXPECT_EQ(attention(source, QStringLiteral("clerk1")).size(), 1);
    // The record names the missing field, then ends the reminder.
    auto noNote =
        t.run(QStringLiteral("document.record_execution"), QStringLiteral("clerk1"),
              {{QStringLiteral("id"), id}, {QStringLiteral("note"), QStringLiteral(" ")}});
    ASSERT_FALSE(noNote.has_value());
    EXPECT_EQ(noNote.error().field, QStringLiteral("note"));
    auto recorded =
        t.run(QStringLiteral("document.record_execution"), QStringLiteral("clerk1"), done);
    ASSERT_TRUE(recorded.has_value()) << recorded.error().message.en.toStdString();
    EXPECT_TRUE(attention(source, QStringLiteral("clerk1")).isEmpty());
    list = query(QStringLiteral("documents"),
                 {{QStringLiteral("kind"), QStringLiteral("internal")}}, QStringLiteral("clerk1"));
    EXPECT_EQ(list->columns[col].labels.value(list->rows[0][col].toString()).zh,
              QStringLiteral("已执行"));
}

TEST_F(Documents, DocumentLoanRecordsPurposeHandlerAndSecretNeedsTheGeneralManager) {
    const qint64 ordinary = incoming();
    const QDate due = t.services().clock().officeToday().addDays(3);
    auto lent = t.run(QStringLiteral("document.lend"), QStringLiteral("keeper"),
                      {{QStringLiteral("id"), ordinary},
                       {QStringLiteral("borrower"), QStringLiteral("clerk1")},
                       {QStringLiteral("purpose"), QStringLiteral("核对检查要求")},
                       {QStringLiteral("handler"), QStringLiteral("林静")},
                       {QStringLiteral("due_date"), due}});
    ASSERT_TRUE(lent.has_value()) << lent.error().message.en.toStdString();
    EXPECT_EQ(t->staffOpenItems().openItems(t->database().connection(), 501, true)->size(), 1);
    const qint64 secret = incoming(QStringLiteral("关于人事调整的通知"), QStringLiteral("secret"));
    auto r = t.run(QStringLiteral("document.lend"), QStringLiteral("keeper"),
                   {{QStringLiteral("id"), secret},
                    {QStringLiteral("borrower"), QStringLiteral("clerk2")},
                    {QStringLiteral("purpose"), QStringLiteral("查阅")},
                    {QStringLiteral("handler"), QStringLiteral("林静")},
                    {QStringLiteral("due_date"), due}});
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->status, ActionResult::Status::PendingApproval);
    EXPECT_EQ(r->approverRole, QStringLiteral("general_manager"));
    EXPECT_EQ(r->result.value(QStringLiteral("clause")).toString(), QStringLiteral("R4-1.4"));
    const qint64 confidential =
        incoming(QStringLiteral("董事会决议"), QStringLiteral("confidential"));
    expectDocRefused(QStringLiteral("document.lend"), QStringLiteral("keeper"),
                     {{QStringLiteral("id"), confidential},
                      {QStringLiteral("borrower"), QStringLiteral("clerk2")},
                      {QStringLiteral("purpose"), QStringLiteral("查阅")},
                      {QStringLiteral("handler"), QStringLiteral("林静")},
                      {QStringLiteral("due_date"), due}},
                     QStringLiteral("archive-loan-no-confidential"), QStringLiteral("R1-1.2.4"));
}

} // namespace
} // namespace fd::testing
