#include "core_fixture.h"

#include "module/toolkit.h"

#include <QJsonArray>

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

TEST_F(ModuleToolkit, OneRowIsTheRecordOrTheGivenNotFoundError) {
    auto id = sql::insertId(
        db(), QStringLiteral("INSERT INTO notes(text, author, created_at) VALUES (?,?,?)"),
        {QStringLiteral("a"), QStringLiteral("clerk1"), QStringLiteral("t")});
    ASSERT_TRUE(id);
    auto found = sql::one(db(), QStringLiteral("SELECT text FROM notes WHERE id = ?"), {*id},
                          Error::notFound(QStringLiteral("id"), kit::tx("No note.", "无此记录。")));
    ASSERT_TRUE(found);
    EXPECT_EQ(found->value(0).toString(), QStringLiteral("a"));
    auto missing =
        sql::one(db(), QStringLiteral("SELECT text FROM notes WHERE id = ?"), {*id + 100},
                 Error::notFound(QStringLiteral("id"), kit::tx("No note.", "无此记录。")));
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().kind, Error::Kind::NotFound);
    EXPECT_EQ(missing.error().field, QStringLiteral("id"));
}

TEST_F(ModuleToolkit, ListsReadEveryRowAndFailWithTheStatement) {
    ASSERT_TRUE(
        sql::run(db(), QStringLiteral("INSERT INTO notes(text, author, created_at) "
                                      "VALUES ('a', 'clerk1', 't'), ('b', 'clerk2', 't')")));
    auto texts = sql::list<QString>(db(), QStringLiteral("SELECT text FROM notes ORDER BY text"),
                                    {}, [](const QSqlQuery& q) { return q.value(0).toString(); });
    ASSERT_TRUE(texts);
    EXPECT_EQ(*texts, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    auto ids = sql::ids(db(), QStringLiteral("SELECT id FROM notes ORDER BY id"));
    ASSERT_TRUE(ids);
    ASSERT_EQ(ids->size(), 2);
    EXPECT_LT(ids->at(0), ids->at(1));
    EXPECT_FALSE(sql::ids(db(), QStringLiteral("SELECT id FROM no_such_table")));
}

TEST_F(ModuleToolkit, RegisterRowsFilterOnlyOnGivenValuesAndStopAtTheLimit) {
    ASSERT_TRUE(sql::run(db(), QStringLiteral("INSERT INTO notes(text, author, created_at) "
                                              "VALUES ('a', 'clerk1', 't'), ('b', 'clerk2', 't'), "
                                              "('c', 'clerk1', 't')")));
    const QString statement = QStringLiteral(
        "SELECT text FROM notes WHERE (? = '' OR author = ?) ORDER BY id DESC LIMIT ?");
    const QList<QueryColumn> columns{kit::col("text", "Text", "内容")};
    const Actor& actor = env_->actor(QStringLiteral("clerk1"));
    auto run = [&](const QVariantMap& params) {
        return kit::registerRows({env_->services(), db(), actor, params}, columns, statement,
                                 {"author"});
    };
    auto all = run({});
    ASSERT_TRUE(all);
    EXPECT_EQ(all->rows.size(), 3);
    auto mine = run({{QStringLiteral("author"), QStringLiteral("clerk1")}});
    ASSERT_TRUE(mine);
    ASSERT_EQ(mine->rows.size(), 2);
    EXPECT_EQ(mine->rows[0].first(), QStringLiteral("c"));
    auto one = run({{QStringLiteral("limit"), 1}});
    ASSERT_TRUE(one);
    EXPECT_EQ(one->rows.size(), 1);
}

TEST(ModuleToolkitLists, TablesOfRecordsKeepTheirColumnsAndPassOnAFailedRead) {
    const QList<QueryColumn> columns{kit::col("n", "N", "数")};
    const QueryResult r =
        kit::tableOf(columns, QList<int>{1, 2}, [](int n) { return QVariantList{n * 10}; });
    ASSERT_EQ(r.rows.size(), 2);
    EXPECT_EQ(r.rows[1], QVariantList{20});
    const Result<QList<int>> failed = fail(Error::internal(QStringLiteral("broken")));
    auto f = kit::tableOf(columns, failed, [](int n) { return QVariantList{n}; });
    ASSERT_FALSE(f);
    EXPECT_EQ(f.error().kind, Error::Kind::Internal);
    const ParamSpec limit = kit::limitParam(500);
    EXPECT_EQ(limit.min, 1);
    EXPECT_EQ(limit.max, 500);
    const ParamSpec status = kit::statusParam({QStringLiteral("open")});
    EXPECT_EQ(status.type, ParamType::Choice);
    EXPECT_FALSE(status.required);
    EXPECT_EQ(status.choices, QStringList{QStringLiteral("open")});
}

TEST_F(ModuleToolkit, AttentionItemsTakeIdSinceAndTheTextValuesFromTheRow) {
    ASSERT_TRUE(sql::run(db(), QStringLiteral("INSERT INTO notes(text, author, created_at) "
                                              "VALUES ('%2 keys', 'clerk1', "
                                              "'2026-03-01T08:00:00.000Z')")));
    auto items = kit::attention(
        env_->services(), QStringLiteral("note"),
        QStringLiteral("SELECT id, created_at, text, author FROM notes WHERE author = ?"),
        {QStringLiteral("clerk1")}, "Note %1 by %2", "%2 的记录：%1");
    ASSERT_TRUE(items) << items.error().message.en.toStdString();
    ASSERT_EQ(items->size(), 1);
    const AttentionItem& item = items->first();
    EXPECT_EQ(item.entity, QStringLiteral("note"));
    EXPECT_FALSE(item.entityId.isEmpty());
    EXPECT_EQ(item.text.en, QStringLiteral("Note %2 keys by clerk1")); // a value is not refilled
    EXPECT_EQ(item.text.zh, QStringLiteral("clerk1 的记录：%2 keys"));
    EXPECT_EQ(item.since, QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC));
}

TEST(ModuleToolkitTexts, PolicyListsAndFilledTexts) {
    EXPECT_EQ(kit::strings(QJsonArray{QStringLiteral("a"), QStringLiteral("b")}),
              (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    EXPECT_TRUE(kit::strings(QJsonValue(QStringLiteral("a"))).isEmpty());
    EXPECT_EQ(
        kit::fill(QStringLiteral("%2 → %1, 100%"), {QStringLiteral("x"), QStringLiteral("y")}),
        QStringLiteral("y → x, 100%"));
}

TEST_F(ModuleToolkit, OpenItemsNameEachRecordByNumber) {
    ASSERT_TRUE(sql::run(db(), QStringLiteral("INSERT INTO notes(id, text, author, created_at) "
                                              "VALUES (7, 'umbrella', 'clerk1', 't')")));
    auto items = kit::openItems(
        db(), QStringLiteral("SELECT id, text FROM notes WHERE id = ? ORDER BY id"), {7});
    ASSERT_TRUE(items);
    EXPECT_EQ(*items, QStringList{QStringLiteral("#7 umbrella")});
}
