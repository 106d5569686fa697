// The large profile: ten years of front-desk history (about 11,000 completed handover
// sheets, 55,000 matters, 3,650 duty records, a letter a day), for the benchmarks and for
// trying the program on a database of a real office's size. Written in one transaction
// with one audit row, as an import is; the bus would take hours for 70,000 actions.
#include "audit/audit_log.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "handover/handover_internal.h"
#include "handover/handover_sheet.h"

#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <utility>

namespace fd::handover {
namespace {

constexpr int kYears = 10;
constexpr int kMattersPerSheet = 5;

class Writer final {
public:
    explicit Writer(const QSqlDatabase& db) : db_(db) {}

    Status prepare(QSqlQuery& q, const QString& statement) const {
        q = QSqlQuery(db_);
        if (!q.prepare(statement))
            return fail(Error::internal(q.lastError().text()));
        return {};
    }
    static Status run(QSqlQuery& q, const QVariantList& values) {
        for (int i = 0; i < values.size(); ++i)
            q.bindValue(i, values[i]);
        if (!q.exec())
            return fail(Error::internal(q.lastError().text()));
        return {};
    }

private:
    QSqlDatabase db_;
};

Result<qint64> userId(const Services& s, const Actor& admin, const QString& login,
                      const QString& name) {
    if (!s.users().find(login)) {
        auto r = s.bus().execute({QStringLiteral("user.add"),
                                  {{QStringLiteral("login"), login},
                                   {QStringLiteral("name"), name},
                                   {QStringLiteral("roles"), QStringLiteral("clerk")},
                                   {QStringLiteral("password"), QStringLiteral("demo1234")}},
                                  admin,
                                  {},
                                  {}});
        if (!r)
            return fail(r.error());
    }
    auto u = s.users().find(login);
    if (!u)
        return fail(u.error());
    return u->id;
}

QString utc(const QDate& day, int hour, int minute) {
    return toStorage(QDateTime(day, QTime(0, 0), Clock::officeZone())
                         .addSecs(hour * 3600 + minute * 60)
                         .toUTC());
}

} // namespace

Status seedLargeHistory(const Services& s, const Actor& admin) {
    auto li = userId(s, admin, QStringLiteral("wangfang"), QStringLiteral("王芳"));
    if (!li)
        return fail(li.error());
    auto zhao = userId(s, admin, QStringLiteral("liuyang"), QStringLiteral("刘洋"));
    if (!zhao)
        return fail(zhao.error());
    const QSqlDatabase db = s.database().connection();
    auto tx = WriteTransaction::begin(db, s.database().dialect());
    if (!tx)
        return fail(tx.error());
    Writer w(db);
    QSqlQuery sheet, matter, check, instr, duty, mail;
    // Prepared once, run for every row of the ten years.
    const std::pair<QSqlQuery*, QString> statements[] = {
        {&sheet,
         QStringLiteral("INSERT INTO handover_sheets(post, shift, shift_date, opened_at, "
                        "outgoing_user_id, status, incoming_user_id, completed_at, content) "
                        "VALUES (?,?,?,?,?,'completed',?,?,?)")},
        {&matter, QStringLiteral("INSERT INTO handover_matters(sheet_id, post, cause, course, "
                                 "result, severity, status, created_at, created_by_user_id, "
                                 "handled_at, handled_sheet_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)")},
        {&check, QStringLiteral("INSERT INTO handover_checklist(sheet_id, item, "
                                "title_en, title_zh, state, confirmed_by_user_id, "
                                "confirmed_at) VALUES (?,?,?,?,'present',?,?)")},
        {&instr, QStringLiteral("INSERT INTO handover_instructions(sheet_id, post, issued_by, "
                                "text, recorded_at, acknowledged_at, acknowledged_by_user_id, "
                                "acknowledged_sheet_id) VALUES (?,?,?,?,?,?,?,?)")},
        {&duty, QStringLiteral("INSERT INTO duty_records(duty_date, user_id, "
                               "started_at, ended_at, status, happenings, handling, "
                               "successor_user_id) VALUES (?,?,?,?,'ended',?,?,?)")},
        {&mail, QStringLiteral("INSERT INTO mail_items(kind, addressee, unit, "
                               "received_at, received_by_user_id, status) "
                               "VALUES ('letter',?,?,?,?,?)")},
    };
    for (const auto& [query, statement] : statements)
        if (auto step = w.prepare(*query, statement); !step)
            return fail(step.error());
    const QList<ChecklistItemDef> items = checklistItems(s.policy());
    QList<ShiftDef> shifts = handover::shifts(s.policy(), QStringLiteral("front_desk"));
    std::sort(shifts.begin(), shifts.end(),
              [](const ShiftDef& a, const ShiftDef& b) { return a.start < b.start; });
    const QString post = QStringLiteral("front_desk");
    const QDate today = s.clock().officeToday();
    qint64 sheets = 0;
    qint64 matters = 0;
    qint64 duties = 0;
    for (QDate d = today.addYears(-kYears); d < today; d = d.addDays(1)) {
        const QString day = d.toString(Qt::ISODate);
        for (const ShiftDef& shift : shifts) {
            ++sheets;
            const int start = shift.start.hour();
            const QString at = utc(d, start, 5);
            const QString done = utc(d, start, 7 * 60 + 55);
            const qint64 out = sheets % 2 ? *li : *zhao;
            const qint64 in = sheets % 2 ? *zhao : *li;
            if (auto step = Writer::run(sheet, {post, shift.code, day, at, out, in, done,
                                                QStringLiteral("{\"status\":\"completed\"}")});
                !step)
                return fail(step.error());
            const qint64 id = sheet.lastInsertId().toLongLong();
            for (int m = 0; m < kMattersPerSheet; ++m) {
                // About one matter in 2,500 is still open and carries over.
                const bool open = (id * kMattersPerSheet + m) % 2500 == 7;
                ++matters;
                if (auto step = Writer::run(
                        matter,
                        {id, post, QStringLiteral("第 %1 号事项：业主来电咨询").arg(m + 1),
                         QStringLiteral("已登记并转相关部门"),
                         open ? QStringLiteral("跟进中") : QStringLiteral("已处理完毕"),
                         m == 0 ? QStringLiteral("major") : QStringLiteral("normal"),
                         open ? QStringLiteral("open") : QStringLiteral("handled"), at, out,
                         open ? QVariant() : QVariant(done), open ? QVariant() : QVariant(id)});
                    !step)
                    return fail(step.error());
            }
            for (const ChecklistItemDef& item : items)
                if (auto step =
                        Writer::run(check, {id, item.code, item.title.en, item.title.zh, in, done});
                    !step)
                    return fail(step.error());
            if (id % 3 == 0) {
                const bool ack = id % 999 != 0;
                if (auto step = Writer::run(instr, {id, post, QStringLiteral("李娜"),
                                                    QStringLiteral("加强夜间巡查，注意防火防盗"),
                                                    at, ack ? QVariant(done) : QVariant(),
                                                    ack ? QVariant(in) : QVariant(),
                                                    ack ? QVariant(id) : QVariant()});
                    !step)
                    return fail(step.error());
            }
        }
        ++duties;
        if (auto step =
                Writer::run(duty, {day, *li, utc(d, 8, 25), utc(d.addDays(1), 8, 35),
                                   QStringLiteral("夜间巡查正常"), QStringLiteral("无"), *zhao});
            !step)
            return fail(step.error());
        if (auto step = Writer::run(
                mail,
                {QStringLiteral("业主"), QStringLiteral("A-0101"), utc(d, 10, 15), *li,
                 d.daysTo(today) < 10 ? QStringLiteral("waiting") : QStringLiteral("delivered")});
            !step)
            return fail(step.error());
    }
    const AuditEntry entry{admin.login,
                           QStringLiteral("seed.large"),
                           QStringLiteral("handover"),
                           {},
                           {},
                           {{QStringLiteral("years"), kYears},
                            {QStringLiteral("handover_sheets"), sheets},
                            {QStringLiteral("handover_matters"), matters},
                            {QStringLiteral("duty_records"), duties}},
                           QStringLiteral("large profile"),
                           s.policy().version(),
                           {}};
    if (auto seq = AuditLog::append(db, s.clock().nowUtc(), entry); !seq)
        return fail(seq.error());
    if (auto ok = tx->commit(); !ok)
        return fail(ok.error());
    (void)sql::exec(db, QStringLiteral("ANALYZE"));
    return {};
}

} // namespace fd::handover
