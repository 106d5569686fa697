#include "query_list_view.h"

#include "message_line.h"
#include "output/output.h"
#include "output/table_export.h"
#include "print/form_printer.h"
#include "query_table_model.h"
#include "refusal.h"
#include "services/services.h"
#include "session.h"
#include "task_runner.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace fd::gui {

void setUpRowTable(QTableView* table) {
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
}

QueryListView::QueryListView(Session& session, const QString& query, QVariantMap params,
                             QWidget* parent)
    : QWidget(parent), session_(session) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    filter_ = new QLineEdit(this);
    filter_->setObjectName(QStringLiteral("filter"));
    filter_->setPlaceholderText(tr("Filter the list…"));
    filter_->setClearButtonEnabled(true);
    bar->addWidget(filter_, 1);
    count_ = new QLabel(this);
    bar->addWidget(count_);
    auto* refresh = new QPushButton(tr("Refresh"), this);
    auto* exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    auto* print = new QPushButton(tr("Print…"), this);
    print->setObjectName(QStringLiteral("printButton"));
    bar->addWidget(refresh);
    bar->addWidget(exportButton);
    bar->addWidget(print);
    layout->addLayout(bar);

    model_ = new QueryTableModel(this);
    proxy_ = new QSortFilterProxyModel(this);
    proxy_->setSourceModel(model_);
    proxy_->setFilterKeyColumn(-1);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy_->setSortRole(QueryTableModel::RawRole);
    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("listTable"));
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    setUpRowTable(table_);
    table_->sortByColumn(-1, Qt::AscendingOrder);
    layout->addWidget(table_, 1);

    connect(filter_, &QLineEdit::textChanged, this, [this](const QString& text) {
        proxy_->setFilterFixedString(text);
        count_->setText(tr("%n row(s)", nullptr, proxy_->rowCount()));
    });
    connect(refresh, &QPushButton::clicked, this, [this] {
        if (auto ok = reload(); !ok)
            showError(this, ok.error());
    });
    connect(exportButton, &QPushButton::clicked, this, &QueryListView::exportWithDialog);
    connect(print, &QPushButton::clicked, this, &QueryListView::printWithDialog);
    connect(table_, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit rowActivated(proxy_->mapToSource(index).row());
    });
    if (!query.isEmpty())
        setQuery(query, std::move(params));
}

void QueryListView::setQuery(const QString& query, QVariantMap params) {
    query_ = query;
    params_ = std::move(params);
    const QueryDef* def = session_.services().queries().find(query);
    title_ = def != nullptr ? display(def->title) : query;
    (void)reload();
}

Status QueryListView::reload() {
    auto result = session_.services().query(query_, params_, session_.actor());
    if (!result) {
        model_->setResult({});
        count_->setText(errorText(result.error()));
        return fail(result.error());
    }
    model_->setResult(std::move(*result));
    fitColumns(table_, *model_);
    count_->setText(tr("%n row(s)", nullptr, proxy_->rowCount()));
    return {};
}

int QueryListView::currentRow() const {
    const QModelIndex index = table_->currentIndex();
    return index.isValid() ? proxy_->mapToSource(index).row() : -1;
}

bool QueryListView::selectWhere(const QString& key, const QString& value) {
    const int column = model_->columnOf(key);
    if (column < 0)
        return false;
    for (int r = 0; r < model_->rowCount(); ++r)
        if (model_->value(r, key).toString() == value) {
            const QModelIndex index = proxy_->mapFromSource(model_->index(r, 0));
            if (!index.isValid()) { // hidden by the filter
                filter_->clear();
                return selectWhere(key, value);
            }
            table_->setCurrentIndex(index);
            table_->scrollTo(index);
            return true;
        }
    return false;
}

PrintDocument QueryListView::printDocument() const {
    PrintDocument doc;
    doc.title = title_;
    if (!filter_->text().isEmpty())
        doc.fields << PrintField{tr("Filter"), filter_->text()};
    doc.fields << PrintField{tr("Rows"), QString::number(proxy_->rowCount())};
    const TableSnapshot snapshot = TableSnapshot::of(*proxy_);
    doc.tables << PrintTable{{}, snapshot.headers, snapshot.rows};
    return doc;
}

Status QueryListView::exportTo(const QString& path) {
    const TableSnapshot snapshot = TableSnapshot::of(*proxy_);
    const QString title = title_;
    if (auto ok = TaskRunner::run(
            this, tr("Exporting…"),
            [snapshot, path, title](TaskControl&) { return exportTable(snapshot, path, title); });
        !ok)
        return ok;
    return audited(path, snapshot.rows.size());
}

Status QueryListView::audited(const QString& path, qsizetype rows) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QString format = suffix == QStringLiteral("xlsx") || suffix == QStringLiteral("pdf")
                               ? suffix
                               : QStringLiteral("csv");
    auto seq = recordExport(session_.services(), session_.actor(), query_, format, rows);
    if (!seq) {
        // Not recorded, not handed out (the same as frontdeskctl export).
        QFile::remove(path);
        return fail(seq.error());
    }
    return {};
}

Status QueryListView::printToPdf(const QString& path) {
    PrintDocument doc = printDocument();
    FormPrinter::stamp(doc, session_);
    if (auto ok = TaskRunner::run(this, tr("Printing…"),
                                  [doc, path](TaskControl&) -> Status {
                                      auto pages = FormPrinter::toPdf(doc, path);
                                      if (!pages)
                                          return fail(pages.error());
                                      return {};
                                  });
        !ok)
        return ok;
    return audited(path, doc.tables.isEmpty() ? 0 : doc.tables.first().rows.size());
}

void QueryListView::exportWithDialog() {
    QString selected;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export list"), title_ + QStringLiteral(".xlsx"),
                                     tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"), &selected);
    if (path.isEmpty())
        return;
    if (auto ok = exportTo(path); !ok)
        showError(this, ok.error());
    else
        announceSaved(this, path);
}

void QueryListView::printWithDialog() {
    if (auto ok = FormPrinter::printWithDialog(printDocument(), session_, this); !ok)
        showError(this, ok.error());
}

} // namespace fd::gui
