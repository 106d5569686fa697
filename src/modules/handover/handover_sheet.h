#pragma once

#include "util/error.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QTime>

namespace fd {
class Policy;
}

namespace fd::handover {

// A shift of the three-shift system; times are policy parameters ("handover.shifts").
struct ShiftDef {
    QString code;
    Text name;
    QTime start;
    QTime end; // may be before start (a shift over midnight)
};

struct PostDef {
    QString code;
    Text name;
};

struct ChecklistItemDef {
    QString code;
    Text title;
};

// The shifts of a post: its own "shifts" in handover.posts, else handover.shifts (the
// three-shift system by default). Without a post: handover.shifts.
QList<ShiftDef> shifts(const Policy& policy, const QString& post = {});
// A shift code's name in any post (for lists and prints).
Text shiftName(const Policy& policy, const QString& code);
QList<PostDef> posts(const Policy& policy);
QList<ChecklistItemDef> checklistItems(const Policy& policy);

// The shift (and its office date) that the given moment falls in.
struct ShiftSlot {
    ShiftDef shift;
    QDate date;
};
// Between two shifts of a post that does not work round the clock: the last one that began.
ShiftSlot shiftAt(const Policy& policy, const QDateTime& utc, const QString& post = {});

struct SheetMatter {
    qint64 id = 0;
    qint64 sheetId = 0; // the sheet that raised it
    bool carried = false;
    QString cause;
    QString course;
    QString result;
    QString severity; // normal | major | emergency
    QString status;   // open | handled
    QString createdAt;
    [[nodiscard]] bool complete() const;
};

struct SheetInstruction {
    qint64 id = 0;
    bool carried = false;
    QString issuedBy;
    QString text;
    QString recordedAt;
    QString acknowledgedAt;
    QString acknowledgedBy;
};

struct SheetChecklistItem {
    QString item;
    Text title;
    QString state; // unconfirmed | present | missing
    QString note;
    QString confirmedBy;
    QString confirmedAt;
    qint64 confirmedByUserId = 0;
};

struct SheetEquipmentOperation {
    qint64 id = 0;
    QString equipment;
    QString operation; // start | stop
    QString state;     // in_progress | completed
    QString startedAt;
    QString finishedAt;
};

struct SheetMail {
    qint64 id = 0;
    QString kind;
    QString addressee;
    QString unit;
    QString receivedAt;
};

// One blocker item a supervisor's exception lifted: the rule, its check, the item's key
// (a matter id, an item code...) and how it read when the exception was signed.
struct LiftedBlocker {
    QString rule;
    QString check;
    QString key;
    QString label;
};

// A supervisor's signed exception to the blockers of R2-2.4 (特批), where the policy allows
// one: it lifts only the items listed, those present when it was signed.
struct SheetOverride {
    qint64 id = 0;
    QString approvedBy;
    QString reason;
    QString signedAt;
    QList<LiftedBlocker> lifted;
};

struct SheetAddendum {
    qint64 id = 0;
    QString text;
    QString addedAt;
    QString addedBy;
};

// One handover sheet (交接班记录) with what it carries over. An open sheet is read live;
// a completed one from the content frozen at completion, so what was signed never moves.
struct HandoverSheet {
    qint64 id = 0;
    QString post;
    QString shift;
    QString shiftDate;
    QString openedAt;
    QString status;
    qint64 outgoingUserId = 0;
    QString outgoing;
    qint64 incomingUserId = 0;
    QString incoming;
    qint64 unfitUserId = 0;
    QString unfit;
    QString unfitCondition;
    QString overrideBy; // sheets before exceptions were recorded by item
    QString overrideReason;
    QString overrideAt;
    QString completedAt;
    QList<SheetOverride> overrides;
    // The waiting mail the incoming person confirmed face to face (R6-6), the latest time.
    QList<qint64> mailConfirmedIds;
    qint64 mailConfirmedByUserId = 0;
    QString mailConfirmedBy;
    QString mailConfirmedAt;
    QList<SheetMatter> matters;
    QList<SheetInstruction> instructions;
    QList<SheetChecklistItem> checklist;
    QList<SheetEquipmentOperation> equipment;
    QList<SheetMail> mail;
    QStringList publicRepairs;    // seam for the repairs area (R2-2.3)
    QList<SheetAddendum> addenda; // not part of the signed content

    [[nodiscard]] bool completed() const { return status == QStringLiteral("completed"); }
    [[nodiscard]] bool overridden() const {
        return !overrideReason.isEmpty() || !overrides.isEmpty();
    }
    // Whether a signed exception lifted this item of the check.
    [[nodiscard]] bool lifted(const QString& check, const QString& key) const;
};

// When the sheet's shift ends (UTC), from the policy's shifts of its post.
QDateTime shiftEnd(const Policy& policy, const HandoverSheet& sheet);

// The open sheets (of one outgoing person, or of everyone when userId is 0) whose shift
// ended at least graceMinutes before `now` (R6-5, R2-1.6). Headers only.
Result<QList<HandoverSheet>> openSheetsPastShift(const QSqlDatabase& db, const Policy& policy,
                                                 const QDateTime& now, int graceMinutes,
                                                 qint64 userId = 0);

// Reads the sheet as it is now (live for an open sheet, frozen for a completed one).
Result<HandoverSheet> loadSheet(const QSqlDatabase& db, qint64 id);
// Reads an open sheet live from the tables, ignoring any frozen content.
Result<HandoverSheet> loadLiveSheet(const QSqlDatabase& db, qint64 id);
// The canonical content that signatures hash (stable key order, no addenda).
QByteArray canonicalContent(const HandoverSheet& sheet);
// The open sheet of a post, 0 when there is none.
Result<qint64> openSheetId(const QSqlDatabase& db, const QString& post);

} // namespace fd::handover
