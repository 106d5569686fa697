// Archive search and the overdue list on the large profile: 20,000 volumes, 200,000 items,
// 50,000 loans (200 overdue) and 30,000 documents, built by the modules' own large seed
// (the residents' staff first, then the archive), as `frontdeskctl seed --profile large` does.
// Targets: a two-character term and a number <= 50 ms, the overdue list <= 20 ms.
#include "test_services.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <benchmark/benchmark.h>
#include <cstdio>

namespace {

using fd::testing::TestServices;

struct LargeArchive {
    TestServices t;
    fd::Actor keeper;
    fd::Actor front;
    qint64 seedMs = 0;

    LargeArchive() {
        QElapsedTimer timer;
        timer.start();
        const fd::Actor admin = t.actor(QStringLiteral("admin"));
        for (const fd::Module& m : t->modules())
            if (m.seed &&
                (m.area == QStringLiteral("residents") || m.area == QStringLiteral("archives"))) {
                auto ok = m.seed(t.services(), admin, fd::SeedOptions{QStringLiteral("large"), 1});
                if (!ok)
                    throw std::runtime_error(ok.error().message.en.toStdString());
            }
        seedMs = timer.elapsed();
        std::fprintf(stderr, "large profile seeded in %lld ms\n", static_cast<long long>(seedMs));
        keeper = t.addUser(QStringLiteral("keeper"), {QStringLiteral("archivist")});
        front = t.addUser(QStringLiteral("front1"), {QStringLiteral("clerk")});
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
// A part of a number as archivists type it: lower case, the middle of the number.
void BM_SearchPartOfANumber(benchmark::State& state) {
    runQuery(state, QStringLiteral("archive.search"),
             {{QStringLiteral("text"), QStringLiteral("y-01234")}}, true);
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
BENCHMARK(BM_SearchPartOfANumber)->Unit(benchmark::kMillisecond);
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
