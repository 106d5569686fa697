#pragma once

#include "auth/identity.h"
#include "output/form_registry.h"
#include "output/table_text.h"

namespace fd {

class Services;

// What leaves the program on paper or in a file, the same way for the desktop program and
// frontdeskctl: a list as its list view shows it (headers and codes in the reader's language,
// phones masked as on screen, rows the person may not see never read), a form as the
// desktop prints it, each recorded in the audit trail (export.table, print.form).

struct ExportOutcome {
    qsizetype rows = 0;
    qint64 auditSeq = 0;
};

// Runs the registered list `query` as `actor` and writes it to `path` as `format` ("csv" or
// "xlsx"). A person without the list's permission is refused before anything is written;
// the refusal names the permission.
Result<ExportOutcome> exportQuery(const Services& services, const Actor& actor,
                                  const QString& query, const QVariantMap& params,
                                  const QString& format, const QString& path, bool chinese);
// Records an export already written (the desktop writes what its filtered list shows).
// `format`: csv, xlsx or pdf.
Result<qint64> recordExport(const Services& services, const Actor& actor, const QString& query,
                            const QString& format, qsizetype rows);

// The form `form` of `record` as `actor` may print it: refused (naming the permission) when
// their roles do not permit the form, or by the area's clearance when they may not see the
// record; stamped with the office, the audit head, the person and the time.
Result<PrintDocument> formDocument(const Services& services, const Actor& actor,
                                   const QString& form, const QString& record, bool chinese);

struct PrintOutcome {
    int pages = 0;
    qint64 auditSeq = 0;
};

// Prints the form to a PDF file with the desktop program's layout and records print.form.
// Needs a QGuiApplication.
Result<PrintOutcome> printForm(const Services& services, const Actor& actor, const QString& form,
                               const QString& record, const QString& path, bool chinese);
// Prints an already built document (stamped by the caller) and records print.form.
Result<PrintOutcome> printDocument(const Services& services, const Actor& actor,
                                   const PrintDocument& document, const QString& form,
                                   const QString& record, const QString& path);

} // namespace fd
