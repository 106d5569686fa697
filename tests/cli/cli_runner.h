#pragma once

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace fd::testing {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
    // stdout parsed as one JSON document; an empty object when it is not one.
    [[nodiscard]] QJsonObject json() const;
    [[nodiscard]] bool isOneJsonDocument() const;
};

// Runs the real frontdeskctl with `args`, feeding `stdinText` and an environment whose data
// folder is `dataHome` (so logs never land in the developer's home).
CliRun runCli(const QStringList& args, const QString& stdinText, const QString& dataHome,
              const QString& lang = QStringLiteral("C"));

} // namespace fd::testing
