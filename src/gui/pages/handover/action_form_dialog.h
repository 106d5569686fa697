#pragma once

#include "actions/action.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QPair>
#include <QVariantMap>

class QFormLayout;

namespace fd::gui {

class Session;

// The signatures a rule asks for when it refuses for want of them (empty for other rules):
// the policy's signers, the incoming person at a face-to-face check, the supervisor
// agreeing to lower or close a major matter.
std::vector<SignatureRequirement> signaturesAskedBy(const Services& services,
                                                    const QString& ruleId);
// Runs the request; when a rule refuses for want of signatures, asks for them in the sign
// dialog (with `summary`) and runs it again with them. A cancelled dialog returns the
// first refusal.
Result<ActionResult> executeAskingSignatures(Session& session, ActionRequest request,
                                             const QString& summary, QWidget* parent);

// One input of an action form: the parameter name the action uses and how it is typed.
struct FormField {
    enum class Kind { Line, Long, Choice };
    QString key;
    QString label;
    Kind kind = Kind::Line;
    QList<QPair<QString, QString>> choices; // value, shown text
    QString initial;
};

// A small form that builds one ActionRequest and runs it through the bus when accepted.
// A refusal or bad input is shown (the field focused) and the dialog stays open, so what
// was typed is not lost; nothing else writes.
class ActionFormDialog final : public QDialog {
    Q_OBJECT
public:
    ActionFormDialog(Session& session, QString action, const QString& title,
                     const QList<FormField>& fields, QVariantMap fixed = {},
                     QWidget* parent = nullptr);

    // Empty text fields are left out (optional parameters); with this set they are sent
    // as "" (an edit that clears a field).
    void setSendEmpty(bool send) { sendEmpty_ = send; }
    // A reason sent with the request (e.g. an override), read from this field.
    void setReasonField(const QString& key) { reasonField_ = key; }

    [[nodiscard]] QWidget* field(const QString& key) const { return fields_.value(key); }
    [[nodiscard]] QVariantMap values() const;
    [[nodiscard]] const ActionResult& result() const { return result_; }

    void accept() override;

private:
    Session& session_;
    QString action_;
    QVariantMap fixed_;
    QHash<QString, QWidget*> fields_;
    QStringList order_;
    bool sendEmpty_ = false;
    QString reasonField_;
    ActionResult result_;
};

} // namespace fd::gui
