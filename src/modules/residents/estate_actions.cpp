// Actions on the estate and its residents: buildings, rooms, moving in and out, edits,
// revealing a phone number (R6-3) and importing.
#include "db/sql.h"
#include "residents/estate_writer.h"
#include "residents/module_parts.h"
#include "residents/resident_import.h"
#include "util/clock.h"
#include "util/privacy.h"

#include <QFileInfo>
#include <QJsonObject>

namespace fd::residents {
namespace {

const Text kRoomCode{QStringLiteral("Room"), QStringLiteral("房号")};
const Text kKind{QStringLiteral("Type"), QStringLiteral("类型")};
const Text kName{QStringLiteral("Name"), QStringLiteral("姓名")};
const Text kIdTail{QStringLiteral("ID card (last 4)"), QStringLiteral("身份证后四位")};
const Text kPhone{QStringLiteral("Phone"), QStringLiteral("电话")};
const Text kPhone2{QStringLiteral("Second phone"), QStringLiteral("电话2")};
const Text kMoveIn{QStringLiteral("Moved in"), QStringLiteral("入住日期")};
const Text kMoveOut{QStringLiteral("Moved out"), QStringLiteral("迁出日期")};
const Text kNotes{QStringLiteral("Notes"), QStringLiteral("备注")};
const Text kResident{QStringLiteral("Resident"), QStringLiteral("住户")};

const QStringList kKinds{QStringLiteral("owner"), QStringLiteral("tenant"),
                         QStringLiteral("family")};

QDate officeToday(const ActionContext& ctx) {
    return ctx.now.toTimeZone(Clock::officeZone()).date();
}

// Validates the ID tail and the phones of `f` (phones normalised in place).
Status checkPersonalFields(ResidentFields& f) {
    if (!f.idTail.isEmpty() && !isIdTail(f.idTail))
        return fail(
            bad(QStringLiteral("id_tail"),
                QStringLiteral(
                    "ID card (last 4): only the last 4 characters of the ID number are "
                    "recorded (digits, the last may be X); a whole ID number is never stored."),
                QStringLiteral("身份证后四位：只记录身份证号码的最后 4 位（数字，末位可为 "
                               "X），不保存完整号码。")));
    f.idTail = f.idTail.toUpper();
    for (auto [field, value] : {std::pair{QStringLiteral("phone"), &f.phone},
                                std::pair{QStringLiteral("phone2"), &f.phone2}}) {
        if (value->isEmpty())
            continue;
        const QString normal = normalisePhone(*value);
        if (normal.isEmpty())
            return fail(bad(field,
                            QStringLiteral("%1: not a phone number (7 to 15 digits).")
                                .arg(field == QStringLiteral("phone") ? kPhone.en : kPhone2.en),
                            QStringLiteral("%1：不是有效的电话号码（7 至 15 位数字）。")
                                .arg(field == QStringLiteral("phone") ? kPhone.zh : kPhone2.zh)));
        *value = normal;
    }
    if (f.phone.isEmpty() && !f.phone2.isEmpty())
        std::swap(f.phone, f.phone2);
    return {};
}

Result<std::optional<qint64>> currentNamesake(const QSqlDatabase& db, qint64 roomId,
                                              const QString& name, qint64 except) {
    auto v = sql::scalar(db,
                         QStringLiteral("SELECT id FROM residents WHERE room_id = ? AND name = ? "
                                        "AND move_out = '' AND id <> ?"),
                         {roomId, name, except});
    if (!v)
        return fail(v.error());
    return v->isValid() ? std::optional<qint64>(v->toLongLong()) : std::nullopt;
}

Error duplicateResident(const QString& name, const QString& roomCode, qint64 id) {
    return bad(
        QStringLiteral("name"),
        QStringLiteral("%1 is registered in %2 already (resident %3); edit that record instead.")
            .arg(name, roomCode)
            .arg(id),
        QStringLiteral("%1 已登记在 %2（住户编号 %3），请修改原记录，不要重复登记。")
            .arg(name, roomCode)
            .arg(id));
}

Result<RoomCode> roomCodeParam(const QVariantMap& params) {
    const QString raw = params.value(QStringLiteral("room_code")).toString();
    const auto code = RoomCode::parse(raw);
    if (!code)
        return fail(
            bad(QStringLiteral("room_code"),
                QStringLiteral("Room: %1 is not building-unit-room (e.g. 3-2-1502).").arg(raw),
                QStringLiteral("房号：「%1」格式应为 楼栋-单元-房号（如 3-2-1502）。").arg(raw)));
    return *code;
}

// A resident row as stored, phones whole (only inside handlers).
struct StoredResident {
    qint64 id = 0;
    qint64 roomId = 0;
    QString roomCode;
    QString buildingName;
    ResidentFields fields;
    QDate moveOut;
};

Result<StoredResident> loadResident(const QSqlDatabase& db, qint64 id) {
    auto q = sql::one(
        db,
        QStringLiteral("SELECT r.id, r.room_id, r.room_code, b.name, r.kind, "
                       "r.name, r.id_tail, r.phone, r.phone2, r.move_in, "
                       "r.notes, r.move_out FROM residents r JOIN rooms m ON m.id = "
                       "r.room_id JOIN units u ON u.id = m.unit_id "
                       "JOIN buildings b ON b.id = u.building_id WHERE r.id = ?"),
        {id},
        Error::notFound(QStringLiteral("id"), {QStringLiteral("There is no resident %1.").arg(id),
                                               QStringLiteral("住户编号 %1 不存在。").arg(id)}));
    if (!q)
        return fail(q.error());
    StoredResident r;
    r.id = q->value(0).toLongLong();
    r.roomId = q->value(1).toLongLong();
    r.roomCode = q->value(2).toString();
    r.buildingName = q->value(3).toString();
    r.fields.kind = parseKind(q->value(4).toString()).value_or(ResidentKind::Owner);
    r.fields.name = q->value(5).toString();
    r.fields.idTail = q->value(6).toString();
    r.fields.phone = q->value(7).toString();
    r.fields.phone2 = q->value(8).toString();
    r.fields.moveIn = QDate::fromString(q->value(9).toString(), Qt::ISODate);
    r.fields.notes = q->value(10).toString();
    r.moveOut = QDate::fromString(q->value(11).toString(), Qt::ISODate);
    return r;
}

Result<ActionOutcome> createBuilding(ActionContext& ctx) {
    const QString code = ctx.params.value(QStringLiteral("code")).toString().toUpper();
    static const QRegularExpression re(QStringLiteral("^[0-9A-Z]{1,8}$"));
    if (!re.match(code).hasMatch())
        return fail(bad(QStringLiteral("code"),
                        QStringLiteral("Building number: 1 to 8 letters or digits, e.g. 3."),
                        QStringLiteral("楼栋号：1 至 8 位字母或数字，如 3。")));
    QString name = ctx.params.value(QStringLiteral("name")).toString();
    if (name.isEmpty())
        name = code + QStringLiteral("号楼");
    auto exists =
        sql::scalar(ctx.db, QStringLiteral("SELECT id FROM buildings WHERE code = ?"), {code});
    if (!exists)
        return fail(exists.error());
    if (exists->isValid())
        return fail(bad(QStringLiteral("code"),
                        QStringLiteral("Building %1 exists already.").arg(code),
                        QStringLiteral("楼栋「%1」已存在。").arg(code)));
    EstateWriter w(ctx.db, ctx.now);
    auto id = w.createBuilding(code, name);
    if (!id)
        return fail(id.error());
    return ActionOutcome{QStringLiteral("building"),
                         QString::number(*id),
                         {},
                         {{QStringLiteral("code"), code}, {QStringLiteral("name"), name}},
                         {{QStringLiteral("id"), *id}}};
}

Result<ActionOutcome> createRoom(ActionContext& ctx) {
    QString building = ctx.params.value(QStringLiteral("building_code")).toString();
    if (building.isEmpty() && ctx.params.contains(QStringLiteral("building_id"))) {
        auto code = sql::scalar(ctx.db, QStringLiteral("SELECT code FROM buildings WHERE id = ?"),
                                {ctx.params.value(QStringLiteral("building_id"))});
        if (!code)
            return fail(code.error());
        building = code->toString();
    }
    if (building.isEmpty())
        return fail(bad(QStringLiteral("building_code"),
                        QStringLiteral("Building: choose an existing building."),
                        QStringLiteral("楼栋：请选择已有的楼栋。")));
    const QString raw = building + QLatin1Char('-') +
                        ctx.params.value(QStringLiteral("unit")).toString() + QLatin1Char('-') +
                        ctx.params.value(QStringLiteral("number")).toString();
    const auto code = RoomCode::parse(raw);
    if (!code)
        return fail(
            bad(QStringLiteral("number"),
                QStringLiteral("Room: %1 is not building-unit-room (e.g. 3-2-1502).").arg(raw),
                QStringLiteral("房号：「%1」格式应为 楼栋-单元-房号（如 3-2-1502）。").arg(raw)));
    EstateWriter w(ctx.db, ctx.now);
    auto existing = w.findRoom(*code);
    if (!existing)
        return fail(existing.error());
    if (*existing)
        return fail(bad(QStringLiteral("number"),
                        QStringLiteral("Room %1 exists already.").arg(code->text()),
                        QStringLiteral("房间「%1」已存在。").arg(code->text())));
    auto room = w.ensureRoom(*code, false);
    if (!room)
        return fail(room.error());
    return ActionOutcome{
        QStringLiteral("room"),
        QString::number(room->roomId),
        {},
        {{QStringLiteral("code"), code->text()},
         {QStringLiteral("unit_created"), w.unitsCreated() > 0}},
        {{QStringLiteral("id"), room->roomId}, {QStringLiteral("code"), code->text()}}};
}

Result<ActionOutcome> registerResident(ActionContext& ctx) {
    auto code = roomCodeParam(ctx.params);
    if (!code)
        return fail(code.error());
    ResidentFields f;
    f.kind = parseKind(ctx.params.value(QStringLiteral("kind")).toString())
                 .value_or(ResidentKind::Owner);
    f.name = ctx.params.value(QStringLiteral("name")).toString();
    f.idTail = ctx.params.value(QStringLiteral("id_tail")).toString();
    f.phone = ctx.params.value(QStringLiteral("phone")).toString();
    f.phone2 = ctx.params.value(QStringLiteral("phone2")).toString();
    f.moveIn = ctx.params.value(QStringLiteral("move_in")).toDate();
    f.notes = ctx.params.value(QStringLiteral("notes")).toString();
    if (auto ok = checkPersonalFields(f); !ok)
        return fail(ok.error());
    EstateWriter w(ctx.db, ctx.now);
    auto room = w.findRoom(*code);
    if (!room)
        return fail(room.error());
    if (!*room)
        return fail(
            bad(QStringLiteral("room_code"),
                QStringLiteral("Room: there is no room %1 in the registry.").arg(code->text()),
                QStringLiteral("房号：房间「%1」未登记。").arg(code->text())));
    auto twin = currentNamesake(ctx.db, (*room)->roomId, f.name, 0);
    if (!twin)
        return fail(twin.error());
    if (*twin)
        return fail(duplicateResident(f.name, code->text(), **twin));
    auto id = w.insertResident(*code, **room, f);
    if (!id)
        return fail(id.error());
    return ActionOutcome{QStringLiteral("resident"),
                         QString::number(*id),
                         {},
                         auditValues(code->text(), f),
                         {{QStringLiteral("id"), *id}}};
}

Result<ActionOutcome> updateResident(ActionContext& ctx) {
    auto stored = loadResident(ctx.db, idParam(ctx.params, "id"));
    if (!stored)
        return fail(stored.error());
    ResidentFields f = stored->fields;
    const QVariantMap& p = ctx.params;
    if (p.contains(QStringLiteral("kind")))
        f.kind = parseKind(p.value(QStringLiteral("kind")).toString()).value_or(f.kind);
    for (auto [key, field] : {std::pair{QStringLiteral("name"), &f.name},
                              std::pair{QStringLiteral("id_tail"), &f.idTail},
                              std::pair{QStringLiteral("phone"), &f.phone},
                              std::pair{QStringLiteral("phone2"), &f.phone2},
                              std::pair{QStringLiteral("notes"), &f.notes}})
        if (p.contains(key))
            *field = p.value(key).toString();
    if (p.contains(QStringLiteral("move_in")))
        f.moveIn = p.value(QStringLiteral("move_in")).toDate();
    for (const QString& c : p.value(QStringLiteral("clear")).toStringList()) {
        if (c == QStringLiteral("id_tail"))
            f.idTail.clear();
        else if (c == QStringLiteral("phone"))
            f.phone.clear();
        else if (c == QStringLiteral("phone2"))
            f.phone2.clear();
        else if (c == QStringLiteral("move_in"))
            f.moveIn = {};
        else if (c == QStringLiteral("notes"))
            f.notes.clear();
        else
            return fail(
                bad(QStringLiteral("clear"),
                    QStringLiteral(
                        "Clear: %1 cannot be emptied (id_tail, phone, phone2, move_in, notes can).")
                        .arg(c),
                    QStringLiteral(
                        "清空：「%1」不能清空（可清空 id_tail、phone、phone2、move_in、notes）。")
                        .arg(c)));
    }
    if (auto ok = checkPersonalFields(f); !ok)
        return fail(ok.error());
    if (f.name != stored->fields.name) {
        auto twin = currentNamesake(ctx.db, stored->roomId, f.name, stored->id);
        if (!twin)
            return fail(twin.error());
        if (*twin && stored->moveOut.isNull())
            return fail(duplicateResident(f.name, stored->roomCode, **twin));
    }
    const QJsonObject before = auditValues(stored->roomCode, stored->fields);
    const QJsonObject after = auditValues(stored->roomCode, f);
    QJsonObject oldValues, newValues;
    for (auto it = after.begin(); it != after.end(); ++it)
        if (before.value(it.key()) != it.value()) {
            oldValues.insert(it.key(), before.value(it.key()));
            newValues.insert(it.key(), it.value());
        }
    // A phone changed to a number with the same mask still counts as a change.
    if (f.phone != stored->fields.phone && !newValues.contains(QStringLiteral("phone"))) {
        oldValues.insert(QStringLiteral("phone"), before.value(QStringLiteral("phone")));
        newValues.insert(QStringLiteral("phone"), after.value(QStringLiteral("phone")));
    }
    if (f.phone2 != stored->fields.phone2 && !newValues.contains(QStringLiteral("phone2"))) {
        oldValues.insert(QStringLiteral("phone2"), before.value(QStringLiteral("phone2")));
        newValues.insert(QStringLiteral("phone2"), after.value(QStringLiteral("phone2")));
    }
    if (newValues.isEmpty())
        return fail(bad(QStringLiteral("id"),
                        QStringLiteral("Nothing to change: the values are the same as recorded."),
                        QStringLiteral("没有需要修改的内容：与已登记的相同。")));
    auto q = sql::exec(
        ctx.db,
        QStringLiteral("UPDATE residents SET kind = ?, name = ?, id_tail = ?, phone = ?, phone2 = "
                       "?, phone_tail = ?, "
                       "phone2_tail = ?, move_in = ?, notes = ?, search_text = ?, updated_at = ? "
                       "WHERE id = ?"),
        {kindCode(f.kind), f.name, sql::text(f.idTail), sql::text(f.phone), sql::text(f.phone2),
         sql::text(f.phone.right(4)), sql::text(f.phone2.right(4)),
         sql::text(f.moveIn.isValid() ? f.moveIn.toString(Qt::ISODate) : QString()),
         sql::text(f.notes),
         searchTextOf(stored->roomCode, f.name, stored->buildingName, f.notes, f.kind),
         toStorage(ctx.now), stored->id});
    if (!q)
        return fail(q.error());
    return ActionOutcome{
        QStringLiteral("resident"), QString::number(stored->id), oldValues, newValues, {}};
}

Result<ActionOutcome> moveOut(ActionContext& ctx) {
    auto stored = loadResident(ctx.db, idParam(ctx.params, "id"));
    if (!stored)
        return fail(stored.error());
    if (stored->moveOut.isValid())
        return fail(bad(
            QStringLiteral("id"),
            QStringLiteral("%1 moved out of %2 on %3 already.")
                .arg(stored->fields.name, stored->roomCode, stored->moveOut.toString(Qt::ISODate)),
            QStringLiteral("%1 已于 %3 迁出 %2。")
                .arg(stored->fields.name, stored->roomCode,
                     stored->moveOut.toString(Qt::ISODate))));
    const QDate day = ctx.params.contains(QStringLiteral("move_out"))
                          ? ctx.params.value(QStringLiteral("move_out")).toDate()
                          : officeToday(ctx);
    if (stored->fields.moveIn.isValid() && day < stored->fields.moveIn)
        return fail(
            bad(QStringLiteral("move_out"),
                QStringLiteral("Moved out: %1 is before the move-in date %2.")
                    .arg(day.toString(Qt::ISODate), stored->fields.moveIn.toString(Qt::ISODate)),
                QStringLiteral("迁出日期：%1 早于入住日期 %2。")
                    .arg(day.toString(Qt::ISODate), stored->fields.moveIn.toString(Qt::ISODate))));
    auto q = sql::exec(
        ctx.db, QStringLiteral("UPDATE residents SET move_out = ?, updated_at = ? WHERE id = ?"),
        {day.toString(Qt::ISODate), toStorage(ctx.now), stored->id});
    if (!q)
        return fail(q.error());
    return ActionOutcome{QStringLiteral("resident"),
                         QString::number(stored->id),
                         {{QStringLiteral("move_out"), QString()}},
                         {{QStringLiteral("move_out"), day.toString(Qt::ISODate)},
                          {QStringLiteral("room_code"), stored->roomCode},
                          {QStringLiteral("name"), stored->fields.name}},
                         {}};
}

// R6-3: the whole number goes only to the caller; the audit row records who saw which
// number (masked), when and why (the reason is required by the policy).
Result<ActionOutcome> revealPhone(ActionContext& ctx) {
    auto stored = loadResident(ctx.db, idParam(ctx.params, "id"));
    if (!stored)
        return fail(stored.error());
    const QString which =
        ctx.params.value(QStringLiteral("which"), QStringLiteral("phone")).toString();
    const QString number =
        which == QStringLiteral("phone2") ? stored->fields.phone2 : stored->fields.phone;
    if (number.isEmpty())
        return fail(
            bad(QStringLiteral("which"),
                QStringLiteral("%1 has no such phone number on record.").arg(stored->fields.name),
                QStringLiteral("%1 没有登记该电话号码。").arg(stored->fields.name)));
    return ActionOutcome{QStringLiteral("resident"),
                         QString::number(stored->id),
                         {},
                         {{QStringLiteral("revealed"), which},
                          {QStringLiteral("phone"), maskPhone(number)},
                          {QStringLiteral("room_code"), stored->roomCode},
                          {QStringLiteral("name"), stored->fields.name}},
                         {{QStringLiteral("phone"), number}}};
}

Result<ActionOutcome> importResidents(ActionContext& ctx) {
    const QString path = ctx.params.value(QStringLiteral("file")).toString();
    // Parsed before the transaction began (prepareResidentImport); the duplicates are checked
    // here, against what the database holds under the write lock.
    auto file = preparedResidentFile(path);
    if (!file)
        return fail(file.error());
    if (auto ok = findDuplicates(ctx.db, *file); !ok)
        return fail(ok.error());
    if (!file->problems.isEmpty()) {
        QStringList en, zh;
        for (const ImportProblem& p : file->problems) {
            en << p.text(false);
            zh << p.text(true);
        }
        return fail(bad(QStringLiteral("file"),
                        QStringLiteral("Nothing was imported: %1 problem(s) in %2.\n%3")
                            .arg(file->problems.size())
                            .arg(QFileInfo(path).fileName(), en.join(QLatin1Char('\n'))),
                        QStringLiteral("未导入任何记录：%2 中有 %1 处问题。\n%3")
                            .arg(file->problems.size())
                            .arg(QFileInfo(path).fileName(), zh.join(QLatin1Char('\n')))));
    }
    if (file->rows.isEmpty())
        return fail(bad(QStringLiteral("file"),
                        QStringLiteral("The file holds no residents below its header row."),
                        QStringLiteral("文件表头以下没有住户记录。")));
    EstateWriter w(ctx.db, ctx.now);
    if (auto ok = w.preload(); !ok)
        return fail(ok.error());
    for (const ImportRow& row : file->rows) {
        auto room = w.ensureRoom(row.room, true);
        if (!room)
            return fail(room.error());
        ResidentFields f{row.kind,   row.name,   row.idTail, row.phone,
                         row.phone2, row.moveIn, row.notes};
        if (auto id = w.insertResident(row.room, *room, f); !id)
            return fail(id.error());
    }
    const QJsonObject summary{{QStringLiteral("file"), QFileInfo(path).fileName()},
                              {QStringLiteral("encoding"), file->encoding},
                              {QStringLiteral("residents"), static_cast<int>(file->rows.size())},
                              {QStringLiteral("buildings_created"), w.buildingsCreated()},
                              {QStringLiteral("units_created"), w.unitsCreated()},
                              {QStringLiteral("rooms_created"), w.roomsCreated()}};
    return ActionOutcome{
        QStringLiteral("resident_import"), QFileInfo(path).fileName(), {}, summary, summary};
}

} // namespace

void registerEstateActions(Services& s) {
    ActionRegistry& a = s.actionRegistry();
    const ParamSpec id{QStringLiteral("id"), ParamType::Id, true, kResident};
    const ParamSpec kind{QStringLiteral("kind"), ParamType::Choice, true, kKind, kKinds};
    ParamSpec optionalKind = kind;
    optionalKind.required = false;
    const ParamSpec moveIn{QStringLiteral("move_in"), ParamType::Date, false, kMoveIn};
    ParamSpec notes{QStringLiteral("notes"), ParamType::LongText, false, kNotes};
    notes.maxLength = 500;
    // id_tail allows more than 4 characters so a pasted whole ID number gets the clear
    // "last 4 only" message rather than a length error.
    a.add({QStringLiteral("resident.create_building"),
           tx("Add building", "新建楼栋"),
           {kit::boundedText("code", {QStringLiteral("Building number"), QStringLiteral("楼栋号")},
                             true, 8),
            kit::boundedText("name", {QStringLiteral("Building name"), QStringLiteral("楼栋名称")},
                             false, 40)},
           createBuilding});
    a.add(
        {QStringLiteral("resident.create_room"),
         tx("Add room", "新建房间"),
         {kit::boundedText("building_code",
                           {QStringLiteral("Building number"), QStringLiteral("楼栋号")}, false, 8),
          kit::param("building_id", ParamType::Id, false, tx("Building", "楼栋")),
          kit::boundedText("unit", {QStringLiteral("Unit"), QStringLiteral("单元")}, true, 4),
          kit::boundedText("number", {QStringLiteral("Room number"), QStringLiteral("房间号")},
                           true, 8)},
         createRoom});
    a.add({QStringLiteral("resident.register"),
           tx("Register resident (move in)", "住户入住登记"),
           {kit::boundedText("room_code", kRoomCode, true, 30), kind,
            kit::boundedText("name", kName, true, 40),
            kit::boundedText("id_tail", kIdTail, false, 40),
            kit::boundedText("phone", kPhone, false, 30),
            kit::boundedText("phone2", kPhone2, false, 30), moveIn, notes},
           registerResident});
    a.add({QStringLiteral("resident.update"),
           tx("Edit resident", "修改住户信息"),
           // An emptied field clears what is recorded; the name cannot be emptied.
           {id, optionalKind,
            whenEmpty(kit::boundedText("name", kName, false, 40), WhenEmpty::Refuse),
            whenEmpty(kit::boundedText("id_tail", kIdTail, false, 40), WhenEmpty::Clear),
            whenEmpty(kit::boundedText("phone", kPhone, false, 30), WhenEmpty::Clear),
            whenEmpty(kit::boundedText("phone2", kPhone2, false, 30), WhenEmpty::Clear),
            whenEmpty(moveIn, WhenEmpty::Clear), whenEmpty(notes, WhenEmpty::Clear),
            kit::param("clear", ParamType::TextList, false, tx("Fields to empty", "清空的字段"))},
           updateResident});
    a.add({QStringLiteral("resident.move_out"),
           tx("Resident moves out", "住户迁出"),
           {id, {QStringLiteral("move_out"), ParamType::Date, false, kMoveOut}},
           moveOut});
    a.add({QStringLiteral("resident.reveal_phone"),
           tx("Show full phone number", "查看完整电话"),
           {id,
            {QStringLiteral("which"),
             ParamType::Choice,
             false,
             kPhone,
             {QStringLiteral("phone"), QStringLiteral("phone2")}}},
           revealPhone});
    a.add({QStringLiteral("resident.import"),
           tx("Import residents", "导入住户"),
           {kit::boundedText("file", {QStringLiteral("File"), QStringLiteral("文件")}, true, 1000)},
           importResidents,
           {},
           [](const Services&, const QVariantMap& params) -> Result<QVariantMap> {
               // Parsing is slow work: done before the write transaction.
               if (auto ok =
                       keepResidentImportPrepared(params.value(QStringLiteral("file")).toString());
                   !ok)
                   return fail(ok.error());
               return QVariantMap{};
           }});
}

} // namespace fd::residents
