#include "task_runner.h"

#include "db/database.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>
#include <memory>

namespace fd::gui {
namespace {
bool g_lastCancelled = false;
} // namespace

Error cancelledError() {
    return Error::badInput(QStringLiteral("cancel"),
                           {QStringLiteral("Cancelled."), QStringLiteral("已取消。")});
}

bool TaskRunner::lastCancelled() {
    return g_lastCancelled;
}

Status TaskRunner::run(QWidget* parent, const QString& title, TaskWork work,
                       const Database* database) {
    auto control = std::make_shared<TaskControl>();
    auto outcome = std::make_shared<Status>();
    QThread* thread = QThread::create([control, outcome, work = std::move(work), database] {
        *outcome = work(*control);
        if (database != nullptr)
            database->closeThreadConnection();
    });

    QProgressDialog progress(title, QCoreApplication::translate("fd::gui::TaskRunner", "Cancel"), 0,
                             1000, parent);
    progress.setObjectName(QStringLiteral("taskProgress"));
    progress.setWindowModality(parent != nullptr ? Qt::WindowModal : Qt::ApplicationModal);
    progress.setMinimumDuration(300); // short work finishes without a flashing dialog
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    QObject::connect(&progress, &QProgressDialog::canceled, &progress,
                     [control] { control->cancel(); });

    QEventLoop loop;
    QTimer tick;
    tick.setInterval(50);
    QObject::connect(&tick, &QTimer::timeout, &progress, [&progress, control] {
        progress.setValue(static_cast<int>(control->progress() * 1000));
    });
    QObject::connect(thread, &QThread::finished, &loop, &QEventLoop::quit);
    tick.start();
    thread->start();
    loop.exec(); // the modal progress dialog keeps other input away
    thread->wait();
    delete thread;
    tick.stop();
    g_lastCancelled = control->cancelled();
    progress.disconnect(); // closing the dialog emits canceled(); the work is done by now
    progress.close();
    return *outcome;
}

} // namespace fd::gui
