// Search as you type: any part of a room code, phone tails and Chinese substrings of any length.
#include "residents_fixture.h"

namespace fd::testing {
namespace {

using namespace fd::residents;

class ResidentSearchTest : public ResidentsTest {
protected:
    void SetUp() override {
        ResidentsTest::SetUp();
        registerResident(QStringLiteral("3-2-1502"), QStringLiteral("王小明"),
                         QStringLiteral("13812345678"));
        registerResident(QStringLiteral("3-2-1502"), QStringLiteral("李明华"),
                         QStringLiteral("13900001111"), QStringLiteral("family"));
        registerResident(QStringLiteral("3-2-1601"), QStringLiteral("张伟"),
                         QStringLiteral("13700005678"), QStringLiteral("tenant"),
                         QStringLiteral("50%押金已付"));
        registerResident(QStringLiteral("13-2-1501"), QStringLiteral("欧阳小燕"),
                         QStringLiteral("13600002222"));
        registerResident(QStringLiteral("3-1-1501"), QStringLiteral("Tom Lee"),
                         QStringLiteral("13500003333"));
    }

    QStringList names(const QString& term) {
        auto r = searchResidents(db(), term);
        EXPECT_TRUE(r);
        QStringList out;
        for (const Resident& p : *r)
            out << p.name;
        return out;
    }
};

TEST_F(ResidentSearchTest, FindsATwoCharacterChineseTerm) {
    EXPECT_EQ(names(QStringLiteral("小明")), QStringList{QStringLiteral("王小明")});
    EXPECT_EQ(names(QStringLiteral("小燕")), QStringList{QStringLiteral("欧阳小燕")});
}

TEST_F(ResidentSearchTest, FindsASingleChineseCharacterAnywhereInTheName) {
    EXPECT_EQ(names(QStringLiteral("明")),
              (QStringList{QStringLiteral("王小明"), QStringLiteral("李明华")}));
}

TEST_F(ResidentSearchTest, FindsByAnyPartOfTheRoomCode) {
    // A code's start, its middle or its end: 3-2-15 is also inside 13-2-1501.
    const QStringList start = names(QStringLiteral("3-2-15"));
    EXPECT_EQ(start.size(), 3) << start.join(QLatin1Char(',')).toStdString();
    EXPECT_TRUE(start.contains(QStringLiteral("王小明")));
    EXPECT_TRUE(start.contains(QStringLiteral("欧阳小燕")));
    EXPECT_EQ(names(QStringLiteral("3-2-")).size(), 4);
    EXPECT_EQ(names(QStringLiteral("13-2")), QStringList{QStringLiteral("欧阳小燕")});
    EXPECT_EQ(names(QStringLiteral("2-150")).size(), 3);
    EXPECT_EQ(names(QStringLiteral("1-15")), QStringList{QStringLiteral("Tom Lee")});
}

TEST_F(ResidentSearchTest, FindsByPhoneTail) {
    // 5678 ends two numbers; both residents are found, their phones masked.
    auto r = searchResidents(db(), QStringLiteral("5678"));
    ASSERT_TRUE(r);
    ASSERT_EQ(r->size(), 2);
    for (const Resident& p : *r)
        EXPECT_TRUE(p.phoneMasked.contains(QStringLiteral("****")));
    EXPECT_EQ(names(QStringLiteral("1111")), QStringList{QStringLiteral("李明华")});
}

TEST_F(ResidentSearchTest, MatchesLatinNamesWithoutCaseAndNotesText) {
    EXPECT_EQ(names(QStringLiteral("tom")), QStringList{QStringLiteral("Tom Lee")});
    EXPECT_EQ(names(QStringLiteral("押金")), QStringList{QStringLiteral("张伟")});
    EXPECT_EQ(names(QStringLiteral("租户")), QStringList{QStringLiteral("张伟")});
}

TEST_F(ResidentSearchTest, TreatsLikeWildcardsAsText) {
    EXPECT_EQ(names(QStringLiteral("%")), QStringList{QStringLiteral("张伟")});
    EXPECT_TRUE(names(QStringLiteral("_")).isEmpty());
}

TEST_F(ResidentSearchTest, QueryWithTermReturnsMaskedPhones) {
    auto r =
        t->query(QStringLiteral("residents"), {{QStringLiteral("term"), QStringLiteral("小明")}},
                 t.actor(QStringLiteral("super")));
    ASSERT_TRUE(r);
    ASSERT_EQ(r->rows.size(), 1);
    EXPECT_EQ(r->rows.at(0).at(5).toString(), QStringLiteral("138****5678"));
}

TEST_F(ResidentSearchTest, RespectsTheLimit) {
    auto r = searchResidents(db(), QStringLiteral(""), 2);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->size(), 2);
}

} // namespace
} // namespace fd::testing
