#include "arguments.h"

namespace fd::cli {

Result<std::pair<QString, QString>> splitKeyValue(const QString& text, const QString& field) {
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return fail(
            Error::badInput(field, {QStringLiteral("Expected NAME=VALUE, got \"%1\".").arg(text),
                                    QStringLiteral("应为 名称=值，实际为「%1」。").arg(text)}));
    return std::pair{text.left(eq).trimmed(), text.mid(eq + 1)};
}

Result<ParsedArgs> parseArgs(const ArgSpec& spec, const QStringList& args) {
    ParsedArgs out;
    qsizetype nextPositional = 0;
    const QStringList allPositionals = spec.positionals + spec.optionalPositionals;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == QStringLiteral("--help") || a == QStringLiteral("-h")) {
            out.help = true;
            return out;
        }
        if (a.startsWith(QStringLiteral("--")) && a.size() > 2) {
            QString name = a.mid(2);
            QString inlineValue;
            bool hasInline = false;
            if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq > 0) {
                inlineValue = name.mid(eq + 1);
                name = name.left(eq);
                hasInline = true;
            }
            if (spec.flags.contains(name) && !hasInline) {
                out.flags.insert(name);
                continue;
            }
            if (!spec.valueOptions.contains(name)) {
                const bool global =
                    name == QStringLiteral("json") || name == QStringLiteral("db") ||
                    name == QStringLiteral("policy") || name == QStringLiteral("lang");
                return fail(Error::badInput(
                    name,
                    global
                        ? Text{QStringLiteral("--%1 is a global option; put it before the command.")
                                   .arg(name),
                               QStringLiteral("--%1 是全局选项，请放在命令之前。").arg(name)}
                        : Text{QStringLiteral("Unknown option --%1 (see --help).").arg(name),
                               QStringLiteral("未知选项 --%1（见 --help）。").arg(name)}));
            }
            if (!hasInline) {
                if (i + 1 >= args.size())
                    return fail(
                        Error::badInput(name, {QStringLiteral("--%1 needs a value.").arg(name),
                                               QStringLiteral("--%1 需要一个值。").arg(name)}));
                inlineValue = args[++i];
            }
            out.options[name].append(inlineValue);
            continue;
        }
        const bool positionalsFilled = nextPositional >= spec.positionals.size();
        if (spec.keyValues && positionalsFilled && a.contains(QLatin1Char('='))) {
            auto kv = splitKeyValue(a, QStringLiteral("params"));
            if (!kv)
                return fail(kv.error());
            if (out.params.contains(kv->first))
                return fail(
                    Error::badInput(kv->first, {QStringLiteral("%1 is given twice.").arg(kv->first),
                                                QStringLiteral("%1 重复给出。").arg(kv->first)}));
            out.params.insert(kv->first, kv->second);
            out.paramOrder << kv->first;
            continue;
        }
        if (nextPositional < allPositionals.size()) {
            out.positional.insert(allPositionals[nextPositional++], a);
            continue;
        }
        return fail(
            Error::badInput(QStringLiteral("arguments"),
                            {QStringLiteral("Unexpected argument \"%1\" (see --help).").arg(a),
                             QStringLiteral("多余的参数「%1」（见 --help）。").arg(a)}));
    }
    if (nextPositional < spec.positionals.size()) {
        const QString& missing = spec.positionals[nextPositional];
        return fail(Error::badInput(
            missing, {QStringLiteral("Missing %1 (see --help).").arg(missing.toUpper()),
                      QStringLiteral("缺少 %1（见 --help）。").arg(missing.toUpper())}));
    }
    return out;
}

} // namespace fd::cli
