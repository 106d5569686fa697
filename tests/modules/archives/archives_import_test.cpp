// archive.import: an existing archive (paper or Excel registers, the large profile) comes in
// by batch through the gate, indexed for search, its loans open and print like live ones,
// and a bad row is refused by name with nothing written.
#include "archives_fixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fd::testing {
namespace {

class ArchiveImportTest : public ArchivesTest {
protected:
    // A volume of 2016 with two items.
    static QJsonObject volume2016(const QString& number,
                                  const QString& level = QStringLiteral("ordinary"),
                                  const QString& cabinet = QStringLiteral("A01")) {
        return {
            {QStringLiteral("number"), number},
            {QStringLiteral("title"), QStringLiteral("二〇一六年电梯维修保养记录")},
            {QStringLiteral("category"), QStringLiteral("S4")},
            {QStringLiteral("department"), QStringLiteral("客服部")},
            {QStringLiteral("retention_years"), 10},
            {QStringLiteral("confidentiality"), level},
            {QStringLiteral("cabinet"), cabinet},
            {QStringLiteral("shelf"), QStringLiteral("3")},
            {QStringLiteral("date_from"), QStringLiteral("2016-01-01")},
            {QStringLiteral("date_to"), QStringLiteral("2016-12-31")},
            {QStringLiteral("items"),
             QJsonArray{QJsonObject{{QStringLiteral("title"), QStringLiteral("一号梯年检报告")},
                                    {QStringLiteral("item_date"), QStringLiteral("2016-03-15")},
                                    {QStringLiteral("pages"), 4},
                                    {QStringLiteral("responsible"), QStringLiteral("王芳")}},
                        QJsonObject{{QStringLiteral("title"), QStringLiteral("二号梯维修单")},
                                    {QStringLiteral("item_date"), QStringLiteral("2016-07-02")},
                                    {QStringLiteral("original"), false},
                                    {QStringLiteral("copy_reason"), QStringLiteral("原件存集团")},
                                    {QStringLiteral("responsible"), QStringLiteral("王芳")}}}}};
    }

    // A loan of 2016 by the parent company's auditor, returned.
    static QJsonObject loan2016(const QString& volumes) {
        return {{QStringLiteral("borrower_kind"), QStringLiteral("parent_company")},
                {QStringLiteral("borrower"), QStringLiteral("集团审计员张明")},
                {QStringLiteral("organisation"), QStringLiteral("鼎城物业服务集团")},
                {QStringLiteral("purpose"), QStringLiteral("年度审计")},
                {QStringLiteral("volumes"), volumes},
                {QStringLiteral("due_date"), QStringLiteral("2016-09-10")},
                {QStringLiteral("requested_by"), QStringLiteral("keeper")},
                {QStringLiteral("requested_at"), QStringLiteral("2016-09-01 09:00")},
                {QStringLiteral("approved_by"), QStringLiteral("om_chen")},
                {QStringLiteral("checked_out_at"), QStringLiteral("2016-09-01 10:30")},
                {QStringLiteral("archivist"), QStringLiteral("keeper")},
                {QStringLiteral("returned_at"), QStringLiteral("2016-09-08 15:30")},
                {QStringLiteral("return_condition"), QStringLiteral("good")}};
    }

    Result<ActionResult> import(const QJsonObject& file,
                                const QString& login = QStringLiteral("admin")) {
        const QString path = t.dirPath() + QStringLiteral("/archive-%1.json").arg(++files_);
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(file).toJson());
        f.close();
        return t.run(QStringLiteral("archive.import"), login, {{QStringLiteral("file"), path}});
    }

    qint64 written() const {
        qint64 n = 0;
        for (const char* table : {"archive_volumes", "archive_items", "archive_loans",
                                  "archive_loan_lines", "documents", "archive_search"})
            n += t.count(QLatin1String(table));
        return n;
    }

    void expectNothingImported(const Result<ActionResult>& r, const QString& field,
                               qint64 writtenBefore, qint64 auditBefore) {
        ASSERT_FALSE(r) << "expected the import to be refused at " << field.toStdString();
        EXPECT_EQ(r.error().kind, Error::Kind::BadInput) << r.error().message.en.toStdString();
        EXPECT_EQ(r.error().field, field) << r.error().message.en.toStdString();
        EXPECT_TRUE(r.error().message.en.contains(field)) << r.error().message.en.toStdString();
        EXPECT_TRUE(r.error().message.zh.contains(QStringLiteral("未导入任何记录")));
        EXPECT_EQ(written(), writtenBefore);
        EXPECT_EQ(t.auditCount(), auditBefore);
    }

    int files_ = 0;
};

TEST_F(ArchiveImportTest, ImportedVolumeIsFoundBySearchAndListsItsItems) {
    auto r = import(
        {{QStringLiteral("volumes"), QJsonArray{volume2016(QStringLiteral("WY-2016-001"))}}});
    ASSERT_TRUE(r) << r.error().message.en.toStdString();
    archives::SearchQuery q;
    q.text = QStringLiteral("年检");
    auto found = archives::search(t->database().connection(), t->policy(),
                                  t.actor(QStringLiteral("keeper")), q);
    ASSERT_TRUE(found);
    ASSERT_EQ(found->hits.size(), 1);
    EXPECT_EQ(found->hits[0].kind, QStringLiteral("item"));
    EXPECT_EQ(found->hits[0].number, QStringLiteral("WY-2016-001-001"));
    auto list = archives::inVolumeList(t.services(), t.actor(QStringLiteral("keeper")),
                                       QStringLiteral("WY-2016-001"));
    ASSERT_TRUE(list) << list.error().message.en.toStdString();
    EXPECT_EQ(list->rows.size(), 2);
    // Kept by the department concerned (R1-2.2), destroyable ten years after its last date.
    EXPECT_EQ(scalar(QStringLiteral("SELECT custodian FROM archive_volumes")).toString(),
              QStringLiteral("客服部"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT eligible_on FROM archive_volumes")).toString(),
              QStringLiteral("2027-01-01"));
}

TEST_F(ArchiveImportTest, ImportedTenYearOldLoanOpensAndPrintsItsSlip) {
    ASSERT_TRUE(import(
        {{QStringLiteral("volumes"), QJsonArray{volume2016(QStringLiteral("WY-2016-001"))}}}));
    auto r =
        import({{QStringLiteral("loans"), QJsonArray{loan2016(QStringLiteral("WY-2016-001"))}}});
    ASSERT_TRUE(r) << r.error().message.en.toStdString();
    const qint64 loan = scalar(QStringLiteral("SELECT id FROM archive_loans")).toLongLong();
    EXPECT_EQ(scalar(QStringLiteral("SELECT status FROM archive_loans")).toString(),
              QStringLiteral("returned"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT return_count FROM archive_loans")).toInt(), 2);
    auto slip = archives::loanSlip(t.services(), t.actor(QStringLiteral("keeper")), loan);
    ASSERT_TRUE(slip) << slip.error().message.en.toStdString();
    QStringList fields;
    for (const auto& f : slip->fields)
        fields << f.second;
    EXPECT_TRUE(fields.contains(QStringLiteral("集团审计员张明")));
    EXPECT_TRUE(fields.contains(QStringLiteral("2016-09-10")));
    EXPECT_TRUE(fields.contains(QStringLiteral("om_chen")));
    ASSERT_EQ(slip->rows.size(), 1);
    EXPECT_TRUE(slip->rows[0].join(QString()).contains(QStringLiteral("WY-2016-001")));
    EXPECT_FALSE(slip->footer.isEmpty());
}

TEST_F(ArchiveImportTest, OneBatchIsOneAuditRowNamingTheImportWithItsCounts) {
    const qint64 before = t.auditCount();
    auto r = import(
        {{QStringLiteral("volumes"), QJsonArray{volume2016(QStringLiteral("WY-2016-001")),
                                                volume2016(QStringLiteral("WY-2016-002"))}},
         {QStringLiteral("loans"), QJsonArray{loan2016(QStringLiteral("WY-2016-001,WY-2016-002"))}},
         {QStringLiteral("documents"),
          QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("incoming")},
                                 {QStringLiteral("number"), QStringLiteral("收〔2016〕00001号")},
                                 {QStringLiteral("title"), QStringLiteral("关于电梯年检的通知")},
                                 {QStringLiteral("doc_date"), QStringLiteral("2016-06-01")}}}}});
    ASSERT_TRUE(r) << r.error().message.en.toStdString();
    EXPECT_EQ(t.auditCount(), before + 1);
    auto q = sql::exec(t->database().connection(),
                       QStringLiteral("SELECT action, new_values FROM audit_log ORDER BY seq DESC "
                                      "LIMIT 1"));
    ASSERT_TRUE(q && q->next());
    EXPECT_EQ(q->value(0).toString(), QStringLiteral("archive.import"));
    const QJsonObject counts = QJsonDocument::fromJson(q->value(1).toByteArray()).object();
    EXPECT_EQ(counts.value(QStringLiteral("volumes")).toInt(), 2);
    EXPECT_EQ(counts.value(QStringLiteral("items")).toInt(), 4);
    EXPECT_EQ(counts.value(QStringLiteral("loans")).toInt(), 1);
    EXPECT_EQ(counts.value(QStringLiteral("loans_returned")).toInt(), 1);
    EXPECT_EQ(counts.value(QStringLiteral("documents")).toInt(), 1);
}

TEST_F(ArchiveImportTest, ItemOutsideItsVolumesDatesIsRefusedByRowAndNothingIsWritten) {
    QJsonObject bad = volume2016(QStringLiteral("WY-2016-002"));
    QJsonArray items = bad.value(QStringLiteral("items")).toArray();
    QJsonObject item = items[1].toObject();
    item.insert(QStringLiteral("item_date"), QStringLiteral("2017-01-05"));
    items[1] = item;
    bad.insert(QStringLiteral("items"), items);
    expectNothingImported(import({{QStringLiteral("volumes"),
                                   QJsonArray{volume2016(QStringLiteral("WY-2016-001")), bad}}}),
                          QStringLiteral("volumes[2].items[2].item_date"), written(),
                          t.auditCount());
}

TEST_F(ArchiveImportTest, ConfidentialVolumeOutsideALockedCabinetIsRefused) {
    expectNothingImported(import({{QStringLiteral("volumes"),
                                   QJsonArray{volume2016(QStringLiteral("WY-2016-001"),
                                                         QStringLiteral("confidential"))}}}),
                          QStringLiteral("volumes[1].cabinet"), written(), t.auditCount());
}

TEST_F(ArchiveImportTest, LoanOfAnUnknownVolumeIsRefusedNamingTheRow) {
    ASSERT_TRUE(import(
        {{QStringLiteral("volumes"), QJsonArray{volume2016(QStringLiteral("WY-2016-001"))}}}));
    expectNothingImported(
        import({{QStringLiteral("loans"),
                 QJsonArray{loan2016(QStringLiteral("WY-2016-001")),
                            loan2016(QStringLiteral("WY-2016-001,WY-1999-404"))}}}),
        QStringLiteral("loans[2].volumes"), written(), t.auditCount());
}

TEST_F(ArchiveImportTest, VolumeNumberTakenIsRefused) {
    volume(QStringLiteral("WY-2016-001"), QStringLiteral("已有案卷"), 4);
    expectNothingImported(import({{QStringLiteral("volumes"),
                                   QJsonArray{volume2016(QStringLiteral("WY-2016-001"))}}}),
                          QStringLiteral("volumes[1].number"), written(), t.auditCount());
}

TEST_F(ArchiveImportTest, TheArchivistCannotImport) {
    const qint64 rows = written();
    auto r =
        import({{QStringLiteral("volumes"), QJsonArray{volume2016(QStringLiteral("WY-2016-001"))}}},
               QStringLiteral("keeper"));
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().kind, Error::Kind::BadInput);
    EXPECT_EQ(written(), rows);
}

TEST(ArchiveImportAudit, SeededDemoAndImportedArchiveAuditNamesOnlyRegisteredActions) {
    TestServices fresh; // every module's demo data on an empty database
    for (const Module& m : fresh->modules()) {
        if (!m.seed)
            continue;
        auto ok = m.seed(fresh.services(), fresh.actor(QStringLiteral("admin")), SeedOptions{});
        ASSERT_TRUE(ok) << m.area.toStdString() << ": " << ok.error().message.en.toStdString();
    }
    const QString path = fresh.dirPath() + QStringLiteral("/archive.json");
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    QJsonObject volume{{QStringLiteral("number"), QStringLiteral("WY-2016-901")},
                       {QStringLiteral("title"), QStringLiteral("二〇一六年绿化养护记录")},
                       {QStringLiteral("category"), QStringLiteral("S4")},
                       {QStringLiteral("cabinet"), QStringLiteral("A01")},
                       {QStringLiteral("date_from"), QStringLiteral("2016-01-01")},
                       {QStringLiteral("date_to"), QStringLiteral("2016-12-31")}};
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("volumes"), QJsonArray{volume}}}).toJson());
    f.close();
    auto imported = fresh.run(QStringLiteral("archive.import"), QStringLiteral("admin"),
                              {{QStringLiteral("file"), path}});
    ASSERT_TRUE(imported) << imported.error().message.en.toStdString();
    expectAuditNamesRegisteredActions(fresh);
    auto last =
        sql::scalar(fresh->database().connection(),
                    QStringLiteral("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1"));
    ASSERT_TRUE(last);
    EXPECT_EQ(last->toString(), QStringLiteral("archive.import"));
}

} // namespace
} // namespace fd::testing
