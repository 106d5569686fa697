#pragma once

// Shared by the keys module's source files; not for other areas.
#include "module/toolkit.h"
#include "services/services.h"

#include <QDateTime>
#include <QJsonObject>

namespace fd::keys {

using kit::bad;
using kit::col;
using kit::idParam;
using kit::missing;
using kit::optionalIdParam;
using kit::param;
using kit::textParam;
using kit::tx;
using sql::insertId;

// A physical key or ring the office holds (R3-4.5.2, R3-4.5.4).
struct KeyItem {
    qint64 id = 0;
    QString tag;
    QString category; // owner, public, equipment, water_meter
    qint64 roomId = 0;
    QString roomCode;
    qint64 depositId = 0;
    QString label;
    QString hook;
    int copies = 1;
    bool emergency = false;
    QString status; // in, out, lost, retired
};

// The key with tag `tag`; a missing one names `field`.
Result<KeyItem> loadKey(const QSqlDatabase& db, const QString& tag, const QString& field);
// Keys named by their tags (a list parameter); every one must exist.
Result<QList<KeyItem>> loadKeys(const QSqlDatabase& db, const QStringList& tags,
                                const QString& field);

// Appends an event to the key's history (kept for good).
Status addHistory(const QSqlDatabase& db, qint64 keyId, const QDateTime& at, const QString& event,
                  const QString& detail, const QString& login);

// How the area's stored codes read in lists, exports and prints.
const QMap<QString, Text>& categoryLabels(); // R3-4.5.2
const QMap<QString, Text>& slotKindLabels(); // R3-4.5.3
const QMap<QString, Text>& custodyLabels();  // 未托管, 业主托管, 开发商移交, 空置房
const QMap<QString, Text>& statusLabels();   // in, out, lost, retired
const QMap<QString, Text>& loanLabels();     // loan kind, status, condition
const QMap<QString, Text>& borrowerLabels(); // staff, owner, outside, authorised
const QMap<QString, Text>& eventLabels();    // history events
// The words of a code in `labels` (the code itself when unknown).
inline Text wordsOf(const QMap<QString, Text>& labels, const QString& code) {
    return labels.value(code, Text{code, code});
}
// The policy's loan purposes (rule key-loan-purpose): code → words.
QMap<QString, Text> purposes(const Policy& policy);

// An expected return typed as "yyyy-MM-dd HH:mm" or "HH:mm" (today) in office time; an
// invalid time when it reads as neither.
QDateTime parseOfficeTime(const QString& text, const QDate& today);

// The five owner-key kinds (R3-4.5.3), in the order of the register.
const QStringList& slotKinds();

// Registers an action whose handler sees every text field it declares, absent ones as ''.
void addAction(ActionRegistry& registry, ActionDef def);

void registerKeyChecks(Services& s);
void registerRegisterActions(Services& s);
void registerLoanActions(Services& s);
void registerKeyQueries(Services& s);
void registerKeyForms(Services& s);
Status seedKeys(const Services& s, const Actor& admin, const SeedOptions& options);

} // namespace fd::keys
