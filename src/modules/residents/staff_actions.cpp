// Actions on outside organisations, departments and staff, and the check that keeps a
// staff member from leaving while items registered to them are open (R1-1.2.7, R5-d).
#include "db/sql.h"
#include "residents/estate_writer.h"
#include "residents/module_parts.h"
#include "util/clock.h"
#include "util/privacy.h"

#include <QJsonObject>

namespace fd::residents {
namespace {

const Text kName{QStringLiteral("Name"), QStringLiteral("名称")};
const Text kStaffName{QStringLiteral("Name"), QStringLiteral("姓名")};
const Text kKind{QStringLiteral("Type"), QStringLiteral("类别")};
const Text kContact{QStringLiteral("Contact person"), QStringLiteral("联系人")};
const Text kPhone{QStringLiteral("Phone"), QStringLiteral("电话")};
const Text kNotes{QStringLiteral("Notes"), QStringLiteral("备注")};
const Text kDepartment{QStringLiteral("Department"), QStringLiteral("部门")};
const Text kPost{QStringLiteral("Post"), QStringLiteral("岗位")};
const Text kLogin{QStringLiteral("Login"), QStringLiteral("登录名")};

const QStringList kOrgKinds{QStringLiteral("outside_unit"), QStringLiteral("contractor"),
                            QStringLiteral("parent_company"), QStringLiteral("government"),
                            QStringLiteral("other")};

QString maskedOrEmpty(const QString& phone) {
    return phone.isEmpty() ? QString() : maskPhone(phone);
}

// A work phone: spaces and dashes allowed, normalised; empty stays empty.
Result<QString> phoneParam(const QVariantMap& params, const QString& key) {
    const QString raw = params.value(key).toString();
    if (raw.isEmpty())
        return QString();
    const QString normal = normalisePhone(raw);
    if (normal.isEmpty())
        return fail(bad(key, QStringLiteral("Phone: not a phone number (7 to 15 digits)."),
                        QStringLiteral("电话：不是有效的电话号码（7 至 15 位数字）。")));
    return normal;
}

Result<bool> exists(const QSqlDatabase& db, const QString& statement,
                    const QVariantList& bindings) {
    auto v = sql::scalar(db, statement, bindings);
    if (!v)
        return fail(v.error());
    return v->isValid();
}

// Old and new values of the keys that differ.
void diff(const QJsonObject& before, const QJsonObject& after, QJsonObject& oldValues,
          QJsonObject& newValues) {
    for (auto it = after.begin(); it != after.end(); ++it)
        if (before.value(it.key()) != it.value()) {
            oldValues.insert(it.key(), before.value(it.key()));
            newValues.insert(it.key(), it.value());
        }
}

Error nothingToChange() {
    return bad(QStringLiteral("id"),
               QStringLiteral("Nothing to change: the values are the same as recorded."),
               QStringLiteral("没有需要修改的内容：与已登记的相同。"));
}

// What the audit row says of an organisation (phones masked, R6-3).
QJsonObject organisationValues(const QString& name, const QString& kind, const QString& contact,
                               const QString& phone, const QString& notes) {
    return {{QStringLiteral("name"), name},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("contact"), contact},
            {QStringLiteral("phone"), maskedOrEmpty(phone)},
            {QStringLiteral("notes"), maskPhonesInText(notes)}};
}

// Refuses with `refusal` unless `statement` finds a row exactly when `found`.
Status expect(const QSqlDatabase& db, const QString& statement, const QVariantList& bindings,
              bool found, Error refusal) {
    auto there = exists(db, statement, bindings);
    if (!there)
        return fail(there.error());
    if (*there != found)
        return fail(std::move(refusal));
    return {};
}

// Refuses an organisation name `taken` (a statement with its bindings) finds registered.
Status organisationNameFree(const QSqlDatabase& db, const QString& taken,
                            const QVariantList& bindings, const QString& name) {
    return expect(db, taken, bindings, false,
                  bad(QStringLiteral("name"),
                      QStringLiteral("The organisation %1 is registered already.").arg(name),
                      QStringLiteral("单位「%1」已登记。").arg(name)));
}

Result<ActionOutcome> createOrganisation(ActionContext& ctx) {
    const QString name = ctx.params.value(QStringLiteral("name")).toString();
    if (auto free = organisationNameFree(
            ctx.db, QStringLiteral("SELECT 1 FROM organisations WHERE name = ?"), {name}, name);
        !free)
        return fail(free.error());
    auto phone = phoneParam(ctx.params, QStringLiteral("phone"));
    if (!phone)
        return fail(phone.error());
    const QString kind = ctx.params.value(QStringLiteral("kind")).toString();
    const QString contact = ctx.params.value(QStringLiteral("contact")).toString();
    const QString notes = ctx.params.value(QStringLiteral("notes")).toString();
    auto inserted = sql::insertId(
        ctx.db,
        QStringLiteral("INSERT INTO organisations(name, kind, contact, phone, notes, created_at) "
                       "VALUES (?,?,?,?,?,?)"),
        {name, kind, sql::text(contact), sql::text(*phone), sql::text(notes), toStorage(ctx.now)});
    if (!inserted)
        return fail(inserted.error());
    const qint64 id = *inserted;
    return ActionOutcome{QStringLiteral("organisation"),
                         QString::number(id),
                         {},
                         organisationValues(name, kind, contact, *phone, notes),
                         {{QStringLiteral("id"), id}}};
}

Result<ActionOutcome> updateOrganisation(ActionContext& ctx) {
    const qint64 id = idParam(ctx.params, "id");
    auto q = sql::one(
        ctx.db,
        QStringLiteral(
            "SELECT name, kind, contact, phone, notes, active FROM organisations WHERE id = ?"),
        {id},
        Error::notFound(QStringLiteral("id"),
                        {QStringLiteral("There is no organisation %1.").arg(id),
                         QStringLiteral("单位编号 %1 不存在。").arg(id)}));
    if (!q)
        return fail(q.error());
    QString name = q->value(0).toString(), kind = q->value(1).toString(),
            contact = q->value(2).toString(), phone = q->value(3).toString(),
            notes = q->value(4).toString();
    bool active = q->value(5).toBool();
    q->finish();
    QJsonObject before = organisationValues(name, kind, contact, phone, notes);
    before.insert(QStringLiteral("active"), active);
    const QVariantMap& p = ctx.params;
    if (p.contains(QStringLiteral("name")) && p.value(QStringLiteral("name")).toString() != name) {
        name = p.value(QStringLiteral("name")).toString();
        if (auto free = organisationNameFree(
                ctx.db, QStringLiteral("SELECT 1 FROM organisations WHERE name = ? AND id <> ?"),
                {name, id}, name);
            !free)
            return fail(free.error());
    }
    if (p.contains(QStringLiteral("kind")))
        kind = p.value(QStringLiteral("kind")).toString();
    if (p.contains(QStringLiteral("contact")))
        contact = p.value(QStringLiteral("contact")).toString();
    if (p.contains(QStringLiteral("notes")))
        notes = p.value(QStringLiteral("notes")).toString();
    if (p.contains(QStringLiteral("active")))
        active = p.value(QStringLiteral("active")).toBool();
    if (p.contains(QStringLiteral("phone"))) {
        auto normal = phoneParam(p, QStringLiteral("phone"));
        if (!normal)
            return fail(normal.error());
        phone = *normal;
    }
    QJsonObject after = organisationValues(name, kind, contact, phone, notes);
    after.insert(QStringLiteral("active"), active);
    QJsonObject oldValues, newValues;
    diff(before, after, oldValues, newValues);
    if (newValues.isEmpty())
        return fail(nothingToChange());
    auto upd = sql::exec(
        ctx.db,
        QStringLiteral("UPDATE organisations SET name = ?, kind = ?, contact = ?, phone = ?, "
                       "notes = ?, active = ? WHERE id = ?"),
        {name, kind, sql::text(contact), sql::text(phone), sql::text(notes), active ? 1 : 0, id});
    if (!upd)
        return fail(upd.error());
    return ActionOutcome{
        QStringLiteral("organisation"), QString::number(id), oldValues, newValues, {}};
}

Result<ActionOutcome> createDepartment(ActionContext& ctx) {
    const QString name = ctx.params.value(QStringLiteral("name")).toString();
    if (auto free = expect(ctx.db, QStringLiteral("SELECT 1 FROM departments WHERE name = ?"),
                           {name}, false,
                           bad(QStringLiteral("name"),
                               QStringLiteral("The department %1 exists already.").arg(name),
                               QStringLiteral("部门「%1」已存在。").arg(name)));
        !free)
        return fail(free.error());
    QVariant org;
    if (ctx.params.contains(QStringLiteral("organisation_id"))) {
        org = ctx.params.value(QStringLiteral("organisation_id"));
        if (auto known = expect(
                ctx.db, QStringLiteral("SELECT 1 FROM organisations WHERE id = ?"), {org}, true,
                bad(QStringLiteral("organisation_id"),
                    QStringLiteral("Organisation: there is no organisation %1.")
                        .arg(org.toString()),
                    QStringLiteral("所属单位：单位编号 %1 不存在。").arg(org.toString())));
            !known)
            return fail(known.error());
    }
    auto inserted =
        sql::insertId(ctx.db,
                      QStringLiteral("INSERT INTO departments(name, organisation_id, created_at) "
                                     "VALUES (?,?,?)"),
                      {name, org.isValid() ? org : QVariant(QMetaType::fromType<qlonglong>()),
                       toStorage(ctx.now)});
    if (!inserted)
        return fail(inserted.error());
    const qint64 id = *inserted;
    return ActionOutcome{
        QStringLiteral("department"),
        QString::number(id),
        {},
        {{QStringLiteral("name"), name}, {QStringLiteral("organisation_id"), org.toLongLong()}},
        {{QStringLiteral("id"), id}}};
}

// Links the user `login` to the staff member (users.staff_id), refusing a login linked to
// someone else.
Result<qint64> linkLogin(ActionContext& ctx, qint64 staffId) {
    const QString login = ctx.params.value(QStringLiteral("login")).toString();
    auto user = ctx.services.users().find(login);
    if (!user)
        return fail(bad(QStringLiteral("login"),
                        QStringLiteral("Login: there is no user %1.").arg(login),
                        QStringLiteral("登录名：用户「%1」不存在。").arg(login)));
    if (user->staffId != 0 && user->staffId != staffId)
        return fail(
            bad(QStringLiteral("login"),
                QStringLiteral("Login: %1 belongs to staff member %2 already.")
                    .arg(login)
                    .arg(user->staffId),
                QStringLiteral("登录名：「%1」已关联员工 %2。").arg(login).arg(user->staffId)));
    auto q = sql::exec(ctx.db, QStringLiteral("UPDATE users SET staff_id = ? WHERE id = ?"),
                       {staffId, user->id});
    if (!q)
        return fail(q.error());
    return user->id;
}

Result<bool> departmentExists(const QSqlDatabase& db, qint64 id) {
    return exists(db, QStringLiteral("SELECT 1 FROM departments WHERE id = ?"), {id});
}

Error noDepartment(qint64 id) {
    return bad(QStringLiteral("department_id"),
               QStringLiteral("Department: there is no department %1.").arg(id),
               QStringLiteral("部门：部门编号 %1 不存在。").arg(id));
}

Result<ActionOutcome> createStaff(ActionContext& ctx) {
    const qint64 department = idParam(ctx.params, "department_id");
    auto known = departmentExists(ctx.db, department);
    if (!known)
        return fail(known.error());
    if (!*known)
        return fail(noDepartment(department));
    auto phone = phoneParam(ctx.params, QStringLiteral("phone"));
    if (!phone)
        return fail(phone.error());
    const QString name = ctx.params.value(QStringLiteral("name")).toString();
    const QString post = ctx.params.value(QStringLiteral("post")).toString();
    auto inserted = sql::insertId(
        ctx.db,
        QStringLiteral("INSERT INTO staff(name, department_id, post, phone, created_at) "
                       "VALUES (?,?,?,?,?)"),
        {name, department, sql::text(post), sql::text(*phone), toStorage(ctx.now)});
    if (!inserted)
        return fail(inserted.error());
    const qint64 id = *inserted;
    QJsonObject values{{QStringLiteral("name"), name},
                       {QStringLiteral("department_id"), department},
                       {QStringLiteral("post"), post},
                       {QStringLiteral("phone"), maskedOrEmpty(*phone)}};
    if (ctx.params.contains(QStringLiteral("login"))) {
        auto user = linkLogin(ctx, id);
        if (!user)
            return fail(user.error());
        values.insert(QStringLiteral("login"),
                      ctx.params.value(QStringLiteral("login")).toString());
    }
    return ActionOutcome{
        QStringLiteral("staff"), QString::number(id), {}, values, {{QStringLiteral("id"), id}}};
}

Result<ActionOutcome> updateStaff(ActionContext& ctx) {
    auto member = findStaff(ctx.db, idParam(ctx.params, "id"));
    if (!member)
        return fail(member.error());
    StaffMember m = *member;
    const QVariantMap& p = ctx.params;
    if (p.contains(QStringLiteral("name")))
        m.name = p.value(QStringLiteral("name")).toString();
    if (p.contains(QStringLiteral("post")))
        m.post = p.value(QStringLiteral("post")).toString();
    if (p.contains(QStringLiteral("department_id"))) {
        m.departmentId = p.value(QStringLiteral("department_id")).toLongLong();
        auto known = departmentExists(ctx.db, m.departmentId);
        if (!known)
            return fail(known.error());
        if (!*known)
            return fail(noDepartment(m.departmentId));
    }
    if (p.contains(QStringLiteral("phone"))) {
        auto phone = phoneParam(p, QStringLiteral("phone"));
        if (!phone)
            return fail(phone.error());
        m.phone = *phone;
    }
    auto values = [](const StaffMember& s, const QString& login) {
        return QJsonObject{{QStringLiteral("name"), s.name},
                           {QStringLiteral("department_id"), s.departmentId},
                           {QStringLiteral("post"), s.post},
                           {QStringLiteral("phone"), maskedOrEmpty(s.phone)},
                           {QStringLiteral("login"), login}};
    };
    const QString login = p.contains(QStringLiteral("login"))
                              ? p.value(QStringLiteral("login")).toString()
                              : member->login;
    QJsonObject oldValues, newValues;
    diff(values(*member, member->login), values(m, login), oldValues, newValues);
    if (m.phone != member->phone && !newValues.contains(QStringLiteral("phone"))) {
        oldValues.insert(QStringLiteral("phone"), maskedOrEmpty(member->phone));
        newValues.insert(QStringLiteral("phone"), maskedOrEmpty(m.phone));
    }
    if (newValues.isEmpty())
        return fail(nothingToChange());
    auto q = sql::exec(
        ctx.db,
        QStringLiteral(
            "UPDATE staff SET name = ?, department_id = ?, post = ?, phone = ? WHERE id = ?"),
        {m.name, m.departmentId, sql::text(m.post), sql::text(m.phone), m.id});
    if (!q)
        return fail(q.error());
    if (login != member->login) {
        if (auto unlink = sql::exec(
                ctx.db, QStringLiteral("UPDATE users SET staff_id = NULL WHERE staff_id = ?"),
                {m.id});
            !unlink)
            return fail(unlink.error());
        if (auto user = linkLogin(ctx, m.id); !user)
            return fail(user.error());
    }
    return ActionOutcome{QStringLiteral("staff"), QString::number(m.id), oldValues, newValues, {}};
}

Result<ActionOutcome> staffLeaves(ActionContext& ctx) {
    auto member = findStaff(ctx.db, idParam(ctx.params, "id"));
    if (!member)
        return fail(member.error());
    if (!member->active)
        return fail(bad(QStringLiteral("id"),
                        QStringLiteral("%1 left on %2 already.")
                            .arg(member->name, member->leftOn.toString(Qt::ISODate)),
                        QStringLiteral("%1 已于 %2 离职。")
                            .arg(member->name, member->leftOn.toString(Qt::ISODate))));
    const QDate day = ctx.params.contains(QStringLiteral("left_on"))
                          ? ctx.params.value(QStringLiteral("left_on")).toDate()
                          : ctx.now.toTimeZone(Clock::officeZone()).date();
    auto q = sql::exec(ctx.db,
                       QStringLiteral("UPDATE staff SET status = 'left', left_on = ? WHERE id = ?"),
                       {day.toString(Qt::ISODate), member->id});
    if (!q)
        return fail(q.error());
    QJsonObject newValues{{QStringLiteral("status"), QStringLiteral("left")},
                          {QStringLiteral("left_on"), day.toString(Qt::ISODate)}};
    // A person who left keeps no way to sign in.
    auto users = sql::exec(
        ctx.db, QStringLiteral("SELECT id, login FROM users WHERE staff_id = ? AND active = 1"),
        {member->id});
    if (!users)
        return fail(users.error());
    QStringList disabled;
    QList<qint64> ids;
    while (users->next()) {
        ids << users->value(0).toLongLong();
        disabled << users->value(1).toString();
    }
    users->finish();
    for (qint64 userId : ids)
        if (auto ok = sql::exec(ctx.db, QStringLiteral("UPDATE users SET active = 0 WHERE id = ?"),
                                {userId});
            !ok)
            return fail(ok.error());
    if (!disabled.isEmpty())
        newValues.insert(QStringLiteral("logins_disabled"), disabled.join(QLatin1Char(',')));
    return ActionOutcome{QStringLiteral("staff"),
                         QString::number(member->id),
                         {{QStringLiteral("status"), QStringLiteral("active")}},
                         newValues,
                         {}};
}

} // namespace

void registerStaffActions(Services& s) {
    ActionRegistry& a = s.actionRegistry();
    const ParamSpec orgKind{QStringLiteral("kind"), ParamType::Choice, true, kKind, kOrgKinds};
    ParamSpec optionalOrgKind = orgKind;
    optionalOrgKind.required = false;
    ParamSpec notes{QStringLiteral("notes"), ParamType::LongText, false, kNotes};
    notes.maxLength = 500;
    const ParamSpec orgId = kit::param("id", ParamType::Id, true, tx("Organisation", "单位"));
    const ParamSpec staffId = kit::param("id", ParamType::Id, true, tx("Staff member", "员工"));
    a.add({QStringLiteral("org.create"),
           tx("Add organisation", "新增单位"),
           {kit::boundedText("name", kName, true, 100), orgKind,
            kit::boundedText("contact", kContact, false, 40),
            kit::boundedText("phone", kPhone, false, 30), notes},
           createOrganisation});
    a.add({QStringLiteral("org.update"),
           tx("Edit organisation", "修改单位信息"),
           // An emptied field clears what is recorded; the name cannot be emptied.
           {orgId, whenEmpty(kit::boundedText("name", kName, false, 100), WhenEmpty::Refuse),
            optionalOrgKind,
            whenEmpty(kit::boundedText("contact", kContact, false, 40), WhenEmpty::Clear),
            whenEmpty(kit::boundedText("phone", kPhone, false, 30), WhenEmpty::Clear),
            whenEmpty(notes, WhenEmpty::Clear),
            kit::param("active", ParamType::Bool, false, tx("In use", "启用"))},
           updateOrganisation});
    a.add({QStringLiteral("staff.create_department"),
           tx("Add department", "新增部门"),
           {kit::boundedText("name", kName, true, 60),
            kit::param("organisation_id", ParamType::Id, false, tx("Organisation", "所属单位"))},
           createDepartment});
    a.add({QStringLiteral("staff.create"),
           tx("Add staff member", "新增员工"),
           {kit::boundedText("name", kStaffName, true, 40),
            {QStringLiteral("department_id"), ParamType::Id, true, kDepartment},
            kit::boundedText("post", kPost, false, 40),
            kit::boundedText("phone", kPhone, false, 30),
            kit::boundedText("login", kLogin, false, 40)},
           createStaff});
    a.add({QStringLiteral("staff.update"),
           tx("Edit staff member", "修改员工信息"),
           // An emptied post or phone clears it; the name cannot be emptied (an account is
           // unlinked by linking another, not by an empty login).
           {staffId,
            whenEmpty(kit::boundedText("name", kStaffName, false, 40), WhenEmpty::Refuse),
            {QStringLiteral("department_id"), ParamType::Id, false, kDepartment},
            whenEmpty(kit::boundedText("post", kPost, false, 40), WhenEmpty::Clear),
            whenEmpty(kit::boundedText("phone", kPhone, false, 30), WhenEmpty::Clear),
            whenEmpty(kit::boundedText("login", kLogin, false, 40), WhenEmpty::Refuse)},
           updateStaff});
    a.add({QStringLiteral("staff.leave"),
           tx("Staff member leaves", "员工离职"),
           {staffId, kit::param("left_on", ParamType::Date, false, tx("Leaving date", "离职日期"))},
           staffLeaves});

    // R1-1.2.7, R5-d: every module registers what a person can hold open (archive loans,
    // keys, custody items); the rule asks them all inside the leaving transaction.
    const Services* services = &s;
    s.checkRegistry().add(
        {QStringLiteral("staff.no_open_items"),
         QStringLiteral(
             "The staff member has no open item in any registered source (loans, keys, custody)"),
         {},
         [services](const CheckContext& ctx) -> Result<CheckOutcome> {
             const qint64 id = idParam(ctx.params, "id");
             // The detail is appended to both languages of the message; item titles are
             // in Chinese, the language of the office's registers.
             auto items = services->staffOpenItems().openItems(ctx.db, id, true);
             if (!items)
                 return fail(items.error());
             return items->isEmpty() ? CheckOutcome::pass()
                                     : CheckOutcome::failed(items->join(QStringLiteral("；")));
         }});
}

} // namespace fd::residents
