// Demo data for the handover area, written through the action bus like any clerk's work.
#include "db/sql.h"
#include "handover/handover_internal.h"
#include "handover/handover_sheet.h"

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

#define FD_TRY(expr)                                                                               \
    if (auto r_ = (expr); !r_)                                                                     \
        return fail(r_.error());

Status demo(const Services& s, const Actor& admin) {
    Seeder seed(s, admin);
    const QString li = QStringLiteral("wangfang");
    const QString zhao = QStringLiteral("liuyang");
    const QString chen = QStringLiteral("lina");
    const QString sun = QStringLiteral("zhanghua");
    for (const DemoUser& u : {DemoUser{li, QStringLiteral("王芳"), QStringLiteral("clerk")},
                              DemoUser{zhao, QStringLiteral("刘洋"), QStringLiteral("clerk")},
                              DemoUser{chen, QStringLiteral("李娜"), QStringLiteral("supervisor")},
                              DemoUser{sun, QStringLiteral("张华"), QStringLiteral("cs_manager")}})
        FD_TRY(seed.ensureUser(u));

    // Mail register (R6-6): four received, one delivered.
    const QList<QStringList> mail = {
        {QStringLiteral("letter"), QStringLiteral("王先生"), QStringLiteral("A-1203")},
        {QStringLiteral("newspaper"), QStringLiteral("刘女士"), QStringLiteral("B-0801")},
        {QStringLiteral("periodical"), QStringLiteral("张先生"), QStringLiteral("A-0502")},
        {QStringLiteral("letter"), QStringLiteral("周女士"), QStringLiteral("C-1501")}};
    qint64 firstMail = 0;
    for (const QStringList& m : mail) {
        auto r = seed.run(li, QStringLiteral("mail.receive"),
                          {{QStringLiteral("kind"), m[0]},
                           {QStringLiteral("addressee"), m[1]},
                           {QStringLiteral("unit"), m[2]}});
        if (!r)
            return fail(r.error());
        if (firstMail == 0)
            firstMail = r->result.value(QStringLiteral("mail_id")).toInteger();
    }
    FD_TRY(seed.run(li, QStringLiteral("mail.deliver"),
                    {{QStringLiteral("id"), firstMail},
                     {QStringLiteral("delivered_to"), QStringLiteral("王先生")},
                     {QStringLiteral("method"), QStringLiteral("signed")}}));

    // A completed front-desk handover, then the next sheet carrying its open matter.
    auto opened = seed.run(li, QStringLiteral("handover.open"),
                           {{QStringLiteral("post"), QStringLiteral("front_desk")}});
    if (!opened)
        return fail(opened.error());
    const qint64 first = opened->result.value(QStringLiteral("sheet_id")).toInteger();
    FD_TRY(seed.run(li, QStringLiteral("handover.add_matter"),
                    {{QStringLiteral("sheet_id"), first},
                     {QStringLiteral("cause"), QStringLiteral("A-1203 业主反映走廊灯不亮")},
                     {QStringLiteral("course"), QStringLiteral("已通知维修部")},
                     {QStringLiteral("result"), QStringLiteral("维修部已更换灯管")},
                     {QStringLiteral("status"), QStringLiteral("handled")}}));
    FD_TRY(seed.run(li, QStringLiteral("handover.add_matter"),
                    {{QStringLiteral("sheet_id"), first},
                     {QStringLiteral("cause"), QStringLiteral("B 座电梯轿厢按钮失灵")},
                     {QStringLiteral("course"), QStringLiteral("已报电梯维保单位")},
                     {QStringLiteral("result"), QStringLiteral("待维保单位明日上门")}}));
    FD_TRY(seed.run(li, QStringLiteral("handover.add_instruction"),
                    {{QStringLiteral("sheet_id"), first},
                     {QStringLiteral("issued_by"), QStringLiteral("李娜")},
                     {QStringLiteral("text"), QStringLiteral("本周五停水通知须逐户张贴")}}));
    FD_TRY(seed.run(zhao, QStringLiteral("handover.sign_in_incoming"),
                    {{QStringLiteral("sheet_id"), first}, {QStringLiteral("login"), zhao}}));
    auto sheet = loadLiveSheet(s.database().connection(), first);
    if (!sheet)
        return fail(sheet.error());
    for (const SheetChecklistItem& c : sheet->checklist)
        FD_TRY(seed.run(zhao, QStringLiteral("handover.confirm_item"),
                        {{QStringLiteral("sheet_id"), first},
                         {QStringLiteral("item"), c.item},
                         {QStringLiteral("state"), QStringLiteral("present")}}));
    FD_TRY(seed.run(li, QStringLiteral("handover.complete"), {{QStringLiteral("sheet_id"), first}},
                    {Seeder::sign(QStringLiteral("outgoing"), li),
                     Seeder::sign(QStringLiteral("incoming"), zhao)}));
    auto next = seed.run(zhao, QStringLiteral("handover.open"),
                         {{QStringLiteral("post"), QStringLiteral("front_desk")}});
    if (!next)
        return fail(next.error());
    const qint64 second = next->result.value(QStringLiteral("sheet_id")).toInteger();
    FD_TRY(seed.run(zhao, QStringLiteral("handover.add_matter"),
                    {{QStringLiteral("sheet_id"), second},
                     {QStringLiteral("cause"), QStringLiteral("地下车库入口积水")},
                     {QStringLiteral("course"), QStringLiteral("已通知工程部抽水")},
                     {QStringLiteral("result"), QStringLiteral("抽水中")},
                     {QStringLiteral("severity"), QStringLiteral("major")}}));

    // CS office: a chiller start in progress holds the handover (R2-2.4).
    auto office = seed.run(chen, QStringLiteral("handover.open"),
                           {{QStringLiteral("post"), QStringLiteral("cs_office")}});
    if (!office)
        return fail(office.error());
    FD_TRY(seed.run(
        chen, QStringLiteral("handover.record_equipment_operation"),
        {{QStringLiteral("sheet_id"), office->result.value(QStringLiteral("sheet_id")).toInteger()},
         {QStringLiteral("equipment"), QStringLiteral("中央空调冷水机组")},
         {QStringLiteral("operation"), QStringLiteral("start")},
         {QStringLiteral("state"), QStringLiteral("in_progress")}}));

    // Custody (R6-4): one approved by the supervisor, one waiting.
    auto custody = seed.run(li, QStringLiteral("custody.request"),
                            {{QStringLiteral("kind"), QStringLiteral("forwarding")},
                             {QStringLiteral("item"), QStringLiteral("装修图纸一份")},
                             {QStringLiteral("depositor"), QStringLiteral("设计公司 吴工")},
                             {QStringLiteral("recipient"), QStringLiteral("王先生")},
                             {QStringLiteral("unit"), QStringLiteral("A-1203")}});
    if (!custody)
        return fail(custody.error());
    FD_TRY(seed.run(chen, QStringLiteral("approval.approve"),
                    {{QStringLiteral("id"), custody->approvalId}},
                    {Seeder::sign(QStringLiteral("approver"), chen)}));
    FD_TRY(seed.run(zhao, QStringLiteral("custody.request"),
                    {{QStringLiteral("kind"), QStringLiteral("custody")},
                     {QStringLiteral("item"), QStringLiteral("快递包裹（大件）")},
                     {QStringLiteral("depositor"), QStringLiteral("顺丰快递员")},
                     {QStringLiteral("recipient"), QStringLiteral("刘女士")},
                     {QStringLiteral("unit"), QStringLiteral("B-0801")}}));

    // Phone log and bill.
    FD_TRY(seed.run(li, QStringLiteral("phone.log_call"),
                    {{QStringLiteral("caller"), QStringLiteral("张先生")},
                     {QStringLiteral("caller_phone"), QStringLiteral("13812345678")},
                     {QStringLiteral("subject"), QStringLiteral("咨询停水时间")},
                     {QStringLiteral("follow_up"), QStringLiteral("已告知周五 9:00-15:00")}}));
    FD_TRY(seed.run(li, QStringLiteral("phone.record_bill"),
                    {{QStringLiteral("month"), QStringLiteral("2026-01")},
                     {QStringLiteral("amount"), QStringLiteral("180.50")}}));
    FD_TRY(seed.run(li, QStringLiteral("phone.record_bill"),
                    {{QStringLiteral("month"), QStringLiteral("2026-02")},
                     {QStringLiteral("amount"), QStringLiteral("236.00")}}));

    // Duty: the manager's record with a round, a lighting check and a major incident.
    auto dutyOn = seed.run(sun, QStringLiteral("duty.start"), {});
    if (!dutyOn)
        return fail(dutyOn.error());
    const qint64 dutyId = dutyOn->result.value(QStringLiteral("duty_id")).toInteger();
    FD_TRY(seed.run(sun, QStringLiteral("duty.inspect"),
                    {{QStringLiteral("duty_id"), dutyId},
                     {QStringLiteral("area"), QStringLiteral("public_areas")},
                     {QStringLiteral("condition"), QStringLiteral("良好")},
                     {QStringLiteral("hygiene"), QStringLiteral("大堂地面有水渍")},
                     {QStringLiteral("findings"), QStringLiteral("已通知保洁处理")}}));
    FD_TRY(
        seed.run(sun, QStringLiteral("duty.incident"),
                 {{QStringLiteral("duty_id"), dutyId},
                  {QStringLiteral("title"), QStringLiteral("地下车库入口积水")},
                  {QStringLiteral("description"), QStringLiteral("暴雨导致车库入口积水约 10 厘米")},
                  {QStringLiteral("handling"), QStringLiteral("设置警示牌，工程部抽水")},
                  {QStringLiteral("severity"), QStringLiteral("major")}}));
    FD_TRY(seed.run(chen, QStringLiteral("duty.start"), {}));
    FD_TRY(seed.run(sun, QStringLiteral("duty.end"),
                    {{QStringLiteral("id"), dutyId},
                     {QStringLiteral("happenings"), QStringLiteral("暴雨，车库入口积水")},
                     {QStringLiteral("handling"), QStringLiteral("已处置，书面报告明日提交")}}));
    return {};
}

#undef FD_TRY

} // namespace

Status seed(const Services& services, const Actor& admin, const SeedOptions& options) {
    if (options.profile != QStringLiteral("demo"))
        return {}; // the large profile's history is built by the benchmark fixture
    auto done = sql::scalar(services.database().connection(),
                            QStringLiteral("SELECT count(*) FROM handover_sheets"));
    if (!done)
        return fail(done.error());
    if (done->toLongLong() > 0)
        return {}; // seeded already
    return demo(services, admin);
}

} // namespace fd::handover
