#include "archive_search.h"

#include "archives_internal.h"
#include "db/dialect.h"
#include "db/sql.h"
#include "rules/policy.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <algorithm>

namespace fd::archives {
namespace {

// Code points of the text without white space, lower-cased (a search ignores both).
QList<char32_t> codePoints(const QString& text) {
    QList<char32_t> out;
    for (char32_t c : text.toLower().toUcs4())
        if (!QChar::isSpace(c))
            out.push_back(c);
    return out;
}

QString unigram(char32_t c) {
    return QStringLiteral("u") + QString::number(c, 16);
}
QString bigram(char32_t a, char32_t b) {
    return QStringLiteral("b") + QString::number(a, 16) + QLatin1Char('x') + QString::number(b, 16);
}

// The token query for a substring: one token, or a phrase of consecutive bigrams. SQLite's
// FTS5 MATCH expression, or PostgreSQL's tsquery over the same tokens (u… and b… tokens are
// told apart by their first letter, so one vector holds both).
QString matchExpression(const QString& text, Dialect dialect) {
    const QList<char32_t> cps = codePoints(text);
    if (cps.isEmpty())
        return {};
    const bool fts5 = dialect == Dialect::SQLite;
    if (cps.size() == 1)
        return (fts5 ? QStringLiteral("unigrams : ") : QString()) + unigram(cps[0]);
    QStringList phrase;
    for (qsizetype i = 0; i + 1 < cps.size(); ++i)
        phrase << bigram(cps[i], cps[i + 1]);
    return fts5 ? QStringLiteral("bigrams : \"%1\"").arg(phrase.join(QLatin1Char(' ')))
                : phrase.join(QStringLiteral(" <-> "));
}

bool looksLikeNumber(const QString& text) {
    static const QRegularExpression re(
        QStringLiteral("^[A-Za-z0-9\\-_/.〔〕\\[\\]]*\\d[A-Za-z0-9\\-_/.〔〕\\[\\]]*$"));
    return re.match(text).hasMatch();
}

Result<QList<qint64>> categorySubtree(const QSqlDatabase& db, qint64 root) {
    return sql::ids(
        db,
        QStringLiteral(
            "WITH RECURSIVE t(id) AS (SELECT CAST(? AS BIGINT) UNION ALL SELECT c.id FROM "
            "archive_categories c JOIN t ON c.parent_id = t.id) "
            "SELECT id FROM t"),
        {root});
}

} // namespace

QString unigramTokens(const QString& text) {
    QStringList out;
    for (char32_t c : codePoints(text))
        out << unigram(c);
    return out.join(QLatin1Char(' '));
}

QString bigramTokens(const QString& text) {
    const QList<char32_t> cps = codePoints(text);
    QStringList out;
    for (qsizetype i = 0; i + 1 < cps.size(); ++i)
        out << bigram(cps[i], cps[i + 1]);
    return out.join(QLatin1Char(' '));
}

Status indexRecord(sql::Statements& st, const IndexEntry& e) {
    auto old = st.exec(
        QStringLiteral("SELECT id, title FROM archive_search WHERE kind = ? AND ref_id = ?"),
        {e.kind, e.refId});
    if (!old)
        return fail(old.error());
    const QVariant volume =
        e.volumeId > 0 ? QVariant(e.volumeId) : QVariant(QMetaType(QMetaType::LongLong));
    const QVariant category =
        e.categoryId > 0 ? QVariant(e.categoryId) : QVariant(QMetaType(QMetaType::LongLong));
    qint64 id = 0;
    if ((*old)->next()) {
        id = (*old)->value(0).toLongLong();
        const QString oldTitle = (*old)->value(1).toString();
        (*old)->finish();
        // A contentless index forgets a row only when given the tokens it was indexed with;
        // PostgreSQL's tokens table simply loses the row.
        auto del2 =
            dialectOf(st.database()) == Dialect::SQLite
                ? st.exec(QStringLiteral("INSERT INTO archive_search_text(archive_search_text, "
                                         "rowid, unigrams, bigrams) VALUES ('delete', ?, ?, ?)"),
                          {id, unigramTokens(oldTitle), bigramTokens(oldTitle)})
                : st.exec(QStringLiteral("DELETE FROM archive_search_text WHERE rowid = ?"), {id});
        if (!del2)
            return fail(del2.error());
        auto upd = st.exec(
            QStringLiteral("UPDATE archive_search SET volume_id = ?, number = ?, title = ?, "
                           "date_from = ?, date_to = ?, category_id = ?, cabinet = ?, "
                           "restricted = ? WHERE id = ?"),
            {volume, e.number, e.title, e.dateFrom, e.dateTo, category, e.cabinet,
             e.restricted ? 1 : 0, id});
        if (!upd)
            return fail(upd.error());
    } else {
        (*old)->finish();
        auto ins = st.insertId(
            QStringLiteral(
                "INSERT INTO archive_search(kind, ref_id, volume_id, number, title, date_from, "
                "date_to, category_id, cabinet, restricted) VALUES (?,?,?,?,?,?,?,?,?,?)"),
            {e.kind, e.refId, volume, e.number, e.title, e.dateFrom, e.dateTo, category, e.cabinet,
             e.restricted ? 1 : 0});
        if (!ins)
            return fail(ins.error());
        id = *ins;
    }
    auto text = st.exec(
        QStringLiteral("INSERT INTO archive_search_text(rowid, unigrams, bigrams) VALUES (?,?,?)"),
        {id, unigramTokens(e.title), bigramTokens(e.title)});
    if (!text)
        return fail(text.error());
    return {};
}

Status indexNewRecord(NewRows& rows, const IndexEntry& e) {
    if (!rows.batched())
        return indexRecord(rows.statements(), e);
    auto id = rows.insert(
        QStringLiteral("archive_search"),
        {QStringLiteral("kind"), QStringLiteral("ref_id"), QStringLiteral("volume_id"),
         QStringLiteral("number"), QStringLiteral("title"), QStringLiteral("date_from"),
         QStringLiteral("date_to"), QStringLiteral("category_id"), QStringLiteral("cabinet"),
         QStringLiteral("restricted")},
        {e.kind, e.refId,
         e.volumeId > 0 ? QVariant(e.volumeId) : QVariant(QMetaType(QMetaType::LongLong)), e.number,
         e.title, e.dateFrom, e.dateTo,
         e.categoryId > 0 ? QVariant(e.categoryId) : QVariant(QMetaType(QMetaType::LongLong)),
         e.cabinet, e.restricted ? 1 : 0});
    if (!id)
        return fail(id.error());
    return rows.add(
        QStringLiteral("archive_search_text"),
        {QStringLiteral("rowid"), QStringLiteral("unigrams"), QStringLiteral("bigrams")},
        {*id, unigramTokens(e.title), bigramTokens(e.title)});
}

Status indexRecord(const QSqlDatabase& db, const IndexEntry& e) {
    sql::Statements st(db);
    return indexRecord(st, e);
}

Status moveVolumeInIndex(const QSqlDatabase& db, qint64 volumeId, const QString& cabinet) {
    auto q =
        sql::exec(db, QStringLiteral("UPDATE archive_search SET cabinet = ? WHERE volume_id = ?"),
                  {cabinet, volumeId});
    if (!q)
        return fail(q.error());
    return {};
}

Result<SearchResult> search(const QSqlDatabase& db, const Policy& policy, const Actor& actor,
                            const SearchQuery& query) {
    QStringList where;
    QVariantList binds;
    if (!hasClearance(policy, actor))
        where << QStringLiteral("s.restricted = 0");
    // A personal file's items are found by nobody, the keeper included (R4-1.5); the
    // volume itself is found by those with clearance.
    where << QStringLiteral("NOT (s.kind = 'item' AND s.category_id IN (SELECT id FROM "
                            "archive_categories WHERE kind = 'personnel'))");
    if (!query.kinds.isEmpty()) {
        QStringList marks;
        for (const QString& k : query.kinds) {
            marks << QStringLiteral("?");
            binds << k;
        }
        where << QStringLiteral("s.kind IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    if (query.from.isValid()) {
        where << QStringLiteral("s.date_to >= ?");
        binds << query.from.toString(Qt::ISODate);
    }
    if (query.to.isValid()) {
        where << QStringLiteral("s.date_from <= ?");
        binds << query.to.toString(Qt::ISODate);
    }
    if (query.categoryId > 0) {
        auto ids = categorySubtree(db, query.categoryId);
        if (!ids)
            return fail(ids.error());
        QStringList marks;
        for (qint64 id : *ids) {
            marks << QStringLiteral("?");
            binds << id;
        }
        where << QStringLiteral("s.category_id IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    if (!query.cabinet.isEmpty()) {
        where << QStringLiteral("s.cabinet = ?");
        binds << query.cabinet;
    }
    const int limit = std::clamp(query.limit, 1, 5000);
    const QString cols = QStringLiteral(
        "s.kind, s.ref_id, s.volume_id, s.number, s.title, s.date_from, s.date_to, s.cabinet");
    auto run = [&](const QString& statement, const QVariantList& b) -> Result<SearchResult> {
        auto q = sql::exec(db, statement, b);
        if (!q)
            return fail(q.error());
        SearchResult r;
        while (q->next()) {
            if (r.hits.size() == limit) {
                r.more = true;
                break;
            }
            r.hits.push_back({q->value(0).toString(), q->value(1).toLongLong(),
                              q->value(2).toLongLong(), q->value(3).toString(),
                              q->value(4).toString(), q->value(5).toString(),
                              q->value(6).toString(), q->value(7).toString()});
        }
        return r;
    };
    const QString filter =
        where.isEmpty() ? QString() : QStringLiteral(" AND ") + where.join(QStringLiteral(" AND "));
    const QString text = query.text.trimmed();
    if (text.isEmpty())
        return run(QStringLiteral("SELECT %1 FROM archive_search s WHERE 1 = 1 %2 ORDER BY "
                                  "s.date_from, s.id LIMIT %3")
                       .arg(cols, filter)
                       .arg(limit + 1),
                   binds);
    // Any part of a number (QT, S9, 001, qt-s9: typed in parts and in lower case), or of a
    // title (one or two Chinese characters too): the title through its bigram index, the
    // number as a case-blind substring of the number column.
    const QString compact = QString(text).remove(QRegularExpression(QStringLiteral("\\s")));
    QString pattern = compact;
    pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    const Dialect dialect = dialectOf(db);
    QVariantList b{matchExpression(text, dialect),
                   QString(QLatin1Char('%') + pattern.toLower() + QLatin1Char('%'))};
    b += binds;
    // A number-like term lists by number, the way a register is kept; words as indexed.
    const QString order =
        looksLikeNumber(compact) ? QStringLiteral("s.number, s.kind DESC") : QStringLiteral("s.id");
    // Rows are read in the order given and the scan stops at the limit: a common term
    // answers at once, a rare one reads the whole index.
    const QString match = dialect == Dialect::SQLite
                              ? QStringLiteral("archive_search_text MATCH ?")
                              : QStringLiteral("tokens @@ to_tsquery('simple', ?)");
    // A term without letters of either case (Chinese, digits, punctuation) is in a number's
    // lower case exactly where it is in the number: PostgreSQL then compares the numbers as
    // stored, without lower-casing each of them (two thirds of the time of a scan of them).
    const auto code = compact.toUcs4();
    const bool caseless = std::all_of(code.cbegin(), code.cend(), [](char32_t c) {
        return QChar::toLower(c) == c && QChar::toUpper(c) == c && QChar::toTitleCase(c) == c;
    });
    const QString number = dialect == Dialect::PostgreSQL && caseless
                               ? QStringLiteral("s.number")
                               : QStringLiteral("lower(s.number)");
    return run(QStringLiteral("SELECT %1 FROM archive_search s WHERE (s.id IN (SELECT rowid FROM "
                              "archive_search_text WHERE %2) OR "
                              "%3 LIKE ? ESCAPE '\\') %4 ORDER BY %5 LIMIT %6")
                   .arg(cols, match, number, filter, order)
                   .arg(limit + 1),
               b);
}

} // namespace fd::archives
