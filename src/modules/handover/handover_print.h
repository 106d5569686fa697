#pragma once

#include "output/print_document.h"
#include "util/error.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QStringList>

namespace fd {
class Services;
}

namespace fd::handover {

struct LiftedBlocker;

// Printable content as data: the page lays it out like the paper form. Phones are masked.
// A value that is a stored code (a status, a severity, a mail kind) is printed as its word
// from the document's labels, in the reader's language, never as the code.
struct PrintField {
    Text label;
    QString value;
    bool code = false;
};

struct PrintTable {
    Text title;
    QList<Text> columns;
    QList<QStringList> rows;
    QList<int> codeColumns; // columns whose cells are codes
};

struct PrintSignature {
    Text meaning; // 交班人 / 接班人 / 值班人 ...
    QString signer;
    QString signedAt; // office time, "yyyy-MM-dd HH:mm"
    bool valid = true;
};

struct PrintDocument {
    Text title;
    Text office;
    QList<PrintField> fields;
    QList<PrintTable> tables;
    QList<PrintSignature> signatures;
    QList<Text> notes;          // override and addenda
    QString auditHead;          // "SEQ:HASH", for verifying the chain from paper
    QMap<QString, Text> labels; // how the codes read
};

// 交接班记录: one sheet with its matters, instructions, checklist, mail and signatures.
Result<PrintDocument> handoverSheetDocument(const Services& services, qint64 sheetId);
// 《前台交接日志》(R6-8): every front-desk sheet of a day.
Result<PrintDocument> frontDeskLogDocument(const Services& services, const QDate& day);
// 值班记录表 (R8-1.3) with inspections, lighting checks and incidents.
Result<PrintDocument> dutyRecordDocument(const Services& services, qint64 dutyId);
// The written report of an incident (R8-1.6).
Result<PrintDocument> incidentReportDocument(const Services& services, qint64 incidentId);

// The monthly report of supervisors' exceptions to the handover blockers (特批, R2-2.4)
// for the CS manager. `month` is "yyyy-MM"; a bad month is bad input naming "month".
Result<PrintDocument> exceptionsReportDocument(const Services& services, const QString& month);
// What an exception lifted, in words: each rule's message with the items it listed.
Text liftedText(const Services& services, const QList<LiftedBlocker>& lifted);
// The UTC bounds [from, to) of an office month "yyyy-MM"; bad input naming "month".
Result<std::pair<QDateTime, QDateTime>> officeMonth(const QString& month);

// The content as the paper form in the reader's language: every code as its word, the
// overrides and addenda as a table of notes, a signature that no longer matches marked.
fd::PrintDocument paperForm(const PrintDocument& content, bool chinese);
// The forms above in the form registry (frontdeskctl print, the desktop's PDF buttons):
// handover-sheet, front-desk-log, duty-record, incident-report, exceptions-report.
void registerForms(Services& services);

// Office time for paper: "yyyy-MM-dd HH:mm".
QString officeTime(const QString& storedUtc);

} // namespace fd::handover
