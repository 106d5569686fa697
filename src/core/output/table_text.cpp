#include "output/table_text.h"

#include "util/clock.h"

#include <QAbstractItemModel>

namespace fd {

QString cellText(const QueryColumn& column, const QVariant& value, bool chinese) {
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? (chinese ? QStringLiteral("是") : QStringLiteral("Yes"))
                              : (chinese ? QStringLiteral("否") : QStringLiteral("No"));
    if (const auto it = column.labels.constFind(value.toString()); it != column.labels.cend())
        return it->in(chinese);
    if (value.typeId() == QMetaType::QString)
        return storedTimeAsOfficeText(value.toString());
    return value.toString();
}

TableSnapshot TableSnapshot::of(const QueryResult& result, bool chinese) {
    TableSnapshot t;
    for (const QueryColumn& c : result.columns)
        t.headers << c.title.in(chinese);
    for (const QVariantList& values : result.rows) {
        QStringList row;
        for (int c = 0; c < result.columns.size(); ++c)
            row << cellText(result.columns[c], values.value(c), chinese);
        t.rows << row;
    }
    return t;
}

TableSnapshot TableSnapshot::of(const QAbstractItemModel& m) {
    TableSnapshot t;
    for (int c = 0; c < m.columnCount(); ++c)
        t.headers << m.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    for (int r = 0; r < m.rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < m.columnCount(); ++c)
            row << m.data(m.index(r, c), Qt::DisplayRole).toString();
        t.rows << row;
    }
    return t;
}

} // namespace fd
