#include "pages/handover/handover_print_mapping.h"

#include "handover/handover_print.h"
#include "print/form_printer.h"
#include "session.h"

#include <QCoreApplication>

namespace fd::gui {

PrintDocument toPrintDocument(const handover::PrintDocument& content, const Session& session) {
    PrintDocument doc;
    doc.officeName = display(content.office);
    doc.title = display(content.title);
    // A code reads as its word in the reader's language; an unknown code stays as stored.
    auto word = [&content](const QString& code) {
        const auto it = content.labels.constFind(code);
        return it == content.labels.cend() ? code : display(*it);
    };
    for (const handover::PrintField& f : content.fields)
        doc.fields.push_back({display(f.label), f.code ? word(f.value) : f.value});
    for (const handover::PrintTable& t : content.tables) {
        PrintTable table;
        table.title = display(t.title);
        for (const Text& c : t.columns)
            table.headers << display(c);
        table.rows = t.rows;
        for (QStringList& row : table.rows)
            for (int c : t.codeColumns)
                if (c < row.size())
                    row[c] = word(row[c]);
        doc.tables.push_back(std::move(table));
    }
    // Overrides and addenda are printed as a table of their own, after the sheet's content.
    if (!content.notes.isEmpty()) {
        PrintTable notes;
        notes.title = QCoreApplication::translate("fd::gui::HandoverPrint", "Notes");
        notes.headers << QCoreApplication::translate("fd::gui::HandoverPrint", "Note");
        for (const Text& n : content.notes)
            notes.rows.push_back({display(n)});
        doc.tables.push_back(std::move(notes));
    }
    for (const handover::PrintSignature& s : content.signatures) {
        QString signer = s.signer;
        if (!s.valid && !signer.isEmpty())
            signer += QCoreApplication::translate("fd::gui::HandoverPrint",
                                                  " (signature no longer matches)");
        doc.signatures.push_back({display(s.meaning), signer, s.signedAt});
    }
    FormPrinter::stamp(doc, session);
    if (!content.auditHead.isEmpty())
        doc.auditHead = content.auditHead;
    return doc;
}

Result<int> printHandoverSheetToPdf(const Session& session, qint64 sheetId, const QString& path) {
    auto content = handover::handoverSheetDocument(session.services(), sheetId);
    if (!content)
        return fail(content.error());
    return FormPrinter::toPdf(toPrintDocument(*content, session), path);
}

Result<int> printFrontDeskLogToPdf(const Session& session, const QDate& day, const QString& path) {
    auto content = handover::frontDeskLogDocument(session.services(), day);
    if (!content)
        return fail(content.error());
    return FormPrinter::toPdf(toPrintDocument(*content, session), path);
}

Result<int> printExceptionsReportToPdf(const Session& session, const QString& month,
                                       const QString& path) {
    auto content = handover::exceptionsReportDocument(session.services(), month);
    if (!content)
        return fail(content.error());
    return FormPrinter::toPdf(toPrintDocument(*content, session), path);
}

Result<int> printDutyRecordToPdf(const Session& session, qint64 dutyId, const QString& path) {
    auto content = handover::dutyRecordDocument(session.services(), dutyId);
    if (!content)
        return fail(content.error());
    return FormPrinter::toPdf(toPrintDocument(*content, session), path);
}

Result<int> printIncidentReportToPdf(const Session& session, qint64 incidentId,
                                     const QString& path) {
    auto content = handover::incidentReportDocument(session.services(), incidentId);
    if (!content)
        return fail(content.error());
    return FormPrinter::toPdf(toPrintDocument(*content, session), path);
}

} // namespace fd::gui
