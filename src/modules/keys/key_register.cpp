// The register (R3-4.5.1-4.5.4): a building's owner-key slots in one action, the public,
// equipment and water-meter keys, owner deposits (业主托管, 开发商移交, 空置房), 领回 and
// retiring a key.
#include "keys_internal.h"
#include "residents/registry.h"
#include "util/clock.h"

#include <QJsonArray>

namespace fd::keys {
namespace {

const QString kRoomsOfBuilding = QStringLiteral(
    "FROM rooms r JOIN units u ON u.id = r.unit_id WHERE u.building_id = ? AND NOT EXISTS "
    "(SELECT 1 FROM key_slots s WHERE s.room_id = r.id AND s.kind = ?)");

// Gives a room its five owner-key slots, not held, where it lacks them.
Status ensureRoomSlots(const QSqlDatabase& db, qint64 roomId, const QDateTime& now) {
    for (const QString& kind : slotKinds())
        if (auto ok = sql::run(
                db,
                QStringLiteral("INSERT INTO key_slots(room_id, kind, custody, changed_at) "
                               "SELECT ?, ?, 'not_held', ? WHERE NOT EXISTS (SELECT 1 FROM "
                               "key_slots s WHERE s.room_id = ? AND s.kind = ?)"),
                {roomId, kind, toStorage(now), roomId, kind});
            !ok)
            return ok;
    return {};
}

// A tag number of the category's prefix not used yet: YZ-00012, GG-00013, ...
Result<QString> newTag(const QSqlDatabase& db, const QString& category) {
    static const QMap<QString, QString> prefixes{
        {QStringLiteral("owner"), QStringLiteral("YZ")},
        {QStringLiteral("public"), QStringLiteral("GG")},
        {QStringLiteral("equipment"), QStringLiteral("SB")},
        {QStringLiteral("water_meter"), QStringLiteral("SW")}};
    auto next = sql::scalar(db, QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM key_items"));
    if (!next)
        return fail(next.error());
    for (qint64 n = next->toLongLong();; ++n) {
        const QString tag =
            QStringLiteral("%1-%2").arg(prefixes.value(category)).arg(n, 5, 10, QLatin1Char('0'));
        auto used = sql::scalar(db, QStringLiteral("SELECT 1 FROM key_items WHERE tag = ?"), {tag});
        if (!used)
            return fail(used.error());
        if (!used->isValid())
            return tag;
    }
}

// The tag given, or a new one; a tag already in use is bad input.
Result<QString> tagFor(const ActionContext& ctx, const QString& category) {
    const QString given = textParam(ctx.params, "tag").trimmed();
    if (given.isEmpty())
        return newTag(ctx.db, category);
    auto used =
        sql::scalar(ctx.db, QStringLiteral("SELECT id FROM key_items WHERE tag = ?"), {given});
    if (!used)
        return fail(used.error());
    if (used->isValid())
        return fail(bad(QStringLiteral("tag"),
                        {QStringLiteral("Tag number %1 is in use already.").arg(given),
                         QStringLiteral("挂牌号 %1 已被使用。").arg(given)}));
    return given;
}

Result<ActionOutcome> registerBuilding(ActionContext& ctx) {
    const QString code = textParam(ctx.params, "building_code").trimmed();
    auto building =
        sql::value(ctx.db, QStringLiteral("SELECT id FROM buildings WHERE code = ?"), {code},
                   missing(QStringLiteral("building_code"), "building", "楼栋", code));
    if (!building)
        return fail(building.error());
    const qint64 buildingId = building->toLongLong();
    auto rooms = sql::scalar(
        ctx.db,
        QStringLiteral("SELECT count(*) FROM rooms r JOIN units u ON u.id = r.unit_id WHERE "
                       "u.building_id = ? AND NOT EXISTS (SELECT 1 FROM key_slots s WHERE "
                       "s.room_id = r.id)"),
        {buildingId});
    if (!rooms)
        return fail(rooms.error());
    if (rooms->toLongLong() == 0)
        return fail(bad(QStringLiteral("building_code"),
                        {QStringLiteral("Building %1 has no room without its key slots: nothing "
                                        "to register.")
                             .arg(code),
                         QStringLiteral("楼栋 %1 没有尚未登记钥匙位的房间。").arg(code)}));
    // Set-based: one statement a kind, every room at once, in the bus's one transaction
    // (all or nothing).
    qint64 slotCount = 0;
    for (const QString& kind : slotKinds()) {
        auto q = sql::exec(ctx.db,
                           QStringLiteral("INSERT INTO key_slots(room_id, kind, custody, "
                                          "changed_at) SELECT r.id, ?, 'not_held', ? ") +
                               kRoomsOfBuilding,
                           {kind, toStorage(ctx.now), buildingId, kind});
        if (!q)
            return fail(q.error());
        slotCount += q->numRowsAffected();
    }
    return ActionOutcome{
        QStringLiteral("key_building"),
        code,
        {},
        {{QStringLiteral("rooms"), rooms->toLongLong()},
         {QStringLiteral("slots"), slotCount},
         {QStringLiteral("custody"), QStringLiteral("not_held")}},
        {{QStringLiteral("rooms"), rooms->toLongLong()}, {QStringLiteral("slots"), slotCount}}};
}

Result<ActionOutcome> registerKey(ActionContext& ctx) {
    const QString category = textParam(ctx.params, "category");
    const bool emergency = kit::boolParam(ctx.params, "emergency");
    const QString building = textParam(ctx.params, "building").trimmed();
    const QString floor = textParam(ctx.params, "floor").trimmed();
    const QString equipment = textParam(ctx.params, "equipment").trimmed();
    QString label = textParam(ctx.params, "label").trimmed();
    // R3-4.5.3: public doors and windows by building and floor, equipment rooms by equipment.
    if (category == QStringLiteral("owner") && !emergency)
        return fail(bad(QStringLiteral("category"),
                        tx("Owner keys enter the register when deposited (key.deposit), on the "
                           "room's slots; here only the owner keys' emergency set.",
                           "业主钥匙通过托管登记（key.deposit）入柜，登记到房间的钥匙位；此处只登记"
                           "业主钥匙的紧急备用套。")));
    if (category == QStringLiteral("public") && (building.isEmpty() || floor.isEmpty()))
        return fail(bad(building.isEmpty() ? QStringLiteral("building") : QStringLiteral("floor"),
                        tx("Public door and window keys are labelled by building and floor "
                           "[R3-4.5.3].",
                           "公共门窗钥匙按楼栋和楼层标识，须填写楼栋和楼层【R3-4.5.3】。")));
    if (category == QStringLiteral("equipment") && equipment.isEmpty())
        return fail(bad(QStringLiteral("equipment"),
                        tx("Equipment room keys are labelled by equipment [R3-4.5.3].",
                           "设备房钥匙按设备标识，须填写设备名称【R3-4.5.3】。")));
    if (category == QStringLiteral("water_meter") && building.isEmpty())
        return fail(bad(QStringLiteral("building"),
                        tx("Water-meter box keys name their building.", "水表箱钥匙须填写楼栋。")));
    if (label.isEmpty()) {
        if (category == QStringLiteral("public"))
            label = QStringLiteral("%1栋%2层 公共门窗").arg(building, floor);
        else if (category == QStringLiteral("equipment"))
            label = QStringLiteral("设备房：%1").arg(equipment);
        else if (category == QStringLiteral("water_meter"))
            label = floor.isEmpty() ? QStringLiteral("%1栋 水表箱").arg(building)
                                    : QStringLiteral("%1栋%2层 水表箱").arg(building, floor);
        else
            label = QStringLiteral("业主钥匙紧急备用套");
    }
    if (emergency)
        label += QStringLiteral("（紧急备用）");
    auto tag = tagFor(ctx, category);
    if (!tag)
        return fail(tag.error());
    const qint64 copies = kit::intParam(ctx.params, "copies", 1);
    auto id =
        insertId(ctx.db,
                 QStringLiteral("INSERT INTO key_items(tag, category, building, floor, "
                                "equipment, label, hook, copies, emergency, status, "
                                "registered_at, registered_by) VALUES "
                                "(?,?,?,?,?,?,?,?,?,'in',?,?)"),
                 {*tag, category, building, floor, equipment, label, textParam(ctx.params, "hook"),
                  copies, emergency ? 1 : 0, toStorage(ctx.now), ctx.actor.login});
    if (!id)
        return fail(id.error());
    if (auto ok = addHistory(ctx.db, *id, ctx.now, QStringLiteral("registered"),
                             QStringLiteral("%1 %2").arg(textParam(ctx.params, "hook"), label),
                             ctx.actor.login);
        !ok)
        return fail(ok.error());
    return ActionOutcome{QStringLiteral("key"),
                         QString::number(*id),
                         {},
                         {{QStringLiteral("tag"), *tag},
                          {QStringLiteral("category"), category},
                          {QStringLiteral("label"), label},
                          {QStringLiteral("hook"), textParam(ctx.params, "hook")},
                          {QStringLiteral("copies"), copies},
                          {QStringLiteral("emergency"), emergency}},
                         {{QStringLiteral("key_id"), *id}, {QStringLiteral("tag"), *tag}}};
}

struct Owner {
    qint64 id = 0;
    QString name;
    QString idTail;
};

// The current owner `residentId` of room `roomId` in the residents registry.
Result<std::optional<Owner>> currentOwner(const QSqlDatabase& db, qint64 residentId,
                                          qint64 roomId) {
    auto q = sql::exec(db,
                       QStringLiteral("SELECT id, name, id_tail FROM residents WHERE id = ? AND "
                                      "room_id = ? AND kind = 'owner' AND move_out = ''"),
                       {residentId, roomId});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return std::optional<Owner>{};
    return std::optional<Owner>{
        Owner{q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString()}};
}

Result<ActionOutcome> deposit(ActionContext& ctx) {
    const QString roomCode = textParam(ctx.params, "room_code").trimmed();
    auto room =
        sql::value(ctx.db, QStringLiteral("SELECT id FROM rooms WHERE code = ?"), {roomCode},
                   missing(QStringLiteral("room_code"), "room", "房间", roomCode));
    if (!room)
        return fail(room.error());
    const qint64 roomId = room->toLongLong();
    const QString custody = textParam(ctx.params, "custody");
    if (auto ok = ensureRoomSlots(ctx.db, roomId, ctx.now); !ok)
        return fail(ok.error());
    // The slots the ring holds, each one not held now.
    QStringList kinds;
    for (const QString& given : ctx.params.value(QStringLiteral("slots")).toStringList()) {
        QString kind = given.trimmed();
        for (auto it = slotKindLabels().cbegin(); it != slotKindLabels().cend(); ++it)
            if (it->zh == kind || it->en.compare(kind, Qt::CaseInsensitive) == 0)
                kind = it.key();
        if (!slotKinds().contains(kind))
            return fail(bad(QStringLiteral("slots"),
                            {QStringLiteral("%1 is not an owner key kind (security_door, "
                                            "interior_door, intercom_door, water_meter_box, "
                                            "mailbox) [R3-4.5.3].")
                                 .arg(given),
                             QStringLiteral("「%1」不是业主钥匙的种类（防盗门、室内门、电子对讲门、"
                                            "水表箱、信箱）【R3-4.5.3】。")
                                 .arg(given)}));
        if (!kinds.contains(kind))
            kinds << kind;
    }
    if (kinds.isEmpty())
        return fail(bad(QStringLiteral("slots"),
                        tx("Name the kinds of key deposited.", "请选择托管的钥匙种类。")));
    for (const QString& kind : kinds) {
        auto held = sql::scalar(ctx.db,
                                QStringLiteral("SELECT custody FROM key_slots WHERE room_id = ? "
                                               "AND kind = ?"),
                                {roomId, kind});
        if (!held)
            return fail(held.error());
        if (held->toString() != QStringLiteral("not_held"))
            return fail(bad(QStringLiteral("slots"),
                            {QStringLiteral("The %1 key of %2 is held already (%3).")
                                 .arg(slotKindLabels().value(kind).en, roomCode,
                                      custodyLabels().value(held->toString()).en),
                             QStringLiteral("%2 的%1钥匙已在托管中（%3）。")
                                 .arg(slotKindLabels().value(kind).zh, roomCode,
                                      custodyLabels().value(held->toString()).zh)}));
    }
    QString depositor = textParam(ctx.params, "depositor_name").trimmed();
    QString depositorTail = textParam(ctx.params, "depositor_id_tail").trimmed();
    QVariant depositorResident;
    if (custody == QStringLiteral("owner_deposit")) {
        const qint64 residentId = idParam(ctx.params, "depositor_resident_id");
        if (residentId <= 0)
            return fail(bad(QStringLiteral("depositor_resident_id"),
                            tx("An owner's deposit names the owner from the residents registry.",
                               "业主托管须从住户登记中选择业主本人。")));
        auto owner = currentOwner(ctx.db, residentId, roomId);
        if (!owner)
            return fail(owner.error());
        if (!*owner)
            return fail(
                bad(QStringLiteral("depositor_resident_id"),
                    {QStringLiteral("Resident %1 is not a current owner of %2.")
                         .arg(residentId)
                         .arg(roomCode),
                     QStringLiteral("住户 %1 不是 %2 的现业主。").arg(residentId).arg(roomCode)}));
        depositor = (*owner)->name;
        depositorTail = (*owner)->idTail;
        depositorResident = residentId;
    } else if (custody == QStringLiteral("developer_handover") && depositor.isEmpty()) {
        return fail(bad(QStringLiteral("depositor_name"),
                        tx("A developer's handover names who handed the keys over.",
                           "开发商移交须填写移交人（单位及经办人）。")));
    } else if (depositor.isEmpty()) {
        depositor = QStringLiteral("空置房");
    }
    const QString authorised = textParam(ctx.params, "authorised_name").trimmed();
    const QString authorisedTail = textParam(ctx.params, "authorised_id_tail").trimmed();
    if (!authorised.isEmpty() && !residents::isIdTail(authorisedTail))
        return fail(bad(QStringLiteral("authorised_id_tail"),
                        tx("The authorised person's ID document: its last 4 characters.",
                           "授权人身份证件须填写末4位。")));
    auto depositId = insertId(
        ctx.db,
        QStringLiteral("INSERT INTO key_deposits(room_id, custody, depositor_resident_id, "
                       "depositor_name, depositor_id_tail, depositor_phone, authorised_name, "
                       "authorised_id_tail, note, deposited_at, received_by) VALUES "
                       "(?,?,?,?,?,?,?,?,?,?,?)"),
        {roomId, custody,
         depositorResident.isValid() ? depositorResident : QVariant(QMetaType(QMetaType::LongLong)),
         depositor, depositorTail, textParam(ctx.params, "depositor_phone"), authorised,
         authorisedTail, textParam(ctx.params, "note"), toStorage(ctx.now), ctx.actor.login});
    if (!depositId)
        return fail(depositId.error());
    auto tag = tagFor(ctx, QStringLiteral("owner"));
    if (!tag)
        return fail(tag.error());
    QStringList kindWords;
    for (const QString& kind : kinds)
        kindWords << slotKindLabels().value(kind).zh;
    const QString label =
        QStringLiteral("%1 %2").arg(roomCode, kindWords.join(QStringLiteral("、")));
    const qint64 copies = kit::intParam(ctx.params, "copies", kinds.size());
    auto keyId =
        insertId(ctx.db,
                 QStringLiteral("INSERT INTO key_items(tag, category, room_id, deposit_id, "
                                "label, hook, copies, emergency, status, registered_at, "
                                "registered_by) VALUES (?,'owner',?,?,?,?,?,0,'in',?,?)"),
                 {*tag, roomId, *depositId, label, textParam(ctx.params, "hook"), copies,
                  toStorage(ctx.now), ctx.actor.login});
    if (!keyId)
        return fail(keyId.error());
    for (const QString& kind : kinds)
        if (auto ok = sql::run(ctx.db,
                               QStringLiteral("UPDATE key_slots SET custody = ?, key_id = ?, "
                                              "changed_at = ? WHERE room_id = ? AND kind = ?"),
                               {custody, *keyId, toStorage(ctx.now), roomId, kind});
            !ok)
            return fail(ok.error());
    if (auto ok =
            addHistory(ctx.db, *keyId, ctx.now, QStringLiteral("deposited"),
                       QStringLiteral("%1：%2").arg(custodyLabels().value(custody).zh, depositor),
                       ctx.actor.login);
        !ok)
        return fail(ok.error());
    return ActionOutcome{QStringLiteral("key_deposit"),
                         QString::number(*depositId),
                         {},
                         {{QStringLiteral("room"), roomCode},
                          {QStringLiteral("custody"), custody},
                          {QStringLiteral("slots"), QJsonArray::fromStringList(kinds)},
                          {QStringLiteral("depositor"), depositor},
                          {QStringLiteral("authorised"), authorised},
                          {QStringLiteral("tag"), *tag},
                          {QStringLiteral("hook"), textParam(ctx.params, "hook")},
                          {QStringLiteral("copies"), copies}},
                         {{QStringLiteral("deposit_id"), *depositId},
                          {QStringLiteral("key_id"), *keyId},
                          {QStringLiteral("tag"), *tag}}};
}

// The key leaves the register for good: its slots are no longer held.
Status releaseSlots(const ActionContext& ctx, qint64 keyId) {
    return sql::run(ctx.db,
                    QStringLiteral("UPDATE key_slots SET custody = 'not_held', key_id = NULL, "
                                   "changed_at = ? WHERE key_id = ?"),
                    {toStorage(ctx.now), keyId});
}

// 领回: not a loan. The rule key-takeback-owner-or-authorised checked who takes them.
Result<ActionOutcome> takeBack(ActionContext& ctx) {
    auto key = loadKey(ctx.db, textParam(ctx.params, "tag"), QStringLiteral("tag"));
    if (!key)
        return fail(key.error());
    if (key->category != QStringLiteral("owner") || key->depositId == 0)
        return fail(bad(QStringLiteral("tag"),
                        {QStringLiteral("Key %1 was not deposited for a room: nothing to take "
                                        "back.")
                             .arg(key->tag),
                         QStringLiteral("钥匙 %1 不是房间的托管钥匙，无需领回。").arg(key->tag)}));
    if (key->status != QStringLiteral("in"))
        return fail(
            bad(QStringLiteral("tag"), {QStringLiteral("Key %1 is %2, not in the cabinet.")
                                            .arg(key->tag, statusLabels().value(key->status).en),
                                        QStringLiteral("钥匙 %1 当前状态为%2，不在柜内。")
                                            .arg(key->tag, statusLabels().value(key->status).zh)}));
    const QString kind = textParam(ctx.params, "taker_kind");
    QString name = textParam(ctx.params, "taker_name").trimmed();
    const qint64 residentId = idParam(ctx.params, "taker_resident_id");
    if (kind == QStringLiteral("owner")) {
        auto n = sql::scalar(ctx.db, QStringLiteral("SELECT name FROM residents WHERE id = ?"),
                             {residentId});
        if (!n)
            return fail(n.error());
        name = n->toString();
    }
    auto id = insertId(ctx.db,
                       QStringLiteral("INSERT INTO key_takebacks(key_id, taker_kind, "
                                      "taker_resident_id, taker_name, taker_id_tail, taken_at, "
                                      "handed_by) VALUES (?,?,?,?,?,?,?)"),
                       {key->id, kind,
                        kind == QStringLiteral("owner") ? QVariant(residentId)
                                                        : QVariant(QMetaType(QMetaType::LongLong)),
                        name, textParam(ctx.params, "taker_id_tail").trimmed().toUpper(),
                        toStorage(ctx.now), ctx.actor.login});
    if (!id)
        return fail(id.error());
    if (auto ok = sql::run(ctx.db,
                           QStringLiteral("UPDATE key_items SET status = 'retired', retired_at = ? "
                                          "WHERE id = ?"),
                           {toStorage(ctx.now), key->id});
        !ok)
        return fail(ok.error());
    if (auto ok = releaseSlots(ctx, key->id); !ok)
        return fail(ok.error());
    if (auto ok = addHistory(ctx.db, key->id, ctx.now, QStringLiteral("taken_back"),
                             QStringLiteral("%1（%2）").arg(name, borrowerLabels().value(kind).zh),
                             ctx.actor.login);
        !ok)
        return fail(ok.error());
    return ActionOutcome{QStringLiteral("key_takeback"),
                         QString::number(*id),
                         {{QStringLiteral("status"), QStringLiteral("in")}},
                         {{QStringLiteral("tag"), key->tag},
                          {QStringLiteral("room"), key->roomCode},
                          {QStringLiteral("taker_kind"), kind},
                          {QStringLiteral("taker"), name},
                          {QStringLiteral("status"), QStringLiteral("retired")}},
                         {{QStringLiteral("takeback_id"), *id}}};
}

Result<ActionOutcome> retire(ActionContext& ctx) {
    auto key = loadKey(ctx.db, textParam(ctx.params, "tag"), QStringLiteral("tag"));
    if (!key)
        return fail(key.error());
    // A key in the cabinet, or a lost one written off once replaced.
    if (key->status != QStringLiteral("in") && key->status != QStringLiteral("lost"))
        return fail(
            bad(QStringLiteral("tag"),
                {QStringLiteral("Key %1 is %2; only a key in the cabinet or a lost one is retired.")
                     .arg(key->tag, statusLabels().value(key->status).en),
                 QStringLiteral("钥匙 %1 当前状态为%2，只有在柜或已遗失的钥匙才能注销。")
                     .arg(key->tag, statusLabels().value(key->status).zh)}));
    if (auto ok = sql::run(ctx.db,
                           QStringLiteral("UPDATE key_items SET status = 'retired', retired_at = ? "
                                          "WHERE id = ?"),
                           {toStorage(ctx.now), key->id});
        !ok)
        return fail(ok.error());
    if (auto ok = releaseSlots(ctx, key->id); !ok)
        return fail(ok.error());
    if (auto ok = addHistory(ctx.db, key->id, ctx.now, QStringLiteral("retired"),
                             textParam(ctx.params, "note"), ctx.actor.login);
        !ok)
        return fail(ok.error());
    return ActionOutcome{QStringLiteral("key"),
                         QString::number(key->id),
                         {{QStringLiteral("status"), key->status}},
                         {{QStringLiteral("status"), QStringLiteral("retired")},
                          {QStringLiteral("note"), textParam(ctx.params, "note")}},
                         {}};
}

} // namespace

void registerRegisterActions(Services& s) {
    auto& r = s.actionRegistry();
    s.valueNameRegistry().add(
        QStringLiteral("tag"),
        kit::namedBy(QStringLiteral("SELECT tag || ' ' || label FROM key_items WHERE tag = ?")));
    const ParamSpec tag = kit::boundedText("tag", tx("Tag number", "挂牌号"), false, 30);
    const ParamSpec hook =
        kit::boundedText("hook", tx("Cabinet and hook", "钥匙柜挂放位置"), true, 30);
    const ParamSpec copies =
        kit::wholeNumber("copies", false, tx("Keys on the ring", "钥匙数量"), 1, 50);
    addAction(r, {QStringLiteral("key.register_building"),
                  tx("Register a building's owner-key slots", "登记楼栋业主钥匙位"),
                  {param("building_code", ParamType::Text, true, tx("Building", "楼栋"))},
                  registerBuilding});
    addAction(
        r,
        {QStringLiteral("key.register"),
         tx("Register a key", "登记钥匙"),
         {kit::choice("category", true, tx("Category", "钥匙类别"),
                      {{"owner", "Owner (resident) key", "业主（住户）钥匙"},
                       {"public", "Public door and window key", "公共门窗钥匙"},
                       {"equipment", "Equipment room key", "设备房钥匙"},
                       {"water_meter", "Water-meter box key", "水表箱钥匙"}}),
          tag, hook, copies, param("building", ParamType::Text, false, tx("Building", "楼栋")),
          param("floor", ParamType::Text, false, tx("Floor", "楼层")),
          param("equipment", ParamType::Text, false, tx("Equipment", "设备")),
          param("label", ParamType::Text, false, tx("Label", "标识")),
          param("emergency", ParamType::Bool, false, tx("In the emergency set", "紧急备用钥匙"))},
         registerKey});
    addAction(
        r, {QStringLiteral("key.deposit"),
            tx("Deposit owner keys", "钥匙托管登记"),
            {param("room_code", ParamType::Text, true, tx("Room", "房号")),
             kit::choice("custody", true, tx("Custody", "托管方式"),
                         {{"owner_deposit", "Deposited by the owner", "业主托管"},
                          {"developer_handover", "Handed over by the developer", "开发商移交"},
                          {"vacant", "Vacant unit", "空置房"}}),
             param("slots", ParamType::TextList, true, tx("Kinds of key", "钥匙种类")), tag, hook,
             copies, param("depositor_resident_id", ParamType::Id, false, tx("Owner", "业主")),
             param("depositor_name", ParamType::Text, false, tx("Handed over by", "移交人")),
             param("depositor_id_tail", ParamType::Text, false,
                   tx("Depositor's ID (last 4)", "移交人证件末4位")),
             param("depositor_phone", ParamType::Text, false, tx("Phone", "联系电话")),
             param("authorised_name", ParamType::Text, false,
                   tx("Authorised to take them back", "领回授权人")),
             param("authorised_id_tail", ParamType::Text, false,
                   tx("Authorised person's ID (last 4)", "授权人证件末4位")),
             param("note", ParamType::Text, false, tx("Note", "备注"))},
            deposit});
    addAction(r, {QStringLiteral("key.take_back"),
                  tx("Take deposited keys back (领回)", "业主领回钥匙"),
                  {kit::boundedText("tag", tx("Tag number", "挂牌号"), true, 30),
                   kit::choice("taker_kind", true, tx("Taken back by", "领回人"),
                               {{"owner", "The owner", "业主本人"},
                                {"authorised", "Person authorised by the owner", "业主授权人"}}),
                   param("taker_resident_id", ParamType::Id, false, tx("Owner", "业主")),
                   param("taker_name", ParamType::Text, false, tx("Name", "姓名")),
                   param("taker_id_tail", ParamType::Text, true,
                         tx("ID document (last 4)", "身份证件末4位"))},
                  takeBack});
    addAction(r, {QStringLiteral("key.retire"),
                  tx("Retire a key", "注销钥匙"),
                  {kit::boundedText("tag", tx("Tag number", "挂牌号"), true, 30),
                   param("note", ParamType::Text, true, tx("Why", "原因"))},
                  retire});
}

} // namespace fd::keys
