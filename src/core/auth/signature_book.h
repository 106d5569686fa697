#pragma once

#include "auth/identity.h"
#include "util/error.h"

#include <QDateTime>
#include <QMap>
#include <QSqlDatabase>
#include <functional>

namespace fd {

// The canonical content of a signed record, as its module defines it.
using ContentProvider = std::function<Result<QByteArray>(const QSqlDatabase&, const QString& id)>;

struct StoredSignature {
    qint64 id = 0;
    qint64 auditSeq = 0;
    QString entity;
    QString entityId;
    QString meaning;
    qint64 signerUserId = 0;
    QString signerName;
    QDateTime signedAt;
    QString contentHash;
    bool valid = true; // false once the signed content has changed
};

// E-signatures: who, when, meaning, and a hash of the content signed. A later edit of
// the content shows the signature as invalid.
class SignatureBook final {
public:
    void registerContent(const QString& entity, ContentProvider provider);
    [[nodiscard]] bool hasContent(const QString& entity) const;

    static QString hashContent(const QByteArray& content);
    Result<QByteArray> content(const QSqlDatabase& db, const QString& entity,
                               const QString& id) const;

    Status record(const QSqlDatabase& db, qint64 auditSeq, const QString& entity,
                  const QString& entityId, const VerifiedSignature& sig, const QDateTime& at,
                  const QString& contentHash) const;
    // Signatures on a record, each with its validity against the content as it is now.
    Result<QList<StoredSignature>> forRecord(const QSqlDatabase& db, const QString& entity,
                                             const QString& entityId) const;

private:
    QMap<QString, ContentProvider> providers_;
};

} // namespace fd
