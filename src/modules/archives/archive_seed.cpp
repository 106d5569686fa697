// The demo archive: cabinets, volumes in every category, items filed as handovers, loans
// (one overdue, made on past days with the seed command's history clock) and documents in
// each state, all through the action bus.
#include "archives_internal.h"
#include "db/sql.h"

namespace fd::archives {
namespace {

// Every demo user's password (README); the residents seed creates the same people.
QString demoPassword(const QString&) {
    return QStringLiteral("demo1234");
}

struct Seeder {
    const Services& s;
    const Actor& admin;

    Result<ActionResult> run(const QString& action, const QVariantMap& params, const Actor& actor,
                             std::vector<SignatureInput> sigs = {}) const {
        auto r = s.bus().execute({action, params, actor, std::move(sigs), {}});
        if (!r)
            return fail(
                Error::internal(QStringLiteral("demo %1: %2").arg(action, r.error().message.en)));
        return r;
    }
    SignatureInput sign(const QString& meaning, const QString& login) const {
        return {meaning, login, demoPassword(login)};
    }
    // The office's people from the residents demo; created here only when that area is absent.
    Result<Actor> user(const QString& login, const QString& name, const QString& roles,
                       qint64 staffId) const {
        if (!s.users().find(login)) {
            QVariantMap p{{QStringLiteral("login"), login},
                          {QStringLiteral("name"), name},
                          {QStringLiteral("roles"), roles},
                          {QStringLiteral("password"), demoPassword(login)}};
            if (staffId > 0)
                p.insert(QStringLiteral("staff_id"), staffId);
            if (auto r = run(QStringLiteral("user.add"), p, admin); !r)
                return fail(r.error());
        }
        auto u = s.users().find(login);
        if (!u)
            return fail(u.error());
        return Actor{u->id, u->login, u->displayName, u->roles, u->staffId};
    }
};

} // namespace

Status seedArchives(const Services& s, const Actor& admin, const SeedOptions& options) {
    const bool large = options.profile == QStringLiteral("large");
    if (!large && options.profile != QStringLiteral("demo"))
        return fail(Error::badInput(
            QStringLiteral("profile"),
            {QStringLiteral("Unknown seed profile %1 (demo or large).").arg(options.profile),
             QStringLiteral("未知的示例数据类型「%1」（demo 或 large）。").arg(options.profile)}));
    auto existing = sql::scalar(s.database().connection(),
                                QStringLiteral("SELECT count(*) FROM archive_volumes"));
    if (!existing)
        return fail(existing.error());
    if (existing->toLongLong() > 0)
        return {}; // seeded already
    if (large)
        return seedLargeArchive(s, admin, options);
    Seeder sd{s, admin};
    auto keeper =
        sd.user(QStringLiteral("zhaomin"), QStringLiteral("赵敏"), QStringLiteral("archivist"), 0);
    auto gm = sd.user(QStringLiteral("xujianguo"), QStringLiteral("徐建国"),
                      QStringLiteral("general_manager"), 0);
    auto om = sd.user(QStringLiteral("huangwei"), QStringLiteral("黄伟"),
                      QStringLiteral("office_manager"), 0);
    auto staff = sd.user(QStringLiteral("chenjing"), QStringLiteral("陈静"),
                         QStringLiteral("doc_clerk"), 9001);
    for (const auto* r : {&keeper, &gm, &om, &staff})
        if (!*r)
            return fail(r->error());
    const QDate today = s.clock().officeToday();
    // The seed command's history clock writes the archive's past: the cabinets and volumes a
    // month ago, the loans on the days below; the documents are registered today.
    const QDateTime present = s.clock().nowUtc();
    auto dayAgo = [&](int days) {
        if (options.history != nullptr)
            options.history->setTo(present.addDays(-days));
    };
    auto later = [&](int minutes) {
        if (options.history != nullptr)
            options.history->advanceSeconds(minutes * 60);
    };
    dayAgo(30);
    // The volumes cover whole years before the one they were made in.
    const int filedIn = s.clock().officeToday().year();

    for (const auto& [code, name, locked] : {std::tuple{"A01", "档案柜A01（普通）", false},
                                             std::tuple{"A02", "档案柜A02（普通）", false},
                                             std::tuple{"S01", "保密专柜S01（加锁）", true}})
        if (auto r = sd.run(QStringLiteral("archive.add_cabinet"),
                            {{QStringLiteral("code"), QString::fromUtf8(code)},
                             {QStringLiteral("name"), QString::fromUtf8(name)},
                             {QStringLiteral("locked"), locked}},
                            *keeper);
            !r)
            return fail(r.error());

    struct DemoVolume {
        const char* number;
        const char* title;
        int category;
        const char* department;
        int retention;
        const char* level;
        const char* cabinet;
        int yearsAgo;
    };
    const DemoVolume volumes[] = {
        {"WS-S1-001", "市物业管理条例及实施细则", 1, "", 0, "ordinary", "A01", 3},
        {"WS-S2-001", "集团关于年度安全检查的通知", 2, "", 10, "ordinary", "A01", 2},
        {"WS-S3-001", "公司发文汇编", 3, "", 30, "ordinary", "A01", 1},
        {"WY-S4-001", "公共区域维修保养记录", 4, "工程部", 5, "ordinary", "A02", 2},
        {"AQ-S5-001", "消防设施巡查记录", 5, "保安部", 3, "ordinary", "A02", 4},
        {"LD-S6-001", "年度工作总结", 6, "客服部", 10, "ordinary", "A02", 1},
        {"HT-S7-001", "清洁外包合同", 7, "", 10, "secret", "S01", 1},
        {"SX-S8-001", "大厦竣工照片", 8, "客服部", 0, "ordinary", "A02", 2},
        {"QT-S9-001", "业主大会会议纪要", 9, "客服部", 10, "ordinary", "A02", 1},
        {"ZZ-S10-001", "营业执照及资质证书", 10, "", 0, "confidential", "S01", 3},
        {"YZ-P1-001", "A座业主入住资料", 12, "客服部", 0, "ordinary", "A02", 1},
        {"RS-H1-001", "员工人事档案（客服部）", 22, "", 0, "confidential", "S01", 1},
        {"QT-S9-002", "旧版宣传资料", 9, "客服部", 1, "ordinary", "A02", 5},
    };
    for (const DemoVolume& v : volumes) {
        const QDate from(filedIn - v.yearsAgo, 1, 1);
        if (auto r = sd.run(QStringLiteral("archive.create_volume"),
                            {{QStringLiteral("number"), QString::fromUtf8(v.number)},
                             {QStringLiteral("title"), QString::fromUtf8(v.title)},
                             {QStringLiteral("category_id"), v.category},
                             {QStringLiteral("department"), QString::fromUtf8(v.department)},
                             {QStringLiteral("retention_years"), v.retention},
                             {QStringLiteral("confidentiality"), QString::fromUtf8(v.level)},
                             {QStringLiteral("cabinet"), QString::fromUtf8(v.cabinet)},
                             {QStringLiteral("shelf"), QStringLiteral("1")},
                             {QStringLiteral("date_from"), from},
                             {QStringLiteral("date_to"), QDate(from.year(), 12, 31)}},
                            *keeper);
            !r)
            return fail(r.error());
    }
    const std::vector<SignatureInput> handover{sd.sign(QStringLiteral("handed_over"), staff->login),
                                               sd.sign(QStringLiteral("received"), keeper->login)};
    struct DemoItem {
        const char* volume;
        const char* title;
        bool original;
    };
    const DemoItem items[] = {
        {"WY-S4-001", "电梯年检报告", true},    {"WY-S4-001", "水泵房维修记录", true},
        {"AQ-S5-001", "消防演练记录", true},    {"LD-S6-001", "总经理年度讲话", true},
        {"QT-S9-001", "业主大会签到表", false}, {"YZ-P1-001", "A座101入住登记表", true}};
    for (const DemoItem& it : items) {
        auto vol = loadVolumeByNumber(s.database().connection(), QString::fromUtf8(it.volume));
        if (!vol)
            return fail(vol.error());
        QVariantMap p{{QStringLiteral("volume"), QString::fromUtf8(it.volume)},
                      {QStringLiteral("title"), QString::fromUtf8(it.title)},
                      {QStringLiteral("item_date"),
                       QDate::fromString(vol->dateFrom, Qt::ISODate).addMonths(3)},
                      {QStringLiteral("original"), it.original},
                      {QStringLiteral("pages"), 4},
                      {QStringLiteral("responsible"), staff->displayName}};
        if (!it.original)
            p.insert(QStringLiteral("copy_reason"), QStringLiteral("原件存集团"));
        if (auto r = sd.run(QStringLiteral("archive.file_item"), p, *keeper, handover); !r)
            return fail(r.error());
    }

    // Loans: one returned, one out, one overdue. With the history clock they are made on past
    // days through the bus, so the overdue one is genuinely overdue; without it (tests)
    // everything happens today and the third loan is due today, not overdue.
    auto loan = [&](const QString& volume, int days) -> Result<qint64> {
        auto r = sd.run(QStringLiteral("archive.request_loan"),
                        {{QStringLiteral("borrower_kind"), QStringLiteral("staff")},
                         {QStringLiteral("borrower_staff_id"), staff->staffId},
                         {QStringLiteral("borrower_name"), staff->displayName},
                         {QStringLiteral("purpose"), QStringLiteral("查阅维修记录")},
                         {QStringLiteral("mode"), QStringLiteral("lend")},
                         {QStringLiteral("due_date"), s.clock().officeToday().addDays(days)},
                         {QStringLiteral("volumes"), volume}},
                        *staff);
        if (!r)
            return fail(r.error());
        later(40);
        auto approved =
            sd.run(QStringLiteral("approval.approve"), {{QStringLiteral("id"), r->approvalId}}, *om,
                   {sd.sign(QStringLiteral("approver"), om->login)});
        if (!approved)
            return fail(approved.error());
        const qint64 id = approved->result.value(QStringLiteral("executed"))
                              .toObject()
                              .value(QStringLiteral("loan_id"))
                              .toInteger();
        auto count = sql::scalar(
            s.database().connection(),
            QStringLiteral("SELECT sum(item_count) FROM archive_loan_lines WHERE loan_id = ?"),
            {id});
        if (!count)
            return fail(count.error());
        later(20);
        if (auto out =
                sd.run(QStringLiteral("archive.lend"),
                       {{QStringLiteral("loan_id"), id}, {QStringLiteral("count"), count->toInt()}},
                       *keeper,
                       {sd.sign(QStringLiteral("archivist"), keeper->login),
                        sd.sign(QStringLiteral("borrower"), staff->login)});
            !out)
            return fail(out.error());
        return id;
    };
    dayAgo(20);
    auto returned = loan(QStringLiteral("LD-S6-001"), 7);
    if (!returned)
        return fail(returned.error());
    dayAgo(15);
    if (auto r = sd.run(QStringLiteral("archive.return"),
                        {{QStringLiteral("loan_id"), *returned},
                         {QStringLiteral("count"), 1},
                         {QStringLiteral("condition"), QStringLiteral("good")}},
                        *keeper,
                        {sd.sign(QStringLiteral("archivist"), keeper->login),
                         sd.sign(QStringLiteral("borrower"), staff->login)});
        !r)
        return fail(r.error());
    // Lent twelve days ago for a week: five days overdue today (R1-1.3.5).
    dayAgo(12);
    if (auto r = loan(QStringLiteral("AQ-S5-001"), options.history != nullptr ? 7 : 0); !r)
        return fail(r.error());
    // Lent before that loan fell due: an overdue loan blocks new ones (R1-1.1.5).
    dayAgo(8);
    if (auto r = loan(QStringLiteral("WY-S4-001"), 14); !r)
        return fail(r.error());
    if (options.history != nullptr)
        options.history->resume();

    // Documents in each state.
    auto incoming = [&](const QString& title, int steps) -> Status {
        auto r = sd.run(QStringLiteral("document.register_incoming"),
                        {{QStringLiteral("title"), title},
                         {QStringLiteral("sender"), QStringLiteral("区住建局")},
                         {QStringLiteral("doc_date"), today.addDays(-10)},
                         {QStringLiteral("doc_type"), QStringLiteral("通知")}},
                        *keeper);
        if (!r)
            return fail(r.error());
        const qint64 id = r->result.value(QStringLiteral("document_id")).toInteger();
        const QList<std::tuple<QString, QString, QVariant, const Actor*>> route = {
            {QStringLiteral("document.instruct"), QStringLiteral("instructions"),
             QStringLiteral("请客服部办理"), &*gm},
            {QStringLiteral("document.circulate"), QStringLiteral("managers"),
             QStringLiteral("客服部经理,工程部经理"), &*keeper},
            {QStringLiteral("document.assign"), QStringLiteral("department"),
             QStringLiteral("客服部"), &*keeper},
            {QStringLiteral("document.record_result"), QStringLiteral("result"),
             QStringLiteral("已按要求完成"), &*keeper}};
        for (int i = 0; i < steps && i < route.size(); ++i) {
            const auto& [action, field, value, who] = route[i];
            if (auto step = sd.run(action, {{QStringLiteral("id"), id}, {field, value}}, *who);
                !step)
                return fail(step.error());
        }
        if (steps > 4)
            if (auto f = sd.run(QStringLiteral("document.file"),
                                {{QStringLiteral("id"), id},
                                 {QStringLiteral("volume"), QStringLiteral("WS-S2-001")},
                                 {QStringLiteral("pages"), 2},
                                 {QStringLiteral("responsible"), keeper->displayName}},
                                *keeper, handover);
                !f)
                return fail(f.error());
        return {};
    };
    const QStringList titles = {
        QStringLiteral("关于开展消防安全检查的通知"), QStringLiteral("关于物业服务收费公示的通知"),
        QStringLiteral("关于垃圾分类工作的通知"),     QStringLiteral("关于电梯安全管理的通知"),
        QStringLiteral("关于节日值班安排的通知"),     QStringLiteral("关于防汛工作的通知")};
    for (int i = 0; i < titles.size(); ++i)
        if (auto ok = incoming(titles[i], i); !ok)
            return fail(ok.error());
    auto outgoing = [&](const QString& kind, const QString& title, int steps) -> Status {
        auto r = sd.run(QStringLiteral("document.draft"),
                        {{QStringLiteral("kind"), kind},
                         {QStringLiteral("title"), title},
                         {QStringLiteral("body"), QStringLiteral("正文略。")},
                         {QStringLiteral("department"), QStringLiteral("客服部")}},
                        *keeper);
        if (!r)
            return fail(r.error());
        const qint64 id = r->result.value(QStringLiteral("document_id")).toInteger();
        const Actor& approver = kind == QStringLiteral("outgoing") ? *gm : *om;
        if (steps >= 1)
            if (auto a = sd.run(QStringLiteral("document.approve"), {{QStringLiteral("id"), id}},
                                *keeper, {sd.sign(QStringLiteral("approver"), approver.login)});
                !a)
                return fail(a.error());
        if (steps >= 2)
            if (auto a =
                    sd.run(QStringLiteral("document.issue"), {{QStringLiteral("id"), id}}, *keeper);
                !a)
                return fail(a.error());
        if (steps >= 3)
            if (auto a =
                    sd.run(QStringLiteral("document.revise"),
                           {{QStringLiteral("id"), id},
                            {QStringLiteral("title"), QString(title + QStringLiteral("（修订）"))}},
                           *keeper);
                !a)
                return fail(a.error());
        return {};
    };
    for (const auto& [kind, title, steps] : {std::tuple{"outgoing", "关于申请维修基金的请示", 0},
                                             std::tuple{"outgoing", "致业主委员会的函", 1},
                                             std::tuple{"outgoing", "关于年度服务质量的报告", 2},
                                             std::tuple{"internal", "客服部值班制度", 3}})
        if (auto ok = outgoing(QString::fromUtf8(kind), QString::fromUtf8(title), steps); !ok)
            return fail(ok.error());
    return {};
}

} // namespace fd::archives
