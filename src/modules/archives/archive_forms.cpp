// The archives' paper forms as the desktop program and `frontdeskctl print` print them.
#include "archive_prints.h"
#include "archives_internal.h"

namespace fd::archives {
namespace {

using Content = Result<PrintDocument> (*)(const Services&, const Actor&, qint64);

FormDef numbered(const char* name, Text title, Text record, const QStringList& permissions,
                 Content content) {
    return {QString::fromLatin1(name), std::move(title), record, permissions,
            [record, content](const Services& s, const Actor& actor, const QString& id,
                              bool chinese) -> Result<fd::PrintDocument> {
                auto n = formRecordNumber(id, record);
                if (!n)
                    return fail(n.error());
                auto form = content(s, actor, *n);
                if (!form)
                    return fail(form.error());
                return paperForm(*form, chinese);
            }};
}

} // namespace

fd::PrintDocument paperForm(const PrintDocument& form, bool chinese) {
    fd::PrintDocument doc;
    doc.chinese = chinese;
    doc.title = form.title.in(chinese);
    for (const auto& [label, value] : form.fields)
        doc.fields.push_back({label.in(chinese), value});
    fd::PrintTable table;
    for (const QueryColumn& c : form.columns)
        table.headers << c.title.in(chinese);
    // Stored codes and flags read as the lists show them (借出中, 原件/复印件, 是/否).
    for (const QStringList& row : form.rows) {
        QStringList cells;
        for (int c = 0; c < row.size(); ++c) {
            const auto label = c < form.columns.size() ? form.columns[c].labels.constFind(row[c])
                                                       : QMap<QString, Text>::const_iterator();
            cells << (c < form.columns.size() && label != form.columns[c].labels.cend()
                          ? label->in(chinese)
                          : row[c]);
        }
        table.rows << cells;
    }
    doc.tables.push_back(std::move(table));
    for (const Text& line : form.signatureLines)
        doc.signatures.push_back({line.in(chinese), {}, {}});
    doc.auditHead = form.footer;
    return doc;
}

void registerArchiveForms(Services& s) {
    // Whoever works the archives page prints its forms; each form's own query or loan check
    // applies the person's clearance (confidential volumes).
    const QStringList page{QStringLiteral("archive.request_loan"), QStringLiteral("archive.lend")};
    FormRegistry& r = s.formRegistry();
    r.add(numbered("loan-slip", tx("Archive loan slip", "档案借阅单"),
                   tx("loan number", "借阅编号"), page, loanSlip));
    r.add(numbered("reminder-slip", tx("Overdue archive reminder", "档案催还单"),
                   tx("loan number", "借阅编号"), page, reminderSlip));
    r.add(numbered("disposal-certificate", tx("Archive disposal certificate", "档案销毁证明"),
                   tx("disposal number", "销毁编号"), page, disposalCertificate));
    r.add(numbered("volume-catalogue", tx("Volume catalogue", "案卷目录"),
                   tx("category number (0: every category)", "类别编号（0：全部类别）"), page,
                   volumeCatalogue));
    r.add({QStringLiteral("in-volume-list"), tx("In-volume item list", "卷内目录"),
           tx("volume number", "案卷号"), page,
           [](const Services& services, const Actor& actor, const QString& volume,
              bool chinese) -> Result<fd::PrintDocument> {
               auto form = inVolumeList(services, actor, volume);
               if (!form)
                   return fail(form.error());
               return paperForm(*form, chinese);
           }});
    r.add({QStringLiteral("general-catalogue"), tx("General catalogue", "档案总目录"),
           tx("any value, e.g. all", "任意值，如 all"), page,
           [](const Services& services, const Actor& actor, const QString&,
              bool chinese) -> Result<fd::PrintDocument> {
               auto form = generalCatalogue(services, actor);
               if (!form)
                   return fail(form.error());
               return paperForm(*form, chinese);
           }});
}

} // namespace fd::archives
