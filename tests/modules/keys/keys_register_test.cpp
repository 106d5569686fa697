// The register (R3-4.5.1-4.5.4): slots and custody, keys by category, deposits, 领回,
// the register and deposit forms, tags with their QR code.
#include "keys_fixture.h"

namespace fd::testing {
namespace {

TEST_F(KeysTest, RegisteringABuildingGivesEveryRoomFiveSlotsNotHeldAllOrNothing) {
    auto r = t.run(QStringLiteral("key.register_building"), QStringLiteral("keeper"),
                   {{QStringLiteral("building_code"), QStringLiteral("1")}});
    ASSERT_TRUE(r) << r.error().message.en.toStdString();
    EXPECT_EQ(r->result.value(QStringLiteral("rooms")).toInteger(), 3);
    EXPECT_EQ(r->result.value(QStringLiteral("slots")).toInteger(), 15);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM key_slots WHERE custody = 'not_held'"))
                  .toLongLong(),
              15);
    // Building 2 untouched; the five kinds of R3-4.5.3 for each room.
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(DISTINCT kind) FROM key_slots")).toLongLong(), 5);
    auto slotList = t->query(QStringLiteral("key.slots"),
                             {{QStringLiteral("custody"), QStringLiteral("not_held")},
                              {QStringLiteral("building"), QStringLiteral("1")}},
                             t.actor(QStringLiteral("clerk")));
    ASSERT_TRUE(slotList) << slotList.error().message.en.toStdString();
    EXPECT_EQ(slotList->rows.size(), 15);

    // Again: nothing left to register, nothing written.
    const qint64 audit = t.auditCount();
    auto again = t.run(QStringLiteral("key.register_building"), QStringLiteral("keeper"),
                       {{QStringLiteral("building_code"), QStringLiteral("1")}});
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().field, QStringLiteral("building_code"));
    EXPECT_EQ(t.auditCount(), audit);
    // An unknown building names the field.
    auto unknown = t.run(QStringLiteral("key.register_building"), QStringLiteral("keeper"),
                         {{QStringLiteral("building_code"), QStringLiteral("99")}});
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().field, QStringLiteral("building_code"));
    // A clerk does not manage the register (R3-4.5.1: the designated keeper does).
    auto clerk = t.run(QStringLiteral("key.register_building"), QStringLiteral("clerk"),
                       {{QStringLiteral("building_code"), QStringLiteral("2")}});
    ASSERT_FALSE(clerk);
    EXPECT_EQ(clerk.error().kind, Error::Kind::Refused);
    EXPECT_TRUE(clerk.error().message.en.contains(QStringLiteral("R3-4.5.1")))
        << clerk.error().message.en.toStdString();
}

TEST_F(KeysTest, PublicAndEquipmentKeysAreLabelledByFloorAndEquipment) {
    auto noFloor = t.run(QStringLiteral("key.register"), QStringLiteral("keeper"),
                         {{QStringLiteral("category"), QStringLiteral("public")},
                          {QStringLiteral("hook"), QStringLiteral("A-01")},
                          {QStringLiteral("building"), QStringLiteral("1")}});
    ASSERT_FALSE(noFloor);
    EXPECT_EQ(noFloor.error().field, QStringLiteral("floor"));
    EXPECT_TRUE(noFloor.error().message.zh.contains(QStringLiteral("R3-4.5.3")));
    auto noEquipment = t.run(QStringLiteral("key.register"), QStringLiteral("keeper"),
                             {{QStringLiteral("category"), QStringLiteral("equipment")},
                              {QStringLiteral("hook"), QStringLiteral("A-02")}});
    ASSERT_FALSE(noEquipment);
    EXPECT_EQ(noEquipment.error().field, QStringLiteral("equipment"));

    auto pub = t.run(QStringLiteral("key.register"), QStringLiteral("keeper"),
                     {{QStringLiteral("category"), QStringLiteral("public")},
                      {QStringLiteral("hook"), QStringLiteral("A-01")},
                      {QStringLiteral("building"), QStringLiteral("1")},
                      {QStringLiteral("floor"), QStringLiteral("3")},
                      {QStringLiteral("copies"), 2}});
    ASSERT_TRUE(pub) << pub.error().message.en.toStdString();
    // A tag number is given when none is typed.
    const QString tag = pub->result.value(QStringLiteral("tag")).toString();
    EXPECT_TRUE(tag.startsWith(QStringLiteral("GG-"))) << tag.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT label FROM key_items WHERE tag = ?"), {tag}).toString(),
              QStringLiteral("1栋3层 公共门窗"));
    // A tag in use is refused.
    auto twice = t.run(QStringLiteral("key.register"), QStringLiteral("keeper"),
                       {{QStringLiteral("category"), QStringLiteral("equipment")},
                        {QStringLiteral("tag"), tag},
                        {QStringLiteral("hook"), QStringLiteral("A-02")},
                        {QStringLiteral("equipment"), QStringLiteral("配电房")}});
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().field, QStringLiteral("tag"));
    // Owner keys enter the register by deposit.
    auto owner = t.run(QStringLiteral("key.register"), QStringLiteral("keeper"),
                       {{QStringLiteral("category"), QStringLiteral("owner")},
                        {QStringLiteral("hook"), QStringLiteral("A-03")}});
    ASSERT_FALSE(owner);
    EXPECT_EQ(owner.error().field, QStringLiteral("category"));
    auto history = t->query(QStringLiteral("key.history"), {{QStringLiteral("tag"), tag}},
                            t.actor(QStringLiteral("keeper")));
    ASSERT_TRUE(history);
    ASSERT_EQ(history->rows.size(), 1);
    EXPECT_EQ(history->rows[0][1].toString(), QStringLiteral("registered"));
}

TEST_F(KeysTest, AnOwnersDepositHoldsTheSlotsAndPrintsTheFormWithItsDisclaimer) {
    const QString tag = deposit();
    EXPECT_EQ(status(tag), QStringLiteral("in"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM key_slots s JOIN rooms r ON r.id = "
                                    "s.room_id WHERE r.code = '1-1-101' AND s.custody = "
                                    "'owner_deposit'"))
                  .toLongLong(),
              2);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM key_slots s JOIN rooms r ON r.id = "
                                    "s.room_id WHERE r.code = '1-1-101' AND s.custody = "
                                    "'not_held'"))
                  .toLongLong(),
              3);
    // The same slot cannot be deposited twice.
    auto again = t.run(QStringLiteral("key.deposit"), QStringLiteral("keeper"),
                       {{QStringLiteral("room_code"), QStringLiteral("1-1-101")},
                        {QStringLiteral("custody"), QStringLiteral("vacant")},
                        {QStringLiteral("slots"), QStringLiteral("防盗门")},
                        {QStringLiteral("hook"), QStringLiteral("B-02")}});
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().field, QStringLiteral("slots"));
    // The tenant is not the owner: an owner's deposit names the owner.
    auto tenantDeposit = t.run(QStringLiteral("key.deposit"), QStringLiteral("keeper"),
                               {{QStringLiteral("room_code"), QStringLiteral("1-1-101")},
                                {QStringLiteral("custody"), QStringLiteral("owner_deposit")},
                                {QStringLiteral("slots"), QStringLiteral("mailbox")},
                                {QStringLiteral("hook"), QStringLiteral("B-02")},
                                {QStringLiteral("depositor_resident_id"), tenant}});
    ASSERT_FALSE(tenantDeposit);
    EXPECT_EQ(tenantDeposit.error().field, QStringLiteral("depositor_resident_id"));
    // A developer's handover of a vacant room.
    auto developer = t.run(QStringLiteral("key.deposit"), QStringLiteral("keeper"),
                           {{QStringLiteral("room_code"), QStringLiteral("1-2-201")},
                            {QStringLiteral("custody"), QStringLiteral("developer_handover")},
                            {QStringLiteral("slots"), QStringLiteral("security_door,mailbox")},
                            {QStringLiteral("hook"), QStringLiteral("B-03")},
                            {QStringLiteral("depositor_name"), QStringLiteral("华景地产 张工")}});
    ASSERT_TRUE(developer) << developer.error().message.en.toStdString();

    const qint64 depositId =
        scalar(QStringLiteral("SELECT deposit_id FROM key_items WHERE tag = ?"), {tag})
            .toLongLong();
    const QString form = formText(QStringLiteral("key-deposit"), QString::number(depositId));
    for (const QString& word :
         {QStringLiteral("业主钥匙托管单"), QStringLiteral("1-1-101"), QStringLiteral("周明"), tag,
          QStringLiteral("防盗门"), QStringLiteral("室内门"), QStringLiteral("免责声明"),
          QStringLiteral("一式两联"), QStringLiteral("周小明")})
        EXPECT_TRUE(form.contains(word)) << word.toStdString() << " in " << form.toStdString();
    EXPECT_TRUE(form.contains(QStringLiteral("****1234"))) << "the ID printed as its masked tail";
    expectPrinted(formText(QStringLiteral("key-register"), QStringLiteral("all")),
                  QStringLiteral("R3-4.5.3"),
                  {QStringLiteral("钥匙登记表"), tag, QStringLiteral("1-1-101"),
                   QStringLiteral("业主（住户）钥匙"), QStringLiteral("B-01")});
}

TEST_F(KeysTest, TakingKeysBackIsForTheOwnerOrTheAuthorisedPersonOnly) {
    const QString tag = deposit();
    auto takeBack = [&](const QVariantMap& who) {
        QVariantMap p{{QStringLiteral("tag"), tag}};
        for (auto it = who.begin(); it != who.end(); ++it)
            p.insert(it.key(), it.value());
        return t.run(QStringLiteral("key.take_back"), QStringLiteral("clerk"), p);
    };
    // The tenant is not the owner.
    const qint64 audit = t.auditCount();
    expectRefused(takeBack({{QStringLiteral("taker_kind"), QStringLiteral("owner")},
                            {QStringLiteral("taker_resident_id"), tenant},
                            {QStringLiteral("taker_id_tail"), QStringLiteral("5678")}}),
                  QStringLiteral("key-takeback-owner-or-authorised"), QStringLiteral("R3-4.5.5"));
    // The owner with an ID that does not match the registry.
    expectRefused(takeBack({{QStringLiteral("taker_kind"), QStringLiteral("owner")},
                            {QStringLiteral("taker_resident_id"), owner},
                            {QStringLiteral("taker_id_tail"), QStringLiteral("9999")}}),
                  QStringLiteral("key-takeback-owner-or-authorised"), QStringLiteral("R3-4.5.5"));
    // Someone not authorised on the deposit.
    expectRefused(takeBack({{QStringLiteral("taker_kind"), QStringLiteral("authorised")},
                            {QStringLiteral("taker_name"), QStringLiteral("赵六")},
                            {QStringLiteral("taker_id_tail"), QStringLiteral("4321")}}),
                  QStringLiteral("key-takeback-owner-or-authorised"), QStringLiteral("R3-4.5.5"));
    EXPECT_EQ(t.auditCount(), audit);
    EXPECT_EQ(status(tag), QStringLiteral("in"));

    // The person the owner authorised, with the ID recorded: not a loan.
    auto done = takeBack({{QStringLiteral("taker_kind"), QStringLiteral("authorised")},
                          {QStringLiteral("taker_name"), QStringLiteral("周小明")},
                          {QStringLiteral("taker_id_tail"), QStringLiteral("4321")}});
    ASSERT_TRUE(done) << done.error().message.en.toStdString();
    EXPECT_EQ(status(tag), QStringLiteral("retired"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM key_loans")).toLongLong(), 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT taker_name FROM key_takebacks")).toString(),
              QStringLiteral("周小明"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM key_slots WHERE custody <> 'not_held'"))
                  .toLongLong(),
              0);

    // The owner in the registry takes a second deposit back.
    const QString second = deposit(QStringLiteral("YZ-102"));
    auto byOwner = t.run(QStringLiteral("key.take_back"), QStringLiteral("clerk"),
                         {{QStringLiteral("tag"), second},
                          {QStringLiteral("taker_kind"), QStringLiteral("owner")},
                          {QStringLiteral("taker_resident_id"), owner},
                          {QStringLiteral("taker_id_tail"), QStringLiteral("1234")}});
    ASSERT_TRUE(byOwner) << byOwner.error().message.en.toStdString();
    auto history = t->query(QStringLiteral("key.history"), {{QStringLiteral("tag"), second}},
                            t.actor(QStringLiteral("keeper")));
    ASSERT_TRUE(history);
    ASSERT_EQ(history->rows.size(), 2);
    EXPECT_EQ(history->rows[1][1].toString(), QStringLiteral("taken_back"));
}

TEST_F(KeysTest, TagsCarryTheTagNumberAsAQrCodeAndCodedTagsHideTheRoom) {
    const QString tag = deposit();
    auto tags = keys::keyTags(t.services(), {tag, key(QStringLiteral("GG-0001"))});
    ASSERT_TRUE(tags) << tags.error().message.en.toStdString();
    ASSERT_EQ(tags->size(), 2);
    EXPECT_EQ(tags->at(0).tag, tag);
    EXPECT_EQ(tags->at(0).place, QStringLiteral("1-1-101"));
    EXPECT_EQ(tags->at(0).category.zh, QStringLiteral("业主（住户）钥匙"));
    EXPECT_GE(tags->at(0).qr.size, 21);
    EXPECT_EQ(tags->at(0).qr.modules.size(),
              static_cast<size_t>(tags->at(0).qr.size * tags->at(0).qr.size));
    auto unknown = keys::keyTags(t.services(), {QStringLiteral("NO-SUCH")});
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().field, QStringLiteral("tags"));
}

} // namespace
} // namespace fd::testing
