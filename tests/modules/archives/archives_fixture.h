#pragma once

#include "archives/archive_prints.h"
#include "archives/archive_search.h"
#include "db/sql.h"
#include "test_services.h"

namespace fd::testing {

// A fresh archive with its people: an archivist, the general manager, the office manager,
// a CS manager, two staff borrowers and a front-desk clerk without clearance.
class ArchivesTest : public ::testing::Test {
protected:
    ArchivesTest();

    TestServices t;

    void addUser(const QString& login, const QString& roles, qint64 staffId = 0);
    // Creates a volume as the archivist; returns its id.
    qint64 volume(const QString& number, const QString& title, int category,
                  const QString& level = QStringLiteral("ordinary"),
                  const QString& cabinet = QStringLiteral("A01"), int retention = 10,
                  const QDate& from = QDate(2020, 1, 1), const QDate& to = QDate(2020, 12, 31));
    qint64 fileItem(const QString& volume, const QString& title,
                    const QDate& date = QDate(2020, 6, 1));
    Result<ActionResult> requestLoan(const QString& volumes,
                                     const QString& mode = QStringLiteral("on_site"), int days = 1,
                                     const QString& as = QStringLiteral("clerk1"));
    Result<ActionResult> approve(qint64 approvalId, const QString& approver);
    // Request, approval by the office manager: the loan id.
    qint64 approvedLoan(const QString& volumes, const QString& mode = QStringLiteral("lend"),
                        int days = 7);
    std::vector<SignatureInput>
    checkoutSignatures(const QString& borrower = QStringLiteral("clerk1")) const;
    Result<QueryResult> query(const QString& name, const QVariantMap& params,
                              const QString& as) const;
    QVariant scalar(const QString& sql, const QVariantList& binds = {}) const;

    // The items a dashboard source shows `as`: none when the source is not for their roles.
    QList<AttentionItem> attention(const QString& sourceId, const QString& as);

    // A refusal of an action or a list by the rule, with the clause in the Chinese message.
    template <typename T>
    static void expectRefused(const Result<T>& r, const QString& ruleId, const QString& clause) {
        ASSERT_FALSE(r.has_value()) << "expected a refusal by " << ruleId.toStdString();
        EXPECT_EQ(r.error().kind, Error::Kind::Refused) << r.error().message.en.toStdString();
        EXPECT_EQ(r.error().ruleId, ruleId) << r.error().message.en.toStdString();
        EXPECT_EQ(r.error().clause, clause);
        EXPECT_TRUE(r.error().message.zh.contains(clause)) << r.error().message.zh.toStdString();
        EXPECT_TRUE(r.error().message.en.contains(clause)) << r.error().message.en.toStdString();
    }
};

} // namespace fd::testing
