// frontdeskctl startup: what a script pays per call.
#include <QCoreApplication>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>

namespace {

int run(const QStringList& args, const QString& dataHome, const QByteArray& input = {}) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FRONTDESKCTL_PATH), args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

void BM_CliHelp(benchmark::State& state) {
    QTemporaryDir dir;
    for (auto _ : state)
        if (run({QStringLiteral("--help")}, dir.path()) != 0) {
            state.SkipWithError("--help failed");
            return;
        }
}
BENCHMARK(BM_CliHelp)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();

void BM_CliAuditHead(benchmark::State& state) {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("frontdesk.db"));
    if (run({QStringLiteral("--db"), db, QStringLiteral("init"), QStringLiteral("--admin"),
             QStringLiteral("admin")},
            dir.path(), "admin-pass\n") != 0) {
        state.SkipWithError("init failed");
        return;
    }
    for (auto _ : state)
        if (run({QStringLiteral("--db"), db, QStringLiteral("audit"), QStringLiteral("head")},
                dir.path()) != 0) {
            state.SkipWithError("audit head failed");
            return;
        }
}
BENCHMARK(BM_CliAuditHead)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
