#pragma once

#include "actions/action_registry.h"
#include "services/query_registry.h"
#include "util/error.h"

#include <QDateTime>
#include <QMap>
#include <QSqlDatabase>
#include <functional>

namespace fd {

class Policy;
class Services;

// How a parameter that links a record reads in words: a resident's id as 张伟（A-1203）, a
// list of volume numbers as each number with its title. Registered per parameter name by
// the area that owns the record.
using ValueNamer = std::function<Result<QString>(const QSqlDatabase&, const QVariant& value)>;

class ValueNames final {
public:
    void add(const QString& param, ValueNamer namer);
    [[nodiscard]] const ValueNamer* find(const QString& param) const;

private:
    QMap<QString, ValueNamer> namers_;
};

// A clause cited the same way on every screen and print: R6-4 → 第6篇 第4条 / Part 6,
// clause 4; several joined with "；" / "; ".
Text citeClauses(const QStringList& ids);

// The role or roles ("supervisor,cs_manager") by name: 客服主管或客服部经理.
Text roleNames(const Policy& policy, const QString& roles);

// What an approval request asks, as the form it approves: the action's title and each
// parameter by its label with its value in words, linked records named.
struct FormField {
    Text label;
    Text value;
};
Result<QList<FormField>> describeParams(const Services& services, const QSqlDatabase& db,
                                        const ActionDef& def, const QVariantMap& params);

// An approval request as its approver reads and signs it.
struct ApprovalForm {
    qint64 id = 0;
    QString action;
    Text title;
    QList<FormField> fields;
    QString requester; // the person's name
    qint64 requesterUserId = 0;
    QDateTime requestedAt;
    QString reason;
    Text why;              // the rule's message, with its clause cited
    QString approverRoles; // role codes, as stored
    Text approvers;        // the same by name
    QString status;        // pending | approved | rejected
    QString decidedBy;
    QDateTime decidedAt;
    QString note;
    QString resultId; // the record the approved action made

    // The request as the approver reads it, one "label: value" line each (what the sign
    // dialog shows under "What you sign").
    [[nodiscard]] QString text(bool chinese) const;
    // What a decision's signature covers: the form as shown in both languages, then the
    // decision and its note. Stored fields only: it reads the same as long as the request
    // and its decision are unchanged.
    [[nodiscard]] QByteArray canonical() const;
    // The form as a two-column list (label, value) for the page and `frontdeskctl query`.
    [[nodiscard]] QueryResult asList() const;
};

Text approvalStatusWord(const QString& status);

// Reads approval request `id` as its form. The fields were described when the request was
// made, so the approver signs what the requester asked for.
Result<ApprovalForm> loadApprovalForm(const Services& services, const QSqlDatabase& db, qint64 id);

// The person's own requests decided since `since`, newest first, as dashboard entries:
// 你的申请已批准：#7 物品寄存/转交 —— 意见：同意.
Result<QList<AttentionItem>> decidedRequests(const Services& services, const Actor& requester,
                                             const QDateTime& since);

// A request of one action waiting for approval, for its area's list to show it as 待批准
// beside the records the action makes (a custody item, a loan), by its request number.
struct PendingRequest {
    qint64 id = 0;
    QVariantMap params;
    QString requester;
    QDateTime requestedAt;
};
Result<QList<PendingRequest>> pendingRequests(const QSqlDatabase& db, const QString& action);

// The described fields stored with a new request (approvals.form).
QByteArray fieldsJson(const QList<FormField>& fields);

} // namespace fd
