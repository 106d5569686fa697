#pragma once

// Shared by the archives module's source files; not for other areas.
#include "archive_rules.h"
#include "module/toolkit.h"
#include "services/services.h"

#include <QDate>
#include <QJsonObject>
#include <deque>

namespace fd::archives {

using kit::bad;
using kit::col;
using kit::idParam;
using kit::missing;
using kit::param;
using kit::signer;
using kit::tx;
using sql::insertId;

// The custodian of the categories the general manager's secretary keeps (R1-2.2).
inline QString secretaryCustodian() {
    return QStringLiteral("总经理秘书");
}

// Whether the actor may see confidential and secret records and personal files
// (policy parameter archives.clearance_roles; R1-1.3.7, R4-1.4, R4-1.5).
bool hasClearance(const Policy& policy, const Actor& actor);

struct VolumeRow {
    qint64 id = 0;
    QString number;
    QString title;
    qint64 categoryId = 0;
    QString categoryKind; // general, official, personnel
    QString categoryName;
    QString department;
    QString organisation;
    QString custodian;
    int retentionYears = 0;
    QString eligibleOn;
    QString confidentiality;
    QString cabinet;
    QString shelf;
    QString position;
    QString dateFrom;
    QString dateTo;
    QString createdAt;
    QString sealedAt;
    QString status;
    [[nodiscard]] bool restricted() const {
        return confidentiality != QStringLiteral("ordinary") ||
               categoryKind == QStringLiteral("personnel");
    }
    [[nodiscard]] QString location() const;
};

Result<VolumeRow> loadVolume(const QSqlDatabase& db, qint64 id);
Result<VolumeRow> loadVolumeByNumber(const QSqlDatabase& db, const QString& number);
// Volumes named by a comma-separated list of ids or numbers (the loan and disposal forms).
Result<QList<VolumeRow>> loadVolumes(const QSqlDatabase& db, const QStringList& refs,
                                     const QString& field);
QJsonObject volumeJson(const VolumeRow& v);

// The date from which a volume may be destroyed: the end of its date range plus the
// retention period; empty for permanent volumes.
QString eligibleDate(const QString& dateTo, int retentionYears);

// Registers an action whose handler sees every text field it declares, absent ones as ''
// (a null QString would be stored as SQL NULL).
void addAction(ActionRegistry& registry, ActionDef def);

// The filing handler (archive.file_item), shared by document.file.
Result<ActionOutcome> fileItemHandler(ActionContext& ctx);
// Document fields used by checks and queries.
struct DocumentRow {
    qint64 id = 0;
    QString kind;
    QString status;
    QString confidentiality;
    QString number;
    QString title;
};
Result<DocumentRow> loadDocument(const QSqlDatabase& db, qint64 id);

// R4-1.5: a personal file's items are read only by the staff member whose loan of the
// volume the general manager approved and the archivist checked out; nobody else, the
// keeper included. `volume` names it in the refusal.
Result<bool> mayReadPersonalFile(const QSqlDatabase& db, const Actor& actor, qint64 volumeId);
Error personalFileRefusal(const Policy& policy, const QString& volume);

void registerArchiveActions(Services& s);
void registerLoanActions(Services& s);
void registerDocumentActions(Services& s);
void registerArchiveChecks(Services& s);
void registerArchiveQueries(Services& s);
// archive.import: an existing archive in batches (archive_import.cpp).
void registerArchiveImport(Services& s);

// New rows of many records (an import), written as cheaply as the engine allows. On SQLite
// each INSERT runs at once through a statement prepared once: a statement costs no round
// trip there. On PostgreSQL every statement is a round trip to the server, so the rows' ids
// are taken from their tables' identity sequences ahead (reserve: a whole list's worth in one
// statement) and the rows wait here to go out many to an INSERT, table after table in the
// order reserve or a first row named them (a volume before its items, a search row before its
// tokens). flush() sends what waits; nothing reads the new rows before it.
class NewRows final {
public:
    explicit NewRows(sql::Statements& statements);
    [[nodiscard]] bool batched() const { return batched_; }
    [[nodiscard]] sql::Statements& statements() { return st_; }
    // Takes the ids of the next `count` rows of `table` at once (PostgreSQL).
    Status reserve(const QString& table, qint64 count);
    // A new row of `table` with an id of its own: gives the id.
    Result<qint64> insert(const QString& table, const QStringList& columns, QVariantList values);
    // A new row of `table` whose key is among `values`.
    Status add(const QString& table, const QStringList& columns, QVariantList values);
    // Sends every waiting row.
    Status flush();

private:
    struct Table {
        QString name;
        QStringList columns;
        QVariantList values;    // the waiting rows, one after the other
        std::deque<qint64> ids; // reserved, not given yet
        QString oneRow;         // SQLite's INSERT of one row
    };
    Table& table(const QString& name);
    const QString& oneRow(Table& t, const QStringList& columns);
    Status wait(Table& t, const QStringList& columns, QVariantList values);
    Status send(Table& t);

    sql::Statements& st_;
    bool batched_ = false;
    std::deque<Table> tables_; // references stay valid as tables are added
    qsizetype waiting_ = 0;    // values waiting, all tables
};
Status seedArchives(const Services& s, const Actor& admin, const SeedOptions& options);
// The large profile (benchmarks): 20,000 volumes, 200,000 items, 50,000 loans, 30,000
// documents, indexed, written through archive.import a thousand records at a time.
Status seedLargeArchive(const Services& s, const Actor& admin, const SeedOptions& options);

} // namespace fd::archives
