#include "pages/handover/action_form_dialog.h"

#include "actions/action_bus.h"
#include "refusal.h"
#include "services/services.h"
#include "session.h"
#include "sign_dialog.h"

#include <QJsonArray>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace fd::gui {

ActionFormDialog::ActionFormDialog(Session& session, QString action, const QString& title,
                                   const QList<FormField>& fields, QVariantMap fixed,
                                   QWidget* parent)
    : QDialog(parent), session_(session), action_(std::move(action)), fixed_(std::move(fixed)) {
    setObjectName(QStringLiteral("actionForm"));
    setWindowTitle(title);
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    for (const FormField& f : fields) {
        QWidget* w = nullptr;
        switch (f.kind) {
        case FormField::Kind::Line: {
            auto* e = new QLineEdit(f.initial, this);
            e->setMinimumWidth(320);
            w = e;
            break;
        }
        case FormField::Kind::Long: {
            auto* e = new QPlainTextEdit(f.initial, this);
            e->setMinimumSize(320, 70);
            w = e;
            break;
        }
        case FormField::Kind::Choice: {
            auto* c = new QComboBox(this);
            for (const auto& [value, text] : f.choices)
                c->addItem(text, value);
            c->setCurrentIndex(std::max(0, c->findData(f.initial)));
            w = c;
            break;
        }
        }
        w->setObjectName(f.key);
        form->addRow(f.label, w);
        fields_.insert(f.key, w);
        order_ << f.key;
    }
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("buttons"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ActionFormDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ActionFormDialog::reject);
}

QVariantMap ActionFormDialog::values() const {
    QVariantMap out = fixed_;
    for (const QString& key : order_) {
        if (key == reasonField_)
            continue;
        QWidget* w = fields_.value(key);
        QString text;
        if (auto* e = qobject_cast<QLineEdit*>(w))
            text = e->text().trimmed();
        else if (auto* p = qobject_cast<QPlainTextEdit*>(w))
            text = p->toPlainText().trimmed();
        else if (auto* c = qobject_cast<QComboBox*>(w))
            text = c->currentData().toString();
        if (!text.isEmpty() || sendEmpty_)
            out.insert(key, text);
    }
    return out;
}

std::vector<SignatureRequirement> signaturesAskedBy(const Services& services,
                                                    const QString& ruleId) {
    const RuleDef* rule = services.policy().rule(ruleId);
    if (rule == nullptr)
        return {};
    std::vector<SignatureRequirement> out;
    if (rule->check == QStringLiteral("core.require_signatures")) {
        for (const QJsonValue& v : rule->params.value(QStringLiteral("signers")).toArray()) {
            const QJsonObject o = v.toObject();
            out.push_back({o.value(QStringLiteral("meaning")).toString(),
                           o.value(QStringLiteral("role")).toString()});
        }
    } else if (rule->check == QStringLiteral("handover.incoming_signs_face_to_face")) {
        out.push_back({QStringLiteral("incoming"), {}});
    } else if (rule->check == QStringLiteral("handover.major_matter_change_signed")) {
        QStringList roles;
        for (const QJsonValue& v : rule->params.value(QStringLiteral("roles")).toArray())
            roles << v.toString();
        out.push_back({QStringLiteral("supervisor"), roles.join(QLatin1Char(','))});
    }
    return out;
}

Result<ActionResult> executeAskingSignatures(Session& session, ActionRequest request,
                                             const QString& summary, QWidget* parent) {
    auto first = session.services().bus().execute(request);
    if (first || first.error().kind != Error::Kind::Refused || !request.signatures.empty())
        return first;
    const auto asked = signaturesAskedBy(session.services(), first.error().ruleId);
    if (asked.empty())
        return first;
    SignDialog dialog(session.services(), asked,
                      summary + QLatin1Char('\n') + errorText(first.error()), parent);
    if (dialog.exec() != QDialog::Accepted)
        return first;
    request.signatures = dialog.signatures();
    return session.services().bus().execute(request);
}

void ActionFormDialog::accept() {
    QString reason;
    if (auto* e = qobject_cast<QLineEdit*>(fields_.value(reasonField_)))
        reason = e->text().trimmed();
    else if (auto* p = qobject_cast<QPlainTextEdit*>(fields_.value(reasonField_)))
        reason = p->toPlainText().trimmed();
    auto done = executeAskingSignatures(session_, {action_, values(), session_.actor(), {}, reason},
                                        windowTitle(), this);
    if (!done) {
        QHash<QString, QWidget*> focus = fields_;
        if (!reasonField_.isEmpty())
            focus.insert(QStringLiteral("reason"), fields_.value(reasonField_));
        showError(this, done.error(), focus);
        return;
    }
    result_ = *done;
    QDialog::accept();
}

} // namespace fd::gui
