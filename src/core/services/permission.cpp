#include "services/permission.h"

namespace fd {

Error permissionRefusal(const Policy& policy, const Actor& actor, const QString& permission,
                        const Text& what) {
    // Roles whose duty it is first (they carry the clause), then the others.
    QList<const RoleDef*> granting;
    QList<const RoleDef*> others;
    for (const RoleDef* role : policy.rolesGranting(permission))
        (role->dutyClause(permission).isEmpty() ? others : granting).push_back(role);
    granting += others;
    QStringList en;
    QStringList zh;
    QString clause;
    for (const RoleDef* role : granting) {
        const QString cite = role->dutyClause(permission);
        if (clause.isEmpty())
            clause = cite;
        en << (cite.isEmpty() ? role->name.en : QStringLiteral("%1 [%2]").arg(role->name.en, cite));
        zh << (cite.isEmpty() ? role->name.zh
                              : QStringLiteral("%1【%2】").arg(role->name.zh, cite));
    }
    QStringList mineEn;
    QStringList mineZh;
    for (const QString& code : actor.roles) {
        const auto it = policy.roles().find(code);
        mineEn << (it == policy.roles().end() ? code : it->name.en);
        mineZh << (it == policy.roles().end() ? code : it->name.zh);
    }
    const QString whatEn = what.en.isEmpty() ? permission : what.en;
    const QString whatZh = what.zh.isEmpty() ? permission : what.zh;
    Text message{
        granting.isEmpty()
            ? QStringLiteral(
                  "%1's roles (%2) do not permit \"%3\"; the policy grants it to no role.")
                  .arg(actor.login, mineEn.join(QStringLiteral(", ")), whatEn)
            : QStringLiteral("%1's roles (%2) do not permit \"%3\"; the policy gives it to: %4.")
                  .arg(actor.login, mineEn.join(QStringLiteral(", ")), whatEn,
                       en.join(QStringLiteral(", "))),
        granting.isEmpty()
            ? QStringLiteral("%1 的角色（%2）无权执行「%3」；规则未将此权限授予任何角色。")
                  .arg(actor.displayName.isEmpty() ? actor.login : actor.displayName,
                       mineZh.join(QStringLiteral("、")), whatZh)
            : QStringLiteral("%1 的角色（%2）无权执行「%3」；规则规定由以下角色执行：%4。")
                  .arg(actor.displayName.isEmpty() ? actor.login : actor.displayName,
                       mineZh.join(QStringLiteral("、")), whatZh, zh.join(QStringLiteral("、")))};
    return Error::refused(QStringLiteral("permission"), clause, std::move(message));
}

} // namespace fd
