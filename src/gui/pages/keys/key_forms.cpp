#include "pages/keys/key_forms.h"

#include "action_form_dialog.h"
#include "action_runner.h"
#include "rules/policy.h"
#include "services/services.h"
#include "session.h"

#include <QComboBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>
#include <functional>

namespace fd::gui {
namespace {

using Choices = QList<QPair<QString, QString>>;

int columnOf(const QueryResult& r, const QString& key) {
    for (int c = 0; c < r.columns.size(); ++c)
        if (r.columns[c].key == key)
            return c;
    return -1;
}

// The words of the action's choice parameter for `codes`, in the interface's language.
Choices choiceWords(const Session& session, const QString& action, const QString& param,
                    const QStringList& codes) {
    Choices out;
    const ActionDef* def = session.services().actions().find(action);
    for (const QString& code : codes) {
        QString words = code;
        if (def != nullptr)
            for (const ParamSpec& p : def->params)
                if (p.name == param && p.choiceWords.contains(code))
                    words = display(p.choiceWords.value(code));
        out.push_back({code, words});
    }
    return out;
}

// Empties a field the form no longer asks for, so that it is not sent.
void clearField(QWidget* field) {
    if (auto* e = qobject_cast<QLineEdit*>(field))
        e->clear();
    else if (auto* c = qobject_cast<QComboBox*>(field); c != nullptr && c->findData(QString()) >= 0)
        c->setCurrentIndex(c->findData(QString()));
}

// Shows the rows of the form's fields `visible` and hides (and empties) those of `all` not
// among them.
void showOnly(ActionFormDialog& dialog, const QStringList& all, const QStringList& visible) {
    auto* form = dialog.findChild<QFormLayout*>();
    if (form == nullptr)
        return;
    for (const QString& key : all)
        if (QWidget* field = dialog.field(key)) {
            const bool show = visible.contains(key);
            form->setRowVisible(field, show);
            if (!show)
                clearField(field);
        }
}

// Calls `update` with the chosen code of the choice `key` now and whenever it changes.
void follow(ActionFormDialog& dialog, const QString& key,
            const std::function<void(const QString&)>& update) {
    auto* combo = qobject_cast<QComboBox*>(dialog.field(key));
    if (combo == nullptr)
        return;
    QObject::connect(combo, &QComboBox::currentIndexChanged, &dialog,
                     [combo, update] { update(combo->currentData().toString()); });
    update(combo->currentData().toString());
}

// What the form is for, above its fields: the key (or loan) it acts on.
void heading(ActionFormDialog& dialog, const QString& text) {
    auto* label = new QLabel(text, &dialog);
    label->setObjectName(QStringLiteral("formHeading"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("font-weight: bold;"));
    if (auto* box = qobject_cast<QVBoxLayout*>(dialog.layout()))
        box->insertWidget(0, label);
}

void placeholder(ActionFormDialog& dialog, const QString& key, const QString& text) {
    if (auto* e = qobject_cast<QLineEdit*>(dialog.field(key))) {
        e->setPlaceholderText(text);
        // The hint is read whole.
        e->setMinimumWidth(
            std::max(e->minimumWidth(), e->fontMetrics().horizontalAdvance(text) + 24));
    }
}

// Lists typed with Chinese punctuation (防盗门、室内门 / GG-0001，GG-0002) read as the
// comma-separated list the action takes.
void commaList(ActionFormDialog& dialog, const QString& key) {
    auto* e = qobject_cast<QLineEdit*>(dialog.field(key));
    if (e == nullptr)
        return;
    QObject::connect(e, &QLineEdit::textEdited, e, [e](QString text) {
        const QString typed = text;
        text.replace(QChar(0xFF0C), QLatin1Char(',')).replace(QChar(0x3001), QLatin1Char(','));
        if (text != typed) {
            const int at = e->cursorPosition();
            e->setText(text);
            e->setCursorPosition(at);
        }
    });
}

// The borrower's fields of a loan form, by the kind of borrower chosen.
void borrowerRows(ActionFormDialog& dialog, const QStringList& ownerOnly) {
    const QStringList all =
        QStringList{QStringLiteral("borrower_staff_id"), QStringLiteral("borrower_resident_id"),
                    QStringLiteral("borrower_name"), QStringLiteral("organisation"),
                    QStringLiteral("id_document")} +
        ownerOnly;
    follow(dialog, QStringLiteral("borrower_kind"), [&dialog, all, ownerOnly](const QString& kind) {
        QStringList visible;
        if (kind == QStringLiteral("staff"))
            visible << QStringLiteral("borrower_staff_id");
        else if (kind == QStringLiteral("owner"))
            visible << QStringLiteral("borrower_resident_id");
        else
            visible << QStringLiteral("borrower_name") << QStringLiteral("organisation")
                    << QStringLiteral("id_document");
        // The owner borrowing their own key needs no authorisation of their own.
        if (kind != QStringLiteral("owner"))
            visible << ownerOnly;
        showOnly(dialog, all, visible);
    });
}

} // namespace

QStringList tagsOf(const QString& keys) {
    QStringList out;
    for (const QString& t : keys.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out << t.trimmed();
    return out;
}

KeyForms::KeyForms(Session& session, QWidget* parent) : session_(session), parent_(parent) {}

Choices KeyForms::staffChoices() const {
    Choices out{{QString(), QString()}};
    auto staff = session_.services().query(QStringLiteral("staff"), {}, session_.actor());
    if (!staff)
        return out;
    const int id = columnOf(*staff, QStringLiteral("id"));
    const int name = columnOf(*staff, QStringLiteral("name"));
    const int dept = columnOf(*staff, QStringLiteral("department"));
    const int post = columnOf(*staff, QStringLiteral("post"));
    for (const QVariantList& row : staff->rows) {
        QStringList where{row.value(dept).toString(), row.value(post).toString()};
        where.removeAll(QString());
        out.push_back({row.value(id).toString(),
                       where.isEmpty() ? row.value(name).toString()
                                       : tr("%1 (%2)").arg(row.value(name).toString(),
                                                           where.join(QLatin1Char(' ')))});
    }
    return out;
}

Choices KeyForms::ownerChoices(const QString& room) const {
    Choices out{{QString(), QString()}};
    if (room.isEmpty())
        return out;
    auto residents = session_.services().query(
        QStringLiteral("residents"),
        {{QStringLiteral("term"), room}, {QStringLiteral("limit"), 50}}, session_.actor());
    if (!residents)
        return out;
    const int id = columnOf(*residents, QStringLiteral("id"));
    const int code = columnOf(*residents, QStringLiteral("room_code"));
    const int kind = columnOf(*residents, QStringLiteral("kind"));
    const int name = columnOf(*residents, QStringLiteral("name"));
    for (const QVariantList& row : residents->rows)
        if (row.value(code).toString() == room &&
            row.value(kind).toString() == QLatin1String("owner"))
            out.push_back({row.value(id).toString(), row.value(name).toString()});
    return out;
}

Choices KeyForms::purposeChoices() const {
    Choices out{{QString(), QString()}};
    const RuleDef* rule = session_.services().policy().rule(QStringLiteral("key-loan-purpose"));
    if (rule == nullptr)
        return out;
    for (const auto& v : rule->params.value(QStringLiteral("purposes")).toArray()) {
        const QJsonObject o = v.toObject();
        out.push_back(
            {o.value(QStringLiteral("code")).toString(),
             o.value(chinese() ? QStringLiteral("zh") : QStringLiteral("en")).toString()});
    }
    return out;
}

std::optional<ActionResult> KeyForms::lend(const KeyInfo& key) {
    FormSpec spec;
    spec.title = tr("Lend key %1: %2").arg(key.tag, key.label);
    spec.fixed = {{QStringLiteral("keys"), key.tag}};
    QStringList ownerOnly;
    if (key.deposited())
        ownerOnly = {QStringLiteral("owner_authorisation"), QStringLiteral("owner_contacted_at"),
                     QStringLiteral("owner_contacted_by"), QStringLiteral("escort_staff_id")};
    spec.only = QStringList{QStringLiteral("borrower_kind"),
                            QStringLiteral("borrower_staff_id"),
                            QStringLiteral("borrower_resident_id"),
                            QStringLiteral("borrower_name"),
                            QStringLiteral("organisation"),
                            QStringLiteral("id_document"),
                            QStringLiteral("purpose"),
                            QStringLiteral("purpose_note"),
                            QStringLiteral("expected_return")} +
                ownerOnly;
    if (!key.deposited())
        spec.only.removeAll(QStringLiteral("borrower_resident_id"));
    spec.choices.insert(
        QStringLiteral("borrower_kind"),
        choiceWords(session_, QStringLiteral("key.lend"), QStringLiteral("borrower_kind"),
                    key.deposited()
                        ? QStringList{QStringLiteral("staff"), QStringLiteral("owner"),
                                      QStringLiteral("outside")}
                        : QStringList{QStringLiteral("staff"), QStringLiteral("outside")}));
    const Choices staff = staffChoices();
    spec.choices.insert(QStringLiteral("borrower_staff_id"), staff);
    spec.choices.insert(QStringLiteral("escort_staff_id"), staff);
    spec.choices.insert(QStringLiteral("borrower_resident_id"), ownerChoices(key.room));
    spec.choices.insert(QStringLiteral("purpose"), purposeChoices());
    // Required by the rule key-loan-purpose (no private use).
    spec.labels.insert(QStringLiteral("purpose"), tr("Purpose *"));
    spec.summary = spec.title;
    ActionFormDialog dialog(session_, QStringLiteral("key.lend"), spec, parent_);
    dialog.setObjectName(QStringLiteral("lendForm"));
    heading(dialog, spec.title);
    borrowerRows(dialog, ownerOnly);
    const int hours =
        session_.services().policy().intParameter(QStringLiteral("keys.default_loan_hours"), 4);
    placeholder(dialog, QStringLiteral("expected_return"),
                tr("empty: in %n hour(s); or HH:mm today, or yyyy-MM-dd HH:mm", nullptr, hours));
    placeholder(dialog, QStringLiteral("owner_contacted_at"), tr("yyyy-MM-dd HH:mm"));
    placeholder(dialog, QStringLiteral("owner_authorisation"),
                tr("how the owner authorised the loan (phone, written note…)"));
    if (dialog.exec() != QDialog::Accepted) {
        message_ = dialog.message();
        return std::nullopt;
    }
    message_ = dialog.message();
    return dialog.result();
}

std::optional<ActionResult> KeyForms::giveBack(const OpenLoan& loan) {
    FormSpec spec;
    spec.title = tr("Return of loan %1: %2, lent to %3")
                     .arg(QString::number(loan.id), loan.keys, loan.borrower);
    spec.fixed = {{QStringLiteral("loan_id"), loan.id}};
    spec.only = {QStringLiteral("count"), QStringLiteral("condition"), QStringLiteral("note")};
    spec.initial = {{QStringLiteral("count"), QString::number(loan.copiesOut)},
                    {QStringLiteral("condition"), QStringLiteral("good")}};
    ActionFormDialog dialog(session_, QStringLiteral("key.return"), spec, parent_);
    dialog.setObjectName(QStringLiteral("returnForm"));
    heading(dialog, spec.title);
    placeholder(dialog, QStringLiteral("note"), tr("what is damaged, if anything"));
    const bool accepted = dialog.exec() == QDialog::Accepted;
    message_ = dialog.message();
    return accepted ? std::optional<ActionResult>(dialog.result()) : std::nullopt;
}

std::optional<ActionResult> KeyForms::takeBack(const KeyInfo& key) {
    FormSpec spec;
    spec.title = tr("Take back key %1 (领回): %2").arg(key.tag, key.label);
    spec.fixed = {{QStringLiteral("tag"), key.tag}};
    spec.only = {QStringLiteral("taker_kind"), QStringLiteral("taker_resident_id"),
                 QStringLiteral("taker_name"), QStringLiteral("taker_id_tail")};
    spec.choices.insert(QStringLiteral("taker_resident_id"), ownerChoices(key.room));
    ActionFormDialog dialog(session_, QStringLiteral("key.take_back"), spec, parent_);
    dialog.setObjectName(QStringLiteral("takeBackForm"));
    heading(dialog, spec.title);
    placeholder(dialog, QStringLiteral("taker_id_tail"),
                tr("the last 4 characters of the ID document shown"));
    follow(dialog, QStringLiteral("taker_kind"), [&dialog](const QString& kind) {
        showOnly(dialog, {QStringLiteral("taker_resident_id"), QStringLiteral("taker_name")},
                 {kind == QStringLiteral("owner") ? QStringLiteral("taker_resident_id")
                                                  : QStringLiteral("taker_name")});
    });
    const bool accepted = dialog.exec() == QDialog::Accepted;
    message_ = dialog.message();
    return accepted ? std::optional<ActionResult>(dialog.result()) : std::nullopt;
}

std::optional<ActionResult> KeyForms::deposit(const QString& room) {
    FormSpec spec;
    spec.title =
        room.isEmpty() ? tr("Deposit owner keys") : tr("Deposit owner keys of %1").arg(room);
    spec.initial = {{QStringLiteral("room_code"), room},
                    {QStringLiteral("custody"), QStringLiteral("owner_deposit")}};
    spec.choices.insert(QStringLiteral("depositor_resident_id"), ownerChoices(room));
    ActionFormDialog dialog(session_, QStringLiteral("key.deposit"), spec, parent_);
    dialog.setObjectName(QStringLiteral("depositForm"));
    heading(dialog, spec.title);
    placeholder(dialog, QStringLiteral("slots"), tr("e.g. 防盗门,室内门 (comma between kinds)"));
    placeholder(dialog, QStringLiteral("tag"), tr("empty: a new tag number"));
    commaList(dialog, QStringLiteral("slots"));
    // The owners offered are those of the room typed.
    auto* roomEdit = qobject_cast<QLineEdit*>(dialog.field(QStringLiteral("room_code")));
    auto* owners = qobject_cast<QComboBox*>(dialog.field(QStringLiteral("depositor_resident_id")));
    if (roomEdit != nullptr && owners != nullptr)
        QObject::connect(roomEdit, &QLineEdit::editingFinished, &dialog, [this, roomEdit, owners] {
            owners->clear();
            for (const auto& [value, text] : ownerChoices(roomEdit->text().trimmed()))
                owners->addItem(text, value);
        });
    follow(dialog, QStringLiteral("custody"), [&dialog](const QString& custody) {
        const QStringList all{QStringLiteral("depositor_resident_id"),
                              QStringLiteral("depositor_name"), QStringLiteral("depositor_id_tail"),
                              QStringLiteral("depositor_phone")};
        showOnly(dialog, all,
                 custody == QStringLiteral("owner_deposit")
                     ? QStringList{QStringLiteral("depositor_resident_id"),
                                   QStringLiteral("depositor_phone")}
                     : QStringList{QStringLiteral("depositor_name"),
                                   QStringLiteral("depositor_id_tail"),
                                   QStringLiteral("depositor_phone")});
    });
    const bool accepted = dialog.exec() == QDialog::Accepted;
    message_ = dialog.message();
    return accepted ? std::optional<ActionResult>(dialog.result()) : std::nullopt;
}

std::optional<ActionResult> KeyForms::lendEmergency(const QString& category, const QString& tag) {
    FormSpec spec;
    spec.title = tr("Lend the emergency set");
    spec.only = {QStringLiteral("category"),      QStringLiteral("keys"),
                 QStringLiteral("borrower_kind"), QStringLiteral("borrower_staff_id"),
                 QStringLiteral("borrower_name"), QStringLiteral("organisation"),
                 QStringLiteral("id_document"),   QStringLiteral("expected_return")};
    spec.initial = {{QStringLiteral("category"), category}, {QStringLiteral("keys"), tag}};
    spec.choices.insert(QStringLiteral("borrower_staff_id"), staffChoices());
    spec.reasonLabel = tr("Emergency: what happened *");
    ActionFormDialog dialog(session_, QStringLiteral("key.lend_emergency"), spec, parent_);
    dialog.setObjectName(QStringLiteral("emergencyForm"));
    heading(dialog, spec.title);
    commaList(dialog, QStringLiteral("keys"));
    placeholder(dialog, QStringLiteral("keys"), tr("empty: the whole set"));
    const int hours =
        session_.services().policy().intParameter(QStringLiteral("keys.default_loan_hours"), 4);
    placeholder(dialog, QStringLiteral("expected_return"),
                tr("empty: in %n hour(s); or HH:mm today, or yyyy-MM-dd HH:mm", nullptr, hours));
    borrowerRows(dialog, {});
    const bool accepted = dialog.exec() == QDialog::Accepted;
    message_ = dialog.message();
    return accepted ? std::optional<ActionResult>(dialog.result()) : std::nullopt;
}

std::optional<ActionResult> KeyForms::countersign(const OpenLoan& loan) {
    ActionRunner runner(session_, parent_);
    runner.setSummary(tr("Emergency loan %1: %2, lent to %3")
                          .arg(QString::number(loan.id), loan.keys, loan.borrower));
    auto done =
        runner.run(QStringLiteral("key.countersign"), {{QStringLiteral("loan_id"), loan.id}});
    message_ = runner.message();
    return done ? std::optional<ActionResult>(*done) : std::nullopt;
}

std::optional<ActionResult> KeyForms::reportLost(const KeyInfo& key) {
    FormSpec spec;
    spec.title = tr("Report key %1 lost: %2").arg(key.tag, key.label);
    spec.fixed = {{QStringLiteral("tag"), key.tag}};
    spec.only = {QStringLiteral("circumstances"), QStringLiteral("lock_replacement")};
    if (key.deposited())
        spec.only << QStringLiteral("owner_consent");
    ActionFormDialog dialog(session_, QStringLiteral("key.report_lost"), spec, parent_);
    dialog.setObjectName(QStringLiteral("lostForm"));
    heading(dialog, spec.title);
    placeholder(dialog, QStringLiteral("lock_replacement"),
                tr("e.g. lock cylinder replaced on 3 March by maintenance"));
    const bool accepted = dialog.exec() == QDialog::Accepted;
    message_ = dialog.message();
    return accepted ? std::optional<ActionResult>(dialog.result()) : std::nullopt;
}

std::optional<ActionResult> KeyForms::registerKey() {
    FormSpec spec;
    spec.title = tr("Register a key");
    spec.initial = {{QStringLiteral("category"), QStringLiteral("public")},
                    {QStringLiteral("emergency"), QStringLiteral("false")},
                    {QStringLiteral("copies"), QStringLiteral("1")}};
    ActionFormDialog dialog(session_, QStringLiteral("key.register"), spec, parent_);
    dialog.setObjectName(QStringLiteral("registerForm"));
    heading(dialog, spec.title);
    placeholder(dialog, QStringLiteral("tag"), tr("empty: a new tag number"));
    placeholder(dialog, QStringLiteral("hook"), tr("cabinet and hook, e.g. A-07"));
    placeholder(dialog, QStringLiteral("label"),
                tr("empty: from the building, floor or equipment"));
    // R3-4.5.3: public doors and windows by building and floor, equipment rooms by equipment.
    follow(dialog, QStringLiteral("category"), [&dialog](const QString& category) {
        QStringList visible;
        if (category == QStringLiteral("equipment"))
            visible << QStringLiteral("equipment");
        else if (category != QStringLiteral("owner"))
            visible << QStringLiteral("building") << QStringLiteral("floor");
        showOnly(dialog,
                 {QStringLiteral("building"), QStringLiteral("floor"), QStringLiteral("equipment")},
                 visible);
    });
    const bool accepted = dialog.exec() == QDialog::Accepted;
    message_ = dialog.message();
    return accepted ? std::optional<ActionResult>(dialog.result()) : std::nullopt;
}

} // namespace fd::gui
