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

// Whether an approval already given satisfies a rule asking for `role`.
bool grantSatisfies(const CheckContext& ctx, const QString& role) {
    if (!ctx.approval)
        return false;
    return ctx.approval->role == role ||
           kit::strings(ctx.ruleParams.value(QStringLiteral("satisfied_by")))
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

// R1-2.2: the department concerned keeps items 4, 5, 6, 8, 9; the GM's secretary the rest;
// nobody keeps archives as their own. On creation the department is named; on a transfer
// the new custodian must be the one the volume's category allows.
Result<CheckOutcome> custodianByCategory(const CheckContext& ctx) {
    const bool transfer = ctx.action == QStringLiteral("archive.transfer");
    qint64 categoryId = ctx.params.value(QStringLiteral("category_id")).toLongLong();
    if (transfer) {
        const QString custodian =
            ctx.params.value(QStringLiteral("custodian")).toString().trimmed();
        if (custodian.isEmpty())
            return CheckOutcome::pass(); // the custodian stays as it is
        const auto vols = requestVolumes(ctx);
        if (vols.isEmpty())
            return CheckOutcome::pass(); // an unknown volume is reported by the handler
        categoryId = vols.first().categoryId;
    }
    auto v =
        sql::scalar(ctx.db, QStringLiteral("SELECT custodian FROM archive_categories WHERE id = ?"),
                    {categoryId});
    if (!v)
        return fail(v.error());
    const QString secretary =
        ctx.ruleParams.value(QStringLiteral("secretary_custodian")).toString(secretaryCustodian());
    if (!transfer) {
        if (v->toString() == QStringLiteral("department") &&
            ctx.params.value(QStringLiteral("department")).toString().trimmed().isEmpty())
            return CheckOutcome::failed(QStringLiteral("department"));
        return CheckOutcome::pass();
    }
    const QString custodian = ctx.params.value(QStringLiteral("custodian")).toString().trimmed();
    if (v->toString() == QStringLiteral("secretary"))
        return custodian == secretary ? CheckOutcome::pass() : CheckOutcome::failed(custodian);
    // A department-kept category goes to a department: not the secretary, not a person.
    if (custodian == secretary)
        return CheckOutcome::failed(custodian);
    auto person = sql::scalar(
        ctx.db, QStringLiteral("SELECT 1 FROM users WHERE login = ? OR display_name = ?"),
        {custodian, custodian});
    if (!person)
        return fail(person.error());
    return person->isValid() ? CheckOutcome::failed(custodian) : CheckOutcome::pass();
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

Result<CheckOutcome> loanOfficialOnSite(const CheckContext& ctx) {
    if (ctx.params.value(QStringLiteral("mode")).toString() != QStringLiteral("lend"))
        return CheckOutcome::pass();
    const QString hit = numbersWhere(requestVolumes(ctx), [](const VolumeRow& v) {
        return v.categoryKind == QStringLiteral("official");
    });
    return hit.isEmpty() ? CheckOutcome::pass() : CheckOutcome::failed(hit);
}

// R1-2.5.1: whether a loan leaves the company follows from the borrower and the mode, as
// the rule's table lists them; nobody ticks it.
Result<CheckOutcome> loanStaysInCompany(const CheckContext& ctx) {
    const QString kind = ctx.params.value(QStringLiteral("borrower_kind")).toString();
    const QString mode = ctx.params.value(QStringLiteral("mode")).toString();
    return leavesCompany(ctx.ruleParams, kind, mode)
               ? CheckOutcome::failed(loanModeText(kind, mode).zh + QStringLiteral(" / ") +
                                      loanModeText(kind, mode).en)
               : CheckOutcome::pass();
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
    const int max =
        longestLoanDays(ctx.ruleParams, ctx.params.value(QStringLiteral("mode")).toString());
    // Said the way round a reader checks it: the date given against today, or against the
    // latest allowed.
    if (!due.isValid() || due < today)
        return CheckOutcome::failed(QStringLiteral("%1 < %2").arg(
            due.isValid() ? due.toString(Qt::ISODate) : QStringLiteral("—"),
            today.toString(Qt::ISODate)));
    if (due > today.addDays(max))
        return CheckOutcome::failed(QStringLiteral("%1 > %2").arg(
            due.toString(Qt::ISODate), today.addDays(max).toString(Qt::ISODate)));
    return CheckOutcome::pass();
}

Result<CheckOutcome> requiredForKind(const CheckContext& ctx) {
    if (ctx.params.value(QStringLiteral("borrower_kind")).toString() !=
        ctx.ruleParams.value(QStringLiteral("borrower_kind")).toString())
        return CheckOutcome::pass();
    for (const QString& f : kit::strings(ctx.ruleParams.value(QStringLiteral("fields"))))
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

// R4-1.5 personal files are secret, R4-1.4 secret records: a loan of a personal file waits
// for the named role (the general manager), whoever asks, the keeper included.
Result<CheckOutcome> loanPersonalFilesApproval(const CheckContext& ctx) {
    const QString hit = numbersWhere(requestVolumes(ctx), [](const VolumeRow& v) {
        return v.categoryKind == QStringLiteral("personnel");
    });
    return hit.isEmpty() ? CheckOutcome::pass()
                         : approvalUnlessGranted(
                               ctx, ctx.ruleParams.value(QStringLiteral("role")).toString(), hit);
}

struct LoanParty {
    QString kind;
    qint64 staffId = 0;
    QString name;
    QString idDocument;
};

Result<std::optional<LoanParty>> loanParty(const CheckContext& ctx) {
    auto q = sql::exec(ctx.db,
                       QStringLiteral("SELECT borrower_kind, coalesce(borrower_staff_id, 0), "
                                      "borrower_name, id_document FROM archive_loans WHERE id = ?"),
                       {ctx.params.value(QStringLiteral("loan_id")).toLongLong()});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return std::optional<LoanParty>(); // an unknown loan is reported by the handler
    return std::optional<LoanParty>(LoanParty{q->value(0).toString(), q->value(1).toLongLong(),
                                              q->value(2).toString(), q->value(3).toString()});
}

// R1-1.2.5: the signers on checkout and return; a borrower without an account (outside
// organisation, parent company) signs the printed slip, so the meanings listed as
// staff_only are asked of staff loans only.
Result<CheckOutcome> loanSignatures(const CheckContext& ctx) {
    auto party = loanParty(ctx);
    if (!party)
        return fail(party.error());
    const bool staff = !*party || (*party)->kind == QStringLiteral("staff");
    const QStringList staffOnly = kit::strings(ctx.ruleParams.value(QStringLiteral("staff_only")));
    std::vector<SignatureRequirement> reqs;
    for (const auto& v : ctx.ruleParams.value(QStringLiteral("signers")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString meaning = o.value(QStringLiteral("meaning")).toString();
        if (staff || !staffOnly.contains(meaning))
            reqs.push_back({meaning, o.value(QStringLiteral("role")).toString()});
    }
    return CheckOutcome::needsSignatures(std::move(reqs));
}

// R1-1.2.5: the person who signs as borrower is the borrower. A staff borrower signs with
// their own password; nobody signs with a password for a borrower from outside, who signs
// on paper under the name and ID document recorded for the loan.
Result<CheckOutcome> borrowerSigns(const CheckContext& ctx) {
    auto party = loanParty(ctx);
    if (!party)
        return fail(party.error());
    if (!*party)
        return CheckOutcome::pass();
    const LoanParty& p = **party;
    if (p.kind == QStringLiteral("staff")) {
        for (const auto& s : ctx.signatures)
            if (s.meaning == QStringLiteral("borrower") && s.signer.staffId != p.staffId)
                return CheckOutcome::failed(s.signer.displayName);
        return CheckOutcome::pass();
    }
    for (const auto& s : ctx.signatures)
        if (s.meaning == QStringLiteral("borrower"))
            return CheckOutcome::failed(s.signer.displayName + QStringLiteral(" ≠ ") + p.name);
    const QString name = ctx.params.value(QStringLiteral("signer_name")).toString().trimmed();
    if (!name.isEmpty() && name != p.name)
        return CheckOutcome::failed(name + QStringLiteral(" ≠ ") + p.name);
    const QString id = ctx.params.value(QStringLiteral("signer_id_document")).toString().trimmed();
    if (!id.isEmpty() && !p.idDocument.isEmpty() && id != p.idDocument)
        return CheckOutcome::failed(id + QStringLiteral(" ≠ ") + p.idDocument);
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
    const QStringList roles = kit::strings(ctx.ruleParams.value(QStringLiteral("roles")));
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
    return kit::strings(states.value(d->kind)).contains(d->status)
               ? CheckOutcome::pass()
               : CheckOutcome::failed(d->status);
}

Result<CheckOutcome> actorHoldsRole(const CheckContext& ctx) {
    const QStringList roles = kit::strings(ctx.ruleParams.value(QStringLiteral("roles")));
    for (const QString& r : roles)
        if (ctx.actor.hasRole(r))
            return CheckOutcome::pass();
    return CheckOutcome::failed(roles.join(QLatin1Char('/')));
}

Result<CheckOutcome> documentApprover(const CheckContext& ctx) {
    auto d = requestDocument(ctx);
    if (!d)
        return CheckOutcome::pass();
    const QStringList roles =
        kit::strings(ctx.ruleParams.value(d->kind + QStringLiteral("_roles")));
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
           QStringLiteral("The custodian is the one the category allows"),
           {{QStringLiteral("secretary_custodian"), P::String}},
           custodianByCategory});
    c.add({QStringLiteral("archives.copy_needs_reason"),
           QStringLiteral("A filed copy states why it is not the original"),
           {},
           copyNeedsReason});
    c.add({QStringLiteral("archives.loan_not_confidential"),
           QStringLiteral("Confidential archives are not available"),
           {},
           loanNotConfidential});
    c.add({QStringLiteral("archives.loan_personal_files_approval"),
           QStringLiteral("Personal files are read only with the named role's approval"),
           {{QStringLiteral("role"), P::String}},
           loanPersonalFilesApproval});
    c.add({QStringLiteral("archives.loan_official_on_site"),
           QStringLiteral("Official-document archives are read on site only"),
           {},
           loanOfficialOnSite});
    c.add({QStringLiteral("archives.loan_stays_in_company"),
           QStringLiteral("Nothing is taken out of the company (modes per borrower kind)"),
           {{QStringLiteral("leaves_company"), P::Object}},
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
    c.add({QStringLiteral("archives.loan_signatures"),
           QStringLiteral("The signers of checkout and return; some for staff loans only"),
           {{QStringLiteral("signers"), P::ObjectList},
            {QStringLiteral("staff_only"), P::StringList}},
           loanSignatures});
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
