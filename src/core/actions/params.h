#pragma once

#include "util/error.h"

#include <QList>
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
};

// Converts raw values (strings from the CLI, typed values from forms) to their types.
// Every error names the field, in both languages.
Result<QVariantMap> validateParams(const QList<ParamSpec>& specs, const QVariantMap& raw);

QString paramTypeName(ParamType t);

} // namespace fd
