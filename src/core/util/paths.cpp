#include "util/paths.h"

#include <QDir>
#include <QStandardPaths>

namespace fd::paths {

QString dataDirectory() {
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share");
    dir += QStringLiteral("/frontdesk");
    QDir().mkpath(dir);
    return dir;
}

QString databasePath(const QString& commandLineChoice) {
    if (!commandLineChoice.isEmpty())
        return commandLineChoice;
    const QString env = qEnvironmentVariable("FRONTDESK_DB");
    if (!env.isEmpty())
        return env;
    return QDir(dataDirectory()).filePath(QStringLiteral("frontdesk.db"));
}

} // namespace fd::paths
