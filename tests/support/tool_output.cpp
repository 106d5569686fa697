#include "tool_output.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>

namespace fd::testing {

QString runTool(const QString& program, const QStringList& arguments) {
    QProcess p;
    p.start(program, arguments);
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString pdfText(const QString& path) {
    if (const QByteArray keep = qgetenv("FD_GUI_TEST_OUTPUT"); !keep.isEmpty())
        QFile::copy(path,
                    QString::fromLocal8Bit(keep) + QLatin1Char('/') + QFileInfo(path).fileName());
    // As read, with no folding of radicals: the printer names the ideographs it drew
    // (withIdeographsForRadicals), and a test sees what a search of the archived PDF sees.
    return runTool(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
}

} // namespace fd::testing
