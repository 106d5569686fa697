#pragma once

#include "util/error.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

// Read side of the residents and staff registry: what pages, other modules and queries
// use to look residents, rooms, organisations and staff up. Every change goes through the
// actions listed in residents_module.h. Phone numbers read here are always masked
// (R6-3); the whole number is only returned by the audited action resident.reveal_phone.
namespace fd::residents {

enum class ResidentKind { Owner, Tenant, Family };
QString kindCode(ResidentKind kind); // owner | tenant | family
Text kindName(ResidentKind kind);    // 业主 / 租户 / 家属
// Accepts the code or the Chinese name ("owner", "业主", "租户", "家属"...).
std::optional<ResidentKind> parseKind(const QString& text);

enum class OrganisationKind { OutsideUnit, Contractor, ParentCompany, Government, Other };
QString organisationKindCode(OrganisationKind kind);
Text organisationKindName(OrganisationKind kind);
std::optional<OrganisationKind> parseOrganisationKind(const QString& text);

// A room code "building-unit-room", e.g. "3-2-1502".
struct RoomCode {
    QString building;
    QString unit;
    QString room;
    static std::optional<RoomCode> parse(const QString& text);
    [[nodiscard]] QString text() const;
};

// Digits only (a leading + kept), spaces and dashes removed; empty when not a phone number.
QString normalisePhone(const QString& text);
// An ID-card tail is exactly the last 4 characters (digits, the last may be X); a whole
// ID number is never stored.
bool isIdTail(const QString& text);

struct Building {
    qint64 id = 0;
    QString code; // "3"
    QString name; // "3号楼"
    int units = 0;
    int rooms = 0;
    int residents = 0; // current residents
};

struct Room {
    qint64 id = 0;
    qint64 buildingId = 0;
    QString buildingCode;
    QString unit;
    QString number;
    QString code; // "3-2-1502"
    int residents = 0;
};

struct Resident {
    qint64 id = 0;
    qint64 roomId = 0;
    QString roomCode;
    ResidentKind kind = ResidentKind::Owner;
    QString name;
    QString idTail;
    QString phoneMasked;  // 138****5678, empty when none
    QString phone2Masked; // second number, masked
    QDate moveIn;         // invalid when unknown
    QDate moveOut;        // invalid while living there
    QString notes;
    [[nodiscard]] bool current() const { return !moveOut.isValid(); }
};

struct Organisation {
    qint64 id = 0;
    QString name;
    OrganisationKind kind = OrganisationKind::Other;
    QString contact;
    QString phone;
    QString notes;
    bool active = true;
};

struct Department {
    qint64 id = 0;
    QString name;
    qint64 organisationId = 0; // 0: the office itself
    int activeStaff = 0;
};

struct StaffMember {
    qint64 id = 0;
    QString name;
    qint64 departmentId = 0;
    QString department;
    QString post;
    QString phone; // work phone, shown as stored
    bool active = true;
    QDate leftOn;      // invalid while active
    qint64 userId = 0; // 0: no login linked
    QString login;
};

// Search as you type: a room code prefix ("3-2-15"), a phone tail (4 digits), or any
// substring of the name, room code, building name or notes (one Chinese character is
// enough). Current residents only unless includeMovedOut. Ordered by room code.
Result<QList<Resident>> searchResidents(const QSqlDatabase& db, const QString& term, int limit = 50,
                                        bool includeMovedOut = false);
Result<Resident> findResident(const QSqlDatabase& db, qint64 id);
Result<QList<Resident>> residentsOfRoom(const QSqlDatabase& db, qint64 roomId,
                                        bool includeMovedOut = false);

Result<QList<Building>> listBuildings(const QSqlDatabase& db);
// Rooms of one building (0: every building) whose code starts with codePrefix.
Result<QList<Room>> listRooms(const QSqlDatabase& db, qint64 buildingId = 0,
                              const QString& codePrefix = {});
Result<Room> findRoom(const QSqlDatabase& db, const QString& code);

Result<QList<Organisation>> listOrganisations(const QSqlDatabase& db, bool includeInactive = false);
Result<Organisation> findOrganisation(const QSqlDatabase& db, qint64 id);

Result<QList<Department>> listDepartments(const QSqlDatabase& db);
Result<QList<StaffMember>> listStaff(const QSqlDatabase& db, bool includeLeft = false,
                                     qint64 departmentId = 0);
Result<StaffMember> findStaff(const QSqlDatabase& db, qint64 id);

} // namespace fd::residents
