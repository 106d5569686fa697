#pragma once

#include "actions/action.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <vector>

class QWidget;

namespace fd::gui {

class Session;

// Runs one action from a page or a form, the same way everywhere: it asks
// ActionBus::preview what the rules need first, so that a refusal is shown as
// 「第N篇 x.y.z：…」 before anybody types a password, and the sign dialog asks for exactly
// the signatures the rules name (meanings and roles come from the preview, never from
// the page). Then it runs the action, shows a refusal or bad input (focusing the form's
// field), and tells every page that the area's data changed.
class ActionRunner final {
    Q_DECLARE_TR_FUNCTIONS(fd::gui::ActionRunner)

public:
    ActionRunner(Session& session, QWidget* parent);

    // The form's inputs by parameter name, focused when bad input names them.
    void setFields(QHash<QString, QWidget*> fields) { fields_ = std::move(fields); }
    // What the sign dialog shows as being signed; the action's title when not set.
    void setSummary(const QString& summary) { summary_ = summary; }

    // Runs the request as the session's person. A cancelled sign dialog returns the
    // refusal for want of the signatures (cancelled() tells it apart).
    Result<ActionResult> run(const QString& action, const QVariantMap& params,
                             const QString& reason = {});

    // Whether the last run stopped because the person cancelled the sign dialog.
    [[nodiscard]] bool cancelled() const { return cancelled_; }
    // The signatures the last run asked for (empty when none were needed).
    [[nodiscard]] const std::vector<SignatureRequirement>& asked() const { return asked_; }
    // What the last run ended with, for a status line: "Done: …", "Sent for approval: …",
    // or the refusal's text.
    [[nodiscard]] const QString& message() const { return message_; }

private:
    Session& session_;
    QWidget* parent_;
    QHash<QString, QWidget*> fields_;
    QString summary_;
    bool cancelled_ = false;
    std::vector<SignatureRequirement> asked_;
    QString message_;
};

} // namespace fd::gui
