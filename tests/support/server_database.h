#pragma once

#include "db/database.h"

#include <QString>

namespace fd::testing {

// A database of its own on the test PostgreSQL server (FD_TEST_PG, started by
// scripts/pg_cluster.sh) for one test, dropped afterwards. Without FD_TEST_PG it is not
// available and the test is skipped (reported by CTest as not run).
class ServerDatabase {
public:
    ServerDatabase();
    ~ServerDatabase();
    ServerDatabase(const ServerDatabase&) = delete;
    ServerDatabase& operator=(const ServerDatabase&) = delete;
    [[nodiscard]] bool available() const { return !address_.database.isEmpty(); }
    // postgresql://user@host:port/dbname, for --db and ServicesOptions::databasePath.
    [[nodiscard]] QString address() const { return address_.text(); }

private:
    void admin(const QString& statement) const;
    ServerAddress address_;
};

} // namespace fd::testing

#define FD_NEEDS_SERVER(server)                                                                    \
    if (!(server).available())                                                                     \
    GTEST_SKIP() << "FD_TEST_PG names no PostgreSQL server (scripts/pg_cluster.sh starts one)"
