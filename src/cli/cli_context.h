#pragma once

#include "arguments.h"
#include "console.h"
#include "services/services.h"

#include <memory>

namespace fd::cli {

struct GlobalOptions {
    QString dbPath; // resolved: --db, else FRONTDESK_DB, else the data folder's file
    bool json = false;
    bool chinese = false;
};

// What every command gets: the global options, the console, and the services opened on
// demand (so `--help` and `policy show` never touch a database).
class CliContext final {
public:
    CliContext(GlobalOptions options, const Console& console);
    ~CliContext();
    Q_DISABLE_COPY_MOVE(CliContext)

    [[nodiscard]] const GlobalOptions& options() const { return options_; }
    [[nodiscard]] const Console& console() const { return console_; }

    // The services over the database file. Only `init` may create the file.
    // `clock` replaces the system clock (the seed command's history clock).
    Result<const Services*> services(bool create = false, std::shared_ptr<Clock> clock = {});
    // Every module's registrations over a private in-memory database: for the commands
    // that describe the program (actions, query list, policy check).
    Result<const Services*> catalogue();
    // The file alone, without migrations (audit, backup, restore).
    Result<std::shared_ptr<Database>> database(bool mustExist = true);

    // Reads one stdin line per person in `who` (see PasswordLines).
    Result<QStringList> passwords(const QStringList& who, const QStringList& fields);
    // Authenticates `login`; the database must be initialised first.
    Result<Actor> signIn(const Services& services, const QString& login,
                         const QString& password) const;
    // The whole sign-in of a command that reads or changes business data: --as LOGIN is
    // required, the password is the first stdin line (no line: exit 5, nobody signed in),
    // the services are opened and the person must hold `permission` (exit 3 otherwise).
    Result<Actor> signInWith(const ParsedArgs& args, const QString& permission, const Text& what,
                             std::shared_ptr<Clock> clock = {});
    static Status requireInitialised(const Services& services);

private:
    Status requireFile() const;

    GlobalOptions options_;
    const Console& console_;
    std::unique_ptr<Services> services_;
    std::unique_ptr<Services> catalogue_;
    std::shared_ptr<Database> database_;
};

using CommandFn = Result<Reply> (*)(CliContext&, const ParsedArgs&);

struct CommandSpec {
    QString name; // "user add"
    QString usage;
    Text summary;
    Text details; // options, stdin, output
    ArgSpec args;
    CommandFn run = nullptr;
};

const QList<CommandSpec>& commandTable();

// Commands, by file.
Result<Reply> runInit(CliContext& ctx, const ParsedArgs& args);
Result<Reply> runUserAdd(CliContext& ctx, const ParsedArgs& args);
Result<Reply> runUserList(CliContext& ctx, const ParsedArgs& args);
Result<Reply> runUserUnlock(CliContext& ctx, const ParsedArgs& args);
Result<Reply> runSeed(CliContext& ctx, const ParsedArgs& args);
Result<Reply> runBackup(CliContext& ctx, const ParsedArgs& args);
Result<Reply> runRestore(CliContext& ctx, const ParsedArgs& args);
Result<Reply> runMigrate(CliContext& ctx, const ParsedArgs& args);

Result<Reply> runActions(CliContext& ctx, const ParsedArgs& args);
Result<Reply> runDo(CliContext& ctx, const ParsedArgs& args);
Result<Reply> runApprovals(CliContext& ctx, const ParsedArgs& args);
Result<Reply> runQuery(CliContext& ctx, const ParsedArgs& args);

Result<Reply> runAuditVerify(CliContext& ctx, const ParsedArgs& args);
Result<Reply> runAuditHead(CliContext& ctx, const ParsedArgs& args);
Result<Reply> runAuditLog(CliContext& ctx, const ParsedArgs& args);
Result<Reply> runPolicyShow(CliContext& ctx, const ParsedArgs& args);
Result<Reply> runPolicyCheck(CliContext& ctx, const ParsedArgs& args);
Result<Reply> runPolicyApply(CliContext& ctx, const ParsedArgs& args);

Result<Reply> runExport(CliContext& ctx, const ParsedArgs& args);
Result<Reply> runPrint(CliContext& ctx, const ParsedArgs& args);
Result<Reply> runForms(CliContext& ctx, const ParsedArgs& args);
// The forms this build prints (`forms`, `print` without a form, `print --help`).
Result<Reply> formsReply(CliContext& ctx);

// The common start of every per-person read: --as is required (`missing` says so when it
// is not given), its password is read from stdin, the services are opened and the person
// signed in.
Result<std::pair<const Services*, Actor>> signedInServices(
    CliContext& ctx, const ParsedArgs& args,
    const Text& missing = {
        QStringLiteral("--as LOGIN is required (what you see depends on who you are)."),
        QStringLiteral("必须给出 --as 登录名（可见内容因人而异）。")});
// The services opened and the person `login` signed in with `password`.
Result<std::pair<const Services*, Actor>> servicesAs(CliContext& ctx, const QString& login,
                                                     const QString& password);
// Shared by the query-like commands: a query result as JSON rows and text lines.
Reply queryReply(const QString& name, const QueryResult& result, bool chinese);
QJsonValue jsonValue(const QVariant& v);
// The shape every command that runs an action prints.
// The reply to an action; a request waiting for approval names its approvers by role name.
Reply actionReply(const ActionResult& result, const Policy& policy);

} // namespace fd::cli
