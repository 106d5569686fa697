// init, user, seed, restore: the administrator's commands (backup: backup_commands.cpp).
#include "audit/audit_log.h"
#include "cli_context.h"
#include "db/backup.h"
#include "db/transaction.h"
#include "services/office_move.h"

#include "all_modules.h"

#include <QFileInfo>

namespace fd::cli {
namespace {

QJsonObject headJson(const QSqlDatabase& db) {
    auto head = AuditLog::head(db);
    return head ? QJsonObject{{QStringLiteral("seq"), head->seq},
                              {QStringLiteral("hash"), head->hash}}
                : QJsonObject{};
}

Result<Reply> runAdminAction(CliContext& ctx, const QString& adminLogin,
                             const QString& adminPassword, const QString& action,
                             const QVariantMap& params) {
    auto s = ctx.services();
    if (!s)
        return fail(s.error());
    auto admin = ctx.signIn(**s, adminLogin, adminPassword);
    if (!admin)
        return fail(admin.error());
    auto done = (*s)->bus().execute({action, params, *admin, {}, {}});
    if (!done)
        return fail(done.error());
    return actionReply(*done, (*s)->policy());
}

} // namespace

Result<Reply> runInit(CliContext& ctx, const ParsedArgs& args) {
    const QString login = args.value(QStringLiteral("admin"));
    if (login.trimmed().isEmpty())
        return fail(Error::badInput(QStringLiteral("admin"),
                                    {QStringLiteral("--admin LOGIN is required."),
                                     QStringLiteral("必须给出 --admin 登录名。")}));
    auto pw = ctx.passwords({QStringLiteral("--admin ") + login}, {QStringLiteral("password")});
    if (!pw)
        return fail(pw.error());
    auto s = ctx.services(true);
    if (!s)
        return fail(s.error());
    const bool demo = args.flags.contains(QStringLiteral("demo"));
    auto id = (*s)->initialise(login, args.value(QStringLiteral("name")), pw->first(), demo);
    if (!id)
        return fail(id.error());
    Reply r;
    r.data = {{QStringLiteral("user_id"), *id},
              {QStringLiteral("login"), login},
              {QStringLiteral("database"), ctx.options().dbPath},
              {QStringLiteral("demo"), demo},
              {QStringLiteral("audit_head"), headJson((*s)->database().connection())}};
    r.lines << ctx.options().dbPath;
    r.note = {QStringLiteral("Database %1 initialised; administrator %2.")
                  .arg(ctx.options().dbPath, login),
              QStringLiteral("数据库 %1 已初始化；管理员 %2。").arg(ctx.options().dbPath, login)};
    return r;
}

Result<Reply> runUserAdd(CliContext& ctx, const ParsedArgs& args) {
    const QString login = args.positional.value(QStringLiteral("login"));
    const QString admin = args.value(QStringLiteral("as"));
    if (admin.isEmpty())
        return fail(Error::badInput(
            QStringLiteral("as"),
            {QStringLiteral("--as ADMIN is required (an administrator adds users)."),
             QStringLiteral("必须给出 --as 管理员（由管理员添加用户）。")}));
    auto pw = ctx.passwords({QStringLiteral("--as ") + admin, login},
                            {QStringLiteral("password:as"), QStringLiteral("password")});
    if (!pw)
        return fail(pw.error());
    QVariantMap params{{QStringLiteral("login"), login},
                       {QStringLiteral("name"), args.value(QStringLiteral("name"))},
                       {QStringLiteral("roles"),
                        args.options.value(QStringLiteral("role")).join(QLatin1Char(','))},
                       {QStringLiteral("password"), pw->at(1)}};
    if (args.has(QStringLiteral("staff-id")))
        params.insert(QStringLiteral("staff_id"), args.value(QStringLiteral("staff-id")));
    auto r = runAdminAction(ctx, admin, pw->at(0), QStringLiteral("user.add"), params);
    if (r)
        r->note = {QStringLiteral("User %1 added.").arg(login),
                   QStringLiteral("已添加用户 %1。").arg(login)};
    if (r)
        r->lines << r->data.value(QStringLiteral("entity_id")).toString();
    return r;
}

Result<Reply> runUserUnlock(CliContext& ctx, const ParsedArgs& args) {
    const QString login = args.positional.value(QStringLiteral("login"));
    const QString admin = args.value(QStringLiteral("as"));
    if (admin.isEmpty())
        return fail(Error::badInput(
            QStringLiteral("as"),
            {QStringLiteral("--as ADMIN is required (an administrator unlocks users)."),
             QStringLiteral("必须给出 --as 管理员（由管理员解锁用户）。")}));
    auto pw = ctx.passwords({QStringLiteral("--as ") + admin}, {QStringLiteral("password:as")});
    if (!pw)
        return fail(pw.error());
    auto r = runAdminAction(ctx, admin, pw->at(0), QStringLiteral("user.unlock"),
                            {{QStringLiteral("login"), login}});
    if (r)
        r->note = {QStringLiteral("User %1 unlocked.").arg(login),
                   QStringLiteral("已解锁用户 %1。").arg(login)};
    return r;
}

Result<Reply> runUserList(CliContext& ctx, const ParsedArgs& args) {
    auto s = signedInServices(
        ctx, args,
        {QStringLiteral("--as LOGIN is required."), QStringLiteral("必须给出 --as 登录名。")});
    if (!s)
        return fail(s.error());
    auto result = s->first->query(QStringLiteral("users"), {}, s->second);
    if (!result)
        return fail(result.error());
    return queryReply(QStringLiteral("users"), *result, ctx.options().chinese);
}

Result<Reply> runSeed(CliContext& ctx, const ParsedArgs& args) {
    SeedOptions options;
    options.profile = args.has(QStringLiteral("profile")) ? args.value(QStringLiteral("profile"))
                                                          : QStringLiteral("demo");
    if (options.profile != QStringLiteral("demo") && options.profile != QStringLiteral("large"))
        return fail(Error::badInput(
            QStringLiteral("profile"),
            {QStringLiteral("--profile is demo or large, not \"%1\".").arg(options.profile),
             QStringLiteral("--profile 只能是 demo 或 large，不能是「%1」。")
                 .arg(options.profile)}));
    if (args.has(QStringLiteral("seed"))) {
        bool ok = false;
        options.seed = args.value(QStringLiteral("seed")).toUInt(&ok);
        if (!ok)
            return fail(Error::badInput(QStringLiteral("seed"),
                                        {QStringLiteral("--seed is a whole number, not \"%1\".")
                                             .arg(args.value(QStringLiteral("seed"))),
                                         QStringLiteral("--seed 须为非负整数，不能是「%1」。")
                                             .arg(args.value(QStringLiteral("seed")))}));
    }
    auto history = std::make_shared<HistoryClock>();
    options.history = history.get();
    auto admin = ctx.signInWith(
        args, QStringLiteral("database.seed"),
        {QStringLiteral("Fill with demo data"), QStringLiteral("填充演示数据")}, history);
    if (!admin)
        return fail(admin.error());
    auto s = ctx.services();
    if (!s)
        return fail(s.error());
    // Demo accounts have a known password: they belong in a demo database only.
    auto demo = (*s)->isDemo();
    if (!demo)
        return fail(demo.error());
    if (!*demo)
        return fail(Error::refused(
            QStringLiteral("demo-database-only"), QString(),
            {QStringLiteral("%1 is not a demo database: demo data (with its known passwords) goes "
                            "only into a database created with \"init --demo\".")
                 .arg(ctx.options().dbPath),
             QStringLiteral("%1 不是演示数据库：演示数据（含公开的演示密码）只能填入用「init "
                            "--demo」创建的数据库。")
                 .arg(ctx.options().dbPath)}));
    const Actor& actor = *admin;
    QJsonArray seeded;
    QStringList areas;
    for (const Module& m : (*s)->modules()) {
        if (!m.seed)
            continue;
        auto ok = m.seed(**s, actor, options);
        history->resume(); // each area starts from the present time
        if (!ok)
            return fail(ok.error());
        seeded.append(m.area);
        areas << m.area;
    }
    Reply r;
    r.data = {{QStringLiteral("profile"), options.profile},
              {QStringLiteral("seed"), static_cast<qint64>(options.seed)},
              {QStringLiteral("modules"), seeded},
              {QStringLiteral("audit_head"), headJson((*s)->database().connection())}};
    r.lines = areas;
    r.note = areas.isEmpty()
                 ? Text{QStringLiteral("No module in this build has %1 data; nothing was seeded.")
                            .arg(options.profile),
                        QStringLiteral("本程序中没有模块提供 %1 数据；未填充任何内容。")
                            .arg(options.profile)}
                 : Text{QStringLiteral("Seeded %1 (%2, seed %3) as %4.")
                            .arg(areas.join(QStringLiteral(", ")), options.profile)
                            .arg(options.seed)
                            .arg(actor.login),
                        QStringLiteral("已填充 %1（%2，种子 %3），操作人 %4。")
                            .arg(areas.join(QStringLiteral("、")), options.profile)
                            .arg(options.seed)
                            .arg(actor.login)};
    return r;
}

Result<Reply> runRestore(CliContext& ctx, const ParsedArgs& args) {
    const QString src = args.positional.value(QStringLiteral("src"));
    // Checked before anything else, so a bad copy changes nothing.
    auto check = verifyBackup(src);
    if (!check)
        return fail(check.error());
    // A server database is restored beside the live one (docs/deployment.md); said after the
    // copy is checked and before anyone is asked for a password.
    if (ServerAddress::isServer(ctx.options().dbPath)) {
        auto db = ctx.database();
        if (!db)
            return fail(db.error());
        if (auto refused = restoreFrom(**db, src); !refused)
            return fail(refused.error());
    }
    // An administrator of the live database replaces it (on a new machine: init first).
    auto admin =
        ctx.signInWith(args, QStringLiteral("database.restore"),
                       {QStringLiteral("Restore from a backup"), QStringLiteral("从备份恢复")});
    if (!admin)
        return fail(admin.error());
    auto s = ctx.services();
    if (!s)
        return fail(s.error());
    const Database& database = (*s)->database();
    if (auto ok = restoreFrom(database, src); !ok)
        return fail(ok.error());
    // The restored data carries the record of its own restoring.
    {
        const QSqlDatabase db = database.connection();
        auto tx = WriteTransaction::begin(db, database.dialect());
        if (!tx)
            return fail(tx.error());
        auto before = AuditLog::head(db);
        AuditEntry e{admin->login,
                     QStringLiteral("system.restore"),
                     QStringLiteral("database"),
                     QFileInfo(ctx.options().dbPath).fileName(),
                     {},
                     {{QStringLiteral("restored_from"), QFileInfo(src).absoluteFilePath()},
                      {QStringLiteral("audit_rows"), check->auditRows},
                      {QStringLiteral("head_of_copy"), before ? before->text() : QString()}},
                     {},
                     (*s)->policy().version(),
                     {}};
        if (auto seq = AuditLog::append(db, (*s)->clock().nowUtc(), e); !seq)
            return fail(seq.error());
        if (auto ok = tx->commit(); !ok)
            return fail(ok.error());
    }
    Reply r;
    r.data = {{QStringLiteral("restored_from"), QFileInfo(src).absoluteFilePath()},
              {QStringLiteral("database"), ctx.options().dbPath},
              {QStringLiteral("audit_rows"), check->auditRows},
              {QStringLiteral("audit_head"), headJson(database.connection())}};
    r.lines << ctx.options().dbPath;
    r.note = {QStringLiteral("Restored %1 from %2 (%3 audit rows verified), by %4.")
                  .arg(ctx.options().dbPath, src)
                  .arg(check->auditRows)
                  .arg(admin->login),
              QStringLiteral("已从 %2 恢复 %1（已校验审计记录 %3 条），操作人 %4。")
                  .arg(ctx.options().dbPath, src)
                  .arg(check->auditRows)
                  .arg(admin->login)};
    return r;
}

Result<Reply> runMigrate(CliContext& ctx, const ParsedArgs& args) {
    const QString to = args.value(QStringLiteral("to"));
    if (!ServerAddress::isServer(to))
        return fail(Error::badInput(
            QStringLiteral("to"),
            {QStringLiteral("--to names the PostgreSQL database the office moves to: "
                            "postgresql://USER@HOST:PORT/DBNAME (the password in ~/.pgpass)."),
             QStringLiteral("--to 须为迁入的 PostgreSQL 数据库：postgresql://用户@主机:端口/库名"
                            "（密码写在 ~/.pgpass）。")}));
    if (ServerAddress::isServer(ctx.options().dbPath))
        return fail(Error::badInput(
            QStringLiteral("db"),
            {QStringLiteral("--db names the office's database file that moves to the server."),
             QStringLiteral("--db 须为要迁往服务器的数据库文件。")}));
    // An administrator of the office's file moves it (their password is read from stdin).
    auto admin = ctx.signInWith(
        args, QStringLiteral("database.restore"),
        {QStringLiteral("Move the office to a server"), QStringLiteral("迁移到服务器")});
    if (!admin)
        return fail(admin.error());
    auto from = ctx.services();
    if (!from)
        return fail(from.error());
    ServicesOptions o;
    o.databasePath = to;
    auto server = openServices(std::move(o));
    if (!server)
        return fail(server.error());
    auto moved = moveOffice(**from, **server);
    if (!moved)
        return fail(moved.error());
    const auto head = [](const AuditHead& h) {
        return QJsonObject{{QStringLiteral("seq"), h.seq}, {QStringLiteral("hash"), h.hash}};
    };
    Reply r;
    r.data = {{QStringLiteral("from"), QFileInfo(ctx.options().dbPath).absoluteFilePath()},
              {QStringLiteral("to"), (*server)->database().path()},
              {QStringLiteral("tables"), moved->tables},
              {QStringLiteral("rows"), moved->rows},
              {QStringLiteral("audit_rows"), moved->auditRows},
              {QStringLiteral("file_head"), head(moved->sourceHead)},
              {QStringLiteral("server_head"), head(moved->serverHead)}};
    r.lines << QStringLiteral("file   %1").arg(moved->sourceHead.text())
            << QStringLiteral("server %1").arg(moved->serverHead.text());
    r.note = {QStringLiteral("Moved %1 to %2: %3 tables, %4 rows, %5 audit rows; both chains "
                             "verified and ending at the same head. Point every desk at the "
                             "server now (docs/deployment.md).")
                  .arg(ctx.options().dbPath, (*server)->database().path())
                  .arg(moved->tables)
                  .arg(moved->rows)
                  .arg(moved->auditRows),
              QStringLiteral("已将 %1 迁移到 %2：%3 张表，%4 行，审计记录 %5 条；两端审计链均已"
                             "校验且止于同一链头。现在请将各工作台指向服务器（见 "
                             "docs/deployment.md）。")
                  .arg(ctx.options().dbPath, (*server)->database().path())
                  .arg(moved->tables)
                  .arg(moved->rows)
                  .arg(moved->auditRows)};
    return r;
}

} // namespace fd::cli
