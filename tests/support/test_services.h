#pragma once

#include "services/services.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <memory>

namespace fd::testing {

// The time every test starts at: 2026-03-02 09:00 office time (01:00 UTC).
QDateTime startTime();

// A fresh database file in a temporary folder, opened with every module of the program
// (or the given ones), a fixed clock, and an administrator "admin" (password "admin-pass").
class TestServices {
public:
    explicit TestServices(std::vector<Module> modules = {}, bool allModules = true,
                          const QString& policyPath = {});
    ~TestServices();

    Services& services() { return *services_; }
    const Services* operator->() const { return services_.get(); }
    FixedClock& clock() { return *clock_; }
    // The database: a file in the test's folder, or, when FD_TEST_ENGINE=postgresql, a
    // database of its own on the test server (FD_TEST_PG).
    QString path() const;
    QString dirPath() const { return dir_.path(); }

    // Adds a user with the given roles; the password is "<login>-pass".
    Actor addUser(const QString& login, const QStringList& roles, const QString& name = {});
    Actor actor(const QString& login) const;
    static QString passwordOf(const QString& login) { return login + QStringLiteral("-pass"); }
    SignatureInput sign(const QString& meaning, const QString& login) const {
        return {meaning, login, passwordOf(login)};
    }

    // Runs an action as `login`, with optional signatures and reason.
    Result<ActionResult> run(const QString& action, const QString& login, const QVariantMap& params,
                             const std::vector<SignatureInput>& signatures = {},
                             const QString& reason = {}) const;

    qint64 auditCount() const;
    qint64 count(const QString& table) const;

    void reopen(); // closes and opens the same file again

private:
    void open(std::vector<Module> modules, bool allModules, const QString& policyPath);

    QTemporaryDir dir_;
    std::shared_ptr<class ServerDatabase> server_;
    std::shared_ptr<FixedClock> clock_;
    std::unique_ptr<Services> services_;
    std::vector<Module> extra_;
    bool all_ = true;
    QString policyPath_;
};

// The policy this program ships (the core's with every linked area's fragment), as JSON for
// a test to change and apply.
QJsonObject builtInPolicy();

// Declares a test policy's own clause (a house clause, "TEST-…") so that rules made up for a
// test never cite, and never count for, a clause of the regulations.
void addTestClause(QJsonObject& policy, const QString& id);

// Asserts that an action (or list) was refused by the policy: kind Refused, the rule id and
// the clause as given, the clause named in the English message when there is one, and a
// Chinese message. docs/traceability.md credits a test for a rule only through a call of an
// expectRefused helper that names the rule.
template <typename T>
void expectRefused(const Result<T>& r, const QString& rule, const QString& clause) {
    ASSERT_FALSE(r) << "expected a refusal by " << rule.toStdString();
    EXPECT_EQ(r.error().kind, Error::Kind::Refused) << r.error().message.en.toStdString();
    EXPECT_EQ(r.error().ruleId, rule) << r.error().message.en.toStdString();
    EXPECT_EQ(r.error().clause, clause) << r.error().message.en.toStdString();
    if (!clause.isEmpty()) {
        EXPECT_TRUE(r.error().message.en.contains(clause)) << r.error().message.en.toStdString();
    }
    EXPECT_FALSE(r.error().message.zh.isEmpty());
}

// Asserts that a rule made the action wait for an approval: the request is stored, naming
// the rule and its clause. Credited in docs/traceability.md like expectRefused.
inline void expectWaitsForApproval(const Result<ActionResult>& r, const QString& rule,
                                   const QString& clause) {
    ASSERT_TRUE(r) << r.error().message.en.toStdString();
    EXPECT_EQ(r->status, ActionResult::Status::PendingApproval);
    EXPECT_GT(r->approvalId, 0);
    EXPECT_EQ(r->result.value(QStringLiteral("rule")).toString(), rule);
    EXPECT_EQ(r->result.value(QStringLiteral("clause")).toString(), clause);
}

// Asserts that the dashboard of `login` shows, among the entries of the attention source
// `source`, one that cites `clause` and mentions `mention` (in Chinese or English), and that
// the source is one the person's roles see. docs/traceability.md credits the test for the
// clause (tagged remind) through this call.
void expectReminder(const TestServices& t, const QString& login, const QString& source,
                    const QString& clause, const QString& mention = {});
// Asserts that no entry of `source` on the dashboard of `login` mentions `mention`.
void expectNoReminder(const TestServices& t, const QString& login, const QString& source,
                      const QString& mention);
// Asserts that the list `query`, run as `login`, has a row mentioning every word of `words`:
// the report a clause (tagged report) asks for. Credited in docs/traceability.md.
void expectReport(const TestServices& t, const QString& login, const QString& query,
                  const QVariantMap& params, const QString& clause, const QStringList& words);
// Asserts that a print, read back as text (pdftotext or the document's plain text), shows
// every word of `words`: what a clause tagged print asks to be on paper. Credited in
// docs/traceability.md.
void expectPrinted(const QString& printedText, const QString& clause, const QStringList& words);

// Asserts that every action the audit log names is a registered action, or one of the rows
// the core writes itself: creating the database, adopting a policy, locking an account,
// verifying a backup, and the bus's row for a request waiting for approval.
void expectAuditNamesRegisteredActions(const TestServices& t);

} // namespace fd::testing
