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

    static void expectRefused(const Result<ActionResult>& r, const QString& ruleId,
                              const QString& clause);
};

} // namespace fd::testing
