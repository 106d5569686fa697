// handover.import_history: earlier registers (paper, Excel, the large profile) come in by
// batch through the gate, open and print like sheets completed at the desk, and a bad row
// is refused by name with nothing written.
#include "handover_fixture.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace fd::testing {
namespace {

// An office time of a register: "2016-03-01 08:05".
QString at(const QString& date, const char* time) {
    return date + QLatin1Char(' ') + QLatin1String(time);
}

class HandoverImportTest : public HandoverFixture {
protected:
    // A sheet of the front desk ten years before the test clock (2026-03-02).
    static QJsonObject sheet(const QString& date, const QString& shift = QStringLiteral("day")) {
        return {
            {QStringLiteral("post"), QStringLiteral("front_desk")},
            {QStringLiteral("shift"), shift},
            {QStringLiteral("shift_date"), date},
            {QStringLiteral("opened_at"), at(date, "08:05")},
            {QStringLiteral("completed_at"), at(date, "15:55")},
            {QStringLiteral("outgoing"), QStringLiteral("lixm")},
            {QStringLiteral("incoming"), QStringLiteral("zhao")},
            {QStringLiteral("matters"),
             QJsonArray{
                 QJsonObject{
                     {QStringLiteral("cause"), QStringLiteral("3-2-1502 业主来电反映厨房水管漏水")},
                     {QStringLiteral("course"), QStringLiteral("已通知维修部值班技工上门")},
                     {QStringLiteral("result"), QStringLiteral("已更换阀门")},
                     {QStringLiteral("severity"), QStringLiteral("major")}},
                 QJsonObject{{QStringLiteral("cause"), QStringLiteral("访客来访未能联系上业主")},
                             {QStringLiteral("course"), QStringLiteral("电话核实")},
                             {QStringLiteral("result"), QStringLiteral("业主确认后放行")}}}},
            {QStringLiteral("instructions"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("issued_by"), QStringLiteral("陈志强")},
                 {QStringLiteral("text"), QStringLiteral("加强夜间巡查，注意防火防盗")}}}},
            {QStringLiteral("checklist"),
             QJsonArray{QJsonObject{{QStringLiteral("item"), QStringLiteral("documents")},
                                    {QStringLiteral("state"), QStringLiteral("missing")},
                                    {QStringLiteral("note"), QStringLiteral("借给客服部")}}}}};
    }

    static QJsonObject duty(const QString& date) {
        return {
            {QStringLiteral("duty_date"), date},
            {QStringLiteral("on_duty"), QStringLiteral("lixm")},
            {QStringLiteral("started_at"), at(date, "08:25")},
            {QStringLiteral("ended_at"),
             at(QDate::fromString(date, Qt::ISODate).addDays(1).toString(Qt::ISODate), "08:35")},
            {QStringLiteral("happenings"), QStringLiteral("二十二时许一号楼消防报警，经查为误报")},
            {QStringLiteral("handling"), QStringLiteral("已复位并记录")},
            {QStringLiteral("successor"), QStringLiteral("zhao")},
            {QStringLiteral("inspections"),
             QJsonArray{QJsonObject{{QStringLiteral("area"), QStringLiteral("public_areas")},
                                    {QStringLiteral("hygiene"), QStringLiteral("整洁")},
                                    {QStringLiteral("findings"), QStringLiteral("无")},
                                    {QStringLiteral("inspected_at"), at(date, "20:00")}}}},
            {QStringLiteral("lighting_checks"),
             QJsonArray{QJsonObject{{QStringLiteral("slot"), QStringLiteral("18:30")},
                                    {QStringLiteral("lights_ok"), true},
                                    {QStringLiteral("checked_at"), at(date, "18:35")}}}}};
    }

    static QJsonObject letter(const QString& date) {
        return {{QStringLiteral("kind"), QStringLiteral("letter")},
                {QStringLiteral("addressee"), QStringLiteral("王建国")},
                {QStringLiteral("unit"), QStringLiteral("3-2-1502")},
                {QStringLiteral("received_at"), at(date, "10:15")},
                {QStringLiteral("received_by"), QStringLiteral("lixm")},
                {QStringLiteral("delivered_at"), at(date, "17:40")}};
    }

    // Writes the import file and runs handover.import_history as `login`.
    Result<ActionResult> import(const QJsonObject& file,
                                const QString& login = QStringLiteral("admin")) {
        const QString path = t.dirPath() + QStringLiteral("/registers-%1.json").arg(++files_);
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(file).toJson());
        f.close();
        return t.run(QStringLiteral("handover.import_history"), login,
                     {{QStringLiteral("file"), path}});
    }

    qint64 sheetOn(const QString& date, const QString& shift = QStringLiteral("day")) const {
        auto v = sql::scalar(db(),
                             QStringLiteral("SELECT id FROM handover_sheets WHERE shift_date = ? "
                                            "AND shift = ?"),
                             {date, shift});
        return v && v->isValid() ? v->toLongLong() : 0;
    }

    // What an import could have written: none of it may be there after a refusal.
    qint64 written() const {
        qint64 n = 0;
        for (const char* table :
             {"handover_sheets", "handover_matters", "handover_instructions", "handover_checklist",
              "duty_records", "duty_inspections", "duty_lighting_checks", "mail_items"})
            n += t.count(QLatin1String(table));
        return n;
    }

    // Asserts a refusal as bad input naming `field`, with nothing written and no audit row.
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

TEST_F(HandoverImportTest, TenYearOldImportedSheetOpensWithItsFullContent) {
    auto r = import({{QStringLiteral("sheets"),
                      QJsonArray{sheet(QStringLiteral("2016-03-01")),
                                 sheet(QStringLiteral("2016-03-01"), QStringLiteral("evening")),
                                 sheet(QStringLiteral("2016-03-02"))}},
                     {QStringLiteral("mail"), QJsonArray{letter(QStringLiteral("2016-03-01"))}}});
    ASSERT_TRUE(r) << r.error().message.en.toStdString();
    const qint64 id = sheetOn(QStringLiteral("2016-03-01"));
    ASSERT_GT(id, 0);
    auto s = handover::loadSheet(db(), id);
    ASSERT_TRUE(s) << s.error().message.en.toStdString();
    EXPECT_TRUE(s->completed());
    EXPECT_EQ(s->outgoing, QStringLiteral("李晓梅"));
    EXPECT_EQ(s->incoming, QStringLiteral("赵丽"));
    EXPECT_EQ(handover::officeTime(s->openedAt), QStringLiteral("2016-03-01 08:05"));
    EXPECT_EQ(handover::officeTime(s->completedAt), QStringLiteral("2016-03-01 15:55"));
    ASSERT_EQ(s->matters.size(), 2);
    EXPECT_EQ(s->matters[0].cause, QStringLiteral("3-2-1502 业主来电反映厨房水管漏水"));
    EXPECT_EQ(s->matters[0].severity, QStringLiteral("major"));
    EXPECT_EQ(s->matters[0].status, QStringLiteral("handled"));
    EXPECT_TRUE(s->matters[1].complete());
    ASSERT_EQ(s->instructions.size(), 1);
    EXPECT_EQ(s->instructions[0].acknowledgedBy, QStringLiteral("赵丽"));
    // Every item of the policy's checklist, checked by the incoming person.
    ASSERT_EQ(s->checklist.size(), handover::checklistItems(t->policy()).size());
    for (const auto& c : s->checklist) {
        EXPECT_EQ(c.confirmedBy, QStringLiteral("赵丽")) << c.item.toStdString();
        EXPECT_EQ(c.state, c.item == QStringLiteral("documents") ? QStringLiteral("missing")
                                                                 : QStringLiteral("present"));
    }
    // The letter of the morning was still waiting when the day shift handed over.
    ASSERT_EQ(s->mail.size(), 1);
    EXPECT_EQ(s->mail[0].addressee, QStringLiteral("王建国"));
    EXPECT_EQ(s->mailConfirmedBy, QStringLiteral("赵丽"));
    // The content is the shape handover.complete freezes: the same JSON read back.
    EXPECT_EQ(
        handover::canonicalContent(*s),
        sql::scalar(db(), QStringLiteral("SELECT content FROM handover_sheets WHERE id = ?"), {id})
            ->toString()
            .toUtf8());
    // Delivered that evening: the next day's sheet lists none.
    auto next = handover::loadSheet(db(), sheetOn(QStringLiteral("2016-03-02")));
    ASSERT_TRUE(next);
    EXPECT_TRUE(next->mail.isEmpty());
}

TEST_F(HandoverImportTest, TenYearOldImportedSheetPrintsItsMattersPeopleAndChecklist) {
    ASSERT_TRUE(
        import({{QStringLiteral("sheets"), QJsonArray{sheet(QStringLiteral("2016-03-01"))}}}));
    auto doc = handover::handoverSheetDocument(t.services(), sheetOn(QStringLiteral("2016-03-01")));
    ASSERT_TRUE(doc) << doc.error().message.en.toStdString();
    QStringList fields;
    for (const auto& f : doc->fields)
        fields << f.value;
    EXPECT_TRUE(fields.contains(QStringLiteral("李晓梅")));
    EXPECT_TRUE(fields.contains(QStringLiteral("赵丽")));
    EXPECT_TRUE(fields.contains(QStringLiteral("2016-03-01")));
    EXPECT_TRUE(fields.contains(QStringLiteral("2016-03-01 15:55")));
    ASSERT_GE(doc->tables.size(), 3);
    ASSERT_EQ(doc->tables[0].rows.size(), 2); // the matters
    EXPECT_TRUE(doc->tables[0].rows[0].join(QLatin1Char(' ')).contains(QStringLiteral("水管漏水")));
    EXPECT_EQ(doc->tables[1].rows.size(), 1); // the instruction
    EXPECT_EQ(doc->tables[2].rows.size(), handover::checklistItems(t->policy()).size());
    EXPECT_FALSE(doc->auditHead.isEmpty());
}

TEST_F(HandoverImportTest, ImportedDutyRecordPrintsWithItsRoundAndLightingCheck) {
    ASSERT_TRUE(
        import({{QStringLiteral("duty_records"), QJsonArray{duty(QStringLiteral("2016-03-01"))}}}));
    auto id = sql::scalar(db(), QStringLiteral("SELECT id FROM duty_records WHERE duty_date = ?"),
                          {QStringLiteral("2016-03-01")});
    ASSERT_TRUE(id && id->isValid());
    auto doc = handover::dutyRecordDocument(t.services(), id->toLongLong());
    ASSERT_TRUE(doc) << doc.error().message.en.toStdString();
    QStringList fields;
    for (const auto& f : doc->fields)
        fields << f.value;
    EXPECT_TRUE(fields.contains(QStringLiteral("李晓梅")));
    EXPECT_TRUE(fields.contains(QStringLiteral("赵丽")));
    EXPECT_TRUE(fields.contains(QStringLiteral("2016-03-02 08:35")));
    ASSERT_GE(doc->tables.size(), 2);
    EXPECT_EQ(doc->tables[0].rows.size(), 1);
    EXPECT_EQ(doc->tables[1].rows.size(), 1);
}

TEST_F(HandoverImportTest, OneBatchIsOneAuditRowNamingTheImportWithItsCounts) {
    const qint64 before = t.auditCount();
    auto r =
        import({{QStringLiteral("sheets"), QJsonArray{sheet(QStringLiteral("2016-03-01")),
                                                      sheet(QStringLiteral("2016-03-02"))}},
                {QStringLiteral("duty_records"), QJsonArray{duty(QStringLiteral("2016-03-01"))}},
                {QStringLiteral("mail"), QJsonArray{letter(QStringLiteral("2016-03-01"))}}});
    ASSERT_TRUE(r) << r.error().message.en.toStdString();
    EXPECT_EQ(t.auditCount(), before + 1);
    auto q = sql::exec(db(), QStringLiteral("SELECT action, new_values FROM audit_log ORDER BY seq "
                                            "DESC LIMIT 1"));
    ASSERT_TRUE(q && q->next());
    EXPECT_EQ(q->value(0).toString(), QStringLiteral("handover.import_history"));
    const QJsonObject counts = QJsonDocument::fromJson(q->value(1).toByteArray()).object();
    EXPECT_EQ(counts.value(QStringLiteral("sheets")).toInt(), 2);
    EXPECT_EQ(counts.value(QStringLiteral("matters")).toInt(), 4);
    EXPECT_EQ(counts.value(QStringLiteral("duty_records")).toInt(), 1);
    EXPECT_EQ(counts.value(QStringLiteral("mail")).toInt(), 1);
    EXPECT_EQ(counts.value(QStringLiteral("from")).toString(), QStringLiteral("2016-03-01"));
    EXPECT_EQ(counts.value(QStringLiteral("to")).toString(), QStringLiteral("2016-03-02"));
}

TEST_F(HandoverImportTest, BadRowIsRefusedNamingListRowAndFieldAndNothingIsWritten) {
    QJsonObject bad = sheet(QStringLiteral("2016-03-02"));
    QJsonArray matters = bad.value(QStringLiteral("matters")).toArray();
    QJsonObject matter = matters[1].toObject();
    matter.insert(QStringLiteral("severity"), QStringLiteral("huge"));
    matters[1] = matter;
    bad.insert(QStringLiteral("matters"), matters);
    const qint64 rows = written();
    const qint64 audit = t.auditCount();
    // The first sheet is good: it is rolled back with the bad one.
    expectNothingImported(
        import({{QStringLiteral("sheets"), QJsonArray{sheet(QStringLiteral("2016-03-01")), bad}},
                {QStringLiteral("mail"), QJsonArray{letter(QStringLiteral("2016-03-01"))}}}),
        QStringLiteral("sheets[2].matters[2].severity"), rows, audit);
}

TEST_F(HandoverImportTest, UnknownLoginIsRefusedNamingTheRow) {
    QJsonObject d = duty(QStringLiteral("2016-03-01"));
    d.insert(QStringLiteral("on_duty"), QStringLiteral("nobody"));
    expectNothingImported(import({{QStringLiteral("duty_records"),
                                   QJsonArray{duty(QStringLiteral("2016-02-29")), d}}}),
                          QStringLiteral("duty_records[2].on_duty"), written(), t.auditCount());
}

TEST_F(HandoverImportTest, SheetHandedOverToTheSamePersonIsRefused) {
    QJsonObject s = sheet(QStringLiteral("2016-03-01"));
    s.insert(QStringLiteral("incoming"), QStringLiteral("lixm"));
    expectNothingImported(import({{QStringLiteral("sheets"), QJsonArray{s}}}),
                          QStringLiteral("sheets[1].incoming"), written(), t.auditCount());
}

TEST_F(HandoverImportTest, BadTimeAndMissingHandledResultAreRefusedByField) {
    QJsonObject s = sheet(QStringLiteral("2016-03-01"));
    s.insert(QStringLiteral("completed_at"), QStringLiteral("2016/03/01 3pm"));
    expectNothingImported(import({{QStringLiteral("sheets"), QJsonArray{s}}}),
                          QStringLiteral("sheets[1].completed_at"), written(), t.auditCount());
    QJsonObject m = sheet(QStringLiteral("2016-03-01"));
    m.insert(QStringLiteral("matters"),
             QJsonArray{QJsonObject{{QStringLiteral("cause"), QStringLiteral("电梯异响")}}});
    expectNothingImported(import({{QStringLiteral("sheets"), QJsonArray{m}}}),
                          QStringLiteral("sheets[1].matters[1].course"), written(), t.auditCount());
}

TEST_F(HandoverImportTest, ImportingTheSameSheetTwiceIsRefusedTheSecondTime) {
    ASSERT_TRUE(
        import({{QStringLiteral("sheets"), QJsonArray{sheet(QStringLiteral("2016-03-01"))}}}));
    expectNothingImported(
        import({{QStringLiteral("sheets"), QJsonArray{sheet(QStringLiteral("2016-03-02")),
                                                      sheet(QStringLiteral("2016-03-01"))}}}),
        QStringLiteral("sheets[2].shift_date"), written(), t.auditCount());
}

TEST_F(HandoverImportTest, FileThatIsNotJsonIsRefusedNamingTheFile) {
    const QString path = t.dirPath() + QStringLiteral("/registers.json");
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("日期,班次\n2016-03-01,day\n");
    f.close();
    const qint64 rows = written();
    const qint64 audit = t.auditCount();
    expectNothingImported(t.run(QStringLiteral("handover.import_history"), QStringLiteral("admin"),
                                {{QStringLiteral("file"), path}}),
                          QStringLiteral("file"), rows, audit);
}

TEST_F(HandoverImportTest, ClerksCannotImportRegisters) {
    const qint64 rows = written();
    auto r = import({{QStringLiteral("sheets"), QJsonArray{sheet(QStringLiteral("2016-03-01"))}}},
                    QStringLiteral("lixm"));
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().kind, Error::Kind::BadInput);
    EXPECT_EQ(written(), rows);
}

} // namespace
} // namespace fd::testing
