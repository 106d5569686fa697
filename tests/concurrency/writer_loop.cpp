#include "writer_loop.h"

namespace fd::testing {

QProcessEnvironment childEnvironment(const QString& dataHome) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    env.insert(QStringLiteral("FD_DB_STRICT"), QStringLiteral("1"));
    env.remove(QStringLiteral("FRONTDESK_DB"));
    return env;
}

int runToEnd(const QStringList& args, const QStringList& stdinLines, const QString& dataHome,
             QString* output) {
    QProcess p;
    p.setProcessEnvironment(childEnvironment(dataHome));
    p.start(QStringLiteral(FRONTDESKCTL_PATH), args);
    if (!p.waitForStarted(10000))
        return -1;
    p.write((stdinLines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(60000);
    if (output != nullptr)
        *output = QString::fromUtf8(p.readAllStandardError() + p.readAllStandardOutput());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

WriterLoop::WriterLoop(Options options) : options_(std::move(options)) {}

WriterLoop::~WriterLoop() {
    if (process_) {
        process_->disconnect();
        process_->kill();
        process_->waitForFinished(5000);
    }
}

void WriterLoop::start() {
    launch();
}

void WriterLoop::launch() {
    process_ = std::make_unique<QProcess>();
    QProcessEnvironment env = childEnvironment(options_.dataHome);
    for (const QString& key : options_.extraEnvironment.keys())
        env.insert(key, options_.extraEnvironment.value(key));
    process_->setProcessEnvironment(env);
    QObject::connect(process_.get(), &QProcess::finished, process_.get(),
                     [this](int code, QProcess::ExitStatus status) { onFinished(code, status); });
    QObject::connect(process_.get(), &QProcess::errorOccurred, process_.get(),
                     [this](QProcess::ProcessError e) {
                         if (e == QProcess::FailedToStart)
                             onFinished(-1, QProcess::CrashExit);
                     });
    process_->start(QStringLiteral(FRONTDESKCTL_PATH),
                    {QStringLiteral("--db"), options_.db, QStringLiteral("--json"),
                     QStringLiteral("do"), QStringLiteral("phone.log_call"), QStringLiteral("--as"),
                     options_.login,
                     QStringLiteral("caller=业主 %1-%2").arg(options_.tag).arg(finished_ + 1),
                     QStringLiteral("caller_phone=13800138000"),
                     QStringLiteral("subject=%1 call %2").arg(options_.tag).arg(finished_ + 1)});
    process_->write((options_.password + QLatin1Char('\n')).toUtf8());
    process_->closeWriteChannel();
}

void WriterLoop::onFinished(int exitCode, QProcess::ExitStatus status) {
    ++finished_;
    if (status == QProcess::NormalExit && exitCode == 0)
        ++succeeded_;
    else
        errors_ << QStringLiteral("%1 #%2 exit %3: %4")
                       .arg(options_.tag)
                       .arg(finished_)
                       .arg(exitCode)
                       .arg(QString::fromUtf8(process_->readAllStandardOutput() +
                                              process_->readAllStandardError())
                                .trimmed());
    // The finished process is deleted later (this runs in its signal); the next one starts.
    process_.release()->deleteLater();
    if (!done())
        launch();
}

} // namespace fd::testing
