// Demo and large data: a living estate, the office's departments, outside organisations,
// and staff for every role (with user accounts, password "demo1234").
#include "db/sql.h"
#include "residents/module_parts.h"
#include "residents/registry.h"
#include "residents/resident_import.h"
#include "util/log.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <random>

namespace fd::residents {
namespace {

const QString kDemoPassword = QStringLiteral("demo1234");

const QStringList kSurnames =
    QStringLiteral(
        "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 "
        "彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 欧阳 司马")
        .split(QLatin1Char(' '));
const QStringList kGiven = QStringLiteral("伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 "
                                          "霞 平 刚 桂英 建华 志强 晓明 海燕 文博 子涵 雨欣 浩然 "
                                          "思远 欣怡 俊杰 梓萱 宇轩 佳怡 建国 淑珍 玉兰 春梅 国强 "
                                          "立新 德华 美玲 晨曦 一鸣 若曦 嘉怡 振宇 丹")
                               .split(QLatin1Char(' '));
const QStringList kNotes = {
    QStringLiteral("独居老人，请多关注"),   QStringLiteral("房屋出租中"),
    QStringLiteral("装修中，装修许可已办"), QStringLiteral("常年在外，信件代收"),
    QStringLiteral("家有婴儿，午间勿扰"),   QStringLiteral("养犬一只，已登记")};

struct StaffSeat {
    const char* login; // empty: no user account
    const char16_t* name;
    const char16_t* department;
    const char16_t* post;
    const char* role;
};

// One person for each role of the glossary; two clerks so a shift can be handed over.
const StaffSeat kSeats[] = {
    {"wangfang", u"王芳", u"客服部", u"前台客务助理", "clerk"},
    {"liuyang", u"刘洋", u"客服部", u"前台客务助理", "clerk"},
    {"sunli", u"孙丽", u"客服部", u"前台客务助理", "clerk"},
    {"chenjing", u"陈静", u"客服部", u"文员", "doc_clerk"},
    {"zhaomin", u"赵敏", u"客服部", u"档案管理员", "archivist"},
    {"sunqiang", u"孙强", u"客服部", u"钥匙管理员", "key_keeper"},
    {"zhoulin", u"周琳", u"财务部", u"收费员", "cashier"},
    {"wuxia", u"吴霞", u"行政人事部", u"考勤员", "attendance_clerk"},
    {"zhengli", u"郑丽", u"客服部", u"回访专人", "visit_officer"},
    {"lina", u"李娜", u"客服部", u"客服主管", "supervisor"},
    {"zhanghua", u"张华", u"客服部", u"客服部经理", "cs_manager"},
    {"huangwei", u"黄伟", u"管理处办公室", u"管理处经理", "office_manager"},
    {"xujianguo", u"徐建国", u"总经理办公室", u"总经理", "general_manager"},
    {"hexue", u"何雪", u"总经理办公室", u"总经理秘书", "secretary"},
    {"majun", u"马军", u"维修部", u"维修技工", "maintenance"},
    {"guoyan", u"郭燕", u"行政人事部", u"行政人事专员", "hr"},
};

const char16_t* const kDepartments[] = {u"客服部",       u"维修部",       u"行政人事部", u"财务部",
                                        u"管理处办公室", u"总经理办公室", u"秩序维护部", u"环境部"};

struct OrgSeed {
    const char16_t* name;
    const char* kind;
    const char16_t* contact;
    const char* phone;
};
const OrgSeed kOrganisations[] = {
    {u"鼎城物业服务集团有限公司", "parent_company", u"集团办公室", "02088886666"},
    {u"恒安电梯工程有限公司", "contractor", u"吴工", "13912340001"},
    {u"绿洲保洁服务有限公司", "contractor", u"林经理", "13912340002"},
    {u"市自来水公司南区营业所", "outside_unit", u"营业厅", "02083330001"},
    {u"南方电网东湖供电所", "outside_unit", u"抢修值班", "02083330002"},
    {u"东湖街道办事处", "government", u"综治办", "02083330003"},
    {u"东湖派出所", "government", u"社区民警", "02083330110"},
};

class Seeder final {
public:
    Seeder(const Services& s, const Actor& admin, quint32 seed)
        : s_(s), admin_(admin), rng_(seed) {}

    Result<QJsonObject> run(const QString& action, const QVariantMap& params) {
        auto r = s_.bus().execute({action, params, admin_, {}, QStringLiteral("seed")});
        if (!r)
            return fail(r.error());
        return r->result;
    }

    Result<qint64> count(const QString& table) {
        auto v = sql::scalar(s_.database().connection(),
                             QStringLiteral("SELECT count(*) FROM ") + table);
        if (!v)
            return fail(v.error());
        return v->toLongLong();
    }

    QString pick(const QStringList& list) {
        return list.at(static_cast<int>(rng_() % list.size()));
    }
    int below(int n) { return static_cast<int>(rng_() % static_cast<quint32>(n)); }

    QString personName() { return pick(kSurnames) + pick(kGiven); }
    QString mobile() {
        static const char* const prefixes[] = {"138", "139", "137", "135", "186",
                                               "158", "188", "150", "177", "199"};
        QString p = QString::fromLatin1(prefixes[below(10)]);
        for (int i = 0; i < 8; ++i)
            p += QChar(u'0' + below(10));
        return p;
    }
    QString idTail() {
        QString t;
        for (int i = 0; i < 3; ++i)
            t += QChar(u'0' + below(10));
        return t + (below(11) == 10 ? QStringLiteral("X") : QString(QChar(u'0' + below(10))));
    }
    QString moveIn() { return QDate(2012, 1, 1).addDays(below(14 * 365)).toString(Qt::ISODate); }

    // One CSV line per resident of the room: an owner, sometimes family or a tenant.
    void room(QString& csv, const QString& code, int people) {
        const QString surname = pick(kSurnames);
        const bool rented = below(6) == 0;
        QSet<QString> taken;
        for (int i = 0; i < people; ++i) {
            const QString kind = i == 0
                                     ? QStringLiteral("业主")
                                     : (rented ? QStringLiteral("租户") : QStringLiteral("家属"));
            QString name;
            do // two people of one name in a room would be a duplicate
                name = (i == 0 || !rented ? surname : pick(kSurnames)) + pick(kGiven) +
                       (i > 1 ? pick(kGiven) : QString());
            while (taken.contains(name));
            taken.insert(name);
            const QString phone2 = below(5) == 0 ? mobile() : QString();
            const QString notes = below(12) == 0 ? pick(kNotes) : QString();
            csv += QStringList{code, kind, name, idTail(), mobile(), phone2, moveIn(), notes}.join(
                QLatin1Char(','));
            csv += QLatin1Char('\n');
        }
    }

    Status importCsv(const QString& csv) {
        QTemporaryDir dir;
        if (!dir.isValid())
            return fail(Error::storage({QStringLiteral("No temporary folder for the seed."),
                                        QStringLiteral("无法创建临时文件夹。")}));
        const QString path = dir.filePath(QStringLiteral("residents.csv"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(csv.toUtf8()) < 0)
            return fail(Error::storage({QStringLiteral("Cannot write %1.").arg(path),
                                        QStringLiteral("无法写入 %1。").arg(path)}));
        f.close();
        auto done = run(QStringLiteral("resident.import"), {{QStringLiteral("file"), path}});
        if (!done)
            return fail(done.error());
        return {};
    }

    Status organisations() {
        auto n = count(QStringLiteral("organisations"));
        if (!n)
            return fail(n.error());
        if (*n > 0)
            return {};
        for (const OrgSeed& o : kOrganisations)
            if (auto r = run(QStringLiteral("org.create"),
                             {{QStringLiteral("name"), QString::fromUtf16(o.name)},
                              {QStringLiteral("kind"), QString::fromLatin1(o.kind)},
                              {QStringLiteral("contact"), QString::fromUtf16(o.contact)},
                              {QStringLiteral("phone"), QString::fromLatin1(o.phone)}});
                !r)
                return fail(r.error());
        return {};
    }

    // Departments, one staff member per seat with a login, then `extra` more staff.
    Status staff(int extra) {
        auto n = count(QStringLiteral("departments"));
        if (!n)
            return fail(n.error());
        if (*n > 0)
            return {};
        auto parent = sql::scalar(
            s_.database().connection(),
            QStringLiteral(
                "SELECT id FROM organisations WHERE kind = 'parent_company' ORDER BY id LIMIT 1"));
        if (!parent)
            return fail(parent.error());
        QHash<QString, qint64> departments;
        for (const char16_t* d : kDepartments) {
            QVariantMap p{{QStringLiteral("name"), QString::fromUtf16(d)}};
            if (QString::fromUtf16(d) == QStringLiteral("总经理办公室") && parent->isValid())
                p.insert(QStringLiteral("organisation_id"), *parent);
            auto r = run(QStringLiteral("staff.create_department"), p);
            if (!r)
                return fail(r.error());
            departments.insert(QString::fromUtf16(d), r->value(QStringLiteral("id")).toInteger());
        }
        for (const StaffSeat& seat : kSeats) {
            const QString login = QString::fromLatin1(seat.login);
            auto r = run(QStringLiteral("staff.create"),
                         {{QStringLiteral("name"), QString::fromUtf16(seat.name)},
                          {QStringLiteral("department_id"),
                           departments.value(QString::fromUtf16(seat.department))},
                          {QStringLiteral("post"), QString::fromUtf16(seat.post)},
                          {QStringLiteral("phone"), mobile()}});
            if (!r)
                return fail(r.error());
            if (s_.users().find(login))
                continue; // an account of that name exists: leave it as it is
            auto user =
                run(QStringLiteral("user.add"),
                    {{QStringLiteral("login"), login},
                     {QStringLiteral("name"), QString::fromUtf16(seat.name)},
                     {QStringLiteral("roles"), QString::fromLatin1(seat.role)},
                     {QStringLiteral("password"), kDemoPassword},
                     {QStringLiteral("staff_id"), r->value(QStringLiteral("id")).toInteger()}});
            if (!user)
                return fail(user.error());
        }
        static const char16_t* const posts[][2] = {
            {u"维修部", u"维修技工"}, {u"秩序维护部", u"秩序维护员"}, {u"环境部", u"保洁员"},
            {u"客服部", u"客务助理"}, {u"财务部", u"会计"},           {u"行政人事部", u"行政专员"}};
        for (int i = 0; i < extra; ++i) {
            const auto& post = posts[below(6)];
            if (auto r = run(QStringLiteral("staff.create"),
                             {{QStringLiteral("name"), personName()},
                              {QStringLiteral("department_id"),
                               departments.value(QString::fromUtf16(post[0]))},
                              {QStringLiteral("post"), QString::fromUtf16(post[1])},
                              {QStringLiteral("phone"), mobile()}});
                !r)
                return fail(r.error());
        }
        return {};
    }

    QString header() const {
        return QStringLiteral("房号,类型,姓名,身份证后四位,电话,电话2,入住日期,备注\n");
    }

    // "3-2-1502": building 3, unit 2, floor 15, room 2.
    static QString roomCode(int building, int unit, int floor, int room) {
        return QStringLiteral("%1-%2-%3%4")
            .arg(building)
            .arg(unit)
            .arg(floor)
            .arg(room, 2, 10, QLatin1Char('0'));
    }

    // 4 buildings, 2 units, 4 floors of 2 rooms: 64 rooms, about 80 residents.
    QString demoEstate() {
        QString csv = header();
        for (int b = 1; b <= 4; ++b)
            for (int u = 1; u <= 2; ++u)
                for (int floor : {2, 5, 8, 11})
                    for (int n = 1; n <= 2; ++n)
                        room(csv, roomCode(b, u, floor, n), below(4) == 0 ? 2 : 1);
        return csv;
    }

    // 40 buildings x 2 units x 25 floors x 3 rooms = 6,000 rooms; 3 and 2 residents in
    // turn = 15,000 residents.
    QString largeEstate() {
        QString csv = header();
        csv.reserve(15000 * 64);
        int index = 0;
        for (int b = 1; b <= 40; ++b)
            for (int u = 1; u <= 2; ++u)
                for (int floor = 1; floor <= 25; ++floor)
                    for (int n = 1; n <= 3; ++n)
                        room(csv, roomCode(b, u, floor, n), index++ % 2 == 0 ? 3 : 2);
        return csv;
    }

private:
    const Services& s_;
    const Actor& admin_;
    std::mt19937 rng_;
};

} // namespace

Status seed(const Services& s, const Actor& admin, const SeedOptions& options) {
    const bool large = options.profile == QStringLiteral("large");
    if (!large && options.profile != QStringLiteral("demo"))
        return fail(bad(
            QStringLiteral("profile"),
            QStringLiteral("Unknown seed profile %1 (demo or large).").arg(options.profile),
            QStringLiteral("未知的示例数据类型「%1」（demo 或 large）。").arg(options.profile)));
    Seeder seeder(s, admin, options.seed);
    auto buildings = seeder.count(QStringLiteral("buildings"));
    if (!buildings)
        return fail(buildings.error());
    // Seeding again leaves what is there: each part is skipped when it exists already.
    if (*buildings == 0)
        if (auto ok = seeder.importCsv(large ? seeder.largeEstate() : seeder.demoEstate()); !ok)
            return fail(ok.error());
    if (auto ok = seeder.organisations(); !ok)
        return fail(ok.error());
    if (auto ok = seeder.staff(large ? 60 - static_cast<int>(std::size(kSeats)) : 3); !ok)
        return fail(ok.error());
    log::get("fd.residents")->info("seeded profile {} (seed {})", options.profile, options.seed);
    return {};
}

} // namespace fd::residents
