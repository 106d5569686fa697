#pragma once

#include "actions/action.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QPair>
#include <QVariantMap>
#include <optional>

namespace fd::gui {

class Session;

// What a generated action form asks for and how. The fields come from the action's
// parameters in the ActionRegistry (their type, whether required, their label); this only
// says what the page knows better.
struct FormSpec {
    QString title;       // the window's title; the action's title when empty
    QVariantMap fixed;   // sent as given and not asked (the record's id)
    QStringList only;    // ask only these parameters, in this order (empty: all)
    QVariantMap initial; // a field's starting value
    // An edit form: `initial` holds the stored values. A field is sent only when changed;
    // an emptied one is sent empty, which clears it (or is refused when it may not be empty).
    bool edit = false;
    QHash<QString, QString> labels; // a field's label instead of the parameter's
    // A field offered as a choice: value and shown text (a Choice parameter without this
    // shows its codes).
    QHash<QString, QList<QPair<QString, QString>>> choices;
    QString reasonLabel; // asks for the request's reason in a field named "reason"
    QString summary;     // what the sign dialog says is signed; the title when empty
};

// A form generated from an action's parameters: a line for text, numbers, dates and money,
// a box of several lines for long text, a list for a choice or yes/no. OK runs the request
// through ActionRunner (preview, sign dialog, refusal with its clause); a refusal or bad
// input is shown with the field focused and the form stays open, so nothing typed is lost.
class ActionFormDialog final : public QDialog {
    Q_OBJECT
public:
    ActionFormDialog(Session& session, QString action, FormSpec spec, QWidget* parent = nullptr);

    [[nodiscard]] QWidget* field(const QString& key) const { return fields_.value(key); }
    // The parameters the request would carry now.
    [[nodiscard]] QVariantMap values() const;
    [[nodiscard]] const ActionResult& result() const { return result_; }
    // What the run ended with, for the page's status line.
    [[nodiscard]] const QString& message() const { return message_; }

    void accept() override;

private:
    [[nodiscard]] QString textOf(const QString& key) const;

    Session& session_;
    QString action_;
    FormSpec spec_;
    QHash<QString, QWidget*> fields_;
    QStringList order_;
    ActionResult result_;
    QString message_;
};

// Opens the action's form; the result when its action ran (done or sent for approval),
// with what the run ended with in `message`.
std::optional<ActionResult> runActionForm(Session& session, const QString& action, FormSpec spec,
                                          QWidget* parent, QString* message = nullptr);

} // namespace fd::gui
