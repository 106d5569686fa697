// Opening the current handover sheet with its carry-overs on ten years of history
// (about 11,000 sheets, 55,000 matters, 3,650 duty records): target ≤ 50 ms.
#include "db/sql.h"
#include "db/transaction.h"
#include "handover/handover_print.h"
#include "handover/handover_sheet.h"
#include "test_services.h"
#include "util/clock.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <benchmark/benchmark.h>

namespace {

using fd::testing::TestServices;

// The large profile's ten years of front-desk history, seeded once by the handover area
// exactly as `frontdeskctl seed --profile large` does.
class History final {
public:
    History() {
        fd::SeedOptions options;
        options.profile = QStringLiteral("large");
        for (const fd::Module& m : t_->modules())
            if (m.area == QStringLiteral("handover"))
                if (auto ok = m.seed(t_.services(), t_.actor(QStringLiteral("admin")), options);
                    !ok)
                    throw std::runtime_error(ok.error().message.en.toStdString());
        sheets_ = count("handover_sheets");
    }

    TestServices& services() { return t_; }
    qint64 sheets() const { return sheets_; }
    qint64 count(const char* table) const { return t_.count(QLatin1String(table)); }

private:
    TestServices t_;
    qint64 sheets_ = 0;
};

History& history() {
    static History h;
    return h;
}

// The handover.open action: creates the sheet and computes its carry-overs.
void BM_HandoverOpenWithCarryOvers(benchmark::State& state) {
    History& h = history();
    int carried = 0;
    for (auto _ : state) {
        auto r = h.services().run(QStringLiteral("handover.open"), QStringLiteral("wangfang"),
                                  {{QStringLiteral("post"), QStringLiteral("front_desk")}});
        if (!r) {
            state.SkipWithError(r.error().message.en.toStdString().c_str());
            break;
        }
        carried = r->result.value(QStringLiteral("carried_matters")).toInt();
        state.PauseTiming();
        // Take the new sheet away again so the next iteration opens the same shift.
        const qint64 id = r->result.value(QStringLiteral("sheet_id")).toInteger();
        const QSqlDatabase db = h.services()->database().connection();
        fd::sql::exec(db, QStringLiteral("DELETE FROM handover_checklist WHERE sheet_id = ?"),
                      {id});
        fd::sql::exec(db, QStringLiteral("DELETE FROM handover_sheets WHERE id = ?"), {id});
        state.ResumeTiming();
    }
    state.counters["sheets"] = static_cast<double>(h.sheets());
    state.counters["matters"] = static_cast<double>(h.count("handover_matters"));
    state.counters["duty_records"] = static_cast<double>(h.count("duty_records"));
    state.counters["carried_matters"] = carried;
}
BENCHMARK(BM_HandoverOpenWithCarryOvers)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// Reading the current (open) sheet with everything it carries, as the page does.
void BM_LoadCurrentSheetWithCarryOvers(benchmark::State& state) {
    History& h = history();
    auto r = h.services().run(QStringLiteral("handover.open"), QStringLiteral("wangfang"),
                              {{QStringLiteral("post"), QStringLiteral("front_desk")}});
    if (!r) {
        state.SkipWithError(r.error().message.en.toStdString().c_str());
        return;
    }
    const qint64 id = r->result.value(QStringLiteral("sheet_id")).toInteger();
    const QSqlDatabase db = h.services()->database().connection();
    qsizetype matters = 0;
    qsizetype instructions = 0;
    qsizetype mail = 0;
    for (auto _ : state) {
        auto current = fd::handover::openSheetId(db, QStringLiteral("front_desk"));
        auto sheet = fd::handover::loadSheet(db, *current);
        if (!sheet) {
            state.SkipWithError("load failed");
            break;
        }
        matters = sheet->matters.size();
        instructions = sheet->instructions.size();
        mail = sheet->mail.size();
        benchmark::DoNotOptimize(sheet);
    }
    state.counters["carried_matters"] = static_cast<double>(matters);
    state.counters["carried_instructions"] = static_cast<double>(instructions);
    state.counters["undelivered_mail"] = static_cast<double>(mail);
    fd::sql::exec(db, QStringLiteral("DELETE FROM handover_checklist WHERE sheet_id = ?"), {id});
    fd::sql::exec(db, QStringLiteral("DELETE FROM handover_sheets WHERE id = ?"), {id});
}
BENCHMARK(BM_LoadCurrentSheetWithCarryOvers)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// The oldest sheet of the history (ten years back), as the page opens it: its frozen content.
qint64 tenYearOldSheet(History& h) {
    auto id = fd::sql::scalar(h.services()->database().connection(),
                              QStringLiteral("SELECT min(id) FROM handover_sheets"));
    return id ? id->toLongLong() : 0;
}

void BM_OpenTenYearOldSheet(benchmark::State& state) {
    History& h = history();
    const qint64 id = tenYearOldSheet(h);
    const QSqlDatabase db = h.services()->database().connection();
    qsizetype matters = 0;
    for (auto _ : state) {
        auto sheet = fd::handover::loadSheet(db, id);
        if (!sheet) {
            state.SkipWithError("load failed");
            break;
        }
        matters = sheet->matters.size();
        benchmark::DoNotOptimize(sheet);
    }
    state.counters["matters"] = static_cast<double>(matters);
}
BENCHMARK(BM_OpenTenYearOldSheet)->Unit(benchmark::kMicrosecond)->MinTime(1.0);

// The print data of that sheet (handover_print.h), without the page layout.
void BM_PrintDataOfTenYearOldSheet(benchmark::State& state) {
    History& h = history();
    const qint64 id = tenYearOldSheet(h);
    int rows = 0;
    for (auto _ : state) {
        auto doc = fd::handover::handoverSheetDocument(h.services().services(), id);
        if (!doc) {
            state.SkipWithError(qPrintable(doc.error().message.en));
            break;
        }
        rows = 0;
        for (const auto& t : doc->tables)
            rows += static_cast<int>(t.rows.size());
        benchmark::DoNotOptimize(doc);
    }
    state.counters["rows"] = rows;
}
BENCHMARK(BM_PrintDataOfTenYearOldSheet)->Unit(benchmark::kMicrosecond)->MinTime(1.0);

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
