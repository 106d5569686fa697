// Volumes, filing, transfers, sealing, inventories and destruction (R1-1.1, R1-1.3, R1-1.4,
// R1-1.5, R4-1.7).
#include "archive_search.h"
#include "archives_internal.h"
#include "db/sql.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace fd::archives {
namespace {

const Text kVolume = tx("Volume", "案卷");
const Text kCabinet = tx("Cabinet", "档案柜");

Result<bool> cabinetExists(const QSqlDatabase& db, const QString& code) {
    auto v =
        sql::scalar(db, QStringLiteral("SELECT 1 FROM archive_cabinets WHERE code = ?"), {code});
    if (!v)
        return fail(v.error());
    return v->isValid();
}

// Refuses a cabinet code (from the "cabinet" field) that no cabinet has.
Status knownCabinet(const QSqlDatabase& db, const QString& code) {
    auto exists = cabinetExists(db, code);
    if (!exists)
        return fail(exists.error());
    if (!*exists)
        return fail(
            bad(QStringLiteral("cabinet"), {QStringLiteral("No cabinet %1.").arg(code),
                                            QStringLiteral("档案柜 %1 不存在。").arg(code)}));
    return {};
}

Status reindexVolume(const QSqlDatabase& db, const VolumeRow& v) {
    return indexRecord(db, {QStringLiteral("volume"), v.id, v.id, v.number, v.title, v.dateFrom,
                            v.dateTo, v.categoryId, v.cabinet, v.restricted()});
}

Result<ActionOutcome> addCabinet(ActionContext& ctx) {
    const QString code = ctx.params.value(QStringLiteral("code")).toString();
    auto exists = cabinetExists(ctx.db, code);
    if (!exists)
        return fail(exists.error());
    if (*exists)
        return fail(
            bad(QStringLiteral("code"), {QStringLiteral("Cabinet %1 exists already.").arg(code),
                                         QStringLiteral("档案柜 %1 已存在。").arg(code)}));
    const bool locked = ctx.params.value(QStringLiteral("locked")).toBool();
    if (auto ok = sql::run(
            ctx.db,
            QStringLiteral("INSERT INTO archive_cabinets(code, name, locked) VALUES (?,?,?)"),
            {code, ctx.params.value(QStringLiteral("name")).toString(), locked ? 1 : 0});
        !ok)
        return fail(ok.error());
    return ActionOutcome{
        QStringLiteral("archive_cabinet"),
        code,
        {},
        {{QStringLiteral("name"), ctx.params.value(QStringLiteral("name")).toString()},
         {QStringLiteral("locked"), locked}},
        {{QStringLiteral("code"), code}}};
}

Result<ActionOutcome> createVolume(ActionContext& ctx) {
    const auto& p = ctx.params;
    const QString number = p.value(QStringLiteral("number")).toString().trimmed();
    if (auto dup = sql::scalar(
            ctx.db, QStringLiteral("SELECT id FROM archive_volumes WHERE number = ?"), {number});
        !dup)
        return fail(dup.error());
    else if (dup->isValid())
        return fail(
            bad(QStringLiteral("number"), {QStringLiteral("Volume number %1 is taken.").arg(number),
                                           QStringLiteral("案卷号 %1 已被使用。").arg(number)}));
    const qint64 categoryId = p.value(QStringLiteral("category_id")).toLongLong();
    auto cat =
        sql::one(ctx.db, QStringLiteral("SELECT custodian FROM archive_categories WHERE id = ?"),
                 {categoryId},
                 bad(QStringLiteral("category_id"),
                     {QStringLiteral("No archive category %1.").arg(categoryId),
                      QStringLiteral("档案类别 %1 不存在。").arg(categoryId)}));
    if (!cat)
        return fail(cat.error());
    const QString custodianKind = cat->value(0).toString();
    cat->finish();
    const QString cabinet = p.value(QStringLiteral("cabinet")).toString();
    if (auto known = knownCabinet(ctx.db, cabinet); !known)
        return fail(known.error());
    const QDate from = p.value(QStringLiteral("date_from")).toDate();
    const QDate to = p.value(QStringLiteral("date_to")).toDate();
    if (to < from)
        return fail(bad(QStringLiteral("date_to"), tx("Date to (date_to) is before the start date.",
                                                      "「截止日期」早于起始日期。")));
    const int retention = p.value(QStringLiteral("retention_years")).toInt();
    const QString department = p.value(QStringLiteral("department")).toString();
    // R1-2.2: the department concerned keeps items 4, 5, 6, 8, 9; the GM's secretary the rest.
    const QString custodian =
        custodianKind == QStringLiteral("secretary") ? QStringLiteral("总经理秘书") : department;
    const QString eligible = eligibleDate(to.toString(Qt::ISODate), retention);
    auto id = insertId(
        ctx.db,
        QStringLiteral(
            "INSERT INTO archive_volumes(number, title, category_id, department, organisation, "
            "custodian, "
            "retention_years, eligible_on, confidentiality, cabinet, shelf, position, date_from, "
            "date_to, "
            "created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        {number, p.value(QStringLiteral("title")).toString(), categoryId, department,
         p.value(QStringLiteral("organisation")).toString(), custodian, retention,
         eligible.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(eligible),
         p.value(QStringLiteral("confidentiality"), QStringLiteral("ordinary")).toString(), cabinet,
         p.value(QStringLiteral("shelf")).toString(),
         p.value(QStringLiteral("position")).toString(), from.toString(Qt::ISODate),
         to.toString(Qt::ISODate), toStorage(ctx.now), ctx.actor.login});
    if (!id)
        return fail(id.error());
    auto v = loadVolume(ctx.db, *id);
    if (!v)
        return fail(v.error());
    if (auto ok = reindexVolume(ctx.db, *v); !ok)
        return fail(ok.error());
    return ActionOutcome{QStringLiteral("archive_volume"),
                         QString::number(*id),
                         {},
                         volumeJson(*v),
                         {{QStringLiteral("volume_id"), *id}, {QStringLiteral("number"), number}}};
}

Result<ActionOutcome> fileItem(ActionContext& ctx) {
    const auto& p = ctx.params;
    auto v = loadVolumes(ctx.db, {p.value(QStringLiteral("volume")).toString()},
                         QStringLiteral("volume"));
    if (!v)
        return fail(v.error());
    VolumeRow vol = v->first();
    if (vol.status != QStringLiteral("active"))
        return fail(bad(QStringLiteral("volume"),
                        {QStringLiteral("Volume %1 was destroyed.").arg(vol.number),
                         QStringLiteral("案卷 %1 已销毁。").arg(vol.number)}));
    if (!vol.sealedAt.isEmpty())
        return fail(bad(
            QStringLiteral("volume"),
            {QStringLiteral("Volume %1 is sealed (R1-1.4.4); file into an open volume.")
                 .arg(vol.number),
             QStringLiteral("案卷 %1 已封存【R1-1.4.4】，请归入未封存的案卷。").arg(vol.number)}));
    const bool original = p.value(QStringLiteral("original"), true).toBool();
    const QString copyReason = p.value(QStringLiteral("copy_reason")).toString();
    if (!original && copyReason.trimmed().isEmpty())
        return fail(
            bad(QStringLiteral("copy_reason"),
                tx("A copy needs the reason it is filed instead of the original [R1-1.1.2(2)③].",
                   "归档复印件须注明原因【R1-1.1.2(2)③】。")));
    const QString date = p.value(QStringLiteral("item_date")).toDate().toString(Qt::ISODate);
    auto seq = sql::scalar(
        ctx.db,
        QStringLiteral(
            "SELECT coalesce(max(seq_no), 0) + 1 FROM archive_items WHERE volume_id = ?"),
        {vol.id});
    if (!seq)
        return fail(seq.error());
    const QString title = p.value(QStringLiteral("title")).toString();
    const qint64 documentId = p.value(QStringLiteral("document_id")).toLongLong();
    auto itemId = insertId(
        ctx.db,
        QStringLiteral(
            "INSERT INTO archive_items(volume_id, seq_no, title, item_date, original, copy_reason, "
            "pages, "
            "responsible, document_id, filed_at) VALUES (?,?,?,?,?,?,?,?,?,?)"),
        {vol.id, seq->toLongLong(), title, date, original ? 1 : 0, copyReason,
         p.value(QStringLiteral("pages")).toInt(),
         p.value(QStringLiteral("responsible")).toString(),
         documentId > 0 ? QVariant(documentId) : QVariant(QMetaType(QMetaType::LongLong)),
         toStorage(ctx.now)});
    if (!itemId)
        return fail(itemId.error());
    // The volume's date range covers its items (R1-1.4.3), and so does its retention.
    if (date < vol.dateFrom || date > vol.dateTo) {
        vol.dateFrom = std::min(vol.dateFrom, date);
        vol.dateTo = std::max(vol.dateTo, date);
        const QString eligible = eligibleDate(vol.dateTo, vol.retentionYears);
        if (auto ok = sql::run(
                ctx.db,
                QStringLiteral("UPDATE archive_volumes SET date_from = ?, date_to = ?, eligible_on "
                               "= ? WHERE id = ?"),
                {vol.dateFrom, vol.dateTo,
                 eligible.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(eligible),
                 vol.id});
            !ok)
            return fail(ok.error());
        if (auto ok = reindexVolume(ctx.db, vol); !ok)
            return fail(ok.error());
    }
    const QString itemNumber =
        QStringLiteral("%1-%2").arg(vol.number).arg(seq->toLongLong(), 3, 10, QLatin1Char('0'));
    if (auto ok = indexRecord(ctx.db, {QStringLiteral("item"), *itemId, vol.id, itemNumber, title,
                                       date, date, vol.categoryId, vol.cabinet, vol.restricted()});
        !ok)
        return fail(ok.error());
    const Actor* handed = signer(ctx, QStringLiteral("handed_over"));
    const Actor* received = signer(ctx, QStringLiteral("received"));
    const QString handedName = handed ? handed->displayName : ctx.actor.displayName;
    const QString receivedName = received ? received->displayName : ctx.actor.displayName;
    auto filingId = insertId(ctx.db,
                             QStringLiteral("INSERT INTO archive_filings(volume_id, item_id, "
                                            "handed_over_by, received_by, filed_at) "
                                            "VALUES (?,?,?,?,?)"),
                             {vol.id, *itemId, handedName, receivedName, toStorage(ctx.now)});
    if (!filingId)
        return fail(filingId.error());
    if (documentId > 0)
        if (auto ok = sql::run(ctx.db,
                               QStringLiteral("UPDATE documents SET filed_item_id = ?, status = "
                                              "'filed', updated_at = ? WHERE id = ?"),
                               {*itemId, toStorage(ctx.now), documentId});
            !ok)
            return fail(ok.error());
    return ActionOutcome{QStringLiteral("archive_filing"),
                         QString::number(*filingId),
                         {},
                         {{QStringLiteral("volume"), vol.number},
                          {QStringLiteral("item_id"), *itemId},
                          {QStringLiteral("seq_no"), seq->toLongLong()},
                          {QStringLiteral("title"), title},
                          {QStringLiteral("original"), original},
                          {QStringLiteral("handed_over_by"), handedName},
                          {QStringLiteral("received_by"), receivedName}},
                         {{QStringLiteral("item_id"), *itemId},
                          {QStringLiteral("filing_id"), *filingId},
                          {QStringLiteral("number"), itemNumber}}};
}

Result<ActionOutcome> transfer(ActionContext& ctx) {
    const auto& p = ctx.params;
    auto v = loadVolumes(ctx.db, {p.value(QStringLiteral("volume")).toString()},
                         QStringLiteral("volume"));
    if (!v)
        return fail(v.error());
    const VolumeRow old = v->first();
    if (old.status != QStringLiteral("active"))
        return fail(bad(QStringLiteral("volume"),
                        {QStringLiteral("Volume %1 was destroyed.").arg(old.number),
                         QStringLiteral("案卷 %1 已销毁。").arg(old.number)}));
    const QString cabinet = p.value(QStringLiteral("cabinet")).toString();
    if (auto known = knownCabinet(ctx.db, cabinet); !known)
        return fail(known.error());
    VolumeRow now = old;
    now.cabinet = cabinet;
    now.shelf = p.value(QStringLiteral("shelf")).toString();
    now.position = p.value(QStringLiteral("position")).toString();
    // A move within the archive room names no custodian: the custodian stays.
    if (const QString c = p.value(QStringLiteral("custodian")).toString().trimmed(); !c.isEmpty())
        now.custodian = c;
    if (auto ok =
            sql::run(ctx.db,
                     QStringLiteral("UPDATE archive_volumes SET cabinet = ?, shelf = ?, position "
                                    "= ?, custodian = ? WHERE id = ?"),
                     {now.cabinet, now.shelf, now.position, now.custodian, now.id});
        !ok)
        return fail(ok.error());
    if (auto ok = sql::run(ctx.db,
                           QStringLiteral("INSERT INTO archive_transfers(volume_id, from_location, "
                                          "to_location, from_custodian, "
                                          "to_custodian, at, by_login) VALUES (?,?,?,?,?,?,?)"),
                           {now.id, old.location(), now.location(), old.custodian, now.custodian,
                            toStorage(ctx.now), ctx.actor.login});
        !ok)
        return fail(ok.error());
    if (auto ok = moveVolumeInIndex(ctx.db, now.id, now.cabinet); !ok)
        return fail(ok.error());
    return ActionOutcome{QStringLiteral("archive_volume"),
                         QString::number(now.id),
                         {{QStringLiteral("location"), old.location()},
                          {QStringLiteral("custodian"), old.custodian}},
                         {{QStringLiteral("location"), now.location()},
                          {QStringLiteral("custodian"), now.custodian}},
                         {{QStringLiteral("volume_id"), now.id}}};
}

Result<ActionOutcome> seal(ActionContext& ctx) {
    auto v = loadVolumes(ctx.db, {ctx.params.value(QStringLiteral("volume")).toString()},
                         QStringLiteral("volume"));
    if (!v)
        return fail(v.error());
    const VolumeRow vol = v->first();
    if (vol.status != QStringLiteral("active") || !vol.sealedAt.isEmpty())
        return fail(
            bad(QStringLiteral("volume"),
                {QStringLiteral("Volume %1 is sealed or destroyed already.").arg(vol.number),
                 QStringLiteral("案卷 %1 已封存或已销毁。").arg(vol.number)}));
    if (auto ok = sql::run(
            ctx.db,
            QStringLiteral("UPDATE archive_volumes SET sealed_at = ?, sealed_by = ? WHERE id = ?"),
            {toStorage(ctx.now), ctx.actor.login, vol.id});
        !ok)
        return fail(ok.error());
    return ActionOutcome{
        QStringLiteral("archive_volume"),
        QString::number(vol.id),
        {{QStringLiteral("sealed"), false}},
        {{QStringLiteral("sealed"), true},
         {QStringLiteral("bag"), ctx.params.value(QStringLiteral("bag")).toString()}},
        {{QStringLiteral("volume_id"), vol.id}}};
}

QString periodFor(const QString& kind, const QDate& today) {
    return kind == QStringLiteral("monthly") ? today.toString(QStringLiteral("yyyy-MM"))
                                             : today.toString(QStringLiteral("yyyy"));
}

Result<ActionOutcome> inventoryStart(ActionContext& ctx) {
    const QString kind = ctx.params.value(QStringLiteral("kind")).toString();
    const QString cabinet = ctx.params.value(QStringLiteral("cabinet")).toString();
    auto open = sql::scalar(ctx.db,
                            QStringLiteral("SELECT id FROM archive_inventories WHERE status = "
                                           "'open' AND kind = ? AND cabinet = ?"),
                            {kind, cabinet});
    if (!open)
        return fail(open.error());
    if (open->isValid())
        return fail(
            bad(QStringLiteral("kind"),
                {QStringLiteral("Inventory %1 of this kind is still open.").arg(open->toLongLong()),
                 QStringLiteral("同类盘点 %1 尚未结束。").arg(open->toLongLong())}));
    const QDate today = ctx.now.toTimeZone(Clock::officeZone()).date();
    const QString period = periodFor(kind, today);
    auto id = insertId(ctx.db,
                       QStringLiteral("INSERT INTO archive_inventories(kind, period, "
                                      "cabinet, started_at, started_by, status) "
                                      "VALUES (?,?,?,?,?,'open')"),
                       {kind, period, cabinet, toStorage(ctx.now), ctx.actor.login});
    if (!id)
        return fail(id.error());
    // The expected holdings: every volume the catalogue places in the cabinet (or everywhere).
    auto lines = sql::exec(
        ctx.db,
        QStringLiteral(
            "INSERT INTO archive_inventory_lines(inventory_id, volume_id, expected_cabinet, state) "
            "SELECT ?, id, cabinet, 'pending' FROM archive_volumes WHERE status = 'active' "
            "AND (? = '' OR cabinet = ?)"),
        {*id, cabinet, cabinet});
    if (!lines)
        return fail(lines.error());
    const int expected = lines->numRowsAffected();
    return ActionOutcome{
        QStringLiteral("archive_inventory"),
        QString::number(*id),
        {},
        {{QStringLiteral("kind"), kind},
         {QStringLiteral("period"), period},
         {QStringLiteral("cabinet"), cabinet},
         {QStringLiteral("expected"), expected}},
        {{QStringLiteral("inventory_id"), *id}, {QStringLiteral("expected"), expected}}};
}

Result<QString> openInventoryCabinet(const QSqlDatabase& db, qint64 id) {
    auto q =
        sql::one(db, QStringLiteral("SELECT status, cabinet FROM archive_inventories WHERE id = ?"),
                 {id}, missing(QStringLiteral("inventory_id"), "inventory", "盘点", id));
    if (!q)
        return fail(q.error());
    if (q->value(0).toString() != QStringLiteral("open"))
        return fail(
            bad(QStringLiteral("inventory_id"), {QStringLiteral("Inventory %1 is closed.").arg(id),
                                                 QStringLiteral("盘点 %1 已结束。").arg(id)}));
    return q->value(1).toString();
}

Result<ActionOutcome> inventoryConfirm(ActionContext& ctx) {
    const qint64 inv = idParam(ctx.params, "inventory_id");
    auto invCabinet = openInventoryCabinet(ctx.db, inv);
    if (!invCabinet)
        return fail(invCabinet.error());
    auto v = loadVolumes(ctx.db, {ctx.params.value(QStringLiteral("volume")).toString()},
                         QStringLiteral("volume"));
    if (!v)
        return fail(v.error());
    const VolumeRow vol = v->first();
    QString found = ctx.params.value(QStringLiteral("found_cabinet")).toString();
    if (found.isEmpty())
        found = invCabinet->isEmpty() ? vol.cabinet : *invCabinet;
    const bool damaged = ctx.params.value(QStringLiteral("damaged")).toBool();
    const QString note = ctx.params.value(QStringLiteral("note")).toString();
    const QString state =
        found == vol.cabinet ? QStringLiteral("present") : QStringLiteral("misplaced");
    auto q = sql::exec(
        ctx.db,
        QStringLiteral("INSERT INTO archive_inventory_lines(inventory_id, volume_id, "
                       "expected_cabinet, found_cabinet, "
                       "state, damaged, note) VALUES (?,?,?,?,?,?,?) ON CONFLICT(inventory_id, "
                       "volume_id) DO UPDATE "
                       "SET found_cabinet = excluded.found_cabinet, state = excluded.state, "
                       "damaged = excluded.damaged, note = excluded.note"),
        {inv, vol.id, vol.cabinet, found, state, damaged ? 1 : 0, note});
    if (!q)
        return fail(q.error());
    return ActionOutcome{QStringLiteral("archive_inventory"),
                         QString::number(inv),
                         {},
                         {{QStringLiteral("volume"), vol.number},
                          {QStringLiteral("state"), state},
                          {QStringLiteral("found_cabinet"), found},
                          {QStringLiteral("damaged"), damaged}},
                         {{QStringLiteral("state"), state}}};
}

const QStringList kSevenPreventions = {QStringLiteral("insects"), QStringLiteral("mould"),
                                       QStringLiteral("dust"),    QStringLiteral("fire"),
                                       QStringLiteral("theft"),   QStringLiteral("damp"),
                                       QStringLiteral("heat")};

Result<ActionOutcome> inventoryClose(ActionContext& ctx) {
    const qint64 inv = idParam(ctx.params, "inventory_id");
    auto invCabinet = openInventoryCabinet(ctx.db, inv);
    if (!invCabinet)
        return fail(invCabinet.error());
    const QStringList checked =
        ctx.params.value(QStringLiteral("seven_preventions")).toStringList();
    for (const QString& c : checked)
        if (!kSevenPreventions.contains(c.trimmed()))
            return fail(
                bad(QStringLiteral("seven_preventions"),
                    {QStringLiteral("Unknown check %1 (known: %2).")
                         .arg(c, kSevenPreventions.join(QStringLiteral(", "))),
                     QStringLiteral(
                         "未知检查项「%1」（防虫、防霉、防尘、防火、防盗、防潮、防高温：%2）。")
                         .arg(c, kSevenPreventions.join(QStringLiteral(", ")))}));
    if (auto ok =
            sql::run(ctx.db,
                     QStringLiteral("UPDATE archive_inventory_lines SET state = 'missing' WHERE "
                                    "inventory_id = ? AND state = 'pending'"),
                     {inv});
        !ok)
        return fail(ok.error());
    if (auto ok = sql::run(
            ctx.db,
            QStringLiteral(
                "UPDATE archive_inventories SET status = 'closed', closed_at = ?, closed_by = ?, "
                "seven_preventions = ?, notes = ? WHERE id = ?"),
            {toStorage(ctx.now), ctx.actor.login,
             QString(QStringLiteral("") + checked.join(QLatin1Char(','))),
             ctx.params.value(QStringLiteral("notes")).toString(), inv});
        !ok)
        return fail(ok.error());
    auto counts = sql::exec(
        ctx.db,
        QStringLiteral(
            "SELECT count(*) FILTER (WHERE state = 'present'), count(*) FILTER (WHERE state = "
            "'missing'), count(*) FILTER (WHERE state = 'misplaced'), "
            "sum(damaged) FROM archive_inventory_lines WHERE inventory_id = ?"),
        {inv});
    if (!counts)
        return fail(counts.error());
    counts->next();
    const QJsonObject summary{
        {QStringLiteral("present"), counts->value(0).toLongLong()},
        {QStringLiteral("missing"), counts->value(1).toLongLong()},
        {QStringLiteral("misplaced"), counts->value(2).toLongLong()},
        {QStringLiteral("damaged"), counts->value(3).toLongLong()},
        {QStringLiteral("seven_preventions"), checked.join(QLatin1Char(','))}};
    return ActionOutcome{QStringLiteral("archive_inventory"),
                         QString::number(inv),
                         {{QStringLiteral("status"), QStringLiteral("open")}},
                         summary,
                         summary};
}

Result<ActionOutcome> proposeDestruction(ActionContext& ctx) {
    auto vols = loadVolumes(ctx.db, ctx.params.value(QStringLiteral("volumes")).toStringList(),
                            QStringLiteral("volumes"));
    if (!vols)
        return fail(vols.error());
    QJsonArray numbers;
    for (const VolumeRow& v : *vols) {
        if (v.status != QStringLiteral("active"))
            return fail(bad(QStringLiteral("volumes"),
                            {QStringLiteral("Volume %1 was destroyed already.").arg(v.number),
                             QStringLiteral("案卷 %1 已销毁。").arg(v.number)}));
        auto busy = sql::scalar(ctx.db,
                                QStringLiteral("SELECT count(*) FROM archive_loan_lines l JOIN "
                                               "archive_loans o ON o.id = l.loan_id "
                                               "WHERE l.volume_id = ? AND o.status <> 'returned'"),
                                {v.id});
        if (!busy)
            return fail(busy.error());
        if (busy->toLongLong() > 0)
            return fail(bad(QStringLiteral("volumes"),
                            {QStringLiteral("Volume %1 is on loan.").arg(v.number),
                             QStringLiteral("案卷 %1 借出未还。").arg(v.number)}));
        numbers.append(v.number);
    }
    const QString approver = ctx.approval ? ctx.approval->approver.login : QString();
    auto id = insertId(
        ctx.db,
        QStringLiteral(
            "INSERT INTO archive_disposals(method, proposed_by, proposed_at, approved_by, status) "
            "VALUES (?,?,?,?,'approved')"),
        {ctx.params.value(QStringLiteral("method")).toString(), ctx.actor.login, toStorage(ctx.now),
         approver});
    if (!id)
        return fail(id.error());
    for (const VolumeRow& v : *vols)
        if (auto ok = sql::run(
                ctx.db,
                QStringLiteral(
                    "INSERT INTO archive_disposal_lines(disposal_id, volume_id) VALUES (?,?)"),
                {*id, v.id});
            !ok)
            return fail(ok.error());
    return ActionOutcome{
        QStringLiteral("archive_disposal"),
        QString::number(*id),
        {},
        {{QStringLiteral("volumes"), numbers},
         {QStringLiteral("method"), ctx.params.value(QStringLiteral("method")).toString()},
         {QStringLiteral("approved_by"), approver}},
        {{QStringLiteral("disposal_id"), *id}}};
}

Result<ActionOutcome> destroy(ActionContext& ctx) {
    const qint64 id = idParam(ctx.params, "disposal_id");
    auto st =
        sql::value(ctx.db, QStringLiteral("SELECT status FROM archive_disposals WHERE id = ?"),
                   {id}, missing(QStringLiteral("disposal_id"), "disposal list", "销毁清单", id));
    if (!st)
        return fail(st.error());
    if (st->toString() != QStringLiteral("approved"))
        return fail(bad(QStringLiteral("disposal_id"),
                        {QStringLiteral("Disposal list %1 was carried out already.").arg(id),
                         QStringLiteral("销毁清单 %1 已执行。").arg(id)}));
    const Actor* second = signer(ctx, QStringLiteral("second_approver"));
    const QString secondName = second ? second->login : QString();
    if (auto ok = sql::run(ctx.db,
                           QStringLiteral("UPDATE archive_disposals SET status = 'destroyed', "
                                          "destroyed_at = ?, destroyed_by = ?, "
                                          "second_approver = ? WHERE id = ?"),
                           {toStorage(ctx.now), ctx.actor.login, secondName, id});
        !ok)
        return fail(ok.error());
    // Tombstones: the volumes stay in the catalogue, marked destroyed (R1-1.5.1).
    auto upd = sql::exec(
        ctx.db,
        QStringLiteral(
            "UPDATE archive_volumes SET status = 'destroyed', destroyed_at = ?, disposal_id = ? "
            "WHERE id IN (SELECT volume_id FROM archive_disposal_lines WHERE disposal_id = ?)"),
        {toStorage(ctx.now), id, id});
    if (!upd)
        return fail(upd.error());
    const int count = upd->numRowsAffected();
    return ActionOutcome{QStringLiteral("archive_disposal"),
                         QString::number(id),
                         {{QStringLiteral("status"), QStringLiteral("approved")}},
                         {{QStringLiteral("status"), QStringLiteral("destroyed")},
                          {QStringLiteral("second_approver"), secondName},
                          {QStringLiteral("volumes"), count}},
                         {{QStringLiteral("destroyed"), count}}};
}

Result<QByteArray> filingContent(const QSqlDatabase& db, const QString& id) {
    auto q = sql::exec(
        db,
        QStringLiteral(
            "SELECT f.id, v.number, i.seq_no, i.title, i.item_date, i.original, i.copy_reason, "
            "i.pages, i.responsible, f.handed_over_by, f.received_by, f.filed_at "
            "FROM archive_filings f JOIN archive_items i ON i.id = f.item_id "
            "JOIN archive_volumes v ON v.id = f.volume_id WHERE f.id = ?"),
        {id.toLongLong()});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return QByteArray();
    QStringList fields;
    for (int i = 0; i < 12; ++i)
        fields << q->value(i).toString();
    return fields.join(QLatin1Char('\x1f')).toUtf8();
}

} // namespace

Result<ActionOutcome> fileItemHandler(ActionContext& ctx) {
    return fileItem(ctx);
}

void registerArchiveActions(Services& s) {
    auto& r = s.actionRegistry();
    const ParamSpec volume = param("volume", ParamType::Text, true, kVolume);
    ParamSpec number = param("number", ParamType::Text, true, tx("Volume number", "案卷号"));
    number.maxLength = 40;
    addAction(r, {QStringLiteral("archive.add_cabinet"),
                  tx("Add archive cabinet", "添加档案柜"),
                  {param("code", ParamType::Text, true, tx("Cabinet code", "柜号")),
                   param("name", ParamType::Text, true, tx("Name", "名称")),
                   param("locked", ParamType::Bool, false, tx("Locked cabinet", "加锁专柜"))},
                  addCabinet});
    addAction(r,
              {QStringLiteral("archive.create_volume"),
               tx("Create volume", "立卷"),
               {number, param("title", ParamType::Text, true, tx("Exact title", "案卷题名")),
                param("category_id", ParamType::Id, true, tx("Category", "档案类别")),
                param("department", ParamType::Text, false, tx("Department", "部门")),
                param("organisation", ParamType::Text, false, tx("Outside organisation", "外单位")),
                kit::wholeNumber("retention_years", true,
                                 tx("Retention (years, 0 = permanent)", "保管期限（年，0为永久）"),
                                 0, 100),
                param("confidentiality", ParamType::Choice, false, tx("Confidentiality", "密级"),
                      {QStringLiteral("ordinary"), QStringLiteral("secret"),
                       QStringLiteral("confidential")}),
                param("cabinet", ParamType::Text, true, kCabinet),
                param("shelf", ParamType::Text, false, tx("Shelf", "层")),
                param("position", ParamType::Text, false, tx("Position", "位")),
                param("date_from", ParamType::Date, true, tx("Date from", "起始日期")),
                param("date_to", ParamType::Date, true, tx("Date to", "截止日期"))},
               createVolume});
    addAction(r, {QStringLiteral("archive.file_item"),
                  tx("File item (handover)", "归档（移交）"),
                  {volume, param("title", ParamType::Text, true, tx("Item title", "文件题名")),
                   param("item_date", ParamType::Date, true, tx("Item date", "文件日期")),
                   param("original", ParamType::Bool, false, tx("Original", "原件")),
                   param("copy_reason", ParamType::Text, false,
                         tx("Reason for filing a copy", "复印件原因")),
                   kit::wholeNumber("pages", true, tx("Pages", "页数"), 1),
                   param("responsible", ParamType::Text, true, tx("Responsible person", "责任者")),
                   param("document_id", ParamType::Id, false, tx("Document", "文件"))},
                  fileItem});
    addAction(r, {QStringLiteral("archive.transfer"),
                  tx("Transfer volume", "档案移交/移位"),
                  {volume, param("cabinet", ParamType::Text, true, kCabinet),
                   param("shelf", ParamType::Text, false, tx("Shelf", "层")),
                   param("position", ParamType::Text, false, tx("Position", "位")),
                   param("custodian", ParamType::Text, false, tx("Custodian", "保管人"))},
                  transfer});
    addAction(r, {QStringLiteral("archive.seal"),
                  tx("Seal volume", "封存案卷"),
                  {volume, param("bag", ParamType::Text, false, tx("Archive bag", "档案袋编号"))},
                  seal});
    addAction(r, {QStringLiteral("archive.inventory_start"),
                  tx("Start inventory", "开始盘点"),
                  {param("kind", ParamType::Choice, true, tx("Kind", "类型"),
                         {QStringLiteral("monthly"), QStringLiteral("annual"),
                          QStringLiteral("inspection")}),
                   param("cabinet", ParamType::Text, false, kCabinet)},
                  inventoryStart});
    addAction(r,
              {QStringLiteral("archive.inventory_confirm"),
               tx("Confirm volume in inventory", "盘点确认"),
               {param("inventory_id", ParamType::Id, true, tx("Inventory", "盘点")), volume,
                param("found_cabinet", ParamType::Text, false, tx("Found in cabinet", "实际位置")),
                param("damaged", ParamType::Bool, false, tx("Damaged", "破损")),
                param("note", ParamType::Text, false, tx("Note", "备注"))},
               inventoryConfirm});
    addAction(r, {QStringLiteral("archive.inventory_close"),
                  tx("Close inventory", "结束盘点"),
                  {param("inventory_id", ParamType::Id, true, tx("Inventory", "盘点")),
                   param("seven_preventions", ParamType::TextList, false,
                         tx("Seven preventions checked", "七防检查")),
                   param("notes", ParamType::LongText, false, tx("Notes", "备注"))},
                  inventoryClose});
    addAction(r, {QStringLiteral("archive.propose_destruction"),
                  tx("Propose destruction", "提请销毁"),
                  {param("volumes", ParamType::TextList, true, tx("Volumes", "案卷")),
                   kit::choice("method", true, tx("Method", "销毁方式"),
                               {{"shred", "Shredding", "粉碎"}, {"tear", "Tearing up", "撕毁"}})},
                  proposeDestruction});
    addAction(r, {QStringLiteral("archive.destroy"),
                  tx("Destroy volumes", "执行销毁"),
                  {param("disposal_id", ParamType::Id, true, tx("Disposal list", "销毁清单"))},
                  destroy});
    s.signatureBook().registerContent(QStringLiteral("archive_filing"), filingContent);
}

} // namespace fd::archives
