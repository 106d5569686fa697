// The large profile: ten years of front-desk history (about 11,000 completed handover
// sheets with 55,000 matters, 3,650 duty records with their rounds and lighting checks, a
// letter a day), for the benchmarks and for trying the program on a database of a real
// office's size. Written as an office brings in its earlier registers: one
// handover.import_history per month, so every sheet has its full content and opens and
// prints like one completed at the desk. The same seed gives the same history.
#include "handover/handover_internal.h"
#include "rules/policy.h"
#include "util/clock.h"
#include "util/log.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <algorithm>
#include <random>

namespace fd::handover {
namespace {

constexpr int kYears = 10;

struct MatterText {
    const char16_t* cause;
    const char16_t* course;
    const char16_t* result;
};

const MatterText kMatters[] = {
    {u"%1 业主来电反映厨房水管漏水", u"已登记并通知维修部值班技工上门", u"技工更换阀门，已修复"},
    {u"%1 业主反映楼上夜间噪音扰民", u"电话联系楼上住户并做好解释", u"双方已沟通，业主表示理解"},
    {u"%1 业主来访咨询物业费缴费方式", u"介绍银行代扣及前台缴费办法", u"业主已办理代扣手续"},
    {u"%1 电梯运行异响，业主来电报修", u"通知电梯维保单位到场检查",
     u"维保单位已调整导轨，运行正常"},
    {u"%1 业主报失门禁卡", u"核对身份后挂失旧卡", u"已补办新卡并登记"},
    {u"%1 快递员要求代收大件包裹", u"按规定不予代收，联系业主本人领取", u"业主已到前台签收"},
    {u"%1 业主投诉楼道照明损坏", u"派维修技工更换灯具", u"照明已恢复"},
    {u"%1 业主申请装修登记", u"告知装修管理规定并发放申请表", u"业主已提交申请表"},
    {u"%1 访客来访未能联系上业主", u"按访客登记规定电话核实", u"业主确认后放行"},
    {u"%1 地下车库积水，巡逻岗报告", u"通知工程部启动排水泵", u"积水已排除，车库恢复正常"},
};

const char16_t* const kInstructions[] = {
    u"加强夜间巡查，注意防火防盗", u"本周六上午停水，提前张贴通知并电话告知重点住户",
    u"近期雨水较多，注意地下车库排水", u"节日期间加强访客登记", u"做好消防通道清理，不得堆放杂物"};

const char16_t* const kHappenings[] = {
    u"夜间巡查正常，各岗位在岗", u"二十二时许一号楼消防报警，经查为误报，已复位",
    u"凌晨巡查发现地下车库一处照明损坏，已登记报修", u"值班期间接业主来电两次，均已处理"};

// Office time as a register writes it; `minutes` after the day's midnight, within the day.
QString registerTime(const QDate& day, int minutes) {
    return day.toString(Qt::ISODate) + QLatin1Char(' ') +
           QTime(minutes / 60, minutes % 60).toString(QStringLiteral("HH:mm"));
}

class History final {
public:
    History(const Services& s, quint32 seed) : s_(s), rng_(seed) {
        shifts_ = handover::shifts(s.policy(), QStringLiteral("front_desk"));
        std::sort(shifts_.begin(), shifts_.end(),
                  [](const ShiftDef& a, const ShiftDef& b) { return a.start < b.start; });
        areas_ = QVariant(s.policy()
                              .parameter(QStringLiteral("duty.inspection_areas"))
                              .toArray()
                              .toVariantList())
                     .toStringList();
        slots_ = QVariant(s.policy()
                              .parameter(QStringLiteral("duty.lighting_check_times"))
                              .toArray()
                              .toVariantList())
                     .toStringList();
    }

    // The registers of the days [from, to) as an import file.
    QJsonObject month(const QDate& from, const QDate& to, const QDate& today) {
        QJsonArray sheets, duties, mail;
        for (QDate d = from; d < to; d = d.addDays(1)) {
            for (const ShiftDef& shift : shifts_)
                sheets.append(sheet(d, shift));
            duties.append(duty(d));
            const bool recent = d.daysTo(today) < 10; // the last days' letters still wait
            QJsonObject letter{{QStringLiteral("kind"), QStringLiteral("letter")},
                               {QStringLiteral("addressee"), QStringLiteral("业主")},
                               {QStringLiteral("unit"), QStringLiteral("A-0101")},
                               {QStringLiteral("received_at"), registerTime(d, 10 * 60 + 15)},
                               {QStringLiteral("received_by"), clerks_[0]}};
            if (!recent)
                letter.insert(QStringLiteral("delivered_at"), registerTime(d, 17 * 60 + 40));
            mail.append(letter);
        }
        return {{QStringLiteral("sheets"), sheets},
                {QStringLiteral("duty_records"), duties},
                {QStringLiteral("mail"), mail}};
    }

private:
    int below(int n) { return static_cast<int>(rng_() % static_cast<quint32>(n)); }

    QJsonObject sheet(const QDate& d, const ShiftDef& shift) {
        ++sheets_;
        const int start = shift.start.hour() * 60 + shift.start.minute();
        const int out = sheets_ % 2;
        QJsonArray matters;
        const int count = 4 + static_cast<int>(sheets_ % 3); // 4 to 6, five on average
        for (int m = 0; m < count; ++m) {
            const MatterText& t = kMatters[below(static_cast<int>(std::size(kMatters)))];
            // About one matter in 2,500 is still open and carries over to this day.
            const bool open = below(2500) == 7;
            const QString room = QStringLiteral("%1-%2-%3%4")
                                     .arg(1 + below(40))
                                     .arg(1 + below(2))
                                     .arg(1 + below(25))
                                     .arg(1 + below(3), 2, 10, QLatin1Char('0'));
            QJsonObject matter{
                {QStringLiteral("cause"), QString::fromUtf16(t.cause).arg(room)},
                {QStringLiteral("course"), QString::fromUtf16(t.course)},
                {QStringLiteral("severity"),
                 below(10) == 0 ? QStringLiteral("major") : QStringLiteral("normal")},
                {QStringLiteral("status"),
                 open ? QStringLiteral("open") : QStringLiteral("handled")},
                {QStringLiteral("created_at"), registerTime(d, start + 20 + m * 60)}};
            matter.insert(QStringLiteral("result"),
                          open ? QStringLiteral("跟进中") : QString::fromUtf16(t.result));
            matters.append(matter);
        }
        QJsonObject o{{QStringLiteral("post"), QStringLiteral("front_desk")},
                      {QStringLiteral("shift"), shift.code},
                      {QStringLiteral("shift_date"), d.toString(Qt::ISODate)},
                      {QStringLiteral("opened_at"), registerTime(d, start + 5)},
                      {QStringLiteral("completed_at"), registerTime(d, start + 7 * 60 + 55)},
                      {QStringLiteral("outgoing"), clerks_[out]},
                      {QStringLiteral("incoming"), clerks_[1 - out]},
                      {QStringLiteral("matters"), matters}};
        if (sheets_ % 3 == 0)
            o.insert(QStringLiteral("instructions"),
                     QJsonArray{QJsonObject{
                         {QStringLiteral("issued_by"), QStringLiteral("李娜")},
                         {QStringLiteral("text"),
                          QString::fromUtf16(
                              kInstructions[below(static_cast<int>(std::size(kInstructions)))])},
                         {QStringLiteral("recorded_at"), registerTime(d, start + 30)}}});
        return o;
    }

    QJsonObject duty(const QDate& d) {
        QJsonArray inspections;
        for (int i = 0; i < 2 && i < areas_.size(); ++i)
            inspections.append(QJsonObject{
                {QStringLiteral("area"), areas_.at(below(areas_.size()))},
                {QStringLiteral("condition"), QStringLiteral("设施完好")},
                {QStringLiteral("hygiene"),
                 below(8) == 0 ? QStringLiteral("楼道有杂物，已通知保洁") : QStringLiteral("整洁")},
                {QStringLiteral("staff_quality"), QStringLiteral("良好")},
                {QStringLiteral("discipline"), QStringLiteral("在岗")},
                {QStringLiteral("findings"), QStringLiteral("无")},
                {QStringLiteral("inspected_at"), registerTime(d, 20 * 60 + i * 180)}});
        QJsonArray lighting;
        for (const QString& slot : slots_) {
            const QTime t = QTime::fromString(slot, QStringLiteral("HH:mm"));
            // A set time before noon is on the next morning of the duty night.
            const QDate day = t.hour() < 12 ? d.addDays(1) : d;
            lighting.append(QJsonObject{
                {QStringLiteral("slot"), slot},
                {QStringLiteral("lights_ok"), true},
                {QStringLiteral("checked_at"), registerTime(day, t.hour() * 60 + t.minute() + 5)}});
        }
        return {{QStringLiteral("duty_date"), d.toString(Qt::ISODate)},
                {QStringLiteral("on_duty"), clerks_[0]},
                {QStringLiteral("started_at"), registerTime(d, 8 * 60 + 25)},
                {QStringLiteral("ended_at"), registerTime(d.addDays(1), 8 * 60 + 35)},
                {QStringLiteral("happenings"),
                 QString::fromUtf16(kHappenings[below(static_cast<int>(std::size(kHappenings)))])},
                {QStringLiteral("handling"), QStringLiteral("按规定处理，已记录")},
                {QStringLiteral("successor"), clerks_[1]},
                {QStringLiteral("inspections"), inspections},
                {QStringLiteral("lighting_checks"), lighting}};
    }

    const Services& s_;
    std::mt19937 rng_;
    QList<ShiftDef> shifts_;
    QStringList areas_;
    QStringList slots_;
    qint64 sheets_ = 0;
    const QString clerks_[2] = {QStringLiteral("wangfang"), QStringLiteral("liuyang")};
};

// The two clerks of the history; the residents' large profile creates them, else here.
Status clerk(const Services& s, const Actor& admin, const QString& login, const QString& name) {
    if (s.users().find(login))
        return {};
    auto r = s.bus().execute({QStringLiteral("user.add"),
                              {{QStringLiteral("login"), login},
                               {QStringLiteral("name"), name},
                               {QStringLiteral("roles"), QStringLiteral("clerk")},
                               {QStringLiteral("password"), QStringLiteral("demo1234")}},
                              admin,
                              {},
                              {}});
    if (!r)
        return fail(r.error());
    return {};
}

} // namespace

Status seedLargeHistory(const Services& s, const Actor& admin, const SeedOptions& options) {
    QElapsedTimer timer;
    timer.start();
    if (auto ok = clerk(s, admin, QStringLiteral("wangfang"), QStringLiteral("王芳")); !ok)
        return ok;
    if (auto ok = clerk(s, admin, QStringLiteral("liuyang"), QStringLiteral("刘洋")); !ok)
        return ok;
    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(
            Error::storage(tx("No temporary folder for the seed.", "无法创建临时文件夹。")));
    History history(s, options.seed);
    const QDate today = s.clock().officeToday();
    for (QDate from = today.addYears(-kYears); from < today;) {
        const QDate next = std::min(QDate(from.year(), from.month(), 1).addMonths(1), today);
        const QString path = dir.filePath(
            QStringLiteral("registers-%1.json").arg(from.toString(QStringLiteral("yyyy-MM"))));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) ||
            f.write(
                QJsonDocument(history.month(from, next, today)).toJson(QJsonDocument::Compact)) < 0)
            return fail(Error::storage({QStringLiteral("Cannot write %1.").arg(path),
                                        QStringLiteral("无法写入 %1。").arg(path)}));
        f.close();
        auto r = s.bus().execute({QStringLiteral("handover.import_history"),
                                  {{QStringLiteral("file"), path}},
                                  admin,
                                  {},
                                  QStringLiteral("large profile")});
        if (!r)
            return fail(r.error());
        QFile::remove(path);
        from = next;
    }
    if (auto ok = sql::run(s.database().connection(), QStringLiteral("ANALYZE")); !ok)
        return ok;
    log::get("fd.handover")
        ->info("seeded ten years of front-desk history (seed {}) in {} ms", options.seed,
               timer.elapsed());
    return {};
}

} // namespace fd::handover
