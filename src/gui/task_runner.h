#pragma once

#include "util/error.h"

#include <QString>
#include <atomic>
#include <functional>

class QWidget;

namespace fd {
class Database;
}

namespace fd::gui {

// What long work sees: report progress, notice a cancel. Safe to call from the worker.
class TaskControl final {
public:
    void setProgress(double fraction) { progress_.store(fraction); }
    [[nodiscard]] bool cancelled() const { return cancelled_.load(); }
    [[nodiscard]] double progress() const { return progress_.load(); }
    void cancel() { cancelled_.store(true); }

private:
    std::atomic<double> progress_{0.0};
    std::atomic<bool> cancelled_{false};
};

using TaskWork = std::function<Status(TaskControl&)>;

// Runs long work (backup, import, export, big reports) on a worker thread with a progress
// dialog and a Cancel button, and returns its result; the window keeps repainting
// meanwhile. When `database` is given, the worker's own connection is closed at the end
// (each thread gets its own connection on first use).
class TaskRunner final {
public:
    static Status run(QWidget* parent, const QString& title, TaskWork work,
                      const Database* database = nullptr);
    // Whether the last run was cancelled by the user.
    static bool lastCancelled();
};

// The error a worker returns when it stopped because the user cancelled.
Error cancelledError();

} // namespace fd::gui
