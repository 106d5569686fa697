// Core throughput: actions through the bus on a file database, and audit chain verification.
#include "audit/audit_log.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "notes_module.h"
#include "services/services.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>

namespace {

constexpr qint64 kChainRows = 1'000'000;

// note.add through the full gate: validation, permission, rules, transaction, audit row.
void BM_NoteAddThroughBus(benchmark::State& state) {
    QTemporaryDir dir;
    fd::ServicesOptions options;
    options.databasePath = dir.filePath(QStringLiteral("frontdesk.db"));
    options.policyPath = fd::testing::writeNotesPolicy(dir.path());
    options.modules.push_back(fd::testing::notesModule());
    auto services = fd::Services::open(std::move(options));
    if (!services) {
        state.SkipWithError(services.error().message.en.toStdString().c_str());
        return;
    }
    auto id = (*services)->initialise(QStringLiteral("admin"), {}, QStringLiteral("admin-pass"));
    auto admin = (*services)->users().find(QStringLiteral("admin"));
    if (!id || !admin) {
        state.SkipWithError("cannot create the administrator");
        return;
    }
    const fd::Actor actor{admin->id, admin->login, admin->displayName, admin->roles,
                          admin->staffId};
    qint64 n = 0;
    for (auto _ : state) {
        auto done = (*services)->bus().execute(
            {QStringLiteral("note.add"),
             {{QStringLiteral("text"), QStringLiteral("note %1").arg(++n)}},
             actor,
             {},
             QString::fromLatin1("")});
        if (!done) {
            state.SkipWithError(done.error().message.en.toStdString().c_str());
            return;
        }
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NoteAddThroughBus)->Unit(benchmark::kMicrosecond)->MinTime(2.0)->UseRealTime();

// A chain of a million rows, built once with AuditLog::append and kept beside the program.
QString chainFile() {
    const QString path =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("audit-1m.db"));
    if (QFile::exists(path))
        return path;
    const QString building = path + QStringLiteral(".building");
    QFile::remove(building);
    {
        fd::ServicesOptions options;
        options.databasePath = building;
        auto services = fd::Services::open(std::move(options));
        if (!services)
            return {};
        const fd::Database& db = (*services)->database();
        const QDateTime start = QDateTime(QDate(2026, 3, 2), QTime(1, 0), Qt::UTC);
        qint64 seq = 0;
        while (seq < kChainRows) {
            auto tx = fd::WriteTransaction::begin(db.connection(), db.dialect());
            if (!tx)
                return {};
            for (int i = 0; i < 100'000 && seq < kChainRows; ++i, ++seq) {
                const fd::AuditEntry e{
                    QStringLiteral("clerk%1").arg(seq % 7),
                    QStringLiteral("handover.sign"),
                    QStringLiteral("handover"),
                    QString::number(seq),
                    {{QStringLiteral("status"), QStringLiteral("draft")}},
                    {{QStringLiteral("status"), QStringLiteral("signed")},
                     {QStringLiteral("note"), QStringLiteral("交接班记录 %1").arg(seq)}},
                    QString::fromLatin1(""),
                    QStringLiteral("2026.11"),
                    {QStringLiteral("handover-signed")}};
                if (!fd::AuditLog::append(db.connection(), start.addSecs(seq), e))
                    return {};
            }
            if (!tx->commit())
                return {};
        }
    }
    QFile::remove(building + QStringLiteral("-wal"));
    QFile::remove(building + QStringLiteral("-shm"));
    return QFile::rename(building, path) ? path : QString();
}

void BM_AuditVerifyMillionRows(benchmark::State& state) {
    const QString path = chainFile();
    if (path.isEmpty()) {
        state.SkipWithError("cannot build the million-row chain");
        return;
    }
    auto db = fd::Database::openSqlite(path);
    if (!db) {
        state.SkipWithError(db.error().message.en.toStdString().c_str());
        return;
    }
    qint64 rows = 0;
    for (auto _ : state) {
        auto report = fd::AuditLog::verify(**db);
        if (!report || !report->ok || report->rows != kChainRows) {
            state.SkipWithError("the chain does not verify");
            return;
        }
        rows += report->rows;
    }
    state.SetItemsProcessed(rows);
    state.counters["rows"] = static_cast<double>(kChainRows);
}
BENCHMARK(BM_AuditVerifyMillionRows)->Unit(benchmark::kMillisecond)->Iterations(5)->UseRealTime();

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
