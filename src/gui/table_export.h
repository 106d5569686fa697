#pragma once

#include "util/error.h"

#include <QList>
#include <QString>
#include <QStringList>

class QAbstractItemModel;

namespace fd::gui {

// What a list shows, copied on the GUI thread so that a worker can write it.
struct TableSnapshot {
    QStringList headers;
    QList<QStringList> rows;
    static TableSnapshot of(const QAbstractItemModel& model);
};

// Exports exactly what a list shows (its display texts, in its column order and row
// order, masked phones as masked), so an export never reveals more than the screen.
// CSV is UTF-8 with a byte-order mark so that Excel shows Chinese.
Status exportCsv(const TableSnapshot& table, const QString& path);
Status exportXlsx(const TableSnapshot& table, const QString& path, const QString& sheetTitle);
// Chooses the format by the file's suffix (.csv or .xlsx).
Status exportTable(const TableSnapshot& table, const QString& path, const QString& title);
Status exportTable(const QAbstractItemModel& model, const QString& path, const QString& title);

} // namespace fd::gui
