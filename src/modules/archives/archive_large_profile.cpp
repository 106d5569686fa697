// The large profile: the archive the benchmarks run on — 20,000 volumes with 200,000 items,
// 50,000 loans (1,000 out, 200 of them overdue) and 30,000 registered documents, all in the
// search index. Written as an office brings in its existing archive: through archive.import,
// a thousand records per call, each call one transaction with one audit row; the same seed
// gives the same archive. Borrowers are the staff the residents' large profile created (it
// seeds first).
#include "archives_internal.h"
#include "db/dialect.h"
#include "util/clock.h"
#include "util/log.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>

namespace fd::archives {
namespace {

constexpr int kVolumes = 20000;
constexpr int kItemsPerVolume = 10;
constexpr int kLoans = 50000;
constexpr int kLoansOut = 1000;    // the last ones; the rest are returned
constexpr int kLoansOverdue = 200; // the last of those out
constexpr int kDocuments = 30000;
constexpr int kBatch = 1000; // records per archive.import

const char16_t* const kWords[] = {
    u"电梯", u"维修", u"保养", u"记录", u"消防", u"巡查", u"清洁", u"绿化", u"值班",
    u"业主", u"入住", u"投诉", u"合同", u"外包", u"通知", u"报告", u"会议", u"纪要",
    u"质量", u"体系", u"水泵", u"配电", u"安全", u"检查", u"年度", u"总结", u"图片",
    u"资料", u"公共", u"区域", u"装修", u"申请", u"验收", u"收费", u"公示", u"钥匙",
    u"门禁", u"停车", u"防汛", u"空调", u"幕墙", u"屋面", u"管道", u"照明", u"监控"};

class LargeWriter {
public:
    LargeWriter(const Services& s, const Actor& admin, quint32 seed)
        : s_(s), admin_(admin), rng_(seed) {}

    Status run() {
        if (!dir_.isValid())
            return fail(
                Error::storage(tx("No temporary folder for the seed.", "无法创建临时文件夹。")));
        today_ = s_.clock().officeToday();
        keeper_ = login(QStringLiteral("zhaomin"));
        approver_ = login(QStringLiteral("huangwei"));
        if (auto ok = cabinets(); !ok)
            return ok;
        if (auto ok = volumes(); !ok)
            return ok;
        if (auto ok = loans(); !ok)
            return ok;
        if (auto ok = documents(); !ok)
            return ok;
        // Fresh statistics for the planner over the new rows (on PostgreSQL the archive's
        // tables: the server's own catalogues are not this program's to analyse).
        return sql::run(
            s_.database().connection(),
            s_.database().dialect() == Dialect::SQLite
                ? QStringLiteral("ANALYZE")
                : QStringLiteral("ANALYZE archive_volumes, archive_items, archive_loans, "
                                 "archive_loan_lines, documents, archive_search, "
                                 "archive_search_text"));
    }

private:
    Result<ActionResult> act(const QString& action, const QVariantMap& params) const {
        return s_.bus().execute({action, params, admin_, {}, QStringLiteral("large profile")});
    }

    // One archive.import of `list`'s records.
    Status import(const char* list, const QJsonArray& records) {
        const QString path = dir_.filePath(QStringLiteral("archive-%1.json").arg(++files_));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) ||
            f.write(QJsonDocument(QJsonObject{{QLatin1String(list), records}})
                        .toJson(QJsonDocument::Compact)) < 0)
            return fail(Error::storage({QStringLiteral("Cannot write %1.").arg(path),
                                        QStringLiteral("无法写入 %1。").arg(path)}));
        f.close();
        auto r = act(QStringLiteral("archive.import"), {{QStringLiteral("file"), path}});
        QFile::remove(path);
        if (!r)
            return fail(r.error());
        return {};
    }

    QString title(int words) {
        QString t;
        for (int i = 0; i < words; ++i)
            t += QString::fromUtf16(kWords[rng_.bounded(static_cast<int>(std::size(kWords)))]);
        return t;
    }

    QString login(const QString& wanted) const {
        return s_.users().find(wanted) ? wanted : admin_.login;
    }

    Status cabinets() {
        for (const auto& [code, name, locked] : {std::tuple{"A01", "档案柜A01（普通）", false},
                                                 std::tuple{"A02", "档案柜A02（普通）", false},
                                                 std::tuple{"S01", "保密专柜S01（加锁）", true}})
            if (auto r = act(QStringLiteral("archive.add_cabinet"),
                             {{QStringLiteral("code"), QString::fromUtf8(code)},
                              {QStringLiteral("name"), QString::fromUtf8(name)},
                              {QStringLiteral("locked"), locked}});
                !r)
                return fail(r.error());
        return {};
    }

    static QString number(int volume) {
        return QStringLiteral("WY-%1").arg(volume, 6, 10, QLatin1Char('0'));
    }

    // Volumes of the general categories (S4-S9) over 26 years, every twentieth confidential
    // and kept in the locked cabinet; ten items each.
    Status volumes() {
        const int firstYear = today_.year() - 26;
        QJsonArray batch;
        for (int v = 1; v <= kVolumes; ++v) {
            const int year = firstYear + rng_.bounded(26);
            const bool restricted = v % 20 == 0;
            QJsonObject volume{
                {QStringLiteral("number"), number(v)},
                {QStringLiteral("title"), title(3)},
                {QStringLiteral("category"), QStringLiteral("S%1").arg(4 + rng_.bounded(6))},
                {QStringLiteral("department"), QStringLiteral("客服部")},
                {QStringLiteral("retention_years"), 10},
                {QStringLiteral("confidentiality"),
                 restricted ? QStringLiteral("confidential") : QStringLiteral("ordinary")},
                {QStringLiteral("cabinet"),
                 restricted ? QStringLiteral("S01")
                            : (v % 2 ? QStringLiteral("A01") : QStringLiteral("A02"))},
                {QStringLiteral("shelf"), QString::number(1 + v % 6)},
                {QStringLiteral("date_from"), QStringLiteral("%1-01-01").arg(year)},
                {QStringLiteral("date_to"), QStringLiteral("%1-12-31").arg(year)}};
            QJsonArray items;
            for (int i = 1; i <= kItemsPerVolume; ++i) {
                const bool original = (static_cast<qint64>(v - 1) * kItemsPerVolume + i) % 25 != 0;
                QJsonObject item{
                    {QStringLiteral("title"), title(2 + rng_.bounded(3))},
                    {QStringLiteral("item_date"),
                     QStringLiteral("%1-%2-15").arg(year).arg(i, 2, 10, QLatin1Char('0'))},
                    {QStringLiteral("original"), original},
                    {QStringLiteral("pages"), 1 + rng_.bounded(12)},
                    {QStringLiteral("responsible"), QStringLiteral("王芳")}};
                if (!original)
                    item.insert(QStringLiteral("copy_reason"), QStringLiteral("原件存集团"));
                items.append(item);
            }
            volume.insert(QStringLiteral("items"), items);
            batch.append(volume);
            if (batch.size() == kBatch || v == kVolumes) {
                if (auto ok = import("volumes", batch); !ok)
                    return ok;
                batch = {};
            }
        }
        return {};
    }

    Result<QStringList> borrowers() const {
        QStringList out;
        QSqlQuery q(s_.database().connection());
        // The staff registry (residents area); absent in a build without it.
        if (q.exec(QStringLiteral("SELECT name FROM staff WHERE status = 'active' ORDER BY id")))
            while (q.next())
                out.push_back(q.value(0).toString());
        return out;
    }

    // Most loans are returned; the last 1,000 are out, the last 200 of them overdue.
    Status loans() {
        auto staff = borrowers();
        if (!staff)
            return fail(staff.error());
        const auto at = [](const QDate& d, int hour) -> QString {
            return d.toString(Qt::ISODate) +
                   QStringLiteral(" %1:30").arg(hour, 2, 10, QLatin1Char('0'));
        };
        QJsonArray batch;
        for (int l = 1; l <= kLoans; ++l) {
            const bool out = l > kLoans - kLoansOut;
            const bool overdue = l > kLoans - kLoansOverdue;
            const QDate due =
                out ? (overdue ? today_.addDays(-1 - l % 30) : today_.addDays(1 + l % 14))
                    : today_.addDays(-400 + l % 300);
            const QDate lent = due.addDays(-7 - l % 7);
            QJsonObject loan{
                {QStringLiteral("purpose"), QStringLiteral("查阅维修记录")},
                {QStringLiteral("mode"), QStringLiteral("lend")},
                {QStringLiteral("volumes"),
                 number(1 + static_cast<int>((static_cast<qint64>(l) * 7919) % kVolumes))},
                {QStringLiteral("due_date"), due.toString(Qt::ISODate)},
                {QStringLiteral("requested_by"), keeper_},
                {QStringLiteral("requested_at"), at(lent, 8)},
                {QStringLiteral("approved_by"), approver_},
                {QStringLiteral("checked_out_at"), at(lent, 10)},
                {QStringLiteral("archivist"), keeper_}};
            if (!staff->isEmpty()) {
                loan.insert(QStringLiteral("borrower_kind"), QStringLiteral("staff"));
                loan.insert(QStringLiteral("borrower"), staff->at(l % staff->size()));
            } else {
                loan.insert(QStringLiteral("borrower_kind"), QStringLiteral("parent_company"));
                loan.insert(QStringLiteral("borrower"),
                            QStringLiteral("集团审计员%1").arg(l % 300));
                loan.insert(QStringLiteral("organisation"), QStringLiteral("集团公司"));
            }
            if (!out) {
                loan.insert(QStringLiteral("returned_at"), at(due.addDays(-(l % 5)), 15));
                loan.insert(QStringLiteral("return_condition"), QStringLiteral("good"));
            }
            batch.append(loan);
            if (batch.size() == kBatch || l == kLoans) {
                if (auto ok = import("loans", batch); !ok)
                    return ok;
                batch = {};
            }
        }
        return {};
    }

    Status documents() {
        QJsonArray batch;
        for (int d = 1; d <= kDocuments; ++d) {
            const int year = today_.year() - 16 + d % 16;
            batch.append(QJsonObject{
                {QStringLiteral("kind"), QStringLiteral("incoming")},
                {QStringLiteral("number"),
                 QStringLiteral("收〔%1〕%2号").arg(year).arg(d, 5, 10, QLatin1Char('0'))},
                {QStringLiteral("title"),
                 QString(QStringLiteral("关于") + title(2) + QStringLiteral("的通知"))},
                {QStringLiteral("doc_type"), QStringLiteral("通知")},
                {QStringLiteral("sender"), QStringLiteral("区住建局")},
                {QStringLiteral("doc_date"), QStringLiteral("%1-06-01").arg(year)}});
            if (batch.size() == kBatch || d == kDocuments) {
                if (auto ok = import("documents", batch); !ok)
                    return ok;
                batch = {};
            }
        }
        return {};
    }

    const Services& s_;
    const Actor& admin_;
    QRandomGenerator rng_;
    QTemporaryDir dir_;
    int files_ = 0;
    QDate today_;
    QString keeper_;
    QString approver_;
};

} // namespace

Status seedLargeArchive(const Services& s, const Actor& admin, const SeedOptions& options) {
    QElapsedTimer timer;
    timer.start();
    LargeWriter writer(s, admin, options.seed);
    if (auto ok = writer.run(); !ok)
        return ok;
    log::get("fd.archives")
        ->info("seeded the large archive (seed {}) in {} ms", options.seed, timer.elapsed());
    return {};
}

} // namespace fd::archives
