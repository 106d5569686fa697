// Desks racing on one PostgreSQL server, as real frontdeskctl processes started at the same
// moment, fifty times: two supervisors approving the same request make one decision, two
// archivists lending the same volume make one loan and one checkout, two clerks opening the
// same post's handover sheet make one sheet; the audit chain stays whole. Between rounds the
// desk program (this process, services of its own on the same server) returns the loan or
// completes the sheet, so every round races again. Needs FD_TEST_PG (scripts/pg_cluster.sh);
// label postgresql.
#include "all_modules.h"
#include "audit/audit_log.h"
#include "db/database.h"
#include "db/sql.h"
#include "server_database.h"
#include "util/clock.h"
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

// How one racing process ended: its exit code and, with --json, its reply on stdout.
struct Ended {
    int code = -1;
    QJsonObject reply;
    QString output;
    // The field a refusal names ("volumes", "loan_id", "post"); empty for a success.
    [[nodiscard]] QString field() const {
        return reply.value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("field"))
            .toString();
    }
    // A number of the action's result ("loan_id", "sheet_id").
    [[nodiscard]] qint64 result(const char* key) const {
        return reply.value(QStringLiteral("result"))
            .toObject()
            .value(QLatin1String(key))
            .toInteger();
    }
};

Ended ended(QProcess& p) {
    p.waitForFinished(60000);
    Ended e;
    e.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    const QByteArray out = p.readAllStandardOutput();
    e.reply = QJsonDocument::fromJson(out).object();
    e.output = QString::fromUtf8(p.readAllStandardError() + out).trimmed();
    return e;
}

// Runs one command as two processes started together; returns how each ended.
std::pair<Ended, Ended> raceToEnd(const Office& office, const QStringList& first,
                                  const QStringList& second, const QStringList& passwords) {
    auto a = start(QStringList{QStringLiteral("--db"), office.db} + first, passwords, office.data);
    auto b = start(QStringList{QStringLiteral("--db"), office.db} + second, passwords, office.data);
    Ended ea = ended(*a);
    Ended eb = ended(*b);
    return {ea, eb};
}

// The same, giving only the exit codes.
std::pair<int, int> race(const Office& office, const QStringList& first, const QStringList& second,
                         const QStringList& passwords) {
    const auto [a, b] = raceToEnd(office, first, second, passwords);
    return {a.code, b.code};
}

// Exactly one of two racers succeeded; the other was refused on `field`. Gives the winner.
const Ended* oneWinner(const std::pair<Ended, Ended>& r, const QString& field, int round) {
    const auto& [a, b] = r;
    EXPECT_EQ((a.code == 0 ? 1 : 0) + (b.code == 0 ? 1 : 0), 1) << "round " << round << ":\n"
                                                                << a.output.toStdString() << "\n"
                                                                << b.output.toStdString();
    const Ended& loser = a.code == 0 ? b : a;
    EXPECT_EQ(loser.field(), field) << "round " << round << ": " << loser.output.toStdString();
    return a.code == 0 ? &a : b.code == 0 ? &b : nullptr;
}

// The desk program beside the racing processes: services of its own on the same server
// database, for the work between rounds.
class Desk {
public:
    explicit Desk(const QString& address) {
        ServicesOptions options;
        options.databasePath = address;
        auto s = openServices(std::move(options));
        if (!s)
            throw std::runtime_error(s.error().message.en.toStdString());
        services_ = std::move(*s);
    }
    Result<ActionResult> run(const QString& action, const QString& login, const QVariantMap& params,
                             const QStringList& signers = {}) const {
        auto u = services_->users().find(login);
        if (!u)
            return fail(u.error());
        std::vector<SignatureInput> signatures;
        for (const QString& s : signers) {
            const auto [meaning, who] =
                std::pair{s.section(QLatin1Char('='), 0, 0), s.section(QLatin1Char('='), 1)};
            signatures.push_back({meaning, who, kPass});
        }
        return services_->bus().execute(
            {action, params, Actor{u->id, u->login, u->displayName, u->roles, u->staffId},
             std::move(signatures), QString()});
    }
    [[nodiscard]] QSqlDatabase db() const { return services_->database().connection(); }

private:
    std::unique_ptr<Services> services_;
};

void initOffice(const Office& office, const QStringList& users) {
    QString out;
    ASSERT_EQ(
        office.run({QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("admin")},
                   {kPass}, &out),
        0)
        << out.toStdString();
    for (const QString& user : users)
        office.addUser(user.section(QLatin1Char(':'), 0, 0), user.section(QLatin1Char(':'), 1));
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

TEST(PostgresRace, TwoDesksLendingTheSameVolumeAtOnceMakeOneLoan) {
    ServerDatabase server;
    FD_NEEDS_SERVER(server);
    Office office(server.address());
    ASSERT_NO_FATAL_FAILURE(initOffice(
        office, {QStringLiteral("keeper1:archivist"), QStringLiteral("keeper2:archivist")}));
    const Desk desk(server.address());
    // One ordinary volume with one item in cabinet A01.
    for (const auto& [action, params, signers] :
         {std::tuple{QStringLiteral("archive.add_cabinet"),
                     QVariantMap{{QStringLiteral("code"), QStringLiteral("A01")},
                                 {QStringLiteral("name"), QStringLiteral("档案柜A01")}},
                     QStringList{}},
          std::tuple{QStringLiteral("archive.create_volume"),
                     QVariantMap{{QStringLiteral("number"), QStringLiteral("WY-001")},
                                 {QStringLiteral("title"), QStringLiteral("公共区域维修记录")},
                                 {QStringLiteral("category_id"), 4},
                                 {QStringLiteral("department"), QStringLiteral("客服部")},
                                 {QStringLiteral("retention_years"), 10},
                                 {QStringLiteral("confidentiality"), QStringLiteral("ordinary")},
                                 {QStringLiteral("cabinet"), QStringLiteral("A01")},
                                 {QStringLiteral("date_from"), QDate(2020, 1, 1)},
                                 {QStringLiteral("date_to"), QDate(2020, 12, 31)}},
                     QStringList{}},
          std::tuple{QStringLiteral("archive.file_item"),
                     QVariantMap{{QStringLiteral("volume"), QStringLiteral("WY-001")},
                                 {QStringLiteral("title"), QStringLiteral("电梯年检报告")},
                                 {QStringLiteral("item_date"), QDate(2020, 6, 1)},
                                 {QStringLiteral("pages"), 3},
                                 {QStringLiteral("responsible"), QStringLiteral("王芳")}},
                     QStringList{QStringLiteral("handed_over=keeper2"),
                                 QStringLiteral("received=keeper1")}}}) {
        auto r = desk.run(action, QStringLiteral("keeper1"), params, signers);
        ASSERT_TRUE(r) << action.toStdString() << ": " << r.error().message.en.toStdString();
    }
    // A parent-company inspection read on site: registered without approval (R1-1.2.9), the
    // inspector signs the slip on paper.
    const QString due = SystemClock().officeToday().addDays(1).toString(Qt::ISODate);
    const QString inspector = QStringLiteral("集团检查组");
    const QString card = QStringLiteral("工作证 JT-0098");
    auto registerLoan = [&](const QString& who) {
        return QStringList{QStringLiteral("--json"),
                           QStringLiteral("do"),
                           QStringLiteral("archive.request_loan"),
                           QStringLiteral("--as"),
                           who,
                           QStringLiteral("borrower_kind=parent_company"),
                           QStringLiteral("borrower_name=") + inspector,
                           QStringLiteral("organisation=集团公司"),
                           QStringLiteral("purpose=年度检查"),
                           QStringLiteral("mode=on_site"),
                           QStringLiteral("due_date=") + due,
                           QStringLiteral("volumes=WY-001")};
    };
    auto lend = [&](const QString& who, qint64 loan) {
        return QStringList{QStringLiteral("--json"),
                           QStringLiteral("do"),
                           QStringLiteral("archive.lend"),
                           QStringLiteral("--as"),
                           who,
                           QStringLiteral("--sign"),
                           QStringLiteral("archivist=") + who,
                           QStringLiteral("loan_id=%1").arg(loan),
                           QStringLiteral("count=1"),
                           QStringLiteral("signer_name=") + inspector,
                           QStringLiteral("signer_id_document=") + card};
    };
    const QString openLoans = QStringLiteral(
        "SELECT count(*) FROM archive_loan_lines l JOIN archive_loans o ON o.id = l.loan_id "
        "JOIN archive_volumes v ON v.id = l.volume_id WHERE v.number = 'WY-001' AND "
        "o.status <> 'returned'");
    for (int round = 0; round < kRounds; ++round) {
        // Both desks register the inspection of the same volume: one loan, the other desk is
        // told the volume is on loan.
        const auto registered = raceToEnd(office, registerLoan(QStringLiteral("keeper1")),
                                          registerLoan(QStringLiteral("keeper2")), {kPass});
        const Ended* registrar = oneWinner(registered, QStringLiteral("volumes"), round);
        ASSERT_NE(registrar, nullptr) << "round " << round;
        ASSERT_EQ(count(server.address(), openLoans), 1) << "round " << round;
        const qint64 loan = registrar->result("loan_id");
        ASSERT_EQ(count(server.address(),
                        QStringLiteral("SELECT id FROM archive_loans WHERE status = 'approved'")),
                  loan)
            << registrar->output.toStdString();
        // Both desks hand the volume over: one checkout, the other is told it is out already.
        const auto lent = raceToEnd(office, lend(QStringLiteral("keeper1"), loan),
                                    lend(QStringLiteral("keeper2"), loan), {kPass, kPass});
        oneWinner(lent, QStringLiteral("loan_id"), round);
        ASSERT_EQ(count(server.address(),
                        QStringLiteral("SELECT count(*) FROM archive_loans WHERE status = 'out'")),
                  1)
            << "round " << round;
        // The inspector gives it back at the desk program; the next round lends it again.
        auto back = desk.run(QStringLiteral("archive.return"), QStringLiteral("keeper1"),
                             {{QStringLiteral("loan_id"), loan},
                              {QStringLiteral("count"), 1},
                              {QStringLiteral("condition"), QStringLiteral("good")},
                              {QStringLiteral("signer_name"), inspector},
                              {QStringLiteral("signer_id_document"), card}},
                             {QStringLiteral("archivist=keeper1")});
        ASSERT_TRUE(back) << "round " << round << ": " << back.error().message.en.toStdString();
    }
    EXPECT_EQ(count(server.address(), QStringLiteral("SELECT count(*) FROM archive_loans")),
              kRounds);
    EXPECT_EQ(count(server.address(),
                    QStringLiteral("SELECT count(*) FROM archive_loans WHERE status = 'returned' "
                                   "AND checkout_count = 1 AND return_count = 1")),
              kRounds);
    EXPECT_EQ(count(server.address(), QStringLiteral("SELECT count(*) FROM archive_loan_lines")),
              kRounds);
    EXPECT_EQ(count(server.address(), QStringLiteral("SELECT count(*) FROM audit_log WHERE "
                                                     "action = 'archive.request_loan'")),
              kRounds);
    EXPECT_EQ(count(server.address(),
                    QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'archive.lend'")),
              kRounds);
    EXPECT_EQ(count(server.address(), QStringLiteral("SELECT count(*) FROM archive_incidents")), 0);
    expectWholeChain(server.address());
}

TEST(PostgresRace, TwoClerksOpeningTheSamePostsSheetAtOnceMakeOneSheet) {
    ServerDatabase server;
    FD_NEEDS_SERVER(server);
    Office office(server.address());
    ASSERT_NO_FATAL_FAILURE(
        initOffice(office, {QStringLiteral("clerk1:clerk"), QStringLiteral("clerk2:clerk"),
                            QStringLiteral("clerk3:clerk")}));
    const Desk desk(server.address());
    const QString post = QStringLiteral("cs_office");
    auto open = [&](const QString& who) {
        return QStringList{QStringLiteral("--json"),
                           QStringLiteral("do"),
                           QStringLiteral("handover.open"),
                           QStringLiteral("--as"),
                           who,
                           QStringLiteral("post=") + post};
    };
    const QString openSheets = QStringLiteral(
        "SELECT count(*) FROM handover_sheets WHERE post = 'cs_office' AND status = 'open'");
    for (int round = 0; round < kRounds; ++round) {
        const auto opened = raceToEnd(office, open(QStringLiteral("clerk1")),
                                      open(QStringLiteral("clerk2")), {kPass});
        const Ended* winner = oneWinner(opened, QStringLiteral("post"), round);
        ASSERT_NE(winner, nullptr) << "round " << round;
        ASSERT_EQ(count(server.address(), openSheets), 1) << "round " << round;
        const qint64 sheet =
            count(server.address(),
                  QStringLiteral("SELECT id FROM handover_sheets WHERE status = 'open'"));
        ASSERT_EQ(winner->result("sheet_id"), sheet) << winner->output.toStdString();
        // One sheet with its own checklist: the loser wrote nothing.
        ASSERT_EQ(count(server.address(),
                        QStringLiteral("SELECT count(DISTINCT sheet_id) FROM handover_checklist")),
                  round + 1);
        // The winner hands over to clerk3 at the desk program: every item checked (the
        // front-desk keys face to face, R6-7), both sign; the next round opens again.
        const QString outgoing =
            opened.first.code == 0 ? QStringLiteral("clerk1") : QStringLiteral("clerk2");
        auto items = sql::list<QString>(
            desk.db(),
            QStringLiteral(
                "SELECT item FROM handover_checklist WHERE sheet_id = ? ORDER BY position"),
            {sheet}, [](const QSqlQuery& q) { return q.value(0).toString(); });
        ASSERT_TRUE(items);
        for (const QString& item : *items) {
            const bool keys = item == QStringLiteral("front_desk_keys");
            auto r =
                desk.run(QStringLiteral("handover.confirm_item"), outgoing,
                         {{QStringLiteral("sheet_id"), sheet},
                          {QStringLiteral("item"), item},
                          {QStringLiteral("state"), QStringLiteral("present")}},
                         keys ? QStringList{QStringLiteral("incoming=clerk3")} : QStringList{});
            ASSERT_TRUE(r) << item.toStdString() << ": " << r.error().message.en.toStdString();
        }
        auto done = desk.run(
            QStringLiteral("handover.complete"), outgoing, {{QStringLiteral("sheet_id"), sheet}},
            {QStringLiteral("outgoing=") + outgoing, QStringLiteral("incoming=clerk3")});
        ASSERT_TRUE(done) << "round " << round << ": " << done.error().message.en.toStdString();
    }
    EXPECT_EQ(count(server.address(), QStringLiteral("SELECT count(*) FROM handover_sheets")),
              kRounds);
    EXPECT_EQ(count(server.address(), QStringLiteral("SELECT count(*) FROM handover_sheets WHERE "
                                                     "status = 'completed'")),
              kRounds);
    EXPECT_EQ(
        count(server.address(),
              QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'handover.open'")),
        kRounds);
    expectWholeChain(server.address());
}
