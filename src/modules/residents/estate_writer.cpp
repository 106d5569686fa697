#include "residents/estate_writer.h"

#include "db/sql.h"
#include "util/clock.h"
#include "util/privacy.h"

#include <QJsonObject>

namespace fd::residents {

QJsonObject auditValues(const QString& roomCode, const ResidentFields& f) {
    return {{QStringLiteral("room_code"), roomCode},
            {QStringLiteral("kind"), kindCode(f.kind)},
            {QStringLiteral("name"), f.name},
            {QStringLiteral("id_tail"), f.idTail},
            {QStringLiteral("phone"), f.phone.isEmpty() ? QString() : maskPhone(f.phone)},
            {QStringLiteral("phone2"), f.phone2.isEmpty() ? QString() : maskPhone(f.phone2)},
            {QStringLiteral("move_in"),
             f.moveIn.isValid() ? f.moveIn.toString(Qt::ISODate) : QString()},
            {QStringLiteral("notes"), maskPhonesInText(f.notes)}};
}

QString searchTextOf(const QString& roomCode, const QString& name, const QString& buildingName,
                     const QString& notes, ResidentKind kind) {
    return QStringList{roomCode, name, buildingName, kindName(kind).zh, notes}
        .join(QLatin1Char(' '))
        .toLower();
}

EstateWriter::EstateWriter(const QSqlDatabase& db, const QDateTime& now)
    : db_(db), now_(toStorage(now)), insertResident_(db), insertRoom_(db) {}

Status EstateWriter::preload() {
    auto b = sql::exec(db_, QStringLiteral("SELECT id, code, name FROM buildings"));
    if (!b)
        return fail(b.error());
    QHash<qint64, QString> buildingNames;
    while (b->next()) {
        buildings_.insert(b->value(1).toString(),
                          {b->value(0).toLongLong(), b->value(2).toString()});
        buildingNames.insert(b->value(0).toLongLong(), b->value(2).toString());
    }
    auto u = sql::exec(db_, QStringLiteral("SELECT id, building_id, number FROM units"));
    if (!u)
        return fail(u.error());
    while (u->next())
        units_.insert(u->value(1).toString() + QLatin1Char('/') + u->value(2).toString(),
                      u->value(0).toLongLong());
    auto r = sql::exec(db_, QStringLiteral("SELECT r.id, r.code, u.building_id FROM rooms r "
                                           "JOIN units u ON u.id = r.unit_id"));
    if (!r)
        return fail(r.error());
    while (r->next())
        rooms_.insert(r->value(1).toString(),
                      {r->value(0).toLongLong(), buildingNames.value(r->value(2).toLongLong())});
    preloaded_ = true;
    return {};
}

Result<std::optional<EstateWriter::BuildingRef>> EstateWriter::building(const QString& code) {
    if (auto it = buildings_.constFind(code); it != buildings_.constEnd())
        return std::optional<BuildingRef>(*it);
    if (preloaded_)
        return std::optional<BuildingRef>();
    auto q =
        sql::exec(db_, QStringLiteral("SELECT id, name FROM buildings WHERE code = ?"), {code});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return std::optional<BuildingRef>();
    BuildingRef b{q->value(0).toLongLong(), q->value(1).toString()};
    buildings_.insert(code, b);
    return std::optional<BuildingRef>(b);
}

Result<qint64> EstateWriter::createBuilding(const QString& code, const QString& name) {
    auto id = sql::insertId(
        db_, QStringLiteral("INSERT INTO buildings(code, name, created_at) VALUES (?,?,?)"),
        {code, name, now_});
    if (!id)
        return fail(id.error());
    buildings_.insert(code, {*id, name});
    ++buildingsCreated_;
    return id;
}

Result<qint64> EstateWriter::ensureUnit(qint64 buildingId, const QString& unit) {
    const QString key = QString::number(buildingId) + QLatin1Char('/') + unit;
    if (auto it = units_.constFind(key); it != units_.constEnd())
        return *it;
    if (!preloaded_) {
        auto found = sql::scalar(
            db_, QStringLiteral("SELECT id FROM units WHERE building_id = ? AND number = ?"),
            {buildingId, unit});
        if (!found)
            return fail(found.error());
        if (found->isValid()) {
            units_.insert(key, found->toLongLong());
            return found->toLongLong();
        }
    }
    auto id =
        sql::insertId(db_, QStringLiteral("INSERT INTO units(building_id, number) VALUES (?,?)"),
                      {buildingId, unit});
    if (!id)
        return fail(id.error());
    ++unitsCreated_;
    units_.insert(key, *id);
    return *id;
}

Result<std::optional<EstateWriter::RoomRef>> EstateWriter::findRoom(const RoomCode& code) {
    const QString text = code.text();
    if (auto it = rooms_.constFind(text); it != rooms_.constEnd())
        return std::optional<RoomRef>(*it);
    if (preloaded_)
        return std::optional<RoomRef>();
    auto q = sql::exec(
        db_,
        QStringLiteral("SELECT r.id, b.name FROM rooms r JOIN units u ON u.id = r.unit_id "
                       "JOIN buildings b ON b.id = u.building_id WHERE r.code = ?"),
        {text});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return std::optional<RoomRef>();
    RoomRef ref{q->value(0).toLongLong(), q->value(1).toString()};
    rooms_.insert(text, ref);
    return std::optional<RoomRef>(ref);
}

Result<EstateWriter::RoomRef> EstateWriter::ensureRoom(const RoomCode& code, bool createBuilding) {
    auto existing = findRoom(code);
    if (!existing)
        return fail(existing.error());
    if (*existing)
        return **existing;
    auto b = building(code.building);
    if (!b)
        return fail(b.error());
    BuildingRef ref;
    if (*b) {
        ref = **b;
    } else if (createBuilding) {
        const QString name = code.building + QStringLiteral("号楼");
        auto id = this->createBuilding(code.building, name);
        if (!id)
            return fail(id.error());
        ref = {*id, name};
    } else {
        return fail(Error::badInput(
            QStringLiteral("building_code"),
            {QStringLiteral("There is no building %1; create the building first.")
                 .arg(code.building),
             QStringLiteral("楼栋「%1」不存在，请先建立楼栋。").arg(code.building)}));
    }
    auto unit = ensureUnit(ref.id, code.unit);
    if (!unit)
        return fail(unit.error());
    if (insertRoom_.lastQuery().isEmpty()) {
        insertRoom_.setForwardOnly(true);
        if (!insertRoom_.prepare(
                QStringLiteral("INSERT INTO rooms(unit_id, number, code, created_at) "
                               "VALUES (?,?,?,?) RETURNING id")))
            return fail(sql::errorFrom(insertRoom_, QStringLiteral("insert room")));
    }
    insertRoom_.bindValue(0, *unit);
    insertRoom_.bindValue(1, code.room);
    insertRoom_.bindValue(2, code.text());
    insertRoom_.bindValue(3, now_);
    if (!insertRoom_.exec())
        return fail(sql::errorFrom(insertRoom_, QStringLiteral("insert room")));
    insertRoom_.next();
    RoomRef room{insertRoom_.value(0).toLongLong(), ref.name};
    insertRoom_.finish();
    rooms_.insert(code.text(), room);
    ++roomsCreated_;
    return room;
}

Result<qint64> EstateWriter::insertResident(const RoomCode& room, const RoomRef& ref,
                                            const ResidentFields& f) {
    if (insertResident_.lastQuery().isEmpty()) {
        insertResident_.setForwardOnly(true);
        if (!insertResident_.prepare(
                QStringLiteral("INSERT INTO residents(room_id, room_code, kind, name, id_tail, "
                               "phone, phone2, phone_tail, "
                               "phone2_tail, move_in, notes, search_text, created_at, updated_at) "
                               "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id")))
            return fail(sql::errorFrom(insertResident_, QStringLiteral("insert resident")));
    }
    const QString code = room.text();
    const QVariantList values{
        ref.roomId,
        code,
        kindCode(f.kind),
        f.name,
        sql::text(f.idTail),
        sql::text(f.phone),
        sql::text(f.phone2),
        sql::text(f.phone.right(4)),
        sql::text(f.phone2.right(4)),
        sql::text(f.moveIn.isValid() ? f.moveIn.toString(Qt::ISODate) : QString()),
        sql::text(f.notes),
        searchTextOf(code, f.name, ref.buildingName, f.notes, f.kind),
        now_,
        now_};
    for (int i = 0; i < values.size(); ++i)
        insertResident_.bindValue(i, values.at(i));
    if (!insertResident_.exec())
        return fail(sql::errorFrom(insertResident_, QStringLiteral("insert resident")));
    insertResident_.next();
    const qint64 id = insertResident_.value(0).toLongLong();
    insertResident_.finish();
    return id;
}

} // namespace fd::residents
