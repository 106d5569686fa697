#pragma once

#include "auth/identity.h"
#include "db/sql.h"
#include "util/error.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace fd {
class Policy;
}

namespace fd::archives {

class NewRows;

// One search over volumes, items and documents (R1-1.3.1 to 1.3.3, R4-1.6).
struct SearchQuery {
    QString text; // a number, or any substring of a title (one character or more)
    QDate from;   // optional date range
    QDate to;
    qint64 categoryId = 0; // 0: any (a category includes its sub-categories)
    QString cabinet;       // empty: any
    QStringList kinds;     // volume, item, document; empty: all
    int limit = 200;
};

struct SearchHit {
    QString kind;
    qint64 refId = 0;
    qint64 volumeId = 0;
    QString number;
    QString title;
    QString dateFrom;
    QString dateTo;
    QString cabinet;
};

struct SearchResult {
    QList<SearchHit> hits;
    bool more = false; // more hits than the limit
};

// Confidential records are left out for an actor without clearance (R1-1.3.7).
Result<SearchResult> search(const QSqlDatabase& db, const Policy& policy, const Actor& actor,
                            const SearchQuery& query);

// The index's tokens for a text: unigrams and bigrams as opaque ASCII words.
QString unigramTokens(const QString& text);
QString bigramTokens(const QString& text);

// Index maintenance, called by the handlers inside their transaction.
struct IndexEntry {
    QString kind;
    qint64 refId = 0;
    qint64 volumeId = 0;
    QString number;
    QString title;
    QString dateFrom;
    QString dateTo;
    qint64 categoryId = 0;
    QString cabinet;
    bool restricted = false;
};
Status indexRecord(const QSqlDatabase& db, const IndexEntry& entry);
// The same with statements prepared once, for an import's thousands of records.
Status indexRecord(sql::Statements& statements, const IndexEntry& entry);
// A record the import has just written, with its import's other new rows: on SQLite as
// indexRecord writes it; on PostgreSQL, whose new ids are never ones an earlier record had,
// its index row and its tokens join the rows sent many to a statement.
Status indexNewRecord(NewRows& rows, const IndexEntry& entry);
Status moveVolumeInIndex(const QSqlDatabase& db, qint64 volumeId, const QString& cabinet);

} // namespace fd::archives
