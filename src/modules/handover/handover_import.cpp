// handover.import_history: a batch (a month, say) of an office's earlier registers, as an
// office moving from paper or Excel brings them in and as the large profile writes its ten
// years: completed handover sheets with their matters, instructions and checklist, the duty
// records with their rounds and lighting checks, and the mail register. One transaction and
// one audit row with the counts per call; any problem names the list, row and field, and
// nothing is written.
//
// The file is JSON: {"sheets": [...], "duty_records": [...], "mail": [...]}, every list
// optional, times in office time "yyyy-MM-dd HH:mm", people by login.
//   sheet: post, shift, shift_date, opened_at, completed_at, outgoing, incoming,
//          matters [{cause, course, result, severity, status, created_at}],
//          instructions [{issued_by, text, recorded_at, acknowledged}],
//          checklist [{item, state, note}] (absent: every item of the policy present)
//   duty record: duty_date, on_duty, started_at, ended_at, happenings, handling, successor,
//          inspections [{area, condition, hygiene, staff_quality, discipline, findings,
//          inspected_at}], lighting_checks [{slot, lights_ok, note, checked_at}]
//   mail: kind, addressee, unit, sender, received_at, received_by, delivered_at,
//          delivered_to
// A sheet is stored completed with the content a sheet completed through handover.complete
// has (its matters, the open ones carried from earlier sheets, its instructions, checklist
// and the mail waiting when it was handed over), so it opens and prints like a live one.
#include "handover/handover_internal.h"
#include "module/import_file.h"
#include "rules/policy.h"
#include "util/clock.h"

#include <QHash>
#include <QJsonArray>

namespace fd::handover {
namespace {

using kit::ImportRecord;

struct Person {
    qint64 id = 0;
    QString name;
};

struct ImportedMail {
    qint64 id = 0;
    SheetMail mail;
    QString deliveredAt; // "" while waiting
};

QStringList textList(const QJsonValue& v) {
    return QVariant(v.toArray().toVariantList()).toStringList();
}

class HistoryImport final {
public:
    explicit HistoryImport(const ActionContext& ctx) : ctx_(ctx), db_(ctx.db), sql_(ctx.db) {}

    Status run(const QJsonObject& file) {
        if (auto ok = nextIds(); !ok)
            return ok;
        // The mail first: a sheet lists the mail waiting when it was handed over.
        using Reader = Status (HistoryImport::*)(const ImportRecord&);
        for (const auto& [list, read] :
             {std::pair<const char*, Reader>{"mail", &HistoryImport::mail},
              {"sheets", &HistoryImport::sheet},
              {"duty_records", &HistoryImport::duty}}) {
            auto rows = kit::importRows(file, QLatin1String(list));
            if (!rows)
                return fail(rows.error());
            for (const ImportRecord& row : *rows) {
                const Status ok = (this->*read)(row);
                if (!ok)
                    return ok;
                if (auto problem = row.problem())
                    return fail(*problem);
            }
        }
        if (counts_.value(QStringLiteral("sheets")) +
                counts_.value(QStringLiteral("duty_records")) +
                counts_.value(QStringLiteral("mail")) ==
            0)
            return fail(
                kit::bad(QStringLiteral("file"),
                         QStringLiteral("Nothing was imported: the file holds no sheets, "
                                        "duty records or mail."),
                         QStringLiteral("未导入任何记录：文件中没有交接班记录、值班记录或信件。")));
        // The file's rows were written with the ids they were given.
        for (const char* table : {"handover_sheets", "handover_matters", "handover_instructions"})
            if (auto ok = sql::continueIds(db_, QString::fromLatin1(table)); !ok)
                return ok;
        return {};
    }

    QJsonObject summary() const {
        QJsonObject out;
        for (auto it = counts_.cbegin(); it != counts_.cend(); ++it)
            out.insert(it.key(), it.value());
        if (!first_.isEmpty())
            out.insert(QStringLiteral("from"), first_);
        if (!last_.isEmpty())
            out.insert(QStringLiteral("to"), last_);
        return out;
    }

private:
    Status nextIds() {
        for (const auto& [table, next] :
             {std::pair{"handover_sheets", &sheetId_}, std::pair{"handover_matters", &matterId_},
              std::pair{"handover_instructions", &instructionId_}}) {
            auto v = sql::scalar(
                db_,
                QStringLiteral("SELECT coalesce(max(id), 0) FROM %1").arg(QLatin1String(table)));
            if (!v)
                return fail(v.error());
            *next = v->toLongLong();
        }
        return {};
    }

    // A login of the file, as the person's id and name; unknown logins are refused.
    Person person(const ImportRecord& row, const char* key, bool required) {
        const QString login = row.text(key, required, 60);
        if (login.isEmpty())
            return {};
        if (const auto it = people_.constFind(login); it != people_.cend())
            return *it;
        auto q = sql::exec(
            db_, QStringLiteral("SELECT id, display_name FROM users WHERE login = ?"), {login});
        if (!q || !q->next()) {
            row.refuse(key, QStringLiteral("%1 is not a user's login").arg(login),
                       QStringLiteral("「%1」不是系统用户的登录名").arg(login));
            return {};
        }
        const Person p{q->value(0).toLongLong(), q->value(1).toString()};
        people_.insert(login, p);
        return p;
    }

    void count(const QString& what, qint64 n = 1) { counts_[what] += n; }

    void span(const QString& date) {
        if (first_.isEmpty() || date < first_)
            first_ = date;
        if (last_.isEmpty() || date > last_)
            last_ = date;
    }

    // Times of a row must not run backwards ("earlier" before "later").
    static void inOrder(const ImportRecord& row, const char* key, const QString& earlier,
                        const QString& later) {
        if (!earlier.isEmpty() && !later.isEmpty() && later < earlier)
            row.refuse(key, QStringLiteral("is before %1").arg(fromStorage(earlier).toString()),
                       QStringLiteral("早于 %1").arg(fromStorage(earlier).toString()));
    }

    Status mail(const ImportRecord& row) {
        const QString kind = row.choice("kind",
                                        {QStringLiteral("letter"), QStringLiteral("newspaper"),
                                         QStringLiteral("periodical"), QStringLiteral("parcel")},
                                        QStringLiteral("letter"));
        const QString addressee = row.text("addressee", true, 80);
        const QString unit = row.text("unit", false, 40);
        const QString sender = row.text("sender", false, 80);
        const QString received = row.time("received_at", true);
        const Person by = person(row, "received_by", true);
        const QString delivered = row.time("delivered_at", false);
        const QString to = row.text("delivered_to", false, 80);
        inOrder(row, "delivered_at", received, delivered);
        if (row.problem())
            return {};
        const bool waiting = delivered.isEmpty();
        auto id = sql_.insertId(
            QStringLiteral("INSERT INTO mail_items(kind, addressee, unit, sender, received_at, "
                           "received_by_user_id, status, delivered_at, delivered_by_user_id, "
                           "delivered_to) VALUES (?,?,?,?,?,?,?,?,?,?)"),
            {kind, addressee, unit, sender, received, by.id,
             waiting ? QStringLiteral("waiting") : QStringLiteral("delivered"),
             waiting ? QVariant() : QVariant(delivered), waiting ? QVariant() : QVariant(by.id),
             waiting ? QStringLiteral("") : (to.isEmpty() ? addressee : to)});
        if (!id)
            return fail(id.error());
        mail_.push_back({*id, {*id, kind, addressee, unit, received}, delivered});
        count(QStringLiteral("mail"));
        return {};
    }

    Status sheet(const ImportRecord& row) {
        const Policy& policy = ctx_.services.policy();
        QStringList postCodes;
        for (const PostDef& p : posts(policy))
            postCodes << p.code;
        HandoverSheet s;
        s.post = row.choice("post", postCodes, QStringLiteral("front_desk"));
        QStringList shiftCodes;
        for (const ShiftDef& d : shifts(policy, s.post))
            shiftCodes << d.code;
        s.shift = row.choice("shift", shiftCodes);
        const QDate date = row.date("shift_date");
        s.shiftDate = date.toString(Qt::ISODate);
        s.openedAt = row.time("opened_at", true);
        s.completedAt = row.time("completed_at", true);
        inOrder(row, "completed_at", s.openedAt, s.completedAt);
        s.status = QStringLiteral("completed");
        const Person out = person(row, "outgoing", true);
        const Person in = person(row, "incoming", true);
        if (out.id != 0 && out.id == in.id)
            row.refuse("incoming",
                       QStringLiteral("the incoming person must differ from the outgoing person "
                                      "[R2-2.3]"),
                       QStringLiteral("接班人不能与交班人为同一人【R2-2.3】"));
        if (row.problem())
            return {};
        auto taken = sql_.exec(QStringLiteral("SELECT id FROM handover_sheets WHERE shift_date "
                                              "= ? AND post = ? AND shift = ?"),
                               {s.shiftDate, s.post, s.shift});
        if (!taken)
            return fail(taken.error());
        if ((*taken)->next()) {
            const qint64 other = (*taken)->value(0).toLongLong();
            row.refuse(
                "shift_date",
                QStringLiteral("sheet %1 of this post and shift on %2 exists already")
                    .arg(other)
                    .arg(s.shiftDate),
                QStringLiteral("该岗位 %2 的该班次已有交接班记录 %1").arg(other).arg(s.shiftDate));
            return {};
        }
        s.id = ++sheetId_;
        s.outgoingUserId = out.id;
        s.outgoing = out.name;
        s.incomingUserId = in.id;
        s.incoming = in.name;
        span(s.shiftDate);
        // The sheet row first: its matters, instructions and checklist point at it. It is
        // stored open and completed with its content last, as handover.complete does.
        if (auto ok = sql_.run(QStringLiteral("INSERT INTO handover_sheets(id, post, shift, "
                                              "shift_date, opened_at, outgoing_user_id, "
                                              "incoming_user_id) VALUES (?,?,?,?,?,?,?)"),
                               {s.id, s.post, s.shift, s.shiftDate, s.openedAt, out.id, in.id});
            !ok)
            return ok;
        if (auto ok = carried(s); !ok)
            return ok;
        if (auto ok = matters(row, s); !ok || row.problem())
            return ok;
        if (auto ok = instructions(row, s); !ok || row.problem())
            return ok;
        if (auto ok = checklist(row, s); !ok || row.problem())
            return ok;
        if (s.post == QStringLiteral("front_desk"))
            for (const ImportedMail& m : mail_)
                if (m.mail.receivedAt <= s.completedAt &&
                    (m.deliveredAt.isEmpty() || m.deliveredAt > s.completedAt))
                    s.mail.push_back(m.mail);
        if (!s.mail.isEmpty()) { // checked face to face with the incoming person (R6-6)
            for (const SheetMail& m : s.mail)
                s.mailConfirmedIds << m.id;
            s.mailConfirmedByUserId = in.id;
            s.mailConfirmedBy = in.name;
            s.mailConfirmedAt = s.completedAt;
        }
        if (auto ok = sql_.run(
                QStringLiteral("UPDATE handover_sheets SET status = 'completed', completed_at = ?, "
                               "content = ? WHERE id = ?"),
                {s.completedAt, QString::fromUtf8(canonicalContent(s)), s.id});
            !ok)
            return ok;
        count(QStringLiteral("sheets"));
        return {};
    }

    // Matters raised on earlier sheets of the post and still open carry over (R2-1.3).
    Status carried(HandoverSheet& s) {
        auto q = sql_.exec(
            QStringLiteral("SELECT id, sheet_id, cause, course, result, severity, status, "
                           "created_at FROM handover_matters WHERE post = ? AND status = 'open' "
                           "AND sheet_id < ? ORDER BY id"),
            {s.post, s.id});
        if (!q)
            return fail(q.error());
        while ((*q)->next()) {
            const sql::Row r(**q);
            s.matters.push_back({r.id("id"), r.id("sheet_id"), true, r.text("cause"),
                                 r.text("course"), r.text("result"), r.text("severity"),
                                 r.text("status"), r.text("created_at")});
        }
        return {};
    }

    Status matters(const ImportRecord& sheetRow, HandoverSheet& s) {
        for (const ImportRecord& row : sheetRow.rows("matters")) {
            SheetMatter m;
            m.cause = row.text("cause", true, 1000);
            m.severity = row.choice(
                "severity",
                {QStringLiteral("normal"), QStringLiteral("major"), QStringLiteral("emergency")},
                QStringLiteral("normal"));
            m.status = row.choice("status", {QStringLiteral("open"), QStringLiteral("handled")},
                                  QStringLiteral("handled"));
            const bool handled = m.status == QStringLiteral("handled");
            // A handled matter says what was done and how it ended (R2-1.3).
            m.course = row.text("course", handled, 1000);
            m.result = row.text("result", handled, 1000);
            m.createdAt = row.has("created_at") ? row.time("created_at", true) : s.openedAt;
            inOrder(row, "created_at", s.openedAt, m.createdAt);
            inOrder(row, "created_at", m.createdAt, s.completedAt);
            if (row.problem())
                return {};
            m.id = ++matterId_;
            m.sheetId = s.id;
            if (auto ok = sql_.run(
                    QStringLiteral(
                        "INSERT INTO handover_matters(id, sheet_id, post, cause, course, "
                        "result, severity, status, created_at, created_by_user_id, "
                        "handled_at, handled_sheet_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"),
                    {m.id, s.id, s.post, m.cause, m.course, m.result, m.severity, m.status,
                     m.createdAt, s.outgoingUserId, handled ? QVariant(s.completedAt) : QVariant(),
                     handled ? QVariant(s.id) : QVariant()});
                !ok)
                return ok;
            s.matters.push_back(m);
            count(QStringLiteral("matters"));
        }
        return {};
    }

    Status instructions(const ImportRecord& sheetRow, HandoverSheet& s) {
        for (const ImportRecord& row : sheetRow.rows("instructions")) {
            SheetInstruction n;
            n.issuedBy = row.text("issued_by", true, 80);
            n.text = row.text("text", true, 2000);
            n.recordedAt = row.has("recorded_at") ? row.time("recorded_at", true) : s.openedAt;
            inOrder(row, "recorded_at", n.recordedAt, s.completedAt);
            const bool acknowledged = row.flag("acknowledged", true);
            if (row.problem())
                return {};
            n.id = ++instructionId_;
            if (acknowledged) { // by the incoming person, at the handover
                n.acknowledgedAt = s.completedAt;
                n.acknowledgedBy = s.incoming;
            }
            if (auto ok =
                    sql_.run(QStringLiteral(
                                 "INSERT INTO handover_instructions(id, sheet_id, post, issued_by, "
                                 "text, recorded_at, acknowledged_at, acknowledged_by_user_id, "
                                 "acknowledged_sheet_id) VALUES (?,?,?,?,?,?,?,?,?)"),
                             {n.id, s.id, s.post, n.issuedBy, n.text, n.recordedAt,
                              acknowledged ? QVariant(s.completedAt) : QVariant(),
                              acknowledged ? QVariant(s.incomingUserId) : QVariant(),
                              acknowledged ? QVariant(s.id) : QVariant()});
                !ok)
                return ok;
            s.instructions.push_back(n);
            count(QStringLiteral("instructions"));
        }
        return {};
    }

    // The checklist of the policy, confirmed by the incoming person at the handover; the
    // file may give an item's state and note (absent: every item present).
    Status checklist(const ImportRecord& sheetRow, HandoverSheet& s) {
        const QList<ChecklistItemDef> defs = checklistItems(ctx_.services.policy());
        QStringList codes;
        for (const ChecklistItemDef& d : defs)
            codes << d.code;
        QHash<QString, std::pair<QString, QString>> given; // item -> state, note
        for (const ImportRecord& row : sheetRow.rows("checklist")) {
            const QString item = row.choice("item", codes);
            const QString state =
                row.choice("state", {QStringLiteral("present"), QStringLiteral("missing")},
                           QStringLiteral("present"));
            const QString note = row.text("note", false, 200);
            if (given.contains(item))
                row.refuse("item", QStringLiteral("%1 is listed twice").arg(item),
                           QStringLiteral("「%1」重复").arg(item));
            if (row.problem())
                return {};
            given.insert(item, {state, note});
        }
        int position = 0;
        for (const ChecklistItemDef& d : defs) {
            const auto [state, note] =
                given.value(d.code, {QStringLiteral("present"), QStringLiteral("")});
            if (auto ok = sql_.run(QStringLiteral("INSERT INTO handover_checklist(sheet_id, item, "
                                                  "title_en, title_zh, state, note, "
                                                  "confirmed_by_user_id, confirmed_at, position) "
                                                  "VALUES (?,?,?,?,?,?,?,?,?)"),
                                   {s.id, d.code, d.title.en, d.title.zh, state, note,
                                    s.incomingUserId, s.completedAt, ++position});
                !ok)
                return ok;
            s.checklist.push_back(
                {d.code, d.title, state, note, s.incoming, s.completedAt, s.incomingUserId});
        }
        return {};
    }

    Status duty(const ImportRecord& row) {
        const Policy& policy = ctx_.services.policy();
        const QDate date = row.date("duty_date");
        const Person on = person(row, "on_duty", true);
        const QString started = row.time("started_at", true);
        const QString ended = row.time("ended_at", true);
        inOrder(row, "ended_at", started, ended);
        const QString happenings = row.text("happenings", false, 2000);
        const QString handling = row.text("handling", false, 2000);
        const Person next = person(row, "successor", false);
        if (row.problem())
            return {};
        span(date.toString(Qt::ISODate));
        auto id = sql_.insertId(QStringLiteral("INSERT INTO duty_records(duty_date, user_id, "
                                               "started_at, ended_at, status, happenings, "
                                               "handling, successor_user_id) "
                                               "VALUES (?,?,?,?,'ended',?,?,?)"),
                                {date.toString(Qt::ISODate), on.id, started, ended, happenings,
                                 handling, next.id != 0 ? QVariant(next.id) : QVariant()});
        if (!id)
            return fail(id.error());
        count(QStringLiteral("duty_records"));
        const QStringList areas =
            textList(policy.parameter(QStringLiteral("duty.inspection_areas")));
        for (const ImportRecord& r : row.rows("inspections")) {
            const QString area = r.choice("area", areas);
            QVariantList values{*id, area};
            for (const char* key :
                 {"condition", "hygiene", "staff_quality", "discipline", "findings"})
                values << r.text(key, false, 500);
            const QString at = r.time("inspected_at", true);
            inOrder(r, "inspected_at", started, at);
            if (r.problem())
                return {};
            values << at;
            if (auto ok = sql_.run(QStringLiteral("INSERT INTO duty_inspections(duty_id, area, "
                                                  "condition, hygiene, staff_quality, discipline, "
                                                  "findings, inspected_at) "
                                                  "VALUES (?,?,?,?,?,?,?,?)"),
                                   values);
                !ok)
                return ok;
            count(QStringLiteral("inspections"));
        }
        const QStringList setTimes =
            textList(policy.parameter(QStringLiteral("duty.lighting_check_times")));
        QStringList checked;
        for (const ImportRecord& r : row.rows("lighting_checks")) {
            const QString slot = r.choice("slot", setTimes);
            const bool ok = r.flag("lights_ok", true);
            const QString note = r.text("note", false, 200);
            const QString at = r.time("checked_at", true);
            if (checked.contains(slot))
                r.refuse("slot", QStringLiteral("the %1 check is listed twice").arg(slot),
                         QStringLiteral("%1 的灯光检查重复").arg(slot));
            if (r.problem())
                return {};
            checked << slot;
            if (auto done = sql_.run(QStringLiteral("INSERT INTO duty_lighting_checks(duty_id, "
                                                    "slot, lights_ok, note, checked_at) "
                                                    "VALUES (?,?,?,?,?)"),
                                     {*id, slot, ok ? 1 : 0, note, at});
                !done)
                return done;
            count(QStringLiteral("lighting_checks"));
        }
        return {};
    }

    const ActionContext& ctx_;
    QSqlDatabase db_;
    sql::Statements sql_; // each statement prepared once per batch
    qint64 sheetId_ = 0;
    qint64 matterId_ = 0;
    qint64 instructionId_ = 0;
    QHash<QString, Person> people_;
    QList<ImportedMail> mail_;
    QMap<QString, qint64> counts_;
    QString first_;
    QString last_;
};

} // namespace

void registerImportActions(Services& s) {
    s.actionRegistry().add(kit::importAction<HistoryImport>(
        QStringLiteral("handover.import_history"),
        tx("Import earlier handover, duty and mail registers", "导入历史交接班、值班及信件登记"),
        QStringLiteral("handover_import")));
}

} // namespace fd::handover
