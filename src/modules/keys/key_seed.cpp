// The demo keys, through the action bus, on the residents demo's estate and people: the first
// building's slots, deposits by three owners and one developer handover, public, equipment
// and water-meter keys, an emergency set per category, three loans (one returned, one
// overdue, one waiting for the supervisor's approval), one 领回, and two emergency loans
// (one countersigned, one not).
#include "keys_internal.h"
#include "util/clock.h"

namespace fd::keys {
namespace {

struct Seeder {
    const Services& s;

    Result<ActionResult> run(const QString& action, const QVariantMap& params, const Actor& actor,
                             std::vector<SignatureInput> sigs = {},
                             const QString& reason = {}) const {
        auto r = s.bus().execute({action, params, actor, std::move(sigs), reason});
        if (!r)
            return fail(
                Error::internal(QStringLiteral("demo %1: %2").arg(action, r.error().message.en)));
        return r;
    }
    Result<Actor> user(const QString& login) const {
        auto u = s.users().find(login);
        if (!u)
            return fail(u.error());
        return Actor{u->id, u->login, u->displayName, u->roles, u->staffId};
    }
};

qint64 loanOf(const ActionResult& r) {
    const QJsonObject executed = r.result.value(QStringLiteral("executed")).toObject();
    return (executed.isEmpty() ? r.result : executed).value(QStringLiteral("loan_id")).toInteger();
}

} // namespace

Status seedKeys(const Services& s, const Actor&, const SeedOptions& options) {
    if (options.profile != QStringLiteral("demo"))
        return {}; // the large profile is still to come (issue #14)
    const QSqlDatabase db = s.database().connection();
    auto existing = sql::scalar(db, QStringLiteral("SELECT count(*) FROM key_items"));
    if (!existing)
        return fail(existing.error());
    if (existing->toLongLong() > 0)
        return {}; // seeded already
    Seeder sd{s};
    auto keeper = sd.user(QStringLiteral("sunqiang"));
    auto supervisor = sd.user(QStringLiteral("lina"));
    auto clerk = sd.user(QStringLiteral("wangfang"));
    auto tech = sd.user(QStringLiteral("majun"));
    for (const auto* u : {&keeper, &supervisor, &clerk, &tech})
        if (!*u)
            return {}; // the residents demo's people are not there: nothing to lend to
    auto building =
        sql::scalar(db, QStringLiteral("SELECT code FROM buildings ORDER BY id LIMIT 1"));
    if (!building)
        return fail(building.error());
    if (!building->isValid())
        return {};
    const QString b = building->toString();
    const QDateTime present =
        options.history != nullptr ? options.history->presentUtc() : s.clock().nowUtc();
    auto dayAgo = [&](int days, int hour = 0) {
        if (options.history != nullptr)
            options.history->setTo(present.addDays(-days).addSecs(hour * 3600LL));
    };
    auto later = [&](int minutes) {
        if (options.history != nullptr)
            options.history->advanceSeconds(minutes * 60LL);
    };

    dayAgo(10);
    if (auto r = sd.run(QStringLiteral("key.register_building"),
                        {{QStringLiteral("building_code"), b}}, *keeper);
        !r)
        return fail(r.error());
    struct DemoKey {
        const char* tag;
        const char* category;
        const char16_t* floor;
        const char16_t* equipment;
        const char* hook;
        bool emergency;
    };
    const DemoKey demoKeys[] = {
        {"GG-0001", "public", u"1", u"", "A-01", false},
        {"GG-0002", "public", u"2", u"", "A-02", false},
        {"SB-0001", "equipment", u"", u"配电房", "A-11", false},
        {"SB-0002", "equipment", u"", u"水泵房", "A-12", false},
        {"SW-0001", "water_meter", u"1", u"", "A-21", false},
        {"YJ-0001", "owner", u"", u"", "E-01", true},
        {"YJ-0002", "public", u"1", u"", "E-02", true},
        {"YJ-0003", "equipment", u"", u"水泵房", "E-03", true},
        {"YJ-0004", "water_meter", u"1", u"", "E-04", true},
    };
    for (const DemoKey& k : demoKeys)
        if (auto r = sd.run(QStringLiteral("key.register"),
                            {{QStringLiteral("tag"), QString::fromLatin1(k.tag)},
                             {QStringLiteral("category"), QString::fromLatin1(k.category)},
                             {QStringLiteral("building"), b},
                             {QStringLiteral("floor"), QString::fromUtf16(k.floor)},
                             {QStringLiteral("equipment"), QString::fromUtf16(k.equipment)},
                             {QStringLiteral("hook"), QString::fromLatin1(k.hook)},
                             {QStringLiteral("emergency"), k.emergency}},
                            *keeper);
            !r)
            return fail(r.error());

    // Three owners of the building deposit their door keys; another room's keys were handed
    // over by the developer (a room without residents where there is one).
    auto owners = sql::list<QPair<qint64, QString>>(
        db,
        QStringLiteral("SELECT p.id, p.room_code FROM residents p JOIN rooms r ON r.id = "
                       "p.room_id JOIN units u ON u.id = r.unit_id JOIN buildings g ON g.id = "
                       "u.building_id WHERE g.code = ? AND p.kind = 'owner' AND p.move_out = '' "
                       "AND p.id_tail <> '' ORDER BY p.room_code LIMIT 3"),
        {b}, [](const QSqlQuery& q) {
            return qMakePair(q.value(0).toLongLong(), q.value(1).toString());
        });
    if (!owners)
        return fail(owners.error());
    QStringList ownerTags;
    int hook = 1;
    for (const auto& [resident, room] : *owners) {
        later(30);
        auto r = sd.run(
            QStringLiteral("key.deposit"),
            {{QStringLiteral("room_code"), room},
             {QStringLiteral("custody"), QStringLiteral("owner_deposit")},
             {QStringLiteral("slots"), QStringLiteral("security_door,interior_door")},
             {QStringLiteral("hook"), QStringLiteral("B-%1").arg(hook++, 2, 10, QLatin1Char('0'))},
             {QStringLiteral("depositor_resident_id"), resident}},
            *keeper);
        if (!r)
            return fail(r.error());
        ownerTags << r->result.value(QStringLiteral("tag")).toString();
    }
    auto empty = sql::scalar(db,
                             QStringLiteral("SELECT r.code FROM rooms r JOIN units u ON u.id = "
                                            "r.unit_id JOIN buildings g ON g.id = u.building_id "
                                            "WHERE g.code = ? AND NOT EXISTS (SELECT 1 FROM "
                                            "key_slots s WHERE s.room_id = r.id AND s.custody "
                                            "<> 'not_held') ORDER BY (SELECT count(*) FROM "
                                            "residents p WHERE p.room_id = r.id), r.code DESC "
                                            "LIMIT 1"),
                             {b});
    if (!empty)
        return fail(empty.error());
    if (empty->isValid())
        if (auto r =
                sd.run(QStringLiteral("key.deposit"),
                       {{QStringLiteral("room_code"), empty->toString()},
                        {QStringLiteral("custody"), QStringLiteral("developer_handover")},
                        {QStringLiteral("slots"),
                         QStringLiteral("security_door,interior_door,intercom_door,"
                                        "water_meter_box,mailbox")},
                        {QStringLiteral("hook"),
                         QStringLiteral("B-%1").arg(hook++, 2, 10, QLatin1Char('0'))},
                        {QStringLiteral("depositor_name"), QStringLiteral("华景地产 工程部 张工")}},
                       *keeper);
            !r)
            return fail(r.error());

    const qint64 techStaff = tech->staffId;
    auto lend = [&](const QString& tags, const QString& purpose,
                    const QString& expected) -> Result<ActionResult> {
        return sd.run(QStringLiteral("key.lend"),
                      {{QStringLiteral("keys"), tags},
                       {QStringLiteral("borrower_kind"), QStringLiteral("staff")},
                       {QStringLiteral("borrower_staff_id"), techStaff},
                       {QStringLiteral("purpose"), purpose},
                       {QStringLiteral("expected_return"), expected}},
                      *clerk);
    };
    auto officeTime = [&](int hoursFromNow) {
        return s.clock()
            .nowUtc()
            .addSecs(hoursFromNow * 3600LL)
            .toTimeZone(Clock::officeZone())
            .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    };
    // A loan returned the same morning.
    dayAgo(5, 1);
    auto returned = lend(QStringLiteral("GG-0001"), QStringLiteral("repair"), officeTime(3));
    if (!returned)
        return fail(returned.error());
    later(90);
    if (auto r = sd.run(QStringLiteral("key.return"),
                        {{QStringLiteral("loan_id"), loanOf(*returned)},
                         {QStringLiteral("count"), 1},
                         {QStringLiteral("condition"), QStringLiteral("good")}},
                        *keeper);
        !r)
        return fail(r.error());
    // An emergency three days ago, countersigned that evening.
    dayAgo(3, 2);
    auto signedLoan = sd.run(QStringLiteral("key.lend_emergency"),
                             {{QStringLiteral("category"), QStringLiteral("public")},
                              {QStringLiteral("borrower_kind"), QStringLiteral("staff")},
                              {QStringLiteral("borrower_staff_id"), techStaff}},
                             *clerk, {}, QStringLiteral("楼道消防报警，须立即开门检查"));
    if (!signedLoan)
        return fail(signedLoan.error());
    later(60);
    if (auto r = sd.run(QStringLiteral("key.return"),
                        {{QStringLiteral("loan_id"), loanOf(*signedLoan)},
                         {QStringLiteral("count"), 1},
                         {QStringLiteral("condition"), QStringLiteral("good")}},
                        *clerk);
        !r)
        return fail(r.error());
    later(6 * 60);
    if (auto r = sd.run(
            QStringLiteral("key.countersign"), {{QStringLiteral("loan_id"), loanOf(*signedLoan)}},
            *supervisor,
            {{QStringLiteral("countersigned"), supervisor->login, QStringLiteral("demo1234")}});
        !r)
        return fail(r.error());
    // 领回: the third owner takes the keys back, identity checked against the registry.
    dayAgo(2, 3);
    if (owners->size() == 3) {
        auto tail = sql::scalar(db, QStringLiteral("SELECT id_tail FROM residents WHERE id = ?"),
                                {owners->at(2).first});
        if (!tail)
            return fail(tail.error());
        if (auto r = sd.run(QStringLiteral("key.take_back"),
                            {{QStringLiteral("tag"), ownerTags.at(2)},
                             {QStringLiteral("taker_kind"), QStringLiteral("owner")},
                             {QStringLiteral("taker_resident_id"), owners->at(2).first},
                             {QStringLiteral("taker_id_tail"), tail->toString()}},
                            *clerk);
            !r)
            return fail(r.error());
    }
    // A loan yesterday, not back: overdue on the dashboard.
    dayAgo(1, 1);
    if (auto r = lend(QStringLiteral("GG-0002"), QStringLiteral("inspection"), officeTime(4)); !r)
        return fail(r.error());
    // Today: an equipment room key waits for the supervisor's approval, and an emergency loan
    // of the equipment set waits for the countersignature.
    if (options.history != nullptr)
        options.history->resume();
    if (auto r = lend(QStringLiteral("SB-0001"), QStringLiteral("repair"), officeTime(3)); !r)
        return fail(r.error());
    if (auto r = sd.run(QStringLiteral("key.lend_emergency"),
                        {{QStringLiteral("category"), QStringLiteral("equipment")},
                         {QStringLiteral("borrower_kind"), QStringLiteral("staff")},
                         {QStringLiteral("borrower_staff_id"), techStaff}},
                        *clerk, {}, QStringLiteral("水泵房漏水，须立即关阀"));
        !r)
        return fail(r.error());
    return {};
}

} // namespace fd::keys
