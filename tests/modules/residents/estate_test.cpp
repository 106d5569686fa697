// Estate and resident actions: registering, editing with old and new values audited,
// moving out, and phone numbers kept whole only behind the audited reveal (R6-3).
#include "residents_fixture.h"

namespace fd::testing {
namespace {

using namespace fd::residents;

TEST_F(ResidentsTest, RegisteredResidentIsListedWithMaskedPhone) {
    const qint64 id = registerResident(QStringLiteral("3-2-1502"), QStringLiteral("王小明"),
                                       QStringLiteral("138 1234 5678"));
    auto r = t->query(QStringLiteral("residents"), {}, t.actor(QStringLiteral("super")));
    ASSERT_TRUE(r);
    ASSERT_EQ(r->rows.size(), 1);
    const int phone = 5;
    EXPECT_EQ(r->columns.at(phone).key, QStringLiteral("phone"));
    EXPECT_EQ(r->columns.at(phone).title.zh, QStringLiteral("电话"));
    EXPECT_EQ(r->rows.at(0).at(phone).toString(), QStringLiteral("138****5678"));
    auto found = findResident(db(), id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->phoneMasked, QStringLiteral("138****5678"));
    // Stored whole, normalised; never whole in the audit trail.
    EXPECT_EQ(sql::scalar(db(), QStringLiteral("SELECT phone FROM residents WHERE id = ?"), {id})
                  ->toString(),
              QStringLiteral("13812345678"));
    EXPECT_EQ(auditRowsContaining(QStringLiteral("13812345678")), 0);
    EXPECT_EQ(lastAuditValues().second.value(QStringLiteral("phone")).toString(),
              QStringLiteral("138****5678"));
}

TEST_F(ResidentsTest, RefusesAWholeIdNumberAndWritesNothing) {
    const qint64 audit = t.auditCount();
    auto r = t.run(QStringLiteral("resident.register"), QStringLiteral("clerk1"),
                   {{QStringLiteral("room_code"), QStringLiteral("3-2-1502")},
                    {QStringLiteral("kind"), QStringLiteral("owner")},
                    {QStringLiteral("name"), QStringLiteral("王小明")},
                    {QStringLiteral("id_tail"), QStringLiteral("11010119900307123X")}});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, Error::Kind::BadInput);
    EXPECT_EQ(r.error().field, QStringLiteral("id_tail"));
    EXPECT_TRUE(r.error().message.zh.contains(QStringLiteral("最后 4 位")));
    EXPECT_EQ(t.auditCount(), audit);
    EXPECT_EQ(t.count(QStringLiteral("residents")), 0);
}

TEST_F(ResidentsTest, RefusesABadPhoneAndAnUnknownRoom) {
    const qint64 audit = t.auditCount();
    auto phone = t.run(QStringLiteral("resident.register"), QStringLiteral("clerk1"),
                       {{QStringLiteral("room_code"), QStringLiteral("3-2-1502")},
                        {QStringLiteral("kind"), QStringLiteral("owner")},
                        {QStringLiteral("name"), QStringLiteral("王小明")},
                        {QStringLiteral("phone"), QStringLiteral("12ab")}});
    ASSERT_FALSE(phone);
    EXPECT_EQ(phone.error().field, QStringLiteral("phone"));
    auto room = t.run(QStringLiteral("resident.register"), QStringLiteral("clerk1"),
                      {{QStringLiteral("room_code"), QStringLiteral("9-9-909")},
                       {QStringLiteral("kind"), QStringLiteral("owner")},
                       {QStringLiteral("name"), QStringLiteral("王小明")}});
    ASSERT_FALSE(room);
    EXPECT_EQ(room.error().field, QStringLiteral("room_code"));
    EXPECT_EQ(t.auditCount(), audit);
}

TEST_F(ResidentsTest, RefusesTheSameResidentTwiceInARoom) {
    registerResident(QStringLiteral("3-2-1502"), QStringLiteral("王小明"));
    const qint64 audit = t.auditCount();
    auto r = t.run(QStringLiteral("resident.register"), QStringLiteral("clerk1"),
                   {{QStringLiteral("room_code"), QStringLiteral("3-2-1502")},
                    {QStringLiteral("kind"), QStringLiteral("family")},
                    {QStringLiteral("name"), QStringLiteral("王小明")}});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, QStringLiteral("name"));
    EXPECT_EQ(t.auditCount(), audit);
    EXPECT_EQ(t.count(QStringLiteral("residents")), 1);
}

TEST_F(ResidentsTest, UpdateAuditsOldAndNewValuesOfChangedFieldsOnly) {
    const qint64 id = registerResident(QStringLiteral("3-2-1502"), QStringLiteral("王小明"),
                                       QStringLiteral("13812345678"));
    ok(t.run(QStringLiteral("resident.update"), QStringLiteral("clerk1"),
             {{QStringLiteral("id"), id},
              {QStringLiteral("name"), QStringLiteral("王晓明")},
              {QStringLiteral("phone"), QStringLiteral("13998765432")},
              {QStringLiteral("notes"), QStringLiteral("独居老人")}}));
    const auto [oldValues, newValues] = lastAuditValues();
    EXPECT_EQ(oldValues.value(QStringLiteral("name")).toString(), QStringLiteral("王小明"));
    EXPECT_EQ(newValues.value(QStringLiteral("name")).toString(), QStringLiteral("王晓明"));
    EXPECT_EQ(oldValues.value(QStringLiteral("phone")).toString(), QStringLiteral("138****5678"));
    EXPECT_EQ(newValues.value(QStringLiteral("phone")).toString(), QStringLiteral("139****5432"));
    EXPECT_EQ(newValues.value(QStringLiteral("notes")).toString(), QStringLiteral("独居老人"));
    EXPECT_FALSE(newValues.contains(QStringLiteral("kind")));
    EXPECT_EQ(auditRowsContaining(QStringLiteral("13998765432")), 0);
    // The search text follows the edit.
    auto found = searchResidents(db(), QStringLiteral("晓明"));
    ASSERT_TRUE(found);
    EXPECT_EQ(found->size(), 1);
}

TEST_F(ResidentsTest, UpdateWithoutChangesIsRefusedAndClearEmptiesAField) {
    const qint64 id = registerResident(QStringLiteral("3-2-1502"), QStringLiteral("王小明"),
                                       QStringLiteral("13812345678"));
    const qint64 audit = t.auditCount();
    auto same =
        t.run(QStringLiteral("resident.update"), QStringLiteral("clerk1"),
              {{QStringLiteral("id"), id}, {QStringLiteral("name"), QStringLiteral("王小明")}});
    ASSERT_FALSE(same);
    EXPECT_EQ(t.auditCount(), audit);
    ok(t.run(QStringLiteral("resident.update"), QStringLiteral("clerk1"),
             {{QStringLiteral("id"), id}, {QStringLiteral("clear"), QStringLiteral("phone")}}));
    EXPECT_TRUE(findResident(db(), id)->phoneMasked.isEmpty());
}

TEST_F(ResidentsTest, AnEmptiedFieldOfAnEditClearsItAndTheAuditShowsTheOldValue) {
    const qint64 id = registerResident(QStringLiteral("3-2-1502"), QStringLiteral("王小明"),
                                       QStringLiteral("13812345678"), QStringLiteral("owner"),
                                       QStringLiteral("独居老人"));
    ok(t.run(QStringLiteral("resident.update"), QStringLiteral("clerk1"),
             {{QStringLiteral("id"), id},
              {QStringLiteral("notes"), QString()},
              {QStringLiteral("phone"), QStringLiteral("")}}));
    const auto [oldValues, newValues] = lastAuditValues();
    EXPECT_EQ(oldValues.value(QStringLiteral("notes")).toString(), QStringLiteral("独居老人"));
    ASSERT_TRUE(newValues.contains(QStringLiteral("notes")));
    EXPECT_TRUE(newValues.value(QStringLiteral("notes")).toString().isEmpty());
    const auto stored = findResident(db(), id);
    ASSERT_TRUE(stored);
    EXPECT_TRUE(stored->notes.isEmpty());
    EXPECT_TRUE(stored->phoneMasked.isEmpty());
    // The name is never emptied: refused naming the field, nothing written.
    const qint64 audit = t.auditCount();
    auto emptied = t.run(QStringLiteral("resident.update"), QStringLiteral("clerk1"),
                         {{QStringLiteral("id"), id}, {QStringLiteral("name"), QString()}});
    ASSERT_FALSE(emptied);
    EXPECT_EQ(emptied.error().field, QStringLiteral("name"));
    EXPECT_EQ(t.auditCount(), audit);
    EXPECT_EQ(findResident(db(), id)->name, QStringLiteral("王小明"));
}

TEST_F(ResidentsTest, AnEmptiedContactOfAnOrganisationClearsIt) {
    const qint64 org = ok(t.run(QStringLiteral("org.create"), QStringLiteral("admin"),
                                {{QStringLiteral("name"), QStringLiteral("物业公司")},
                                 {QStringLiteral("kind"), QStringLiteral("contractor")},
                                 {QStringLiteral("contact"), QStringLiteral("张伟")}}))
                           .result.value(QStringLiteral("id"))
                           .toInteger();
    ok(t.run(QStringLiteral("org.update"), QStringLiteral("admin"),
             {{QStringLiteral("id"), org}, {QStringLiteral("contact"), QString()}}));
    const auto [oldValues, newValues] = lastAuditValues();
    EXPECT_EQ(oldValues.value(QStringLiteral("contact")).toString(), QStringLiteral("张伟"));
    auto contact =
        sql::scalar(db(), QStringLiteral("SELECT contact FROM organisations WHERE id = ?"), {org});
    ASSERT_TRUE(contact);
    EXPECT_TRUE(contact->toString().isEmpty());
}

TEST_F(ResidentsTest, MovedOutResidentLeavesTheDefaultSearch) {
    const qint64 id = registerResident(QStringLiteral("3-2-1502"), QStringLiteral("王小明"));
    ok(t.run(QStringLiteral("resident.move_out"), QStringLiteral("clerk1"),
             {{QStringLiteral("id"), id}}));
    EXPECT_EQ(findResident(db(), id)->moveOut, QDate(2026, 3, 2));
    EXPECT_TRUE(searchResidents(db(), QStringLiteral("小明"))->isEmpty());
    EXPECT_EQ(searchResidents(db(), QStringLiteral("小明"), 50, true)->size(), 1);
    const qint64 audit = t.auditCount();
    auto again = t.run(QStringLiteral("resident.move_out"), QStringLiteral("clerk1"),
                       {{QStringLiteral("id"), id}});
    ASSERT_FALSE(again);
    EXPECT_EQ(t.auditCount(), audit);
    // A new resident of the same name may move in afterwards.
    registerResident(QStringLiteral("3-2-1502"), QStringLiteral("王小明"));
}

TEST_F(ResidentsTest, RevealPhoneWithoutReasonIsRefusedByRuleR6_3) {
    const qint64 id = registerResident(QStringLiteral("3-2-1502"), QStringLiteral("王小明"),
                                       QStringLiteral("13812345678"));
    const qint64 audit = t.auditCount();
    auto r = t.run(QStringLiteral("resident.reveal_phone"), QStringLiteral("super"),
                   {{QStringLiteral("id"), id}});
    expectRefused(r, QStringLiteral("resident-reveal-phone-reason"), QStringLiteral("R6-3"));
    EXPECT_EQ(t.auditCount(), audit);
}

TEST_F(ResidentsTest, ClerkMayNotRevealAPhoneNumber) {
    const qint64 id = registerResident(QStringLiteral("3-2-1502"), QStringLiteral("王小明"),
                                       QStringLiteral("13812345678"));
    const qint64 audit = t.auditCount();
    auto r = t.run(QStringLiteral("resident.reveal_phone"), QStringLiteral("clerk1"),
                   {{QStringLiteral("id"), id}}, {}, QStringLiteral("业主家中漏水，需要联系"));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, Error::Kind::Refused);
    EXPECT_EQ(t.auditCount(), audit);
    EXPECT_FALSE(
        t->policy().permits({QStringLiteral("clerk")}, QStringLiteral("resident.reveal_phone")));
    EXPECT_FALSE(t->policy().permits({QStringLiteral("doc_clerk")},
                                     QStringLiteral("resident.reveal_phone")));
    EXPECT_TRUE(t->policy().permits({QStringLiteral("cs_manager")},
                                    QStringLiteral("resident.reveal_phone")));
}

TEST_F(ResidentsTest, RevealPhoneReturnsTheWholeNumberAndAuditsOnlyTheMask) {
    const qint64 id = registerResident(QStringLiteral("3-2-1502"), QStringLiteral("王小明"),
                                       QStringLiteral("13812345678"));
    const qint64 audit = t.auditCount();
    const QString reason = QStringLiteral("业主家中漏水，需要立即联系");
    auto r = t.run(QStringLiteral("resident.reveal_phone"), QStringLiteral("super"),
                   {{QStringLiteral("id"), id}}, {}, reason);
    ASSERT_TRUE(r) << r.error().message.en.toStdString();
    EXPECT_EQ(r->result.value(QStringLiteral("phone")).toString(), QStringLiteral("13812345678"));
    EXPECT_EQ(t.auditCount(), audit + 1);
    auto q = sql::exec(db(), QStringLiteral("SELECT actor, action, entity_id, reason, new_values "
                                            "FROM audit_log ORDER BY seq DESC LIMIT 1"));
    ASSERT_TRUE(q && q->next());
    EXPECT_EQ(q->value(0).toString(), QStringLiteral("super"));
    EXPECT_EQ(q->value(1).toString(), QStringLiteral("resident.reveal_phone"));
    EXPECT_EQ(q->value(2).toString(), QString::number(id));
    EXPECT_EQ(q->value(3).toString(), reason);
    EXPECT_TRUE(q->value(4).toString().contains(QStringLiteral("138****5678")));
    EXPECT_EQ(auditRowsContaining(QStringLiteral("13812345678")), 0);
}

TEST_F(ResidentsTest, CreateRoomMakesTheUnitAndRefusesUnknownBuildingOrDuplicates) {
    ok(t.run(QStringLiteral("resident.create_room"), QStringLiteral("admin"),
             {{QStringLiteral("building_code"), QStringLiteral("3")},
              {QStringLiteral("unit"), QStringLiteral("5")},
              {QStringLiteral("number"), QStringLiteral("0101")}}));
    EXPECT_TRUE(findRoom(db(), QStringLiteral("3-5-0101")));
    EXPECT_EQ(t.count(QStringLiteral("units")), 4);
    const qint64 audit = t.auditCount();
    auto unknown = t.run(QStringLiteral("resident.create_room"), QStringLiteral("admin"),
                         {{QStringLiteral("building_code"), QStringLiteral("77")},
                          {QStringLiteral("unit"), QStringLiteral("1")},
                          {QStringLiteral("number"), QStringLiteral("101")}});
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().field, QStringLiteral("building_code"));
    auto twice = t.run(QStringLiteral("resident.create_room"), QStringLiteral("admin"),
                       {{QStringLiteral("building_code"), QStringLiteral("3")},
                        {QStringLiteral("unit"), QStringLiteral("5")},
                        {QStringLiteral("number"), QStringLiteral("0101")}});
    ASSERT_FALSE(twice);
    EXPECT_EQ(t.auditCount(), audit);
    EXPECT_EQ(t.count(QStringLiteral("buildings")), 2);
}

TEST_F(ResidentsTest, ListQueriesHaveChineseAndEnglishTitles) {
    registerResident(QStringLiteral("3-2-1502"), QStringLiteral("王小明"));
    const Actor clerk = t.actor(QStringLiteral("clerk1"));
    for (const char* name :
         {"residents", "rooms", "buildings", "staff", "departments", "organisations"}) {
        auto r = t->query(QString::fromLatin1(name), {}, clerk);
        ASSERT_TRUE(r) << name;
        ASSERT_FALSE(r->columns.isEmpty()) << name;
        for (const QueryColumn& c : r->columns) {
            EXPECT_FALSE(c.title.en.isEmpty()) << name;
            EXPECT_FALSE(c.title.zh.isEmpty()) << name;
        }
    }
    auto buildings = t->query(QStringLiteral("buildings"), {}, clerk);
    ASSERT_EQ(buildings->rows.size(), 2);
    EXPECT_EQ(buildings->rows.at(0).at(1).toString(), QStringLiteral("3"));
    EXPECT_EQ(buildings->rows.at(0).at(5).toInt(), 1); // current residents
    auto rooms = t->query(QStringLiteral("rooms"),
                          {{QStringLiteral("prefix"), QStringLiteral("3-2")}}, clerk);
    EXPECT_EQ(rooms->rows.size(), 2);
}

} // namespace
} // namespace fd::testing
