#pragma once

#include <QString>

namespace fd::paths {

// The user's data folder (database, log, backups).
QString dataDirectory();
// The database chosen by --db, else FRONTDESK_DB, else frontdesk.db in the data folder.
QString databasePath(const QString& commandLineChoice);

} // namespace fd::paths
