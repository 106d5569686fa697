// docs/traceability.md is generated from the policy file and the test sources: for every
// clause the catalogue tags "rule", the policy rules citing it and the tests naming those
// rules. This test fails when the document is stale or a rule has no test; run it with
// FD_UPDATE_TRACEABILITY=1 to rewrite the document.
#include "rules/policy.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <gtest/gtest.h>

using namespace fd;

namespace {

const QString kSourceDir = QStringLiteral(FD_SOURCE_DIR);

// rule id -> "Suite.Name" of every test that asserts the rule's decision: a test is credited
// only where an assertion helper (expectRefused, expectLoanRefused, ..., or
// expectWaitsForApproval for a rule that asks for an approval; each checks the rule id and the
// clause) names the rule id in quotes among its arguments. Mentioning the id elsewhere
// (listing rules, a comment) does not count.
QMap<QString, QStringList> testsNaming(const QStringList& ids,
                                       const QRegularExpression& assertion) {
    QMap<QString, QStringList> out;
    static const QRegularExpression testHead(
        QStringLiteral("^\\s*TEST(?:_F|_P)?\\(\\s*(\\w+)\\s*,\\s*(\\w+)\\s*\\)"),
        QRegularExpression::MultilineOption);
    static const QRegularExpression quoted(QStringLiteral("\"([^\"\\\\\n]+)\""));
    QDirIterator it(kSourceDir + QStringLiteral("/tests"), {QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromUtf8(f.readAll());
        // Each test's body runs from its TEST line to the next one.
        QList<std::pair<qsizetype, QString>> heads;
        for (auto m = testHead.globalMatch(text); m.hasNext();) {
            const auto h = m.next();
            heads.push_back({h.capturedStart(), h.captured(1) + QLatin1Char('.') + h.captured(2)});
        }
        for (qsizetype i = 0; i < heads.size(); ++i) {
            const qsizetype end = i + 1 < heads.size() ? heads[i + 1].first : text.size();
            const QString body = text.mid(heads[i].first, end - heads[i].first);
            const QString& name = heads[i].second;
            for (auto call = assertion.globalMatch(body); call.hasNext();) {
                const auto c = call.next();
                const qsizetype at = c.capturedEnd() - 1; // the opening parenthesis
                // The call's arguments: up to the matching parenthesis.
                qsizetype depth = 0;
                qsizetype close = at;
                for (qsizetype k = at; k < body.size(); ++k) {
                    if (body[k] == QLatin1Char('('))
                        ++depth;
                    else if (body[k] == QLatin1Char(')') && --depth == 0) {
                        close = k;
                        break;
                    }
                }
                const QString args = body.mid(at, close - at);
                for (auto q = quoted.globalMatch(args); q.hasNext();) {
                    const QString id = q.next().captured(1);
                    if (ids.contains(id) && !out[id].contains(name))
                        out[id] << name;
                }
            }
        }
    }
    for (auto& names : out)
        names.sort();
    return out;
}

// Rules: expectRefused and its kin, or expectWaitsForApproval, naming the rule id.
QMap<QString, QStringList> testsNamingRules(const QStringList& ruleIds) {
    static const QRegularExpression assertion(
        QStringLiteral("\\bexpect\\w*(?:Refused|WaitsForApproval)\\("));
    return testsNaming(ruleIds, assertion);
}

// Reminders, reports and prints: expectReminder, expectReport or expectPrinted naming the
// clause.
QMap<QString, QStringList> testsNamingClauses(const QStringList& clauses) {
    static const QRegularExpression assertion(
        QStringLiteral("\\bexpect(?:Reminder|Report|Printed)\\("));
    return testsNaming(clauses, assertion);
}

const QStringList kShownTags{QStringLiteral("remind"), QStringLiteral("report"),
                             QStringLiteral("print")};

QStringList shownClauses() {
    QStringList out;
    for (const QString& clause : Policy::knownClauses())
        for (const QString& tag : Policy::clauseTags(clause))
            if (kShownTags.contains(tag) && !out.contains(clause))
                out << clause;
    return out;
}

QString cell(const QStringList& items) {
    return items.isEmpty() ? QStringLiteral("—") : items.join(QStringLiteral("<br>"));
}

QString generate(const Policy& policy, const QMap<QString, QStringList>& tests,
                 const QMap<QString, QStringList>& shown) {
    QString md;
    md += QStringLiteral("# Traceability: clause → rule → test\n\n");
    md += QStringLiteral(
        "Generated from the shipped policy (`resources/policy/core.json` and each area's "
        "`resources/policy/<area>.json`) and the test sources by "
        "`FD_UPDATE_TRACEABILITY=1 build/dev/tests/core/fd_traceability_test`; the suite fails "
        "when this page is stale or when a rule has no test asserting its decision. A test counts "
        "for a rule only where an assertion helper (`expectRefused(...)` and its kin, or "
        "`expectWaitsForApproval(...)`), which checks the rule id and the clause, names the "
        "rule.\n\n");
    md += QStringLiteral("## Clauses the software enforces (tagged **rule**)\n\n");
    md += QStringLiteral("| Clause | Rules | Tests |\n|---|---|---|\n");
    int enforced = 0;
    int ruleClauses = 0;
    for (const QString& clause : Policy::knownClauses()) {
        if (!Policy::clauseTags(clause).contains(QStringLiteral("rule")))
            continue;
        ++ruleClauses;
        QStringList rules;
        QStringList clauseTests;
        for (const RuleDef& r : policy.rules()) {
            if (!r.clauses.contains(clause))
                continue;
            rules << QStringLiteral("`%1`").arg(r.id);
            for (const QString& t : tests.value(r.id))
                if (!clauseTests.contains(t))
                    clauseTests << t;
        }
        if (!rules.isEmpty())
            ++enforced;
        md += QStringLiteral("| %1 | %2 | %3 |\n")
                  .arg(clause,
                       rules.isEmpty() ? QStringLiteral("not enforced yet")
                                       : rules.join(QStringLiteral("<br>")),
                       cell(clauseTests));
    }
    md += QStringLiteral("\n%1 of %2 clauses tagged **rule** have a policy rule.\n\n")
              .arg(enforced)
              .arg(ruleClauses);
    md += QStringLiteral("## Clauses the software reminds of, reports or prints\n\n");
    md += QStringLiteral(
        "A test counts for a clause here only where `expectReminder(...)` (the entry on the "
        "dashboard of the person the clause names, citing the clause), `expectReport(...)` (a "
        "row of the list) or `expectPrinted(...)` (the words on the printed page) names it.\n\n");
    md += QStringLiteral("| Clause | Tags | Tests |\n|---|---|---|\n");
    int shownTested = 0;
    const QStringList shownIds = shownClauses();
    for (const QString& clause : shownIds) {
        QStringList tags;
        for (const QString& tag : Policy::clauseTags(clause))
            if (kShownTags.contains(tag))
                tags << tag;
        if (!shown.value(clause).isEmpty())
            ++shownTested;
        md += QStringLiteral("| %1 | %2 | %3 |\n")
                  .arg(clause, tags.join(QStringLiteral(", ")), cell(shown.value(clause)));
    }
    md += QStringLiteral("\n%1 of %2 clauses tagged **remind**, **report** or **print** have a "
                         "test.\n\n")
              .arg(shownTested)
              .arg(shownIds.size());
    md += QStringLiteral("## Every rule of the policy\n\n");
    md += QStringLiteral("| Rule | Clauses | Actions | Check | Tests |\n|---|---|---|---|---|\n");
    for (const RuleDef& r : policy.rules())
        md += QStringLiteral("| `%1` | %2 | %3 | `%4` | %5 |\n")
                  .arg(r.id, r.clauses.join(QStringLiteral(", ")),
                       r.actions.join(QStringLiteral(", ")), r.check, cell(tests.value(r.id)));
    return md;
}

} // namespace

TEST(Traceability, EveryRuleOfThePolicyHasATestAssertingItsRefusal) {
    auto policy = Policy::builtIn();
    ASSERT_TRUE(policy);
    QStringList ids;
    for (const RuleDef& r : policy->rules())
        ids << r.id;
    const auto tests = testsNamingRules(ids);
    for (const QString& id : ids)
        EXPECT_FALSE(tests.value(id).isEmpty())
            << "rule " << id.toStdString() << " has no test asserting its refusal (expectRefused)";
}

TEST(Traceability, TheTraceabilityDocumentIsUpToDate) {
    auto policy = Policy::builtIn();
    ASSERT_TRUE(policy);
    QStringList ids;
    for (const RuleDef& r : policy->rules())
        ids << r.id;
    const QString expected =
        generate(*policy, testsNamingRules(ids), testsNamingClauses(shownClauses()));
    const QString path = kSourceDir + QStringLiteral("/docs/traceability.md");
    if (qEnvironmentVariableIsSet("FD_UPDATE_TRACEABILITY")) {
        QFile out(path);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(expected.toUtf8());
        return;
    }
    QFile in(path);
    ASSERT_TRUE(in.open(QIODevice::ReadOnly)) << "missing " << path.toStdString();
    EXPECT_TRUE(QString::fromUtf8(in.readAll()) == expected)
        << "docs/traceability.md is stale: run FD_UPDATE_TRACEABILITY=1 "
           "build/dev/tests/core/fd_traceability_test";
}
