#include "action_form_dialog.h"

#include "action_runner.h"
#include "date_field.h"
#include "services/services.h"
#include "session.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace fd::gui {

ActionFormDialog::ActionFormDialog(Session& session, QString action, FormSpec spec, QWidget* parent)
    : QDialog(parent), session_(session), action_(std::move(action)), spec_(std::move(spec)) {
    setObjectName(QStringLiteral("actionForm"));
    const ActionDef* def = session_.services().actions().find(action_);
    setWindowTitle(!spec_.title.isEmpty() ? spec_.title
                   : def != nullptr       ? display(def->title)
                                          : action_);
    QList<ParamSpec> params;
    if (def != nullptr) {
        for (const QString& key : spec_.only)
            for (const ParamSpec& p : def->params)
                if (p.name == key)
                    params << p;
        if (spec_.only.isEmpty())
            for (const ParamSpec& p : def->params)
                if (!spec_.fixed.contains(p.name) && !p.secret)
                    params << p;
    }
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    // `row` is what the form shows; `field` the input read, named, focused and marked (a
    // date's line edit inside its date field).
    auto add = [&](const QString& key, const QString& label, QWidget* row, QWidget* field) {
        field->setObjectName(key);
        form->addRow(label, row);
        fields_.insert(key, field);
        order_ << key;
    };
    for (const ParamSpec& p : params) {
        const QString initial = spec_.initial.value(p.name).toString();
        QList<QPair<QString, QString>> choices = spec_.choices.value(p.name);
        if (choices.isEmpty() && p.type == ParamType::Choice)
            for (const QString& c : p.choices)
                choices.push_back(
                    {c, p.choiceWords.contains(c) ? display(p.choiceWords.value(c)) : c});
        if (choices.isEmpty() && p.type == ParamType::Bool)
            choices = {{QStringLiteral("true"), tr("Yes")}, {QStringLiteral("false"), tr("No")}};
        QWidget* w = nullptr;
        QWidget* row = nullptr;
        if (!choices.isEmpty()) {
            auto* c = new QComboBox(this);
            for (const auto& [value, text] : choices)
                c->addItem(text, value);
            c->setCurrentIndex(std::max(0, c->findData(initial)));
            w = c;
        } else if (p.type == ParamType::LongText) {
            auto* e = new QPlainTextEdit(initial, this);
            e->setMinimumSize(320, 70);
            w = e;
        } else if (p.type == ParamType::Date) {
            // Typed as people type dates, or picked on a calendar.
            auto* d = new DateField(session_.services().clock().officeToday(), this);
            d->edit()->setText(initial);
            row = d;
            w = d->edit();
        } else {
            auto* e = new QLineEdit(initial, this);
            e->setMinimumWidth(320);
            e->setMaxLength(p.type == ParamType::Text ? p.maxLength : 32767);
            w = e;
        }
        const QString label =
            spec_.labels.value(p.name, !display(p.label).isEmpty() ? display(p.label) : p.name);
        add(p.name, p.required ? label + QStringLiteral(" *") : label, row != nullptr ? row : w, w);
    }
    if (!spec_.reasonLabel.isEmpty()) {
        auto* e = new QPlainTextEdit(this);
        e->setMinimumSize(320, 70);
        add(QStringLiteral("reason"), spec_.reasonLabel, e, e);
    }
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("buttons"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ActionFormDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ActionFormDialog::reject);
}

QString ActionFormDialog::textOf(const QString& key) const {
    QWidget* w = fields_.value(key);
    if (auto* e = qobject_cast<QLineEdit*>(w))
        return e->text().trimmed();
    if (auto* p = qobject_cast<QPlainTextEdit*>(w))
        return p->toPlainText().trimmed();
    if (auto* c = qobject_cast<QComboBox*>(w))
        return c->currentData().toString();
    return {};
}

QVariantMap ActionFormDialog::values() const {
    QVariantMap out = spec_.fixed;
    for (const QString& key : order_) {
        if (key == QStringLiteral("reason") && !spec_.reasonLabel.isEmpty())
            continue;
        const QString text = textOf(key);
        // An edit sends what changed, an emptied field as empty (it clears); a new record
        // what was filled in.
        const bool send = spec_.edit && spec_.initial.contains(key)
                              ? text != spec_.initial.value(key).toString().trimmed()
                              : !text.isEmpty();
        if (send)
            out.insert(key, text);
    }
    return out;
}

void ActionFormDialog::accept() {
    ActionRunner runner(session_, this);
    runner.setFields(fields_);
    runner.setSummary(spec_.summary.isEmpty() ? windowTitle() : spec_.summary);
    const QString reason =
        spec_.reasonLabel.isEmpty() ? QString() : textOf(QStringLiteral("reason"));
    auto done = runner.run(action_, values(), reason);
    message_ = runner.message();
    if (!done)
        return;
    result_ = *done;
    QDialog::accept();
}

std::optional<ActionResult> runActionForm(Session& session, const QString& action, FormSpec spec,
                                          QWidget* parent, QString* message) {
    ActionFormDialog dialog(session, action, std::move(spec), parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    if (message != nullptr)
        *message = dialog.message();
    return dialog.result();
}

} // namespace fd::gui
