// Archive search and the overdue list on a large archive: 20,000 volumes, 200,000 items,
// 50,000 loans and 30,000 documents (bulk-inserted in one transaction).
#include "archives/archive_search.h"
#include "db/sql.h"
#include "test_services.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <benchmark/benchmark.h>

namespace {

using fd::testing::TestServices;

const QStringList kWords = {
    QStringLiteral("电梯"), QStringLiteral("维修"), QStringLiteral("保养"), QStringLiteral("记录"),
    QStringLiteral("消防"), QStringLiteral("巡查"), QStringLiteral("清洁"), QStringLiteral("绿化"),
    QStringLiteral("值班"), QStringLiteral("业主"), QStringLiteral("入住"), QStringLiteral("投诉"),
    QStringLiteral("合同"), QStringLiteral("外包"), QStringLiteral("通知"), QStringLiteral("报告"),
    QStringLiteral("会议"), QStringLiteral("纪要"), QStringLiteral("质量"), QStringLiteral("体系"),
    QStringLiteral("水泵"), QStringLiteral("配电"), QStringLiteral("安全"), QStringLiteral("检查"),
    QStringLiteral("年度"), QStringLiteral("总结"), QStringLiteral("图片"), QStringLiteral("资料"),
    QStringLiteral("公共"), QStringLiteral("区域"), QStringLiteral("装修"), QStringLiteral("申请"),
    QStringLiteral("验收"), QStringLiteral("收费"), QStringLiteral("公示"), QStringLiteral("钥匙"),
    QStringLiteral("门禁"), QStringLiteral("停车"), QStringLiteral("防汛"), QStringLiteral("空调"),
    QStringLiteral("幕墙"), QStringLiteral("屋面"), QStringLiteral("管道"), QStringLiteral("照明"),
    QStringLiteral("监控")};

QString title(QRandomGenerator& rng, int words) {
    QString t;
    for (int i = 0; i < words; ++i)
        t += kWords[rng.bounded(static_cast<int>(kWords.size()))];
    return t;
}

void check(bool ok, const char* what) {
    if (!ok)
        throw std::runtime_error(what);
}

struct LargeArchive {
    TestServices t;
    fd::Actor keeper;
    fd::Actor front;

    LargeArchive() {
        keeper = t.addUser(QStringLiteral("keeper"), {QStringLiteral("archivist")});
        front = t.addUser(QStringLiteral("front1"), {QStringLiteral("clerk")});
        QSqlDatabase db = t->database().connection();
        QRandomGenerator rng(20260302);
        check(db.transaction(), "begin");
        QSqlQuery cab(db), vol(db), item(db), idx(db), fts(db), loan(db), line(db), doc(db);
        check(cab.exec(QStringLiteral("INSERT INTO archive_cabinets(code, name, locked) VALUES "
                                      "('A01','A01',0),('A02','A02',0),('S01','S01',1)")),
              "cabinets");
        vol.prepare(QStringLiteral("INSERT INTO archive_volumes(id, number, title, category_id, "
                                   "department, retention_years, eligible_on, "
                                   "confidentiality, cabinet, date_from, date_to, created_at, "
                                   "created_by) VALUES (?,?,?,?,'客服部',?,?,?,?,?,?,?,'bench')"));
        item.prepare(QStringLiteral("INSERT INTO archive_items(id, volume_id, seq_no, title, "
                                    "item_date, original, pages, responsible, filed_at) "
                                    "VALUES (?,?,?,?,?,1,3,'王芳',?)"));
        idx.prepare(QStringLiteral("INSERT INTO archive_search(id, kind, ref_id, volume_id, "
                                   "number, title, date_from, date_to, category_id, "
                                   "cabinet, restricted) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
        fts.prepare(QStringLiteral(
            "INSERT INTO archive_search_text(rowid, unigrams, bigrams) VALUES (?,?,?)"));
        qint64 searchId = 0;
        auto index = [&](const QString& kind, qint64 ref, const QVariant& volumeId,
                         const QString& number, const QString& ttl, const QString& from,
                         const QString& to, const QVariant& cat, const QString& cabinet,
                         int restricted) {
            ++searchId;
            idx.addBindValue(searchId);
            idx.addBindValue(kind);
            idx.addBindValue(ref);
            idx.addBindValue(volumeId);
            idx.addBindValue(number);
            idx.addBindValue(ttl);
            idx.addBindValue(from);
            idx.addBindValue(to);
            idx.addBindValue(cat);
            idx.addBindValue(cabinet);
            idx.addBindValue(restricted);
            check(idx.exec(), "index");
            fts.addBindValue(searchId);
            fts.addBindValue(fd::archives::unigramTokens(ttl));
            fts.addBindValue(fd::archives::bigramTokens(ttl));
            check(fts.exec(), "fts");
        };
        const QString now = fd::toStorage(t->clock().nowUtc());
        qint64 itemId = 0;
        for (int v = 1; v <= 20000; ++v) {
            const int year = 2000 + rng.bounded(26);
            const QString from = QStringLiteral("%1-01-01").arg(year);
            const QString to = QStringLiteral("%1-12-31").arg(year);
            const QString number = QStringLiteral("WY-%1").arg(v, 6, 10, QLatin1Char('0'));
            const QString ttl = title(rng, 3);
            const int restricted = v % 20 == 0 ? 1 : 0;
            const int category = 4 + rng.bounded(6);
            const QString cabinet = restricted
                                        ? QStringLiteral("S01")
                                        : (v % 2 ? QStringLiteral("A01") : QStringLiteral("A02"));
            for (const QVariant& b : QVariantList{
                     v, number, ttl, category, 10, QStringLiteral("%1-01-01").arg(year + 11),
                     restricted ? QStringLiteral("confidential") : QStringLiteral("ordinary"),
                     cabinet, from, to, now})
                vol.addBindValue(b);
            check(vol.exec(), "volume");
            index(QStringLiteral("volume"), v, v, number, ttl, from, to, category, cabinet,
                  restricted);
            for (int i = 1; i <= 10; ++i) {
                ++itemId;
                const QString date =
                    QStringLiteral("%1-%2-15").arg(year).arg(i, 2, 10, QLatin1Char('0'));
                const QString ittl = title(rng, 2 + rng.bounded(3));
                for (const QVariant& b : QVariantList{itemId, v, i, ittl, date, now})
                    item.addBindValue(b);
                check(item.exec(), "item");
                index(QStringLiteral("item"), itemId, v,
                      QStringLiteral("%1-%2").arg(number).arg(i, 3, 10, QLatin1Char('0')), ittl,
                      date, date, category, cabinet, restricted);
            }
        }
        loan.prepare(QStringLiteral("INSERT INTO archive_loans(id, borrower_kind, "
                                    "borrower_staff_id, borrower_name, purpose, mode, due_date, "
                                    "status, requested_by, requested_at, confidential) VALUES (?, "
                                    "'staff', ?, ?, '查阅', 'lend', ?, ?, 'bench', ?, 0)"));
        line.prepare(QStringLiteral(
            "INSERT INTO archive_loan_lines(loan_id, volume_id, item_count) VALUES (?,?,10)"));
        const QDate today = t->clock().officeToday();
        for (int l = 1; l <= 50000; ++l) {
            // Most loans are returned; 1,000 are out, 200 of them overdue.
            const bool out = l > 49000;
            const QDate due =
                out ? (l > 49800 ? today.addDays(-1 - l % 30) : today.addDays(1 + l % 14))
                    : today.addDays(-400 + l % 300);
            for (const QVariant& b :
                 QVariantList{l, 1000 + l % 300, QStringLiteral("员工%1").arg(l % 300),
                              due.toString(Qt::ISODate),
                              out ? QStringLiteral("out") : QStringLiteral("returned"), now})
                loan.addBindValue(b);
            check(loan.exec(), "loan");
            line.addBindValue(l);
            line.addBindValue(1 + l % 20000);
            check(line.exec(), "line");
        }
        doc.prepare(QStringLiteral(
            "INSERT INTO documents(id, kind, number, title, doc_type, sender, doc_date, status, "
            "created_at, created_by, updated_at) "
            "VALUES (?, 'incoming', ?, ?, '通知', '区住建局', ?, 'filed', ?, 'bench', ?)"));
        for (int d = 1; d <= 30000; ++d) {
            const QString number =
                QStringLiteral("收〔%1〕%2号").arg(2010 + d % 16).arg(d, 5, 10, QLatin1Char('0'));
            const QString ttl = QStringLiteral("关于") + title(rng, 2) + QStringLiteral("的通知");
            const QString date = QStringLiteral("%1-06-01").arg(2010 + d % 16);
            for (const QVariant& b : QVariantList{d, number, ttl, date, now, now})
                doc.addBindValue(b);
            check(doc.exec(), "document");
            index(QStringLiteral("document"), d, QVariant(QMetaType(QMetaType::LongLong)), number,
                  ttl, date, date, QVariant(QMetaType(QMetaType::LongLong)), QStringLiteral(""), 0);
        }
        check(db.commit(), "commit");
        check(QSqlQuery(db).exec(QStringLiteral("ANALYZE")), "analyze");
    }
};

LargeArchive& archive() {
    static LargeArchive a;
    return a;
}

void runQuery(benchmark::State& state, const QString& name, const QVariantMap& params,
              bool cleared) {
    LargeArchive& a = archive();
    const fd::Actor& who = cleared ? a.keeper : a.front;
    qint64 rows = 0;
    for (auto _ : state) {
        auto r = a.t->query(name, params, who);
        if (!r) {
            state.SkipWithError(r.error().message.en.toStdString().c_str());
            return;
        }
        rows = r->rows.size();
        benchmark::DoNotOptimize(rows);
    }
    state.counters["rows"] = static_cast<double>(rows);
}

void BM_SearchTwoCharacterTerm(benchmark::State& state) {
    runQuery(state, QStringLiteral("archive.search"),
             {{QStringLiteral("text"), QStringLiteral("电梯")}}, true);
}
void BM_SearchTwoCharacterTermWithoutClearance(benchmark::State& state) {
    runQuery(state, QStringLiteral("archive.search"),
             {{QStringLiteral("text"), QStringLiteral("电梯")}}, false);
}
void BM_SearchOneCharacter(benchmark::State& state) {
    runQuery(state, QStringLiteral("archive.search"),
             {{QStringLiteral("text"), QStringLiteral("梯")}}, true);
}
void BM_SearchFourCharacterPhrase(benchmark::State& state) {
    runQuery(state, QStringLiteral("archive.search"),
             {{QStringLiteral("text"), QStringLiteral("电梯维修")}}, true);
}
void BM_SearchTermWithDateRangeAndCabinet(benchmark::State& state) {
    runQuery(state, QStringLiteral("archive.search"),
             {{QStringLiteral("text"), QStringLiteral("幕墙")},
              {QStringLiteral("date_from"), QDate(2010, 1, 1)},
              {QStringLiteral("date_to"), QDate(2012, 12, 31)},
              {QStringLiteral("cabinet"), QStringLiteral("A02")}},
             true);
}
void BM_SearchNumber(benchmark::State& state) {
    runQuery(state, QStringLiteral("archive.search"),
             {{QStringLiteral("text"), QStringLiteral("WY-012345")}}, true);
}
void BM_OverdueList(benchmark::State& state) {
    runQuery(state, QStringLiteral("archive.overdue"), {}, true);
}

BENCHMARK(BM_SearchTwoCharacterTerm)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchTwoCharacterTermWithoutClearance)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchOneCharacter)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchFourCharacterPhrase)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchTermWithDateRangeAndCabinet)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchNumber)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OverdueList)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    archive(); // build the fixture once, outside the timings
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
