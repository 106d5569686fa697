// The audit chain read from PostgreSQL COPY text, as pg_restore --data-only prints the audit
// table of a pg_dump archive: the same walk as AuditLog::verify, on crafted texts (escapes,
// NULL, rows out of order, a changed row, a missing row, a damaged block), and the names of
// the daily copies of both engines under the retention rule. No server needed.
#include "audit/audit_log.h"
#include "db/backup_schedule.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace fd;

namespace {

const QByteArray kHeader =
    "--\n-- PostgreSQL database dump\n--\n\nSET client_encoding = 'UTF8';\n\n"
    "--\n-- Data for Name: audit_log; Type: TABLE DATA; Schema: public; Owner: frontdesk\n--\n\n"
    "COPY public.audit_log (seq, at_utc, actor, action, entity, entity_id, old_values, "
    "new_values, reason, policy_version, rules, prev_hash, row_hash) FROM stdin;\n";
const QByteArray kFooter = "\\.\n\n\n--\n-- PostgreSQL database dump complete\n--\n\n";

// COPY's text form of one value: backslash, tab, newline and carriage return escaped.
QByteArray copyField(const QString& value) {
    QByteArray out;
    for (const char c : value.toUtf8()) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            out += c;
        }
    }
    return out;
}

struct Row {
    qint64 seq;
    QString at;
    AuditEntry entry;
    QString prev;
    QString hash;
};

// A chain of `n` rows whose values need every escape COPY writes.
std::vector<Row> chainOf(int n) {
    std::vector<Row> rows;
    QString prev = AuditLog::kGenesisHash;
    for (int i = 1; i <= n; ++i) {
        Row r;
        r.seq = i;
        r.at = QStringLiteral("2026-03-02T01:%1:00.000Z").arg(i % 60, 2, 10, QLatin1Char('0'));
        r.entry = AuditEntry{
            QStringLiteral("admin"),
            QStringLiteral("note.add"),
            QStringLiteral("note"),
            QString::number(i),
            {},
            {{QStringLiteral("text"), QStringLiteral("交接\t第%1行\n换行 C:\\temp\\ \r").arg(i)}},
            i % 2 == 0 ? QStringLiteral("原因 \\N 不是空值") : QString(),
            QStringLiteral("2026.1"),
            {QStringLiteral("R-1"), QStringLiteral("R-2")}};
        r.prev = prev;
        r.hash = AuditLog::rowHash(r.seq, r.at, r.entry, r.prev);
        prev = r.hash;
        rows.push_back(r);
    }
    return rows;
}

QByteArray lineOf(const Row& r) {
    const QJsonObject& o = r.entry.oldValues;
    const QJsonObject& n = r.entry.newValues;
    const QStringList fields{QString::number(r.seq),
                             r.at,
                             r.entry.actor,
                             r.entry.action,
                             r.entry.entity,
                             r.entry.entityId,
                             QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)),
                             QString::fromUtf8(QJsonDocument(n).toJson(QJsonDocument::Compact)),
                             r.entry.reason,
                             r.entry.policyVersion,
                             r.entry.rules.join(QLatin1Char(',')),
                             r.prev,
                             r.hash};
    QByteArray line;
    for (const QString& f : fields) {
        if (!line.isEmpty())
            line += '\t';
        line += copyField(f);
    }
    return line + '\n';
}

QByteArray copyText(const std::vector<Row>& rows) {
    QByteArray text = kHeader;
    for (const Row& r : rows)
        text += lineOf(r);
    return text + kFooter;
}

} // namespace

TEST(CopyTextChain, AnIntactChainVerifiesWithItsRowsAndHead) {
    const auto rows = chainOf(5);
    auto report = AuditLog::verifyCopyText(copyText(rows));
    ASSERT_TRUE(report) << report.error().message.en.toStdString();
    EXPECT_TRUE(report->ok) << report->problem.toStdString();
    EXPECT_EQ(report->rows, 5);
    EXPECT_EQ(report->head.text(), QStringLiteral("5:%1").arg(rows.back().hash));
    // With the head printed on paper as an anchor, too.
    auto anchored = AuditLog::verifyCopyText(copyText(rows), AuditHead{3, rows[2].hash});
    ASSERT_TRUE(anchored);
    EXPECT_TRUE(anchored->ok);
}

TEST(CopyTextChain, AnEmptyTableIsAnEmptyChainAtTheGenesisHash) {
    auto report = AuditLog::verifyCopyText(kHeader + kFooter);
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->ok);
    EXPECT_EQ(report->rows, 0);
    EXPECT_EQ(report->head.text(), QStringLiteral("0:%1").arg(AuditLog::kGenesisHash));
}

TEST(CopyTextChain, RowsAreWalkedInSequenceOrderWhateverTheirOrderInTheDump) {
    auto rows = chainOf(4);
    std::swap(rows[1], rows[3]);
    auto report = AuditLog::verifyCopyText(copyText(rows));
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->ok) << report->problem.toStdString();
    EXPECT_EQ(report->rows, 4);
}

TEST(CopyTextChain, AChangedRowIsReportedWithItsSequenceNumber) {
    auto rows = chainOf(6);
    rows[3].entry.actor = QStringLiteral("mallory"); // seq 4, its stored hash unchanged
    auto report = AuditLog::verifyCopyText(copyText(rows));
    ASSERT_TRUE(report);
    EXPECT_FALSE(report->ok);
    EXPECT_EQ(report->firstBrokenSeq, 4);
    EXPECT_EQ(report->rows, 3);
    EXPECT_EQ(report->problem, QStringLiteral("row content does not match its hash"));
}

TEST(CopyTextChain, AnEscapeReadWronglyWouldBreakTheChain) {
    // The same row with its tab written raw instead of \t: one field too many, unreadable.
    auto rows = chainOf(2);
    QByteArray text = copyText(rows);
    const qsizetype at = text.indexOf("\\t第2行");
    ASSERT_GT(at, 0);
    text.replace(at, 2, "\t");
    EXPECT_FALSE(AuditLog::verifyCopyText(text));
    // A \N field reads as empty, as a query's NULL does: a reason of NULL hashes as "".
    auto nullRows = chainOf(1);
    QByteArray withNull = copyText(nullRows);
    const QByteArray line = lineOf(nullRows[0]);
    QList<QByteArray> fields = line.chopped(1).split('\t');
    ASSERT_EQ(fields.size(), 13);
    ASSERT_TRUE(fields[8].isEmpty()); // the reason of row 1
    fields[8] = "\\N";
    withNull.replace(line, QByteArray(fields.join('\t') + '\n'));
    auto report = AuditLog::verifyCopyText(withNull);
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->ok) << report->problem.toStdString();
    // Octal and hex escapes stand for their byte.
    QList<QByteArray> escaped = line.chopped(1).split('\t');
    escaped[2] = "\\141d\\x6din"; // "admin"
    QByteArray octal = copyText(nullRows);
    octal.replace(line, QByteArray(escaped.join('\t') + '\n'));
    auto decoded = AuditLog::verifyCopyText(octal);
    ASSERT_TRUE(decoded);
    EXPECT_TRUE(decoded->ok) << decoded->problem.toStdString();
}

TEST(CopyTextChain, AMissingRowIsReportedWithItsSequenceNumber) {
    auto rows = chainOf(5);
    rows.erase(rows.begin() + 2); // seq 3
    auto report = AuditLog::verifyCopyText(copyText(rows));
    ASSERT_TRUE(report);
    EXPECT_FALSE(report->ok);
    EXPECT_EQ(report->firstBrokenSeq, 3);
    EXPECT_EQ(report->problem, QStringLiteral("row 3 is missing"));
}

TEST(CopyTextChain, TextWithoutTheAuditBlockOrItsEndIsUnreadable) {
    auto none = AuditLog::verifyCopyText("COPY public.users (id, login) FROM stdin;\n1\ta\n\\.\n");
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().kind, Error::Kind::Integrity);
    EXPECT_TRUE(none.error().message.en.contains(QStringLiteral("no data of the audit table")));
    EXPECT_FALSE(none.error().message.zh.isEmpty());
    QByteArray cut = copyText(chainOf(3));
    cut.truncate(cut.indexOf("\\."));
    auto unfinished = AuditLog::verifyCopyText(cut);
    ASSERT_FALSE(unfinished);
    EXPECT_TRUE(unfinished.error().message.en.contains(QStringLiteral("end marker")));
}

TEST(CopyTextChain, ColumnsAreFoundByNameInAnyOrder) {
    const auto rows = chainOf(2);
    QByteArray text = copyText(rows);
    // seq moved to the end of the header and of every line.
    text.replace("(seq, at_utc,", "(at_utc,");
    text.replace("row_hash) FROM", "row_hash, seq) FROM");
    for (const Row& r : rows) {
        const QByteArray line = lineOf(r);
        const qsizetype tab = line.indexOf('\t');
        text.replace(line, QByteArray(line.mid(tab + 1).chopped(1) + '\t' + line.left(tab) + '\n'));
    }
    auto report = AuditLog::verifyCopyText(text);
    ASSERT_TRUE(report) << report.error().message.en.toStdString();
    EXPECT_TRUE(report->ok) << report->problem.toStdString();
    EXPECT_EQ(report->rows, 2);
    QByteArray noHash = copyText(rows);
    noHash.replace(", row_hash)", ")");
    EXPECT_FALSE(AuditLog::verifyCopyText(noHash));
}

TEST(BackupNames, AServerDatabasesDailyCopyIsADumpAndRetentionCountsBothKinds) {
    EXPECT_EQ(backups::fileNameFor(QDate(2026, 3, 2), Dialect::PostgreSQL),
              QStringLiteral("frontdesk-2026-03-02.dump"));
    EXPECT_EQ(backups::fileNameFor(QDate(2026, 3, 2)), QStringLiteral("frontdesk-2026-03-02.db"));
    EXPECT_EQ(backups::dayOfFileName(QStringLiteral("frontdesk-2026-03-02.dump")),
              QDate(2026, 3, 2));
    EXPECT_FALSE(backups::dayOfFileName(QStringLiteral("frontdesk-2026-03-02.dump.part")));
    EXPECT_FALSE(backups::dayOfFileName(QStringLiteral("frontdesk-2026-03-02.sql")));

    // An office that moved to the server in mid-February: .db copies before, .dump after.
    QStringList names;
    for (QDate d(2026, 1, 1); d <= QDate(2026, 2, 14); d = d.addDays(1))
        names << backups::fileNameFor(d);
    for (QDate d(2026, 2, 15); d <= QDate(2026, 3, 31); d = d.addDays(1))
        names << backups::fileNameFor(d, Dialect::PostgreSQL);
    names << QStringLiteral("notes.txt");
    const auto plan = backups::planRetention(names, QDate(2026, 3, 31));
    // 30 daily (Mar 2..31) plus the newest of February (a dump) and of January (a file).
    ASSERT_EQ(plan.keep.size(), 32);
    EXPECT_EQ(plan.keep.first(), QStringLiteral("frontdesk-2026-03-31.dump"));
    EXPECT_TRUE(plan.keep.contains(QStringLiteral("frontdesk-2026-02-28.dump")));
    EXPECT_TRUE(plan.keep.contains(QStringLiteral("frontdesk-2026-01-31.db")));
    EXPECT_EQ(plan.remove.first(), QStringLiteral("frontdesk-2026-01-01.db"));
    EXPECT_EQ(plan.remove.size(), names.size() - 1 - 32);
    EXPECT_FALSE(plan.remove.contains(QStringLiteral("notes.txt")));
}
