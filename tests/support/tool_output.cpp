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
    // Qt maps some CJK glyphs to their Kangxi radical code points (⼤ for 大); NFKC folds
    // them back.
    return runTool(QStringLiteral("pdftotext"), {path, QStringLiteral("-")})
        .normalized(QString::NormalizationForm_KC)
        .replace(QChar(0x2EDA), QChar(0x9875)); // ⻚ (radical supplement) -> 页
}

} // namespace fd::testing
