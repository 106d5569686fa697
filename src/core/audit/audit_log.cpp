#include "audit/audit_log.h"

#include "db/database.h"
#include "db/sql.h"
#include "util/clock.h"

#include <QJsonDocument>
#include <array>
#include <sodium.h>
#include <sqlite3.h>
#include <string>
#include <string_view>

namespace fd {
using sql::text;
namespace {

constexpr int kHashedFields = 11; // seq .. rules, then prev_hash is appended

// Canonical form: for each field "<byte length>:<bytes>\n", then the previous hash.
class CanonicalHasher {
public:
    void reset() { buffer_.clear(); }
    void field(std::string_view v) {
        buffer_ += std::to_string(v.size());
        buffer_ += ':';
        buffer_ += v;
        buffer_ += '\n';
    }
    std::string finish(std::string_view prevHash) {
        buffer_ += prevHash;
        std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
        crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(buffer_.data()),
                           buffer_.size());
        std::string hex(digest.size() * 2, '0');
        static constexpr char kHex[] = "0123456789abcdef";
        for (size_t i = 0; i < digest.size(); ++i) {
            hex[2 * i] = kHex[digest[i] >> 4];
            hex[2 * i + 1] = kHex[digest[i] & 0x0F];
        }
        return hex;
    }

private:
    std::string buffer_;
};

QByteArray json(const QJsonObject& o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::string_view view(const QByteArray& b) {
    return {b.constData(), static_cast<size_t>(b.size())};
}

} // namespace

const QString AuditLog::kGenesisHash = QString(64, QLatin1Char('0'));

QString AuditHead::text() const {
    return QStringLiteral("%1:%2").arg(seq).arg(hash);
}

std::optional<AuditHead> AuditHead::parse(const QString& text) {
    const auto parts = text.split(QLatin1Char(':'));
    bool ok = false;
    if (parts.size() != 2)
        return std::nullopt;
    const qint64 seq = parts[0].toLongLong(&ok);
    if (!ok || seq < 1 || parts[1].size() != 64)
        return std::nullopt;
    return AuditHead{seq, parts[1].toLower()};
}

QString AuditLog::rowHash(qint64 seq, const QString& atUtc, const AuditEntry& e,
                          const QString& prevHash) {
    CanonicalHasher h;
    const std::array<QByteArray, kHashedFields> fields = {QByteArray::number(seq),
                                                          atUtc.toUtf8(),
                                                          e.actor.toUtf8(),
                                                          e.action.toUtf8(),
                                                          e.entity.toUtf8(),
                                                          e.entityId.toUtf8(),
                                                          json(e.oldValues),
                                                          json(e.newValues),
                                                          e.reason.toUtf8(),
                                                          e.policyVersion.toUtf8(),
                                                          e.rules.join(QLatin1Char(',')).toUtf8()};
    for (const auto& f : fields)
        h.field(view(f));
    const QByteArray prev = prevHash.toUtf8();
    return QString::fromStdString(h.finish(view(prev)));
}

Result<qint64> AuditLog::append(const QSqlDatabase& db, const QDateTime& atUtc,
                                const AuditEntry& entry) {
    auto last =
        sql::exec(db, QStringLiteral("SELECT seq, row_hash FROM audit_log ORDER BY seq DESC "
                                     "LIMIT 1"));
    if (!last)
        return fail(last.error());
    qint64 seq = 1;
    QString prev = kGenesisHash;
    if (last->next()) {
        seq = last->value(0).toLongLong() + 1;
        prev = last->value(1).toString();
    }
    const QString at = toStorage(atUtc);
    const QString hash = rowHash(seq, at, entry, prev);
    auto ins = sql::exec(
        db,
        QStringLiteral(
            "INSERT INTO audit_log(seq, at_utc, actor, action, entity, entity_id, "
            "old_values, new_values, reason, policy_version, rules, prev_hash, row_hash) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        {seq, at, text(entry.actor), text(entry.action), text(entry.entity), text(entry.entityId),
         QString::fromUtf8(json(entry.oldValues)), QString::fromUtf8(json(entry.newValues)),
         text(entry.reason), text(entry.policyVersion), text(entry.rules.join(QLatin1Char(','))),
         prev, hash});
    if (!ins)
        return fail(ins.error());
    return seq;
}

Result<AuditHead> AuditLog::head(const QSqlDatabase& db) {
    auto q = sql::exec(db, QStringLiteral("SELECT seq, row_hash FROM audit_log ORDER BY seq DESC "
                                          "LIMIT 1"));
    if (!q)
        return fail(q.error());
    if (!q->next())
        return AuditHead{0, kGenesisHash};
    return AuditHead{q->value(0).toLongLong(), q->value(1).toString()};
}

Result<ChainReport> AuditLog::verify(const Database& db, const std::optional<AuditHead>& anchor) {
    ChainReport report;
    sqlite3* handle = db.sqliteHandle();
    if (handle == nullptr)
        return fail(Error::internal(QStringLiteral("audit verify needs the SQLite handle")));
    sqlite3_stmt* stmt = nullptr;
    const char* select = "SELECT seq, at_utc, actor, action, entity, entity_id, old_values, "
                         "new_values, reason, policy_version, rules, prev_hash, row_hash "
                         "FROM audit_log ORDER BY seq";
    if (sqlite3_prepare_v2(handle, select, -1, &stmt, nullptr) != SQLITE_OK) {
        const QString why = QString::fromUtf8(sqlite3_errmsg(handle));
        return fail(Error::integrity({QStringLiteral("The audit table cannot be read: %1").arg(why),
                                      QStringLiteral("无法读取审计表：%1").arg(why)}));
    }
    auto text = [stmt](int col) {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, col));
        return std::string_view(p == nullptr ? "" : p,
                                static_cast<size_t>(sqlite3_column_bytes(stmt, col)));
    };
    CanonicalHasher hasher;
    std::string prev = kGenesisHash.toStdString();
    qint64 expected = 1;
    bool anchorSeen = false;
    int rc = SQLITE_OK;
    auto broken = [&](qint64 seq, const QString& why) {
        report.ok = false;
        report.firstBrokenSeq = seq;
        report.problem = why;
    };
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const qint64 seq = sqlite3_column_int64(stmt, 0);
        if (seq != expected) {
            broken(expected, seq > expected ? QStringLiteral("row %1 is missing").arg(expected)
                                            : QStringLiteral("sequence out of order"));
            break;
        }
        const std::string_view storedPrev = text(11);
        const std::string_view storedHash = text(12);
        if (storedPrev != prev) {
            broken(seq, QStringLiteral("previous hash does not match row %1").arg(seq - 1));
            break;
        }
        hasher.reset();
        hasher.field(std::to_string(seq));
        for (int col = 1; col <= 10; ++col)
            hasher.field(text(col));
        const std::string computed = hasher.finish(storedPrev);
        if (computed != storedHash) {
            broken(seq, QStringLiteral("row content does not match its hash"));
            break;
        }
        if (anchor && anchor->seq == seq) {
            anchorSeen = true;
            if (storedHash != anchor->hash.toStdString()) {
                broken(seq, QStringLiteral("the chain differs from the anchor printed on paper"));
                break;
            }
        }
        prev.assign(storedHash);
        ++expected;
        ++report.rows;
    }
    const bool readFailed = rc != SQLITE_ROW && rc != SQLITE_DONE;
    sqlite3_finalize(stmt);
    if (readFailed)
        return fail(Error::integrity({QStringLiteral("The audit table cannot be read."),
                                      QStringLiteral("无法读取审计表。")}));
    if (report.ok && anchor && !anchorSeen)
        broken(anchor->seq,
               QStringLiteral("the chain no longer contains the anchored row (truncated)"));
    return report;
}

Result<QList<AuditRow>> AuditLog::rows(const QSqlDatabase& db, const QString& entity,
                                       const QDateTime& since, int limit) {
    auto q = sql::exec(
        db,
        QStringLiteral("SELECT seq, at_utc, actor, action, entity, entity_id, old_values, "
                       "new_values, reason, policy_version, rules, prev_hash, row_hash "
                       "FROM audit_log WHERE (? = '' OR entity = ?) AND at_utc >= ? "
                       "ORDER BY seq DESC LIMIT ?"),
        {text(entity), text(entity), since.isValid() ? toStorage(since) : text({}), limit});
    if (!q)
        return fail(q.error());
    QList<AuditRow> out;
    while (q->next()) {
        AuditRow r;
        r.seq = q->value(0).toLongLong();
        r.at = fromStorage(q->value(1).toString());
        r.entry.actor = q->value(2).toString();
        r.entry.action = q->value(3).toString();
        r.entry.entity = q->value(4).toString();
        r.entry.entityId = q->value(5).toString();
        r.entry.oldValues = QJsonDocument::fromJson(q->value(6).toByteArray()).object();
        r.entry.newValues = QJsonDocument::fromJson(q->value(7).toByteArray()).object();
        r.entry.reason = q->value(8).toString();
        r.entry.policyVersion = q->value(9).toString();
        r.entry.rules = q->value(10).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        r.prevHash = q->value(11).toString();
        r.rowHash = q->value(12).toString();
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace fd
