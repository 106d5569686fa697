#include "cli_runner.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QProcess>

namespace fd::testing {

QJsonObject CliRun::json() const {
    return QJsonDocument::fromJson(out.toUtf8()).object();
}

bool CliRun::isOneJsonDocument() const {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(out.toUtf8(), &error);
    return error.error == QJsonParseError::NoError && doc.isObject();
}

CliRun runCli(const QStringList& args, const QString& stdinText, const QString& dataHome,
              const QString& lang) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    env.insert(QStringLiteral("LANG"), lang);
    env.remove(QStringLiteral("FRONTDESK_DB"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FRONTDESKCTL_PATH), args);
    if (!p.waitForStarted(10000))
        return {};
    p.write(stdinText.toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(60000);
    CliRun r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace fd::testing
