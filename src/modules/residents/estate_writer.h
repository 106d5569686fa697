#pragma once

#include "residents/registry.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QSqlQuery>
#include <optional>

namespace fd::residents {

// The fields of one resident as written to the registry (phones whole and normalised).
struct ResidentFields {
    ResidentKind kind = ResidentKind::Owner;
    QString name;
    QString idTail;
    QString phone;
    QString phone2;
    QDate moveIn;
    QString notes;
};

// What the audit row shows of a resident: phones masked (R6-3), never whole.
QJsonObject auditValues(const QString& roomCode, const ResidentFields& f);

// The lower-cased text search as you type matches substrings of.
QString searchTextOf(const QString& roomCode, const QString& name, const QString& buildingName,
                     const QString& notes, ResidentKind kind);

// Writes estate rows inside the caller's transaction with statements prepared once and
// caches of known buildings, units and rooms, so an import of thousands of rows stays
// fast. Used by the register, create-room and import actions alike.
class EstateWriter final {
public:
    EstateWriter(const QSqlDatabase& db, const QDateTime& now);
    Q_DISABLE_COPY_MOVE(EstateWriter)

    struct RoomRef {
        qint64 roomId = 0;
        QString buildingName;
    };
    // Loads every building, unit and room once, so a bulk import asks the database for
    // none of them row by row.
    Status preload();
    // The existing room, or nothing (no row written).
    Result<std::optional<RoomRef>> findRoom(const RoomCode& code);
    // The room, creating the building (when allowed), unit and room as needed.
    Result<RoomRef> ensureRoom(const RoomCode& code, bool createBuilding);
    Result<qint64> createBuilding(const QString& code, const QString& name);
    Result<qint64> insertResident(const RoomCode& room, const RoomRef& ref,
                                  const ResidentFields& f);

    int buildingsCreated() const { return buildingsCreated_; }
    int unitsCreated() const { return unitsCreated_; }
    int roomsCreated() const { return roomsCreated_; }

private:
    struct BuildingRef {
        qint64 id = 0;
        QString name;
    };
    Result<std::optional<BuildingRef>> building(const QString& code);
    Result<qint64> ensureUnit(qint64 buildingId, const QString& unit);

    QSqlDatabase db_;
    QString now_;
    QSqlQuery insertResident_;
    QSqlQuery insertRoom_;
    bool preloaded_ = false; // the caches hold every row: a miss means "does not exist"
    QHash<QString, BuildingRef> buildings_;
    QHash<QString, qint64> units_; // "buildingId/unit"
    QHash<QString, RoomRef> rooms_;
    int buildingsCreated_ = 0;
    int unitsCreated_ = 0;
    int roomsCreated_ = 0;
};

} // namespace fd::residents
