// The desk program's own services (in this process, as the desktop program opens them)
// log calls through the handover page while three frontdeskctl processes write the same
// database file: nobody sees "database is locked".
#include "audit/audit_log.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "gui_test_support.h"
#include "pages/handover/handover_page.h"
#include "session.h"
#include "test_services.h"
#include "writer_loop.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QtTest/QTest>
#include <gtest/gtest.h>
#include <memory>
#include <vector>

using namespace fd;
using namespace fd::testing;

namespace {

// Fills the call form that the next click opens and presses OK. An error box the page
// shows instead is recorded and closed, and so is the form left open behind it.
void logCallThroughTheForm(QPushButton* button, int n, QStringList& errors) {
    bool handled = false;
    onNextModal([&](QWidget* dialog) {
        handled = true;
        dialog->findChild<QLineEdit*>(QStringLiteral("caller"))
            ->setText(QStringLiteral("业主 desk-%1").arg(n));
        dialog->findChild<QLineEdit*>(QStringLiteral("caller_phone"))
            ->setText(QStringLiteral("13900139000"));
        dialog->findChild<QLineEdit*>(QStringLiteral("subject"))
            ->setText(QStringLiteral("desk call %1").arg(n));
        QTimer errorWatch;
        errorWatch.setInterval(10);
        QObject::connect(&errorWatch, &QTimer::timeout, [&errors] {
            QWidget* modal = QApplication::activeModalWidget();
            if (auto* box = qobject_cast<QMessageBox*>(modal)) {
                errors << box->text();
                box->done(QMessageBox::Ok);
            }
        });
        errorWatch.start();
        dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))
            ->button(QDialogButtonBox::Ok)
            ->click();
        errorWatch.stop();
        if (dialog->isVisible())
            qobject_cast<QDialog*>(dialog)->reject();
    });
    QTest::mouseClick(button, Qt::LeftButton);
    if (!handled)
        errors << QStringLiteral("desk call %1: the form did not open").arg(n);
}

} // namespace

TEST(Concurrency, DeskLogsCallsWhileThreeProcessesWriteTheSameFileWithoutAFailure) {
    WriteTransaction::setStrict(true);
    TestServices ts;
    ts.addUser(QStringLiteral("wangfang"), {QStringLiteral("clerk")}, QStringLiteral("王芳"));
    ts.addUser(QStringLiteral("liuyang"), {QStringLiteral("clerk")}, QStringLiteral("刘洋"));
    const int seenBefore = WriteTransaction::activeStatementsSeen();
    const qint64 auditBefore = ts.auditCount();
    const QString data = ts.dirPath() + QStringLiteral("/data");

    std::vector<std::unique_ptr<WriterLoop>> loops;
    for (int i = 0; i < 3; ++i)
        loops.push_back(std::make_unique<WriterLoop>(
            WriterLoop::Options{ts.path(),
                                data,
                                QStringLiteral("liuyang"),
                                TestServices::passwordOf(QStringLiteral("liuyang")),
                                25,
                                QStringLiteral("p%1").arg(i + 1),
                                {}}));
    for (auto& l : loops)
        l->start();
    auto running = [&] {
        for (const auto& l : loops)
            if (!l->done())
                return true;
        return false;
    };

    // The clerk signs in at the desk while the processes write (the login records the attempt).
    auto actor = ts->users().authenticate(QStringLiteral("wangfang"),
                                          TestServices::passwordOf(QStringLiteral("wangfang")));
    ASSERT_TRUE(actor) << actor.error().message.en.toStdString();
    gui::Session session(ts.services(), *actor);
    gui::HandoverPage page(session);
    page.show();
    auto* button = page.findChild<QPushButton*>(QStringLiteral("logCall"));
    ASSERT_NE(button, nullptr);

    // Calls at the desk for as long as the processes write (at least 25, at most 300).
    QStringList deskErrors;
    int deskCalls = 0;
    while ((running() || deskCalls < 25) && deskCalls < 300) {
        logCallThroughTheForm(button, ++deskCalls, deskErrors);
        QCoreApplication::processEvents();
    }
    ASSERT_TRUE(waitUntil([&] { return !running(); }, 120000))
        << "the writers did not finish in time";

    QStringList errors = deskErrors;
    int processFailures = 0;
    for (const auto& l : loops) {
        processFailures += l->failed();
        errors += l->errors();
    }
    EXPECT_TRUE(deskErrors.isEmpty()) << errors.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(processFailures, 0) << errors.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(WriteTransaction::activeStatementsSeen(), seenBefore);
    EXPECT_EQ(ts.count(QStringLiteral("phone_calls")), 75 + deskCalls);
    EXPECT_EQ(ts.auditCount(), auditBefore + 75 + deskCalls);
    auto chain = AuditLog::verify(ts->database(), std::nullopt);
    ASSERT_TRUE(chain) << chain.error().message.en.toStdString();
    EXPECT_TRUE(chain->ok) << chain->problem.toStdString();
    WriteTransaction::setStrict(false);
}
