// Archive search and the overdue list on the large profile: 20,000 volumes, 200,000 items,
// 50,000 loans (200 overdue) and 30,000 documents, built by the modules' own large seed
// (the residents' staff first, then the archive), as `frontdeskctl seed --profile large` does.
// Each benchmark runs on a database file (SQLite) and, when FD_TEST_PG names the test server,
// again on a database of its own there (the same name with /postgresql): the same seed, the
// same queries, side by side. Each engine's archive is built once, before its first timing.
// Targets: a two-character term and a number <= 50 ms, the overdue list <= 20 ms.
#include "all_modules.h"
#include "server_database.h"
#include "test_services.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <benchmark/benchmark.h>
#include <cstdio>
#include <memory>

namespace {

using fd::testing::TestServices;

// The large profile on one engine, with an archivist and a clerk without clearance.
class LargeArchive {
public:
    explicit LargeArchive(bool onServer) {
        if (onServer) {
            server_ = std::make_unique<fd::testing::ServerDatabase>();
            if (!server_->available())
                throw std::runtime_error("FD_TEST_PG names no PostgreSQL server");
            fd::ServicesOptions options;
            options.databasePath = server_->address();
            options.clock = std::make_shared<fd::FixedClock>(fd::testing::startTime());
            auto s = fd::openServices(std::move(options));
            if (!s)
                throw std::runtime_error(s.error().message.en.toStdString());
            own_ = std::move(*s);
            services_ = own_.get();
            auto admin = services_->initialise(QStringLiteral("admin"), QStringLiteral("管理员"),
                                               QStringLiteral("admin-pass"));
            if (!admin)
                throw std::runtime_error(admin.error().message.en.toStdString());
        } else {
            file_ = std::make_unique<TestServices>();
            services_ = &file_->services();
        }
        const char* engine = onServer ? "PostgreSQL" : "SQLite";
        QElapsedTimer timer;
        timer.start();
        const fd::Actor admin = actor(QStringLiteral("admin"));
        for (const fd::Module& m : services_->modules())
            if (m.seed &&
                (m.area == QStringLiteral("residents") || m.area == QStringLiteral("archives"))) {
                auto ok = m.seed(*services_, admin, fd::SeedOptions{QStringLiteral("large"), 1});
                if (!ok)
                    throw std::runtime_error(ok.error().message.en.toStdString());
            }
        seedMs = timer.elapsed();
        std::fprintf(stderr, "large profile seeded on %s in %lld ms\n", engine,
                     static_cast<long long>(seedMs));
        keeper = addUser(QStringLiteral("keeper"), QStringLiteral("archivist"));
        front = addUser(QStringLiteral("front1"), QStringLiteral("clerk"));
    }

    [[nodiscard]] const fd::Services& services() const { return *services_; }

    fd::Actor keeper;
    fd::Actor front;
    qint64 seedMs = 0;

private:
    fd::Actor actor(const QString& login) const {
        auto u = services_->users().find(login);
        if (!u)
            throw std::runtime_error(u.error().message.en.toStdString());
        return fd::Actor{u->id, u->login, u->displayName, u->roles, u->staffId};
    }

    fd::Actor addUser(const QString& login, const QString& role) const {
        auto r = services_->bus().execute(
            {QStringLiteral("user.add"),
             {{QStringLiteral("login"), login},
              {QStringLiteral("name"), login},
              {QStringLiteral("roles"), role},
              {QStringLiteral("password"), TestServices::passwordOf(login)}},
             actor(QStringLiteral("admin")),
             {},
             {}});
        if (!r)
            throw std::runtime_error(r.error().message.en.toStdString());
        return actor(login);
    }

    std::unique_ptr<TestServices> file_;
    std::unique_ptr<fd::testing::ServerDatabase> server_;
    std::unique_ptr<fd::Services> own_;
    fd::Services* services_ = nullptr;
};

// Each engine's archive, built when a benchmark first needs it; dropped before the program
// ends (the server's database while the application still runs).
std::unique_ptr<LargeArchive> archives[2];

LargeArchive& archive(bool onServer) {
    auto& a = archives[onServer ? 1 : 0];
    if (!a)
        a = std::make_unique<LargeArchive>(onServer);
    return *a;
}

struct Case {
    const char* name;
    QString query;
    QVariantMap params;
    bool cleared = true;
};

void runQuery(benchmark::State& state, const Case& c, bool onServer) {
    LargeArchive& a = archive(onServer);
    const fd::Actor& who = c.cleared ? a.keeper : a.front;
    qint64 rows = 0;
    for (auto _ : state) {
        auto r = a.services().query(c.query, c.params, who);
        if (!r) {
            state.SkipWithError(r.error().message.en.toStdString().c_str());
            return;
        }
        rows = r->rows.size();
        benchmark::DoNotOptimize(rows);
    }
    state.counters["rows"] = static_cast<double>(rows);
}

QList<Case> cases() {
    const QString search = QStringLiteral("archive.search");
    const QString text = QStringLiteral("text");
    return {
        {"BM_SearchTwoCharacterTerm", search, {{text, QStringLiteral("电梯")}}},
        {"BM_SearchTwoCharacterTermWithoutClearance",
         search,
         {{text, QStringLiteral("电梯")}},
         false},
        {"BM_SearchOneCharacter", search, {{text, QStringLiteral("梯")}}},
        {"BM_SearchFourCharacterPhrase", search, {{text, QStringLiteral("电梯维修")}}},
        {"BM_SearchTermWithDateRangeAndCabinet",
         search,
         {{text, QStringLiteral("幕墙")},
          {QStringLiteral("date_from"), QDate(2010, 1, 1)},
          {QStringLiteral("date_to"), QDate(2012, 12, 31)},
          {QStringLiteral("cabinet"), QStringLiteral("A02")}}},
        {"BM_SearchNumber", search, {{text, QStringLiteral("WY-012345")}}},
        // A part of a number as archivists type it: lower case, the middle of the number.
        {"BM_SearchPartOfANumber", search, {{text, QStringLiteral("y-01234")}}},
        {"BM_OverdueList", QStringLiteral("archive.overdue"), {}},
    };
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    const bool server = !qEnvironmentVariableIsEmpty("FD_TEST_PG");
    for (const Case& c : cases()) {
        benchmark::RegisterBenchmark(c.name, [c](benchmark::State& state) {
            runQuery(state, c, false);
        })->Unit(benchmark::kMillisecond);
        if (server)
            benchmark::RegisterBenchmark((std::string(c.name) + "/postgresql").c_str(),
                                         [c](benchmark::State& state) { runQuery(state, c, true); })
                ->Unit(benchmark::kMillisecond);
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    for (auto& a : archives)
        a.reset();
    return 0;
}
