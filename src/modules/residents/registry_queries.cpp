// The lists frontdeskctl query and the list pages read. Phones are masked in every one.
#include "module/toolkit.h"
#include "residents/module_parts.h"
#include "residents/registry.h"
#include "util/privacy.h"

namespace fd::residents {
namespace {

using kit::col;

// 业主 / 租户 / 家属 in lists and exports, the stored code in the raw value.
QMap<QString, Text> kindLabels() {
    QMap<QString, Text> out;
    for (ResidentKind k : {ResidentKind::Owner, ResidentKind::Tenant, ResidentKind::Family})
        out.insert(kindCode(k), kindName(k));
    return out;
}

QVariant dateOrEmpty(const QDate& d) {
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

} // namespace

void registerQueries(Services& s) {
    QueryRegistry& q = s.queryRegistry();
    ParamSpec limit{QStringLiteral("limit"),
                    ParamType::Int,
                    false,
                    {QStringLiteral("At most"), QStringLiteral("最多条数")}};
    limit.min = 1;
    limit.max = 20000;
    q.add({QStringLiteral("residents"),
           {QStringLiteral("Residents"), QStringLiteral("住户")},
           {{QStringLiteral("term"),
             ParamType::Text,
             false,
             {QStringLiteral("Search"), QStringLiteral("搜索")}},
            {QStringLiteral("include_moved_out"),
             ParamType::Bool,
             false,
             {QStringLiteral("Include moved out"), QStringLiteral("含已迁出")}},
            limit},
           [](const QueryContext& ctx) -> Result<QueryResult> {
               auto list =
                   searchResidents(ctx.db, ctx.params.value(QStringLiteral("term")).toString(),
                                   ctx.params.value(QStringLiteral("limit"), 200).toInt(),
                                   ctx.params.value(QStringLiteral("include_moved_out")).toBool());
               if (!list)
                   return fail(list.error());
               QueryResult r;
               r.columns = {col("id", "No.", "编号"),
                            col("room_code", "Room", "房号"),
                            col("kind", "Type", "类型", kindLabels()),
                            col("name", "Name", "姓名"),
                            col("id_tail", "ID (last 4)", "身份证后四位"),
                            col("phone", "Phone", "电话"),
                            col("phone2", "Second phone", "电话2"),
                            col("move_in", "Moved in", "入住日期"),
                            col("move_out", "Moved out", "迁出日期"),
                            col("notes", "Notes", "备注")};
               for (const Resident& p : *list)
                   r.rows.push_back({p.id, p.roomCode, kindCode(p.kind), p.name, p.idTail,
                                     p.phoneMasked, p.phone2Masked, dateOrEmpty(p.moveIn),
                                     dateOrEmpty(p.moveOut), maskPhonesInText(p.notes)});
               return r;
           }});
    q.add({QStringLiteral("rooms"),
           {QStringLiteral("Rooms"), QStringLiteral("房间")},
           {{QStringLiteral("building_id"),
             ParamType::Id,
             false,
             {QStringLiteral("Building"), QStringLiteral("楼栋")}},
            {QStringLiteral("prefix"),
             ParamType::Text,
             false,
             {QStringLiteral("Room code starts with"), QStringLiteral("房号开头")}}},
           [](const QueryContext& ctx) -> Result<QueryResult> {
               auto list = listRooms(ctx.db, idParam(ctx.params, "building_id"),
                                     ctx.params.value(QStringLiteral("prefix")).toString());
               if (!list)
                   return fail(list.error());
               QueryResult r;
               r.columns = {col("id", "No.", "编号"),
                            col("code", "Room", "房号"),
                            col("building", "Building", "楼栋"),
                            col("unit", "Unit", "单元"),
                            col("number", "Room number", "房间号"),
                            col("residents", "Residents", "住户数")};
               for (const Room& m : *list)
                   r.rows.push_back({m.id, m.code, m.buildingCode, m.unit, m.number, m.residents});
               return r;
           }});
    q.add({QStringLiteral("buildings"),
           {QStringLiteral("Buildings"), QStringLiteral("楼栋")},
           {},
           [](const QueryContext& ctx) -> Result<QueryResult> {
               auto list = listBuildings(ctx.db);
               if (!list)
                   return fail(list.error());
               QueryResult r;
               r.columns = {
                   col("id", "No.", "编号"),        col("code", "Building number", "楼栋号"),
                   col("name", "Name", "名称"),     col("units", "Units", "单元数"),
                   col("rooms", "Rooms", "房间数"), col("residents", "Residents", "住户数")};
               for (const Building& b : *list)
                   r.rows.push_back({b.id, b.code, b.name, b.units, b.rooms, b.residents});
               return r;
           }});
    q.add({QStringLiteral("staff"),
           {QStringLiteral("Staff"), QStringLiteral("员工")},
           {{QStringLiteral("include_left"),
             ParamType::Bool,
             false,
             {QStringLiteral("Include those who left"), QStringLiteral("含已离职")}},
            {QStringLiteral("department_id"),
             ParamType::Id,
             false,
             {QStringLiteral("Department"), QStringLiteral("部门")}}},
           [](const QueryContext& ctx) -> Result<QueryResult> {
               auto list =
                   listStaff(ctx.db, ctx.params.value(QStringLiteral("include_left")).toBool(),
                             idParam(ctx.params, "department_id"));
               if (!list)
                   return fail(list.error());
               QueryResult r;
               r.columns = {col("id", "No.", "编号"),
                            col("name", "Name", "姓名"),
                            col("department", "Department", "部门"),
                            col("post", "Post", "岗位"),
                            col("phone", "Phone", "电话"),
                            col("status", "Status", "状态"),
                            col("left_on", "Left on", "离职日期"),
                            col("login", "Login", "登录名")};
               for (const StaffMember& m : *list)
                   r.rows.push_back({m.id, m.name, m.department, m.post, maskPhone(m.phone),
                                     m.active ? QStringLiteral("active") : QStringLiteral("left"),
                                     dateOrEmpty(m.leftOn), m.login});
               return r;
           }});
    q.add({QStringLiteral("departments"),
           {QStringLiteral("Departments"), QStringLiteral("部门")},
           {},
           [](const QueryContext& ctx) -> Result<QueryResult> {
               auto list = listDepartments(ctx.db);
               if (!list)
                   return fail(list.error());
               QueryResult r;
               r.columns = {col("id", "No.", "编号"), col("name", "Name", "名称"),
                            col("organisation_id", "Organisation", "所属单位"),
                            col("active_staff", "Staff", "在职人数")};
               for (const Department& d : *list)
                   r.rows.push_back(
                       {d.id, d.name,
                        d.organisationId == 0 ? QVariant(QString()) : QVariant(d.organisationId),
                        d.activeStaff});
               return r;
           }});
    q.add({QStringLiteral("organisations"),
           {QStringLiteral("Organisations"), QStringLiteral("单位")},
           {{QStringLiteral("include_inactive"),
             ParamType::Bool,
             false,
             {QStringLiteral("Include those not in use"), QStringLiteral("含停用")}}},
           [](const QueryContext& ctx) -> Result<QueryResult> {
               auto list = listOrganisations(
                   ctx.db, ctx.params.value(QStringLiteral("include_inactive")).toBool());
               if (!list)
                   return fail(list.error());
               QueryResult r;
               r.columns = {
                   col("id", "No.", "编号"),      col("name", "Name", "名称"),
                   col("kind", "Type", "类别"),   col("contact", "Contact person", "联系人"),
                   col("phone", "Phone", "电话"), col("active", "In use", "启用")};
               for (const Organisation& o : *list)
                   r.rows.push_back({o.id, o.name, organisationKindCode(o.kind), o.contact,
                                     maskPhone(o.phone), o.active});
               return r;
           }});
}

} // namespace fd::residents
