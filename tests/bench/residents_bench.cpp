// Residents registry on the large profile (40 buildings, 6,000 rooms, 15,000 residents):
// search as you type (target <= 30 ms per keystroke) and importing 6,000 rooms with their
// residents (target <= 3 s).
#include "db/sql.h"
#include "residents/registry.h"
#include "test_services.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <benchmark/benchmark.h>

namespace {

using fd::testing::TestServices;

// One large database for all the search benchmarks, seeded once.
TestServices& large() {
    static TestServices* t = [] {
        auto* s = new TestServices();
        for (const fd::Module& m : (*s)->modules())
            if (m.area == QStringLiteral("residents")) {
                auto ok = m.seed(s->services(), s->actor(QStringLiteral("admin")),
                                 fd::SeedOptions{QStringLiteral("large"), 1});
                if (!ok)
                    throw std::runtime_error(ok.error().message.en.toStdString());
            }
        return s;
    }();
    return *t;
}

void search(benchmark::State& state, const QString& term) {
    TestServices& t = large();
    const QSqlDatabase db = t->database().connection();
    qint64 found = 0;
    for (auto _ : state) {
        auto r = fd::residents::searchResidents(db, term, 50);
        if (!r) {
            state.SkipWithError("search failed");
            return;
        }
        found = r->size();
        benchmark::DoNotOptimize(found);
    }
    state.counters["found"] = static_cast<double>(found);
}

void BM_SearchTwoChineseCharacters(benchmark::State& state) {
    search(state, QStringLiteral("建华"));
}
BENCHMARK(BM_SearchTwoChineseCharacters)->Unit(benchmark::kMillisecond)->UseRealTime();

// No match: every row is scanned, the worst case for a two-character term.
void BM_SearchTwoCharactersNoMatch(benchmark::State& state) {
    search(state, QStringLiteral("龙飞"));
}
BENCHMARK(BM_SearchTwoCharactersNoMatch)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_SearchOneCharacter(benchmark::State& state) {
    search(state, QStringLiteral("明"));
}
BENCHMARK(BM_SearchOneCharacter)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_SearchRoomCodePrefix(benchmark::State& state) {
    search(state, QStringLiteral("23-1-15"));
}
BENCHMARK(BM_SearchRoomCodePrefix)->Unit(benchmark::kMillisecond)->UseRealTime();

// A part of a room code that is not its start, in lower case.
void BM_SearchRoomCodePart(benchmark::State& state) {
    search(state, QStringLiteral("1-150"));
}
BENCHMARK(BM_SearchRoomCodePart)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_SearchPhoneTail(benchmark::State& state) {
    // The tail of a number that is on record, as a clerk would type it.
    auto tail = fd::sql::scalar(large()->database().connection(),
                                QStringLiteral("SELECT phone_tail FROM residents WHERE id = 7777"));
    search(state, tail ? tail->toString() : QString());
}
BENCHMARK(BM_SearchPhoneTail)->Unit(benchmark::kMillisecond)->UseRealTime();

// The "residents" query a list page runs (200 rows, masked), with a term.
void BM_ResidentsQueryWithTerm(benchmark::State& state) {
    TestServices& t = large();
    const fd::Actor admin = t.actor(QStringLiteral("admin"));
    for (auto _ : state) {
        auto r = t->query(QStringLiteral("residents"),
                          {{QStringLiteral("term"), QStringLiteral("王")}}, admin);
        if (!r) {
            state.SkipWithError("query failed");
            return;
        }
        benchmark::DoNotOptimize(r->rows.size());
    }
}
BENCHMARK(BM_ResidentsQueryWithTerm)->Unit(benchmark::kMillisecond)->UseRealTime();

// 6,000 rooms (40 buildings x 2 units x 25 floors x 3) with 15,000 residents, one CSV.
QString writeEstateCsv(const QString& directory) {
    const QString path = QDir(directory).filePath(QStringLiteral("estate.csv"));
    QString csv = QStringLiteral("房号,类型,姓名,身份证后四位,电话,电话2,入住日期,备注\n");
    const QStringList surnames =
        QStringLiteral("王 李 张 刘 陈 杨 黄 赵 吴 周").split(QLatin1Char(' '));
    const QStringList given =
        QStringLiteral("伟 芳 娜 敏 静 建华 志强 晓明 海燕 子涵").split(QLatin1Char(' '));
    int room = 0;
    for (int b = 1; b <= 40; ++b)
        for (int u = 1; u <= 2; ++u)
            for (int floor = 1; floor <= 25; ++floor)
                for (int n = 1; n <= 3; ++n, ++room) {
                    const QString code = QStringLiteral("%1-%2-%3%4")
                                             .arg(b)
                                             .arg(u)
                                             .arg(floor)
                                             .arg(n, 2, 10, QLatin1Char('0'));
                    const int people = room % 2 == 0 ? 3 : 2;
                    for (int i = 0; i < people; ++i)
                        csv +=
                            QStringLiteral("%1,%2,%3%4%5,%6,139%7,,2020-05-01,\n")
                                .arg(code, i == 0 ? QStringLiteral("业主") : QStringLiteral("家属"),
                                     surnames.at(room % 10), given.at((room + i) % 10))
                                .arg(i)
                                .arg(room % 10000, 4, 10, QLatin1Char('0'))
                                .arg(room * 3 + i, 8, 10, QLatin1Char('0'));
                }
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(csv.toUtf8());
    return path;
}

void BM_ImportLargeEstate(benchmark::State& state) {
    for (auto _ : state) {
        state.PauseTiming();
        auto t = std::make_unique<TestServices>();
        const QString path = writeEstateCsv(t->dirPath());
        state.ResumeTiming();
        auto r = t->run(QStringLiteral("resident.import"), QStringLiteral("admin"),
                        {{QStringLiteral("file"), path}});
        state.PauseTiming();
        if (!r || r->result.value(QStringLiteral("residents")).toInt() != 15000 ||
            r->result.value(QStringLiteral("rooms_created")).toInt() != 6000) {
            const std::string why =
                r ? std::string("wrong counts") : r.error().message.en.toStdString();
            state.SkipWithError(why.c_str());
            return;
        }
        t.reset();
        state.ResumeTiming();
    }
}
BENCHMARK(BM_ImportLargeEstate)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// The whole large profile: estate import, organisations, 60 staff and 15 accounts.
void BM_SeedLargeProfile(benchmark::State& state) {
    for (auto _ : state) {
        state.PauseTiming();
        auto t = std::make_unique<TestServices>();
        state.ResumeTiming();
        for (const fd::Module& m : (*t)->modules())
            if (m.area == QStringLiteral("residents"))
                if (auto ok = m.seed(t->services(), t->actor(QStringLiteral("admin")),
                                     fd::SeedOptions{QStringLiteral("large"), 1});
                    !ok) {
                    const std::string why = ok.error().message.en.toStdString();
                    state.SkipWithError(why.c_str());
                    return;
                }
        state.PauseTiming();
        t.reset();
        state.ResumeTiming();
    }
}
BENCHMARK(BM_SeedLargeProfile)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
