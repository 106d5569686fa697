#include "core_fixture.h"

#include "module/toolkit.h"

using namespace fd;
using namespace fd::testing;

namespace {

class ModuleToolkit : public CoreTest {};

} // namespace

TEST(ModuleToolkitParams, TypedReadsGiveTheValueOrTheFallback) {
    const QVariantMap p{{QStringLiteral("name"), QStringLiteral("张敏")},
                        {QStringLiteral("blank"), QString()},
                        {QStringLiteral("count"), QStringLiteral("12")},
                        {QStringLiteral("id"), 7},
                        {QStringLiteral("none"), 0},
                        {QStringLiteral("day"), QStringLiteral("2026-03-01")},
                        {QStringLiteral("flag"), true}};
    EXPECT_EQ(kit::textParam(p, "name"), QStringLiteral("张敏"));
    EXPECT_FALSE(kit::textParam(p, "blank").isNull()); // binds as '' for NOT NULL columns
    EXPECT_TRUE(kit::textParam(p, "absent").isEmpty());
    EXPECT_EQ(kit::textParam(p, "absent", QStringLiteral("x")), QStringLiteral("x"));
    EXPECT_EQ(kit::intParam(p, "count"), 12);
    EXPECT_EQ(kit::intParam(p, "absent", 5), 5);
    EXPECT_EQ(kit::idParam(p, "id"), 7);
    EXPECT_EQ(kit::optionalIdParam(p, "id"), QVariant(qint64{7}));
    EXPECT_TRUE(kit::optionalIdParam(p, "none").isNull());
    EXPECT_EQ(kit::dateParam(p, "day"), QDate(2026, 3, 1));
    EXPECT_EQ(kit::dateParam(p, "absent", QDate(2026, 1, 1)), QDate(2026, 1, 1));
    EXPECT_TRUE(kit::boolParam(p, "flag"));
    EXPECT_TRUE(kit::boolParam(p, "absent", true));
}

TEST(ModuleToolkitTexts, BadInputNamesTheFieldInBothLanguages) {
    const Error e = kit::bad(QStringLiteral("code"), kit::tx("Taken.", "已占用。"));
    EXPECT_EQ(e.kind, Error::Kind::BadInput);
    EXPECT_EQ(e.field, QStringLiteral("code"));
    EXPECT_EQ(e.message.zh, QStringLiteral("已占用。"));
    const QueryColumn c =
        kit::col("status", "Status", "状态", kit::labels({{"open", "Open", "未处理"}}));
    EXPECT_EQ(c.title.zh, QStringLiteral("状态"));
    EXPECT_EQ(c.labels.value(QStringLiteral("open")).zh, QStringLiteral("未处理"));
}

TEST_F(ModuleToolkit, InsertGivesTheNewIdAndRowsAreReadByName) {
    auto id = sql::insertId(
        db(), QStringLiteral("INSERT INTO notes(text, author, created_at) VALUES (?,?,?)"),
        {QStringLiteral("钥匙已交接"), QStringLiteral("clerk1"), QStringLiteral("t")});
    ASSERT_TRUE(id) << id.error().message.en.toStdString();
    EXPECT_GT(*id, 0);
    auto q =
        sql::exec(db(), QStringLiteral("SELECT author, text, id FROM notes WHERE id = ?"), {*id});
    ASSERT_TRUE(q);
    ASSERT_TRUE(q->next());
    const sql::Row row(*q);
    EXPECT_EQ(row.id("id"), *id);
    EXPECT_EQ(row.text("text"), QStringLiteral("钥匙已交接"));
    EXPECT_FALSE(row.value("missing").isValid());
}

TEST_F(ModuleToolkit, ListRowsFollowTheColumnsAndTheirLabels) {
    ASSERT_TRUE(
        sql::run(db(), QStringLiteral("INSERT INTO notes(text, author, created_at) "
                                      "VALUES ('a', 'clerk1', 't'), ('b', 'clerk2', 't')")));
    auto r = kit::rowsOf(
        db(),
        kit::withLabels({kit::col("text", "Text", "内容"), kit::col("author", "By", "作者")},
                        [](const QString& key) {
                            return key == QStringLiteral("author")
                                       ? kit::labels({{"clerk1", "Clerk 1", "张敏"}})
                                       : QMap<QString, Text>();
                        }),
        QStringLiteral("SELECT text, author FROM notes ORDER BY text"), {},
        [](QVariantList& row) { row[0] = row[0].toString().toUpper(); });
    ASSERT_TRUE(r);
    ASSERT_EQ(r->rows.size(), 2);
    EXPECT_EQ(r->rows[0], (QVariantList{QStringLiteral("A"), QStringLiteral("clerk1")}));
    EXPECT_TRUE(r->columns[0].labels.isEmpty());
    EXPECT_EQ(r->columns[1].labels.value(QStringLiteral("clerk1")).zh, QStringLiteral("张敏"));
}
