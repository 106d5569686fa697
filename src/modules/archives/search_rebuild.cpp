#include "search_rebuild.h"

#include "archive_search.h"
#include "db/dialect.h"

namespace fd::archives {

Status rebuildSearchText(const QSqlDatabase& db) {
    const bool sqlite = dialectOf(db) == Dialect::SQLite;
    if (auto cleared = sql::run(db, sqlite ? QStringLiteral("INSERT INTO archive_search_text("
                                                            "archive_search_text) VALUES "
                                                            "('delete-all')")
                                           : QStringLiteral("DELETE FROM archive_search_text"));
        !cleared)
        return cleared;
    auto rows = sql::exec(db, QStringLiteral("SELECT id, title FROM archive_search ORDER BY id"));
    if (!rows)
        return fail(rows.error());
    QList<QPair<qint64, QString>> titles;
    while (rows->next())
        titles.push_back({rows->value(0).toLongLong(), rows->value(1).toString()});
    rows->finish();
    sql::Statements st(db);
    for (const auto& [id, title] : titles)
        if (auto ok = st.run(QStringLiteral("INSERT INTO archive_search_text(rowid, unigrams, "
                                            "bigrams) VALUES (?,?,?)"),
                             {id, unigramTokens(title), bigramTokens(title)});
            !ok)
            return ok;
    return {};
}

} // namespace fd::archives
