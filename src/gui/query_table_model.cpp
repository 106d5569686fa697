#include "query_table_model.h"

#include "output/table_text.h"
#include "session.h"

#include <QHeaderView>
#include <QTableView>

namespace fd::gui {

QueryTableModel::QueryTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void QueryTableModel::setResult(QueryResult result) {
    beginResetModel();
    result_ = std::move(result);
    endResetModel();
}

int QueryTableModel::columnOf(const QString& key) const {
    for (int i = 0; i < result_.columns.size(); ++i)
        if (result_.columns[i].key == key)
            return i;
    return -1;
}

QVariant QueryTableModel::value(int row, const QString& key) const {
    const int column = columnOf(key);
    if (row < 0 || row >= result_.rows.size() || column < 0)
        return {};
    return result_.rows[row].value(column);
}

int QueryTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(result_.rows.size());
}

int QueryTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(result_.columns.size());
}

QVariant QueryTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariant v = result_.rows[index.row()].value(index.column());
    switch (role) {
    case Qt::DisplayRole:
        // The same texts as exports and `frontdeskctl export` (codes as words, 是/否, office time).
        return cellText(result_.columns.value(index.column()), v, chinese());
    case RawRole:
        return v;
    case Qt::TextAlignmentRole:
        if (v.typeId() == QMetaType::Int || v.typeId() == QMetaType::LongLong ||
            v.typeId() == QMetaType::Double)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant QueryTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal || section < 0 ||
        section >= result_.columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    return display(result_.columns[section].title);
}

void fitColumns(QTableView* view, const QueryTableModel& model) {
    static const QStringList freeText{
        QStringLiteral("title"),       QStringLiteral("cause"),        QStringLiteral("course"),
        QStringLiteral("result"),      QStringLiteral("text"),         QStringLiteral("content"),
        QStringLiteral("notes"),       QStringLiteral("note"),         QStringLiteral("reason"),
        QStringLiteral("description"), QStringLiteral("findings"),     QStringLiteral("handling"),
        QStringLiteral("purpose"),     QStringLiteral("instructions"), QStringLiteral("report"),
        QStringLiteral("happenings"),  QStringLiteral("subject"),      QStringLiteral("lifted"),
        QStringLiteral("details")};
    QHeaderView* header = view->horizontalHeader();
    header->setStretchLastSection(false);
    bool stretched = false;
    const QList<QueryColumn>& columns = model.result().columns;
    for (int c = 0; c < columns.size() && c < header->count(); ++c) {
        if (view->isColumnHidden(c))
            continue;
        if (freeText.contains(columns.at(c).key)) {
            header->setSectionResizeMode(c, QHeaderView::Stretch);
            stretched = true;
        } else {
            header->setSectionResizeMode(c, QHeaderView::Interactive);
            view->resizeColumnToContents(c);
            view->setColumnWidth(c, std::min(view->columnWidth(c), 320));
        }
    }
    // A list without free text fills the width with its last column, as before.
    header->setStretchLastSection(!stretched);
}

} // namespace fd::gui
