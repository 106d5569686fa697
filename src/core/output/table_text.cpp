#include "output/table_text.h"

#include "util/clock.h"

#include <QAbstractItemModel>

namespace fd {

namespace {

bool isNumeric(const QVariant& v) {
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
        return true;
    default:
        return false;
    }
}

} // namespace

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
        QList<bool> numbers;
        for (int c = 0; c < result.columns.size(); ++c) {
            const QVariant v = values.value(c);
            row << cellText(result.columns[c], v, chinese);
            numbers << (isNumeric(v) && row.last() == v.toString());
        }
        t.rows << row;
        t.numbers << numbers;
    }
    return t;
}

TableSnapshot TableSnapshot::of(const QAbstractItemModel& m) {
    TableSnapshot t;
    for (int c = 0; c < m.columnCount(); ++c)
        t.headers << m.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    for (int r = 0; r < m.rowCount(); ++r) {
        QStringList row;
        QList<bool> numbers;
        for (int c = 0; c < m.columnCount(); ++c) {
            row << m.data(m.index(r, c), Qt::DisplayRole).toString();
            // A list shows its numbers right-aligned (QueryTableModel).
            const auto align = m.data(m.index(r, c), Qt::TextAlignmentRole).toInt();
            numbers << ((align & Qt::AlignRight) != 0);
        }
        t.rows << row;
        t.numbers << numbers;
    }
    return t;
}

} // namespace fd
