// The keys area's checks, bound to actions by the rules of resources/policy/keys.json
// (R3-4.5.5). A refusal's detail names the field or the keys, in both languages.
#include "keys_internal.h"

#include <QJsonArray>

namespace fd::keys {
namespace {

QString param(const CheckContext& ctx, const char* name) {
    return ctx.params.value(QString::fromLatin1(name)).toString().trimmed();
}

Result<QList<KeyItem>> requestedKeys(const CheckContext& ctx) {
    return loadKeys(ctx.db, ctx.params.value(QStringLiteral("keys")).toStringList(),
                    QStringLiteral("keys"));
}

QString tagsOf(const QList<KeyItem>& keys) {
    QStringList tags;
    for (const KeyItem& k : keys)
        tags << k.tag;
    return tags.join(QStringLiteral(", "));
}

// No private use: a purpose from the policy's list (rule key-loan-purpose).
Result<CheckOutcome> loanPurpose(const CheckContext& ctx) {
    const QString purpose = param(ctx, "purpose");
    if (purpose.isEmpty())
        return CheckOutcome::failed(QStringLiteral("借用事由未填写 / purpose missing"));
    QStringList allowed;
    for (const auto& v : ctx.ruleParams.value(QStringLiteral("purposes")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString code = o.value(QStringLiteral("code")).toString();
        if (purpose == code || purpose == o.value(QStringLiteral("zh")).toString() ||
            purpose.compare(o.value(QStringLiteral("en")).toString(), Qt::CaseInsensitive) == 0)
            return CheckOutcome::pass();
        allowed << o.value(QStringLiteral("zh")).toString();
    }
    return CheckOutcome::failed(
        QStringLiteral("「%1」不是规定的工作事由（%2）/ purpose \"%1\" is not "
                       "one of the work purposes")
            .arg(purpose, allowed.join(QStringLiteral("、"))));
}

// The emergency set leaves only as an emergency loan (rule key-emergency-set-only-in-emergency).
Result<CheckOutcome> notEmergencySet(const CheckContext& ctx) {
    auto keys = requestedKeys(ctx);
    if (!keys)
        return fail(keys.error());
    QList<KeyItem> set;
    for (const KeyItem& k : *keys)
        if (k.emergency)
            set << k;
    if (set.isEmpty())
        return CheckOutcome::pass();
    return CheckOutcome::failed(
        QStringLiteral("紧急备用钥匙 / emergency set: %1").arg(tagsOf(set)));
}

// An owner's key lent to anyone but the owner: the owner's authorisation and contact.
Result<CheckOutcome> ownerAuthorisation(const CheckContext& ctx) {
    if (param(ctx, "borrower_kind") == QStringLiteral("owner"))
        return CheckOutcome::pass();
    auto keys = requestedKeys(ctx);
    if (!keys)
        return fail(keys.error());
    const bool ownerKey = std::any_of(keys->begin(), keys->end(), [](const KeyItem& k) {
        return k.category == QStringLiteral("owner") && k.roomId > 0;
    });
    if (!ownerKey)
        return CheckOutcome::pass();
    static const QMap<QString, QString> words{
        {QStringLiteral("owner_authorisation"), QStringLiteral("业主授权")},
        {QStringLiteral("owner_contacted_at"), QStringLiteral("联系业主时间")},
        {QStringLiteral("owner_contacted_by"), QStringLiteral("联系人")}};
    QStringList missingFields;
    for (const QString& f : kit::strings(ctx.ruleParams.value(QStringLiteral("fields"))))
        if (ctx.params.value(f).toString().trimmed().isEmpty())
            missingFields << QStringLiteral("%1 %2").arg(words.value(f, f), f);
    if (missingFields.isEmpty())
        return CheckOutcome::pass();
    return CheckOutcome::failed(missingFields.join(QStringLiteral(", ")));
}

// A viewing is accompanied by a staff member named on the loan (rule key-viewing-escorted).
Result<CheckOutcome> escortNamed(const CheckContext& ctx) {
    const QStringList purposes = kit::strings(ctx.ruleParams.value(QStringLiteral("purposes")));
    if (!purposes.contains(param(ctx, "purpose")))
        return CheckOutcome::pass();
    if (ctx.params.value(QStringLiteral("escort_staff_id")).toLongLong() > 0)
        return CheckOutcome::pass();
    return CheckOutcome::failed(QStringLiteral("陪同员工未填写 / escort_staff_id missing"));
}

// Owner keys and equipment room keys, and any key lent outside: the supervisor's approval.
Result<CheckOutcome> loanApproval(const CheckContext& ctx) {
    auto keys = requestedKeys(ctx);
    if (!keys)
        return fail(keys.error());
    const QStringList categories = kit::strings(ctx.ruleParams.value(QStringLiteral("categories")));
    const QStringList kinds = kit::strings(ctx.ruleParams.value(QStringLiteral("borrower_kinds")));
    QList<KeyItem> needing;
    for (const KeyItem& k : *keys)
        if (categories.contains(k.category) || kinds.contains(param(ctx, "borrower_kind")))
            needing << k;
    if (needing.isEmpty())
        return CheckOutcome::pass();
    return CheckOutcome::needsApproval(ctx.ruleParams.value(QStringLiteral("role")).toString(),
                                       tagsOf(needing));
}

// A lost owner's key: the owner's consent to the lock replacement.
Result<CheckOutcome> lostOwnerConsent(const CheckContext& ctx) {
    auto key = loadKey(ctx.db, param(ctx, "tag"), QStringLiteral("tag"));
    if (!key)
        return fail(key.error());
    if (key->category != QStringLiteral("owner") || key->roomId == 0 ||
        !param(ctx, "owner_consent").isEmpty())
        return CheckOutcome::pass();
    return CheckOutcome::failed(
        QStringLiteral("%1 业主意见未填写 / owner_consent missing").arg(key->roomCode));
}

// 领回 by the owner in the registry, or the person the owner authorised on the deposit, each
// with the last 4 characters of their ID document.
Result<CheckOutcome> takebackIdentity(const CheckContext& ctx) {
    auto key = loadKey(ctx.db, param(ctx, "tag"), QStringLiteral("tag"));
    if (!key)
        return fail(key.error());
    if (key->depositId == 0)
        return CheckOutcome::pass(); // not a deposit: the action says so
    const QString tail = param(ctx, "taker_id_tail").toUpper();
    if (param(ctx, "taker_kind") == QStringLiteral("owner")) {
        const qint64 residentId =
            ctx.params.value(QStringLiteral("taker_resident_id")).toLongLong();
        auto q = sql::exec(ctx.db,
                           QStringLiteral("SELECT name, id_tail FROM residents WHERE id = ? AND "
                                          "room_id = ? AND kind = 'owner' AND move_out = ''"),
                           {residentId, key->roomId});
        if (!q)
            return fail(q.error());
        if (!q->next())
            return CheckOutcome::failed(
                QStringLiteral(
                    "住户 %1 不是 %2 的现业主 / resident %1 is not a current owner of %2")
                    .arg(residentId)
                    .arg(key->roomCode));
        const QString name = q->value(0).toString();
        const QString registered = q->value(1).toString().toUpper();
        if (registered.isEmpty())
            return CheckOutcome::failed(
                QStringLiteral(
                    "住户登记中没有 %1 的证件末4位，无法核对身份 / the registry holds no ID "
                    "tail for %1")
                    .arg(name));
        if (registered != tail)
            return CheckOutcome::failed(
                QStringLiteral("%1 的证件末4位与住户登记不符 / %1's ID does not match the registry")
                    .arg(name));
        return CheckOutcome::pass();
    }
    auto q = sql::exec(
        ctx.db,
        QStringLiteral("SELECT authorised_name, authorised_id_tail FROM key_deposits WHERE id = ?"),
        {key->depositId});
    if (!q)
        return fail(q.error());
    if (!q->next() || q->value(0).toString().isEmpty())
        return CheckOutcome::failed(QStringLiteral(
            "托管时未登记授权人 / no authorised person was recorded on the deposit"));
    const QString name = param(ctx, "taker_name");
    if (q->value(0).toString() != name || q->value(1).toString().toUpper() != tail)
        return CheckOutcome::failed(
            QStringLiteral("「%1」不是托管登记的授权人或证件不符 / %1 is not the authorised person "
                           "recorded, or the ID does not match")
                .arg(name));
    return CheckOutcome::pass();
}

} // namespace

void registerKeyChecks(Services& s) {
    auto& c = s.checkRegistry();
    c.add({QStringLiteral("keys.loan_purpose"),
           QStringLiteral("A key loan names a work purpose from the list (no private use)"),
           {{QStringLiteral("purposes"), RuleParamType::ObjectList}},
           loanPurpose});
    c.add({QStringLiteral("keys.not_emergency_set"),
           QStringLiteral("Keys of an emergency set are not lent as a regular loan"),
           {},
           notEmergencySet});
    c.add({QStringLiteral("keys.owner_authorisation"),
           QStringLiteral("An owner key lent to anyone but the owner records the listed fields"),
           {{QStringLiteral("fields"), RuleParamType::StringList}},
           ownerAuthorisation});
    c.add({QStringLiteral("keys.escort_named"),
           QStringLiteral("Loans for the listed purposes name the accompanying staff member"),
           {{QStringLiteral("purposes"), RuleParamType::StringList}},
           escortNamed});
    c.add({QStringLiteral("keys.loan_approval"),
           QStringLiteral("Keys of the listed categories, or lent to the listed borrower kinds, "
                          "need the role's approval"),
           {{QStringLiteral("role"), RuleParamType::String},
            {QStringLiteral("categories"), RuleParamType::StringList},
            {QStringLiteral("borrower_kinds"), RuleParamType::StringList}},
           loanApproval});
    c.add({QStringLiteral("keys.lost_owner_consent"),
           QStringLiteral("A lost owner key records the owner's consent to the lock replacement"),
           {},
           lostOwnerConsent});
    c.add({QStringLiteral("keys.takeback_identity"),
           QStringLiteral("Deposited keys go back only to the registered owner or the authorised "
                          "person, identity checked"),
           {},
           takebackIdentity});
}

} // namespace fd::keys
