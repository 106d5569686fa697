#pragma once

#include "services/query_registry.h"

#include <QAbstractTableModel>

class QTableView;

namespace fd::gui {

// A registered query's result as a table: the query's own columns, in its order, with
// titles in the interface language. What the query masks stays masked; rows the actor may
// not see were never returned.
class QueryTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    // The raw value of a cell (numbers stay numbers, for sorting).
    static constexpr int RawRole = Qt::UserRole + 1;

    explicit QueryTableModel(QObject* parent = nullptr);

    void setResult(QueryResult result);
    [[nodiscard]] const QueryResult& result() const { return result_; }
    [[nodiscard]] int columnOf(const QString& key) const;
    [[nodiscard]] QVariant value(int row, const QString& key) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QueryResult result_;
};

// Lays out a list of `model` (shown directly or through a proxy that keeps its columns):
// the free-text columns (title, cause, notes, …) share the width that is left; codes,
// numbers, names and dates fit their content, at most 320 pixels, and stay resizable.
void fitColumns(QTableView* view, const QueryTableModel& model);

} // namespace fd::gui
