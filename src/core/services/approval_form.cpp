#include "services/approval_form.h"

#include "db/sql.h"
#include "rules/policy.h"
#include "services/query_registry.h"
#include "services/services.h"
#include "util/clock.h"
#include "util/privacy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace fd {

void ValueNames::add(const QString& param, ValueNamer namer) {
    namers_.insert(param, std::move(namer));
}

const ValueNamer* ValueNames::find(const QString& param) const {
    const auto it = namers_.constFind(param);
    return it == namers_.cend() ? nullptr : &*it;
}

Text citeClauses(const QStringList& ids) {
    static const QRegularExpression form(QStringLiteral("^R(\\d+)-(.+)$"));
    QStringList en;
    QStringList zh;
    for (const QString& raw : ids) {
        const QString id = raw.trimmed();
        if (id.isEmpty())
            continue;
        const auto m = form.match(id);
        if (!m.hasMatch()) {
            en << id;
            zh << id;
            continue;
        }
        en << QStringLiteral("Part %1, clause %2").arg(m.captured(1), m.captured(2));
        zh << QStringLiteral("第%1篇 第%2条").arg(m.captured(1), m.captured(2));
    }
    return {en.join(QStringLiteral("; ")), zh.join(QStringLiteral("；"))};
}

Text roleNames(const Policy& policy, const QString& roles) {
    QStringList en;
    QStringList zh;
    for (const QString& part : roles.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString code = part.trimmed();
        const RoleDef role = policy.roles().value(code);
        en << (role.code.isEmpty() ? code : role.name.en);
        zh << (role.code.isEmpty() ? code : role.name.zh);
    }
    return {en.join(QStringLiteral(" or ")), zh.join(QStringLiteral("或"))};
}

Text approvalStatusWord(const QString& status) {
    if (status == QStringLiteral("pending"))
        return {QStringLiteral("Waiting for approval"), QStringLiteral("待批准")};
    if (status == QStringLiteral("approved"))
        return {QStringLiteral("Approved"), QStringLiteral("已批准")};
    if (status == QStringLiteral("rejected"))
        return {QStringLiteral("Rejected"), QStringLiteral("已驳回")};
    return {status, status};
}

namespace {

Text same(const QString& text) {
    return {text, text};
}

// A value as words of its type; a linked record by its name.
Result<Text> valueWords(const Services& services, const QSqlDatabase& db, const ParamSpec& spec,
                        const QVariant& value) {
    if (const ValueNamer* namer = services.valueNames().find(spec.name)) {
        auto named = (*namer)(db, value);
        if (!named)
            return fail(named.error());
        return same(maskPhonesInText(*named));
    }
    switch (spec.type) {
    case ParamType::Bool:
        return value.toBool() ? Text{QStringLiteral("Yes"), QStringLiteral("是")}
                              : Text{QStringLiteral("No"), QStringLiteral("否")};
    case ParamType::Money: {
        const QString yuan = QString::number(value.toLongLong() / 100.0, 'f', 2);
        return Text{QStringLiteral("%1 yuan").arg(yuan), QStringLiteral("%1元").arg(yuan)};
    }
    case ParamType::Date:
        return same(value.toDate().toString(Qt::ISODate));
    case ParamType::Choice:
        if (const auto it = spec.choiceWords.constFind(value.toString());
            it != spec.choiceWords.cend())
            return *it;
        return same(value.toString());
    case ParamType::TextList:
        return Text{value.toStringList().join(QStringLiteral(", ")),
                    value.toStringList().join(QStringLiteral("、"))};
    case ParamType::Text:
    case ParamType::LongText:
    case ParamType::Int:
    case ParamType::Id:
        break;
    }
    return same(maskPhonesInText(value.toString()));
}

bool given(const QVariant& value) {
    if (!value.isValid() || value.isNull())
        return false;
    if (value.typeId() == QMetaType::QStringList)
        return !value.toStringList().isEmpty();
    return !value.toString().isEmpty();
}

QJsonObject textJson(const Text& t) {
    return {{QStringLiteral("en"), t.en}, {QStringLiteral("zh"), t.zh}};
}

Text textOf(const QJsonValue& v) {
    const QJsonObject o = v.toObject();
    return {o.value(QStringLiteral("en")).toString(), o.value(QStringLiteral("zh")).toString()};
}

QString officeTime(const QDateTime& utc) {
    return utc.isValid() ? storedTimeAsOfficeText(toStorage(utc)) : QString();
}

struct Line {
    Text label;
    Text value;
};

QList<Line> linesOf(const ApprovalForm& f) {
    QList<Line> lines;
    lines.push_back({{QStringLiteral("Request"), QStringLiteral("申请")},
                     {QStringLiteral("%1 (request #%2)").arg(f.title.en).arg(f.id),
                      QStringLiteral("%1（申请 #%2）").arg(f.title.zh).arg(f.id)}});
    for (const FormField& field : f.fields)
        lines.push_back({field.label, field.value});
    if (!f.reason.isEmpty())
        lines.push_back({{QStringLiteral("Reason"), QStringLiteral("原因")}, same(f.reason)});
    lines.push_back({{QStringLiteral("Requested by"), QStringLiteral("申请人")},
                     {QStringLiteral("%1, %2").arg(f.requester, officeTime(f.requestedAt)),
                      QStringLiteral("%1，%2").arg(f.requester, officeTime(f.requestedAt))}});
    lines.push_back(
        {{QStringLiteral("Why this needs approval"), QStringLiteral("为何需要审批")}, f.why});
    lines.push_back({{QStringLiteral("Approved by"), QStringLiteral("审批人")}, f.approvers});
    lines.push_back(
        {{QStringLiteral("Status"), QStringLiteral("状态")}, approvalStatusWord(f.status)});
    if (f.status != QStringLiteral("pending")) {
        lines.push_back({{QStringLiteral("Decided by"), QStringLiteral("审批")},
                         {QStringLiteral("%1, %2").arg(f.decidedBy, officeTime(f.decidedAt)),
                          QStringLiteral("%1，%2").arg(f.decidedBy, officeTime(f.decidedAt))}});
        if (!f.note.isEmpty())
            lines.push_back({{QStringLiteral("Note"), QStringLiteral("意见")}, same(f.note)});
    }
    return lines;
}

} // namespace

Result<QList<FormField>> describeParams(const Services& services, const QSqlDatabase& db,
                                        const ActionDef& def, const QVariantMap& params) {
    QList<FormField> fields;
    for (const ParamSpec& spec : def.params) {
        if (spec.secret || !given(params.value(spec.name)))
            continue;
        auto words = valueWords(services, db, spec, params.value(spec.name));
        if (!words)
            return fail(words.error());
        fields.push_back({spec.label, *words});
    }
    return fields;
}

QByteArray fieldsJson(const QList<FormField>& fields) {
    QJsonArray a;
    for (const FormField& f : fields)
        a.append(QJsonObject{{QStringLiteral("label"), textJson(f.label)},
                             {QStringLiteral("value"), textJson(f.value)}});
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

QString ApprovalForm::text(bool chinese) const {
    QStringList out;
    for (const Line& l : linesOf(*this))
        out << (chinese ? QStringLiteral("%1：%2") : QStringLiteral("%1: %2"))
                   .arg(l.label.in(chinese), l.value.in(chinese));
    return out.join(QLatin1Char('\n'));
}

QByteArray ApprovalForm::canonical() const {
    QJsonArray lines;
    for (const Line& l : linesOf(*this))
        lines.append(QJsonArray{textJson(l.label), textJson(l.value)});
    return QJsonDocument(lines).toJson(QJsonDocument::Compact);
}

QueryResult ApprovalForm::asList() const {
    QueryResult r;
    QueryColumn label{
        QStringLiteral("label"), {QStringLiteral("Field"), QStringLiteral("项目")}, {}};
    QueryColumn value{
        QStringLiteral("value"), {QStringLiteral("Value"), QStringLiteral("内容")}, {}};
    for (const Line& l : linesOf(*this)) {
        // The English text is the cell's value; its Chinese reading is its label.
        label.labels.insert(l.label.en, l.label);
        value.labels.insert(l.value.en, l.value);
        r.rows.push_back({l.label.en, l.value.en});
    }
    r.columns = {label, value};
    return r;
}

Result<ApprovalForm> loadApprovalForm(const Services& services, const QSqlDatabase& db, qint64 id) {
    auto row = sql::one(
        db,
        QStringLiteral(
            "SELECT a.id, a.action, a.params, a.reason, a.requester_user_id, r.display_name, "
            "a.requested_at, a.approver_role, a.rule_id, a.clause, a.status, "
            "coalesce(d.display_name, ''), coalesce(a.decided_at, ''), a.decision_note, "
            "a.result_entity_id, coalesce(a.form, '') FROM approvals a "
            "JOIN users r ON r.id = a.requester_user_id "
            "LEFT JOIN users d ON d.id = a.decided_by_user_id WHERE a.id = ?"),
        {id},
        Error::notFound(QStringLiteral("id"),
                        {QStringLiteral("Approval request %1 does not exist.").arg(id),
                         QStringLiteral("审批申请 %1 不存在。").arg(id)}));
    if (!row)
        return fail(row.error());
    ApprovalForm f;
    f.id = row->value(0).toLongLong();
    f.action = row->value(1).toString();
    const ActionDef* def = services.actions().find(f.action);
    f.title = def != nullptr ? def->title : same(f.action);
    f.reason = row->value(3).toString();
    f.requesterUserId = row->value(4).toLongLong();
    f.requester = row->value(5).toString();
    f.requestedAt = fromStorage(row->value(6).toString());
    f.approverRoles = row->value(7).toString();
    f.approvers = roleNames(services.policy(), f.approverRoles);
    const RuleDef* rule = services.policy().rule(row->value(8).toString());
    const Text cited =
        citeClauses(rule != nullptr ? rule->clauses : QStringList{row->value(9).toString()});
    const Text message = rule != nullptr ? rule->message : Text{};
    f.why = {QStringLiteral("%1 (%2)").arg(message.en, cited.en),
             QStringLiteral("%1（%2）").arg(message.zh, cited.zh)};
    f.status = row->value(10).toString();
    f.decidedBy = row->value(11).toString();
    f.decidedAt = fromStorage(row->value(12).toString());
    f.note = row->value(13).toString();
    f.resultId = row->value(14).toString();
    const QString stored = row->value(15).toString();
    if (!stored.isEmpty()) {
        for (const QJsonValue& v : QJsonDocument::fromJson(stored.toUtf8()).array())
            f.fields.push_back({textOf(v.toObject().value(QStringLiteral("label"))),
                                textOf(v.toObject().value(QStringLiteral("value")))});
    } else if (def != nullptr) {
        // A request made before requests carried their form: described as it reads now.
        const QVariantMap params =
            QJsonDocument::fromJson(row->value(2).toString().toUtf8()).object().toVariantMap();
        auto fields = describeParams(services, db, *def, params);
        if (!fields)
            return fail(fields.error());
        f.fields = *fields;
    }
    return f;
}

Result<QList<PendingRequest>> pendingRequests(const QSqlDatabase& db, const QString& action) {
    return sql::list<PendingRequest>(
        db,
        QStringLiteral("SELECT a.id, a.params, u.display_name, a.requested_at FROM approvals a "
                       "JOIN users u ON u.id = a.requester_user_id "
                       "WHERE a.status = 'pending' AND a.action = ? ORDER BY a.id DESC"),
        {action}, [](const QSqlQuery& q) {
            return PendingRequest{
                q.value(0).toLongLong(),
                QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object().toVariantMap(),
                q.value(2).toString(), fromStorage(q.value(3).toString())};
        });
}

Result<QList<AttentionItem>> decidedRequests(const Services& services, const Actor& requester,
                                             const QDateTime& since) {
    const QSqlDatabase db = services.database().connection();
    auto ids = sql::ids(db,
                        QStringLiteral("SELECT id FROM approvals WHERE requester_user_id = ? AND "
                                       "status <> 'pending' AND decided_at >= ? "
                                       "ORDER BY decided_at DESC, id DESC"),
                        {requester.userId, toStorage(since)});
    if (!ids)
        return fail(ids.error());
    QList<AttentionItem> items;
    for (const qint64 id : *ids) {
        auto f = loadApprovalForm(services, db, id);
        if (!f)
            return fail(f.error());
        const bool approved = f->status == QStringLiteral("approved");
        Text text{QStringLiteral("Your request was %1: #%2 %3 (%4)")
                      .arg(approved ? QStringLiteral("approved") : QStringLiteral("rejected"))
                      .arg(f->id)
                      .arg(f->title.en, f->decidedBy),
                  QStringLiteral("你的申请%1：#%2 %3（%4）")
                      .arg(approved ? QStringLiteral("已批准") : QStringLiteral("已驳回"))
                      .arg(f->id)
                      .arg(f->title.zh, f->decidedBy)};
        if (!f->note.isEmpty()) {
            text.en += QStringLiteral(" — note: %1").arg(f->note);
            text.zh += QStringLiteral("——意见：%1").arg(f->note);
        }
        items.push_back({QStringLiteral("approval"), QString::number(f->id), text, f->decidedAt});
    }
    return items;
}

} // namespace fd
