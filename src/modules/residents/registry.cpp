#include "residents/registry.h"

#include "db/sql.h"
#include "module/toolkit.h"
#include "util/privacy.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace fd::residents {
namespace {

const QString kResidentColumns = QStringLiteral(
    "r.id, r.room_id, r.room_code, r.kind, r.name, r.id_tail, r.phone, r.phone2, r.move_in, "
    "r.move_out, r.notes");

Resident residentFrom(const QSqlQuery& q) {
    Resident r;
    r.id = q.value(0).toLongLong();
    r.roomId = q.value(1).toLongLong();
    r.roomCode = q.value(2).toString();
    r.kind = parseKind(q.value(3).toString()).value_or(ResidentKind::Owner);
    r.name = q.value(4).toString();
    r.idTail = q.value(5).toString();
    const QString phone = q.value(6).toString();
    const QString phone2 = q.value(7).toString();
    r.phoneMasked = phone.isEmpty() ? QString() : maskPhone(phone);
    r.phone2Masked = phone2.isEmpty() ? QString() : maskPhone(phone2);
    r.moveIn = QDate::fromString(q.value(8).toString(), Qt::ISODate);
    r.moveOut = QDate::fromString(q.value(9).toString(), Qt::ISODate);
    r.notes = q.value(10).toString();
    return r;
}

Result<QList<Resident>> residentsWhere(const QSqlDatabase& db, const QString& where,
                                       const QVariantList& bindings, int limit) {
    QString statement = QStringLiteral("SELECT ") + kResidentColumns +
                        QStringLiteral(" FROM residents r WHERE ") + where +
                        QStringLiteral(" ORDER BY r.room_code, r.id");
    QVariantList b = bindings;
    if (limit > 0) {
        statement += QStringLiteral(" LIMIT ?");
        b << limit;
    }
    return sql::list<Resident>(db, statement, b,
                               [](const QSqlQuery& q) { return residentFrom(q); });
}

Error missing(const QString& field, const Text& what, const QString& key) {
    return Error::notFound(field, {QStringLiteral("No %1 %2.").arg(what.en, key),
                                   QStringLiteral("%1「%2」不存在。").arg(what.zh, key)});
}

const QString kStaffSelect = QStringLiteral(
    "SELECT s.id, s.name, s.department_id, d.name, s.post, s.phone, s.status, s.left_on, "
    "coalesce(u.id, 0), coalesce(u.login, '') FROM staff s JOIN departments d ON d.id = "
    "s.department_id "
    "LEFT JOIN users u ON u.id = (SELECT min(id) FROM users WHERE staff_id = s.id) ");

StaffMember staffFrom(const QSqlQuery& q) {
    StaffMember s;
    s.id = q.value(0).toLongLong();
    s.name = q.value(1).toString();
    s.departmentId = q.value(2).toLongLong();
    s.department = q.value(3).toString();
    s.post = q.value(4).toString();
    s.phone = q.value(5).toString();
    s.active = q.value(6).toString() == QStringLiteral("active");
    s.leftOn = QDate::fromString(q.value(7).toString(), Qt::ISODate);
    s.userId = q.value(8).toLongLong();
    s.login = q.value(9).toString();
    return s;
}

const QString kOrganisationSelect =
    QStringLiteral("SELECT id, name, kind, contact, phone, notes, active FROM organisations ");

Organisation organisationFrom(const QSqlQuery& q) {
    Organisation o;
    o.id = q.value(0).toLongLong();
    o.name = q.value(1).toString();
    o.kind = parseOrganisationKind(q.value(2).toString()).value_or(OrganisationKind::Other);
    o.contact = q.value(3).toString();
    o.phone = q.value(4).toString();
    o.notes = q.value(5).toString();
    o.active = q.value(6).toBool();
    return o;
}

// The code and names of each kind, in the order of the enum.
const kit::CodeLabel kResidentKinds[] = {
    {"owner", "Owner", "业主"}, {"tenant", "Tenant", "租户"}, {"family", "Family member", "家属"}};
const kit::CodeLabel kOrganisationKinds[] = {{"outside_unit", "Outside unit", "外单位"},
                                             {"contractor", "Contractor", "承包商"},
                                             {"parent_company", "Parent company", "上级公司"},
                                             {"government", "Government office", "政府部门"},
                                             {"other", "Other", "其他"}};

} // namespace

QString kindCode(ResidentKind kind) {
    return QString::fromUtf8(kResidentKinds[static_cast<int>(kind)].code);
}

Text kindName(ResidentKind kind) {
    const kit::CodeLabel& k = kResidentKinds[static_cast<int>(kind)];
    return kit::tx(k.en, k.zh);
}

std::optional<ResidentKind> parseKind(const QString& text) {
    const QString t = text.trimmed().toLower();
    for (ResidentKind k : {ResidentKind::Owner, ResidentKind::Tenant, ResidentKind::Family}) {
        const Text name = kindName(k);
        if (t == kindCode(k) || t == name.zh || t == name.en.toLower())
            return k;
    }
    if (t == QStringLiteral("住户") || t == QStringLiteral("业户"))
        return ResidentKind::Owner;
    if (t == QStringLiteral("家庭成员"))
        return ResidentKind::Family;
    return std::nullopt;
}

QString organisationKindCode(OrganisationKind kind) {
    return QString::fromUtf8(kOrganisationKinds[static_cast<int>(kind)].code);
}

Text organisationKindName(OrganisationKind kind) {
    const kit::CodeLabel& k = kOrganisationKinds[static_cast<int>(kind)];
    return kit::tx(k.en, k.zh);
}

std::optional<OrganisationKind> parseOrganisationKind(const QString& text) {
    const QString t = text.trimmed().toLower();
    for (OrganisationKind k :
         {OrganisationKind::OutsideUnit, OrganisationKind::Contractor,
          OrganisationKind::ParentCompany, OrganisationKind::Government, OrganisationKind::Other})
        if (t == organisationKindCode(k) || t == organisationKindName(k).zh)
            return k;
    return std::nullopt;
}

std::optional<RoomCode> RoomCode::parse(const QString& text) {
    static const QRegularExpression re(
        QStringLiteral("^([0-9A-Za-z]{1,8})-([0-9A-Za-z]{1,4})-([0-9A-Za-z]{1,8})$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    return RoomCode{m.captured(1).toUpper(), m.captured(2).toUpper(), m.captured(3).toUpper()};
}

QString RoomCode::text() const {
    return building + QLatin1Char('-') + unit + QLatin1Char('-') + room;
}

QString normalisePhone(const QString& text) {
    QString out;
    for (const QChar c : text.trimmed()) {
        if (c.isDigit() && c.unicode() < 128)
            out += c;
        else if (c == QLatin1Char('+') && out.isEmpty())
            out += c;
        else if (c != QLatin1Char(' ') && c != QLatin1Char('-'))
            return {};
    }
    const qsizetype digits = out.startsWith(QLatin1Char('+')) ? out.size() - 1 : out.size();
    return digits >= 7 && digits <= 15 ? out : QString();
}

bool isIdTail(const QString& text) {
    static const QRegularExpression re(QStringLiteral("^[0-9]{3}[0-9Xx]$"));
    return re.match(text).hasMatch();
}

Result<QList<Resident>> searchResidents(const QSqlDatabase& db, const QString& term, int limit,
                                        bool includeMovedOut) {
    const QString t = term.trimmed().toLower();
    const QString current =
        includeMovedOut ? QStringLiteral("1 = 1") : QStringLiteral("r.move_out = ''");
    if (t.isEmpty())
        return residentsWhere(db, current, {}, limit);
    static const QRegularExpression phoneTail(QStringLiteral("^[0-9]{4}$"));
    if (t.contains(QLatin1Char('-')) && !t.contains(QLatin1Char(' '))) {
        // Any part of a room code, in any case (codes are upper-case ASCII): 3-2-15, 2-1502,
        // b-08.
        return residentsWhere(db, current + QStringLiteral(" AND instr(r.room_code, ?) > 0"),
                              {t.toUpper()}, limit);
    }
    // instr() on the lower-cased search text: a plain substring test, faster than LIKE
    // over Chinese text and free of wildcards to escape.
    if (phoneTail.match(t).hasMatch())
        return residentsWhere(db,
                              current +
                                  QStringLiteral(" AND (r.phone_tail = ? OR r.phone2_tail = ? "
                                                 "OR instr(r.search_text, ?) > 0)"),
                              {t, t, t}, limit);
    return residentsWhere(db, current + QStringLiteral(" AND instr(r.search_text, ?) > 0"), {t},
                          limit);
}

Result<Resident> findResident(const QSqlDatabase& db, qint64 id) {
    auto list = residentsWhere(db, QStringLiteral("r.id = ?"), {id}, 1);
    if (!list)
        return fail(list.error());
    if (list->isEmpty())
        return fail(missing(QStringLiteral("id"),
                            {QStringLiteral("resident"), QStringLiteral("住户")},
                            QString::number(id)));
    return list->first();
}

Result<QList<Resident>> residentsOfRoom(const QSqlDatabase& db, qint64 roomId,
                                        bool includeMovedOut) {
    return residentsWhere(
        db,
        QStringLiteral("r.room_id = ?") +
            (includeMovedOut ? QString() : QStringLiteral(" AND r.move_out = ''")),
        {roomId}, 0);
}

Result<QList<Building>> listBuildings(const QSqlDatabase& db) {
    return sql::list<Building>(
        db,
        QStringLiteral("SELECT b.id, b.code, b.name, "
                       "(SELECT count(*) FROM units u WHERE u.building_id = b.id), "
                       "(SELECT count(*) FROM rooms r JOIN units u ON u.id = "
                       "r.unit_id WHERE u.building_id = b.id), "
                       "(SELECT count(*) FROM residents p JOIN rooms r ON r.id = "
                       "p.room_id JOIN units u ON u.id = r.unit_id "
                       " WHERE u.building_id = b.id AND p.move_out = '') "
                       "FROM buildings b ORDER BY length(b.code), b.code"),
        {}, [](const QSqlQuery& q) -> Building {
            return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toInt(),      q.value(4).toInt(),    q.value(5).toInt()};
        });
}

Result<QList<Room>> listRooms(const QSqlDatabase& db, qint64 buildingId,
                              const QString& codePrefix) {
    QString where = QStringLiteral("1 = 1");
    QVariantList b;
    if (buildingId > 0) {
        where += QStringLiteral(" AND u.building_id = ?");
        b << buildingId;
    }
    if (!codePrefix.trimmed().isEmpty()) {
        const QString p = codePrefix.trimmed().toUpper();
        where += QStringLiteral(" AND r.code >= ? AND r.code < ?");
        b << p << QString(p + QChar(0xFFFF));
    }
    return sql::list<Room>(
        db,
        QStringLiteral(
            "SELECT r.id, u.building_id, bl.code, u.number, r.number, r.code, "
            "(SELECT count(*) FROM residents p WHERE p.room_id = r.id AND p.move_out = '') "
            "FROM rooms r JOIN units u ON u.id = r.unit_id JOIN buildings bl ON bl.id = "
            "u.building_id "
            "WHERE ") +
            where + QStringLiteral(" ORDER BY r.code"),
        b, [](const QSqlQuery& q) -> Room {
            return {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                    q.value(3).toString(),   q.value(4).toString(),   q.value(5).toString(),
                    q.value(6).toInt()};
        });
}

Result<Room> findRoom(const QSqlDatabase& db, const QString& code) {
    const auto parsed = RoomCode::parse(code);
    if (!parsed)
        return fail(Error::badInput(
            QStringLiteral("room_code"),
            {QStringLiteral("The room code %1 is not building-unit-room (e.g. 3-2-1502).")
                 .arg(code),
             QStringLiteral("房号「%1」格式应为 楼栋-单元-房号（如 3-2-1502）。").arg(code)}));
    auto rooms = listRooms(db, 0, parsed->text());
    if (!rooms)
        return fail(rooms.error());
    for (const Room& r : *rooms)
        if (r.code == parsed->text())
            return r;
    return fail(missing(QStringLiteral("room_code"),
                        {QStringLiteral("room"), QStringLiteral("房间")}, parsed->text()));
}

Result<QList<Organisation>> listOrganisations(const QSqlDatabase& db, bool includeInactive) {
    return sql::list<Organisation>(
        db,
        kOrganisationSelect + (includeInactive ? QString() : QStringLiteral("WHERE active = 1 ")) +
            QStringLiteral("ORDER BY kind, name"),
        {}, [](const QSqlQuery& q) { return organisationFrom(q); });
}

Result<Organisation> findOrganisation(const QSqlDatabase& db, qint64 id) {
    auto q = sql::one(db, kOrganisationSelect + QStringLiteral("WHERE id = ?"), {id},
                      missing(QStringLiteral("organisation_id"),
                              {QStringLiteral("organisation"), QStringLiteral("单位")},
                              QString::number(id)));
    if (!q)
        return fail(q.error());
    return organisationFrom(*q);
}

Result<QList<Department>> listDepartments(const QSqlDatabase& db) {
    return sql::list<Department>(
        db,
        QStringLiteral(
            "SELECT d.id, d.name, coalesce(d.organisation_id, 0), "
            "(SELECT count(*) FROM staff s WHERE s.department_id = d.id AND s.status = 'active') "
            "FROM departments d ORDER BY d.id"),
        {}, [](const QSqlQuery& q) -> Department {
            return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                    q.value(3).toInt()};
        });
}

Result<QList<StaffMember>> listStaff(const QSqlDatabase& db, bool includeLeft,
                                     qint64 departmentId) {
    QString where =
        includeLeft ? QStringLiteral("WHERE 1 = 1") : QStringLiteral("WHERE s.status = 'active'");
    QVariantList b;
    if (departmentId > 0) {
        where += QStringLiteral(" AND s.department_id = ?");
        b << departmentId;
    }
    return sql::list<StaffMember>(
        db, kStaffSelect + where + QStringLiteral(" ORDER BY s.department_id, s.id"), b,
        [](const QSqlQuery& q) { return staffFrom(q); });
}

Result<StaffMember> findStaff(const QSqlDatabase& db, qint64 id) {
    auto q = sql::one(db, kStaffSelect + QStringLiteral("WHERE s.id = ?"), {id},
                      missing(QStringLiteral("id"),
                              {QStringLiteral("staff member"), QStringLiteral("员工")},
                              QString::number(id)));
    if (!q)
        return fail(q.error());
    return staffFrom(*q);
}

} // namespace fd::residents
