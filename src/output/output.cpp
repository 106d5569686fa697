#include "output.h"

#include "form_printer.h"
#include "services/permission.h"
#include "services/services.h"
#include "table_export.h"

#include <QFile>

namespace fd {
namespace {

// A permission refusal also names the permission itself, so a script's author knows what
// to ask the administrator for.
Error namingPermission(Error e, const QString& permission) {
    if (e.ruleId != QStringLiteral("permission") || permission.isEmpty())
        return e;
    e.message.en += QStringLiteral(" (permission %1)").arg(permission);
    e.message.zh += QStringLiteral("（所需权限 %1）").arg(permission);
    return e;
}

Result<ActionResult> audited(const Services& s, const Actor& actor, const QString& action,
                             QVariantMap params) {
    return s.bus().execute({action, std::move(params), actor, {}, {}});
}

} // namespace

Result<qint64> recordExport(const Services& s, const Actor& actor, const QString& query,
                            const QString& format, qsizetype rows) {
    auto done = audited(s, actor, QStringLiteral("export.table"),
                        {{QStringLiteral("query"), query},
                         {QStringLiteral("format"), format},
                         {QStringLiteral("rows"), static_cast<qint64>(rows)}});
    if (!done)
        return fail(done.error());
    return done->auditSeq;
}

Result<ExportOutcome> exportQuery(const Services& s, const Actor& actor, const QString& query,
                                  const QVariantMap& params, const QString& format,
                                  const QString& path, bool chinese) {
    if (format != QStringLiteral("csv") && format != QStringLiteral("xlsx"))
        return fail(Error::badInput(
            QStringLiteral("format"),
            {QStringLiteral("The format is csv or xlsx, not \"%1\".").arg(format),
             QStringLiteral("格式只能是 csv 或 xlsx，不能是「%1」。").arg(format)}));
    const QueryDef* def = s.queries().find(query);
    auto result = s.query(query, params, actor);
    if (!result)
        return fail(namingPermission(result.error(), def != nullptr ? def->permission : QString()));
    const TableSnapshot table = TableSnapshot::of(*result, chinese);
    const QString title = def->title.in(chinese);
    if (auto ok = format == QStringLiteral("xlsx") ? exportXlsx(table, path, title)
                                                   : exportCsv(table, path);
        !ok)
        return fail(ok.error());
    auto seq = recordExport(s, actor, query, format, table.rows.size());
    if (!seq) {
        // Not recorded, not handed out.
        QFile::remove(path);
        return fail(seq.error());
    }
    return ExportOutcome{table.rows.size(), *seq};
}

Result<PrintDocument> formDocument(const Services& s, const Actor& actor, const QString& form,
                                   const QString& record, bool chinese) {
    const FormDef* def = s.forms().find(form);
    if (def == nullptr) {
        QStringList names;
        for (const FormDef* f : s.forms().all())
            names << f->name;
        return fail(Error::badInput(QStringLiteral("form"),
                                    {QStringLiteral("Unknown form \"%1\" (known: %2).")
                                         .arg(form, names.join(QStringLiteral(", "))),
                                     QStringLiteral("未知表单「%1」（可用：%2）。")
                                         .arg(form, names.join(QStringLiteral("、")))}));
    }
    auto current = s.currentActor(actor);
    if (!current)
        return fail(current.error());
    if (!def->permissions.isEmpty() &&
        std::none_of(def->permissions.begin(), def->permissions.end(),
                     [&](const QString& p) { return s.policy().permits(current->roles, p); }))
        return fail(namingPermission(
            permissionRefusal(s.policy(), *current, def->permissions.first(), def->title),
            def->permissions.join(QLatin1Char('|'))));
    auto doc = def->build(s, *current, record, chinese);
    if (!doc)
        return fail(doc.error());
    const QString anchor = doc->auditHead; // the head read with the record, when it has one
    FormPrinter::stamp(*doc, s, *current, chinese);
    if (!anchor.isEmpty())
        doc->auditHead = anchor;
    return doc;
}

Result<PrintOutcome> printDocument(const Services& s, const Actor& actor,
                                   const PrintDocument& document, const QString& form,
                                   const QString& record, const QString& path) {
    auto pages = FormPrinter::toPdf(document, path);
    if (!pages)
        return fail(pages.error());
    auto done = audited(s, actor, QStringLiteral("print.form"),
                        {{QStringLiteral("form"), form},
                         {QStringLiteral("record"), record},
                         {QStringLiteral("pages"), *pages}});
    if (!done) {
        QFile::remove(path);
        return fail(done.error());
    }
    return PrintOutcome{*pages, done->auditSeq};
}

Result<PrintOutcome> printForm(const Services& s, const Actor& actor, const QString& form,
                               const QString& record, const QString& path, bool chinese) {
    auto doc = formDocument(s, actor, form, record, chinese);
    if (!doc)
        return fail(doc.error());
    return printDocument(s, actor, *doc, form, record, path);
}

} // namespace fd
