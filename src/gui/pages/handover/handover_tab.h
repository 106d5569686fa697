#pragma once

#include "action_form_dialog.h"

#include <QWidget>
#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace fd::gui {

class QueryListView;
class Session;

// What the tabs of the handover page share: running an action or its generated form
// through ActionRunner, the selected row of a list, and the status line they report to.
class HandoverTab : public QWidget {
    Q_OBJECT
public:
    explicit HandoverTab(Session& session, QWidget* parent = nullptr);
    // Reads the tab's records again (after any change of the area's data).
    virtual void refresh() = 0;

signals:
    // What the last action did, or why it was refused (the page's status line).
    void status(const QString& text);

protected:
    // Runs one request; a refusal is shown with its clause. True when it ran.
    bool run(const QString& action, const QVariantMap& params, const QString& summary = {});
    // Opens the action's generated form; its result when the action ran.
    std::optional<ActionResult> form(const QString& action, FormSpec spec);
    // The id of the list's selected row; tells the person to select one when none is.
    [[nodiscard]] QVariant selectedId(QueryListView* list, const QString& what);
    // Reports the pages written by a print, or shows why it failed.
    bool printed(const Result<int>& pages, const QString& path);

    Session& session_;
};

// A list or table under a bold title, with the buttons that act on it beside the title.
QWidget* titledSection(QWidget* parent, const QString& title, QWidget* content,
                       const QList<QPushButton*>& buttons);
// A push button with the object name tests and the shell find it by.
QPushButton* button(QWidget* parent, const QString& text, const QString& name);
// A read-only table of whole rows.
QTableWidget* makeTable(QWidget* parent, const QString& name, const QStringList& headers);
// Fills a table row; the first cell carries the record's id.
void setRow(QTableWidget* t, int row, const QStringList& cells, const QVariant& id = {});
// Yuan as written on a bill: 20000 fen → "200.00".
QString yuan(qint64 fen);

} // namespace fd::gui
