// actions, do, approvals, query: what people do and read.
#include "cli_context.h"

#include <QJsonArray>

namespace fd::cli {
namespace {

QJsonArray paramsJson(const QList<ParamSpec>& params) {
    QJsonArray out;
    for (const ParamSpec& p : params) {
        QJsonObject o{{QStringLiteral("name"), p.name},
                      {QStringLiteral("type"), paramTypeName(p.type)},
                      {QStringLiteral("required"), p.required},
                      {QStringLiteral("label"), Console::textJson(p.label)}};
        if (!p.choices.isEmpty())
            o.insert(QStringLiteral("choices"), QJsonArray::fromStringList(p.choices));
        out.append(o);
    }
    return out;
}

QString paramsText(const QList<ParamSpec>& params) {
    QStringList parts;
    for (const ParamSpec& p : params) {
        QString t = p.name + QLatin1Char(':') + paramTypeName(p.type);
        if (!p.choices.isEmpty())
            t += QLatin1Char('[') + p.choices.join(QLatin1Char('|')) + QLatin1Char(']');
        parts << (p.required ? t : QLatin1Char('[') + t + QLatin1Char(']'));
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace

Result<std::pair<const Services*, Actor>> signedInServices(CliContext& ctx, const ParsedArgs& args,
                                                           const Text& missing) {
    const QString who = args.value(QStringLiteral("as"));
    if (who.isEmpty())
        return fail(Error::badInput(QStringLiteral("as"), missing));
    auto pw = ctx.passwords({QStringLiteral("--as ") + who}, {QStringLiteral("password:as")});
    if (!pw)
        return fail(pw.error());
    return servicesAs(ctx, who, pw->first());
}

Result<std::pair<const Services*, Actor>> servicesAs(CliContext& ctx, const QString& login,
                                                     const QString& password) {
    auto s = ctx.services();
    if (!s)
        return fail(s.error());
    auto actor = ctx.signIn(**s, login, password);
    if (!actor)
        return fail(actor.error());
    return std::pair{*s, *actor};
}

Result<Reply> runActions(CliContext& ctx, const ParsedArgs&) {
    auto s = ctx.catalogue();
    if (!s)
        return fail(s.error());
    Reply r;
    QJsonArray list;
    for (const ActionDef* def : (*s)->actions().all()) {
        QJsonArray rules;
        QStringList ruleText;
        for (const RuleDef* rule : (*s)->policy().rulesFor(def->name)) {
            rules.append(
                QJsonObject{{QStringLiteral("id"), rule->id},
                            {QStringLiteral("clauses"), QJsonArray::fromStringList(rule->clauses)},
                            {QStringLiteral("check"), rule->check},
                            {QStringLiteral("message"), Console::textJson(rule->message)}});
            ruleText << rule->id + QLatin1Char('(') + rule->clauseText() + QLatin1Char(')');
        }
        // export.table and print.form need the permission of the list or form they name.
        const QString permission = def->permissionsFor
                                       ? QStringLiteral("(that of the list or form)")
                                       : def->requiredPermission();
        list.append(QJsonObject{{QStringLiteral("name"), def->name},
                                {QStringLiteral("title"), Console::textJson(def->title)},
                                {QStringLiteral("params"), paramsJson(def->params)},
                                {QStringLiteral("permission"), permission},
                                {QStringLiteral("rules"), rules}});
        r.lines << QStringLiteral("%1\t%2\tpermission=%3\t%4\trules=%5")
                       .arg(def->name, def->title.in(ctx.options().chinese), permission,
                            paramsText(def->params),
                            ruleText.isEmpty() ? QStringLiteral("-")
                                               : ruleText.join(QLatin1Char(',')));
    }
    r.data = {{QStringLiteral("policy_version"), (*s)->policy().version()},
              {QStringLiteral("actions"), list}};
    return r;
}

Result<Reply> runDo(CliContext& ctx, const ParsedArgs& args) {
    const QString action = args.positional.value(QStringLiteral("action"));
    const QString who = args.value(QStringLiteral("as"));
    if (who.isEmpty())
        return fail(
            Error::badInput(QStringLiteral("as"), {QStringLiteral("--as LOGIN is required."),
                                                   QStringLiteral("必须给出 --as 登录名。")}));
    QStringList people{QStringLiteral("--as ") + who};
    QStringList fields{QStringLiteral("password:as")};
    std::vector<SignatureInput> signatures;
    for (const QString& sign : args.options.value(QStringLiteral("sign"))) {
        auto kv = splitKeyValue(sign, QStringLiteral("sign"));
        if (!kv)
            return fail(kv.error());
        if (kv->second.trimmed().isEmpty())
            return fail(Error::badInput(
                QStringLiteral("sign"),
                {QStringLiteral("--sign %1 needs a login (MEANING=LOGIN).").arg(sign),
                 QStringLiteral("--sign %1 缺少登录名（含义=登录名）。").arg(sign)}));
        signatures.push_back({kv->first, kv->second.trimmed(), {}});
        people << QStringLiteral("--sign ") + sign;
        fields << QStringLiteral("password:sign:") + kv->first;
    }
    auto pw = ctx.passwords(people, fields);
    if (!pw)
        return fail(pw.error());
    for (size_t i = 0; i < signatures.size(); ++i)
        signatures[i].password = pw->at(static_cast<qsizetype>(i) + 1);
    auto s = servicesAs(ctx, who, pw->first());
    if (!s)
        return fail(s.error());
    // Empty, not null: the bus stores the reason of an approval request in a NOT NULL column.
    QString reason = args.value(QStringLiteral("reason"));
    if (reason.isNull())
        reason = QString::fromLatin1("");
    auto done =
        s->first->bus().execute({action, args.params, s->second, std::move(signatures), reason});
    if (!done)
        return fail(done.error());
    return actionReply(*done, s->first->policy());
}

Result<Reply> runApprovals(CliContext& ctx, const ParsedArgs& args) {
    auto s = signedInServices(ctx, args);
    if (!s)
        return fail(s.error());
    QVariantMap params{{QStringLiteral("mine"), args.flags.contains(QStringLiteral("mine"))}};
    if (args.has(QStringLiteral("status")))
        params.insert(QStringLiteral("status"), args.value(QStringLiteral("status")));
    auto result = s->first->query(QStringLiteral("approvals"), params, s->second);
    if (!result)
        return fail(result.error());
    return queryReply(QStringLiteral("approvals"), *result, ctx.options().chinese);
}

Result<Reply> runQuery(CliContext& ctx, const ParsedArgs& args) {
    const QString name = args.positional.value(QStringLiteral("name"));
    if (name.isEmpty()) {
        // Without a name: the lists this build offers.
        auto s = ctx.catalogue();
        if (!s)
            return fail(s.error());
        Reply r;
        QJsonArray list;
        for (const QueryDef* q : (*s)->queries().all()) {
            list.append(QJsonObject{{QStringLiteral("name"), q->name},
                                    {QStringLiteral("title"), Console::textJson(q->title)},
                                    {QStringLiteral("params"), paramsJson(q->params)},
                                    {QStringLiteral("permission"), q->permission}});
            r.lines << QStringLiteral("%1\t%2\t%3")
                           .arg(q->name, q->title.in(ctx.options().chinese), paramsText(q->params));
        }
        r.data = {{QStringLiteral("queries"), list}};
        return r;
    }
    auto s = signedInServices(ctx, args);
    if (!s)
        return fail(s.error());
    auto result = s->first->query(name, args.params, s->second);
    if (!result)
        return fail(result.error());
    return queryReply(name, *result, ctx.options().chinese);
}

} // namespace fd::cli
