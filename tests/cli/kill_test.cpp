// Kill -9 at random moments: after each kill the file passes integrity_check, the audit
// chain holds, and every note the writer reported as committed is there with its audit row.
#include "audit/audit_log.h"
#include "db/database.h"
#include "db/sql.h"
#include "notes_module.h"
#include "services/services.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <gtest/gtest.h>

namespace fd::testing {
namespace {

TEST(KillTest, EveryReportedNoteSurvivesSigkillWithIntactChain) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("frontdesk.db"));
    const QString policy = writeNotesPolicy(dir.path());
    {
        ServicesOptions options;
        options.databasePath = path;
        options.policyPath = policy;
        options.modules.push_back(notesModule());
        auto s = Services::open(std::move(options));
        ASSERT_TRUE(s.has_value()) << s.error().message.en.toStdString();
        ASSERT_TRUE((*s)->initialise(QStringLiteral("admin"), QStringLiteral("管理员"),
                                     QStringLiteral("admin-pass")));
    }

    QRandomGenerator random(20260302);
    QList<qint64> reported;
    int killedWhileWriting = 0;
    for (int round = 0; round < 30; ++round) {
        QProcess writer;
        writer.start(QStringLiteral(FD_NOTE_WRITER_PATH), {path, policy});
        ASSERT_TRUE(writer.waitForStarted(10000));
        QThread::msleep(50 + random.bounded(351));
        writer.kill(); // SIGKILL
        ASSERT_TRUE(writer.waitForFinished(10000));
        ASSERT_EQ(writer.exitStatus(), QProcess::CrashExit)
            << "the writer stopped by itself: " << writer.readAllStandardError().toStdString();
        const QByteArray out = writer.readAllStandardOutput();
        // Only complete lines count: a line cut by the kill was never fully reported.
        const QList<QByteArray> lines = out.left(out.lastIndexOf('\n') + 1).split('\n');
        int before = reported.size();
        for (const QByteArray& line : lines)
            if (!line.isEmpty())
                reported << line.toLongLong();
        if (reported.size() > before)
            ++killedWhileWriting;

        auto db = Database::openSqlite(path);
        ASSERT_TRUE(db.has_value());
        {
            const QSqlDatabase conn = (*db)->connection();
            auto integrity = sql::scalar(conn, QStringLiteral("PRAGMA integrity_check"));
            ASSERT_TRUE(integrity.has_value());
            EXPECT_EQ(integrity->toString(), QStringLiteral("ok")) << "round " << round;
            auto chain = AuditLog::verify(**db);
            ASSERT_TRUE(chain.has_value());
            EXPECT_TRUE(chain->ok) << "round " << round << ": " << chain->problem.toStdString();
            for (qint64 id : reported) {
                auto note = sql::scalar(
                    conn, QStringLiteral("SELECT count(*) FROM notes WHERE id = ?"), {id});
                auto audit = sql::scalar(
                    conn,
                    QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'note.add' "
                                   "AND entity = 'note' AND entity_id = ?"),
                    {QString::number(id)});
                ASSERT_TRUE(note && audit);
                EXPECT_EQ(note->toInt(), 1) << "note " << id << " was reported but is missing";
                EXPECT_EQ(audit->toInt(), 1) << "note " << id << " has no audit row";
            }
            // Every note has its audit row, reported or not (nothing half-written).
            auto orphans = sql::scalar(
                conn,
                QStringLiteral(
                    "SELECT count(*) FROM notes n WHERE NOT EXISTS (SELECT 1 FROM "
                    "audit_log a WHERE a.entity = 'note' AND a.entity_id = CAST(n.id AS TEXT))"));
            ASSERT_TRUE(orphans.has_value());
            EXPECT_EQ(orphans->toInt(), 0) << "round " << round;
        }
        (*db)->closeThreadConnection();
    }
    RecordProperty("reported_notes", static_cast<int>(reported.size()));
    EXPECT_GT(reported.size(), 30);
    EXPECT_GT(killedWhileWriting, 15); // most kills landed while notes were being written
}

} // namespace
} // namespace fd::testing
