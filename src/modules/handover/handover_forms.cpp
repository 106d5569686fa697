// The handover area's paper forms as the desktop program and `frontdeskctl print` print them.
#include "handover/handover_print.h"

#include "handover/handover_internal.h"
#include "services/services.h"

namespace fd::handover {
namespace {

using kit::tx;

// A form whose content is built from one numbered record.
FormDef numbered(const char* name, Text title, Text record, QStringList permissions,
                 Result<PrintDocument> (*content)(const Services&, qint64)) {
    return {QString::fromLatin1(name), std::move(title), record, std::move(permissions),
            [record, content](const Services& s, const Actor&, const QString& id,
                              bool chinese) -> Result<fd::PrintDocument> {
                auto n = formRecordNumber(id, record);
                if (!n)
                    return fail(n.error());
                auto doc = content(s, *n);
                if (!doc)
                    return fail(doc.error());
                return paperForm(*doc, chinese);
            }};
}

} // namespace

fd::PrintDocument paperForm(const PrintDocument& content, bool chinese) {
    fd::PrintDocument doc;
    doc.chinese = chinese;
    doc.officeName = content.office.in(chinese);
    doc.title = content.title.in(chinese);
    // A code reads as its word in the reader's language; an unknown code stays as stored.
    auto word = [&content, chinese](const QString& code) {
        const auto it = content.labels.constFind(code);
        return it == content.labels.cend() ? code : it->in(chinese);
    };
    for (const PrintField& f : content.fields)
        doc.fields.push_back({f.label.in(chinese), f.code ? word(f.value) : f.value});
    for (const PrintTable& t : content.tables) {
        fd::PrintTable table;
        table.title = t.title.in(chinese);
        for (const Text& c : t.columns)
            table.headers << c.in(chinese);
        table.rows = t.rows;
        for (QStringList& row : table.rows)
            for (int c : t.codeColumns)
                if (c < row.size())
                    row[c] = word(row[c]);
        doc.tables.push_back(std::move(table));
    }
    // Overrides and addenda are printed as a table of their own, after the sheet's content.
    if (!content.notes.isEmpty()) {
        fd::PrintTable notes;
        notes.title = tx("Notes", "备注").in(chinese);
        notes.headers << tx("Note", "说明").in(chinese);
        for (const Text& n : content.notes)
            notes.rows.push_back({n.in(chinese)});
        doc.tables.push_back(std::move(notes));
    }
    for (const PrintSignature& s : content.signatures) {
        QString signer = s.signer;
        if (!s.valid && !signer.isEmpty())
            signer += tx(" (signature no longer matches)", "（签名已失效）").in(chinese);
        doc.signatures.push_back({s.meaning.in(chinese), signer, s.signedAt});
    }
    doc.auditHead = content.auditHead;
    return doc;
}

void registerForms(Services& s) {
    // Whoever works the handover page prints its forms (the page's permissions).
    const QStringList desk{QStringLiteral("handover.open"), QStringLiteral("handover.complete")};
    FormRegistry& r = s.formRegistry();
    r.add(numbered("handover-sheet", tx("Shift handover record", "交接班记录"),
                   tx("sheet number", "交接班记录编号"), desk, handoverSheetDocument));
    r.add({QStringLiteral("front-desk-log"), tx("Front Desk Handover Log (a day)", "前台交接日志"),
           tx("office day yyyy-MM-dd", "办公日期 yyyy-MM-dd"), desk,
           [](const Services& services, const Actor&, const QString& day,
              bool chinese) -> Result<fd::PrintDocument> {
               const QDate date = QDate::fromString(day, Qt::ISODate);
               if (!date.isValid())
                   return fail(Error::badInput(
                       QStringLiteral("id"),
                       {QStringLiteral("The day is yyyy-MM-dd, not \"%1\".").arg(day),
                        QStringLiteral("日期格式为 yyyy-MM-dd，不能是「%1」。").arg(day)}));
               auto doc = frontDeskLogDocument(services, date);
               if (!doc)
                   return fail(doc.error());
               return paperForm(*doc, chinese);
           }});
    r.add(numbered("duty-record", tx("Duty record", "值班记录表"),
                   tx("duty record number", "值班记录编号"), desk, dutyRecordDocument));
    r.add(numbered("incident-report", tx("Incident report", "突发事件报告"),
                   tx("incident number", "事件编号"), desk, incidentReportDocument));
    r.add({QStringLiteral("exceptions-report"),
           tx("Handover exceptions (特批) of the month", "交接班特批月报"),
           tx("month yyyy-MM", "月份 yyyy-MM"),
           {QStringLiteral("handover.exceptions")},
           [](const Services& services, const Actor&, const QString& month,
              bool chinese) -> Result<fd::PrintDocument> {
               auto doc = exceptionsReportDocument(services, month);
               if (!doc)
                   return fail(doc.error());
               return paperForm(*doc, chinese);
           }});
}

} // namespace fd::handover
