// Other desks see changes: the time from a commit at one desk to its notice at another,
// p50 and p99 over 200 changes.
//
//   BM_ChangeNoticePostgres   two desks (two Services, two server sessions) on a fresh
//                             PostgreSQL test database (FD_TEST_PG): the front desk logs a
//                             call; the supervisor's desk's ChangeFeed hears NOTIFY.
//   BM_ChangeNoticeFile       the same on one SQLite file: the feed sees the file's data
//                             version change at its next one-second watch.
//
// Timed from the moment the action returned (committed) to the feed's signal (p50_ms,
// p99_ms), and from the moment it started (start_p50_ms, start_p99_ms).
#include "all_modules.h"
#include "db/change_feed.h"
#include "server_database.h"
#include "test_services.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <benchmark/benchmark.h>
#include <memory>
#include <vector>

namespace {

constexpr int kChanges = 200;

std::unique_ptr<fd::Services> open(const QString& db) {
    fd::ServicesOptions options;
    options.databasePath = db;
    auto s = fd::openServices(std::move(options));
    return s ? std::move(*s) : nullptr;
}

void noticeLatency(benchmark::State& state, const QString& db, int changes) {
    auto front = open(db);
    if (!front) {
        state.SkipWithError("cannot open the database");
        return;
    }
    if (!front->initialise(QStringLiteral("admin"), QStringLiteral("管理员"),
                           QStringLiteral("admin-pass"))) {
        state.SkipWithError("cannot initialise");
        return;
    }
    auto admin = front->users().find(QStringLiteral("admin"));
    auto added = front->bus().execute(
        {QStringLiteral("user.add"),
         {{QStringLiteral("login"), QStringLiteral("clerk")},
          {QStringLiteral("name"), QStringLiteral("clerk")},
          {QStringLiteral("roles"), QStringLiteral("clerk")},
          {QStringLiteral("password"), QStringLiteral("clerk-pass")}},
         fd::Actor{admin->id, admin->login, admin->displayName, admin->roles, admin->staffId},
         {},
         {}});
    auto clerk = front->users().find(QStringLiteral("clerk"));
    if (!added || !clerk) {
        state.SkipWithError("cannot add the clerk");
        return;
    }
    const fd::Actor actor{clerk->id, clerk->login, clerk->displayName, clerk->roles,
                          clerk->staffId};
    auto supervisorDesk = open(db);
    fd::ChangeFeed feed(supervisorDesk->database());
    std::vector<double> ms;        // from the action's return (its commit) to the notice
    std::vector<double> fromStart; // from the action's start: what the person waits
    for (auto _ : state) {
        ms.clear();
        fromStart.clear();
        for (int i = 0; i < changes; ++i) {
            QEventLoop loop;
            QElapsedTimer since;
            bool heard = false;
            const auto c = QObject::connect(&feed, &fd::ChangeFeed::changed, &loop, [&] {
                heard = true;
                loop.quit();
            });
            QTimer::singleShot(5000, &loop, &QEventLoop::quit);
            QElapsedTimer started;
            started.start();
            auto done = front->bus().execute(
                {QStringLiteral("phone.log_call"),
                 {{QStringLiteral("caller"), QStringLiteral("业主")},
                  {QStringLiteral("caller_phone"), QStringLiteral("13800138000")},
                  {QStringLiteral("subject"), QStringLiteral("notice %1").arg(i)}},
                 actor,
                 {},
                 {}});
            since.start();
            if (!done) {
                state.SkipWithError(done.error().message.en.toStdString().c_str());
                return;
            }
            loop.exec();
            QObject::disconnect(c);
            if (!heard) {
                state.SkipWithError("a change was not heard within 5 s");
                return;
            }
            ms.push_back(static_cast<double>(since.nsecsElapsed()) / 1e6);
            fromStart.push_back(static_cast<double>(started.nsecsElapsed()) / 1e6);
        }
        std::sort(ms.begin(), ms.end());
        std::sort(fromStart.begin(), fromStart.end());
        state.SetIterationTime(ms[ms.size() / 2] / 1000.0);
    }
    state.counters["p50_ms"] = ms[ms.size() / 2];
    state.counters["p99_ms"] = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
    state.counters["max_ms"] = ms.back();
    state.counters["start_p50_ms"] = fromStart[fromStart.size() / 2];
    state.counters["start_p99_ms"] =
        fromStart[std::min(fromStart.size() - 1, fromStart.size() * 99 / 100)];
}

void BM_ChangeNoticePostgres(benchmark::State& state) {
    fd::testing::ServerDatabase server;
    if (!server.available()) {
        state.SkipWithError("FD_TEST_PG names no PostgreSQL server");
        return;
    }
    noticeLatency(state, server.address(), kChanges);
}

void BM_ChangeNoticeFile(benchmark::State& state) {
    QTemporaryDir dir;
    // The file's watch runs each second: 20 changes tell its spread.
    noticeLatency(state, dir.filePath(QStringLiteral("office.db")), 20);
}

} // namespace

BENCHMARK(BM_ChangeNoticePostgres)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ChangeNoticeFile)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
