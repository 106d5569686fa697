// Every paper form the areas register, printed from the demo database through the code the
// desktop program and `frontdeskctl print` share: the PDF's text layer, read by pdftotext,
// holds the form's title, every character of its fields and tables, its room codes and
// dates as printed, and the audit anchor; the Chinese form shows no stored code where a word
// belongs; and each print leaves its audit row.
#include "audit/audit_log.h"
#include "db/sql.h"
#include "output/output.h"
#include "seeded_demo.h"
#include "services/services.h"
#include "tool_output.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace fd;

namespace {

// A working Tuesday afternoon; the demo tells the same story at any hour.
QDateTime present() {
    return QDateTime(QDate(2026, 3, 3), QTime(15, 0), Clock::officeZone()).toUTC();
}

QString scalar(const fd::testing::SeededDemo& demo, const QString& sql) {
    auto q = sql::exec(demo.db(), sql);
    EXPECT_TRUE(q) << sql.toStdString();
    return q && q->next() ? q->value(0).toString() : QString();
}

QDate officeToday(const fd::testing::SeededDemo& demo) {
    return demo.services().clock().nowUtc().toTimeZone(Clock::officeZone()).date();
}

SignatureInput demoSignature(const QString& meaning, const QString& login) {
    return {meaning, login, QStringLiteral("demo1234")};
}

// A disposal list approved by the general manager (R4-1.7) for the first volume past its
// retention: the demo's archive has none of its own.
QString approvedDisposal(const fd::testing::SeededDemo& demo) {
    const Services& s = demo.services();
    const Actor keeper = demo.actor(QStringLiteral("zhaomin"));
    const QString volume = scalar(
        demo, QStringLiteral("SELECT number FROM archive_volumes WHERE status = 'active' AND "
                             "eligible_on <= '%1' ORDER BY eligible_on, number LIMIT 1")
                  .arg(officeToday(demo).toString(Qt::ISODate)));
    auto proposed = s.bus().execute(
        {QStringLiteral("archive.propose_destruction"),
         {{QStringLiteral("volumes"), volume}, {QStringLiteral("method"), QStringLiteral("shred")}},
         keeper,
         {},
         {}});
    EXPECT_TRUE(proposed) << (proposed ? "" : proposed.error().message.en.toStdString());
    if (!proposed)
        return {};
    const QString gm = QStringLiteral("xujianguo");
    auto approved = s.bus().execute({QStringLiteral("approval.approve"),
                                     {{QStringLiteral("id"), proposed->approvalId}},
                                     demo.actor(gm),
                                     {demoSignature(QStringLiteral("approver"), gm)},
                                     {}});
    EXPECT_TRUE(approved) << (approved ? "" : approved.error().message.en.toStdString());
    if (!approved)
        return {};
    return QString::number(approved->result.value(QStringLiteral("executed"))
                               .toObject()
                               .value(QStringLiteral("disposal_id"))
                               .toInteger());
}

// The record each form is printed for, as found in the demo.
QString recordFor(const fd::testing::SeededDemo& demo, const QString& form) {
    const QDate today = officeToday(demo);
    if (form == QStringLiteral("handover-sheet"))
        return scalar(demo, QStringLiteral("SELECT max(id) FROM handover_sheets WHERE "
                                           "status = 'completed'"));
    if (form == QStringLiteral("front-desk-log"))
        return today.toString(Qt::ISODate);
    if (form == QStringLiteral("duty-record"))
        return scalar(demo, QStringLiteral("SELECT min(id) FROM duty_records"));
    if (form == QStringLiteral("incident-report"))
        return scalar(demo, QStringLiteral("SELECT min(id) FROM duty_incidents"));
    if (form == QStringLiteral("exceptions-report"))
        return today.toString(QStringLiteral("yyyy-MM"));
    if (form == QStringLiteral("loan-slip") || form == QStringLiteral("reminder-slip"))
        return scalar(demo, QStringLiteral("SELECT min(id) FROM archive_loans"));
    if (form == QStringLiteral("disposal-certificate"))
        return approvedDisposal(demo);
    if (form == QStringLiteral("volume-catalogue"))
        return QStringLiteral("0");
    if (form == QStringLiteral("in-volume-list"))
        return scalar(demo, QStringLiteral("SELECT v.number FROM archive_volumes v WHERE EXISTS "
                                           "(SELECT 1 FROM archive_items i WHERE i.volume_id = "
                                           "v.id) ORDER BY v.id LIMIT 1"));
    if (form == QStringLiteral("general-catalogue"))
        return QStringLiteral("all");
    if (form == QStringLiteral("key-register"))
        return QStringLiteral("all");
    if (form == QStringLiteral("key-deposit"))
        return scalar(demo, QStringLiteral("SELECT min(id) FROM key_deposits"));
    if (form == QStringLiteral("key-loan-slip"))
        return scalar(demo, QStringLiteral("SELECT min(id) FROM key_loans"));
    if (form == QStringLiteral("key-history"))
        return scalar(demo, QStringLiteral("SELECT tag FROM key_items ORDER BY id LIMIT 1"));
    return {};
}

// Every character, counted, without the spaces a layout adds or removes.
QMap<QChar, int> characters(const QString& text) {
    QMap<QChar, int> out;
    for (const QChar c : text)
        if (!c.isSpace())
            ++out[c];
    return out;
}

// What the document gives the printer to write: title, fields, tables, signature lines.
QStringList wordsOf(const PrintDocument& doc) {
    QStringList out{doc.title};
    for (const PrintField& f : doc.fields)
        out << f.label << f.value;
    for (const PrintTable& t : doc.tables) {
        out << t.title << t.headers;
        for (const QStringList& row : t.rows)
            out << row;
    }
    for (const PrintSignature& s : doc.signatures)
        out << s.meaning << s.signer;
    return out;
}

} // namespace

TEST(FormPrint, EveryRegisteredFormPrintsEveryCharacterItsRoomCodesAndTheAuditAnchor) {
    fd::testing::SeededDemo demo(present());
    ASSERT_TRUE(demo.seed());
    const Services& s = demo.services();
    const Actor admin = demo.actor(QStringLiteral("admin"));
    QTemporaryDir dir;
    const QRegularExpression roomCode(QStringLiteral("\\b[A-Z][A-Z0-9]*(-[0-9]+)+\\b"));
    const QRegularExpression storedCode(QStringLiteral("^[a-z]+(_[a-z]+)*$"));
    const QList<const FormDef*> forms = s.forms().all();
    ASSERT_GE(forms.size(), 11);
    for (const FormDef* form : forms) {
        SCOPED_TRACE(form->name.toStdString());
        const QString record = recordFor(demo, form->name);
        ASSERT_FALSE(record.isEmpty()) << "the test prints every registered form: give "
                                       << form->name.toStdString() << " a record";
        auto doc = formDocument(s, admin, form->name, record, true);
        ASSERT_TRUE(doc) << doc.error().message.en.toStdString();
        const QStringList words = wordsOf(*doc);
        for (const QString& w : words)
            EXPECT_FALSE(storedCode.match(w).hasMatch())
                << "a stored code in the Chinese form: " << w.toStdString();

        const auto before = AuditLog::head(s.database().connection());
        ASSERT_TRUE(before);
        const QString path = dir.filePath(form->name + QStringLiteral(".pdf"));
        auto printed = printDocument(s, admin, *doc, form->name, record, path);
        ASSERT_TRUE(printed) << printed.error().message.en.toStdString();
        EXPECT_GE(printed->pages, 1);
        EXPECT_EQ(AuditLog::head(s.database().connection())->seq, before->seq + 1);

        const QString text = fd::testing::pdfText(path);
        EXPECT_TRUE(text.contains(doc->title)) << text.toStdString();
        ASSERT_FALSE(doc->auditHead.isEmpty());
        EXPECT_TRUE(text.contains(doc->auditHead)) << doc->auditHead.toStdString();
        // Room codes, numbers and dates stay whole where they are short enough not to wrap.
        for (const QString& w : words) {
            for (auto it = roomCode.globalMatch(w); it.hasNext();) {
                const QString code = it.next().captured();
                EXPECT_TRUE(text.contains(code)) << code.toStdString();
            }
        }
        for (const PrintField& f : doc->fields) {
            if (f.value.size() <= 16) {
                EXPECT_TRUE(text.contains(f.value))
                    << f.label.toStdString() << ": " << f.value.toStdString();
            }
        }
        // Every character of the content is in the text layer, as often as it was given.
        const QMap<QChar, int> have = characters(text);
        for (const auto& [c, n] : characters(words.join(QString())).asKeyValueRange())
            EXPECT_GE(have.value(c), n) << "character " << QString(c).toStdString();
    }
}
