// Start-up of the desktop program on the large profile: from process start to the main
// window shown with the "needs attention" dashboard painted.
//
// BM_ProcessStartToDashboard starts this program again as a child (`--child DB`), which
// does what frontdesk does: QApplication, translations, opening the services on the
// database, the login dialog filled in and accepted (the administrator's password checked
// with argon2id while SignIn builds the main window, as the program does; only the typing
// is skipped), and the first paint of the dashboard. The parent measures from QProcess::start to
// the child's "painted" line, followed by the child's own phases (ms since its main() began), which
// the bench reports as counters: where the time goes. BM_WindowToDashboard measures the in-process
// part alone (window construction to first paint). Run under Xvfb: xvfb-run -a
// build/.../bench/gui_bench
#include "all_modules.h"
#include "login_dialog.h"
#include "main_window.h"
#include "page_registry.h"
#include "session.h"
#include "sign_in.h"
#include "translations.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QLineEdit>
#include <QProcess>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <cstdio>
#include <map>
#include <memory>

namespace {

const QString kAdmin = QStringLiteral("admin");
const QString kPassword = QStringLiteral("admin-pass-1");

// Signals the first paint of a widget.
class FirstPaint final : public QObject {
public:
    bool painted = false;
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint)
            painted = true;
        return QObject::eventFilter(watched, event);
    }
};

// The large profile, seeded once through the action bus of every module.
QString largeDatabase() {
    static QTemporaryDir dir;
    static QString path;
    if (!path.isEmpty())
        return path;
    path = dir.filePath(QStringLiteral("large.db"));
    fd::ServicesOptions options;
    options.databasePath = path;
    auto services = fd::openServices(std::move(options));
    if (!services)
        qFatal("open: %s", qPrintable(services.error().message.en));
    if (auto id = (*services)->initialise(kAdmin, QStringLiteral("管理员"), kPassword); !id)
        qFatal("init: %s", qPrintable(id.error().message.en));
    auto admin = (*services)->users().authenticate(kAdmin, kPassword);
    fd::SeedOptions seed;
    seed.profile = QStringLiteral("large");
    for (const fd::Module& m : (*services)->modules())
        if (m.seed)
            if (auto ok = m.seed(**services, *admin, seed); !ok)
                qFatal("seed %s: %s", qPrintable(m.area), qPrintable(ok.error().message.en));
    return path;
}

bool paintDashboard(fd::gui::MainWindow& window) {
    FirstPaint probe;
    QWidget* dashboard = window.page(QStringLiteral("dashboard"));
    if (dashboard == nullptr)
        return false;
    dashboard->installEventFilter(&probe);
    window.show();
    QElapsedTimer guard;
    guard.start();
    while (!probe.painted && guard.elapsed() < 10000)
        QApplication::processEvents(QEventLoop::AllEvents, 5);
    dashboard->removeEventFilter(&probe);
    return probe.painted;
}

// The child's phases, in ms from its main(): written after "painted" as name=ms pairs.
struct Phases {
    QElapsedTimer clock;
    QStringList marks;
    void mark(const char* name) {
        marks << QStringLiteral("%1=%2")
                     .arg(QLatin1String(name))
                     .arg(static_cast<double>(clock.nsecsElapsed()) / 1e6, 0, 'f', 1);
    }
};

int child(const QString& db, Phases& phases) {
    fd::gui::Translations::install(QStringLiteral("zh_CN"));
    phases.mark("translations");
    fd::ServicesOptions options;
    options.databasePath = db;
    auto services = fd::openServices(std::move(options));
    if (!services)
        return 2;
    phases.mark("services");
    // As the login dialog signs a person in: the window is built while the password is
    // checked (SignIn), and taken when the check succeeds.
    const fd::gui::PageRegistry pages = fd::gui::PageRegistry::withAllPages();
    fd::gui::SignIn signIn(**services, pages, {});
    fd::gui::LoginDialog login(**services);
    signIn.attach(login);
    login.setLogin(kAdmin);
    login.findChild<QLineEdit*>(QStringLiteral("password"))->setText(kPassword);
    phases.mark("dialog");
    login.accept();
    if (login.result() != QDialog::Accepted)
        return 3;
    fd::gui::Desk desk = signIn.take(login.actor());
    phases.mark("signed_in");
    fd::gui::MainWindow& window = *desk.window;
    if (!paintDashboard(window))
        return 4;
    phases.mark("painted");
    std::fputs(qPrintable(QStringLiteral("painted ") + phases.marks.join(QLatin1Char(' ')) +
                          QLatin1Char('\n')),
               stdout);
    std::fflush(stdout);
    return 0;
}

void BM_ProcessStartToDashboard(benchmark::State& state) {
    const QString db = largeDatabase();
    std::map<std::string, double> phaseMs;
    for (auto _ : state) {
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer t;
        t.start();
        p.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child"), db});
        while (!p.canReadLine() && p.state() != QProcess::NotRunning)
            p.waitForReadyRead(10000);
        const qint64 ns = t.nsecsElapsed();
        const QByteArray line = p.readLine();
        p.waitForFinished(10000);
        if (!line.startsWith("painted")) {
            state.SkipWithError("the child did not paint the dashboard");
            return;
        }
        state.SetIterationTime(static_cast<double>(ns) / 1e9);
        // Each phase's own share: the difference from the mark before it, the first from the
        // child's main().
        double previous = 0;
        const QStringList pairs = QString::fromLatin1(line.trimmed()).split(QLatin1Char(' '));
        for (const QString& pair : pairs.mid(1)) {
            const double at = pair.section(QLatin1Char('='), 1).toDouble();
            phaseMs[pair.section(QLatin1Char('='), 0, 0).toStdString()] += at - previous;
            previous = at;
        }
        // Before main(): starting the process and loading its libraries.
        phaseMs["loader"] += static_cast<double>(ns) / 1e6 - previous;
        phaseMs["total"] += static_cast<double>(ns) / 1e6;
    }
    for (const auto& [phase, ms] : phaseMs)
        state.counters[phase] = benchmark::Counter(ms, benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_ProcessStartToDashboard)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(10);

void BM_WindowToDashboard(benchmark::State& state) {
    fd::ServicesOptions options;
    options.databasePath = largeDatabase();
    auto services = fd::openServices(std::move(options));
    auto actor = (*services)->users().authenticate(kAdmin, kPassword);
    fd::gui::Session session(**services, *actor);
    const fd::gui::PageRegistry pages = fd::gui::PageRegistry::withAllPages();
    for (auto _ : state) {
        fd::gui::MainWindow window(session, pages);
        if (!paintDashboard(window))
            state.SkipWithError("no dashboard paint");
    }
}
BENCHMARK(BM_WindowToDashboard)->Unit(benchmark::kMillisecond)->Iterations(10);

} // namespace

int main(int argc, char** argv) {
    Phases phases;
    phases.clock.start();
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    phases.mark("application");
    if (argc == 3 && qstrcmp(argv[1], "--child") == 0)
        return child(QString::fromLocal8Bit(argv[2]), phases);
    fd::gui::Translations::install(QStringLiteral("zh_CN"));
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
