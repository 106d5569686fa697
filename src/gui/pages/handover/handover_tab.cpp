#include "pages/handover/handover_tab.h"

#include "action_runner.h"
#include "query_list_view.h"
#include "query_table_model.h"
#include "refusal.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fd::gui {

HandoverTab::HandoverTab(Session& session, QWidget* parent) : QWidget(parent), session_(session) {}

bool HandoverTab::run(const QString& action, const QVariantMap& params, const QString& summary) {
    ActionRunner runner(session_, this);
    runner.setSummary(summary);
    auto done = runner.run(action, params);
    emit status(runner.message());
    return done.has_value();
}

std::optional<ActionResult> HandoverTab::form(const QString& action, FormSpec spec) {
    QString message;
    auto done = runActionForm(session_, action, std::move(spec), this, &message);
    if (done)
        emit status(message);
    return done;
}

QVariant HandoverTab::selectedId(QueryListView* list, const QString& what) {
    const int row = list->currentRow();
    if (row < 0) {
        QMessageBox::information(this, tr("Select a row"),
                                 tr("Select %1 in the list first.").arg(what));
        return {};
    }
    return list->model()->value(row, QStringLiteral("id"));
}

bool HandoverTab::printed(const Result<int>& pages, const QString& path) {
    if (!pages) {
        showError(this, pages.error());
        return false;
    }
    emit status(tr("Printed %n page(s) to %1.", nullptr, *pages).arg(path));
    return true;
}

QWidget* titledSection(QWidget* parent, const QString& title, QWidget* content,
                       const QList<QPushButton*>& buttons) {
    auto* box = new QWidget(parent);
    auto* v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    auto* h = new QHBoxLayout;
    auto* label = new QLabel(title, box);
    label->setStyleSheet(QStringLiteral("font-weight: bold;"));
    h->addWidget(label);
    h->addStretch();
    for (QPushButton* b : buttons) {
        b->setParent(box);
        h->addWidget(b);
    }
    v->addLayout(h);
    content->setParent(box);
    v->addWidget(content, 1);
    return box;
}

QPushButton* button(QWidget* parent, const QString& text, const QString& name) {
    auto* b = new QPushButton(text, parent);
    b->setObjectName(name);
    return b;
}

QTableWidget* makeTable(QWidget* parent, const QString& name, const QStringList& headers) {
    auto* t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    setUpRowTable(t);
    t->setWordWrap(true);
    return t;
}

void setRow(QTableWidget* t, int row, const QStringList& cells, const QVariant& id) {
    for (int c = 0; c < cells.size(); ++c) {
        auto* item = new QTableWidgetItem(cells.at(c));
        if (c == 0)
            item->setData(Qt::UserRole, id);
        t->setItem(row, c, item);
    }
}

QString yuan(qint64 fen) {
    return QStringLiteral("%1.%2").arg(fen / 100).arg(fen % 100, 2, 10, QLatin1Char('0'));
}

} // namespace fd::gui
