// archive.import: a batch of an office's existing archive, as it moves from paper or Excel
// registers and as the large profile writes its 20,000 volumes: volumes with their items,
// documents, and loans (returned, out or approved). One transaction and one audit row with
// the counts per call; every record is put in the search index as the live actions do; any
// problem names the list, row and field, and nothing is written.
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
#include "module/import_file.h"
#include "util/clock.h"

#include <QHash>
#include <QSet>

namespace fd::archives {
namespace {

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
        // Volumes first: a loan of the same file may name them.
        for (const auto& [list, read] :
             {std::pair<const char*, Reader>{"volumes", &ArchiveImport::volume},
              {"documents", &ArchiveImport::document},
              {"loans", &ArchiveImport::loan}}) {
            auto rows = kit::importRows(file, QLatin1String(list));
            if (!rows)
                return fail(rows.error());
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
        return {};
    }

    QJsonObject summary() const {
        QJsonObject out;
        for (auto it = counts_.cbegin(); it != counts_.cend(); ++it)
            out.insert(it.key(), it.value());
        return out;
    }

private:
    void count(const char* what, qint64 n = 1) { counts_[QLatin1String(what)] += n; }

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
        auto taken =
            sql_.exec(QStringLiteral("SELECT id FROM archive_volumes WHERE number = ?"), {number});
        if (!taken)
            return fail(taken.error());
        if ((*taken)->next()) {
            row.refuse("number", QStringLiteral("volume number %1 is taken").arg(number),
                       QStringLiteral("案卷号 %1 已被使用").arg(number));
            return {};
        }
        auto cat = sql_.exec(
            QStringLiteral("SELECT id, custodian, kind FROM archive_categories WHERE code = ?"),
            {categoryCode});
        if (!cat)
            return fail(cat.error());
        if (!(*cat)->next()) {
            row.refuse("category",
                       QStringLiteral("%1 is not an archive category").arg(categoryCode),
                       QStringLiteral("「%1」不是档案类别").arg(categoryCode));
            return {};
        }
        const qint64 categoryId = (*cat)->value(0).toLongLong();
        // R1-2.2: the department concerned keeps items 4, 5, 6, 8, 9; the GM's secretary the rest.
        const QString custodian = (*cat)->value(1).toString() == QStringLiteral("secretary")
                                      ? secretaryCustodian()
                                      : department;
        const bool restricted = confidentiality != QStringLiteral("ordinary") ||
                                (*cat)->value(2).toString() == QStringLiteral("personnel");
        auto locked = sql_.exec(
            QStringLiteral("SELECT locked FROM archive_cabinets WHERE code = ?"), {cabinet});
        if (!locked)
            return fail(locked.error());
        if (!(*locked)->next()) {
            row.refuse("cabinet", QStringLiteral("no cabinet %1").arg(cabinet),
                       QStringLiteral("档案柜 %1 不存在").arg(cabinet));
            return {};
        }
        if (confidentiality != QStringLiteral("ordinary") && (*locked)->value(0).toInt() != 1) {
            row.refuse("cabinet",
                       QStringLiteral("a %1 volume is kept in a locked cabinet [R1-1.4.5]")
                           .arg(confidentiality),
                       QStringLiteral("密级案卷须存放于加锁档案柜【R1-1.4.5】"));
            return {};
        }
        const QString dateFrom = from.toString(Qt::ISODate);
        const QString dateTo = to.toString(Qt::ISODate);
        const QString eligible = eligibleDate(dateTo, retention);
        auto id = sql_.insertId(
            QStringLiteral("INSERT INTO archive_volumes(number, title, category_id, department, "
                           "organisation, custodian, retention_years, eligible_on, "
                           "confidentiality, cabinet, shelf, position, date_from, date_to, "
                           "created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
            {number, title, categoryId, department, organisation, custodian, retention,
             eligible.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(eligible),
             confidentiality, cabinet, shelf, position, dateFrom, dateTo, now_, ctx_.actor.login});
        if (!id)
            return fail(id.error());
        if (auto ok = indexRecord(sql_, {QStringLiteral("volume"), *id, *id, number, title,
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
            auto itemId = sql_.insertId(
                QStringLiteral("INSERT INTO archive_items(volume_id, seq_no, title, item_date, "
                               "original, copy_reason, pages, responsible, filed_at) "
                               "VALUES (?,?,?,?,?,?,?,?,?)"),
                {*id, v.items, itemTitle, date.toString(Qt::ISODate), original ? 1 : 0, copyReason,
                 pages, responsible, now_});
            if (!itemId)
                return fail(itemId.error());
            if (auto ok = indexRecord(
                    sql_,
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
        values << date.toString(Qt::ISODate) << confidentiality << now_ << ctx_.actor.login << now_;
        // Registered in the office's earlier books and kept on file there.
        auto id = sql_.insertId(
            QStringLiteral("INSERT INTO documents(kind, number, title, doc_type, sender, "
                           "recipient, department, doc_date, confidentiality, status, "
                           "created_at, created_by, updated_at) "
                           "VALUES (?,?,?,?,?,?,?,?,?,'filed',?,?,?)"),
            values);
        if (!id)
            return fail(id.error());
        if (auto ok = indexRecord(sql_, {QStringLiteral("document"), *id, 0, number, title,
                                         date.toString(Qt::ISODate), date.toString(Qt::ISODate), 0,
                                         QStringLiteral(""),
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
        auto q = sql_.exec(
            QStringLiteral("SELECT v.id, (SELECT count(*) FROM archive_items i WHERE i.volume_id "
                           "= v.id), v.confidentiality <> 'ordinary' OR c.kind = 'personnel' "
                           "FROM archive_volumes v JOIN archive_categories c ON c.id = "
                           "v.category_id WHERE v.number = ? AND v.status = 'active'"),
            {number});
        if (!q || !(*q)->next()) {
            row.refuse("volumes", QStringLiteral("no volume %1").arg(number),
                       QStringLiteral("案卷 %1 不存在").arg(number));
            return std::nullopt;
        }
        const ImportedVolume v{(*q)->value(0).toLongLong(), (*q)->value(1).toInt(),
                               (*q)->value(2).toBool()};
        volumes_.insert(number, v);
        return v;
    }

    // A staff borrower's id in the staff registry (the residents area), by name.
    qint64 staffId(const ImportRecord& row, const QString& name) {
        auto q = sql_.exec(
            QStringLiteral("SELECT id FROM staff WHERE name = ? ORDER BY id LIMIT 1"), {name});
        if (!q || !(*q)->next()) {
            row.refuse("borrower", QStringLiteral("%1 is not in the staff registry").arg(name),
                       QStringLiteral("「%1」不在员工名册中").arg(name));
            return 0;
        }
        return (*q)->value(0).toLongLong();
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
        auto id = sql_.insertId(
            QStringLiteral("INSERT INTO archive_loans(borrower_kind, borrower_staff_id, "
                           "borrower_name, organisation, purpose, mode, due_date, status, "
                           "requested_by, requested_at, approved_by, confidential, "
                           "checked_out_at, checkout_count, checked_out_by, returned_at, "
                           "return_count, return_condition, returned_to) "
                           "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
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
            if (auto ok = sql_.run(QStringLiteral("INSERT INTO archive_loan_lines(loan_id, "
                                                  "volume_id, item_count) VALUES (?,?,?)"),
                                   {*id, v.id, v.items});
                !ok)
                return ok;
        count("loans");
        count(back ? "loans_returned" : out ? "loans_out" : "loans_approved");
        return {};
    }

    const ActionContext& ctx_;
    sql::Statements sql_; // each statement prepared once per batch
    QString now_;
    QSet<QString> logins_;
    QHash<QString, ImportedVolume> volumes_;
    QMap<QString, qint64> counts_;
};

} // namespace

void registerArchiveImport(Services& s) {
    s.actionRegistry().add(kit::importAction<ArchiveImport>(
        QStringLiteral("archive.import"),
        tx("Import an existing archive (volumes, documents, loans)",
           "导入已有档案（案卷、文件、借阅记录）"),
        QStringLiteral("archive_import")));
}

} // namespace fd::archives
