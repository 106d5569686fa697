// frontdeskctl: the command-line program over the same services as the desktop program.
#include "cli_context.h"
#include "util/log.h"
#include "util/paths.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QJsonArray>

using namespace fd;
using namespace fd::cli;

namespace {

const QStringList kGroups = {QStringLiteral("user"), QStringLiteral("audit"),
                             QStringLiteral("policy")};

const Text kGlobalHelp{
    QStringLiteral("Global options (before the command):\n"
                   "  --db PATH       database file (else $FRONTDESK_DB, else the data folder)\n"
                   "  --json          one JSON document on stdout\n"

                   "  --lang zh|en    language of messages on stderr\n"
                   "Exit codes: 0 ok, 1 other error, 2 bad input, 3 refused by a rule,\n"
                   "            4 integrity failure, 5 authentication failure.\n"
                   "Passwords are read from stdin, one line per person."),
    QStringLiteral(
        "全局选项（放在命令之前）：\n"
        "  --db PATH       数据库文件（否则 $FRONTDESK_DB，否则数据目录）\n"
        "  --json          在标准输出输出一个 JSON 文档\n"

        "  --lang zh|en    标准错误上提示信息的语言\n"
        "退出码：0 成功，1 其他错误，2 输入错误，3 被规则拒绝，4 完整性校验失败，5 身份验证失败。\n"
        "密码从标准输入读取，每人一行。")};

Reply overview(const QString& group, bool chinese) {
    Reply r;
    QJsonArray list;
    r.lines << QStringLiteral(
        "usage: frontdeskctl [--db PATH] [--json] [--lang zh|en] COMMAND ...");
    r.lines << QString();
    for (const CommandSpec& c : commandTable()) {
        if (!group.isEmpty() && !c.name.startsWith(group + QLatin1Char(' ')))
            continue;
        r.lines << QStringLiteral("  %1").arg(c.usage);
        r.lines << QStringLiteral("      %1").arg(c.summary.in(chinese));
        list.append(QJsonObject{{QStringLiteral("command"), c.name},
                                {QStringLiteral("usage"), c.usage},
                                {QStringLiteral("summary"), Console::textJson(c.summary)}});
    }
    r.lines << QString() << kGlobalHelp.in(chinese);
    r.lines << (chinese ? QStringLiteral("每个命令都有 --help。")
                        : QStringLiteral("Every command has --help."));
    r.data = {{QStringLiteral("commands"), list},
              {QStringLiteral("help"), Console::textJson(kGlobalHelp)}};
    return r;
}

Reply commandHelp(const CommandSpec& c, bool chinese) {
    Reply r;
    r.lines << QStringLiteral("usage: frontdeskctl [global options] %1").arg(c.usage) << QString()
            << c.summary.in(chinese);
    if (!c.details.in(chinese).isEmpty())
        r.lines << QString() << c.details.in(chinese);
    r.lines << QString() << kGlobalHelp.in(chinese);
    r.data = {{QStringLiteral("command"), c.name},
              {QStringLiteral("usage"), c.usage},
              {QStringLiteral("summary"), Console::textJson(c.summary)},
              {QStringLiteral("details"), Console::textJson(c.details)}};
    return r;
}

// `print` paints pages: it needs QtGui's fonts and PDF writer, on the offscreen platform
// unless the caller chose one. Every other command stays a plain QtCore program.
bool printing(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--db" || a == "--lang")
            ++i;
        else if (!a.startsWith('-'))
            return a == "print";
    }
    return false;
}

Error usageError(const QString& field, const Text& message) {
    return Error::badInput(field, message);
}

} // namespace

int main(int argc, char** argv) {
    std::unique_ptr<QCoreApplication> app;
    if (printing(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("frontdeskctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FD_VERSION));
    QStringList args = QCoreApplication::arguments().mid(1);

    GlobalOptions options;
    options.chinese = qEnvironmentVariable("LANG").startsWith(QStringLiteral("zh"));
    QString dbChoice;
    bool help = false;
    qsizetype i = 0;
    std::optional<Error> globalError;
    for (; i < args.size(); ++i) {
        const QString& a = args[i];
        if (!a.startsWith(QStringLiteral("-")))
            break;
        auto valueOf = [&](const QString& name) -> QString {
            if (i + 1 >= args.size()) {
                globalError = usageError(name, {QStringLiteral("--%1 needs a value.").arg(name),
                                                QStringLiteral("--%1 需要一个值。").arg(name)});
                return {};
            }
            return args[++i];
        };
        if (a == QStringLiteral("--json"))
            options.json = true;
        else if (a == QStringLiteral("--db"))
            dbChoice = valueOf(QStringLiteral("db"));
        else if (a == QStringLiteral("--lang")) {
            const QString lang = valueOf(QStringLiteral("lang"));
            if (lang == QStringLiteral("zh") || lang == QStringLiteral("en"))
                options.chinese = lang == QStringLiteral("zh");
            else if (!globalError)
                globalError = usageError(
                    QStringLiteral("lang"),
                    {QStringLiteral("--lang is zh or en, not \"%1\".").arg(lang),
                     QStringLiteral("--lang 只能是 zh 或 en，不能是「%1」。").arg(lang)});
        } else if (a == QStringLiteral("--help") || a == QStringLiteral("-h"))
            help = true;
        else if (a == QStringLiteral("--version")) {
            std::printf("frontdeskctl %s\n", FD_VERSION);
            return 0;
        } else if (!globalError)
            globalError = usageError(
                a.mid(2), {QStringLiteral("Unknown global option %1 (see --help).").arg(a),
                           QStringLiteral("未知全局选项 %1（见 --help）。").arg(a)});
        if (globalError)
            break;
    }
    const Console console(options.json, options.chinese);
    if (globalError)
        return console.finish(*globalError);

    // Logs go to the data folder's file, never to stdout or stderr.
    log::init(paths::dataDirectory());
    options.dbPath = paths::databasePath(dbChoice);

    const QStringList rest = args.mid(i);
    if (rest.isEmpty() || rest.first() == QStringLiteral("help")) {
        if (help || !rest.isEmpty())
            return console.finish(overview({}, options.chinese));
        Reply r = overview({}, options.chinese);
        for (const QString& line : r.lines)
            console.toStderr(line);
        return console.finish(
            usageError(QStringLiteral("command"),
                       {QStringLiteral("No command given."), QStringLiteral("未给出命令。")}));
    }

    // The longest command name that matches: "user add" before "user".
    const CommandSpec* command = nullptr;
    qsizetype used = 0;
    for (const CommandSpec& c : commandTable()) {
        const QStringList words = c.name.split(QLatin1Char(' '));
        if (rest.size() >= words.size() && rest.mid(0, words.size()) == words &&
            words.size() > used) {
            command = &c;
            used = words.size();
        }
    }
    if (command == nullptr) {
        const QString& word = rest.first();
        if (kGroups.contains(word)) {
            const bool groupHelp = rest.size() == 1 || rest.at(1) == QStringLiteral("--help") ||
                                   rest.at(1) == QStringLiteral("-h");
            if (groupHelp && rest.size() > 1)
                return console.finish(overview(word, options.chinese));
            const QString sub = rest.size() > 1 ? rest.at(1) : QString();
            Reply r = overview(word, options.chinese);
            for (const QString& line : r.lines)
                console.toStderr(line);
            return console.finish(usageError(
                QStringLiteral("command"),
                sub.isEmpty() ? Text{QStringLiteral("%1 needs a subcommand.").arg(word),
                                     QStringLiteral("%1 需要子命令。").arg(word)}
                              : Text{QStringLiteral("Unknown command \"%1 %2\".").arg(word, sub),
                                     QStringLiteral("未知命令「%1 %2」。").arg(word, sub)}));
        }
        return console.finish(
            usageError(QStringLiteral("command"),
                       {QStringLiteral("Unknown command \"%1\" (see --help).").arg(word),
                        QStringLiteral("未知命令「%1」（见 --help）。").arg(word)}));
    }
    auto parsed = parseArgs(command->args, rest.mid(used));
    if (!parsed)
        return console.finish(parsed.error());
    CliContext ctx(options, console);
    if (help || parsed->help) {
        Reply r = commandHelp(*command, options.chinese);
        if (command->run == runPrint) {
            // The forms of this build, so that `print --help` says what can be printed.
            if (auto forms = formsReply(ctx); forms) {
                r.lines << QString()
                        << (options.chinese ? QStringLiteral("表单：") : QStringLiteral("Forms:"));
                r.lines += forms->lines;
                r.data.insert(QStringLiteral("forms"), forms->data.value(QStringLiteral("forms")));
            }
        }
        return console.finish(r);
    }

    auto reply = command->run(ctx, *parsed);
    if (!reply)
        return console.finish(reply.error());
    return console.finish(*reply);
}
