#pragma once

#include "services/query_registry.h"

#include <QList>
#include <QString>
#include <QStringList>

class QAbstractItemModel;

namespace fd {

// How a list shows one cell: a stored code as its word ("lend" → 外借), a flag as 是/否, a
// stored time as office time; everything else as it is. What the query masked stays masked.
// The list views, exports and `frontdeskctl export` all read cells through it.
QString cellText(const QueryColumn& column, const QVariant& value, bool chinese);

// What a list shows, as texts: copied on the GUI thread so that a worker can write it.
struct TableSnapshot {
    QStringList headers;
    QList<QStringList> rows;
    // Which cells hold a number as such (a count, an amount, a record number), for a
    // spreadsheet to sum and sort; a code read as its word is text.
    QList<QList<bool>> numbers;
    [[nodiscard]] bool isNumber(qsizetype row, qsizetype column) const {
        return numbers.value(row).value(column);
    }
    // A query result as its list shows it, in the query's column and row order.
    static TableSnapshot of(const QueryResult& result, bool chinese);
    // The display texts of a model (a list view's, after its filter and sort).
    static TableSnapshot of(const QAbstractItemModel& model);
};

} // namespace fd
