#include "archives_internal.h"

#include "db/sql.h"

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
    auto q = sql::exec(db, QStringLiteral("SELECT ") + kVolumeColumns + where, {key});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(
            Error::notFound(field, {QStringLiteral("No archive volume %1.").arg(key.toString()),
                                    QStringLiteral("案卷 %1 不存在。").arg(key.toString())}));
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

Error bad(const QString& field, const Text& message) {
    return Error::badInput(field, message);
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

Result<qint64> insertReturningId(const QSqlDatabase& db, const QString& statement,
                                 const QVariantList& bindings) {
    auto q = sql::exec(db, statement, bindings);
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(Error::internal(QStringLiteral("insert returned no id")));
    const qint64 id = q->value(0).toLongLong();
    q->finish();
    return id;
}

} // namespace fd::archives
