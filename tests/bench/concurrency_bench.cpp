// Writers on one database file: actions per second with 1 and with 4 writer processes,
// and the time a writer spent obtaining the write lock (WriteTransaction::begin: SQLite's
// busy wait plus the jittered retries), p50 and p99 over every action of the run.
//
//   BM_BusWriters/N   N child processes of this program, each with its own Services (as
//                     the desktop program opens them), signed in once, then 400/N
//                     phone.log_call actions through the bus; timed from a common start.
//   BM_BusWritersPostgres/N
//                     the same desks on a fresh database of the PostgreSQL test server
//                     (FD_TEST_PG; registered only when it is set): the write lock is the
//                     transaction-scoped advisory lock every write transaction takes there.
//   BM_CliWriters/N   N loops of `frontdeskctl do phone.log_call` (one process per action:
//                     start-up, sign-in with the password hash, one action), 40 in all.
//
// The wait is read from FD_LOCK_WAIT_LOG: every write transaction of the children appends
// the microseconds its BEGIN IMMEDIATE (PostgreSQL: BEGIN and pg_advisory_xact_lock) took.
#include "all_modules.h"
#include "server_database.h"
#include "test_services.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <algorithm>
#include <benchmark/benchmark.h>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <vector>

namespace {

using fd::testing::TestServices;
using SteadyClock = std::chrono::steady_clock;

constexpr int kBusActions = 400;
constexpr int kCliActions = 40;

qint64 steadyNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               SteadyClock::now().time_since_epoch())
        .count();
}

// The child: opens the services on DB, signs LOGIN in, says "ready", waits for "go" on
// stdin, runs COUNT actions, prints "done START_NS END_NS FAILURES".
int writerChild(const QString& db, const QString& login, const QString& password, int count) {
    fd::ServicesOptions options;
    options.databasePath = db;
    auto s = fd::openServices(std::move(options));
    if (!s) {
        std::cerr << s.error().message.en.toStdString() << "\n";
        return 2;
    }
    auto actor = (*s)->users().authenticate(login, password);
    if (!actor) {
        std::cerr << actor.error().message.en.toStdString() << "\n";
        return 2;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    char line[16];
    if (std::fgets(line, sizeof line, stdin) == nullptr)
        return 2;
    const qint64 start = steadyNs();
    int failures = 0;
    for (int i = 0; i < count; ++i) {
        auto r =
            (*s)->bus().execute({QStringLiteral("phone.log_call"),
                                 {{QStringLiteral("caller"), QStringLiteral("业主")},
                                  {QStringLiteral("caller_phone"), QStringLiteral("13800138000")},
                                  {QStringLiteral("subject"), QStringLiteral("bench %1").arg(i)}},
                                 *actor,
                                 {},
                                 {}});
        if (!r) {
            ++failures;
            std::cerr << r.error().message.en.toStdString() << "\n";
        }
    }
    std::printf("done %lld %lld %d\n", static_cast<long long>(start),
                static_cast<long long>(steadyNs()), failures);
    return failures == 0 ? 0 : 1;
}

struct Waits {
    std::vector<double> us;
    void read(const QString& path) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return;
        for (const QByteArray& line : f.readAll().split('\n'))
            if (!line.isEmpty())
                us.push_back(line.toDouble());
        f.remove();
    }
    double percentile(double p) {
        if (us.empty())
            return 0;
        std::sort(us.begin(), us.end());
        const auto i = static_cast<size_t>(p * static_cast<double>(us.size() - 1) + 0.5);
        return us[std::min(i, us.size() - 1)];
    }
    void report(benchmark::State& state) {
        state.counters["wait_p50_ms"] = percentile(0.50) / 1000.0;
        state.counters["wait_p99_ms"] = percentile(0.99) / 1000.0;
        state.counters["wait_max_ms"] =
            us.empty() ? 0 : *std::max_element(us.begin(), us.end()) / 1000.0;
        state.counters["transactions"] = static_cast<double>(us.size());
    }
};

QProcessEnvironment childEnv(const QString& dataHome, const QString& waitLog) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    env.insert(QStringLiteral("FD_LOCK_WAIT_LOG"), waitLog);
    env.remove(QStringLiteral("FRONTDESK_DB"));
    return env;
}

// The desks of BM_BusWriters on `db`, where the clerk is set up; `dir` holds the wait log.
void busWriters(benchmark::State& state, const QString& db, const QString& dir) {
    const int writers = static_cast<int>(state.range(0));
    const QString waitLog = dir + QStringLiteral("/waits.log");
    const QString self = QCoreApplication::applicationFilePath();
    Waits waits;
    int failures = 0;
    for (auto _ : state) {
        std::vector<std::unique_ptr<QProcess>> children;
        for (int i = 0; i < writers; ++i) {
            auto p = std::make_unique<QProcess>();
            p->setProcessEnvironment(childEnv(dir, waitLog));
            p->start(self, {QStringLiteral("--writer"), db, QStringLiteral("clerk"),
                            TestServices::passwordOf(QStringLiteral("clerk")),
                            QString::number(kBusActions / writers)});
            children.push_back(std::move(p));
        }
        for (auto& p : children) {
            while (!p->canReadLine())
                if (!p->waitForReadyRead(30000)) {
                    state.SkipWithError("a writer did not start");
                    return;
                }
            p->readLine();
        }
        QFile::remove(waitLog);    // sign-in's own write is not an action
        for (auto& p : children) { // all at once: flush each "go" now, not when it is awaited
            p->write("go\n");
            p->waitForBytesWritten(5000);
        }
        qint64 first = 0, last = 0;
        for (auto& p : children) {
            p->waitForFinished(120000);
            const QList<QByteArray> f = p->readAllStandardOutput().trimmed().split(' ');
            if (f.size() != 4 || f[0] != "done") {
                state.SkipWithError("a writer failed");
                return;
            }
            first = first == 0 ? f[1].toLongLong() : std::min(first, f[1].toLongLong());
            last = std::max(last, f[2].toLongLong());
            failures += f[3].toInt();
        }
        state.SetIterationTime(static_cast<double>(last - first) / 1e9);
        waits.read(waitLog);
    }
    state.SetItemsProcessed(state.iterations() * kBusActions);
    state.counters["failures"] = failures;
    waits.report(state);
}
void BM_BusWriters(benchmark::State& state) {
    TestServices ts;
    ts.addUser(QStringLiteral("clerk"), {QStringLiteral("clerk")});
    busWriters(state, ts.path(), ts.dirPath());
}
BENCHMARK(BM_BusWriters)
    ->Arg(1)
    ->Arg(4)
    ->Iterations(3)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

// The same desks on a database of their own on the PostgreSQL test server.
void BM_BusWritersPostgres(benchmark::State& state) {
    fd::testing::ServerDatabase server;
    if (!server.available()) {
        state.SkipWithError("FD_TEST_PG names no PostgreSQL server");
        return;
    }
    {
        fd::ServicesOptions options;
        options.databasePath = server.address();
        auto s = fd::openServices(std::move(options));
        if (!s) {
            state.SkipWithError(s.error().message.en.toStdString().c_str());
            return;
        }
        auto admin = (*s)->initialise(QStringLiteral("admin"), QStringLiteral("管理员"),
                                      QStringLiteral("admin-pass"));
        if (!admin) {
            state.SkipWithError(admin.error().message.en.toStdString().c_str());
            return;
        }
        auto u = (*s)->users().find(QStringLiteral("admin"));
        if (!u) {
            state.SkipWithError(u.error().message.en.toStdString().c_str());
            return;
        }
        auto clerk = (*s)->bus().execute(
            {QStringLiteral("user.add"),
             {{QStringLiteral("login"), QStringLiteral("clerk")},
              {QStringLiteral("name"), QStringLiteral("clerk")},
              {QStringLiteral("roles"), QStringLiteral("clerk")},
              {QStringLiteral("password"), TestServices::passwordOf(QStringLiteral("clerk"))}},
             fd::Actor{u->id, u->login, u->displayName, u->roles, u->staffId},
             {},
             {}});
        if (!clerk) {
            state.SkipWithError(clerk.error().message.en.toStdString().c_str());
            return;
        }
    }
    QTemporaryDir dir;
    busWriters(state, server.address(), dir.path());
}
// Registered only with a server to run on, next to the SQLite figures.
[[maybe_unused]] benchmark::internal::Benchmark* const busWritersPostgres =
    qEnvironmentVariableIsEmpty("FD_TEST_PG")
        ? nullptr
        : benchmark::RegisterBenchmark("BM_BusWritersPostgres", BM_BusWritersPostgres)
              ->Arg(1)
              ->Arg(4)
              ->Iterations(3)
              ->UseManualTime()
              ->Unit(benchmark::kMillisecond);

int runCtl(const QStringList& args, const QString& dataHome, const QByteArray& input) {
    QProcess p;
    p.setProcessEnvironment(childEnv(dataHome, QString()));
    p.start(QStringLiteral(FRONTDESKCTL_PATH), args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

void BM_CliWriters(benchmark::State& state) {
    const int writers = static_cast<int>(state.range(0));
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("frontdesk.db"));
    const QString waitLog = dir.filePath(QStringLiteral("waits.log"));
    if (runCtl({QStringLiteral("--db"), db, QStringLiteral("init"), QStringLiteral("--admin"),
                QStringLiteral("admin")},
               dir.path(), "admin-pass\n") != 0 ||
        runCtl({QStringLiteral("--db"), db, QStringLiteral("user"), QStringLiteral("add"),
                QStringLiteral("clerk"), QStringLiteral("--name"), QStringLiteral("clerk"),
                QStringLiteral("--role"), QStringLiteral("clerk"), QStringLiteral("--as"),
                QStringLiteral("admin")},
               dir.path(), "admin-pass\nclerk-pass\n") != 0) {
        state.SkipWithError("setup failed");
        return;
    }
    Waits waits;
    int failures = 0;
    for (auto _ : state) {
        // Each loop runs its share one process after the other; the loops run side by side.
        struct Loop {
            std::unique_ptr<QProcess> p;
            int left = 0;
        };
        std::vector<Loop> loops(static_cast<size_t>(writers));
        auto launch = [&](Loop& l) {
            l.p = std::make_unique<QProcess>();
            l.p->setProcessEnvironment(childEnv(dir.path(), waitLog));
            l.p->start(QStringLiteral(FRONTDESKCTL_PATH),
                       {QStringLiteral("--db"), db, QStringLiteral("do"),
                        QStringLiteral("phone.log_call"), QStringLiteral("--as"),
                        QStringLiteral("clerk"), QStringLiteral("caller=业主"),
                        QStringLiteral("subject=bench")});
            l.p->write("clerk-pass\n");
            l.p->waitForBytesWritten(5000);
            l.p->closeWriteChannel();
            --l.left;
        };
        const auto start = SteadyClock::now();
        for (auto& l : loops) {
            l.left = kCliActions / writers;
            launch(l);
        }
        bool busy = true;
        while (busy) {
            busy = false;
            for (auto& l : loops) {
                if (!l.p)
                    continue;
                if (l.p->state() != QProcess::NotRunning && !l.p->waitForFinished(5)) {
                    busy = true;
                    continue;
                }
                if (l.p->exitStatus() != QProcess::NormalExit || l.p->exitCode() != 0)
                    ++failures;
                l.p.reset();
                if (l.left > 0) {
                    launch(l);
                    busy = true;
                }
            }
        }
        state.SetIterationTime(std::chrono::duration<double>(SteadyClock::now() - start).count());
        waits.read(waitLog);
    }
    state.SetItemsProcessed(state.iterations() * kCliActions);
    state.counters["failures"] = failures;
    waits.report(state);
}
BENCHMARK(BM_CliWriters)
    ->Arg(1)
    ->Arg(4)
    ->Iterations(2)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc == 6 && qstrcmp(argv[1], "--writer") == 0)
        return writerChild(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]),
                           QString::fromLocal8Bit(argv[4]),
                           QString::fromLocal8Bit(argv[5]).toInt());
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
