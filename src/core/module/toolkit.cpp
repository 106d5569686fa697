#include "module/toolkit.h"

#include <QSqlQuery>

namespace fd::kit {

Text tx(const char* en, const char* zh) {
    return {QString::fromUtf8(en), QString::fromUtf8(zh)};
}

Error bad(const QString& field, Text message) {
    return Error::badInput(field, std::move(message));
}

Error bad(const QString& field, const QString& en, const QString& zh) {
    return Error::badInput(field, {en, zh});
}

QString textParam(const QVariantMap& params, const char* name, const QString& fallback) {
    const QString v = params.value(QLatin1String(name)).toString();
    if (!v.isEmpty())
        return v;
    return fallback.isNull() ? QString(QLatin1String("")) : fallback;
}

qint64 intParam(const QVariantMap& params, const char* name, qint64 fallback) {
    bool ok = false;
    const qint64 v = params.value(QLatin1String(name)).toLongLong(&ok);
    return ok ? v : fallback;
}

qint64 idParam(const QVariantMap& params, const char* name) {
    return params.value(QLatin1String(name)).toLongLong();
}

QVariant optionalIdParam(const QVariantMap& params, const char* name) {
    const qint64 id = idParam(params, name);
    return id > 0 ? QVariant(id) : QVariant();
}

QDate dateParam(const QVariantMap& params, const char* name, const QDate& fallback) {
    const QVariant v = params.value(QLatin1String(name));
    const QDate d =
        v.typeId() == QMetaType::QDate ? v.toDate() : QDate::fromString(v.toString(), Qt::ISODate);
    return d.isValid() ? d : fallback;
}

bool boolParam(const QVariantMap& params, const char* name, bool fallback) {
    const QVariant v = params.value(QLatin1String(name));
    return v.isValid() && !v.isNull() ? v.toBool() : fallback;
}

ParamSpec param(const char* name, ParamType type, bool required, const Text& label,
                QStringList choices) {
    return ParamSpec{QString::fromUtf8(name), type, required, label, std::move(choices)};
}

const Actor* signer(const ActionContext& ctx, const QString& meaning) {
    for (const auto& s : ctx.signatures)
        if (s.meaning == meaning)
            return &s.signer;
    return nullptr;
}

QMap<QString, Text> labels(std::initializer_list<CodeLabel> entries) {
    QMap<QString, Text> out;
    for (const CodeLabel& e : entries)
        out.insert(QString::fromUtf8(e.code), tx(e.en, e.zh));
    return out;
}

QueryColumn col(const char* key, const char* en, const char* zh, QMap<QString, Text> codeLabels) {
    return {QString::fromUtf8(key), tx(en, zh), std::move(codeLabels)};
}

QList<QueryColumn> withLabels(QList<QueryColumn> columns, const LabelsFor& labelsFor) {
    for (QueryColumn& c : columns)
        if (c.labels.isEmpty())
            c.labels = labelsFor(c.key);
    return columns;
}

Result<QueryResult> rowsOf(const QSqlDatabase& db, QList<QueryColumn> columns,
                           const QString& statement, const QVariantList& bindings,
                           const RowShape& shape) {
    auto q = sql::exec(db, statement, bindings);
    if (!q)
        return fail(q.error());
    QueryResult r;
    r.columns = std::move(columns);
    const int n = static_cast<int>(r.columns.size());
    while (q->next()) {
        QVariantList row;
        row.reserve(n);
        for (int i = 0; i < n; ++i)
            row << q->value(i);
        if (shape)
            shape(row);
        r.rows.push_back(std::move(row));
    }
    return r;
}

} // namespace fd::kit
