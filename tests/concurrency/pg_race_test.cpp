// Desks racing on one PostgreSQL server, as real frontdeskctl processes started at the same
// moment, fifty times: two supervisors approving the same request make one decision, and the
// audit chain stays whole. Needs FD_TEST_PG (scripts/pg_cluster.sh); label postgresql.
#include "audit/audit_log.h"
#include "db/database.h"
#include "db/sql.h"
#include "server_database.h"
#include "writer_loop.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <memory>
#include <vector>

using namespace fd;
using namespace fd::testing;

namespace {

constexpr int kRounds = 50;
const QString kPass = QStringLiteral("Desk-pass-2026");

// One frontdeskctl process, started now; its passwords are fed on stdin.
std::unique_ptr<QProcess> start(const QStringList& args, const QStringList& passwords,
                                const QString& dataHome) {
    auto p = std::make_unique<QProcess>();
    p->setProcessEnvironment(childEnvironment(dataHome));
    p->start(QStringLiteral(FRONTDESKCTL_PATH), args);
    p->waitForStarted(10000);
    for (const QString& line : passwords)
        p->write((line + QLatin1Char('\n')).toUtf8());
    p->closeWriteChannel();
    return p;
}

struct Office {
    QTemporaryDir dir;
    QString db;
    QString data;
    explicit Office(const QString& address) : db(address) {
        data = dir.filePath(QStringLiteral("data"));
    }
    int run(const QStringList& args, const QStringList& passwords, QString* out = nullptr) const {
        return runToEnd(QStringList{QStringLiteral("--db"), db} + args, passwords, data, out);
    }
    void addUser(const QString& login, const QString& role) const {
        QString out;
        ASSERT_EQ(run({QStringLiteral("user"), QStringLiteral("add"), login,
                       QStringLiteral("--name"), login, QStringLiteral("--role"), role,
                       QStringLiteral("--as"), QStringLiteral("admin")},
                      {kPass, kPass}, &out),
                  0)
            << out.toStdString();
    }
};

// Runs one command as two processes started together; returns their exit codes.
std::pair<int, int> race(const Office& office, const QStringList& first, const QStringList& second,
                         const QStringList& passwords) {
    auto a = start(QStringList{QStringLiteral("--db"), office.db} + first, passwords, office.data);
    auto b = start(QStringList{QStringLiteral("--db"), office.db} + second, passwords, office.data);
    a->waitForFinished(60000);
    b->waitForFinished(60000);
    return {a->exitCode(), b->exitCode()};
}

void expectWholeChain(const QString& address, qint64* rows = nullptr) {
    auto db = Database::open(address);
    ASSERT_TRUE(db) << db.error().message.en.toStdString();
    auto chain = AuditLog::verify(**db);
    ASSERT_TRUE(chain) << chain.error().message.en.toStdString();
    EXPECT_TRUE(chain->ok) << chain->problem.toStdString();
    if (rows != nullptr)
        *rows = chain->rows;
}

qint64 count(const QString& address, const QString& statement) {
    auto db = Database::open(address);
    if (!db)
        return -1;
    auto v = sql::scalar((*db)->connection(), statement);
    return v ? v->toLongLong() : -1;
}

} // namespace

TEST(PostgresRace, TwoSupervisorsApprovingTheSameRequestAtOnceMakeOneDecision) {
    ServerDatabase server;
    FD_NEEDS_SERVER(server);
    Office office(server.address());
    QString out;
    ASSERT_EQ(
        office.run({QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("admin")},
                   {kPass}, &out),
        0)
        << out.toStdString();
    office.addUser(QStringLiteral("clerk"), QStringLiteral("clerk"));
    office.addUser(QStringLiteral("sup1"), QStringLiteral("supervisor"));
    office.addUser(QStringLiteral("sup2"), QStringLiteral("supervisor"));
    int decided = 0;
    for (int round = 0; round < kRounds; ++round) {
        ASSERT_EQ(office.run({QStringLiteral("--json"), QStringLiteral("do"),
                              QStringLiteral("custody.request"), QStringLiteral("--as"),
                              QStringLiteral("clerk"), QStringLiteral("kind=custody"),
                              QStringLiteral("item=雨伞 %1").arg(round),
                              QStringLiteral("depositor=住户"), QStringLiteral("recipient=住户")},
                             {kPass}, &out),
                  0)
            << out.toStdString();
        // The reply's JSON follows the note on the merged output.
        const qint64 id = QJsonDocument::fromJson(out.mid(out.indexOf(QLatin1Char('{'))).toUtf8())
                              .object()
                              .value(QStringLiteral("approval_id"))
                              .toInteger();
        ASSERT_GT(id, 0) << out.toStdString();
        auto approve = [id](const QString& who) {
            return QStringList{QStringLiteral("do"),           QStringLiteral("approval.approve"),
                               QStringLiteral("--as"),         who,
                               QStringLiteral("--sign"),       QStringLiteral("approver=") + who,
                               QStringLiteral("id=%1").arg(id)};
        };
        const auto [a, b] = race(office, approve(QStringLiteral("sup1")),
                                 approve(QStringLiteral("sup2")), {kPass, kPass});
        // One decision; the other desk is told the request was decided already.
        EXPECT_EQ((a == 0 ? 1 : 0) + (b == 0 ? 1 : 0), 1)
            << "round " << round << ": " << a << ", " << b;
        decided += a == 0 || b == 0 ? 1 : 0;
    }
    EXPECT_EQ(decided, kRounds);
    EXPECT_EQ(count(server.address(), QStringLiteral("SELECT count(*) FROM custody_items")),
              kRounds);
    EXPECT_EQ(count(server.address(),
                    QStringLiteral("SELECT count(*) FROM approvals WHERE status = 'approved'")),
              kRounds);
    expectWholeChain(server.address());
}
