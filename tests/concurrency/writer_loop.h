#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <memory>

namespace fd::testing {

// One frontdeskctl writer: runs `do phone.log_call --as LOGIN` COUNT times, one process after
// the other (the next starts when the last one ends), driven by QProcess signals so several
// loops and the test's own work run at the same time. Children run with FD_DB_STRICT=1: a
// statement left active across BEGIN IMMEDIATE fails the action instead of only being logged.
class WriterLoop final {
public:
    struct Options {
        QString db;
        QString dataHome;
        QString login;
        QString password;
        int count = 25;
        QString tag; // written into each call's subject
        QProcessEnvironment extraEnvironment;
    };
    explicit WriterLoop(Options options);
    ~WriterLoop();
    WriterLoop(const WriterLoop&) = delete;
    WriterLoop& operator=(const WriterLoop&) = delete;

    void start();
    [[nodiscard]] bool done() const { return finished_ >= options_.count; }
    [[nodiscard]] int succeeded() const { return succeeded_; }
    [[nodiscard]] int failed() const { return finished_ - succeeded_; }
    [[nodiscard]] const QStringList& errors() const { return errors_; }

private:
    void launch();
    void onFinished(int exitCode, QProcess::ExitStatus status);

    Options options_;
    std::unique_ptr<QProcess> process_;
    int finished_ = 0;
    int succeeded_ = 0;
    QStringList errors_;
};

// The environment every frontdeskctl child of these tests gets.
QProcessEnvironment childEnvironment(const QString& dataHome);

// Runs frontdeskctl to the end (for setup: init, user add); returns its exit code and
// puts stderr and stdout into `output`.
int runToEnd(const QStringList& args, const QStringList& stdinLines, const QString& dataHome,
             QString* output = nullptr);

} // namespace fd::testing
