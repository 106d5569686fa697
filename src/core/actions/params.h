#pragma once

#include "util/error.h"

#include <QList>
#include <QMap>
#include <QStringList>
#include <QVariantMap>

namespace fd {

enum class ParamType {
    Text,     // one line
    LongText, // several lines
    Int,
    Id,    // a positive record id
    Money, // integer fen; "12.34" yuan text is accepted and converted
    Bool,
    Date,     // yyyy-MM-dd
    Choice,   // one of `choices`
    TextList, // comma-separated
};

// What an optional field given explicitly empty means. A create form's empty field is
// simply not given (Omit); an edit's empty field clears the stored value (Clear) or, for a
// field that must keep a value (a name), is refused (Refuse) - never silently ignored.
enum class WhenEmpty { Omit, Clear, Refuse };

struct ParamSpec {
    QString name;
    ParamType type = ParamType::Text;
    bool required = false;
    Text label; // the field's name for messages and forms
    QStringList choices;
    int maxLength = 200;
    qint64 min = 0;
    qint64 max = 0; // 0: no upper bound
    // A secret (a password): consumed before the write transaction by the action's
    // `prepare` step, never stored in an approval request or an audit row, never logged,
    // and typed into a field that does not show it.
    bool secret = false;
    // An explicitly given empty value ("" or a null date) of an optional field: see WhenEmpty.
    // Clear passes it on as an empty value (an empty text, a null date) for the handler to
    // store; only Text, LongText and Date fields can be cleared.
    WhenEmpty whenEmpty = WhenEmpty::Omit;
    // How each choice reads (custody → 代存): forms offer the words, approvals show them.
    QMap<QString, Text> choiceWords;
};

// The same specification with `whenEmpty` set: editable(spec, WhenEmpty::Clear).
ParamSpec whenEmpty(ParamSpec spec, WhenEmpty meaning);

// Converts raw values (strings from the CLI, typed values from forms) to their types.
// Every error names the field, in both languages.
// Dates are read as people type them (typedDate); given the office's today, also without
// the year (12月4日).
Result<QVariantMap> validateParams(const QList<ParamSpec>& specs, const QVariantMap& raw,
                                   const QDate& today = {});

QString paramTypeName(ParamType t);

} // namespace fd
