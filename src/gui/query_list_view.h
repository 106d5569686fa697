#pragma once

#include "print/print_document.h"
#include "util/error.h"

#include <QVariantMap>
#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace fd::gui {

class QueryTableModel;
class Session;

// Sets a table up to show read-only rows, one selected at a time, as every list does.
void setUpRowTable(QTableView* table);

// Any registered query as a list: a filter box, the table, and export (CSV/XLSX) and print
// buttons. Exports and prints show what the table shows — filtered rows, masked phones.
class QueryListView final : public QWidget {
    Q_OBJECT
public:
    QueryListView(Session& session, const QString& query, QVariantMap params = {},
                  QWidget* parent = nullptr);

    void setQuery(const QString& query, QVariantMap params = {});
    [[nodiscard]] const QString& query() const { return query_; }
    Status reload();

    [[nodiscard]] QueryTableModel* model() const { return model_; }
    [[nodiscard]] QSortFilterProxyModel* proxy() const { return proxy_; }
    [[nodiscard]] QTableView* table() const { return table_; }
    [[nodiscard]] QLineEdit* filter() const { return filter_; }
    // The source-model row of the current selection, or -1.
    [[nodiscard]] int currentRow() const;
    // Selects the row whose column `key` holds `value`; false when none does.
    bool selectWhere(const QString& key, const QString& value);

    // The list as a paper form (title, the filter as a field, the visible rows).
    [[nodiscard]] PrintDocument printDocument() const;
    Status exportTo(const QString& path);
    Status printToPdf(const QString& path);

signals:
    void rowActivated(int sourceRow);

private:
    void exportWithDialog();
    void printWithDialog();
    // Records the written file (export.table); a file that cannot be recorded is removed.
    Status audited(const QString& path, qsizetype rows);

    Session& session_;
    QString query_;
    QVariantMap params_;
    QString title_;
    QueryTableModel* model_ = nullptr;
    QSortFilterProxyModel* proxy_ = nullptr;
    QTableView* table_ = nullptr;
    QLineEdit* filter_ = nullptr;
    QLabel* count_ = nullptr;
};

} // namespace fd::gui
