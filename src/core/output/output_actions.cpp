#include "output/output_actions.h"
#include "module/toolkit.h"

#include "services/services.h"

namespace fd {
namespace {

ParamSpec text(const char* name, const char* en, const char* zh) {
    return {QString::fromLatin1(name), ParamType::Text, true,
            Text{QString::fromUtf8(en), QString::fromUtf8(zh)}};
}

ParamSpec count(const char* name, const char* en, const char* zh) {
    ParamSpec p{QString::fromLatin1(name), ParamType::Int, true,
                Text{QString::fromUtf8(en), QString::fromUtf8(zh)}};
    p.max = 1'000'000'000;
    return p;
}

Error unknown(const QString& field, const QString& name) {
    return Error::badInput(field,
                           {QStringLiteral("Unknown %1 \"%2\".").arg(field, name),
                            QStringLiteral("未知的%1「%2」。")
                                .arg(field == QStringLiteral("query") ? QStringLiteral("查询")
                                                                      : QStringLiteral("表单"),
                                     name)});
}

} // namespace

void registerOutputActions(Services& s) {
    ParamSpec format =
        kit::param("format", ParamType::Choice, true, kit::tx("Format", "格式"),
                   {QStringLiteral("csv"), QStringLiteral("xlsx"), QStringLiteral("pdf")});
    ActionDef exportTable{
        QStringLiteral("export.table"),
        {QStringLiteral("Export a list"), QStringLiteral("导出列表")},
        {text("query", "List", "列表"), format, count("rows", "Rows", "行数")},
        [](ActionContext& ctx) -> Result<ActionOutcome> {
            const QString query = ctx.params.value(QStringLiteral("query")).toString();
            if (ctx.services.queries().find(query) == nullptr)
                return fail(unknown(QStringLiteral("query"), query));
            return ActionOutcome{
                QStringLiteral("query"),
                query,
                {},
                {{QStringLiteral("format"), ctx.params.value(QStringLiteral("format")).toString()},
                 {QStringLiteral("rows"), ctx.params.value(QStringLiteral("rows")).toLongLong()}},
                {}};
        }};
    exportTable.permissionsFor = [](const Services& services, const QVariantMap& params) {
        const QueryDef* def =
            services.queries().find(params.value(QStringLiteral("query")).toString());
        return def == nullptr || def->permission.isEmpty() ? QStringList()
                                                           : QStringList{def->permission};
    };
    s.actionRegistry().add(std::move(exportTable));

    ActionDef printForm{
        QStringLiteral("print.form"),
        {QStringLiteral("Print a form"), QStringLiteral("打印表单")},
        {text("form", "Form", "表单"), text("record", "Record", "记录"),
         count("pages", "Pages", "页数")},
        [](ActionContext& ctx) -> Result<ActionOutcome> {
            const QString form = ctx.params.value(QStringLiteral("form")).toString();
            if (ctx.services.forms().find(form) == nullptr)
                return fail(unknown(QStringLiteral("form"), form));
            return ActionOutcome{
                QStringLiteral("form"),
                form,
                {},
                {{QStringLiteral("record"), ctx.params.value(QStringLiteral("record")).toString()},
                 {QStringLiteral("pages"), ctx.params.value(QStringLiteral("pages")).toLongLong()}},
                {}};
        }};
    printForm.permissionsFor = [](const Services& services, const QVariantMap& params) {
        const FormDef* def = services.forms().find(params.value(QStringLiteral("form")).toString());
        return def == nullptr ? QStringList() : def->permissions;
    };
    s.actionRegistry().add(std::move(printForm));
}

} // namespace fd
