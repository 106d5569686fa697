#pragma once

#include "output/table_text.h"
#include "util/error.h"

namespace fd {

// Exports exactly what a list shows (its display texts, in its column order and row
// order, masked phones as masked), so an export never reveals more than the screen.
// CSV is UTF-8 with a byte-order mark so that Excel shows Chinese.
Status exportCsv(const TableSnapshot& table, const QString& path);
Status exportXlsx(const TableSnapshot& table, const QString& path, const QString& sheetTitle);
// Chooses the format by the file's suffix (.csv or .xlsx).
Status exportTable(const TableSnapshot& table, const QString& path, const QString& title);

} // namespace fd
