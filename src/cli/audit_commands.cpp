// audit and policy: proving the record and reading the rules.
#include "audit/audit_log.h"
#include "cli_context.h"
#include "util/privacy.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace fd::cli {
namespace {

// Audit values can hold residents' phone numbers; they are shown masked (R6-3).
QJsonValue masked(const QJsonValue& v) {
    if (v.isString())
        return maskPhonesInText(v.toString());
    if (v.isObject()) {
        QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            *it = masked(*it);
        return o;
    }
    if (v.isArray()) {
        QJsonArray a;
        for (const QJsonValue& e : v.toArray())
            a.append(masked(e));
        return a;
    }
    return v;
}

QString compact(const QJsonValue& v) {
    return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

// A policy file's bytes; an unreadable file is bad input naming the argument.
Result<QByteArray> readPolicyFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(
            Error::badInput(QStringLiteral("file"),
                            {QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()),
                             QStringLiteral("无法读取 %1：%2").arg(path, file.errorString())}));
    return file.readAll();
}

QJsonObject dutiesJson(const RoleDef& role) {
    QJsonObject o;
    for (auto it = role.duties.cbegin(); it != role.duties.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QJsonArray rulesJson(const std::vector<RuleDef>& rules) {
    QJsonArray out;
    for (const RuleDef& r : rules)
        out.append(QJsonObject{{QStringLiteral("id"), r.id},
                               {QStringLiteral("clauses"), QJsonArray::fromStringList(r.clauses)},
                               {QStringLiteral("actions"), QJsonArray::fromStringList(r.actions)},
                               {QStringLiteral("check"), r.check},
                               {QStringLiteral("params"), r.params},
                               {QStringLiteral("message"), Console::textJson(r.message)}});
    return out;
}

} // namespace

Result<Reply> runAuditVerify(CliContext& ctx, const ParsedArgs& args) {
    std::optional<AuditHead> anchor;
    if (args.has(QStringLiteral("anchor"))) {
        anchor = AuditHead::parse(args.value(QStringLiteral("anchor")));
        if (!anchor)
            return fail(Error::badInput(
                QStringLiteral("anchor"),
                {QStringLiteral("--anchor is SEQ:HASH as printed on paper, not \"%1\".")
                     .arg(args.value(QStringLiteral("anchor"))),
                 QStringLiteral("--anchor 应为纸面上印的 序号:哈希，不能是「%1」。")
                     .arg(args.value(QStringLiteral("anchor")))}));
    }
    auto db = ctx.database();
    if (!db)
        return fail(db.error());
    auto report = AuditLog::verify(**db, anchor);
    if (!report)
        return fail(report.error());
    Reply r;
    r.data = {{QStringLiteral("chain_ok"), report->ok},
              {QStringLiteral("rows"), report->rows},
              {QStringLiteral("first_broken_seq"), report->firstBrokenSeq},
              {QStringLiteral("problem"), report->problem}};
    if (anchor)
        r.data.insert(QStringLiteral("anchor"), anchor->text());
    if (!report->ok) {
        r.lines << QStringLiteral("broken %1").arg(report->firstBrokenSeq);
        r.error = Error::integrity({QStringLiteral("The audit chain is broken at sequence %1: %2.")
                                        .arg(report->firstBrokenSeq)
                                        .arg(report->problem),
                                    QStringLiteral("审计链在序号 %1 处断裂：%2。")
                                        .arg(report->firstBrokenSeq)
                                        .arg(report->problem)});
        r.error->field = QStringLiteral("seq:%1").arg(report->firstBrokenSeq);
        return r;
    }
    auto head = AuditLog::head((*db)->connection());
    if (head)
        r.data.insert(QStringLiteral("head"), head->text());
    r.lines << QStringLiteral("ok %1").arg(report->rows);
    r.note = {
        QStringLiteral("The audit chain holds: %1 rows%2.")
            .arg(report->rows)
            .arg(anchor ? QStringLiteral(", including the anchor ") + anchor->text() : QString()),
        QStringLiteral("审计链完整：共 %1 条%2。")
            .arg(report->rows)
            .arg(anchor ? QStringLiteral("，含锚点 ") + anchor->text() : QString())};
    return r;
}

Result<Reply> runAuditHead(CliContext& ctx, const ParsedArgs&) {
    auto db = ctx.database();
    if (!db)
        return fail(db.error());
    auto head = AuditLog::head((*db)->connection());
    if (!head)
        return fail(head.error());
    Reply r;
    r.data = {{QStringLiteral("seq"), head->seq},
              {QStringLiteral("hash"), head->hash},
              {QStringLiteral("head"), head->text()}};
    r.lines << head->text();
    return r;
}

Result<Reply> runAuditLog(CliContext& ctx, const ParsedArgs& args) {
    QDateTime since;
    if (args.has(QStringLiteral("since"))) {
        const QString text = args.value(QStringLiteral("since"));
        since = fromStorage(text);
        if (!since.isValid()) {
            const QDate day = QDate::fromString(text, Qt::ISODate);
            if (day.isValid())
                since = QDateTime(day, QTime(0, 0), Clock::officeZone()).toUTC();
        }
        if (!since.isValid())
            return fail(
                Error::badInput(QStringLiteral("since"),
                                {QStringLiteral("--since is a date (2026-03-02) or an ISO time "
                                                "(2026-03-02T01:00:00Z), not \"%1\".")
                                     .arg(text),
                                 QStringLiteral("--since 应为日期（2026-03-02）或 ISO "
                                                "时间（2026-03-02T01:00:00Z），不能是「%1」。")
                                     .arg(text)}));
    }
    int limit = 1000;
    if (args.has(QStringLiteral("limit"))) {
        bool ok = false;
        limit = args.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit <= 0)
            return fail(Error::badInput(QStringLiteral("limit"),
                                        {QStringLiteral("--limit is a positive number."),
                                         QStringLiteral("--limit 须为正整数。")}));
    }
    // The trail names people, residents and confidential records: only the roles the policy
    // lets read it may (audit verify and audit head show counts and hashes only).
    auto reader =
        ctx.signInWith(args, QStringLiteral("audit.read"),
                       {QStringLiteral("Read the audit trail"), QStringLiteral("查看审计记录")});
    if (!reader)
        return fail(reader.error());
    auto s = ctx.services();
    if (!s)
        return fail(s.error());
    const Database* db = &(*s)->database();
    // AuditLog::rows binds a null QString as SQL NULL, which matches no row: pass empty
    // text for "any entity" and the epoch for "since the beginning".
    const QString entity = args.value(QStringLiteral("entity"));
    if (!since.isValid())
        since = QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    auto rows = AuditLog::rows(db->connection(), entity.isNull() ? QString::fromLatin1("") : entity,
                               since, limit);
    if (!rows)
        return fail(rows.error());
    Reply r;
    QJsonArray list;
    for (const AuditRow& row : *rows) {
        const QJsonValue oldValues = masked(row.entry.oldValues);
        const QJsonValue newValues = masked(row.entry.newValues);
        const QString reason = maskPhonesInText(row.entry.reason);
        list.append(
            QJsonObject{{QStringLiteral("seq"), row.seq},
                        {QStringLiteral("at"), toStorage(row.at)},
                        {QStringLiteral("actor"), row.entry.actor},
                        {QStringLiteral("action"), row.entry.action},
                        {QStringLiteral("entity"), row.entry.entity},
                        {QStringLiteral("entity_id"), row.entry.entityId},
                        {QStringLiteral("old_values"), oldValues},
                        {QStringLiteral("new_values"), newValues},
                        {QStringLiteral("reason"), reason},
                        {QStringLiteral("policy_version"), row.entry.policyVersion},
                        {QStringLiteral("rules"), QJsonArray::fromStringList(row.entry.rules)},
                        {QStringLiteral("row_hash"), row.rowHash}});
        r.lines << QStringLiteral("%1\t%2\t%3\t%4\t%5 %6\t%7\t%8")
                       .arg(row.seq)
                       .arg(toStorage(row.at), row.entry.actor, row.entry.action, row.entry.entity,
                            row.entry.entityId, compact(newValues), reason);
    }
    r.data = {{QStringLiteral("rows"), list}};
    r.note = {QStringLiteral("%1 audit row(s), newest first.").arg(rows->size()),
              QStringLiteral("审计记录 %1 条，最新在前。").arg(rows->size())};
    return r;
}

Result<Reply> runPolicyShow(CliContext& ctx, const ParsedArgs&) {
    // The policy in force: the newest version stored in the database; without a database,
    // the program's built-in policy (what `init` would store).
    const Policy* policy = nullptr;
    std::optional<Policy> builtIn;
    if (QFileInfo(ctx.options().dbPath).isFile()) {
        auto s = ctx.services();
        if (!s)
            return fail(s.error());
        policy = &(*s)->policy();
    } else {
        auto p = Policy::builtIn();
        if (!p)
            return fail(p.error());
        builtIn = std::move(*p);
        policy = &*builtIn;
    }
    Reply r;
    QJsonObject roles;
    for (const RoleDef& role : policy->roles())
        roles.insert(role.code, QJsonObject{{QStringLiteral("name"), Console::textJson(role.name)},
                                            {QStringLiteral("permissions"),
                                             QJsonArray::fromStringList(role.permissions)},
                                            {QStringLiteral("duties"), dutiesJson(role)}});
    r.data = {{QStringLiteral("version"), policy->version()},
              {QStringLiteral("origin"), policy->origin()},
              {QStringLiteral("sha256"), policy->sha256()},
              {QStringLiteral("rules"), rulesJson(policy->rules())},
              {QStringLiteral("roles"), roles}};
    r.lines << QStringLiteral("# policy %1 (%2)").arg(policy->version(), policy->origin());
    for (const RuleDef& rule : policy->rules())
        r.lines << QStringLiteral("%1\t%2\t%3\t%4\t%5")
                       .arg(rule.id, rule.clauseText(), rule.actions.join(QLatin1Char(',')),
                            rule.check, rule.message.in(ctx.options().chinese));
    return r;
}

Result<Reply> runPolicyApply(CliContext& ctx, const ParsedArgs& args) {
    const QString path = args.positional.value(QStringLiteral("file"));
    auto json = readPolicyFile(path);
    if (!json)
        return fail(json.error());
    auto admin = ctx.signInWith(args, QStringLiteral("policy.apply"),
                                {QStringLiteral("Apply a policy"), QStringLiteral("启用规则文件")});
    if (!admin)
        return fail(admin.error());
    auto s = ctx.services();
    if (!s)
        return fail(s.error());
    auto done = (*s)->bus().execute({QStringLiteral("policy.apply"),
                                     {{QStringLiteral("policy"), QString::fromUtf8(*json)}},
                                     *admin,
                                     {},
                                     args.value(QStringLiteral("reason"))});
    if (!done)
        return fail(done.error());
    Reply r = actionReply(*done, (*s)->policy());
    const QString version = done->result.value(QStringLiteral("version")).toString();
    r.note = {QStringLiteral("Policy %1 is in force from the next action on.").arg(version),
              QStringLiteral("规则 %1 自下一项操作起生效。").arg(version)};
    return r;
}

Result<Reply> runPolicyCheck(CliContext& ctx, const ParsedArgs& args) {
    const QString path = args.positional.value(QStringLiteral("file"));
    auto json = readPolicyFile(path);
    if (!json)
        return fail(json.error());
    // An area's fragment (resources/policy/<area>.json) is checked as part of the policy it
    // makes: the core's, with this file in place of the area's built-in fragment.
    const QString area =
        QJsonDocument::fromJson(*json).object().value(QStringLiteral("area")).toString();
    if (!area.isEmpty()) {
        QStringList others = Policy::linkedFragmentPaths();
        others.removeAll(QStringLiteral(":/policy/%1.json").arg(area));
        QList<PolicyFragment> fragments;
        for (const QString& other : others) {
            auto f = PolicyFragment::load(other);
            if (!f)
                return fail(f.error());
            fragments << *f;
        }
        fragments << PolicyFragment{area, *json, path};
        auto composed = Policy::composeWithCore(fragments);
        if (!composed)
            return fail(composed.error());
        json = *composed;
    }
    auto s = ctx.catalogue();
    if (!s)
        return fail(s.error());
    const QList<LintError> errors =
        Policy::lint(*json, (*s)->actions(), (*s)->checks(), Policy::LintMode::Strict);
    Reply r;
    QJsonArray list;
    for (const LintError& e : errors) {
        list.append(
            QJsonObject{{QStringLiteral("path"), e.path}, {QStringLiteral("message"), e.message}});
        r.lines << e.path + QStringLiteral(": ") + e.message;
    }
    r.data = {{QStringLiteral("file"), path}, {QStringLiteral("errors"), list}};
    if (!errors.isEmpty()) {
        r.error =
            Error::badInput(QStringLiteral("file"),
                            {QStringLiteral("%1 has %2 error(s).").arg(path).arg(errors.size()),
                             QStringLiteral("%1 有 %2 处错误。").arg(path).arg(errors.size())});
        return r;
    }
    r.note = {QStringLiteral("%1 is clean.").arg(path), QStringLiteral("%1 检查通过。").arg(path)};
    return r;
}

} // namespace fd::cli
