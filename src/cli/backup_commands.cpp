// backup DEST (a copy where the administrator says) and backup --auto (the daily copy, cron);
// a database file is copied as a file, a server database as a pg_dump archive.
#include "audit/audit_log.h"
#include "cli_context.h"
#include "db/backup.h"
#include "db/backup_schedule.h"

#include <QFileInfo>
#include <QJsonArray>

namespace fd::cli {
namespace {

QJsonObject headJson(const AuditHead& head) {
    return {{QStringLiteral("seq"), head.seq}, {QStringLiteral("hash"), head.hash}};
}

Result<Reply> runManualBackup(CliContext& ctx, const QString& dest) {
    auto db = ctx.database();
    if (!db)
        return fail(db.error());
    if (auto ok = backupTo(**db, dest); !ok)
        return fail(ok.error());
    auto check = verifyBackup(dest);
    if (!check)
        return fail(check.error());
    // The head of the copy's own chain (the live database may have moved on meanwhile).
    Reply r;
    r.data = {{QStringLiteral("backup"), QFileInfo(dest).absoluteFilePath()},
              {QStringLiteral("audit_rows"), check->auditRows},
              {QStringLiteral("audit_head"), headJson(check->auditHead)},
              {QStringLiteral("format"),
               check->serverDump ? QStringLiteral("pg_dump") : QStringLiteral("sqlite")}};
    r.lines << QFileInfo(dest).absoluteFilePath();
    r.note = {QStringLiteral("Backup written and verified (%1 audit rows).").arg(check->auditRows),
              QStringLiteral("备份已写入并校验（审计记录 %1 条）。").arg(check->auditRows)};
    return r;
}

// Today's verified copy unless one is recorded, then the retention rule.
Result<Reply> runAutoBackup(CliContext& ctx, const QString& dirOption) {
    const QString dir =
        dirOption.isEmpty() ? backups::defaultDirectory() : QFileInfo(dirOption).absoluteFilePath();
    auto s = ctx.services();
    if (!s)
        return fail(s.error());
    auto done = backups::runDaily(**s, dir, QStringLiteral("frontdeskctl backup --auto"));
    if (!done)
        return fail(done.error());
    const backups::BackupRun& run = done->run;
    const auto head = AuditHead::parse(run.auditHead);
    Reply r;
    r.data = {{QStringLiteral("made"), done->made},
              {QStringLiteral("backup"), run.path},
              {QStringLiteral("recorded_at"), toStorage(run.atUtc)},
              {QStringLiteral("audit_rows"), run.auditRows},
              {QStringLiteral("audit_head"), head ? headJson(*head) : QJsonObject{}},
              {QStringLiteral("size_bytes"), run.sizeBytes},
              {QStringLiteral("directory"), dir},
              {QStringLiteral("removed"), QJsonArray::fromStringList(done->removed)}};
    r.lines << run.path;
    for (const QString& name : done->removed)
        r.lines << QStringLiteral("removed %1").arg(name);
    const QString when = storedTimeAsOfficeText(toStorage(run.atUtc));
    const Text removed =
        done->removed.isEmpty()
            ? Text{QString(), QString()}
            : Text{QStringLiteral(" %1 old copies deleted (keeping %2 daily and %3 monthly).")
                       .arg(done->removed.size())
                       .arg(backups::kDailyCopies)
                       .arg(backups::kMonthlyCopies),
                   QStringLiteral("已删除 %1 份旧备份（保留 %2 份每日、%3 份每月）。")
                       .arg(done->removed.size())
                       .arg(backups::kDailyCopies)
                       .arg(backups::kMonthlyCopies)};
    if (done->made)
        r.note = {QStringLiteral("Today's backup written, verified and recorded (%1 audit rows): "
                                 "%2.%3")
                      .arg(run.auditRows)
                      .arg(run.path, removed.en),
                  QStringLiteral("今日备份已写入、校验并登记（审计记录 %1 条）：%2。%3")
                      .arg(run.auditRows)
                      .arg(run.path, removed.zh)};
    else
        r.note = {QStringLiteral("Today's verified backup exists already (%1, %2); no new copy.%3")
                      .arg(when, run.path, removed.en),
                  QStringLiteral("今日已有经校验的备份（%1，%2），未再复制。%3")
                      .arg(when, run.path, removed.zh)};
    return r;
}

} // namespace

Result<Reply> runBackup(CliContext& ctx, const ParsedArgs& args) {
    const QString dest = args.positional.value(QStringLiteral("dest"));
    if (args.flags.contains(QStringLiteral("auto"))) {
        if (!dest.isEmpty())
            return fail(Error::badInput(
                QStringLiteral("dest"),
                {QStringLiteral("--auto names its own file; give --dir DIR instead of DEST."),
                 QStringLiteral("--auto 自行命名备份文件；请用 --dir 目录 代替 DEST。")}));
        return runAutoBackup(ctx, args.value(QStringLiteral("dir")));
    }
    if (args.has(QStringLiteral("dir")))
        return fail(
            Error::badInput(QStringLiteral("dir"), {QStringLiteral("--dir goes with --auto."),
                                                    QStringLiteral("--dir 须与 --auto 同用。")}));
    if (dest.isEmpty())
        return fail(Error::badInput(QStringLiteral("dest"),
                                    {QStringLiteral("Give DEST, the new file, or --auto."),
                                     QStringLiteral("请给出 DEST（新文件）或 --auto。")}));
    return runManualBackup(ctx, dest);
}

} // namespace fd::cli
