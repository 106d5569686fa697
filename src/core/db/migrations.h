#pragma once

#include "db/database.h"
#include "util/error.h"

#include <QString>
#include <vector>

namespace fd {

class Clock;

// Ordered SQL files of one area: <dir>/NNN_name.sql (dir may be a Qt resource path).
struct MigrationSource {
    QString area;
    QString directory;
};

struct MigrationStep {
    QString area;
    int version = 0;
    QString name;
    QString file;
};

struct MigrationReport {
    int applied = 0;
    QString backupPath; // set when an existing database was backed up first
};

class Migrator final {
public:
    explicit Migrator(std::vector<MigrationSource> sources);

    // Every step known to the program, in order of area then version.
    [[nodiscard]] Result<std::vector<MigrationStep>> steps() const;
    // Applies what is missing, each step in its own transaction recording its version.
    // A database newer than the program is refused; an existing database with pending
    // steps is backed up first (into backupDirectory, if given).
    Result<MigrationReport> apply(const Database& db, const Clock& clock,
                                  const QString& backupDirectory = {}) const;
    // The highest version applied per area (empty map on a new database).
    static Result<QMap<QString, int>> appliedVersions(const Database& db);

private:
    std::vector<MigrationSource> sources_;
};

// Runs a multi-statement script on this thread's connection (inside the caller's transaction).
Status execScript(const Database& db, const QString& script);

} // namespace fd
