// The large profile: the archive the benchmarks run on — 20,000 volumes with 200,000 items,
// 50,000 loans (1,000 out, 200 of them overdue) and 30,000 registered documents, all in the
// search index. Written in one transaction with one audit row ("seed.large"), since 300,000
// actions through the bus would take hours; the same seed gives the same archive. Borrowers
// are the staff the residents' large profile created (it seeds first).
#include "archive_search.h"
#include "archives_internal.h"
#include "audit/audit_log.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "rules/policy.h"
#include "util/log.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

namespace fd::archives {
namespace {

constexpr int kVolumes = 20000;
constexpr int kItemsPerVolume = 10;
constexpr int kLoans = 50000;
constexpr int kLoansOut = 1000;    // the last ones; the rest are returned
constexpr int kLoansOverdue = 200; // the last of those out
constexpr int kDocuments = 30000;

const char16_t* const kWords[] = {
    u"电梯", u"维修", u"保养", u"记录", u"消防", u"巡查", u"清洁", u"绿化", u"值班",
    u"业主", u"入住", u"投诉", u"合同", u"外包", u"通知", u"报告", u"会议", u"纪要",
    u"质量", u"体系", u"水泵", u"配电", u"安全", u"检查", u"年度", u"总结", u"图片",
    u"资料", u"公共", u"区域", u"装修", u"申请", u"验收", u"收费", u"公示", u"钥匙",
    u"门禁", u"停车", u"防汛", u"空调", u"幕墙", u"屋面", u"管道", u"照明", u"监控"};

struct Borrower {
    qint64 staffId = 0;
    QString name;
};

class LargeWriter {
public:
    LargeWriter(const Services& s, const Actor& admin, quint32 seed)
        : s_(s), db_(s.database().connection()), admin_(admin), rng_(seed) {}

    Status run() {
        auto tx = WriteTransaction::begin(db_, s_.database().dialect());
        if (!tx)
            return fail(tx.error());
        if (auto ok = prepare(); !ok)
            return fail(ok.error());
        if (auto ok = cabinets(); !ok)
            return fail(ok.error());
        if (auto ok = volumes(); !ok)
            return fail(ok.error());
        if (auto ok = loans(); !ok)
            return fail(ok.error());
        if (auto ok = documents(); !ok)
            return fail(ok.error());
        AuditEntry e{admin_.login,
                     QStringLiteral("seed.large"),
                     QStringLiteral("archive"),
                     {},
                     {},
                     {{QStringLiteral("volumes"), kVolumes},
                      {QStringLiteral("items"), kVolumes * kItemsPerVolume},
                      {QStringLiteral("loans"), kLoans},
                      {QStringLiteral("loans_out"), kLoansOut},
                      {QStringLiteral("loans_overdue"), kLoansOverdue},
                      {QStringLiteral("documents"), kDocuments},
                      {QStringLiteral("index_rows"), searchId_}},
                     {},
                     s_.policy().version(),
                     {}};
        if (auto seq = AuditLog::append(db_, now_, e); !seq)
            return fail(seq.error());
        if (auto ok = tx->commit(); !ok)
            return fail(ok.error());
        // Fresh statistics for the planner over the new rows.
        return exec(QStringLiteral("ANALYZE"));
    }

private:
    Status failed(const QSqlQuery& q, const char* what) const {
        return fail(Error::internal(QStringLiteral("large archive seed, %1: %2")
                                        .arg(QString::fromUtf8(what), q.lastError().text())));
    }

    Status exec(const QString& statement) const {
        QSqlQuery q(db_);
        if (!q.exec(statement))
            return failed(q, "statement");
        return {};
    }

    Status bindAndRun(QSqlQuery& q, const QVariantList& values, const char* what) const {
        for (const QVariant& v : values)
            q.addBindValue(v);
        if (!q.exec())
            return failed(q, what);
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

    Status prepare() {
        now_ = s_.clock().nowUtc();
        nowText_ = toStorage(now_);
        today_ = s_.clock().officeToday();
        keeper_ = login(QStringLiteral("zhaomin"));
        approver_ = login(QStringLiteral("huangwei"));
        const struct {
            QSqlQuery* q;
            const char* sql;
        } statements[] = {
            {&volume_,
             "INSERT INTO archive_volumes(id, number, title, category_id, department, "
             "retention_years, eligible_on, confidentiality, cabinet, shelf, date_from, date_to, "
             "created_at, created_by) VALUES (?,?,?,?,'客服部',?,?,?,?,?,?,?,?,?)"},
            {&item_, "INSERT INTO archive_items(id, volume_id, seq_no, title, item_date, original, "
                     "copy_reason, pages, responsible, filed_at) VALUES (?,?,?,?,?,?,?,?,?,?)"},
            {&index_, "INSERT INTO archive_search(id, kind, ref_id, volume_id, number, title, "
                      "date_from, date_to, category_id, cabinet, restricted) "
                      "VALUES (?,?,?,?,?,?,?,?,?,?,?)"},
            {&text_, "INSERT INTO archive_search_text(rowid, unigrams, bigrams) VALUES (?,?,?)"},
            {&loan_,
             "INSERT INTO archive_loans(id, borrower_kind, borrower_staff_id, borrower_name, "
             "organisation, purpose, mode, due_date, status, requested_by, requested_at, "
             "approved_by, confidential, checked_out_at, checkout_count, checked_out_by, "
             "returned_at, return_count, return_condition, returned_to) "
             "VALUES (?,?,?,?,?,?,'lend',?,?,?,?,?,0,?,?,?,?,?,?,?)"},
            {&line_, "INSERT INTO archive_loan_lines(loan_id, volume_id, item_count) "
                     "VALUES (?,?,?)"},
            {&document_,
             "INSERT INTO documents(id, kind, number, title, doc_type, sender, doc_date, status, "
             "created_at, created_by, updated_at) "
             "VALUES (?, 'incoming', ?, ?, '通知', '区住建局', ?, 'filed', ?, ?, ?)"}};
        for (const auto& st : statements) {
            *st.q = QSqlQuery(db_);
            if (!st.q->prepare(QString::fromUtf8(st.sql)))
                return failed(*st.q, "prepare");
        }
        return {};
    }

    Status index(const QString& kind, qint64 ref, const QVariant& volumeId, const QString& number,
                 const QString& ttl, const QString& from, const QString& to, const QVariant& cat,
                 const QString& cabinet, bool restricted) {
        ++searchId_;
        if (auto ok = bindAndRun(index_,
                                 {searchId_, kind, ref, volumeId, number, ttl, from, to, cat,
                                  cabinet, restricted ? 1 : 0},
                                 "index");
            !ok)
            return ok;
        return bindAndRun(text_, {searchId_, unigramTokens(ttl), bigramTokens(ttl)}, "index text");
    }

    Status cabinets() {
        return exec(QStringLiteral("INSERT INTO archive_cabinets(code, name, locked) VALUES "
                                   "('A01','档案柜A01（普通）',0),('A02','档案柜A02（普通）',0),('"
                                   "S01','保密专柜S01（加锁）',1)"));
    }

    // Volumes of the general categories (4-9) over 26 years, every twentieth confidential and
    // kept in the locked cabinet; ten items each.
    Status volumes() {
        qint64 itemId = 0;
        const int firstYear = today_.year() - 26;
        for (int v = 1; v <= kVolumes; ++v) {
            const int year = firstYear + rng_.bounded(26);
            const QString from = QStringLiteral("%1-01-01").arg(year);
            const QString to = QStringLiteral("%1-12-31").arg(year);
            const QString number = QStringLiteral("WY-%1").arg(v, 6, 10, QLatin1Char('0'));
            const QString ttl = title(3);
            const bool restricted = v % 20 == 0;
            const int category = 4 + rng_.bounded(6);
            const QString cabinet = restricted
                                        ? QStringLiteral("S01")
                                        : (v % 2 ? QStringLiteral("A01") : QStringLiteral("A02"));
            constexpr int retention = 10;
            if (auto ok = bindAndRun(
                    volume_,
                    {v, number, ttl, category, retention, eligibleDate(to, retention),
                     restricted ? QStringLiteral("confidential") : QStringLiteral("ordinary"),
                     cabinet, QString::number(1 + v % 6), from, to, nowText_, keeper_},
                    "volume");
                !ok)
                return ok;
            if (auto ok = index(QStringLiteral("volume"), v, v, number, ttl, from, to, category,
                                cabinet, restricted);
                !ok)
                return ok;
            for (int i = 1; i <= kItemsPerVolume; ++i) {
                ++itemId;
                const QString date =
                    QStringLiteral("%1-%2-15").arg(year).arg(i, 2, 10, QLatin1Char('0'));
                const QString ittl = title(2 + rng_.bounded(3));
                const bool original = itemId % 25 != 0;
                if (auto ok =
                        bindAndRun(item_,
                                   {itemId, v, i, ittl, date, original ? 1 : 0,
                                    original ? QStringLiteral("") : QStringLiteral("原件存集团"),
                                    1 + rng_.bounded(12), QStringLiteral("王芳"), nowText_},
                                   "item");
                    !ok)
                    return ok;
                if (auto ok =
                        index(QStringLiteral("item"), itemId, v,
                              QStringLiteral("%1-%2").arg(number).arg(i, 3, 10, QLatin1Char('0')),
                              ittl, date, date, category, cabinet, restricted);
                    !ok)
                    return ok;
            }
        }
        return {};
    }

    Result<QList<Borrower>> borrowers() const {
        QList<Borrower> out;
        QSqlQuery q(db_);
        // The staff registry (residents area); absent in a build without it.
        if (q.exec(
                QStringLiteral("SELECT id, name FROM staff WHERE status = 'active' ORDER BY id")))
            while (q.next())
                out.push_back({q.value(0).toLongLong(), q.value(1).toString()});
        return out;
    }

    // Most loans are returned; the last 1,000 are out, the last 200 of them overdue.
    Status loans() {
        auto staff = borrowers();
        if (!staff)
            return fail(staff.error());
        const QVariant noStaff(QMetaType(QMetaType::LongLong));
        const QVariant noText(QMetaType(QMetaType::QString));
        const QVariant noCount(QMetaType(QMetaType::LongLong));
        for (int l = 1; l <= kLoans; ++l) {
            const bool out = l > kLoans - kLoansOut;
            const bool overdue = l > kLoans - kLoansOverdue;
            const QDate due =
                out ? (overdue ? today_.addDays(-1 - l % 30) : today_.addDays(1 + l % 14))
                    : today_.addDays(-400 + l % 300);
            const QDate lent = due.addDays(-7 - l % 7);
            const auto at = [](const QDate& d, int hour) {
                return toStorage(QDateTime(d, QTime(hour, 30), Clock::officeZone()).toUTC());
            };
            QVariant staffId = noStaff;
            QString name;
            QString kind = QStringLiteral("staff");
            QString organisation = QStringLiteral("");
            if (!staff->isEmpty()) {
                const Borrower& b = staff->at(l % staff->size());
                staffId = b.staffId;
                name = b.name;
            } else {
                kind = QStringLiteral("parent_company");
                name = QStringLiteral("集团审计员%1").arg(l % 300);
                organisation = QStringLiteral("集团公司");
            }
            const int volumeId = 1 + static_cast<int>((static_cast<qint64>(l) * 7919) % kVolumes);
            if (auto ok =
                    bindAndRun(loan_,
                               {l, kind, staffId, name, organisation,
                                QStringLiteral("查阅维修记录"), due.toString(Qt::ISODate),
                                out ? QStringLiteral("out") : QStringLiteral("returned"), keeper_,
                                at(lent, 8), approver_, at(lent, 10), kItemsPerVolume, keeper_,
                                out ? noText : QVariant(at(due.addDays(-(l % 5)), 15)),
                                out ? noCount : QVariant(kItemsPerVolume),
                                out ? noText : QVariant(QStringLiteral("good")),
                                out ? noText : QVariant(keeper_)},
                               "loan");
                !ok)
                return ok;
            if (auto ok = bindAndRun(line_, {l, volumeId, kItemsPerVolume}, "loan line"); !ok)
                return ok;
        }
        return {};
    }

    Status documents() {
        const QVariant none(QMetaType(QMetaType::LongLong));
        for (int d = 1; d <= kDocuments; ++d) {
            const int year = today_.year() - 16 + d % 16;
            const QString number =
                QStringLiteral("收〔%1〕%2号").arg(year).arg(d, 5, 10, QLatin1Char('0'));
            const QString ttl = QStringLiteral("关于") + title(2) + QStringLiteral("的通知");
            const QString date = QStringLiteral("%1-06-01").arg(year);
            if (auto ok = bindAndRun(document_, {d, number, ttl, date, nowText_, keeper_, nowText_},
                                     "document");
                !ok)
                return ok;
            if (auto ok = index(QStringLiteral("document"), d, none, number, ttl, date, date, none,
                                QStringLiteral(""), false);
                !ok)
                return ok;
        }
        return {};
    }

    const Services& s_;
    QSqlDatabase db_;
    const Actor& admin_;
    QRandomGenerator rng_;
    QDateTime now_;
    QString nowText_;
    QDate today_;
    QString keeper_;
    QString approver_;
    qint64 searchId_ = 0;
    QSqlQuery volume_, item_, index_, text_, loan_, line_, document_;
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
