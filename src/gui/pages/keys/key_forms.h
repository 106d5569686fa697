#pragma once

#include "actions/action.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <optional>

class QWidget;

namespace fd::gui {

class Session;

// A key as the page's register shows it, for the form that acts on it.
struct KeyInfo {
    QString tag;
    QString category; // owner, public, equipment, water_meter
    QString label;
    QString room;   // the room of a deposited owner key; empty otherwise
    QString status; // in, out, lost, retired
    int copies = 1;
    bool emergency = false;

    [[nodiscard]] bool valid() const { return !tag.isEmpty(); }
    // A ring an owner (or the developer) deposited for a room: it is taken back (领回).
    [[nodiscard]] bool deposited() const {
        return category == QStringLiteral("owner") && !room.isEmpty();
    }
};

// A loan as the loan lists show it.
struct OpenLoan {
    qint64 id = 0;
    QString keys; // tag numbers, "GG-0001, GG-0002"
    QString borrower;
    int copiesOut = 1;
    bool emergency = false;
    bool out = false;            // some of its keys are still out
    bool countersignDue = false; // an emergency loan waiting for the supervisor's countersignature
};

// The tag numbers of a loan's "keys" cell ("GG-0001, GG-0002").
QStringList tagsOf(const QString& keys);

// The keys area's forms: each one the action's generated form (ActionFormDialog) with the
// key preselected, the fields a person needs for it (a staff borrower's fields for a staff
// borrower, the owner's authorisation only for an owner's key), choices in words (staff
// members, the room's owners, the policy's purposes) and the run through the gate (preview,
// sign dialog, refusal with its clause, approval). Each returns the result when the action
// ran (done or sent for approval); message() says what the run ended with.
class KeyForms final {
    Q_DECLARE_TR_FUNCTIONS(fd::gui::KeyForms)

public:
    KeyForms(Session& session, QWidget* parent);

    std::optional<ActionResult> lend(const KeyInfo& key);
    std::optional<ActionResult> giveBack(const OpenLoan& loan);
    std::optional<ActionResult> takeBack(const KeyInfo& key);
    std::optional<ActionResult> deposit(const QString& room);
    // The emergency set of `category` (the whole set, or `tag` only when given).
    std::optional<ActionResult> lendEmergency(const QString& category, const QString& tag);
    std::optional<ActionResult> countersign(const OpenLoan& loan);
    std::optional<ActionResult> reportLost(const KeyInfo& key);
    std::optional<ActionResult> registerKey();

    [[nodiscard]] const QString& message() const { return message_; }

    // The active staff members (id, name with department and post), first an empty choice.
    [[nodiscard]] QList<QPair<QString, QString>> staffChoices() const;
    // The current owners of `room` in the residents registry, first an empty choice.
    [[nodiscard]] QList<QPair<QString, QString>> ownerChoices(const QString& room) const;
    // The policy's work purposes (rule key-loan-purpose), first an empty choice.
    [[nodiscard]] QList<QPair<QString, QString>> purposeChoices() const;

private:
    Session& session_;
    QWidget* parent_;
    QString message_;
};

} // namespace fd::gui
