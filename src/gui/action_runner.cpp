#include "action_runner.h"

#include "actions/action_bus.h"
#include "refusal.h"
#include "services/services.h"
#include "session.h"
#include "sign_dialog.h"

namespace fd::gui {

ActionRunner::ActionRunner(Session& session, QWidget* parent)
    : session_(session), parent_(parent) {}

Result<ActionResult> ActionRunner::run(const QString& action, const QVariantMap& params,
                                       const QString& reason) {
    cancelled_ = false;
    asked_.clear();
    message_.clear();
    const Services& services = session_.services();
    const ActionDef* def = services.actions().find(action);
    const QString title = def != nullptr ? display(def->title) : action;
    ActionRequest request{action, params, session_.actor(), {}, reason};
    auto failed = [&](const Error& error) -> Result<ActionResult> {
        message_ = errorText(error);
        showError(parent_, error, fields_);
        return fail(error);
    };
    // What the rules would decide now: a refusal is shown without running, signatures
    // are asked for as the rules name them.
    auto decision = services.bus().preview(request);
    if (!decision)
        return failed(decision.error());
    if (decision->kind == Decision::Kind::Refuse)
        return failed(decision->toError());
    if (decision->kind == Decision::Kind::NeedsSignatures) {
        asked_ = decision->missingSignatures;
        const QString summary = summary_.isEmpty() ? title : summary_;
        SignDialog dialog(services, asked_,
                          summary + QLatin1Char('\n') + errorText(decision->toError()), parent_);
        if (dialog.exec() != QDialog::Accepted) {
            cancelled_ = true;
            message_ = tr("Cancelled: %1").arg(title);
            return fail(decision->toError());
        }
        request.signatures = dialog.signatures();
    }
    auto done = services.bus().execute(request);
    if (!done)
        return failed(done.error());
    message_ = done->status == ActionResult::Status::PendingApproval
                   ? tr("Sent for approval: %1").arg(display(done->message))
                   : tr("Done: %1").arg(title);
    session_.notifyChanged(action);
    if (done->status == ActionResult::Status::PendingApproval)
        session_.notifyChanged(QStringLiteral("approval"));
    return done;
}

} // namespace fd::gui
