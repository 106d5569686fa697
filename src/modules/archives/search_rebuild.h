#pragma once

#include "util/error.h"

#include <QSqlDatabase>

namespace fd::archives {

// Writes the search tokens of every row of archive_search again (the full-text table on
// SQLite, the tokens table on PostgreSQL), as indexRecord writes them one by one. An office
// copied into a new database gets its tokens so (the full-text table's rows are not rows to
// copy).
Status rebuildSearchText(const QSqlDatabase& db);

} // namespace fd::archives
