#include "core_fixture.h"

#include <QSqlError>

using namespace fd;
using namespace fd::testing;

namespace {

class AuditChain : public CoreTest {
protected:
    void SetUp() override {
        CoreTest::SetUp();
        for (int i = 1; i <= 6; ++i)
            ASSERT_TRUE(addNote(QStringLiteral("记录 %1").arg(i)));
        rows_ = env_->auditCount();
        exec(QStringLiteral("DROP TRIGGER audit_log_no_update"));
        exec(QStringLiteral("DROP TRIGGER audit_log_no_delete"));
        exec(QStringLiteral("DROP TRIGGER audit_log_gapless"));
    }
    ChainReport verify(const std::optional<AuditHead>& anchor = std::nullopt) {
        auto r = AuditLog::verify(env_->services().database(), anchor);
        EXPECT_TRUE(r);
        return r ? *r : ChainReport{};
    }
    qint64 rows_ = 0;
};

} // namespace

TEST_F(CoreTest, EveryActionWritesExactlyOneAuditRow) {
    const qint64 before = env_->auditCount();
    auto r = addNote(QStringLiteral("一行审计"));
    ASSERT_TRUE(r);
    EXPECT_EQ(env_->auditCount(), before + 1);
    auto rows = AuditLog::rows(db(), QStringLiteral("note"), {}, 10);
    ASSERT_TRUE(rows);
    ASSERT_FALSE(rows->isEmpty());
    const AuditRow& row = rows->first();
    EXPECT_EQ(row.seq, r->auditSeq);
    EXPECT_EQ(row.entry.actor, QStringLiteral("clerk1"));
    EXPECT_EQ(row.entry.action, QStringLiteral("note.add"));
    EXPECT_EQ(row.entry.newValues.value(QStringLiteral("text")).toString(),
              QStringLiteral("一行审计"));
    EXPECT_EQ(row.entry.policyVersion, env_->services().policy().version());
    EXPECT_TRUE(row.entry.rules.contains(QStringLiteral("note-no-forbidden-word")));
    EXPECT_EQ(row.at, env_->clock().nowUtc());
}

TEST_F(CoreTest, AuditRowsCannotBeUpdatedOrDeleted) {
    ASSERT_TRUE(addNote(QStringLiteral("不可改")));
    QSqlQuery q(db());
    EXPECT_FALSE(q.exec(QStringLiteral("UPDATE audit_log SET actor = 'x' WHERE seq = 1")));
    EXPECT_TRUE(q.lastError().text().contains(QStringLiteral("append-only")));
    EXPECT_FALSE(q.exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 1")));
    EXPECT_FALSE(
        q.exec(QStringLiteral("INSERT INTO audit_log VALUES (999, '', '', '', '', '', '{}', "
                              "'{}', '', '', '', '', '')")));
}

TEST_F(AuditChain, AnUntouchedChainVerifies) {
    const ChainReport r = verify();
    EXPECT_TRUE(r.ok) << r.problem.toStdString();
    EXPECT_EQ(r.rows, rows_);
}

TEST_F(AuditChain, AChangedValueIsCaughtAtItsRow) {
    exec(QStringLiteral("UPDATE audit_log SET new_values = '{\"text\":\"改过\"}' WHERE seq = 7"));
    const ChainReport r = verify();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.firstBrokenSeq, 7);
}

TEST_F(AuditChain, ADeletedRowIsCaughtAtItsSequenceNumber) {
    exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 6"));
    const ChainReport r = verify();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.firstBrokenSeq, 6);
}

TEST_F(AuditChain, AnInsertedRowIsCaught) {
    // Make room at 5 by shifting later rows up, then insert a forged row there.
    exec(QStringLiteral("UPDATE audit_log SET seq = seq + 100 WHERE seq >= 5"));
    exec(QStringLiteral("UPDATE audit_log SET seq = seq - 99 WHERE seq >= 105"));
    exec(QStringLiteral(
        "INSERT INTO audit_log SELECT 5, at_utc, 'intruder', action, entity, entity_id, "
        "old_values, new_values, reason, policy_version, rules, prev_hash, row_hash "
        "FROM audit_log WHERE seq = 4"));
    const ChainReport r = verify();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.firstBrokenSeq, 5);
}

TEST_F(AuditChain, ReorderedRowsAreCaught) {
    exec(QStringLiteral("UPDATE audit_log SET seq = -1 WHERE seq = 8"));
    exec(QStringLiteral("UPDATE audit_log SET seq = 8 WHERE seq = 9"));
    exec(QStringLiteral("UPDATE audit_log SET seq = 9 WHERE seq = -1"));
    const ChainReport r = verify();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.firstBrokenSeq, 8);
}

TEST_F(AuditChain, ATruncatedChainIsCaughtAgainstThePrintedAnchor) {
    auto head = AuditLog::head(db());
    ASSERT_TRUE(head);
    exec(QStringLiteral("DELETE FROM audit_log WHERE seq > %1").arg(head->seq - 2));
    EXPECT_TRUE(verify().ok); // what is left is a valid chain on its own...
    const ChainReport r = verify(*head);
    EXPECT_FALSE(r.ok); // ...but it no longer holds the row printed on paper
    EXPECT_EQ(r.firstBrokenSeq, head->seq);
}

TEST_F(AuditChain, ARecomputedChainIsCaughtAgainstThePrintedAnchor) {
    auto head = AuditLog::head(db());
    ASSERT_TRUE(head);
    // Rewrite row 5 and recompute every hash after it, as a forger with the code would.
    auto rows = AuditLog::rows(db(), {}, {}, 100000);
    ASSERT_TRUE(rows);
    std::vector<AuditRow> ordered(rows->rbegin(), rows->rend());
    QString prev = AuditLog::kGenesisHash;
    for (AuditRow& row : ordered) {
        if (row.seq == 5)
            row.entry.actor = QStringLiteral("forger");
        const QString hash = AuditLog::rowHash(row.seq, toStorage(row.at), row.entry, prev);
        QSqlQuery q(db());
        q.prepare(QStringLiteral(
            "UPDATE audit_log SET actor = ?, prev_hash = ?, row_hash = ? WHERE seq = ?"));
        q.addBindValue(row.entry.actor);
        q.addBindValue(prev);
        q.addBindValue(hash);
        q.addBindValue(row.seq);
        ASSERT_TRUE(q.exec());
        prev = hash;
    }
    EXPECT_TRUE(verify().ok); // self-consistent...
    const ChainReport r = verify(*head);
    EXPECT_FALSE(r.ok); // ...but not the chain whose head was printed
    EXPECT_EQ(r.firstBrokenSeq, head->seq);
}

TEST(AuditHeadText, ParsesWhatItPrints) {
    const AuditHead head{42, QString(64, QLatin1Char('a'))};
    auto parsed = AuditHead::parse(head.text());
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->seq, 42);
    EXPECT_EQ(parsed->hash, head.hash);
    EXPECT_FALSE(AuditHead::parse(QStringLiteral("42:abc")));
    EXPECT_FALSE(AuditHead::parse(QStringLiteral("x:") + head.hash));
}
