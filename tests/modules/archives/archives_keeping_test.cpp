// Filing, locations, inventory, sealing and destruction (R1-1.1, R1-1.3, R1-1.4, R1-1.5, R4-1.7).
#include "all_modules.h"
#include "archives_fixture.h"
#include "audit/audit_log.h"

#include <QTemporaryDir>

namespace fd::testing {
namespace {

using ArchiveKeeping = ArchivesTest;

TEST_F(ArchiveKeeping, FilingIsAHandoverSignedByBothSides) {
    volume(QStringLiteral("WY-001"), QStringLiteral("维修记录"), 4);
    const qint64 audit = t.auditCount();
    const QVariantMap p{{QStringLiteral("volume"), QStringLiteral("WY-001")},
                        {QStringLiteral("title"), QStringLiteral("电梯年检")},
                        {QStringLiteral("item_date"), QDate(2020, 5, 1)},
                        {QStringLiteral("pages"), 2},
                        {QStringLiteral("responsible"), QStringLiteral("王芳")}};
    expectRefused(t.run(QStringLiteral("archive.file_item"), QStringLiteral("keeper"), p,
                        {t.sign(QStringLiteral("received"), QStringLiteral("keeper"))}),
                  QStringLiteral("archive-filing-handover"), QStringLiteral("R1-1.1.2(2)⑥"));
    QVariantMap copy = p;
    copy.insert(QStringLiteral("original"), false);
    expectRefused(t.run(QStringLiteral("archive.file_item"), QStringLiteral("keeper"), copy,
                        {t.sign(QStringLiteral("handed_over"), QStringLiteral("clerk1")),
                         t.sign(QStringLiteral("received"), QStringLiteral("keeper"))}),
                  QStringLiteral("archive-copy-needs-reason"), QStringLiteral("R1-1.1.2(2)③"));
    EXPECT_EQ(t.auditCount(), audit);
    EXPECT_EQ(t.count(QStringLiteral("archive_items")), 0);

    auto r = t.run(QStringLiteral("archive.file_item"), QStringLiteral("keeper"), p,
                   {t.sign(QStringLiteral("handed_over"), QStringLiteral("clerk1")),
                    t.sign(QStringLiteral("received"), QStringLiteral("keeper"))});
    ASSERT_TRUE(r.has_value()) << r.error().message.en.toStdString();
    const QString filing =
        QString::number(r->result.value(QStringLiteral("filing_id")).toInteger());
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT handed_over_by || '>' || received_by FROM archive_filings"))
            .toString(),
        QStringLiteral("clerk1>keeper"));
    auto sigs = t->signatures().forRecord(t->database().connection(),
                                          QStringLiteral("archive_filing"), filing);
    ASSERT_EQ(sigs->size(), 2);
    EXPECT_TRUE(sigs->at(0).valid);
    ASSERT_TRUE(sql::exec(t->database().connection(),
                          QStringLiteral("UPDATE archive_items SET pages = 9")));
    sigs = t->signatures().forRecord(t->database().connection(), QStringLiteral("archive_filing"),
                                     filing);
    EXPECT_FALSE(sigs->at(0).valid);
}

TEST_F(ArchiveKeeping, ConfidentialVolumeNeedsALockedCabinet) {
    const qint64 audit = t.auditCount();
    expectRefused(t.run(QStringLiteral("archive.create_volume"), QStringLiteral("keeper"),
                        {{QStringLiteral("number"), QStringLiteral("BM-001")},
                         {QStringLiteral("title"), QStringLiteral("营业执照")},
                         {QStringLiteral("category_id"), 10},
                         {QStringLiteral("retention_years"), 0},
                         {QStringLiteral("confidentiality"), QStringLiteral("confidential")},
                         {QStringLiteral("cabinet"), QStringLiteral("A01")},
                         {QStringLiteral("date_from"), QDate(2020, 1, 1)},
                         {QStringLiteral("date_to"), QDate(2020, 12, 31)}}),
                  QStringLiteral("archive-confidential-locked-cabinet"),
                  QStringLiteral("R1-1.4.5"));
    EXPECT_EQ(t.auditCount(), audit);
    volume(QStringLiteral("BM-001"), QStringLiteral("营业执照"), 10, QStringLiteral("confidential"),
           QStringLiteral("S01"));
    const qint64 after = t.auditCount();
    expectRefused(t.run(QStringLiteral("archive.transfer"), QStringLiteral("keeper"),
                        {{QStringLiteral("volume"), QStringLiteral("BM-001")},
                         {QStringLiteral("cabinet"), QStringLiteral("A02")}}),
                  QStringLiteral("archive-confidential-locked-cabinet"),
                  QStringLiteral("R1-1.4.5"));
    EXPECT_EQ(t.auditCount(), after);
    EXPECT_EQ(t.count(QStringLiteral("archive_transfers")), 0);
}

TEST_F(ArchiveKeeping, DepartmentKeptCategoryNamesItsDepartment) {
    const qint64 audit = t.auditCount();
    expectRefused(t.run(QStringLiteral("archive.create_volume"), QStringLiteral("keeper"),
                        {{QStringLiteral("number"), QStringLiteral("AQ-001")},
                         {QStringLiteral("title"), QStringLiteral("消防记录")},
                         {QStringLiteral("category_id"), 5},
                         {QStringLiteral("retention_years"), 3},
                         {QStringLiteral("cabinet"), QStringLiteral("A01")},
                         {QStringLiteral("date_from"), QDate(2020, 1, 1)},
                         {QStringLiteral("date_to"), QDate(2020, 12, 31)}}),
                  QStringLiteral("archive-custodian-by-category"), QStringLiteral("R1-2.2"));
    EXPECT_EQ(t.auditCount(), audit);
    EXPECT_EQ(t.count(QStringLiteral("archive_volumes")), 0);
    // A secretary-kept category records the GM's secretary as custodian.
    volume(QStringLiteral("WS-001"), QStringLiteral("公司发文"), 3);
    EXPECT_EQ(scalar(QStringLiteral("SELECT custodian FROM archive_volumes")).toString(),
              QStringLiteral("总经理秘书"));
}

TEST_F(ArchiveKeeping, TransferIsRegisteredAndMovesTheVolume) {
    volume(QStringLiteral("WY-001"), QStringLiteral("维修记录"), 4);
    auto r = t.run(QStringLiteral("archive.transfer"), QStringLiteral("keeper"),
                   {{QStringLiteral("volume"), QStringLiteral("WY-001")},
                    {QStringLiteral("cabinet"), QStringLiteral("A02")},
                    {QStringLiteral("shelf"), QStringLiteral("3")},
                    {QStringLiteral("custodian"), QStringLiteral("工程部")}});
    ASSERT_TRUE(r.has_value()) << r.error().message.en.toStdString();
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT from_location || '>' || to_location FROM archive_transfers"))
            .toString(),
        QStringLiteral("A01>A02-3"));
    auto found =
        query(QStringLiteral("archive.search"),
              {{QStringLiteral("cabinet"), QStringLiteral("A02")}}, QStringLiteral("keeper"));
    ASSERT_EQ(found->rows.size(), 1);
}

TEST_F(ArchiveKeeping, TransferToACustodianTheCategoryDoesNotAllowIsRefused) {
    volume(QStringLiteral("HT-001"), QStringLiteral("外包合同"), 7); // kept by the GM's secretary
    volume(QStringLiteral("AQ-001"), QStringLiteral("消防记录"), 5); // kept by the department
    auto transfer = [&](const QString& number, const QString& custodian) {
        return t.run(QStringLiteral("archive.transfer"), QStringLiteral("keeper"),
                     {{QStringLiteral("volume"), number},
                      {QStringLiteral("cabinet"), QStringLiteral("A02")},
                      {QStringLiteral("custodian"), custodian}});
    };
    const qint64 audit = t.auditCount();
    // A secretary-kept category does not go to a department, nor to a person.
    expectRefused(transfer(QStringLiteral("HT-001"), QStringLiteral("客服部")),
                  QStringLiteral("archive-custodian-by-category"), QStringLiteral("R1-2.2"));
    // A department-kept category does not go to the secretary, nor to anyone as their own.
    expectRefused(transfer(QStringLiteral("AQ-001"), QStringLiteral("总经理秘书")),
                  QStringLiteral("archive-custodian-by-category"), QStringLiteral("R1-2.2"));
    expectRefused(transfer(QStringLiteral("AQ-001"), QStringLiteral("keeper")),
                  QStringLiteral("archive-custodian-by-category"), QStringLiteral("R1-2.2"));
    EXPECT_EQ(t.auditCount(), audit);
    EXPECT_EQ(t.count(QStringLiteral("archive_transfers")), 0);
    // The custodians the categories allow.
    ASSERT_TRUE(transfer(QStringLiteral("HT-001"), QStringLiteral("总经理秘书")));
    ASSERT_TRUE(transfer(QStringLiteral("AQ-001"), QStringLiteral("保安部")));
    EXPECT_EQ(scalar(QStringLiteral("SELECT custodian FROM archive_volumes WHERE number = ?"),
                     {QStringLiteral("AQ-001")})
                  .toString(),
              QStringLiteral("保安部"));
    // A move that names no custodian keeps the one the volume has.
    ASSERT_TRUE(t.run(QStringLiteral("archive.transfer"), QStringLiteral("keeper"),
                      {{QStringLiteral("volume"), QStringLiteral("HT-001")},
                       {QStringLiteral("cabinet"), QStringLiteral("A01")}}));
    EXPECT_EQ(scalar(QStringLiteral("SELECT custodian FROM archive_volumes WHERE number = ?"),
                     {QStringLiteral("HT-001")})
                  .toString(),
              QStringLiteral("总经理秘书"));
}

TEST_F(ArchiveKeeping, InventoryFindsMissingMisplacedAndDamagedVolumes) {
    volume(QStringLiteral("WY-001"), QStringLiteral("维修记录一"), 4, QStringLiteral("ordinary"),
           QStringLiteral("A01"));
    volume(QStringLiteral("WY-002"), QStringLiteral("维修记录二"), 4, QStringLiteral("ordinary"),
           QStringLiteral("A01"));
    volume(QStringLiteral("WY-003"), QStringLiteral("维修记录三"), 4, QStringLiteral("ordinary"),
           QStringLiteral("A01"));
    volume(QStringLiteral("WY-004"), QStringLiteral("维修记录四"), 4, QStringLiteral("ordinary"),
           QStringLiteral("A02"));
    auto start = t.run(QStringLiteral("archive.inventory_start"), QStringLiteral("keeper"),
                       {{QStringLiteral("kind"), QStringLiteral("monthly")},
                        {QStringLiteral("cabinet"), QStringLiteral("A01")}});
    ASSERT_TRUE(start.has_value()) << start.error().message.en.toStdString();
    const qint64 inv = start->result.value(QStringLiteral("inventory_id")).toInteger();
    EXPECT_EQ(start->result.value(QStringLiteral("expected")).toInt(), 3);
    auto confirm = [&](const QString& number, bool damaged = false) {
        auto r = t.run(QStringLiteral("archive.inventory_confirm"), QStringLiteral("keeper"),
                       {{QStringLiteral("inventory_id"), inv},
                        {QStringLiteral("volume"), number},
                        {QStringLiteral("damaged"), damaged}});
        EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message.en.toStdString());
        return r ? r->result.value(QStringLiteral("state")).toString() : QString();
    };
    EXPECT_EQ(confirm(QStringLiteral("WY-001")), QStringLiteral("present"));
    EXPECT_EQ(confirm(QStringLiteral("WY-002"), true), QStringLiteral("present"));
    EXPECT_EQ(confirm(QStringLiteral("WY-004")),
              QStringLiteral("misplaced")); // catalogued in A02, found in A01
    auto close = t.run(QStringLiteral("archive.inventory_close"), QStringLiteral("keeper"),
                       {{QStringLiteral("inventory_id"), inv},
                        {QStringLiteral("seven_preventions"),
                         QStringLiteral("insects,mould,dust,fire,theft,damp,heat")}});
    ASSERT_TRUE(close.has_value()) << close.error().message.en.toStdString();
    EXPECT_EQ(close->result.value(QStringLiteral("missing")).toInt(), 1);
    EXPECT_EQ(close->result.value(QStringLiteral("misplaced")).toInt(), 1);
    EXPECT_EQ(close->result.value(QStringLiteral("damaged")).toInt(), 1);
    auto report = query(QStringLiteral("archive.inventory_report"),
                        {{QStringLiteral("inventory_id"), inv}}, QStringLiteral("keeper"));
    ASSERT_TRUE(report.has_value());
    QStringList findings;
    for (const auto& row : report->rows)
        findings << row[0].toString() + QLatin1Char(':') + row[4].toString() +
                        (row[5].toInt() ? QStringLiteral("+damaged") : QString());
    findings.sort();
    EXPECT_EQ(findings,
              (QStringList{QStringLiteral("WY-002:present+damaged"),
                           QStringLiteral("WY-003:missing"), QStringLiteral("WY-004:misplaced")}));
}

// From the policy's reminder day the month's inventory is due on the keeper's dashboard
// (R1-1.1.3) until a monthly inventory of that month is closed; the month before, never
// inventoried, stays reminded.
TEST_F(ArchiveKeeping, MonthlyInventoryReminderUntilDone) {
    const QString source = QStringLiteral("archive.inventory_due");
    const QString keeper = QStringLiteral("keeper");
    expectReminder(t, keeper, source, QStringLiteral("R1-1.1.3"), QStringLiteral("2026-02"));
    expectNoReminder(t, keeper, source, QStringLiteral("2026-03"));
    t.clock().advanceSeconds(23LL * 86400); // 2026-03-25, the policy's reminder day
    expectReminder(t, keeper, source, QStringLiteral("R1-1.1.3"), QStringLiteral("2026-03"));
    auto start = t.run(QStringLiteral("archive.inventory_start"), keeper,
                       {{QStringLiteral("kind"), QStringLiteral("monthly")}});
    ASSERT_TRUE(start.has_value()) << start.error().message.en.toStdString();
    ASSERT_TRUE(t.run(QStringLiteral("archive.inventory_close"), keeper,
                      {{QStringLiteral("inventory_id"),
                        start->result.value(QStringLiteral("inventory_id")).toInteger()}}));
    expectNoReminder(t, keeper, source, QStringLiteral("2026-03"));
    expectReminder(t, keeper, source, QStringLiteral("R1-1.1.3"), QStringLiteral("2026-02"));
}

// The year's full inventory is due until an annual inventory is closed (R1-1.3.6).
TEST_F(ArchiveKeeping, AnnualInventoryReminderUntilDone) {
    const QString source = QStringLiteral("archive.inventory_due");
    const QString keeper = QStringLiteral("keeper");
    expectReminder(t, keeper, source, QStringLiteral("R1-1.3.6"), QStringLiteral("2026"));
    auto start = t.run(QStringLiteral("archive.inventory_start"), keeper,
                       {{QStringLiteral("kind"), QStringLiteral("annual")}});
    ASSERT_TRUE(start.has_value()) << start.error().message.en.toStdString();
    ASSERT_TRUE(t.run(QStringLiteral("archive.inventory_close"), keeper,
                      {{QStringLiteral("inventory_id"),
                        start->result.value(QStringLiteral("inventory_id")).toInteger()}}));
    expectNoReminder(t, keeper, source, QStringLiteral("R1-1.3.6"));
}

TEST_F(ArchiveKeeping, VolumesStoredAYearAreDueForSealing) {
    volume(QStringLiteral("WY-001"), QStringLiteral("维修记录"), 4);
    EXPECT_TRUE(query(QStringLiteral("archive.due_for_sealing"), {}, QStringLiteral("keeper"))
                    ->rows.isEmpty());
    t.clock().advanceSeconds(366LL * 86400);
    ASSERT_EQ(
        query(QStringLiteral("archive.due_for_sealing"), {}, QStringLiteral("keeper"))->rows.size(),
        1);
    expectReminder(t, QStringLiteral("keeper"), QStringLiteral("archive.sealing"),
                   QStringLiteral("R1-1.4.4"), QStringLiteral("WY-001"));
    ASSERT_TRUE(t.run(QStringLiteral("archive.seal"), QStringLiteral("keeper"),
                      {{QStringLiteral("volume"), QStringLiteral("WY-001")}}));
    expectNoReminder(t, QStringLiteral("keeper"), QStringLiteral("archive.sealing"),
                     QStringLiteral("WY-001"));
    EXPECT_TRUE(query(QStringLiteral("archive.due_for_sealing"), {}, QStringLiteral("keeper"))
                    ->rows.isEmpty());
    // Nothing more is filed into a sealed volume.
    auto r = t.run(QStringLiteral("archive.file_item"), QStringLiteral("keeper"),
                   {{QStringLiteral("volume"), QStringLiteral("WY-001")},
                    {QStringLiteral("title"), QStringLiteral("补充")},
                    {QStringLiteral("item_date"), QDate(2020, 5, 1)},
                    {QStringLiteral("pages"), 1},
                    {QStringLiteral("responsible"), QStringLiteral("王芳")}},
                   {t.sign(QStringLiteral("handed_over"), QStringLiteral("clerk1")),
                    t.sign(QStringLiteral("received"), QStringLiteral("keeper"))});
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().field, QStringLiteral("volume"));
}

class ArchiveDestruction : public ArchivesTest {
protected:
    void SetUp() override {
        // Retention 3 years over 2020: destroyable from 2024-01-01. Retention 10: from 2031.
        volume(QStringLiteral("OLD-001"), QStringLiteral("旧清洁记录"), 15,
               QStringLiteral("ordinary"), QStringLiteral("A01"), 3);
        volume(QStringLiteral("OLD-002"), QStringLiteral("旧合同"), 7, QStringLiteral("secret"),
               QStringLiteral("S01"), 3);
        volume(QStringLiteral("NEW-001"), QStringLiteral("近期记录"), 15,
               QStringLiteral("ordinary"), QStringLiteral("A01"), 10);
    }
    qint64 approvedDisposal(const QString& volumes, const QString& method) {
        auto r = t.run(QStringLiteral("archive.propose_destruction"), QStringLiteral("keeper"),
                       {{QStringLiteral("volumes"), volumes}, {QStringLiteral("method"), method}});
        EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message.en.toStdString());
        EXPECT_EQ(r->approverRole, QStringLiteral("general_manager"));
        auto a = approve(r->approvalId, QStringLiteral("gm_zhou"));
        EXPECT_TRUE(a.has_value()) << (a ? "" : a.error().message.en.toStdString());
        return a->result.value(QStringLiteral("executed"))
            .toObject()
            .value(QStringLiteral("disposal_id"))
            .toInteger();
    }
};

TEST_F(ArchiveDestruction, RefusedBeforeTheRetentionDate) {
    const qint64 audit = t.auditCount();
    expectRefused(t.run(QStringLiteral("archive.propose_destruction"), QStringLiteral("keeper"),
                        {{QStringLiteral("volumes"), QStringLiteral("OLD-001,NEW-001")},
                         {QStringLiteral("method"), QStringLiteral("tear")}}),
                  QStringLiteral("archive-destroy-past-retention"), QStringLiteral("R1-1.5.1"));
    EXPECT_EQ(t.auditCount(), audit);
    EXPECT_EQ(t.count(QStringLiteral("approvals")), 0);
    auto eligible =
        query(QStringLiteral("archive.eligible_for_destruction"), {}, QStringLiteral("keeper"));
    ASSERT_EQ(eligible->rows.size(), 2);
}

TEST_F(ArchiveDestruction, TheDisposalListWaitsForTheGeneralManager) {
    auto r = t.run(QStringLiteral("archive.propose_destruction"), QStringLiteral("keeper"),
                   {{QStringLiteral("volumes"), QStringLiteral("OLD-001")},
                    {QStringLiteral("method"), QStringLiteral("tear")}});
    expectWaitsForApproval(r, QStringLiteral("archive-destroy-gm-approval"),
                           QStringLiteral("R4-1.7"));
    EXPECT_EQ(t.count(QStringLiteral("archive_disposals")), 0);
}

TEST_F(ArchiveDestruction, ConfidentialVolumesAreShredded) {
    const qint64 audit = t.auditCount();
    expectRefused(t.run(QStringLiteral("archive.propose_destruction"), QStringLiteral("keeper"),
                        {{QStringLiteral("volumes"), QStringLiteral("OLD-002")},
                         {QStringLiteral("method"), QStringLiteral("tear")}}),
                  QStringLiteral("archive-destroy-shred-confidential"), QStringLiteral("R1-1.5.2"));
    EXPECT_EQ(t.auditCount(), audit);
}

TEST_F(ArchiveDestruction, RefusedWithoutASecondApproverOtherThanTheGeneralManager) {
    const qint64 disposal =
        approvedDisposal(QStringLiteral("OLD-001,OLD-002"), QStringLiteral("shred"));
    ASSERT_GT(disposal, 0);
    const qint64 audit = t.auditCount();
    const QVariantMap p{{QStringLiteral("disposal_id"), disposal}};
    expectRefused(t.run(QStringLiteral("archive.destroy"), QStringLiteral("keeper"), p),
                  QStringLiteral("archive-destroy-second-approver"), QStringLiteral("R4-1.7"));
    expectRefused(t.run(QStringLiteral("archive.destroy"), QStringLiteral("keeper"), p,
                        {t.sign(QStringLiteral("second_approver"), QStringLiteral("gm_zhou"))}),
                  QStringLiteral("archive-destroy-second-approver"), QStringLiteral("R4-1.7"));
    expectRefused(t.run(QStringLiteral("archive.destroy"), QStringLiteral("keeper"), p,
                        {t.sign(QStringLiteral("second_approver"), QStringLiteral("clerk1"))}),
                  QStringLiteral("archive-destroy-second-approver"), QStringLiteral("R4-1.7"));
    EXPECT_EQ(t.auditCount(), audit);
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT count(*) FROM archive_volumes WHERE status = 'destroyed'"))
            .toInt(),
        0);

    auto done = t.run(QStringLiteral("archive.destroy"), QStringLiteral("keeper"), p,
                      {t.sign(QStringLiteral("second_approver"), QStringLiteral("om_chen"))});
    ASSERT_TRUE(done.has_value()) << done.error().message.en.toStdString();
    EXPECT_EQ(done->result.value(QStringLiteral("destroyed")).toInt(), 2);
    // Tombstones stay in the general catalogue; the certificate names both approvers.
    auto cat = query(QStringLiteral("archive.general_catalogue"), {}, QStringLiteral("keeper"));
    int tombstones = 0;
    for (const auto& row : cat->rows)
        tombstones += row[14].toString() == QStringLiteral("destroyed");
    EXPECT_EQ(tombstones, 2);
    auto cert =
        archives::disposalCertificate(t.services(), t.actor(QStringLiteral("keeper")), disposal);
    ASSERT_TRUE(cert.has_value());
    EXPECT_EQ(cert->rows.size(), 2);
    EXPECT_EQ(cert->fields[2].second, QStringLiteral("gm_zhou"));
    EXPECT_EQ(cert->fields[3].second, QStringLiteral("om_chen"));
    // A reader without clearance sees the ordinary volume only.
    auto uncleared =
        archives::disposalCertificate(t.services(), t.actor(QStringLiteral("front")), disposal);
    EXPECT_EQ(uncleared->rows.size(), 1);
}

TEST_F(ArchiveKeeping, SpineLabelCarriesTheNumberAsAQrCode) {
    volume(QStringLiteral("WY-2026-001"), QStringLiteral("维修记录"), 4);
    auto label = archives::spineLabel(t.services(), t.actor(QStringLiteral("keeper")),
                                      QStringLiteral("WY-2026-001"));
    ASSERT_TRUE(label.has_value()) << label.error().message.en.toStdString();
    EXPECT_EQ(label->number, QStringLiteral("WY-2026-001"));
    EXPECT_GE(label->qr.size, 21);
    EXPECT_EQ(label->qr.modules.size(), size_t(label->qr.size * label->qr.size));
    // Finder pattern: the top-left 7x7 corner is dark on its border.
    EXPECT_TRUE(label->qr.dark(0, 0));
    EXPECT_TRUE(label->qr.dark(6, 6));
    EXPECT_FALSE(label->qr.dark(1, 1));
}

} // namespace
} // namespace fd::testing

namespace fd::testing {
namespace {

// Without the history clock (tests) nothing is backdated: the third loan is due today.
TEST(ArchiveDemoSeed, FillsVolumesLoansWithOneOverdueAndDocumentsInEachState) {
    TestServices t;
    const Actor admin = t.actor(QStringLiteral("admin"));
    for (const Module& m : t->modules()) {
        if (m.seed) {
            ASSERT_TRUE(m.seed(t.services(), admin, {})) << m.area.toStdString();
        }
    }
    EXPECT_GE(t.count(QStringLiteral("archive_volumes")), 13);
    EXPECT_EQ(t.count(QStringLiteral("archive_loans")), 3);
    const Actor keeper = t.actor(QStringLiteral("zhaomin"));
    EXPECT_TRUE(t->query(QStringLiteral("archive.overdue"), {}, keeper)->rows.isEmpty());
    EXPECT_EQ(t->query(QStringLiteral("archive.loans"),
                       {{QStringLiteral("status"), QStringLiteral("out")}}, keeper)
                  ->rows.size(),
              2);
    // No loan is written into the past behind the bus's back.
    EXPECT_EQ(sql::scalar(t->database().connection(),
                          QStringLiteral("SELECT count(*) FROM archive_loans WHERE due_date < ?"),
                          {t->clock().officeToday().toString(Qt::ISODate)})
                  ->toInt(),
              0);
    auto states =
        sql::exec(t->database().connection(),
                  QStringLiteral("SELECT DISTINCT status FROM documents ORDER BY status"));
    QStringList seen;
    while (states->next())
        seen << states->value(0).toString();
    EXPECT_EQ(seen, (QStringList{QStringLiteral("approved"), QStringLiteral("assigned"),
                                 QStringLiteral("circulated"), QStringLiteral("draft"),
                                 QStringLiteral("filed"), QStringLiteral("handled"),
                                 QStringLiteral("instructed"), QStringLiteral("issued"),
                                 QStringLiteral("registered")}));
}

} // namespace
} // namespace fd::testing

namespace fd::testing {
namespace {

// The seed command's history clock: the loans are requested, approved and lent on past days
// through the bus, so the demo's overdue loan is genuinely five days overdue. Its present is
// set to 07:30 office time (23:30 UTC the day before), where office and UTC dates differ.
TEST(ArchiveDemoSeed, WithTheHistoryClockTheOverdueLoanIsMadeOnPastDays) {
    QTemporaryDir dir;
    const QDateTime now(QDate(2026, 3, 1), QTime(23, 30), QTimeZone::utc());
    auto history = std::make_shared<HistoryClock>(std::make_shared<FixedClock>(now));
    ServicesOptions options;
    options.databasePath = dir.filePath(QStringLiteral("frontdesk.db"));
    options.clock = history;
    auto s = openServices(std::move(options));
    ASSERT_TRUE(s.has_value()) << s.error().message.en.toStdString();
    Services& services = **s;
    ASSERT_TRUE(services.initialise(QStringLiteral("admin"), QStringLiteral("管理员"),
                                    QStringLiteral("admin-pass")));
    auto find = [&](const QString& login) {
        auto u = services.users().find(login);
        return Actor{u->id, u->login, u->displayName, u->roles, u->staffId};
    };
    const Actor admin = find(QStringLiteral("admin"));
    SeedOptions seed;
    seed.history = history.get();
    for (const Module& m : services.modules())
        if (m.seed) {
            auto ok = m.seed(services, admin, seed);
            history->resume();
            ASSERT_TRUE(ok) << m.area.toStdString() << ": " << ok.error().message.en.toStdString();
        }
    EXPECT_FALSE(history->isSetBack());
    const Actor keeper = find(QStringLiteral("zhaomin"));
    auto overdue = services.query(QStringLiteral("archive.overdue"), {}, keeper);
    ASSERT_TRUE(overdue.has_value());
    ASSERT_EQ(overdue->rows.size(), 1);
    EXPECT_TRUE(overdue->rows[0][3].toString().contains(QStringLiteral("AQ-S5-001")));
    EXPECT_EQ(overdue->rows[0][9].toInt(), 5);
    // The loan returned on time counts no days overdue, however long ago it fell due.
    auto returned =
        services.query(QStringLiteral("archive.loans"),
                       {{QStringLiteral("status"), QStringLiteral("returned")}}, keeper);
    ASSERT_TRUE(returned.has_value());
    ASSERT_EQ(returned->rows.size(), 1);
    EXPECT_EQ(returned->rows[0][9].toInt(), 0);
    // Lent twelve days ago, as the audit trail and the loan record both say: requested then,
    // the loan written as it was approved 40 minutes later, and lent 20 minutes after that.
    auto lent = sql::exec(services.database().connection(),
                          QStringLiteral("SELECT checked_out_at, requested_at FROM archive_loans "
                                         "WHERE id = ?"),
                          {overdue->rows[0][0]});
    ASSERT_TRUE(lent.has_value() && lent->next());
    EXPECT_EQ(fromStorage(lent->value(1).toString()), now.addDays(-12).addSecs(40 * 60));
    EXPECT_EQ(fromStorage(lent->value(0).toString()), now.addDays(-12).addSecs(3600));
    auto audited = sql::scalar(services.database().connection(),
                               QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                              "'archive.lend' AND at_utc < ?"),
                               {toStorage(now.addDays(-11))});
    ASSERT_TRUE(audited.has_value());
    EXPECT_EQ(audited->toInt(), 2); // the returned loan and the overdue one
    // The dashboard tells the archivist (R1-1.3.5).
    bool onDashboard = false;
    for (const auto& src : services.attention().all())
        if (src.id == QStringLiteral("archive.overdue")) {
            auto items = src.items(services, keeper);
            onDashboard = items && items->size() == 1;
            // Since the day it was due, in the office's time.
            if (onDashboard) {
                const QDateTime since = items->first().since;
                EXPECT_TRUE(since.isValid());
                EXPECT_LT(since, now.addDays(-1));
                EXPECT_EQ(since.toTimeZone(Clock::officeZone()).time(), QTime(0, 0));
            }
        }
    EXPECT_TRUE(onDashboard);
}

// Stored flags and codes carry the words lists, exports and prints show.
TEST(ArchiveQueries, FlagsAndCodesCarryLabels) {
    TestServices t;
    const Actor admin = t.actor(QStringLiteral("admin"));
    for (const Module& m : t->modules())
        if (m.seed) {
            ASSERT_TRUE(m.seed(t.services(), admin, {})) << m.area.toStdString();
        }
    const Actor keeper = t.actor(QStringLiteral("zhaomin"));
    auto labelOf = [](const QueryResult& r, const QString& key, const QString& value) {
        for (const QueryColumn& c : r.columns)
            if (c.key == key)
                return c.labels.value(value).zh;
        return QString();
    };
    auto items = t->query(QStringLiteral("archive.items"),
                          {{QStringLiteral("volume"), QStringLiteral("QT-S9-001")}}, keeper);
    ASSERT_TRUE(items.has_value());
    ASSERT_EQ(items->rows.size(), 1);
    EXPECT_EQ(items->rows[0][3].toInt(), 0); // the raw flag stays
    EXPECT_EQ(labelOf(*items, QStringLiteral("original"), QStringLiteral("0")),
              QStringLiteral("复印件"));
    EXPECT_EQ(labelOf(*items, QStringLiteral("original"), QStringLiteral("1")),
              QStringLiteral("原件"));
    auto cabinets = t->query(QStringLiteral("archive.cabinets"), {}, keeper);
    ASSERT_TRUE(cabinets.has_value());
    EXPECT_EQ(labelOf(*cabinets, QStringLiteral("locked"), QStringLiteral("1")),
              QStringLiteral("是"));
    EXPECT_EQ(labelOf(*cabinets, QStringLiteral("locked"), QStringLiteral("0")),
              QStringLiteral("否"));
    auto volumes = t->query(QStringLiteral("archive.volumes"), {}, keeper);
    ASSERT_TRUE(volumes.has_value());
    EXPECT_EQ(labelOf(*volumes, QStringLiteral("sealed_at"), QString()), QStringLiteral("未封存"));
    EXPECT_EQ(labelOf(*volumes, QStringLiteral("confidentiality"), QStringLiteral("secret")),
              QStringLiteral("秘密"));
    auto incidents = t->query(QStringLiteral("archive.incidents"), {}, keeper);
    ASSERT_TRUE(incidents.has_value());
    EXPECT_EQ(labelOf(*incidents, QStringLiteral("kind"), QStringLiteral("missing")),
              QStringLiteral("缺失"));
    EXPECT_EQ(labelOf(*incidents, QStringLiteral("kind"), QStringLiteral("damage")),
              QStringLiteral("损坏"));
    auto inventories = t->query(QStringLiteral("archive.inventories"), {}, keeper);
    ASSERT_TRUE(inventories.has_value());
    EXPECT_EQ(labelOf(*inventories, QStringLiteral("kind"), QStringLiteral("monthly")),
              QStringLiteral("月度清点"));
}

// The large profile (benchmarks): the archive's counts through archive.import, a thousand
// records per audited call, borrowers from the residents' staff, 200 loans overdue,
// everything in the search index.
TEST(ArchiveLargeSeed, BuildsTheBenchmarkArchiveThroughAuditedImports) {
    TestServices t;
    const Actor admin = t.actor(QStringLiteral("admin"));
    const SeedOptions large{QStringLiteral("large"), 7};
    for (const Module& m : t->modules())
        if (m.seed && m.area != QStringLiteral("archives")) {
            ASSERT_TRUE(m.seed(t.services(), admin, large)) << m.area.toStdString();
        }
    const qint64 before = t.auditCount();
    for (const Module& m : t->modules())
        if (m.area == QStringLiteral("archives")) {
            auto ok = m.seed(t.services(), admin, large);
            ASSERT_TRUE(ok) << ok.error().message.en.toStdString();
        }
    EXPECT_EQ(t.count(QStringLiteral("archive_volumes")), 20000);
    EXPECT_EQ(t.count(QStringLiteral("archive_items")), 200000);
    EXPECT_EQ(t.count(QStringLiteral("archive_loans")), 50000);
    EXPECT_EQ(t.count(QStringLiteral("documents")), 30000);
    EXPECT_EQ(t.count(QStringLiteral("archive_search")), 250000);
    // Three cabinets, then 20 batches of volumes, 50 of loans and 30 of documents.
    ASSERT_EQ(t.auditCount(), before + 103);
    auto row = sql::exec(t->database().connection(),
                         QStringLiteral("SELECT action, count(*) FROM audit_log WHERE seq > ? "
                                        "GROUP BY action ORDER BY action"),
                         {before});
    ASSERT_TRUE(row.has_value() && row->next());
    EXPECT_EQ(row->value(0).toString(), QStringLiteral("archive.add_cabinet"));
    EXPECT_EQ(row->value(1).toInt(), 3);
    ASSERT_TRUE(row->next());
    EXPECT_EQ(row->value(0).toString(), QStringLiteral("archive.import"));
    EXPECT_EQ(row->value(1).toInt(), 100);
    EXPECT_FALSE(row->next());
    row->finish();
    expectAuditNamesRegisteredActions(t);
    auto chain = AuditLog::verify(t->database());
    ASSERT_TRUE(chain.has_value());
    EXPECT_TRUE(chain->ok) << chain->problem.toStdString();
#ifdef FD_ARCHIVES_TEST_WITH_RESIDENTS
    // Every borrower is a member of staff on record.
    EXPECT_EQ(sql::scalar(t->database().connection(),
                          QStringLiteral("SELECT count(*) FROM archive_loans o LEFT JOIN staff s "
                                         "ON s.id = o.borrower_staff_id WHERE s.id IS NULL"))
                  ->toInt(),
              0);
#endif
    const Actor keeper = t.addUser(QStringLiteral("keeper"), {QStringLiteral("archivist")});
    auto overdue = t->query(QStringLiteral("archive.overdue"), {}, keeper);
    ASSERT_TRUE(overdue.has_value());
    EXPECT_EQ(overdue->rows.size(), 200);
    auto hits = t->query(QStringLiteral("archive.search"),
                         {{QStringLiteral("text"), QStringLiteral("WY-012345")}}, keeper);
    ASSERT_TRUE(hits.has_value());
    EXPECT_EQ(hits->rows.size(), 11); // the volume and its ten items
    // Seeding again leaves the archive as it is.
    for (const Module& m : t->modules())
        if (m.area == QStringLiteral("archives")) {
            ASSERT_TRUE(m.seed(t.services(), admin, large));
        }
    EXPECT_EQ(t.count(QStringLiteral("archive_volumes")), 20000);
}

} // namespace
} // namespace fd::testing
