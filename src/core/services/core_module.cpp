// The core module: users and roles administration, approval decisions, and their lists.
#include "audit/audit_log.h"
#include "auth/password.h"
#include "db/sql.h"
#include "module/toolkit.h"
#include "output/output_actions.h"
#include "services/backup_attention.h"
#include "services/policy_store.h"
#include "services/services.h"
#include "util/privacy.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace fd {
namespace {

const Text kLogin{QStringLiteral("Login"), QStringLiteral("登录名")};
const Text kName{QStringLiteral("Name"), QStringLiteral("姓名")};
const Text kRoles{QStringLiteral("Roles"), QStringLiteral("角色")};
const Text kPassword{QStringLiteral("Password"), QStringLiteral("密码")};
const Text kApprovalId{QStringLiteral("Approval request"), QStringLiteral("审批申请")};
const Text kNote{QStringLiteral("Note"), QStringLiteral("备注")};

const QString kPasswordHash = QStringLiteral("password_hash");

// A new password: secret, checked and hashed (slow work) before the write transaction.
ParamSpec secretPassword() {
    ParamSpec p{QStringLiteral("password"), ParamType::Text, true, kPassword};
    p.secret = true;
    return p;
}

Result<QVariantMap> hashPassword(const Services&, const QVariantMap& params) {
    const QString clear = params.value(QStringLiteral("password")).toString();
    if (auto strong = password::checkStrength(clear); !strong)
        return fail(strong.error());
    auto hash = password::hash(clear);
    if (!hash)
        return fail(hash.error());
    return QVariantMap{{kPasswordHash, *hash}};
}

Status checkRolesKnown(const Services& s, const QStringList& roles) {
    if (roles.isEmpty())
        return fail(Error::badInput(QStringLiteral("roles"),
                                    {QStringLiteral("At least one role is required."),
                                     QStringLiteral("至少需要一个角色。")}));
    for (const QString& r : roles)
        if (!s.policy().roles().contains(r))
            return fail(Error::badInput(
                QStringLiteral("roles"),
                {QStringLiteral("Unknown role %1 (known: %2).")
                     .arg(r, s.policy().roles().keys().join(QStringLiteral(", "))),
                 QStringLiteral("未知角色「%1」（可用：%2）。")
                     .arg(r, s.policy().roles().keys().join(QStringLiteral("、")))}));
    return {};
}

Result<UserRecord> userByLogin(const ActionContext& ctx) {
    return ctx.services.users().find(ctx.params.value(QStringLiteral("login")).toString());
}

struct PendingApproval {
    qint64 id = 0;
    QString action;
    QVariantMap params;
    QString reason;
    qint64 requesterId = 0;
    QString role;
    QString ruleId;
    QString clause;
    QString status;
};

Result<PendingApproval> loadApproval(const QSqlDatabase& db, qint64 id) {
    auto q = sql::one(
        db,
        QStringLiteral("SELECT id, action, params, reason, requester_user_id, "
                       "approver_role, rule_id, clause, status FROM approvals WHERE id = ?"),
        {id}, kit::missing(QStringLiteral("id"), "approval request", "审批申请", id));
    if (!q)
        return fail(q.error());
    PendingApproval a;
    a.id = q->value(0).toLongLong();
    a.action = q->value(1).toString();
    a.params = QJsonDocument::fromJson(q->value(2).toByteArray()).object().toVariantMap();
    a.reason = q->value(3).toString();
    a.requesterId = q->value(4).toLongLong();
    a.role = q->value(5).toString();
    a.ruleId = q->value(6).toString();
    a.clause = q->value(7).toString();
    a.status = q->value(8).toString();
    return a;
}

// The person deciding: the "approver" signer when one signed, else the actor.
const Actor& decider(const std::vector<VerifiedSignature>& sigs, const Actor& actor) {
    for (const auto& s : sigs)
        if (s.meaning == QStringLiteral("approver"))
            return s.signer;
    return actor;
}

Result<ActionOutcome> decide(ActionContext& ctx, bool approve) {
    auto a = loadApproval(ctx.db, ctx.params.value(QStringLiteral("id")).toLongLong());
    if (!a)
        return fail(a.error());
    if (a->status != QStringLiteral("pending"))
        return fail(Error::badInput(QStringLiteral("id"),
                                    {QStringLiteral("Approval request %1 is %2 already.")
                                         .arg(a->id)
                                         .arg(approvalStatusWord(a->status).en.toLower()),
                                     QStringLiteral("审批申请 %1 已处理（%2）。")
                                         .arg(a->id)
                                         .arg(approvalStatusWord(a->status).zh)}));
    const Actor& approver = decider(ctx.signatures, ctx.actor);
    const QString note = sql::text(ctx.params.value(QStringLiteral("note")).toString());
    auto upd = sql::exec(
        ctx.db,
        QStringLiteral("UPDATE approvals SET status = ?, decided_by_user_id = ?, "
                       "decided_at = ?, decision_note = ? WHERE id = ? AND status = 'pending'"),
        {approve ? QStringLiteral("approved") : QStringLiteral("rejected"), approver.userId,
         toStorage(ctx.now), note, a->id});
    if (!upd)
        return fail(upd.error());
    ActionOutcome out{QStringLiteral("approval"),
                      QString::number(a->id),
                      {{QStringLiteral("status"), QStringLiteral("pending")}},
                      {{QStringLiteral("status"),
                        approve ? QStringLiteral("approved") : QStringLiteral("rejected")},
                       {QStringLiteral("decided_by"), approver.login},
                       {QStringLiteral("action"), a->action}},
                      {{QStringLiteral("approval_id"), a->id}}};
    if (!approve)
        return out;
    auto requester = ctx.services.users().findById(a->requesterId);
    if (!requester)
        return fail(requester.error());
    ActionRequest original{a->action,
                           a->params,
                           Actor{requester->id, requester->login, requester->displayName,
                                 requester->roles, requester->staffId},
                           {},
                           a->reason};
    auto done = ctx.services.bus().executeApproved(original,
                                                   ApprovalGrant{a->id, a->role, approver}, ctx.db);
    if (!done)
        return fail(done.error());
    auto rec =
        sql::exec(ctx.db, QStringLiteral("UPDATE approvals SET result_entity_id = ? WHERE id = ?"),
                  {done->entityId, a->id});
    if (!rec)
        return fail(rec.error());
    out.newValues.insert(QStringLiteral("executed_audit_seq"), done->auditSeq);
    out.result.insert(QStringLiteral("executed"), done->result);
    out.result.insert(QStringLiteral("entity"), done->entity);
    out.result.insert(QStringLiteral("entity_id"), done->entityId);
    return out;
}

void registerApprovalChecks(Services& s) {
    s.checkRegistry().add(
        {QStringLiteral("core.approver_not_requester"),
         QStringLiteral("The person deciding an approval request is not the one who made it"),
         {},
         [](const CheckContext& ctx) -> Result<CheckOutcome> {
             auto a = loadApproval(ctx.db, ctx.params.value(QStringLiteral("id")).toLongLong());
             if (!a)
                 return CheckOutcome::pass(); // the handler reports the missing request
             const Actor& who = decider(ctx.signatures, ctx.actor);
             return who.userId == a->requesterId ? CheckOutcome::failed(a->clause)
                                                 : CheckOutcome::pass();
         }});
    s.checkRegistry().add(
        {QStringLiteral("core.approver_holds_role"),
         QStringLiteral("The person deciding holds the role the request waits for"),
         {},
         [](const CheckContext& ctx) -> Result<CheckOutcome> {
             auto a = loadApproval(ctx.db, ctx.params.value(QStringLiteral("id")).toLongLong());
             if (!a)
                 return CheckOutcome::pass();
             const Actor& who = decider(ctx.signatures, ctx.actor);
             return who.hasAnyRole(a->role) ? CheckOutcome::pass() : CheckOutcome::failed(a->role);
         }});
}

void registerUserActions(Services& s) {
    ParamSpec login{QStringLiteral("login"), ParamType::Text, true, kLogin};
    login.maxLength = 40;
    s.actionRegistry().add(
        {QStringLiteral("user.add"),
         {QStringLiteral("Add user"), QStringLiteral("添加用户")},
         {login,
          {QStringLiteral("name"), ParamType::Text, true, kName},
          {QStringLiteral("roles"), ParamType::TextList, true, kRoles},
          secretPassword(),
          kit::param("staff_id", ParamType::Id, false, kit::tx("Staff", "员工"))},
         [](ActionContext& ctx) -> Result<ActionOutcome> {
             const QString loginName = ctx.params.value(QStringLiteral("login")).toString();
             const QStringList roles = ctx.params.value(QStringLiteral("roles")).toStringList();
             if (auto ok = checkRolesKnown(ctx.services, roles); !ok)
                 return fail(ok.error());
             if (ctx.services.users().find(loginName))
                 return fail(
                     Error::badInput(QStringLiteral("login"),
                                     {QStringLiteral("The login %1 is taken.").arg(loginName),
                                      QStringLiteral("登录名 %1 已被使用。").arg(loginName)}));
             auto id = ctx.services.users().insert(
                 loginName, ctx.params.value(QStringLiteral("name")).toString(),
                 ctx.params.value(kPasswordHash).toString(), roles,
                 ctx.params.value(QStringLiteral("staff_id")).toLongLong());
             if (!id)
                 return fail(id.error());
             return ActionOutcome{
                 QStringLiteral("user"),
                 QString::number(*id),
                 {},
                 {{QStringLiteral("login"), loginName},
                  {QStringLiteral("name"), ctx.params.value(QStringLiteral("name")).toString()},
                  {QStringLiteral("roles"), roles.join(QLatin1Char(','))}},
                 {{QStringLiteral("user_id"), *id}}};
         },
         {},
         hashPassword});
    s.actionRegistry().add(
        {QStringLiteral("user.set_roles"),
         {QStringLiteral("Change roles"), QStringLiteral("修改角色")},
         {login, {QStringLiteral("roles"), ParamType::TextList, true, kRoles}},
         [](ActionContext& ctx) -> Result<ActionOutcome> {
             auto u = userByLogin(ctx);
             if (!u)
                 return fail(u.error());
             const QStringList roles = ctx.params.value(QStringLiteral("roles")).toStringList();
             if (auto ok = checkRolesKnown(ctx.services, roles); !ok)
                 return fail(ok.error());
             if (auto ok = ctx.services.users().setRoles(u->id, roles); !ok)
                 return fail(ok.error());
             return ActionOutcome{QStringLiteral("user"),
                                  QString::number(u->id),
                                  {{QStringLiteral("roles"), u->roles.join(QLatin1Char(','))}},
                                  {{QStringLiteral("roles"), roles.join(QLatin1Char(','))}},
                                  {}};
         }});
    s.actionRegistry().add(
        {QStringLiteral("user.unlock"),
         {QStringLiteral("Unlock user"), QStringLiteral("解锁用户")},
         {login},
         [](ActionContext& ctx) -> Result<ActionOutcome> {
             auto u = userByLogin(ctx);
             if (!u)
                 return fail(u.error());
             if (auto ok = ctx.services.users().unlock(u->id); !ok)
                 return fail(ok.error());
             return ActionOutcome{
                 QStringLiteral("user"),
                 QString::number(u->id),
                 {{QStringLiteral("locked_until"),
                   u->lockedUntil.isValid() ? toStorage(u->lockedUntil) : QString()}},
                 {{QStringLiteral("locked_until"), QString()}},
                 {}};
         }});
    s.actionRegistry().add({QStringLiteral("user.deactivate"),
                            kit::tx("Disable user", "停用用户"),
                            {login},
                            [](ActionContext& ctx) -> Result<ActionOutcome> {
                                auto u = userByLogin(ctx);
                                if (!u)
                                    return fail(u.error());
                                if (u->id == ctx.actor.userId)
                                    return fail(Error::badInput(
                                        QStringLiteral("login"),
                                        {QStringLiteral("You cannot disable your own account."),
                                         QStringLiteral("不能停用自己的账户。")}));
                                if (auto ok = ctx.services.users().setActive(u->id, false); !ok)
                                    return fail(ok.error());
                                return ActionOutcome{QStringLiteral("user"),
                                                     QString::number(u->id),
                                                     {{QStringLiteral("active"), true}},
                                                     {{QStringLiteral("active"), false}},
                                                     {}};
                            }});
    s.actionRegistry().add({QStringLiteral("user.change_password"),
                            kit::tx("Change password", "修改密码"),
                            {login, secretPassword()},
                            [](ActionContext& ctx) -> Result<ActionOutcome> {
                                auto u = userByLogin(ctx);
                                if (!u)
                                    return fail(u.error());
                                if (auto ok = ctx.services.users().setPasswordHash(
                                        u->id, ctx.params.value(kPasswordHash).toString());
                                    !ok)
                                    return fail(ok.error());
                                return ActionOutcome{
                                    QStringLiteral("user"),
                                    QString::number(u->id),
                                    {},
                                    {{QStringLiteral("password"), QStringLiteral("changed")}},
                                    {}};
                            },
                            {},
                            hashPassword});
}

// policy.apply: the administrator puts a new policy in force. It is linted before the
// transaction (file parsing is slow work); stored as a new version; used from the next action.
void registerPolicyActions(Services& s) {
    ParamSpec source =
        kit::param("policy", ParamType::LongText, true, kit::tx("Policy (JSON)", "规则（JSON）"));
    source.maxLength = 4 * 1024 * 1024;
    s.actionRegistry().add(
        {QStringLiteral("policy.apply"),
         {QStringLiteral("Apply a policy"), QStringLiteral("启用规则文件")},
         {source},
         [](ActionContext& ctx) -> Result<ActionOutcome> {
             auto next = Policy::fromJson(ctx.params.value(QStringLiteral("policy")).toByteArray(),
                                          QStringLiteral("policy.apply"));
             if (!next)
                 return fail(next.error());
             auto id = policy_store::store(ctx.db, *next, QStringLiteral("applied"),
                                           ctx.actor.login, ctx.now);
             if (!id)
                 return fail(id.error());
             return ActionOutcome{QStringLiteral("policy"),
                                  QString::number(*id),
                                  {{QStringLiteral("version"), ctx.services.policy().version()}},
                                  {{QStringLiteral("version"), next->version()},
                                   {QStringLiteral("sha256"), next->sha256()}},
                                  {{QStringLiteral("policy_id"), *id},
                                   {QStringLiteral("version"), next->version()},
                                   {QStringLiteral("sha256"), next->sha256()}}};
         },
         QStringLiteral("policy.apply"),
         [](const Services& services, const QVariantMap& params) -> Result<QVariantMap> {
             const QByteArray json = params.value(QStringLiteral("policy")).toByteArray();
             auto next = Policy::fromJson(json, QStringLiteral("policy.apply"));
             if (!next)
                 return fail(next.error());
             const QList<LintError> problems = Policy::lint(
                 json, services.actions(), services.checks(), Policy::LintMode::SkipAbsentAreas);
             if (!problems.isEmpty()) {
                 QStringList lines;
                 for (const LintError& e : problems)
                     lines << e.path + QStringLiteral(": ") + e.message;
                 return fail(Error::badInput(QStringLiteral("policy"),
                                             {QStringLiteral("The policy has %1 error(s):\n%2")
                                                  .arg(problems.size())
                                                  .arg(lines.join(QLatin1Char('\n'))),
                                              QStringLiteral("规则文件有 %1 处错误：\n%2")
                                                  .arg(problems.size())
                                                  .arg(lines.join(QLatin1Char('\n')))}));
             }
             return QVariantMap{};
         }});
    // Reading the audit trail is a permission of its own (frontdeskctl audit log).
    s.actionRegistry().declarePermission(QStringLiteral("audit.read"));
    // Filling a demo database and replacing the data from a backup: the administrator's.
    s.actionRegistry().declarePermission(QStringLiteral("database.seed"));
    s.actionRegistry().declarePermission(QStringLiteral("database.restore"));
}

void registerApprovalActions(Services& s) {
    const QList<ParamSpec> params = {{QStringLiteral("id"), ParamType::Id, true, kApprovalId},
                                     {QStringLiteral("note"), ParamType::Text, false, kNote}};
    s.actionRegistry().add(
        {QStringLiteral("approval.approve"), kit::tx("Approve request", "批准申请"), params,
         [](ActionContext& ctx) { return decide(ctx, true); }, QStringLiteral("approval.decide")});
    s.actionRegistry().add(
        {QStringLiteral("approval.reject"), kit::tx("Reject request", "驳回申请"), params,
         [](ActionContext& ctx) { return decide(ctx, false); }, QStringLiteral("approval.decide")});
}

void registerCoreQueries(Services& s) {
    s.queryRegistry().add(
        {QStringLiteral("users"),
         {QStringLiteral("Users"), QStringLiteral("用户")},
         {},
         [](const QueryContext& ctx) -> Result<QueryResult> {
             auto users = ctx.services.users().list();
             if (!users)
                 return fail(users.error());
             QueryResult r;
             r.columns = {
                 {QStringLiteral("login"), kLogin},
                 {QStringLiteral("name"), kName},
                 {QStringLiteral("roles"), kRoles},
                 {QStringLiteral("active"), {QStringLiteral("Active"), QStringLiteral("启用")}},
                 {QStringLiteral("locked_until"),
                  {QStringLiteral("Locked until"), QStringLiteral("锁定至")}}};
             for (const UserRecord& u : *users)
                 r.rows.push_back(
                     {u.login, u.displayName, u.roles.join(QLatin1Char(',')), u.active,
                      u.lockedUntil.isValid() && u.lockedUntil > ctx.services.clock().nowUtc()
                          ? toStorage(u.lockedUntil)
                          : QString()});
             return r;
         },
         QStringLiteral("user.add")});
    s.queryRegistry().add(
        {QStringLiteral("approvals"),
         {QStringLiteral("Approval requests"), QStringLiteral("审批申请")},
         {kit::param("mine", ParamType::Bool, false, kit::tx("Waiting for me", "待我审批")),
          kit::param("requested_by_me", ParamType::Bool, false,
                     kit::tx("Requested by me", "我的申请")),
          kit::choice("status", false, kit::tx("Status", "状态"),
                      {{"pending", "Waiting for approval", "待批准"},
                       {"approved", "Approved", "已批准"},
                       {"rejected", "Rejected", "已驳回"},
                       {"all", "All", "全部"}})},
         [](const QueryContext& ctx) -> Result<QueryResult> {
             const QString status =
                 ctx.params.value(QStringLiteral("status"), QStringLiteral("pending")).toString();
             const bool mine = ctx.params.value(QStringLiteral("mine")).toBool();
             const bool byMe = ctx.params.value(QStringLiteral("requested_by_me")).toBool();
             auto ids = sql::ids(
                 ctx.db,
                 QStringLiteral("SELECT id FROM approvals WHERE (? = 'all' OR status = ?) "
                                "AND (? = 0 OR requester_user_id = ?) ORDER BY id DESC LIMIT 500"),
                 {status, status, byMe ? 1 : 0, ctx.actor.userId});
             if (!ids)
                 return fail(ids.error());
             QueryResult r;
             r.columns = {kit::col("id", "No.", "编号"),
                          kit::col("action", "Request", "申请事项"),
                          kit::col("details", "Details", "内容"),
                          kit::col("requester", "Requested by", "申请人"),
                          kit::col("requested_at", "Requested at", "申请时间"),
                          kit::col("approvers", "Approved by", "审批人"),
                          kit::col("status", "Status", "状态"),
                          kit::col("note", "Note", "意见")};
             for (const QString& code : {QStringLiteral("pending"), QStringLiteral("approved"),
                                         QStringLiteral("rejected")})
                 r.columns[6].labels.insert(code, approvalStatusWord(code));
             for (const qint64 id : *ids) {
                 auto f = loadApprovalForm(ctx.services, ctx.db, id);
                 if (!f)
                     return fail(f.error());
                 if (mine && (!ctx.actor.hasAnyRole(f->approverRoles) ||
                              f->requesterUserId == ctx.actor.userId))
                     continue;
                 // The request's fields on one line; the English text is the value, its
                 // Chinese reading the label (codes and titles read in the interface's
                 // language, as everywhere).
                 QStringList en;
                 QStringList zh;
                 for (const FormField& field : f->fields) {
                     en << QStringLiteral("%1: %2").arg(field.label.en, field.value.en);
                     zh << QStringLiteral("%1：%2").arg(field.label.zh, field.value.zh);
                 }
                 const Text details{en.join(QStringLiteral("; ")), zh.join(QStringLiteral("；"))};
                 r.columns[1].labels.insert(f->action, f->title);
                 r.columns[2].labels.insert(details.en, details);
                 r.columns[5].labels.insert(f->approverRoles, f->approvers);
                 r.rows.push_back({f->id, f->action, details.en, f->requester,
                                   toStorage(f->requestedAt), f->approverRoles, f->status,
                                   f->note});
             }
             return r;
         }});
    // One request as the form it approves: for its requester and those who may decide it.
    s.queryRegistry().add(
        {QStringLiteral("approval"),
         {QStringLiteral("Approval request"), QStringLiteral("审批申请")},
         {{QStringLiteral("id"), ParamType::Id, true, kApprovalId}},
         [](const QueryContext& ctx) -> Result<QueryResult> {
             auto f = loadApprovalForm(ctx.services, ctx.db,
                                       ctx.params.value(QStringLiteral("id")).toLongLong());
             if (!f)
                 return fail(f.error());
             if (f->requesterUserId != ctx.actor.userId &&
                 !ctx.actor.hasAnyRole(f->approverRoles) &&
                 !ctx.services.policy().permits(ctx.actor.roles, QStringLiteral("audit.read")))
                 return fail(Error::notFound(
                     QStringLiteral("id"),
                     {QStringLiteral("Approval request %1 is neither yours nor waiting for "
                                     "your role.")
                          .arg(f->id),
                      QStringLiteral("审批申请 %1 既非您提出，也不由您的角色审批。").arg(f->id)}));
             return f->asList();
         }});
    // What a decision's signature covers: the form as shown, the decision and its note.
    s.signatureBook().registerContent(
        QStringLiteral("approval"),
        [&s](const QSqlDatabase& db, const QString& id) -> Result<QByteArray> {
            auto f = loadApprovalForm(s, db, id.toLongLong());
            if (!f)
                return fail(f.error());
            return f->canonical();
        });
    s.attentionRegistry().add(
        {QStringLiteral("approvals.mine"),
         QStringLiteral("approvals"),
         {QStringLiteral("Requests waiting for my approval"), QStringLiteral("待我审批的申请")},
         [](const Services& services, const Actor& actor) -> Result<QList<AttentionItem>> {
             auto r = services.query(QStringLiteral("approvals"), {{QStringLiteral("mine"), true}},
                                     actor);
             if (!r)
                 return fail(r.error());
             QList<AttentionItem> items;
             for (const auto& row : r->rows) {
                 const Text what = r->columns[1].labels.value(row[1].toString());
                 items.push_back({QStringLiteral("approval"),
                                  row[0].toString(),
                                  {QStringLiteral("#%1 %2 — %3")
                                       .arg(row[0].toString(), what.en, row[3].toString()),
                                   QStringLiteral("#%1 %2 —— %3")
                                       .arg(row[0].toString(), what.zh, row[3].toString())},
                                  fromStorage(row[4].toString())});
             }
             return items;
         },
         {}});
    // A decision reaches the person who asked: their request approved or rejected, with the
    // note, for the days the policy gives (approvals.notice_days, a week by default).
    s.attentionRegistry().add(
        {QStringLiteral("approvals.decided"),
         QStringLiteral("approvals"),
         {QStringLiteral("My requests decided"), QStringLiteral("我的申请已有结果")},
         [](const Services& services, const Actor& actor) -> Result<QList<AttentionItem>> {
             return decidedRequests(
                 services, actor,
                 services.clock().nowUtc().addDays(
                     -services.policy().intParameter(QStringLiteral("approvals.notice_days"), 7)));
         },
         {}});
}

} // namespace

Module coreModule() {
    return Module{QStringLiteral("core"), QStringLiteral(":/sql/core"), [](Services& s) {
                      registerApprovalChecks(s);
                      registerUserActions(s);
                      registerApprovalActions(s);
                      registerPolicyActions(s);
                      registerCoreQueries(s);
                      registerBackupAttention(s);
                      registerOutputActions(s);
                  }};
}

} // namespace fd
