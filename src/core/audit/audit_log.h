#pragma once

#include "util/error.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>
#include <optional>

namespace fd {

class Database;

// One row of the append-only, hash-chained audit table.
struct AuditEntry {
    QString actor;
    QString action;
    QString entity;
    QString entityId;
    QJsonObject oldValues;
    QJsonObject newValues;
    QString reason;
    QString policyVersion;
    QStringList rules; // rule ids evaluated for this action
};

struct AuditRow {
    qint64 seq = 0;
    QDateTime at;
    AuditEntry entry;
    QString prevHash;
    QString rowHash;
};

struct AuditHead {
    qint64 seq = 0;
    QString hash;
    [[nodiscard]] QString text() const; // "SEQ:HASH" as printed on paper
    static std::optional<AuditHead> parse(const QString& text);
};

struct ChainReport {
    bool ok = true;
    qint64 rows = 0;
    qint64 firstBrokenSeq = 0; // 0 when ok
    QString problem;
    AuditHead head; // the last row of a chain that holds (0 and the genesis hash when empty)
};

class AuditLog final {
public:
    static const QString kGenesisHash;

    // Appends one row in the caller's write transaction; returns its sequence number.
    static Result<qint64> append(const QSqlDatabase& db, const QDateTime& atUtc,
                                 const AuditEntry& entry);
    static Result<AuditHead> head(const QSqlDatabase& db);
    // Walks the whole chain; with an anchor, also proves the chain still holds that head.
    static Result<ChainReport> verify(const Database& db,
                                      const std::optional<AuditHead>& anchor = std::nullopt);
    // The same walk over the audit table's rows as PostgreSQL COPY text: the block
    // "COPY public.audit_log (seq, ...) FROM stdin;" ... "\." that pg_restore --data-only
    // prints for a pg_dump archive (columns found by name, \N is NULL, backslash escapes).
    static Result<ChainReport>
    verifyCopyText(const QByteArray& copyText,
                   const std::optional<AuditHead>& anchor = std::nullopt);
    static Result<QList<AuditRow>> rows(const QSqlDatabase& db, const QString& entity,
                                        const QDateTime& since, int limit = 1000);

    // SHA-256 hex over the canonical serialisation of the fields plus the previous hash.
    static QString rowHash(qint64 seq, const QString& atUtc, const AuditEntry& entry,
                           const QString& prevHash);
};

} // namespace fd
