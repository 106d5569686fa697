#include "gui_test_support.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QThread>
#include <QtTest/QTest>
#include <memory>

namespace fd::testing {

void onNextModal(std::function<void(QWidget*)> handle, int timeoutMs) {
    auto* timer = new QTimer;
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, handle, clock, timeoutMs] {
        QWidget* modal = QApplication::activeModalWidget();
        if (modal != nullptr && modal->isVisible()) {
            timer->stop();
            timer->deleteLater();
            handle(modal);
        } else if (clock->elapsed() > timeoutMs) {
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start();
}

bool waitUntil(const std::function<bool()>& done, int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

void typeText(QWidget* widget, const QString& text) {
    for (const QChar c : text) {
        if (c.unicode() < 0x80)
            QTest::keyClick(widget, c.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

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
