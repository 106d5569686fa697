// export, print, forms: lists and forms to files, with the desktop program's code (fd_output).
#include "cli_context.h"
#include "output/output.h"

#include <QFileInfo>
#include <QJsonArray>

namespace fd::cli {
namespace {

Error missingOption(const QString& name, const Text& what) {
    return Error::badInput(name, {QStringLiteral("--%1 %2 is required.").arg(name, what.en),
                                  QStringLiteral("必须给出 --%1 %2。").arg(name, what.zh)});
}

} // namespace

Result<Reply> runExport(CliContext& ctx, const ParsedArgs& args) {
    const QString query = args.positional.value(QStringLiteral("query"));
    const QString out = args.value(QStringLiteral("out"));
    if (out.isEmpty())
        return fail(
            missingOption(QStringLiteral("out"), {QStringLiteral("FILE"), QStringLiteral("文件")}));
    // Without --format, the file's suffix decides.
    QString format = args.value(QStringLiteral("format"));
    if (format.isEmpty())
        format = QFileInfo(out).suffix().toLower();
    if (format != QStringLiteral("csv") && format != QStringLiteral("xlsx"))
        return fail(Error::badInput(
            QStringLiteral("format"),
            {QStringLiteral("--format is csv or xlsx, not \"%1\".").arg(format),
             QStringLiteral("--format 只能是 csv 或 xlsx，不能是「%1」。").arg(format)}));
    auto s = signedInServices(ctx, args);
    if (!s)
        return fail(s.error());
    auto done =
        exportQuery(*s->first, s->second, query, args.params, format, out, ctx.options().chinese);
    if (!done)
        return fail(done.error());
    Reply r;
    r.data = {{QStringLiteral("query"), query},
              {QStringLiteral("format"), format},
              {QStringLiteral("file"), QFileInfo(out).absoluteFilePath()},
              {QStringLiteral("rows"), static_cast<qint64>(done->rows)},
              {QStringLiteral("audit_seq"), done->auditSeq}};
    r.lines << (ctx.options().chinese ? QStringLiteral("已导出 %1 行到 %2（审计记录 #%3）。")
                                      : QStringLiteral("Exported %1 row(s) to %2 (audit row #%3)."))
                   .arg(done->rows)
                   .arg(out)
                   .arg(done->auditSeq);
    return r;
}

Result<Reply> formsReply(CliContext& ctx) {
    auto s = ctx.catalogue();
    if (!s)
        return fail(s.error());
    const bool zh = ctx.options().chinese;
    Reply r;
    QJsonArray list;
    for (const FormDef* f : (*s)->forms().all()) {
        list.append(QJsonObject{
            {QStringLiteral("name"), f->name},
            {QStringLiteral("title"), Console::textJson(f->title)},
            {QStringLiteral("id"), Console::textJson(f->record)},
            {QStringLiteral("permissions"), QJsonArray::fromStringList(f->permissions)}});
        r.lines << QStringLiteral("%1\t%2\tID: %3").arg(f->name, f->title.in(zh), f->record.in(zh));
    }
    r.data = {{QStringLiteral("forms"), list}};
    return r;
}

Result<Reply> runForms(CliContext& ctx, const ParsedArgs&) {
    return formsReply(ctx);
}

Result<Reply> runPrint(CliContext& ctx, const ParsedArgs& args) {
    const QString form = args.positional.value(QStringLiteral("form"));
    if (form.isEmpty())
        return formsReply(ctx);
    const QString id = args.positional.value(QStringLiteral("id"));
    if (id.isEmpty())
        return fail(Error::badInput(
            QStringLiteral("id"),
            {QStringLiteral("Which record? Give its ID after the form (see `frontdeskctl forms`)."),
             QStringLiteral("请在表单名之后给出记录编号（见 `frontdeskctl forms`）。")}));
    const QString out = args.value(QStringLiteral("out"));
    if (out.isEmpty())
        return fail(missingOption(QStringLiteral("out"),
                                  {QStringLiteral("FILE.pdf"), QStringLiteral("文件.pdf")}));
    auto s = signedInServices(ctx, args);
    if (!s)
        return fail(s.error());
    auto done = printForm(*s->first, s->second, form, id, out, ctx.options().chinese);
    if (!done)
        return fail(done.error());
    Reply r;
    r.data = {{QStringLiteral("form"), form},
              {QStringLiteral("id"), id},
              {QStringLiteral("file"), QFileInfo(out).absoluteFilePath()},
              {QStringLiteral("pages"), done->pages},
              {QStringLiteral("audit_seq"), done->auditSeq}};
    r.lines << (ctx.options().chinese ? QStringLiteral("已打印 %1 页到 %2（审计记录 #%3）。")
                                      : QStringLiteral("Printed %1 page(s) to %2 (audit row #%3)."))
                   .arg(done->pages)
                   .arg(out)
                   .arg(done->auditSeq);
    return r;
}

} // namespace fd::cli
