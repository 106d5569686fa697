// The lists frontdeskctl query and the list pages read. Phones are masked in every one.
#include "module/toolkit.h"
#include "residents/module_parts.h"
#include "residents/registry.h"
#include "util/privacy.h"

namespace fd::residents {
namespace {

using kit::col;
using kit::param;
using kit::tableOf;
using kit::tx;

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

ParamSpec flag(const char* name, const char* en, const char* zh) {
    return param(name, ParamType::Bool, false, tx(en, zh));
}

} // namespace

void registerQueries(Services& s) {
    QueryRegistry& q = s.queryRegistry();
    // A resident or staff member linked from a request reads by name (and room).
    s.valueNameRegistry().add(QStringLiteral("resident_id"),
                              kit::namedBy(QStringLiteral(
                                  "SELECT name || ' ' || room_code FROM residents WHERE id = ?")));
    s.valueNameRegistry().add(QStringLiteral("staff_id"),
                              kit::namedBy(QStringLiteral("SELECT name FROM staff WHERE id = ?")));
    q.add({QStringLiteral("residents"),
           tx("Residents", "住户"),
           {param("term", ParamType::Text, false, tx("Search", "搜索")),
            flag("include_moved_out", "Include moved out", "含已迁出"),
            kit::limitParam(20000, tx("At most", "最多条数"))},
           [](const QueryContext& ctx) {
               return tableOf(
                   {col("id", "No.", "编号"), col("room_code", "Room", "房号"),
                    col("kind", "Type", "类型", kindLabels()), col("name", "Name", "姓名"),
                    col("id_tail", "ID (last 4)", "身份证后四位"), col("phone", "Phone", "电话"),
                    col("phone2", "Second phone", "电话2"), col("move_in", "Moved in", "入住日期"),
                    col("move_out", "Moved out", "迁出日期"), col("notes", "Notes", "备注")},
                   searchResidents(ctx.db, kit::textParam(ctx.params, "term"),
                                   static_cast<int>(kit::intParam(ctx.params, "limit", 200)),
                                   kit::boolParam(ctx.params, "include_moved_out")),
                   [](const Resident& p) -> QVariantList {
                       return {p.id,
                               p.roomCode,
                               kindCode(p.kind),
                               p.name,
                               p.idTail,
                               p.phoneMasked,
                               p.phone2Masked,
                               dateOrEmpty(p.moveIn),
                               dateOrEmpty(p.moveOut),
                               maskPhonesInText(p.notes)};
                   });
           }});
    q.add({QStringLiteral("rooms"),
           tx("Rooms", "房间"),
           {param("building_id", ParamType::Id, false, tx("Building", "楼栋")),
            param("prefix", ParamType::Text, false, tx("Room code starts with", "房号开头"))},
           [](const QueryContext& ctx) {
               return tableOf({col("id", "No.", "编号"), col("code", "Room", "房号"),
                               col("building", "Building", "楼栋"), col("unit", "Unit", "单元"),
                               col("number", "Room number", "房间号"),
                               col("residents", "Residents", "住户数")},
                              listRooms(ctx.db, kit::idParam(ctx.params, "building_id"),
                                        kit::textParam(ctx.params, "prefix")),
                              [](const Room& m) -> QVariantList {
                                  return {m.id,   m.code,   m.buildingCode,
                                          m.unit, m.number, m.residents};
                              });
           }});
    q.add({QStringLiteral("buildings"), tx("Buildings", "楼栋"), {}, [](const QueryContext& ctx) {
               return tableOf({col("id", "No.", "编号"), col("code", "Building number", "楼栋号"),
                               col("name", "Name", "名称"), col("units", "Units", "单元数"),
                               col("rooms", "Rooms", "房间数"),
                               col("residents", "Residents", "住户数")},
                              listBuildings(ctx.db), [](const Building& b) -> QVariantList {
                                  return {b.id, b.code, b.name, b.units, b.rooms, b.residents};
                              });
           }});
    q.add({QStringLiteral("staff"),
           tx("Staff", "员工"),
           {flag("include_left", "Include those who left", "含已离职"),
            param("department_id", ParamType::Id, false, tx("Department", "部门"))},
           [](const QueryContext& ctx) {
               return tableOf(
                   {col("id", "No.", "编号"), col("name", "Name", "姓名"),
                    col("department", "Department", "部门"), col("post", "Post", "岗位"),
                    col("phone", "Phone", "电话"), col("status", "Status", "状态"),
                    col("left_on", "Left on", "离职日期"), col("login", "Login", "登录名")},
                   listStaff(ctx.db, kit::boolParam(ctx.params, "include_left"),
                             kit::idParam(ctx.params, "department_id")),
                   [](const StaffMember& m) -> QVariantList {
                       return {m.id,
                               m.name,
                               m.department,
                               m.post,
                               maskPhone(m.phone),
                               m.active ? QStringLiteral("active") : QStringLiteral("left"),
                               dateOrEmpty(m.leftOn),
                               m.login};
                   });
           }});
    q.add(
        {QStringLiteral("departments"), tx("Departments", "部门"), {}, [](const QueryContext& ctx) {
             return tableOf({col("id", "No.", "编号"), col("name", "Name", "名称"),
                             col("organisation_id", "Organisation", "所属单位"),
                             col("active_staff", "Staff", "在职人数")},
                            listDepartments(ctx.db), [](const Department& d) -> QVariantList {
                                return {d.id, d.name,
                                        d.organisationId == 0 ? QVariant(QString())
                                                              : QVariant(d.organisationId),
                                        d.activeStaff};
                            });
         }});
    q.add({QStringLiteral("organisations"),
           tx("Organisations", "单位"),
           {flag("include_inactive", "Include those not in use", "含停用")},
           [](const QueryContext& ctx) {
               return tableOf(
                   {col("id", "No.", "编号"), col("name", "Name", "名称"),
                    col("kind", "Type", "类别"), col("contact", "Contact person", "联系人"),
                    col("phone", "Phone", "电话"), col("active", "In use", "启用")},
                   listOrganisations(ctx.db, kit::boolParam(ctx.params, "include_inactive")),
                   [](const Organisation& o) -> QVariantList {
                       return {o.id,
                               o.name,
                               organisationKindCode(o.kind),
                               o.contact,
                               maskPhone(o.phone),
                               o.active};
                   });
           }});
}

} // namespace fd::residents
