// The checks the policy binds to archive and document actions. Each refusal names the
// volumes or fields concerned; the rule supplies the clause and message.
#include "archives_internal.h"
#include "db/sql.h"
#include "rules/policy.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace fd::archives {
namespace {

using P = RuleParamType;

QList<VolumeRow> requestVolumes(const CheckContext& ctx) {
    QStringList refs = ctx.params.value(QStringLiteral("volumes")).toStringList();
    if (refs.isEmpty() && ctx.params.contains(QStringLiteral("volume")))
        refs << ctx.params.value(QStringLiteral("volume")).toString();
    auto v = loadVolumes(ctx.db, refs, QStringLiteral("volumes"));
    return v ? *v : QList<VolumeRow>{}; // an unknown volume is reported by the handler
}

std::optional<DocumentRow> requestDocument(const CheckContext& ctx) {
    if (!ctx.action.startsWith(QStringLiteral("document.")))
        return std::nullopt;
    auto d = loadDocument(ctx.db, ctx.params.value(QStringLiteral("id")).toLongLong());
    return d ? std::optional<DocumentRow>(*d) : std::nullopt;
}

QString numbersWhere(const QList<VolumeRow>& vols,
                     const std::function<bool(const VolumeRow&)>& pred) {
    QStringList out;
    for (const VolumeRow& v : vols)
        if (pred(v))
            out << v.number;
    return out.join(QStringLiteral(", "));
}

QStringList strings(const QJsonValue& v) {
    QStringList out;
    for (const auto& x : v.toArray())
        out << x.toString();
    return out;
}

// Whether an approval already given satisfies a rule asking for `role`.
bool grantSatisfies(const CheckContext& ctx, const QString& role) {
    if (!ctx.approval)
        return false;
    return ctx.approval->role == role ||
           strings(ctx.ruleParams.value(QStringLiteral("satisfied_by")))
               .contains(ctx.approval->role);
}

CheckOutcome approvalUnlessGranted(const CheckContext& ctx, const QString& role,
                                   const QString& detail) {
    return grantSatisfies(ctx, role) ? CheckOutcome::pass()
                                     : CheckOutcome::needsApproval(role, detail);
}

Result<bool> cabinetLocked(const QSqlDatabase& db, const QString& cabinet) {
    auto v = sql::scalar(db, QStringLiteral("SELECT locked FROM archive_cabinets WHERE code = ?"),
                         {cabinet});
    if (!v)
        return fail(v.error());
    return v->toInt() == 1;
}

Result<CheckOutcome> confidentialLocked(const CheckContext& ctx) {
    QString level =
        ctx.params.value(QStringLiteral("confidentiality"), QStringLiteral("ordinary")).toString();
    if (ctx.action == QStringLiteral("archive.transfer")) {
        const auto vols = requestVolumes(ctx);
        if (vols.isEmpty())
            return CheckOutcome::pass();
        level = vols.first().confidentiality;
    }
    if (level == QStringLiteral("ordinary"))
        return CheckOutcome::pass();
    const QString cabinet = ctx.params.value(QStringLiteral("cabinet")).toString();
    auto locked = cabinetLocked(ctx.db, cabinet);
    if (!locked)
        return fail(locked.error());
    return *locked ? CheckOutcome::pass() : CheckOutcome::failed(cabinet);
}

Result<CheckOutcome> custodianByCategory(const CheckContext& ctx) {
    auto v =
        sql::scalar(ctx.db, QStringLiteral("SELECT custodian FROM archive_categories WHERE id = ?"),
                    {ctx.params.value(QStringLiteral("category_id")).toLongLong()});
    if (!v)
        return fail(v.error());
    if (v->toString() == QStringLiteral("department") &&
        ctx.params.value(QStringLiteral("department")).toString().trimmed().isEmpty())
        return CheckOutcome::failed(QStringLiteral("department"));
    return CheckOutcome::pass();
}

Result<CheckOutcome> copyNeedsReason(const CheckContext& ctx) {
    const bool original = ctx.params.value(QStringLiteral("original"), true).toBool();
    if (!original && ctx.params.value(QStringLiteral("copy_reason")).toString().trimmed().isEmpty())
        return CheckOutcome::failed(QStringLiteral("copy_reason"));
    return CheckOutcome::pass();
}

Result<CheckOutcome> loanNotConfidential(const CheckContext& ctx) {
    if (auto d = requestDocument(ctx))
        return d->confidentiality == QStringLiteral("confidential")
                   ? CheckOutcome::failed(d->number)
                   : CheckOutcome::pass();
    const QString hit = numbersWhere(requestVolumes(ctx), [](const VolumeRow& v) {
        return v.confidentiality == QStringLiteral("confidential");
    });
    return hit.isEmpty() ? CheckOutcome::pass() : CheckOutcome::failed(hit);
}

Result<CheckOutcome> loanNoPersonalFiles(const CheckContext& ctx) {
    const QString hit = numbersWhere(requestVolumes(ctx), [](const VolumeRow& v) {
        return v.categoryKind == QStringLiteral("personnel");
    });
    return hit.isEmpty() ? CheckOutcome::pass() : CheckOutcome::failed(hit);
}

Result<CheckOutcome> loanOfficialOnSite(const CheckContext& ctx) {
    if (ctx.params.value(QStringLiteral("mode")).toString() != QStringLiteral("lend"))
        return CheckOutcome::pass();
    const QString hit = numbersWhere(requestVolumes(ctx), [](const VolumeRow& v) {
        return v.categoryKind == QStringLiteral("official");
    });
    return hit.isEmpty() ? CheckOutcome::pass() : CheckOutcome::failed(hit);
}

Result<CheckOutcome> loanStaysInCompany(const CheckContext& ctx) {
    if (ctx.params.value(QStringLiteral("outside_company")).toBool())
        return CheckOutcome::failed(QStringLiteral("outside_company"));
    // An outside organisation may only read on site: lending to it takes the archive out.
    if (ctx.params.value(QStringLiteral("borrower_kind")).toString() == QStringLiteral("outside") &&
        ctx.params.value(QStringLiteral("mode")).toString() == QStringLiteral("lend"))
        return CheckOutcome::failed(QStringLiteral("mode"));
    return CheckOutcome::pass();
}

Result<CheckOutcome> loanNoneOverdue(const CheckContext& ctx) {
    const QString today = ctx.clock.officeToday().toString(Qt::ISODate);
    Result<QSqlQuery> q = fail(Error::internal(QString()));
    if (ctx.action == QStringLiteral("document.lend")) {
        q = sql::exec(ctx.db,
                      QStringLiteral("SELECT id FROM document_loans WHERE borrower = ? AND "
                                     "returned_at IS NULL AND due_date < ?"),
                      {ctx.params.value(QStringLiteral("borrower")).toString(), today});
    } else if (ctx.params.value(QStringLiteral("borrower_kind")).toString() ==
               QStringLiteral("staff")) {
        q = sql::exec(ctx.db,
                      QStringLiteral("SELECT id FROM archive_loans WHERE borrower_staff_id = ? AND "
                                     "status = 'out' AND due_date < ?"),
                      {ctx.params.value(QStringLiteral("borrower_staff_id")).toLongLong(), today});
    } else {
        q = sql::exec(
            ctx.db,
            QStringLiteral(
                "SELECT id FROM archive_loans WHERE borrower_name = ? AND organisation = ? "
                "AND status = 'out' AND due_date < ?"),
            {ctx.params.value(QStringLiteral("borrower_name")).toString(),
             ctx.params.value(QStringLiteral("organisation")).toString(), today});
    }
    if (!q)
        return fail(q.error());
    QStringList ids;
    while (q->next())
        ids << q->value(0).toString();
    return ids.isEmpty()
               ? CheckOutcome::pass()
               : CheckOutcome::failed(QStringLiteral("#") + ids.join(QStringLiteral(", #")));
}

Result<CheckOutcome> loanDueWithinMax(const CheckContext& ctx) {
    const QDate due = ctx.params.value(QStringLiteral("due_date")).toDate();
    const QDate today = ctx.clock.officeToday();
    const bool onSite =
        ctx.params.value(QStringLiteral("mode")).toString() == QStringLiteral("on_site");
    const int max = onSite ? ctx.ruleParams.value(QStringLiteral("max_days_on_site")).toInt(1)
                           : ctx.ruleParams.value(QStringLiteral("max_days_lend")).toInt(14);
    if (!due.isValid() || due < today || due > today.addDays(max))
        return CheckOutcome::failed(QStringLiteral("%1 ≤ %2").arg(
            due.toString(Qt::ISODate), today.addDays(max).toString(Qt::ISODate)));
    return CheckOutcome::pass();
}

Result<CheckOutcome> requiredForKind(const CheckContext& ctx) {
    if (ctx.params.value(QStringLiteral("borrower_kind")).toString() !=
        ctx.ruleParams.value(QStringLiteral("borrower_kind")).toString())
        return CheckOutcome::pass();
    for (const QString& f : strings(ctx.ruleParams.value(QStringLiteral("fields"))))
        if (ctx.params.value(f).toString().trimmed().isEmpty())
            return CheckOutcome::failed(f);
    return CheckOutcome::pass();
}

Result<CheckOutcome> loanSecretApproval(const CheckContext& ctx) {
    const QString role = ctx.ruleParams.value(QStringLiteral("role")).toString();
    if (auto d = requestDocument(ctx))
        return d->confidentiality == QStringLiteral("secret")
                   ? approvalUnlessGranted(ctx, role, d->number)
                   : CheckOutcome::pass();
    const QString hit = numbersWhere(requestVolumes(ctx), [](const VolumeRow& v) {
        return v.confidentiality == QStringLiteral("secret");
    });
    return hit.isEmpty() ? CheckOutcome::pass() : approvalUnlessGranted(ctx, role, hit);
}

Result<CheckOutcome> borrowerKindApproval(const CheckContext& ctx) {
    if (ctx.params.value(QStringLiteral("borrower_kind")).toString() !=
        ctx.ruleParams.value(QStringLiteral("borrower_kind")).toString())
        return CheckOutcome::pass();
    return approvalUnlessGranted(ctx, ctx.ruleParams.value(QStringLiteral("role")).toString(), {});
}

// R1-1.2.1 / R3-4.4.4: the approval a staff loan needs, by access level — the first row of
// the policy table matching the volumes' category kind and the mode; role "" means none.
Result<CheckOutcome> staffLoanApproval(const CheckContext& ctx) {
    if (ctx.params.value(QStringLiteral("borrower_kind")).toString() != QStringLiteral("staff"))
        return CheckOutcome::pass();
    const QString mode = ctx.params.value(QStringLiteral("mode")).toString();
    const auto vols = requestVolumes(ctx);
    const QJsonArray table = ctx.ruleParams.value(QStringLiteral("levels")).toArray();
    QString needed;
    for (const VolumeRow& v : vols) {
        for (const auto& rowValue : table) {
            const QJsonObject row = rowValue.toObject();
            const QString kind =
                row.value(QStringLiteral("category_kind")).toString(QStringLiteral("*"));
            const QString m = row.value(QStringLiteral("mode")).toString(QStringLiteral("*"));
            if ((kind == QStringLiteral("*") || kind == v.categoryKind) &&
                (m == QStringLiteral("*") || m == mode)) {
                const QString role = row.value(QStringLiteral("role")).toString();
                if (!role.isEmpty())
                    needed = role;
                break;
            }
        }
        if (!needed.isEmpty())
            break;
    }
    return needed.isEmpty() ? CheckOutcome::pass() : approvalUnlessGranted(ctx, needed, {});
}

Result<CheckOutcome> borrowerSigns(const CheckContext& ctx) {
    auto q = sql::exec(
        ctx.db,
        QStringLiteral(
            "SELECT borrower_kind, coalesce(borrower_staff_id, 0) FROM archive_loans WHERE id = ?"),
        {ctx.params.value(QStringLiteral("loan_id")).toLongLong()});
    if (!q)
        return fail(q.error());
    if (!q->next() || q->value(0).toString() != QStringLiteral("staff"))
        return CheckOutcome::pass();
    const qint64 staffId = q->value(1).toLongLong();
    for (const auto& s : ctx.signatures)
        if (s.meaning == QStringLiteral("borrower") && s.signer.staffId != staffId)
            return CheckOutcome::failed(s.signer.login);
    return CheckOutcome::pass();
}

Result<QList<VolumeRow>> disposalVolumes(const CheckContext& ctx) {
    if (ctx.action != QStringLiteral("archive.destroy"))
        return requestVolumes(ctx);
    auto q = sql::exec(
        ctx.db,
        QStringLiteral("SELECT volume_id FROM archive_disposal_lines WHERE disposal_id = ?"),
        {ctx.params.value(QStringLiteral("disposal_id")).toLongLong()});
    if (!q)
        return fail(q.error());
    QList<VolumeRow> out;
    while (q->next())
        if (auto v = loadVolume(ctx.db, q->value(0).toLongLong()))
            out << *v;
    return out;
}

Result<CheckOutcome> pastRetention(const CheckContext& ctx) {
    auto vols = disposalVolumes(ctx);
    if (!vols)
        return fail(vols.error());
    const QString today = ctx.clock.officeToday().toString(Qt::ISODate);
    const QString hit = numbersWhere(
        *vols, [&](const VolumeRow& v) { return v.eligibleOn.isEmpty() || v.eligibleOn > today; });
    return hit.isEmpty() ? CheckOutcome::pass() : CheckOutcome::failed(hit);
}

Result<CheckOutcome> shredConfidential(const CheckContext& ctx) {
    if (ctx.params.value(QStringLiteral("method")).toString() == QStringLiteral("shred"))
        return CheckOutcome::pass();
    const QString hit =
        numbersWhere(requestVolumes(ctx), [](const VolumeRow& v) { return v.restricted(); });
    return hit.isEmpty() ? CheckOutcome::pass() : CheckOutcome::failed(hit);
}

// Destruction needs the GM's approval (on the disposal list) and a second approver who is
// someone else: the core grant carries one role, so the second one signs at destruction.
Result<CheckOutcome> secondApprover(const CheckContext& ctx) {
    auto gm = sql::scalar(ctx.db,
                          QStringLiteral("SELECT approved_by FROM archive_disposals WHERE id = ?"),
                          {ctx.params.value(QStringLiteral("disposal_id")).toLongLong()});
    if (!gm)
        return fail(gm.error());
    const QStringList roles = strings(ctx.ruleParams.value(QStringLiteral("roles")));
    for (const auto& s : ctx.signatures) {
        if (s.meaning != QStringLiteral("second_approver"))
            continue;
        if (s.signer.login == gm->toString() || s.signer.userId == ctx.actor.userId)
            return CheckOutcome::failed(s.signer.login);
        for (const QString& r : roles)
            if (s.signer.hasRole(r))
                return CheckOutcome::pass();
        return CheckOutcome::failed(s.signer.login);
    }
    return CheckOutcome::failed(roles.join(QLatin1Char('/')));
}

Result<CheckOutcome> documentInState(const CheckContext& ctx) {
    auto d = requestDocument(ctx);
    if (!d)
        return CheckOutcome::pass();
    const QJsonObject states = ctx.ruleParams.value(QStringLiteral("states")).toObject();
    if (!states.contains(d->kind))
        return CheckOutcome::pass();
    return strings(states.value(d->kind)).contains(d->status) ? CheckOutcome::pass()
                                                              : CheckOutcome::failed(d->status);
}

Result<CheckOutcome> actorHoldsRole(const CheckContext& ctx) {
    const QStringList roles = strings(ctx.ruleParams.value(QStringLiteral("roles")));
    for (const QString& r : roles)
        if (ctx.actor.hasRole(r))
            return CheckOutcome::pass();
    return CheckOutcome::failed(roles.join(QLatin1Char('/')));
}

Result<CheckOutcome> documentApprover(const CheckContext& ctx) {
    auto d = requestDocument(ctx);
    if (!d)
        return CheckOutcome::pass();
    const QStringList roles = strings(ctx.ruleParams.value(d->kind + QStringLiteral("_roles")));
    for (const auto& s : ctx.signatures)
        if (s.meaning == QStringLiteral("approver"))
            for (const QString& r : roles)
                if (s.signer.hasRole(r))
                    return CheckOutcome::pass();
    return CheckOutcome::failed(roles.join(QLatin1Char('/')));
}

} // namespace

void registerArchiveChecks(Services& s) {
    auto& c = s.checkRegistry();
    c.add({QStringLiteral("archives.confidential_locked"),
           QStringLiteral("Confidential and secret volumes go into a locked cabinet"),
           {},
           confidentialLocked});
    c.add({QStringLiteral("archives.custodian_by_category"),
           QStringLiteral("Department-kept categories name the department"),
           {},
           custodianByCategory});
    c.add({QStringLiteral("archives.copy_needs_reason"),
           QStringLiteral("A filed copy states why it is not the original"),
           {},
           copyNeedsReason});
    c.add({QStringLiteral("archives.loan_not_confidential"),
           QStringLiteral("Confidential archives are not available"),
           {},
           loanNotConfidential});
    c.add({QStringLiteral("archives.loan_no_personal_files"),
           QStringLiteral("Personal files are lent or shown to nobody"),
           {},
           loanNoPersonalFiles});
    c.add({QStringLiteral("archives.loan_official_on_site"),
           QStringLiteral("Official-document archives are read on site only"),
           {},
           loanOfficialOnSite});
    c.add({QStringLiteral("archives.loan_stays_in_company"),
           QStringLiteral("Nothing is taken out of the company"),
           {},
           loanStaysInCompany});
    c.add({QStringLiteral("archives.loan_none_overdue"),
           QStringLiteral("A borrower with an overdue loan gets no new loan"),
           {},
           loanNoneOverdue});
    c.add(
        {QStringLiteral("archives.loan_due_within_max"),
         QStringLiteral("The due date is within the policy maximum"),
         {{QStringLiteral("max_days_lend"), P::Int}, {QStringLiteral("max_days_on_site"), P::Int}},
         loanDueWithinMax});
    c.add(
        {QStringLiteral("archives.loan_required_for_kind"),
         QStringLiteral("Fields a kind of borrower must give"),
         {{QStringLiteral("borrower_kind"), P::String}, {QStringLiteral("fields"), P::StringList}},
         requiredForKind});
    c.add({QStringLiteral("archives.loan_secret_approval"),
           QStringLiteral("Secret records need the named role's approval"),
           {{QStringLiteral("role"), P::String}, {QStringLiteral("satisfied_by"), P::StringList}},
           loanSecretApproval});
    c.add({QStringLiteral("archives.loan_borrower_kind_approval"),
           QStringLiteral("A kind of borrower needs the named role's approval"),
           {{QStringLiteral("borrower_kind"), P::String},
            {QStringLiteral("role"), P::String},
            {QStringLiteral("satisfied_by"), P::StringList}},
           borrowerKindApproval});
    c.add({QStringLiteral("archives.loan_staff_approval"),
           QStringLiteral("Staff loans need approval by access level (policy table)"),
           {{QStringLiteral("levels"), P::ObjectList},
            {QStringLiteral("satisfied_by"), P::StringList}},
           staffLoanApproval});
    c.add({QStringLiteral("archives.loan_borrower_signs"),
           QStringLiteral("The borrower's signature is the borrower's own"),
           {},
           borrowerSigns});
    c.add({QStringLiteral("archives.past_retention"),
           QStringLiteral("Only volumes past their retention date are destroyed"),
           {},
           pastRetention});
    c.add({QStringLiteral("archives.shred_confidential"),
           QStringLiteral("Confidential volumes are shredded"),
           {},
           shredConfidential});
    c.add({QStringLiteral("archives.second_approver"),
           QStringLiteral("A second approver, not the GM who approved, signs the destruction"),
           {{QStringLiteral("roles"), P::StringList}},
           secondApprover});
    c.add({QStringLiteral("archives.document_in_state"),
           QStringLiteral("The document is in one of the states listed for its kind"),
           {{QStringLiteral("states"), P::Object}},
           documentInState});
    c.add({QStringLiteral("archives.actor_holds_role"),
           QStringLiteral("The person acting holds one of the roles"),
           {{QStringLiteral("roles"), P::StringList}},
           actorHoldsRole});
    c.add({QStringLiteral("archives.document_approver"),
           QStringLiteral("The approver's signature comes from the authority for the kind"),
           {{QStringLiteral("outgoing_roles"), P::StringList},
            {QStringLiteral("internal_roles"), P::StringList}},
           documentApprover});
}

} // namespace fd::archives
