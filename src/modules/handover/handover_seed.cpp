// Demo data for the handover area, written through the action bus like any clerk's work.
#include "db/sql.h"
#include "handover/handover_internal.h"
#include "handover/handover_sheet.h"

#include <QJsonObject>
#include <tuple>

namespace fd::handover {
namespace {

struct DemoUser {
    QString login;
    QString name;
    QString roles;
};

// The residents area's demo staff accounts use this password; the same people are made here
// when that area is not built.
QString demoPassword(const QString&) {
    return QStringLiteral("demo1234");
}

class Seeder final {
public:
    Seeder(const Services& s, const Actor& admin) : s_(s), admin_(admin) {}

    Status ensureUser(const DemoUser& u) {
        if (s_.users().find(u.login))
            return {};
        auto r = s_.bus().execute({QStringLiteral("user.add"),
                                   {{QStringLiteral("login"), u.login},
                                    {QStringLiteral("name"), u.name},
                                    {QStringLiteral("roles"), u.roles},
                                    {QStringLiteral("password"), demoPassword(u.login)}},
                                   admin_,
                                   {},
                                   {}});
        if (!r)
            return fail(r.error());
        return {};
    }

    Result<Actor> actor(const QString& login) const {
        auto u = s_.users().find(login);
        if (!u)
            return fail(u.error());
        return Actor{u->id, u->login, u->displayName, u->roles, u->staffId};
    }

    Result<ActionResult> run(const QString& login, const QString& action, const QVariantMap& params,
                             std::vector<SignatureInput> signatures = {},
                             const QString& reason = {}) const {
        auto a = actor(login);
        if (!a)
            return fail(a.error());
        return s_.bus().execute({action, params, *a, std::move(signatures), reason});
    }

    static SignatureInput sign(const QString& meaning, const QString& login) {
        return {meaning, login, demoPassword(login)};
    }

private:
    const Services& s_;
    const Actor& admin_;
};

// The times the demo's history is written at. With the seed command's history clock the
// records spread over the last days, each at its shift's time, placed from the present (the
// time the seed began, held while it runs, so that what it plans from "now" is what it
// writes) so that the story is the same at any hour it is seeded; without it (a test seeding
// a fresh database) everything happens now and only the last two shifts are written.
class Timeline final {
public:
    Timeline(HistoryClock* history, const Clock& clock)
        : history_(history), now_(history != nullptr ? history->presentUtc() : clock.nowUtc()) {}
    ~Timeline() {
        if (history_ != nullptr)
            history_->resume();
    }
    Q_DISABLE_COPY_MOVE(Timeline)

    [[nodiscard]] bool spread() const { return history_ != nullptr; }
    // The present, which the history leads up to and never passes.
    [[nodiscard]] const QDateTime& now() const { return now_; }
    // Sets the clock to `utc` if that is still in the past; false when it is not.
    bool at(const QDateTime& utc) {
        if (history_ == nullptr)
            return true;
        if (utc >= now_)
            return false;
        history_->setTo(utc);
        return true;
    }
    // `utc`, or the present when that time has not come yet.
    void atLatest(const QDateTime& utc) {
        if (!at(utc))
            present();
    }
    void present() {
        if (history_ != nullptr)
            history_->setTo(now_);
    }

private:
    HistoryClock* history_;
    QDateTime now_;
};

QDateTime officeTime(const QDate& day, int hour, int minute) {
    return QDateTime(day, QTime(0, 0), Clock::officeZone())
        .addSecs(hour * 3600 + minute * 60)
        .toUTC();
}

struct DemoMatter {
    const char16_t* cause;
    const char16_t* course;
    const char16_t* result;
    bool handled;
};

// What a front desk meets in a shift; taken in turn, shift after shift.
const DemoMatter kMatters[] = {
    {u"A-1203 业主反映走廊灯不亮", u"已通知维修部", u"维修部已更换灯管", true},
    {u"B 座电梯轿厢按钮失灵", u"已报电梯维保单位", u"待维保单位明日上门", false},
    {u"C-1501 业主咨询装修申报手续", u"已讲解装修管理规定并发放申请表", u"业主已领表", true},
    {u"访客王先生寻找 A-0502 业主", u"电话联系业主确认后放行", u"已放行并登记", true},
    {u"B-0801 业主投诉楼上噪音", u"已上门劝导", u"楼上住户已答应晚十点后停止施工", true},
    {u"地下车库 B2 区照明故障", u"已通知工程部", u"工程部排查线路中", false},
    {u"快递员送来 A-1203 大件包裹", u"业主不在家，已按寄存流程申请", u"等待主管批准", true},
    {u"C 座大堂玻璃门闭门器漏油", u"已报维修部", u"维修部已更换闭门器", true},
    {u"业主反映小区东门道闸不起杆", u"已通知秩序维护部人工放行", u"道闸已复位", true},
};

struct Shift {
    QDate date;    // the shift's office date
    int startHour; // office time
    QString clerk; // who works it
};

Status demo(const Services& s, const Actor& admin, const SeedOptions& options) {
    Seeder seed(s, admin);
    const QString li = QStringLiteral("wangfang");
    const QString zhao = QStringLiteral("liuyang");
    const QString sunli = QStringLiteral("sunli");
    const QString chen = QStringLiteral("lina");
    const QString sun = QStringLiteral("zhanghua");
    for (const DemoUser& u : {DemoUser{li, QStringLiteral("王芳"), QStringLiteral("clerk")},
                              DemoUser{zhao, QStringLiteral("刘洋"), QStringLiteral("clerk")},
                              DemoUser{sunli, QStringLiteral("孙丽"), QStringLiteral("clerk")},
                              DemoUser{chen, QStringLiteral("李娜"), QStringLiteral("supervisor")},
                              DemoUser{sun, QStringLiteral("张华"), QStringLiteral("cs_manager")}})
        if (auto done = seed.ensureUser(u); !done)
            return fail(done.error());
    if (options.history != nullptr)
        options.history->resume();
    Timeline time(options.history, s.clock());
    const QDateTime now = time.now();
    const QDate today = now.toTimeZone(Clock::officeZone()).date();
    const QStringList clerks = {li, zhao, sunli};

    // The shifts: three a day (three-shift system, R2) up to the one running now, from the
    // day whose day shift took in the letter that still waits: received at 10:15, it has
    // waited longer than the policy's days (R6-6) and two hours more at any hour of seeding,
    // so the history starts three or four days back. Without the history clock only the
    // last two shifts.
    const int mailDays = s.policy().intParameter(QStringLiteral("mail.undelivered_days"), 3);
    const QDateTime waitingSince = now.addDays(-mailDays).addSecs(-2 * 3600);
    QDate firstDay = waitingSince.toTimeZone(Clock::officeZone()).date();
    if (officeTime(firstDay, 10, 15) > waitingSince)
        firstDay = firstDay.addDays(-1);
    QList<Shift> shifts;
    if (time.spread()) {
        int n = 0;
        for (QDate d = firstDay; d <= today; d = d.addDays(1))
            for (int hour : {0, 8, 16}) {
                if (officeTime(d, hour, 0) > now)
                    break;
                shifts.append({d, hour, clerks.at(n++ % 3)});
            }
    } else {
        shifts = {{today, 0, li}, {today, 8, zhao}};
    }

    // Mail (R6-6): received on the day shift of each day and delivered the next day, except
    // the first day's first letter, which waits and shows on the dashboard.
    struct Mail {
        qint64 id = 0;
        QString addressee;
        bool waits = false;
    };
    QList<Mail> waiting;
    const QList<QStringList> mailPool = {
        {QStringLiteral("letter"), QStringLiteral("王先生"), QStringLiteral("A-1203")},
        {QStringLiteral("newspaper"), QStringLiteral("刘女士"), QStringLiteral("B-0801")},
        {QStringLiteral("periodical"), QStringLiteral("张先生"), QStringLiteral("A-0502")},
        {QStringLiteral("letter"), QStringLiteral("周女士"), QStringLiteral("C-1501")},
        {QStringLiteral("letter"), QStringLiteral("陈先生"), QStringLiteral("B-1102")},
        {QStringLiteral("newspaper"), QStringLiteral("赵女士"), QStringLiteral("C-0303")}};
    int mailNext = 0;

    qint64 carriedOpen = 0; // the open matter waiting for the next shift to close it
    qint64 pendingInstruction = 0;
    for (int i = 0; i < shifts.size(); ++i) {
        const Shift& sh = shifts.at(i);
        const bool current = i == shifts.size() - 1;
        // Counted back from the running shift, so that it and the ones before it tell the
        // same story whatever the hour.
        const auto back = static_cast<int>(shifts.size()) - 1 - i;
        const QString outgoing = sh.clerk;
        const QString incoming = clerks.at((clerks.indexOf(sh.clerk) + 1) % 3);
        // The running shift is written at the present time, the earlier ones at theirs.
        auto when = [&](const QDateTime& utc) {
            if (!current)
                time.at(utc);
        };
        if (current)
            time.present();
        else if (!time.at(officeTime(sh.date, sh.startHour, 5)))
            break;
        auto opened = seed.run(outgoing, QStringLiteral("handover.open"),
                               {{QStringLiteral("post"), QStringLiteral("front_desk")}});
        if (!opened)
            return fail(opened.error());
        const qint64 sheet = opened->result.value(QStringLiteral("sheet_id")).toInteger();
        if (pendingInstruction != 0) {
            if (auto done = seed.run(outgoing, QStringLiteral("handover.acknowledge_instruction"),
                                     {{QStringLiteral("sheet_id"), sheet},
                                      {QStringLiteral("id"), pendingInstruction}});
                !done)
                return fail(done.error());
            pendingInstruction = 0;
        }
        if (carriedOpen != 0 && !current) {
            when(officeTime(sh.date, sh.startHour, 50));
            if (auto done = seed.run(outgoing, QStringLiteral("handover.update_matter"),
                                     {{QStringLiteral("sheet_id"), sheet},
                                      {QStringLiteral("id"), carriedOpen},
                                      {QStringLiteral("result"), QStringLiteral("已跟进处理完毕")},
                                      {QStringLiteral("status"), QStringLiteral("handled")}});
                !done)
                return fail(done.error());
            carriedOpen = 0;
        }
        if (sh.startHour == 8) { // the day shift takes in and delivers the mail
            when(officeTime(sh.date, 10, 15));
            for (Mail& m : waiting)
                if (!m.waits) {
                    if (auto done =
                            seed.run(outgoing, QStringLiteral("mail.deliver"),
                                     {{QStringLiteral("id"), m.id},
                                      {QStringLiteral("delivered_to"), m.addressee},
                                      {QStringLiteral("method"), QStringLiteral("signed")}});
                        !done)
                        return fail(done.error());
                    m.id = 0;
                }
            waiting.removeIf([](const Mail& m) { return m.id == 0; });
            for (int k = 0; k < 2; ++k) {
                const QStringList& m = mailPool.at(mailNext++ % mailPool.size());
                auto r = seed.run(outgoing, QStringLiteral("mail.receive"),
                                  {{QStringLiteral("kind"), m[0]},
                                   {QStringLiteral("addressee"), m[1]},
                                   {QStringLiteral("unit"), m[2]}});
                if (!r)
                    return fail(r.error());
                waiting.append({r->result.value(QStringLiteral("mail_id")).toInteger(), m[1],
                                time.spread() && mailNext == 1});
            }
        }
        // The shift's matters: one handled, and every other shift one left open.
        when(officeTime(sh.date, sh.startHour, 70));
        const DemoMatter& a = kMatters[(2 * back) % std::size(kMatters)];
        if (auto done = seed.run(outgoing, QStringLiteral("handover.add_matter"),
                                 {{QStringLiteral("sheet_id"), sheet},
                                  {QStringLiteral("cause"), QString::fromUtf16(a.cause)},
                                  {QStringLiteral("course"), QString::fromUtf16(a.course)},
                                  {QStringLiteral("result"), QString::fromUtf16(a.result)},
                                  {QStringLiteral("status"), QStringLiteral("handled")}});
            !done)
            return fail(done.error());
        if (back % 2 == 1 || current) {
            when(officeTime(sh.date, sh.startHour, 200));
            const DemoMatter& b = kMatters[(2 * back + 1) % std::size(kMatters)];
            auto r = seed.run(outgoing, QStringLiteral("handover.add_matter"),
                              {{QStringLiteral("sheet_id"), sheet},
                               {QStringLiteral("cause"), QString::fromUtf16(b.cause)},
                               {QStringLiteral("course"), QString::fromUtf16(b.course)},
                               {QStringLiteral("result"), QString::fromUtf16(b.result)},
                               {QStringLiteral("status"),
                                b.handled ? QStringLiteral("handled") : QStringLiteral("open")}});
            if (!r)
                return fail(r.error());
            if (!b.handled)
                carriedOpen = r->result.value(QStringLiteral("matter_id")).toInteger();
        }
        if (back % 4 == 1) { // acknowledged by the next shift as it opens
            when(officeTime(sh.date, sh.startHour, 240));
            auto r = seed.run(outgoing, QStringLiteral("handover.add_instruction"),
                              {{QStringLiteral("sheet_id"), sheet},
                               {QStringLiteral("issued_by"), QStringLiteral("李娜")},
                               {QStringLiteral("text"),
                                QStringLiteral("本周五停水通知须逐户张贴，并在大堂公告栏公示")}});
            if (!r)
                return fail(r.error());
            pendingInstruction = r->result.value(QStringLiteral("instruction_id")).toInteger();
        }
        if (current) {
            // The running shift: a major matter still open, as the dashboard shows it.
            if (auto done =
                    seed.run(outgoing, QStringLiteral("handover.add_matter"),
                             {{QStringLiteral("sheet_id"), sheet},
                              {QStringLiteral("cause"), QStringLiteral("地下车库入口积水")},
                              {QStringLiteral("course"), QStringLiteral("已通知工程部抽水")},
                              {QStringLiteral("result"), QStringLiteral("抽水中")},
                              {QStringLiteral("severity"), QStringLiteral("major")}});
                !done)
                return fail(done.error());
            break;
        }
        // The end of the shift: the incoming clerk signs in and checks the items, both sign.
        when(officeTime(sh.date, sh.startHour, 7 * 60 + 45));
        if (auto done = seed.run(
                incoming, QStringLiteral("handover.sign_in_incoming"),
                {{QStringLiteral("sheet_id"), sheet}, {QStringLiteral("login"), incoming}});
            !done)
            return fail(done.error());
        auto live = loadLiveSheet(s.database().connection(), sheet);
        if (!live)
            return fail(live.error());
        // Face to face: the outgoing clerk records, the incoming one signs (R2-1.5, R6-6, R6-7).
        for (const SheetChecklistItem& c : live->checklist)
            if (auto done = seed.run(outgoing, QStringLiteral("handover.confirm_item"),
                                     {{QStringLiteral("sheet_id"), sheet},
                                      {QStringLiteral("item"), c.item},
                                      {QStringLiteral("state"), QStringLiteral("present")}},
                                     {Seeder::sign(QStringLiteral("incoming"), incoming)});
                !done)
                return fail(done.error());
        if (auto done = seed.run(outgoing, QStringLiteral("handover.confirm_mail"),
                                 {{QStringLiteral("sheet_id"), sheet}},
                                 {Seeder::sign(QStringLiteral("incoming"), incoming)});
            !done)
            return fail(done.error());
        when(officeTime(sh.date, sh.startHour, 7 * 60 + 55));
        if (auto done = seed.run(outgoing, QStringLiteral("handover.complete"),
                                 {{QStringLiteral("sheet_id"), sheet}},
                                 {Seeder::sign(QStringLiteral("outgoing"), outgoing),
                                  Seeder::sign(QStringLiteral("incoming"), incoming)});
            !done)
            return fail(done.error());
        if (i == 1) // a correction after the sheet was closed is an addendum (R2-1.1)
            if (auto done = seed.run(
                    outgoing, QStringLiteral("handover.add_addendum"),
                    {{QStringLiteral("sheet_id"), sheet},
                     {QStringLiteral("text"),
                      QStringLiteral("补记：当班收到物业费催缴通知 12 份，已放入前台文件夹")}});
                !done)
                return fail(done.error());
    }
    time.present();

    // CS office: a chiller start in progress holds its handover (R2-2.4).
    auto office = seed.run(chen, QStringLiteral("handover.open"),
                           {{QStringLiteral("post"), QStringLiteral("cs_office")}});
    if (!office)
        return fail(office.error());
    if (auto done = seed.run(chen, QStringLiteral("handover.record_equipment_operation"),
                             {{QStringLiteral("sheet_id"),
                               office->result.value(QStringLiteral("sheet_id")).toInteger()},
                              {QStringLiteral("equipment"), QStringLiteral("中央空调冷水机组")},
                              {QStringLiteral("operation"), QStringLiteral("start")},
                              {QStringLiteral("state"), QStringLiteral("in_progress")}});
        !done)
        return fail(done.error());

    // Custody (R6-4): one approved by the supervisor two days ago and released, one
    // approved by the department manager yesterday and still held, one waiting.
    const QDate d2 = time.spread() ? today.addDays(-2) : today;
    const QDate d1 = time.spread() ? today.addDays(-1) : today;
    time.at(officeTime(d2, 10, 40));
    auto custody = seed.run(li, QStringLiteral("custody.request"),
                            {{QStringLiteral("kind"), QStringLiteral("forwarding")},
                             {QStringLiteral("item"), QStringLiteral("装修图纸一份")},
                             {QStringLiteral("depositor"), QStringLiteral("设计公司 吴工")},
                             {QStringLiteral("recipient"), QStringLiteral("王先生")},
                             {QStringLiteral("unit"), QStringLiteral("A-1203")}});
    if (!custody)
        return fail(custody.error());
    time.at(officeTime(d2, 11, 5));
    auto approved = seed.run(chen, QStringLiteral("approval.approve"),
                             {{QStringLiteral("id"), custody->approvalId}},
                             {Seeder::sign(QStringLiteral("approver"), chen)});
    if (!approved)
        return fail(approved.error());
    time.at(officeTime(d2, 18, 20));
    if (auto done =
            seed.run(zhao, QStringLiteral("custody.release"),
                     {{QStringLiteral("id"), approved->result.value(QStringLiteral("executed"))
                                                 .toObject()
                                                 .value(QStringLiteral("custody_id"))
                                                 .toInteger()},
                      {QStringLiteral("released_to"), QStringLiteral("王先生")}});
        !done)
        return fail(done.error());
    time.at(officeTime(d1, 9, 30));
    auto held =
        seed.run(li, QStringLiteral("custody.request"),
                 {{QStringLiteral("kind"), QStringLiteral("custody")},
                  {QStringLiteral("item"), QStringLiteral("钥匙一串（业主委托转交装修队）")},
                  {QStringLiteral("depositor"), QStringLiteral("C-1501 周女士")},
                  {QStringLiteral("recipient"), QStringLiteral("装修队 李师傅")},
                  {QStringLiteral("unit"), QStringLiteral("C-1501")}});
    if (!held)
        return fail(held.error());
    time.at(officeTime(d1, 9, 50));
    if (auto done = seed.run(sun, QStringLiteral("approval.approve"),
                             {{QStringLiteral("id"), held->approvalId}},
                             {Seeder::sign(QStringLiteral("approver"), sun)});
        !done)
        return fail(done.error());
    time.present();
    if (auto done = seed.run(zhao, QStringLiteral("custody.request"),
                             {{QStringLiteral("kind"), QStringLiteral("custody")},
                              {QStringLiteral("item"), QStringLiteral("快递包裹（大件）")},
                              {QStringLiteral("depositor"), QStringLiteral("顺丰快递员")},
                              {QStringLiteral("recipient"), QStringLiteral("刘女士")},
                              {QStringLiteral("unit"), QStringLiteral("B-0801")}});
        !done)
        return fail(done.error());

    // Phone log (R8-2.6) and the front-desk phone bill of the last six months (R6-2).
    const QList<QStringList> calls = {
        {QStringLiteral("张先生"), QStringLiteral("13812345678"), QStringLiteral("咨询停水时间"),
         QStringLiteral("已告知周五 9:00-15:00")},
        {QStringLiteral("刘女士"), QStringLiteral("13987654321"),
         QStringLiteral("报修厨房下水道堵塞"), QStringLiteral("已转维修部，约定明早上门")},
        {QStringLiteral("周女士"), QStringLiteral("13711112222"),
         QStringLiteral("询问装修押金退还"), QStringLiteral("已请财务部回电")}};
    for (int k = 0; k < calls.size(); ++k) {
        time.at(officeTime(time.spread() ? today.addDays(k - 3) : today, 14, 10));
        if (auto done = seed.run(clerks.at(k % 3), QStringLiteral("phone.log_call"),
                                 {{QStringLiteral("caller"), calls[k][0]},
                                  {QStringLiteral("caller_phone"), calls[k][1]},
                                  {QStringLiteral("subject"), calls[k][2]},
                                  {QStringLiteral("follow_up"), calls[k][3]}});
            !done)
            return fail(done.error());
    }
    time.present();
    const QStringList amounts = {QStringLiteral("180.50"), QStringLiteral("236.00"),
                                 QStringLiteral("195.20"), QStringLiteral("201.80"),
                                 QStringLiteral("168.40"), QStringLiteral("242.60")};
    for (int k = 0; k < amounts.size(); ++k)
        if (auto done = seed.run(
                li, QStringLiteral("phone.record_bill"),
                {{QStringLiteral("month"), today.addMonths(k - static_cast<int>(amounts.size()))
                                               .toString(QStringLiteral("yyyy-MM"))},
                 {QStringLiteral("amount"), amounts.at(k)}});
            !done)
            return fail(done.error());

    // Duty (R8): a day's duty from 08:30 to 08:30 the next morning, ended only once the
    // successor has signed in; rounds, lighting checks and incidents in between. With the
    // history clock the last three days' duties are ended and the one running now (begun
    // this morning, or yesterday morning before 08:25) has done its rounds and lighting
    // checks up to now; the latest major incident happened last night, so its written report
    // is due by the end of today, whatever the hour (R8-1.6). Without it one duty, now.
    const QStringList dutyPeople = {sun, chen};
    const int duties = time.spread() ? 4 : 1;
    const QDate dutyToday =
        !time.spread() || now >= officeTime(today, 8, 25) ? today : today.addDays(-1);
    const QDate lastNight = today.addDays(-1);
    qint64 onDuty = 0;
    QString onDutyLogin;
    bool onDutyHadStorm = false;
    for (int k = 0; k < duties; ++k) {
        const QDate d = dutyToday.addDays(k - duties + 1);
        const QString who = dutyPeople.at(k % 2);
        time.at(officeTime(d, 8, 25)); // the running duty began before now, by its date
        auto started = seed.run(who, QStringLiteral("duty.start"), {});
        if (!started)
            return fail(started.error());
        if (onDuty != 0) {
            time.atLatest(officeTime(d, 8, 35));
            if (auto done =
                    seed.run(onDutyLogin, QStringLiteral("duty.end"),
                             {{QStringLiteral("id"), onDuty},
                              {QStringLiteral("happenings"),
                               onDutyHadStorm ? QStringLiteral("暴雨，地下车库入口积水")
                                              : QStringLiteral("夜间巡查正常，无突发情况")},
                              {QStringLiteral("handling"),
                               onDutyHadStorm ? QStringLiteral("已设警示牌并抽水，书面报告今日提交")
                                              : QStringLiteral("已按规定完成灯光检查")}});
                !done)
                return fail(done.error());
        }
        onDuty = started->result.value(QStringLiteral("duty_id")).toInteger();
        onDutyLogin = who;
        onDutyHadStorm = false;
        // Each round is written once its time has come.
        if (time.at(officeTime(d, 15, 0)))
            if (auto done =
                    seed.run(who, QStringLiteral("duty.inspect"),
                             {{QStringLiteral("duty_id"), onDuty},
                              {QStringLiteral("area"), QStringLiteral("public_areas")},
                              {QStringLiteral("condition"), QStringLiteral("良好")},
                              {QStringLiteral("hygiene"),
                               k == 0 ? QStringLiteral("大堂地面有水渍") : QStringLiteral("整洁")},
                              {QStringLiteral("staff_quality"), QStringLiteral("保洁员在岗")},
                              {QStringLiteral("discipline"), QStringLiteral("无脱岗")},
                              {QStringLiteral("findings"),
                               k == 0 ? QStringLiteral("已通知保洁处理") : QString()}});
                !done)
                return fail(done.error());
        if (time.at(officeTime(d, 15, 40)))
            if (auto done =
                    seed.run(who, QStringLiteral("duty.inspect"),
                             {{QStringLiteral("duty_id"), onDuty},
                              {QStringLiteral("area"), QStringLiteral("clubhouse")},
                              {QStringLiteral("condition"), QStringLiteral("泳池护栏一处松动")},
                              {QStringLiteral("hygiene"), QStringLiteral("整洁")},
                              {QStringLiteral("findings"), QStringLiteral("已报维修部加固")}});
                !done)
                return fail(done.error());
        for (const auto& [hour, minute, slot] :
             {std::tuple{18, 30, "18:30"}, std::tuple{23, 0, "23:00"}})
            if (time.at(officeTime(d, hour, minute + 5)))
                if (auto done = seed.run(who, QStringLiteral("duty.lighting_check"),
                                         {{QStringLiteral("duty_id"), onDuty},
                                          {QStringLiteral("slot"), QString::fromLatin1(slot)},
                                          {QStringLiteral("lights_ok"), true}});
                    !done)
                    return fail(done.error());
        if (time.at(officeTime(d.addDays(1), 6, 35)))
            if (auto done = seed.run(
                    who, QStringLiteral("duty.lighting_check"),
                    {{QStringLiteral("duty_id"), onDuty},
                     {QStringLiteral("slot"), QStringLiteral("06:30")},
                     {QStringLiteral("lights_ok"), k != 1},
                     {QStringLiteral("note"),
                      k != 1 ? QString() : QStringLiteral("东区路灯两盏未灭，已手动关闭")}});
                !done)
                return fail(done.error());
        // A major incident escalates to the CS manager and needs a written report by the
        // end of the next day (R8-1.6): the earliest one has it, last night's is due.
        const bool first = k == 0;
        const bool storm = time.spread() && d == lastNight;
        if (first || storm) {
            time.at(officeTime(d, 21, 10));
            auto inc = seed.run(
                who, QStringLiteral("duty.incident"),
                {{QStringLiteral("duty_id"), onDuty},
                 {QStringLiteral("title"),
                  first ? QStringLiteral("B 座电梯困人") : QStringLiteral("地下车库入口积水")},
                 {QStringLiteral("description"),
                  first ? QStringLiteral("21:05 B 座 2 号电梯停在 7、8 层之间，轿厢内 2 人")
                        : QStringLiteral("暴雨导致车库入口积水约 10 厘米")},
                 {QStringLiteral("handling"),
                  first ? QStringLiteral("通知电梯维保单位，安抚被困人员，21:40 全部救出")
                        : QStringLiteral("设置警示牌，工程部抽水")},
                 {QStringLiteral("severity"), QStringLiteral("major")}});
            if (!inc)
                return fail(inc.error());
            onDutyHadStorm = storm;
            if (first && time.spread()) {
                time.at(officeTime(d.addDays(1), 10, 0));
                if (auto done = seed.run(
                        who, QStringLiteral("duty.incident_report"),
                        {{QStringLiteral("id"),
                          inc->result.value(QStringLiteral("incident_id")).toInteger()},
                         {QStringLiteral("report"),
                          QStringLiteral(
                              "事件经过：21:05 接业主电话报 B 座 2 号电梯困人。处理：值班经理到场，"
                              "通知维保单位，21:40 救出 2 人，无人受伤。原因：门锁回路故障，"
                              "维保单位已更换门锁触点。")}});
                    !done)
                    return fail(done.error());
            }
        }
    }
    time.present();
    if (time.spread()) {
        // Tomorrow's duty manager cannot serve: he asks for a swap in advance, and it takes
        // effect once the supervisor approves it (R8-1.8, R2-2.1).
        auto swap = seed.run(sun, QStringLiteral("duty.record_swap"),
                             {{QStringLiteral("duty_date"), today.addDays(1).toString(Qt::ISODate)},
                              {QStringLiteral("from_login"), sun},
                              {QStringLiteral("to_login"), chen}},
                             {}, QStringLiteral("张华经理外出参加物业管理培训"));
        if (!swap)
            return fail(swap.error());
        if (auto done = seed.run(chen, QStringLiteral("approval.approve"),
                                 {{QStringLiteral("id"), swap->approvalId}},
                                 {Seeder::sign(QStringLiteral("approver"), chen)});
            !done)
            return fail(done.error());
    }
    time.present();
    return {};
}

} // namespace

Status seed(const Services& services, const Actor& admin, const SeedOptions& options) {
    auto done = sql::scalar(services.database().connection(),
                            QStringLiteral("SELECT count(*) FROM handover_sheets"));
    if (!done)
        return fail(done.error());
    if (done->toLongLong() > 0)
        return {}; // seeded already
    if (options.profile == QStringLiteral("large"))
        return seedLargeHistory(services, admin, options);
    return demo(services, admin, options);
}

} // namespace fd::handover
