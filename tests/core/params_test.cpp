#include "actions/params.h"
#include "util/clock.h"
#include "util/privacy.h"

#include <QDate>
#include <gtest/gtest.h>

using namespace fd;

namespace {
const QList<ParamSpec> kSpecs = {
    {QStringLiteral("title"),
     ParamType::Text,
     true,
     {QStringLiteral("Title"), QStringLiteral("题名")},
     {},
     10},
    {QStringLiteral("pages"),
     ParamType::Int,
     false,
     {QStringLiteral("Pages"), QStringLiteral("页数")},
     {},
     0,
     1,
     999},
    {QStringLiteral("fee"),
     ParamType::Money,
     false,
     {QStringLiteral("Fee"), QStringLiteral("费用")}},
    {QStringLiteral("due"),
     ParamType::Date,
     false,
     {QStringLiteral("Due date"), QStringLiteral("归还日期")}},
    {QStringLiteral("mode"),
     ParamType::Choice,
     false,
     {QStringLiteral("Mode"), QStringLiteral("方式")},
     {QStringLiteral("read_on_site"), QStringLiteral("lend")}},
};
} // namespace

TEST(Params, AMissingRequiredFieldIsNamedInBothLanguages) {
    auto r = validateParams(kSpecs, {});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, QStringLiteral("title"));
    EXPECT_EQ(r.error().message.zh, QStringLiteral("「题名」为必填项"));
    EXPECT_TRUE(r.error().message.en.contains(QStringLiteral("Title")));
}

TEST(Params, TooLongTextIsRefused) {
    auto r = validateParams(kSpecs, {{QStringLiteral("title"), QString(11, QChar(0x6863))}});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, QStringLiteral("title"));
    EXPECT_TRUE(r.error().message.zh.contains(QStringLiteral("过长")));
}

TEST(Params, WrongTypesAreRefusedNamingTheField) {
    const QVariantMap base{{QStringLiteral("title"), QStringLiteral("合同")}};
    auto bad = [&](const QString& key, const QVariant& v) {
        QVariantMap m = base;
        m.insert(key, v);
        auto r = validateParams(kSpecs, m);
        return r ? QString() : r.error().field;
    };
    EXPECT_EQ(bad(QStringLiteral("pages"), QStringLiteral("十")), QStringLiteral("pages"));
    EXPECT_EQ(bad(QStringLiteral("pages"), QStringLiteral("0")), QStringLiteral("pages"));
    EXPECT_EQ(bad(QStringLiteral("fee"), QStringLiteral("12.345")), QStringLiteral("fee"));
    EXPECT_EQ(bad(QStringLiteral("due"), QStringLiteral("2026-02-30")), QStringLiteral("due"));
    EXPECT_EQ(bad(QStringLiteral("mode"), QStringLiteral("take_home")), QStringLiteral("mode"));
    EXPECT_EQ(bad(QStringLiteral("colour"), QStringLiteral("red")), QStringLiteral("colour"));
}

TEST(Params, DatesAreReadAsPeopleTypeThem) {
    const QDate today(2026, 12, 3);
    auto due = [&](const QString& typed) {
        auto r = validateParams(
            kSpecs,
            {{QStringLiteral("title"), QStringLiteral("合同")}, {QStringLiteral("due"), typed}},
            today);
        return r ? r->value(QStringLiteral("due")).toDate() : QDate();
    };
    for (const QString& typed :
         {QStringLiteral("2026-12-04"), QStringLiteral("2026-12-4"), QStringLiteral("2026/12/4"),
          QStringLiteral("2026.12.4"), QStringLiteral("2026年12月4日"), QStringLiteral("12月4日"),
          QStringLiteral("１２月４日"), QStringLiteral("12/4"),
          QStringLiteral(" 2026 年 12 月 4 日 ")})
        EXPECT_EQ(due(typed), QDate(2026, 12, 4)) << typed.toStdString();
    // No such day, or not a date: refused naming the field, with the forms it takes.
    auto r = validateParams(kSpecs,
                            {{QStringLiteral("title"), QStringLiteral("合同")},
                             {QStringLiteral("due"), QStringLiteral("13月40日")}},
                            today);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, QStringLiteral("due"));
    EXPECT_EQ(r.error().message.zh,
              QStringLiteral("「归还日期」日期格式应为 2026-05-01、2026/5/1 或 2026年5月1日"));
    // Without the office's day, a date without its year is not guessed.
    EXPECT_FALSE(validateParams(kSpecs, {{QStringLiteral("title"), QStringLiteral("合同")},
                                         {QStringLiteral("due"), QStringLiteral("12月4日")}}));
}

TEST(Params, MoneyIsIntegerFen) {
    auto r = validateParams(kSpecs, {{QStringLiteral("title"), QStringLiteral("合同")},
                                     {QStringLiteral("fee"), QStringLiteral("120.5")},
                                     {QStringLiteral("due"), QStringLiteral("2026-05-01")}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->value(QStringLiteral("fee")).toLongLong(), 12050);
    EXPECT_EQ(r->value(QStringLiteral("due")).toDate(), QDate(2026, 5, 1));
}

TEST(Privacy, PhonesAreMaskedInTheMiddle) {
    EXPECT_EQ(maskPhone(QStringLiteral("13812345678")), QStringLiteral("138****5678"));
    EXPECT_EQ(maskPhone(QStringLiteral("1234")), QStringLiteral("****"));
    EXPECT_EQ(maskPhonesInText(QStringLiteral("业主电话13812345678请回电")),
              QStringLiteral("业主电话138****5678请回电"));
}

TEST(Privacy, LikePatternsAreEscaped) {
    EXPECT_EQ(escapeLike(QStringLiteral("50%_a\\b")), QStringLiteral("50\\%\\_a\\\\b"));
}

TEST(HistoryClock, WritesThePastWhileSetBackAndThePresentAfterResume) {
    HistoryClock clock;
    const QDateTime before = QDateTime::currentDateTimeUtc();
    EXPECT_FALSE(clock.isSetBack());
    EXPECT_GE(clock.nowUtc(), before);
    const QDateTime past(QDate(2026, 11, 20), QTime(8, 30), QTimeZone::utc());
    clock.setTo(past);
    EXPECT_TRUE(clock.isSetBack());
    EXPECT_EQ(clock.nowUtc(), past);
    clock.advanceSeconds(3600);
    EXPECT_EQ(clock.nowUtc(), past.addSecs(3600));
    EXPECT_EQ(clock.officeToday(), QDate(2026, 11, 20));
    clock.resume();
    EXPECT_FALSE(clock.isSetBack());
    EXPECT_GE(clock.nowUtc(), before);
}

TEST(HistoryClock, APresentClockSetsTheTimeTheHistoryLeadsUpTo) {
    auto present =
        std::make_shared<FixedClock>(QDateTime(QDate(2026, 11, 28), QTime(16, 30), Qt::UTC));
    HistoryClock clock(present);
    EXPECT_EQ(clock.nowUtc(), present->nowUtc());
    EXPECT_EQ(clock.officeToday(), QDate(2026, 11, 29)); // 00:30 office time
    clock.setTo(present->nowUtc().addDays(-3));
    EXPECT_EQ(clock.nowUtc(), present->nowUtc().addDays(-3));
    EXPECT_EQ(clock.presentUtc(), present->nowUtc());
    present->advanceSeconds(60);
    clock.resume();
    EXPECT_EQ(clock.nowUtc(), QDateTime(QDate(2026, 11, 28), QTime(16, 31), Qt::UTC));
}

TEST(HistoryClock, StoredTimesReadAsOfficeTimeInListsAndOtherTextStaysAsItIs) {
    EXPECT_EQ(storedTimeAsOfficeText(QStringLiteral("2026-11-27T02:15:00.000Z")),
              QStringLiteral("2026-11-27 10:15"));
    EXPECT_EQ(storedTimeAsOfficeText(QStringLiteral("2026-11-27T16:30:00Z")),
              QStringLiteral("2026-11-28 00:30"));
    for (const QString& text : {QStringLiteral("2026-11-27"), QStringLiteral("A-1203"),
                                QStringLiteral("第 2026-11-27T02:15:00.000Z 号"), QString()})
        EXPECT_EQ(storedTimeAsOfficeText(text), text);
}

TEST(Params, AnEmptyOptionalFieldIsLeftOutClearedOrRefusedAsDeclared) {
    const QList<ParamSpec> specs{
        {QStringLiteral("note"), ParamType::LongText, false, {}},
        whenEmpty({QStringLiteral("result"), ParamType::LongText, false, {}}, WhenEmpty::Clear),
        whenEmpty({QStringLiteral("since"), ParamType::Date, false, {}}, WhenEmpty::Clear),
        whenEmpty({QStringLiteral("name"),
                   ParamType::Text,
                   false,
                   {QStringLiteral("Name"), QStringLiteral("姓名")}},
                  WhenEmpty::Refuse)};
    auto r = validateParams(specs, {{QStringLiteral("note"), QStringLiteral("  ")},
                                    {QStringLiteral("result"), QString()},
                                    {QStringLiteral("since"), QString()}});
    ASSERT_TRUE(r);
    EXPECT_FALSE(r->contains(QStringLiteral("note")));
    ASSERT_TRUE(r->contains(QStringLiteral("result")));
    EXPECT_TRUE(r->value(QStringLiteral("result")).toString().isEmpty());
    ASSERT_TRUE(r->contains(QStringLiteral("since")));
    EXPECT_FALSE(r->value(QStringLiteral("since")).toDate().isValid());
    // Not given at all: nothing to clear.
    auto absent = validateParams(specs, {});
    ASSERT_TRUE(absent);
    EXPECT_TRUE(absent->isEmpty());
    auto refused = validateParams(specs, {{QStringLiteral("name"), QStringLiteral(" ")}});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().field, QStringLiteral("name"));
    EXPECT_EQ(refused.error().message.zh, QStringLiteral("「姓名」不能清空"));
}
