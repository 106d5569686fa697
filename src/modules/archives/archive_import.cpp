// archive.import: a batch of an office's existing archive, as it moves from paper or Excel
// registers and as the large profile writes its 20,000 volumes: volumes with their items,
// documents, and loans (returned, out or approved). One transaction and one audit row with
// the counts per call; every record is put in the search index as the live actions do; any
// problem names the list, row and field, and nothing is written. On PostgreSQL the new rows
// go to the server many to a statement (NewRows), not one round trip each.
//
// The file is JSON: {"volumes": [...], "documents": [...], "loans": [...]}, every list
// optional, dates "yyyy-MM-dd", times office time "yyyy-MM-dd HH:mm", staff by login.
//   volume: number, title, category (code, e.g. S4), department, organisation,
//           retention_years (0: permanent), confidentiality, cabinet, shelf, position,
//           date_from, date_to, items [{title, item_date, original, copy_reason, pages,
//           responsible}]
//   document: kind, number, title, doc_type, sender, recipient, department, doc_date,
//           confidentiality
//   loan: borrower_kind, borrower (a staff member's name for staff), organisation, purpose,
//         mode, volumes ("WY-000001,WY-000002"), due_date, requested_by, requested_at,
//         approved_by, checked_out_at, archivist, returned_at, return_condition
#include "archive_search.h"
#include "archives_internal.h"
#include "db/dialect.h"
#include "module/import_file.h"
#include "util/clock.h"

#include <QHash>
#include <QSet>
#include <algorithm>

namespace fd::archives {
namespace {

// Values bound to one multi-row INSERT (PostgreSQL takes at most 65535 parameters), and the
// values the rows of all tables may hold before they are sent.
constexpr qsizetype kValuesPerStatement = 30000;
constexpr qsizetype kValuesWaiting = 100000;
// Volume numbers looked up with one statement.
constexpr qsizetype kNumbersPerLookup = 500;
// A volume a loan names: number, id, item count, restricted, status. Destroyed volumes are
// left out by the caller, not by a condition here: one on the status would lead SQLite to
// scan the volumes by status instead of finding them by number.
const QString kVolumeForLoan = QStringLiteral(
    "SELECT v.number, v.id, (SELECT count(*) FROM archive_items i WHERE i.volume_id = v.id), "
    "v.confidentiality <> 'ordinary' OR c.kind = 'personnel', v.status FROM archive_volumes v "
    "JOIN archive_categories c ON c.id = v.category_id WHERE v.number ");

QString oneRowOf(qsizetype columns) {
    return QLatin1Char('(') + QStringList(columns, QStringLiteral("?")).join(QLatin1Char(',')) +
           QLatin1Char(')');
}

QString insertInto(const QString& table, const QStringList& columns, qsizetype rows) {
    return QStringLiteral("INSERT INTO %1(%2) VALUES %3")
        .arg(table, columns.join(QStringLiteral(", ")),
             QStringList(rows, oneRowOf(columns.size())).join(QLatin1Char(',')));
}

using kit::ImportRecord;

const QStringList kConfidentiality{QStringLiteral("ordinary"), QStringLiteral("secret"),
                                   QStringLiteral("confidential")};

struct ImportedVolume {
    qint64 id = 0;
    int items = 0;
    bool restricted = false;
};

class ArchiveImport final {
public:
    explicit ArchiveImport(const ActionContext& ctx)
        : ctx_(ctx), sql_(ctx.db), now_(toStorage(ctx.now)) {}

    Status run(const QJsonObject& file) {
        using Reader = Status (ArchiveImport::*)(const ImportRecord&);
        using Ahead = Status (ArchiveImport::*)(const QJsonArray&);
        // Volumes first: a loan of the same file may name them.
        for (const auto& [list, read, ahead] :
             {std::tuple<const char*, Reader, Ahead>{"volumes", &ArchiveImport::volume,
                                                     &ArchiveImport::volumesAhead},
              {"documents", &ArchiveImport::document, &ArchiveImport::documentsAhead},
              {"loans", &ArchiveImport::loan, &ArchiveImport::loansAhead}}) {
            auto rows = kit::importRows(file, QLatin1String(list));
            if (!rows)
                return fail(rows.error());
            if (rows->isEmpty())
                continue;
            if (auto ok = (this->*ahead)(file.value(QLatin1String(list)).toArray()); !ok)
                return ok;
            for (const ImportRecord& row : *rows) {
                if (auto ok = (this->*read)(row); !ok)
                    return ok;
                if (auto problem = row.problem())
                    return fail(*problem);
            }
        }
        if (counts_.isEmpty())
            return fail(bad(QStringLiteral("file"),
                            tx("Nothing was imported: the file holds no volumes, documents or "
                               "loans.",
                               "未导入任何记录：文件中没有案卷、文件或借阅记录。")));
        return rows_.flush();
    }

    QJsonObject summary() const {
        QJsonObject out;
        for (auto it = counts_.cbegin(); it != counts_.cend(); ++it)
            out.insert(it.key(), it.value());
        return out;
    }

private:
    void count(const char* what, qint64 n = 1) { counts_[QLatin1String(what)] += n; }

    // The file's text `key` of each record of `list`, as a record reads it.
    static QStringList texts(const QJsonArray& list, const char* key) {
        QStringList out;
        for (const QJsonValue& v : list)
            out << v.toObject().value(QLatin1String(key)).toString().trimmed();
        return out;
    }

    // The volumes of `numbers` the archive holds, a few hundred numbers a statement; `found`
    // is given each one's row (number first).
    template <typename Found>
    Status lookUpVolumes(const QString& select, QStringList numbers, Found&& found) {
        numbers.removeAll(QString());
        numbers.removeDuplicates();
        for (qsizetype from = 0; from < numbers.size(); from += kNumbersPerLookup) {
            const QStringList part = numbers.mid(from, kNumbersPerLookup);
            QVariantList binds;
            for (const QString& n : part)
                binds << n;
            auto q = sql_.exec(
                select.arg(QStringList(part.size(), QStringLiteral("?")).join(QLatin1Char(','))),
                binds);
            if (!q)
                return fail(q.error());
            while ((*q)->next())
                found(**q);
            (*q)->finish();
        }
        return {};
    }

    // Before the volumes: the numbers the archive has taken already, and the ids the
    // volumes, their items and their index rows will take.
    Status volumesAhead(const QJsonArray& list) {
        qint64 items = 0;
        for (const QJsonValue& v : list)
            items += v.toObject().value(QStringLiteral("items")).toArray().size();
        const qint64 volumes = list.size();
        for (const auto& [table, n] :
             {std::pair{QStringLiteral("archive_volumes"), volumes},
              std::pair{QStringLiteral("archive_items"), items},
              std::pair{QStringLiteral("archive_search"), volumes + items}})
            if (auto ok = rows_.reserve(table, n); !ok)
                return ok;
        return lookUpVolumes(
            QStringLiteral("SELECT number FROM archive_volumes WHERE number IN (%1)"),
            texts(list, "number"),
            [this](const QSqlQuery& q) { taken_.insert(q.value(0).toString()); });
    }

    Status documentsAhead(const QJsonArray& list) {
        for (const QString& table : {QStringLiteral("documents"), QStringLiteral("archive_search")})
            if (auto ok = rows_.reserve(table, static_cast<qint64>(list.size())); !ok)
                return ok;
        return {};
    }

    // Before the loans, on PostgreSQL: the archive's volumes they name, with their item
    // counts, a few hundred a statement (SQLite finds each as a loan names it).
    Status loansAhead(const QJsonArray& list) {
        if (auto ok =
                rows_.reserve(QStringLiteral("archive_loans"), static_cast<qint64>(list.size()));
            !ok)
            return ok;
        if (!rows_.batched())
            return {};
        QStringList numbers;
        for (const QString& named : texts(list, "volumes"))
            for (const QString& n : named.split(QLatin1Char(','), Qt::SkipEmptyParts))
                if (!volumes_.contains(n.trimmed()))
                    numbers << n.trimmed();
        return lookUpVolumes(
            kVolumeForLoan + QStringLiteral("IN (%1)"), numbers, [this](const QSqlQuery& q) {
                if (q.value(4).toString() == QStringLiteral("active"))
                    volumes_.insert(q.value(0).toString(),
                                    ImportedVolume{q.value(1).toLongLong(), q.value(2).toInt(),
                                                   q.value(3).toBool()});
            });
    }

    // A category of the archive by code: its id, custodian and kind; none when unknown.
    struct Category {
        qint64 id = 0;
        QString custodian;
        QString kind;
    };
    Result<std::optional<Category>> category(const QString& code) {
        if (const auto it = categories_.constFind(code); it != categories_.cend())
            return *it;
        auto q = sql_.exec(
            QStringLiteral("SELECT id, custodian, kind FROM archive_categories WHERE code = ?"),
            {code});
        if (!q)
            return fail(q.error());
        std::optional<Category> c;
        if ((*q)->next())
            c = Category{(*q)->value(0).toLongLong(), (*q)->value(1).toString(),
                         (*q)->value(2).toString()};
        (*q)->finish();
        categories_.insert(code, c);
        return c;
    }

    // Whether a cabinet is locked; none when there is no such cabinet.
    Result<std::optional<bool>> cabinetLocked(const QString& code) {
        if (const auto it = cabinets_.constFind(code); it != cabinets_.cend())
            return *it;
        auto q =
            sql_.exec(QStringLiteral("SELECT locked FROM archive_cabinets WHERE code = ?"), {code});
        if (!q)
            return fail(q.error());
        std::optional<bool> locked;
        if ((*q)->next())
            locked = (*q)->value(0).toInt() == 1;
        (*q)->finish();
        cabinets_.insert(code, locked);
        return locked;
    }

    // A login of the file, as stored in the archive's text columns; unknown ones are refused.
    QString login(const ImportRecord& row, const char* key, bool required) {
        const QString login = row.text(key, required, 60);
        if (login.isEmpty() || logins_.contains(login))
            return login;
        auto q = sql_.exec(QStringLiteral("SELECT id FROM users WHERE login = ?"), {login});
        if (!q || !(*q)->next()) {
            row.refuse(key, QStringLiteral("%1 is not a user's login").arg(login),
                       QStringLiteral("「%1」不是系统用户的登录名").arg(login));
            return {};
        }
        logins_.insert(login);
        return login;
    }

    Status volume(const ImportRecord& row) {
        const QString number = row.text("number", true, 40);
        const QString title = row.text("title", true, 200);
        const QString categoryCode = row.text("category", true, 20);
        const QString department = row.text("department", false, 80);
        const QString organisation = row.text("organisation", false, 80);
        const int retention = static_cast<int>(row.number("retention_years", 10, 0, 100));
        const QString confidentiality =
            row.choice("confidentiality", kConfidentiality, QStringLiteral("ordinary"));
        const QString cabinet = row.text("cabinet", true, 20);
        const QString shelf = row.text("shelf", false, 20);
        const QString position = row.text("position", false, 20);
        const QDate from = row.date("date_from");
        const QDate to = row.date("date_to");
        if (from.isValid() && to.isValid() && to < from)
            row.refuse("date_to", QStringLiteral("is before date_from"),
                       QStringLiteral("早于起始日期"));
        if (row.problem())
            return {};
        // Taken in the archive, or by an earlier volume of this file.
        if (taken_.contains(number) || volumes_.contains(number)) {
            row.refuse("number", QStringLiteral("volume number %1 is taken").arg(number),
                       QStringLiteral("案卷号 %1 已被使用").arg(number));
            return {};
        }
        auto cat = category(categoryCode);
        if (!cat)
            return fail(cat.error());
        if (!*cat) {
            row.refuse("category",
                       QStringLiteral("%1 is not an archive category").arg(categoryCode),
                       QStringLiteral("「%1」不是档案类别").arg(categoryCode));
            return {};
        }
        const qint64 categoryId = (*cat)->id;
        // R1-2.2: the department concerned keeps items 4, 5, 6, 8, 9; the GM's secretary the rest.
        const QString custodian =
            (*cat)->custodian == QStringLiteral("secretary") ? secretaryCustodian() : department;
        const bool restricted = confidentiality != QStringLiteral("ordinary") ||
                                (*cat)->kind == QStringLiteral("personnel");
        auto locked = cabinetLocked(cabinet);
        if (!locked)
            return fail(locked.error());
        if (!*locked) {
            row.refuse("cabinet", QStringLiteral("no cabinet %1").arg(cabinet),
                       QStringLiteral("档案柜 %1 不存在").arg(cabinet));
            return {};
        }
        if (confidentiality != QStringLiteral("ordinary") && !**locked) {
            row.refuse("cabinet",
                       QStringLiteral("a %1 volume is kept in a locked cabinet [R1-1.4.5]")
                           .arg(confidentiality),
                       QStringLiteral("密级案卷须存放于加锁档案柜【R1-1.4.5】"));
            return {};
        }
        const QString dateFrom = from.toString(Qt::ISODate);
        const QString dateTo = to.toString(Qt::ISODate);
        const QString eligible = eligibleDate(dateTo, retention);
        auto id = rows_.insert(
            QStringLiteral("archive_volumes"),
            {QStringLiteral("number"), QStringLiteral("title"), QStringLiteral("category_id"),
             QStringLiteral("department"), QStringLiteral("organisation"),
             QStringLiteral("custodian"), QStringLiteral("retention_years"),
             QStringLiteral("eligible_on"), QStringLiteral("confidentiality"),
             QStringLiteral("cabinet"), QStringLiteral("shelf"), QStringLiteral("position"),
             QStringLiteral("date_from"), QStringLiteral("date_to"), QStringLiteral("created_at"),
             QStringLiteral("created_by")},
            {number, title, categoryId, department, organisation, custodian, retention,
             eligible.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(eligible),
             confidentiality, cabinet, shelf, position, dateFrom, dateTo, now_, ctx_.actor.login});
        if (!id)
            return fail(id.error());
        if (auto ok = indexNewRecord(rows_, {QStringLiteral("volume"), *id, *id, number, title,
                                             dateFrom, dateTo, categoryId, cabinet, restricted});
            !ok)
            return ok;
        count("volumes");
        ImportedVolume v{*id, 0, restricted};
        for (const ImportRecord& item : row.rows("items")) {
            const QString itemTitle = item.text("title", true, 200);
            const QDate date = item.date("item_date");
            if (date.isValid() && (date < from || date > to))
                item.refuse("item_date",
                            QStringLiteral("is outside the volume's dates %1 to %2 [R1-1.4.3]")
                                .arg(dateFrom, dateTo),
                            QStringLiteral("不在案卷起止日期 %1 至 %2 之内【R1-1.4.3】")
                                .arg(dateFrom, dateTo));
            const bool original = item.flag("original", true);
            const QString copyReason = item.text("copy_reason", !original, 200);
            const qint64 pages = item.number("pages", 1, 1, 100000);
            const QString responsible = item.text("responsible", true, 80);
            if (item.problem())
                return {};
            ++v.items;
            auto itemId = rows_.insert(QStringLiteral("archive_items"),
                                       {QStringLiteral("volume_id"), QStringLiteral("seq_no"),
                                        QStringLiteral("title"), QStringLiteral("item_date"),
                                        QStringLiteral("original"), QStringLiteral("copy_reason"),
                                        QStringLiteral("pages"), QStringLiteral("responsible"),
                                        QStringLiteral("filed_at")},
                                       {*id, v.items, itemTitle, date.toString(Qt::ISODate),
                                        original ? 1 : 0, copyReason, pages, responsible, now_});
            if (!itemId)
                return fail(itemId.error());
            if (auto ok = indexNewRecord(
                    rows_,
                    {QStringLiteral("item"), *itemId, *id,
                     QStringLiteral("%1-%2").arg(number).arg(v.items, 3, 10, QLatin1Char('0')),
                     itemTitle, date.toString(Qt::ISODate), date.toString(Qt::ISODate), categoryId,
                     cabinet, restricted});
                !ok)
                return ok;
            count("items");
        }
        volumes_.insert(number, v);
        return {};
    }

    Status document(const ImportRecord& row) {
        const QString kind =
            row.choice("kind", {QStringLiteral("incoming"), QStringLiteral("outgoing"),
                                QStringLiteral("internal")});
        const QString number = row.text("number", false, 60);
        const QString title = row.text("title", true, 200);
        QVariantList values{kind, number, title};
        for (const char* key : {"doc_type", "sender", "recipient", "department"})
            values << row.text(key, false, 80);
        const QDate date = row.date("doc_date");
        const QString confidentiality =
            row.choice("confidentiality", kConfidentiality, QStringLiteral("ordinary"));
        if (row.problem())
            return {};
        values << date.toString(Qt::ISODate) << confidentiality << QStringLiteral("filed") << now_
               << ctx_.actor.login << now_;
        // Registered in the office's earlier books and kept on file there.
        auto id =
            rows_.insert(QStringLiteral("documents"),
                         {QStringLiteral("kind"), QStringLiteral("number"), QStringLiteral("title"),
                          QStringLiteral("doc_type"), QStringLiteral("sender"),
                          QStringLiteral("recipient"), QStringLiteral("department"),
                          QStringLiteral("doc_date"), QStringLiteral("confidentiality"),
                          QStringLiteral("status"), QStringLiteral("created_at"),
                          QStringLiteral("created_by"), QStringLiteral("updated_at")},
                         values);
        if (!id)
            return fail(id.error());
        if (auto ok = indexNewRecord(rows_, {QStringLiteral("document"), *id, 0, number, title,
                                             date.toString(Qt::ISODate), date.toString(Qt::ISODate),
                                             0, QStringLiteral(""),
                                             confidentiality != QStringLiteral("ordinary")});
            !ok)
            return ok;
        count("documents");
        return {};
    }

    // A volume of the file or of the archive, by number, with its item count.
    std::optional<ImportedVolume> volumeNamed(const ImportRecord& row, const QString& number) {
        if (const auto it = volumes_.constFind(number); it != volumes_.cend())
            return *it;
        static const QString byNumber = kVolumeForLoan + QStringLiteral("= ?");
        auto q = sql_.exec(byNumber, {number});
        if (!q || !(*q)->next() || (*q)->value(4).toString() != QStringLiteral("active")) {
            row.refuse("volumes", QStringLiteral("no volume %1").arg(number),
                       QStringLiteral("案卷 %1 不存在").arg(number));
            return std::nullopt;
        }
        const ImportedVolume v{(*q)->value(1).toLongLong(), (*q)->value(2).toInt(),
                               (*q)->value(3).toBool()};
        volumes_.insert(number, v);
        return v;
    }

    // A staff borrower's id in the staff registry (the residents area), by name.
    qint64 staffId(const ImportRecord& row, const QString& name) {
        auto known = staff_.constFind(name);
        if (known == staff_.cend()) {
            auto q = sql_.exec(
                QStringLiteral("SELECT id FROM staff WHERE name = ? ORDER BY id LIMIT 1"), {name});
            const qint64 id = q && (*q)->next() ? (*q)->value(0).toLongLong() : 0;
            if (q)
                (*q)->finish();
            known = staff_.insert(name, id);
        }
        if (*known == 0)
            row.refuse("borrower", QStringLiteral("%1 is not in the staff registry").arg(name),
                       QStringLiteral("「%1」不在员工名册中").arg(name));
        return *known;
    }

    Status loan(const ImportRecord& row) {
        const QString kind = row.choice(
            "borrower_kind",
            {QStringLiteral("staff"), QStringLiteral("parent_company"), QStringLiteral("outside")},
            QStringLiteral("staff"));
        const QString borrower = row.text("borrower", true, 80);
        const bool staff = kind == QStringLiteral("staff");
        const QString organisation = row.text("organisation", !staff, 80);
        const QString purpose = row.text("purpose", true, 200);
        const QString mode = row.choice("mode", {QStringLiteral("lend"), QStringLiteral("on_site")},
                                        QStringLiteral("lend"));
        const QStringList numbers =
            row.text("volumes", true, 2000).split(QLatin1Char(','), Qt::SkipEmptyParts);
        const QDate due = row.date("due_date");
        const QString requestedBy = login(row, "requested_by", true);
        const QString requestedAt = row.time("requested_at", true);
        const QString approvedBy = login(row, "approved_by", false);
        const QString outAt = row.time("checked_out_at", false);
        const QString archivist = login(row, "archivist", !outAt.isEmpty());
        const QString returnedAt = row.time("returned_at", false);
        const QString condition =
            row.choice("return_condition", {QStringLiteral("good"), QStringLiteral("damaged")},
                       QStringLiteral("good"));
        if (!returnedAt.isEmpty() && outAt.isEmpty())
            row.refuse("checked_out_at", QStringLiteral("is required for a returned loan"),
                       QStringLiteral("已归还的借阅须有借出时间"));
        if (!outAt.isEmpty() && outAt < requestedAt)
            row.refuse("checked_out_at", QStringLiteral("is before requested_at"),
                       QStringLiteral("早于申请时间"));
        if (!returnedAt.isEmpty() && returnedAt < outAt)
            row.refuse("returned_at", QStringLiteral("is before checked_out_at"),
                       QStringLiteral("早于借出时间"));
        const qint64 staffRef = staff && !row.problem() ? staffId(row, borrower) : 0;
        QList<ImportedVolume> lines;
        bool restricted = false;
        int items = 0;
        for (const QString& n : numbers) {
            if (row.problem())
                break;
            const auto v = volumeNamed(row, n.trimmed());
            if (!v)
                break;
            for (const ImportedVolume& earlier : lines)
                if (earlier.id == v->id)
                    row.refuse("volumes", QStringLiteral("%1 is listed twice").arg(n.trimmed()),
                               QStringLiteral("案卷 %1 重复").arg(n.trimmed()));
            lines << *v;
            restricted = restricted || v->restricted;
            items += v->items;
        }
        if (row.problem())
            return {};
        const bool out = !outAt.isEmpty();
        const bool back = !returnedAt.isEmpty();
        const QVariant noText(QMetaType(QMetaType::QString));
        const QVariant noCount(QMetaType(QMetaType::LongLong));
        auto id = rows_.insert(
            QStringLiteral("archive_loans"),
            {QStringLiteral("borrower_kind"), QStringLiteral("borrower_staff_id"),
             QStringLiteral("borrower_name"), QStringLiteral("organisation"),
             QStringLiteral("purpose"), QStringLiteral("mode"), QStringLiteral("due_date"),
             QStringLiteral("status"), QStringLiteral("requested_by"),
             QStringLiteral("requested_at"), QStringLiteral("approved_by"),
             QStringLiteral("confidential"), QStringLiteral("checked_out_at"),
             QStringLiteral("checkout_count"), QStringLiteral("checked_out_by"),
             QStringLiteral("returned_at"), QStringLiteral("return_count"),
             QStringLiteral("return_condition"), QStringLiteral("returned_to")},
            {kind, staffRef > 0 ? QVariant(staffRef) : noCount, borrower, organisation, purpose,
             mode, due.toString(Qt::ISODate),
             back  ? QStringLiteral("returned")
             : out ? QStringLiteral("out")
                   : QStringLiteral("approved"),
             requestedBy, requestedAt, approvedBy, restricted ? 1 : 0,
             out ? QVariant(outAt) : noText, out ? QVariant(items) : noCount,
             out ? QVariant(archivist) : noText, back ? QVariant(returnedAt) : noText,
             back ? QVariant(items) : noCount, back ? QVariant(condition) : noText,
             back ? QVariant(archivist) : noText});
        if (!id)
            return fail(id.error());
        for (const ImportedVolume& v : lines)
            if (auto ok = rows_.add(QStringLiteral("archive_loan_lines"),
                                    {QStringLiteral("loan_id"), QStringLiteral("volume_id"),
                                     QStringLiteral("item_count")},
                                    {*id, v.id, v.items});
                !ok)
                return ok;
        count("loans");
        count(back ? "loans_returned" : out ? "loans_out" : "loans_approved");
        return {};
    }

    const ActionContext& ctx_;
    sql::Statements sql_; // each statement prepared once per batch
    NewRows rows_{sql_};
    QString now_;
    QSet<QString> logins_;
    QSet<QString> taken_; // the file's volume numbers the archive holds already
    QHash<QString, std::optional<Category>> categories_;
    QHash<QString, std::optional<bool>> cabinets_;
    QHash<QString, qint64> staff_; // 0: not in the registry
    QHash<QString, ImportedVolume> volumes_;
    QMap<QString, qint64> counts_;
};

} // namespace

NewRows::NewRows(sql::Statements& statements)
    : st_(statements), batched_(dialectOf(statements.database()) == Dialect::PostgreSQL) {}

NewRows::Table& NewRows::table(const QString& name) {
    for (Table& t : tables_)
        if (t.name == name)
            return t;
    tables_.push_back(Table{name, {}, {}, {}, {}});
    return tables_.back();
}

Status NewRows::reserve(const QString& name, qint64 count) {
    Table& t = table(name);
    if (!batched_ || count <= 0)
        return {};
    auto q = st_.exec(QStringLiteral("SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM "
                                     "generate_series(1, ?)"),
                      {name, count});
    if (!q)
        return fail(q.error());
    while ((*q)->next())
        t.ids.push_back((*q)->value(0).toLongLong());
    (*q)->finish();
    return {};
}

const QString& NewRows::oneRow(Table& t, const QStringList& columns) {
    if (t.oneRow.isEmpty())
        t.oneRow = insertInto(t.name, columns, 1);
    return t.oneRow;
}

Result<qint64> NewRows::insert(const QString& name, const QStringList& columns,
                               QVariantList values) {
    Table& t = table(name);
    if (!batched_)
        return st_.insertId(oneRow(t, columns), values);
    if (t.ids.empty())
        if (auto ok = reserve(name, 1); !ok)
            return fail(ok.error());
    const qint64 id = t.ids.front();
    t.ids.pop_front();
    values.prepend(id);
    if (auto ok = wait(t, QStringList{QStringLiteral("id")} + columns, std::move(values)); !ok)
        return fail(ok.error());
    return id;
}

Status NewRows::add(const QString& name, const QStringList& columns, QVariantList values) {
    Table& t = table(name);
    if (!batched_)
        return st_.run(oneRow(t, columns), values);
    return wait(t, columns, std::move(values));
}

Status NewRows::wait(Table& t, const QStringList& columns, QVariantList values) {
    if (t.columns.isEmpty())
        t.columns = columns;
    else if (t.columns != columns)
        return fail(Error::internal(
            QStringLiteral("rows of %1 with different columns in one import").arg(t.name)));
    waiting_ += values.size();
    t.values += std::move(values);
    return waiting_ >= kValuesWaiting ? flush() : Status{};
}

Status NewRows::send(Table& t) {
    if (t.values.isEmpty())
        return {};
    const qsizetype width = t.columns.size();
    const qsizetype perStatement = std::max<qsizetype>(1, kValuesPerStatement / width) * width;
    for (qsizetype from = 0; from < t.values.size(); from += perStatement) {
        const qsizetype n = std::min(perStatement, t.values.size() - from);
        if (auto ok = st_.run(insertInto(t.name, t.columns, n / width), t.values.mid(from, n)); !ok)
            return ok;
    }
    waiting_ -= t.values.size();
    t.values.clear();
    return {};
}

Status NewRows::flush() {
    for (Table& t : tables_)
        if (auto ok = send(t); !ok)
            return ok;
    return {};
}

void registerArchiveImport(Services& s) {
    s.actionRegistry().add(kit::importAction<ArchiveImport>(
        QStringLiteral("archive.import"),
        tx("Import an existing archive (volumes, documents, loans)",
           "导入已有档案（案卷、文件、借阅记录）"),
        QStringLiteral("archive_import")));
}

} // namespace fd::archives
