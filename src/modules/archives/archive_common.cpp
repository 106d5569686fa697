#include "archives_internal.h"

#include "db/sql.h"
#include "rules/policy.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace fd::archives {
namespace {

const QString kVolumeColumns = QStringLiteral(
    "v.id, v.number, v.title, v.category_id, c.kind, c.name_zh, v.department, v.organisation, "
    "v.custodian, v.retention_years, coalesce(v.eligible_on, ''), v.confidentiality, v.cabinet, "
    "v.shelf, v.position, v.date_from, v.date_to, v.created_at, coalesce(v.sealed_at, ''), "
    "v.status "
    "FROM archive_volumes v JOIN archive_categories c ON c.id = v.category_id ");

VolumeRow readVolume(const QSqlQuery& q) {
    VolumeRow v;
    v.id = q.value(0).toLongLong();
    v.number = q.value(1).toString();
    v.title = q.value(2).toString();
    v.categoryId = q.value(3).toLongLong();
    v.categoryKind = q.value(4).toString();
    v.categoryName = q.value(5).toString();
    v.department = q.value(6).toString();
    v.organisation = q.value(7).toString();
    v.custodian = q.value(8).toString();
    v.retentionYears = q.value(9).toInt();
    v.eligibleOn = q.value(10).toString();
    v.confidentiality = q.value(11).toString();
    v.cabinet = q.value(12).toString();
    v.shelf = q.value(13).toString();
    v.position = q.value(14).toString();
    v.dateFrom = q.value(15).toString();
    v.dateTo = q.value(16).toString();
    v.createdAt = q.value(17).toString();
    v.sealedAt = q.value(18).toString();
    v.status = q.value(19).toString();
    return v;
}

Result<VolumeRow> loadOne(const QSqlDatabase& db, const QString& where, const QVariant& key,
                          const QString& field) {
    auto q = sql::one(db, QStringLiteral("SELECT ") + kVolumeColumns + where, {key},
                      missing(field, "archive volume", "案卷", key));
    if (!q)
        return fail(q.error());
    return readVolume(*q);
}

} // namespace

bool hasClearance(const Policy& policy, const Actor& actor) {
    const QJsonArray roles = policy.parameter(QStringLiteral("archives.clearance_roles")).toArray();
    for (const auto& r : roles)
        if (actor.hasRole(r.toString()))
            return true;
    return false;
}

QString VolumeRow::location() const {
    QStringList parts{cabinet};
    if (!shelf.isEmpty())
        parts << shelf;
    if (!position.isEmpty())
        parts << position;
    return parts.join(QLatin1Char('-'));
}

Result<VolumeRow> loadVolume(const QSqlDatabase& db, qint64 id) {
    return loadOne(db, QStringLiteral("WHERE v.id = ?"), id, QStringLiteral("volume_id"));
}

Result<VolumeRow> loadVolumeByNumber(const QSqlDatabase& db, const QString& number) {
    return loadOne(db, QStringLiteral("WHERE v.number = ?"), number.trimmed(),
                   QStringLiteral("number"));
}

Result<QList<VolumeRow>> loadVolumes(const QSqlDatabase& db, const QStringList& refs,
                                     const QString& field) {
    QList<VolumeRow> out;
    for (const QString& raw : refs) {
        const QString ref = raw.trimmed();
        if (ref.isEmpty())
            continue;
        // A number first (what a label scanner types), else a record id.
        auto v = loadVolumeByNumber(db, ref);
        if (!v) {
            bool isId = false;
            const qint64 id = ref.toLongLong(&isId);
            if (isId)
                v = loadVolume(db, id);
        }
        if (!v) {
            Error e = v.error();
            e.field = field;
            return fail(e);
        }
        if (std::any_of(out.begin(), out.end(), [&](const VolumeRow& o) { return o.id == v->id; }))
            continue;
        out.push_back(*v);
    }
    if (out.isEmpty())
        return fail(bad(field, tx("Name at least one volume.", "至少需要一个案卷。")));
    return out;
}

QJsonObject volumeJson(const VolumeRow& v) {
    return {{QStringLiteral("number"), v.number},
            {QStringLiteral("title"), v.title},
            {QStringLiteral("category_id"), v.categoryId},
            {QStringLiteral("confidentiality"), v.confidentiality},
            {QStringLiteral("location"), v.location()},
            {QStringLiteral("custodian"), v.custodian},
            {QStringLiteral("retention_years"), v.retentionYears},
            {QStringLiteral("status"), v.status}};
}

QString eligibleDate(const QString& dateTo, int retentionYears) {
    if (retentionYears <= 0)
        return {};
    return QDate::fromString(dateTo, Qt::ISODate)
        .addYears(retentionYears)
        .addDays(1)
        .toString(Qt::ISODate);
}

void addAction(ActionRegistry& registry, ActionDef def) {
    QStringList texts;
    for (const ParamSpec& p : def.params)
        if (p.type == ParamType::Text || p.type == ParamType::LongText)
            texts << p.name;
    def.handler = [texts, inner = std::move(def.handler)](ActionContext& ctx) {
        QVariantMap params = ctx.params;
        for (const QString& name : texts)
            if (params.value(name).toString().isNull())
                params.insert(name, QStringLiteral(""));
        ActionContext filled{ctx.services,   ctx.db,     ctx.actor,    params,
                             ctx.signatures, ctx.reason, ctx.approval, ctx.now};
        return inner(filled);
    };
    registry.add(std::move(def));
}

bool leavesCompany(const QJsonObject& ruleParams, const QString& borrowerKind,
                   const QString& mode) {
    const QJsonArray modes =
        ruleParams.value(QStringLiteral("leaves_company")).toObject().value(borrowerKind).toArray();
    return std::any_of(modes.begin(), modes.end(),
                       [&](const QJsonValue& m) { return m.toString() == mode; });
}

bool loanLeavesCompany(const Policy& policy, const QString& borrowerKind, const QString& mode) {
    const RuleDef* rule = policy.rule(QStringLiteral("archive-loan-stays-in-company"));
    return rule != nullptr && leavesCompany(rule->params, borrowerKind, mode);
}

int longestLoanDays(const QJsonObject& ruleParams, const QString& mode) {
    return mode == QStringLiteral("on_site")
               ? ruleParams.value(QStringLiteral("max_days_on_site")).toInt(1)
               : ruleParams.value(QStringLiteral("max_days_lend")).toInt(14);
}

int longestLoanDays(const Policy& policy, const QString& mode) {
    const RuleDef* rule = policy.rule(QStringLiteral("archive-loan-due-within-max"));
    return longestLoanDays(rule != nullptr ? rule->params : QJsonObject{}, mode);
}

Text loanModeText(const QString& borrowerKind, const QString& mode) {
    static const QMap<QString, Text> kinds = {
        {QStringLiteral("staff"), {QStringLiteral("staff member"), QStringLiteral("本公司员工")}},
        {QStringLiteral("parent_company"),
         {QStringLiteral("parent company"), QStringLiteral("上级公司")}},
        {QStringLiteral("outside"),
         {QStringLiteral("outside organisation"), QStringLiteral("外单位")}}};
    static const QMap<QString, Text> modes = {
        {QStringLiteral("on_site"), {QStringLiteral("read on site"), QStringLiteral("现场查阅")}},
        {QStringLiteral("lend"), {QStringLiteral("lend"), QStringLiteral("外借")}}};
    const Text k = kinds.value(borrowerKind, Text{borrowerKind, borrowerKind});
    const Text m = modes.value(mode, Text{mode, mode});
    return {k.en + QStringLiteral(", ") + m.en, k.zh + QStringLiteral("·") + m.zh};
}

Result<bool> mayReadPersonalFile(const QSqlDatabase& db, const Actor& actor, qint64 volumeId) {
    if (actor.staffId <= 0)
        return false;
    auto v = sql::scalar(
        db,
        QStringLiteral(
            "SELECT 1 FROM archive_loan_lines l JOIN archive_loans o ON o.id = l.loan_id "
            "WHERE l.volume_id = ? AND o.status = 'out' AND o.borrower_kind = 'staff' "
            "AND o.borrower_staff_id = ?"),
        {volumeId, actor.staffId});
    if (!v)
        return fail(v.error());
    return v->isValid();
}

Error personalFileRefusal(const Policy& policy, const QString& volume) {
    const QString id = QStringLiteral("archive-personal-files-gm");
    const RuleDef* rule = policy.rule(id);
    Text message = rule ? rule->message
                        : tx("Personal files are secret: nobody reads them, the keeper included, "
                             "without the general manager's approval of a loan",
                             "员工个人档案属秘密材料，他人无权翻阅，保管人员也不准；须经总经理批准"
                             "借阅后方可查阅");
    const QString clauses = rule ? rule->clauseText() : QStringLiteral("R4-1.5, R4-1.4");
    message.en += QStringLiteral(" (%1) [%2]").arg(volume, clauses);
    message.zh += QStringLiteral("（%1）【%2】").arg(volume, clauses);
    return Error::refused(id, rule ? rule->clauses.value(0) : QStringLiteral("R4-1.5"), message);
}

} // namespace fd::archives
