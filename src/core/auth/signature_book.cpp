#include "auth/signature_book.h"

#include "db/sql.h"
#include "util/clock.h"

#include <QCryptographicHash>

namespace fd {

void SignatureBook::registerContent(const QString& entity, ContentProvider provider) {
    providers_.insert(entity, std::move(provider));
}

bool SignatureBook::hasContent(const QString& entity) const {
    return providers_.contains(entity);
}

QString SignatureBook::hashContent(const QByteArray& content) {
    return QString::fromLatin1(
        QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}

Result<QByteArray> SignatureBook::content(const QSqlDatabase& db, const QString& entity,
                                          const QString& id) const {
    const auto it = providers_.find(entity);
    if (it == providers_.end())
        return QByteArray();
    return it.value()(db, id);
}

Status SignatureBook::record(const QSqlDatabase& db, qint64 auditSeq, const QString& entity,
                             const QString& entityId, const VerifiedSignature& sig,
                             const QDateTime& at, const QString& contentHash) const {
    auto q =
        sql::exec(db,
                  QStringLiteral("INSERT INTO signatures(audit_seq, entity, entity_id, meaning, "
                                 "signer_user_id, signer_name, signed_at, content_hash) "
                                 "VALUES (?,?,?,?,?,?,?,?)"),
                  {auditSeq, entity, entityId, sig.meaning, sig.signer.userId,
                   sig.signer.displayName, toStorage(at), contentHash});
    if (!q)
        return fail(q.error());
    return {};
}

Result<QList<StoredSignature>> SignatureBook::forRecord(const QSqlDatabase& db,
                                                        const QString& entity,
                                                        const QString& entityId) const {
    auto q = sql::exec(db,
                       QStringLiteral("SELECT id, audit_seq, meaning, signer_user_id, signer_name, "
                                      "signed_at, content_hash FROM signatures WHERE entity = ? "
                                      "AND entity_id = ? ORDER BY id"),
                       {entity, entityId});
    if (!q)
        return fail(q.error());
    QList<StoredSignature> out;
    while (q->next()) {
        StoredSignature s;
        s.id = q->value(0).toLongLong();
        s.auditSeq = q->value(1).toLongLong();
        s.entity = entity;
        s.entityId = entityId;
        s.meaning = q->value(2).toString();
        s.signerUserId = q->value(3).toLongLong();
        s.signerName = q->value(4).toString();
        s.signedAt = fromStorage(q->value(5).toString());
        s.contentHash = q->value(6).toString();
        out.push_back(s);
    }
    if (providers_.contains(entity) && !out.isEmpty()) {
        auto now = content(db, entity, entityId);
        if (!now)
            return fail(now.error());
        const QString current = hashContent(*now);
        for (auto& s : out)
            s.valid = s.contentHash == current;
    }
    return out;
}

} // namespace fd
