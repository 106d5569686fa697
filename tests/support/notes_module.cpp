#include "notes_module.h"

#include "db/sql.h"
#include "test_services.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace fd::testing {
namespace {

const Text kText{QStringLiteral("Text"), QStringLiteral("内容")};
const Text kId{QStringLiteral("Note"), QStringLiteral("记录")};

Result<ActionOutcome> addNote(ActionContext& ctx) {
    const QString text = ctx.params.value(QStringLiteral("text")).toString();
    auto q = sql::exec(ctx.db,
                       QStringLiteral("INSERT INTO notes(text, author, created_at) VALUES (?,?,?) "
                                      "RETURNING id"),
                       {text, ctx.actor.login, toStorage(ctx.now)});
    if (!q)
        return fail(q.error());
    q->next();
    const qint64 id = q->value(0).toLongLong();
    return ActionOutcome{QStringLiteral("note"),
                         QString::number(id),
                         {},
                         {{QStringLiteral("text"), text}},
                         {{QStringLiteral("id"), id}}};
}

Result<ActionOutcome> editNote(ActionContext& ctx) {
    const qint64 id = ctx.params.value(QStringLiteral("id")).toLongLong();
    auto old = sql::scalar(ctx.db, QStringLiteral("SELECT text FROM notes WHERE id = ?"), {id});
    if (!old)
        return fail(old.error());
    if (!old->isValid())
        return fail(Error::notFound(QStringLiteral("id"), {QStringLiteral("No such note."),
                                                           QStringLiteral("记录不存在。")}));
    const QString text = ctx.params.value(QStringLiteral("text")).toString();
    auto q =
        sql::exec(ctx.db, QStringLiteral("UPDATE notes SET text = ? WHERE id = ?"), {text, id});
    if (!q)
        return fail(q.error());
    return ActionOutcome{QStringLiteral("note"),
                         QString::number(id),
                         {{QStringLiteral("text"), old->toString()}},
                         {{QStringLiteral("text"), text}},
                         {}};
}

Result<ActionOutcome> touchNote(ActionContext& ctx, const QString& what) {
    const qint64 id = ctx.params.value(QStringLiteral("id")).toLongLong();
    if (what == QStringLiteral("published")) {
        auto q =
            sql::exec(ctx.db, QStringLiteral("UPDATE notes SET published = 1 WHERE id = ?"), {id});
        if (!q)
            return fail(q.error());
    }
    return ActionOutcome{QStringLiteral("note"), QString::number(id), {}, {{what, true}}, {}};
}

} // namespace

Module notesModule() {
    Module m;
    m.area = QStringLiteral("notes");
    m.migrations = QStringLiteral(FD_TEST_SQL_DIR "/notes");
    m.registerAll = [](Services& s) {
        const ParamSpec text{QStringLiteral("text"), ParamType::Text, true, kText};
        const ParamSpec id{QStringLiteral("id"), ParamType::Id, true, kId};
        s.actionRegistry().add({QStringLiteral("note.add"),
                                {QStringLiteral("Add note"), QStringLiteral("添加记录")},
                                {text},
                                addNote});
        s.actionRegistry().add({QStringLiteral("note.edit"),
                                {QStringLiteral("Edit note"), QStringLiteral("修改记录")},
                                {id, text},
                                editNote});
        s.actionRegistry().add(
            {QStringLiteral("note.sign"),
             {QStringLiteral("Sign note"), QStringLiteral("签署记录")},
             {id},
             [](ActionContext& ctx) { return touchNote(ctx, QStringLiteral("signed")); }});
        s.actionRegistry().add(
            {QStringLiteral("note.publish"),
             {QStringLiteral("Publish note"), QStringLiteral("发布记录")},
             {id},
             [](ActionContext& ctx) { return touchNote(ctx, QStringLiteral("published")); }});
        s.checkRegistry().add(
            {QStringLiteral("test.no_forbidden_word"),
             QStringLiteral("Refuses text containing the word"),
             {{QStringLiteral("word"), RuleParamType::String}},
             [](const CheckContext& ctx) -> Result<CheckOutcome> {
                 const QString word = ctx.ruleParams.value(QStringLiteral("word")).toString();
                 return ctx.params.value(QStringLiteral("text")).toString().contains(word)
                            ? CheckOutcome::failed(word)
                            : CheckOutcome::pass();
             }});
        // The clerk's notes waiting to be published, as an area lists its own requests: the
        // same approval the inbox lists (a dashboard shows it once).
        s.attentionRegistry().add(
            {QStringLiteral("notes.waiting"),
             QStringLiteral("approvals"),
             {QStringLiteral("Notes waiting to be published"), QStringLiteral("待发布的记录")},
             [](const Services& services, const Actor&) -> Result<QList<AttentionItem>> {
                 auto ids = sql::ids(services.database().connection(),
                                     QStringLiteral("SELECT id FROM approvals WHERE action = "
                                                    "'note.publish' AND status = 'pending'"));
                 if (!ids)
                     return fail(ids.error());
                 QList<AttentionItem> items;
                 for (qint64 id : *ids)
                     items.push_back({QStringLiteral("approval"),
                                      QString::number(id),
                                      {QStringLiteral("Note to publish"), QStringLiteral("待发布")},
                                      {}});
                 return items;
             },
             {}});
        s.signatureBook().registerContent(
            QStringLiteral("note"),
            [](const QSqlDatabase& db, const QString& id) -> Result<QByteArray> {
                auto v = sql::scalar(db, QStringLiteral("SELECT text FROM notes WHERE id = ?"),
                                     {id.toLongLong()});
                if (!v)
                    return fail(v.error());
                return v->toString().toUtf8();
            });
    };
    return m;
}

QString writeNotesPolicy(const QString& directory) {
    QJsonObject root = builtInPolicy();
    QJsonObject roles = root.value(QStringLiteral("roles")).toObject();
    for (const QString& role : {QStringLiteral("clerk"), QStringLiteral("supervisor")}) {
        QJsonObject r = roles.value(role).toObject();
        QJsonArray perms = r.value(QStringLiteral("permissions")).toArray();
        perms.append(QStringLiteral("note.*"));
        r.insert(QStringLiteral("permissions"), perms);
        roles.insert(role, r);
    }
    root.insert(QStringLiteral("roles"), roles);
    QJsonArray rules = root.value(QStringLiteral("rules")).toArray();
    auto rule = [](const QString& id, const QString& clause, const QStringList& actions,
                   const QString& check, const QJsonObject& params) {
        return QJsonObject{
            {QStringLiteral("id"), id},
            {QStringLiteral("clauses"), QJsonArray{clause}},
            {QStringLiteral("actions"), QJsonArray::fromStringList(actions)},
            {QStringLiteral("check"), check},
            {QStringLiteral("params"), params},
            {QStringLiteral("message"),
             QJsonObject{{QStringLiteral("en"), QString(QStringLiteral("Refused by ") + id)},
                         {QStringLiteral("zh"), QString(QStringLiteral("规则拒绝：") + id)}}}};
    };
    for (const char* id : {"TEST-NOTES-1", "TEST-NOTES-2", "TEST-NOTES-3"})
        addTestClause(root, QString::fromLatin1(id));
    rules.append(rule(QStringLiteral("note-no-forbidden-word"), QStringLiteral("TEST-NOTES-1"),
                      {QStringLiteral("note.add"), QStringLiteral("note.edit")},
                      QStringLiteral("test.no_forbidden_word"),
                      {{QStringLiteral("word"), QStringLiteral("禁止")}}));
    rules.append(rule(QStringLiteral("note-no-void-word"), QStringLiteral("TEST-NOTES-1"),
                      {QStringLiteral("note.add")}, QStringLiteral("test.no_forbidden_word"),
                      {{QStringLiteral("word"), QStringLiteral("作废")}}));
    rules.append(
        rule(QStringLiteral("note-two-signers"), QStringLiteral("TEST-NOTES-2"),
             {QStringLiteral("note.sign")}, QStringLiteral("core.require_signatures"),
             {{QStringLiteral("signers"),
               QJsonArray{QJsonObject{{QStringLiteral("meaning"), QStringLiteral("author")}},
                          QJsonObject{{QStringLiteral("meaning"), QStringLiteral("witness")}}}}}));
    rules.append(rule(QStringLiteral("note-publish-approved"), QStringLiteral("TEST-NOTES-3"),
                      {QStringLiteral("note.publish")}, QStringLiteral("core.require_approval"),
                      {{QStringLiteral("role"), QStringLiteral("supervisor")}}));
    root.insert(QStringLiteral("rules"), rules);
    const QString path = QDir(directory).filePath(QStringLiteral("notes-policy.json"));
    QFile out(path);
    out.open(QIODevice::WriteOnly);
    out.write(QJsonDocument(root).toJson());
    return path;
}

} // namespace fd::testing
