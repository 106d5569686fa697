#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <chrono>
#include <memory>

class QThread;

namespace fd {
class Services;
}

namespace fd::gui {

// The daily verified backup while the program is in use: at start and then on a timer it
// asks the database whether today's verified copy is recorded and, when not, makes it on a
// worker thread with its own connection (backups::runDaily), so the window never waits.
class AutoBackup final : public QObject {
    Q_OBJECT
public:
    // `by` names the workstation's user in the audit row.
    AutoBackup(const Services& services, QString directory, QString by, QObject* parent = nullptr);
    // Cancels a copy still running and waits for its thread.
    ~AutoBackup() override;

    [[nodiscard]] const QString& directory() const { return directory_; }
    void setDirectory(const QString& directory) { directory_ = directory; }

    // Checks now, then every `interval`.
    void start(std::chrono::milliseconds interval = std::chrono::minutes(15));
    // Starts today's copy unless it is recorded already or a copy is running; returns whether
    // a copy started.
    bool checkNow();
    [[nodiscard]] bool running() const { return thread_ != nullptr; }

signals:
    // A copy ended: `ok` false when it failed; `made` when a new copy was written; `message`
    // says what happened, in the interface's language.
    void finished(bool ok, bool made, const QString& message);

private:
    struct Job;
    void done();

    const Services& services_;
    QString directory_;
    QString by_;
    QTimer timer_;
    QThread* thread_ = nullptr;
    std::shared_ptr<Job> job_;
};

} // namespace fd::gui
