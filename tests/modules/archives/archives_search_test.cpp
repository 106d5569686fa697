// One search over volumes, items and documents; confidentiality on every read path.
#include "archives_fixture.h"

#include <random>

#ifdef FD_ARCHIVES_TEST_WITH_CLI
#include "cli_runner.h"

#include <QJsonObject>
#endif

namespace fd::testing {
namespace {

class ArchiveSearch : public ArchivesTest {
protected:
    void SetUp() override {
        volume(QStringLiteral("WY-2025-001"), QStringLiteral("公共区域维修保养记录"), 19,
               QStringLiteral("ordinary"), QStringLiteral("A01"), 10, QDate(2025, 1, 1),
               QDate(2025, 12, 31));
        fileItem(QStringLiteral("WY-2025-001"), QStringLiteral("电梯维修记录"), QDate(2025, 3, 1));
        volume(QStringLiteral("AQ-2024-001"), QStringLiteral("消防设施巡查记录"), 5,
               QStringLiteral("ordinary"), QStringLiteral("A02"), 3, QDate(2024, 1, 1),
               QDate(2024, 12, 31));
        volume(QStringLiteral("BM-2025-001"), QStringLiteral("保密维修合同"), 7,
               QStringLiteral("confidential"), QStringLiteral("S01"), 10, QDate(2025, 1, 1),
               QDate(2025, 12, 31));
        fileItem(QStringLiteral("BM-2025-001"), QStringLiteral("维修外包合同正本"),
                 QDate(2025, 2, 1));
        volume(QStringLiteral("RS-2025-001"), QStringLiteral("客服部员工人事档案"), 22,
               QStringLiteral("ordinary"), QStringLiteral("S01"), 0, QDate(2025, 1, 1),
               QDate(2025, 12, 31));
        auto doc = t.run(QStringLiteral("document.register_incoming"), QStringLiteral("keeper"),
                         {{QStringLiteral("title"), QStringLiteral("关于电梯维修的通知")},
                          {QStringLiteral("sender"), QStringLiteral("质监局")},
                          {QStringLiteral("doc_date"), QDate(2026, 2, 1)},
                          {QStringLiteral("doc_type"), QStringLiteral("通知")}});
        ASSERT_TRUE(doc.has_value());
        auto secret = t.run(QStringLiteral("document.register_incoming"), QStringLiteral("keeper"),
                            {{QStringLiteral("title"), QStringLiteral("维修资金审计意见")},
                             {QStringLiteral("sender"), QStringLiteral("集团")},
                             {QStringLiteral("doc_date"), QDate(2026, 2, 1)},
                             {QStringLiteral("doc_type"), QStringLiteral("函")},
                             {QStringLiteral("confidentiality"), QStringLiteral("secret")}});
        ASSERT_TRUE(secret.has_value());
    }
    QStringList numbers(const QVariantMap& params, const QString& as = QStringLiteral("keeper")) {
        auto r = query(QStringLiteral("archive.search"), params, as);
        EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message.en.toStdString());
        QStringList out;
        for (const auto& row : r->rows)
            out << row[0].toString() + QLatin1Char(':') + row[2].toString();
        out.sort();
        return out;
    }
};

TEST_F(ArchiveSearch, TwoCharacterChineseTermFindsVolumesItemsAndDocuments) {
    const QStringList hits = numbers({{QStringLiteral("text"), QStringLiteral("维修")}});
    EXPECT_EQ(hits, (QStringList{QStringLiteral("document:关于电梯维修的通知"),
                                 QStringLiteral("document:维修资金审计意见"),
                                 QStringLiteral("item:电梯维修记录"),
                                 QStringLiteral("item:维修外包合同正本"),
                                 QStringLiteral("volume:保密维修合同"),
                                 QStringLiteral("volume:公共区域维修保养记录")}));
}

TEST_F(ArchiveSearch, OneCharacterLongerTermsNumbersAndFilters) {
    EXPECT_EQ(numbers({{QStringLiteral("text"), QStringLiteral("梯")}}).size(), 2);
    EXPECT_EQ(numbers({{QStringLiteral("text"), QStringLiteral("设施巡查")}}),
              QStringList{QStringLiteral("volume:消防设施巡查记录")});
    EXPECT_TRUE(numbers({{QStringLiteral("text"), QStringLiteral("巡查设施")}}).isEmpty());
    EXPECT_EQ(numbers({{QStringLiteral("text"), QStringLiteral("AQ-2024-001")}}),
              QStringList{QStringLiteral("volume:消防设施巡查记录")});
    EXPECT_EQ(numbers({{QStringLiteral("text"), QStringLiteral("WY-2025")}}).size(),
              2); // the volume and its item
    EXPECT_EQ(numbers({{QStringLiteral("text"), QStringLiteral("记录")},
                       {QStringLiteral("date_to"), QDate(2024, 12, 31)}}),
              QStringList{QStringLiteral("volume:消防设施巡查记录")});
    EXPECT_EQ(numbers({{QStringLiteral("text"), QStringLiteral("记录")},
                       {QStringLiteral("cabinet"), QStringLiteral("A02")}}),
              QStringList{QStringLiteral("volume:消防设施巡查记录")});
    // Category 4 (property management) includes its sub-category 19 (public-area repairs).
    EXPECT_EQ(numbers({{QStringLiteral("category_id"), 4}}).size(), 2);
}

TEST_F(ArchiveSearch, ConfidentialRecordsNeverAppearWithoutClearance) {
    const QString front = QStringLiteral("front"); // a front-desk clerk: no clearance
    // Search: by words and by number.
    EXPECT_EQ(numbers({{QStringLiteral("text"), QStringLiteral("维修")}}, front),
              (QStringList{QStringLiteral("document:关于电梯维修的通知"),
                           QStringLiteral("item:电梯维修记录"),
                           QStringLiteral("volume:公共区域维修保养记录")}));
    EXPECT_TRUE(
        numbers({{QStringLiteral("text"), QStringLiteral("BM-2025-001")}}, front).isEmpty());
    EXPECT_TRUE(numbers({{QStringLiteral("text"), QStringLiteral("人事")}}, front).isEmpty());
    // Lists and catalogues.
    for (const QString& q :
         {QStringLiteral("archive.volumes"), QStringLiteral("archive.general_catalogue")}) {
        auto keeper = query(q, {}, QStringLiteral("keeper"));
        auto clerk = query(q, {}, front);
        ASSERT_TRUE(keeper && clerk);
        EXPECT_EQ(keeper->rows.size(), 4) << q.toStdString();
        EXPECT_EQ(clerk->rows.size(), 2) << q.toStdString();
    }
    auto items = query(QStringLiteral("archive.items"),
                       {{QStringLiteral("volume"), QStringLiteral("BM-2025-001")}}, front);
    ASSERT_FALSE(items.has_value());
    EXPECT_EQ(items.error().kind, Error::Kind::NotFound);
    auto docs = query(QStringLiteral("documents"), {}, front);
    EXPECT_EQ(docs->rows.size(), 1);
    EXPECT_EQ(query(QStringLiteral("documents.pending"), {}, front)->rows.size(), 1);
    EXPECT_EQ(query(QStringLiteral("documents.pending"), {}, QStringLiteral("keeper"))->rows.size(),
              2);
    // Counts.
    auto counts = query(QStringLiteral("archive.summary"), {}, front);
    EXPECT_EQ(counts->rows[0][0].toInt(), 2);
    EXPECT_EQ(counts->rows[0][1].toInt(), 1);
    EXPECT_EQ(counts->rows[0][3].toInt(), 1);
    EXPECT_EQ(
        query(QStringLiteral("archive.summary"), {}, QStringLiteral("keeper"))->rows[0][0].toInt(),
        4);
    // Prints and exports.
    auto catalogue = archives::generalCatalogue(t.services(), t.actor(front));
    ASSERT_TRUE(catalogue.has_value());
    EXPECT_EQ(catalogue->rows.size(), 2);
    for (const auto& row : catalogue->rows)
        EXPECT_FALSE(row.join(QString()).contains(QStringLiteral("保密")));
    EXPECT_FALSE(archives::spineLabel(t.services(), t.actor(front), QStringLiteral("BM-2025-001"))
                     .has_value());
    EXPECT_FALSE(archives::inVolumeList(t.services(), t.actor(front), QStringLiteral("RS-2025-001"))
                     .has_value());
    EXPECT_TRUE(archives::inVolumeList(t.services(), t.actor(QStringLiteral("keeper")),
                                       QStringLiteral("BM-2025-001"))
                    .has_value());
}

TEST_F(ArchiveSearch, KeeperSeesAPersonalFileExistsButNeverItsItems) {
    fileItem(QStringLiteral("RS-2025-001"), QStringLiteral("张三劳动合同"), QDate(2025, 4, 1));
    const QVariantMap rs{{QStringLiteral("volume"), QStringLiteral("RS-2025-001")}};
    // The volume exists for the keeper: catalogue and search by number.
    auto catalogue = query(QStringLiteral("archive.volumes"), {}, QStringLiteral("keeper"));
    ASSERT_TRUE(catalogue.has_value());
    bool listed = false;
    for (const auto& row : catalogue->rows)
        listed = listed || row[1].toString() == QStringLiteral("RS-2025-001");
    EXPECT_TRUE(listed);
    EXPECT_EQ(numbers({{QStringLiteral("text"), QStringLiteral("人事")}}),
              QStringList{QStringLiteral("volume:客服部员工人事档案")});
    // Its items: on no path, for the keeper nor the general manager.
    for (const QString& who : {QStringLiteral("keeper"), QStringLiteral("gm_zhou")}) {
        expectRefused(query(QStringLiteral("archive.items"), rs, who),
                      QStringLiteral("archive-personal-files-gm"), QStringLiteral("R4-1.5"));
        expectRefused(
            archives::inVolumeList(t.services(), t.actor(who), QStringLiteral("RS-2025-001")),
            QStringLiteral("archive-personal-files-gm"), QStringLiteral("R4-1.5"));
        EXPECT_TRUE(numbers({{QStringLiteral("text"), QStringLiteral("劳动合同")}}, who).isEmpty());
        EXPECT_TRUE(
            numbers({{QStringLiteral("text"), QStringLiteral("RS-2025-001-001")}}, who).isEmpty());
        EXPECT_EQ(numbers({{QStringLiteral("kinds"), QStringList{QStringLiteral("item")}}}, who),
                  (QStringList{QStringLiteral("item:电梯维修记录"),
                               QStringLiteral("item:维修外包合同正本")}));
    }

    // Reading is a loan the general manager approves, checked out face to face.
    auto r = requestLoan(QStringLiteral("RS-2025-001"), QStringLiteral("on_site"), 0);
    expectWaitsForApproval(r, QStringLiteral("archive-personal-files-gm"),
                           QStringLiteral("R4-1.5"));
    ASSERT_TRUE(r.has_value());
    // Without clearance and without the loan, the clerk is not shown the volume at all.
    auto before = query(QStringLiteral("archive.items"), rs, QStringLiteral("clerk1"));
    ASSERT_FALSE(before.has_value());
    EXPECT_EQ(before.error().kind, Error::Kind::NotFound);
    auto a = approve(r->approvalId, QStringLiteral("gm_zhou"));
    ASSERT_TRUE(a.has_value()) << a.error().message.en.toStdString();
    const qint64 loan = a->result.value(QStringLiteral("executed"))
                            .toObject()
                            .value(QStringLiteral("loan_id"))
                            .toInteger();
    ASSERT_TRUE(t.run(QStringLiteral("archive.lend"), QStringLiteral("keeper"),
                      {{QStringLiteral("loan_id"), loan}, {QStringLiteral("count"), 1}},
                      checkoutSignatures()));
    auto read = query(QStringLiteral("archive.items"), rs, QStringLiteral("clerk1"));
    ASSERT_TRUE(read.has_value()) << read.error().message.en.toStdString();
    ASSERT_EQ(read->rows.size(), 1);
    EXPECT_EQ(read->rows[0][1].toString(), QStringLiteral("张三劳动合同"));
    // Still not the keeper who handed it over, nor another clerk.
    expectRefused(query(QStringLiteral("archive.items"), rs, QStringLiteral("keeper")),
                  QStringLiteral("archive-personal-files-gm"), QStringLiteral("R4-1.5"));
    EXPECT_FALSE(query(QStringLiteral("archive.items"), rs, QStringLiteral("clerk2")).has_value());
    // Returned: closed again.
    ASSERT_TRUE(t.run(QStringLiteral("archive.return"), QStringLiteral("keeper"),
                      {{QStringLiteral("loan_id"), loan},
                       {QStringLiteral("count"), 1},
                       {QStringLiteral("condition"), QStringLiteral("good")}},
                      checkoutSignatures()));
    EXPECT_FALSE(query(QStringLiteral("archive.items"), rs, QStringLiteral("clerk1")).has_value());
    expectRefused(query(QStringLiteral("archive.items"), rs, QStringLiteral("keeper")),
                  QStringLiteral("archive-personal-files-gm"), QStringLiteral("R4-1.5"));
}

#ifdef FD_ARCHIVES_TEST_WITH_CLI
TEST_F(ArchiveSearch, CommandLineRefusesThePersonalFilesItemsToTheKeeper) {
    fileItem(QStringLiteral("RS-2025-001"), QStringLiteral("张三劳动合同"), QDate(2025, 4, 1));
    auto ctl = [&](const QString& query, const QString& arg) {
        return runCli({QStringLiteral("--db"), t.path(), QStringLiteral("--json"),
                       QStringLiteral("query"), query, QStringLiteral("--as"),
                       QStringLiteral("keeper"), arg},
                      TestServices::passwordOf(QStringLiteral("keeper")) + QLatin1Char('\n'),
                      t.dirPath() + QStringLiteral("/data"));
    };
    const CliRun items = ctl(QStringLiteral("archive.items"), QStringLiteral("volume=RS-2025-001"));
    EXPECT_EQ(items.exitCode, 3) << items.out.toStdString() << items.err.toStdString();
    EXPECT_FALSE(items.out.contains(QStringLiteral("张三劳动合同")));
    EXPECT_FALSE(items.err.contains(QStringLiteral("张三劳动合同")));
    EXPECT_TRUE(
        QString(items.out + items.err).contains(QStringLiteral("archive-personal-files-gm")))
        << items.out.toStdString() << items.err.toStdString();
    const CliRun found = ctl(QStringLiteral("archive.search"), QStringLiteral("text=劳动合同"));
    EXPECT_EQ(found.exitCode, 0) << found.err.toStdString();
    EXPECT_FALSE(found.out.contains(QStringLiteral("张三劳动合同"))) << found.out.toStdString();
}
#endif

TEST_F(ArchiveSearch, ConfidentialLoansAreLeftOutOfTheRegisterForReadersWithoutClearance) {
    // A loan of a secret volume, approved by the GM: hidden from a lender without clearance.
    volume(QStringLiteral("MM-001"), QStringLiteral("外包合同"), 7, QStringLiteral("secret"),
           QStringLiteral("S01"));
    auto r = requestLoan(QStringLiteral("MM-001"));
    ASSERT_TRUE(r.has_value());
    ASSERT_TRUE(approve(r->approvalId, QStringLiteral("gm_zhou")));
    addUser(QStringLiteral("lender"), QStringLiteral("admin")); // may lend, holds no clearance role
    EXPECT_EQ(query(QStringLiteral("archive.loans"), {}, QStringLiteral("keeper"))->rows.size(), 1);
    EXPECT_TRUE(
        query(QStringLiteral("archive.loans"), {}, QStringLiteral("lender"))->rows.isEmpty());
    const qint64 loan = scalar(QStringLiteral("SELECT id FROM archive_loans")).toLongLong();
    EXPECT_FALSE(
        archives::loanSlip(t.services(), t.actor(QStringLiteral("lender")), loan).has_value());
    EXPECT_TRUE(
        archives::loanSlip(t.services(), t.actor(QStringLiteral("keeper")), loan).has_value());
}

TEST_F(ArchiveSearch, AnyPartOfANumberInAnyCaseFindsItsRecords) {
    volume(QStringLiteral("QT-S9-001"), QStringLiteral("业主大会会议纪要"), 15);
    volume(QStringLiteral("QT-S9-002"), QStringLiteral("业主委员会选举"), 15);
    volume(QStringLiteral("WS-S1-001"), QStringLiteral("市物业管理条例"), 15);
    // Archivists type numbers in parts and in lower case.
    EXPECT_EQ(numbers({{QStringLiteral("text"), QStringLiteral("QT")}}).size(), 2);
    EXPECT_EQ(numbers({{QStringLiteral("text"), QStringLiteral("S9")}}).size(), 2);
    EXPECT_EQ(numbers({{QStringLiteral("text"), QStringLiteral("qt-s9")}}).size(), 2);
    EXPECT_EQ(numbers({{QStringLiteral("text"), QStringLiteral("ws")}}),
              QStringList{QStringLiteral("volume:市物业管理条例")});
    EXPECT_EQ(numbers({{QStringLiteral("text"), QStringLiteral("s9-002")}}),
              QStringList{QStringLiteral("volume:业主委员会选举")});
    // 001 is in nine numbers: six volumes (the confidential one and the personal file for
    // the keeper, who has clearance), the two items filed in -001 volumes, and the first
    // incoming document of the year.
    const QStringList ones = numbers({{QStringLiteral("text"), QStringLiteral("001")}});
    EXPECT_EQ(ones.size(), 9) << ones.join(QLatin1Char(' ')).toStdString();
    // A number-like term lists by number, the way the register is kept.
    auto found =
        archives::search(t->database().connection(), t->policy(), t.actor(QStringLiteral("keeper")),
                         {QStringLiteral("s9"), {}, {}, 0, {}, {}, 200});
    ASSERT_TRUE(found);
    ASSERT_EQ(found->hits.size(), 2);
    EXPECT_EQ(found->hits[0].number, QStringLiteral("QT-S9-001"));
    EXPECT_EQ(found->hits[1].number, QStringLiteral("QT-S9-002"));
}

// Search finds exactly what a plain substring scan of the same rows finds (number in any
// case, or title without its spaces), for fifty terms drawn from the records' own numbers
// and titles in parts, in both cases, and a few that are in none.
TEST_F(ArchiveSearch, FindsExactlyWhatAPlainSubstringScanOfTheSameRowsFinds) {
    volume(QStringLiteral("QT-S9-001"), QStringLiteral("业主大会会议纪要"), 15);
    volume(QStringLiteral("WS-S1-001"), QStringLiteral("市物业管理条例及实施细则"), 15);
    fileItem(QStringLiteral("QT-S9-001"), QStringLiteral("第一次业主大会决议"));
    struct Row {
        QString key, number, title;
    };
    QList<Row> rows;
    auto q = sql::exec(t->database().connection(),
                       QStringLiteral("SELECT s.kind, s.ref_id, s.number, s.title FROM "
                                      "archive_search s WHERE NOT (s.kind = 'item' AND "
                                      "s.category_id IN (SELECT id FROM archive_categories WHERE "
                                      "kind = 'personnel'))"));
    ASSERT_TRUE(q);
    while (q->next())
        rows.push_back({q->value(0).toString() + QLatin1Char(':') + q->value(1).toString(),
                        q->value(2).toString(), q->value(3).toString()});
    ASSERT_GE(rows.size(), 10);

    std::mt19937 random(20261203);
    auto pick = [&random](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    QStringList terms{QStringLiteral("QT"),       QStringLiteral("S9"),    QStringLiteral("001"),
                      QStringLiteral("WS"),       QStringLiteral("qt-s9"), QStringLiteral("ZZ-9"),
                      QStringLiteral("无此"),     QStringLiteral("维修"),  QStringLiteral("梯"),
                      QStringLiteral("业主 大会")};
    while (terms.size() < 50) {
        const Row& r = rows[pick(static_cast<int>(rows.size()))];
        const bool fromNumber = !r.number.isEmpty() && pick(2) == 0;
        const QString source = fromNumber ? r.number : r.title;
        if (source.isEmpty())
            continue;
        const int length = 1 + pick(std::min<int>(4, static_cast<int>(source.size())));
        const int at = pick(static_cast<int>(source.size()) - length + 1);
        QString term = source.mid(at, length);
        if (pick(2) == 0)
            term = term.toLower();
        terms << term;
    }
    const Actor keeper = t.actor(QStringLiteral("keeper"));
    for (const QString& term : terms) {
        SCOPED_TRACE(term.toStdString());
        const QString needle = QString(term).remove(QLatin1Char(' ')).toLower();
        QStringList expected;
        for (const Row& r : rows)
            if (r.number.toLower().contains(needle) ||
                QString(r.title).remove(QLatin1Char(' ')).toLower().contains(needle))
                expected << r.key;
        auto found = archives::search(t->database().connection(), t->policy(), keeper,
                                      {term, {}, {}, 0, {}, {}, 5000});
        ASSERT_TRUE(found) << found.error().message.en.toStdString();
        QStringList got;
        for (const archives::SearchHit& h : found->hits)
            got << h.kind + QLatin1Char(':') + QString::number(h.refId);
        expected.sort();
        got.sort();
        EXPECT_EQ(got, expected);
    }
}

} // namespace
} // namespace fd::testing
