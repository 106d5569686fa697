#pragma once

#include "util/error.h"

#include <QMap>
#include <QSet>
#include <QStringList>
#include <QVariantMap>

namespace fd::cli {

// What a command accepts after its name.
struct ArgSpec {
    QStringList positionals;         // required, in order (names as in messages: "login")
    QStringList optionalPositionals; // after the required ones
    QStringList valueOptions;        // "name" for --name VALUE (may repeat)
    QStringList flags;               // "mine" for --mine
    bool keyValues = false;          // key=value parameters after the positionals
};

struct ParsedArgs {
    QMap<QString, QString> positional;
    QMap<QString, QStringList> options;
    QSet<QString> flags;
    QVariantMap params;
    QStringList paramOrder;
    bool help = false;

    [[nodiscard]] QString value(const QString& option) const {
        return options.value(option).isEmpty() ? QString() : options.value(option).constLast();
    }
    [[nodiscard]] bool has(const QString& option) const { return options.contains(option); }
};

// Parses the arguments after the command name; every error names the argument.
Result<ParsedArgs> parseArgs(const ArgSpec& spec, const QStringList& args);

// Splits "key=value"; an empty key is an error naming `field`.
Result<std::pair<QString, QString>> splitKeyValue(const QString& text, const QString& field);

} // namespace fd::cli
