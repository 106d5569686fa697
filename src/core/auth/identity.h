#pragma once

#include <QString>
#include <QStringList>

namespace fd {

// A person the product has authenticated.
struct Actor {
    qint64 userId = 0;
    QString login;
    QString displayName;
    QStringList roles;
    qint64 staffId = 0;
    [[nodiscard]] bool hasRole(const QString& role) const { return roles.contains(role); }
    // An approval waits for any of several roles, stored comma-separated
    // ("supervisor,cs_manager"): true when this person holds one of them.
    [[nodiscard]] bool hasAnyRole(const QString& commaSeparated) const {
        for (const QString& r : commaSeparated.split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (roles.contains(r.trimmed()))
                return true;
        return false;
    }
};

// What a signer typed at the moment of signing.
struct SignatureInput {
    QString meaning; // outgoing, incoming, approver, borrower, custodian, ...
    QString login;
    QString password;
};

// A signature whose password was checked.
struct VerifiedSignature {
    QString meaning;
    Actor signer;
};

} // namespace fd
