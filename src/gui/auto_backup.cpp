#include "auto_backup.h"

#include "db/backup_schedule.h"
#include "refusal.h"
#include "services/services.h"

#include <QThread>
#include <atomic>
#include <optional>

namespace fd::gui {

struct AutoBackup::Job {
    std::atomic<bool> cancelled{false};
    std::optional<Result<backups::DailyOutcome>> outcome;
};

AutoBackup::AutoBackup(const Services& services, QString directory, QString by, QObject* parent)
    : QObject(parent), services_(services), directory_(std::move(directory)), by_(std::move(by)) {
    connect(&timer_, &QTimer::timeout, this, &AutoBackup::checkNow);
}

AutoBackup::~AutoBackup() {
    if (thread_ == nullptr)
        return;
    job_->cancelled.store(true);
    thread_->wait();
    delete thread_;
}

void AutoBackup::start(std::chrono::milliseconds interval) {
    timer_.setInterval(interval);
    timer_.start();
    checkNow();
}

bool AutoBackup::checkNow() {
    if (thread_ != nullptr || directory_.isEmpty())
        return false;
    // A quick read on this thread; when it fails, the worker meets and reports the problem.
    auto today = backups::todaysVerified(services_.database().connection(), services_.clock());
    if (today && *today)
        return false;
    auto job = std::make_shared<Job>();
    job_ = job;
    const Services* services = &services_;
    thread_ = QThread::create([job, services, dir = directory_, by = by_] {
        job->outcome =
            backups::runDaily(*services, dir, by, [job](double) { return !job->cancelled.load(); });
        services->database().closeThreadConnection();
    });
    thread_->setObjectName(QStringLiteral("backup"));
    // Emitted on the worker thread; delivered to this object's (the window's) thread.
    connect(thread_, &QThread::finished, this, &AutoBackup::done);
    thread_->start(QThread::LowPriority);
    return true;
}

void AutoBackup::done() {
    thread_->wait();
    delete thread_;
    thread_ = nullptr;
    const std::shared_ptr<Job> job = std::move(job_);
    const Result<backups::DailyOutcome>& outcome = *job->outcome;
    if (!outcome) {
        emit finished(false, false,
                      tr("The automatic backup failed: %1").arg(errorText(outcome.error())));
        return;
    }
    if (outcome->made)
        emit finished(true, true,
                      tr("Today's backup was made and verified: %1").arg(outcome->run.path));
    else
        emit finished(true, false,
                      tr("Today's verified backup exists already: %1").arg(outcome->run.path));
}

} // namespace fd::gui
