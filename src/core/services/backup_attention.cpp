#include "services/backup_attention.h"

#include "db/backup_schedule.h"
#include "services/services.h"

namespace fd {

void registerBackupAttention(Services& services) {
    services.attentionRegistry().add(
        {QStringLiteral("backup.stale"),
         QString(),
         {QStringLiteral("Database backup"), QStringLiteral("数据库备份")},
         [](const Services& s, const Actor&) -> Result<QList<AttentionItem>> {
             auto last = backups::lastVerified(s.database().connection());
             if (!last)
                 return fail(last.error());
             if (!*last)
                 return QList<AttentionItem>{
                     {QStringLiteral("backup_run"),
                      QString(),
                      {QStringLiteral("No verified backup of the database has been made yet."),
                       QStringLiteral("数据库尚无经过校验的备份。")},
                      {}}};
             const int maxHours =
                 s.policy().intParameter(QStringLiteral("backup.max_age_hours"), 26);
             const qint64 ageSeconds = (*last)->atUtc.secsTo(s.clock().nowUtc());
             if (ageSeconds <= qint64(maxHours) * 3600)
                 return QList<AttentionItem>{};
             const QString when = storedTimeAsOfficeText(toStorage((*last)->atUtc));
             const qint64 hours = ageSeconds / 3600;
             return QList<AttentionItem>{
                 {QStringLiteral("backup_run"),
                  QString::number((*last)->id),
                  {QStringLiteral("The last verified backup is %1 hours old (%2, %3).")
                       .arg(hours)
                       .arg(when, (*last)->path),
                   QStringLiteral("最近一次经校验的备份已是 %1 小时前（%2，%3）。")
                       .arg(hours)
                       .arg(when, (*last)->path)},
                  (*last)->atUtc}};
         },
         {QStringLiteral("admin"), QStringLiteral("cs_manager")}});
}

} // namespace fd
