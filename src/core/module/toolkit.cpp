#include "module/toolkit.h"

#include "services/services.h"
#include "util/clock.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QSqlRecord>

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

Error missing(const QString& field, const char* en, const char* zh, const QVariant& key) {
    return Error::notFound(
        field, {QStringLiteral("No %1 %2.").arg(QString::fromUtf8(en), key.toString()),
                QStringLiteral("%1 %2 不存在。").arg(QString::fromUtf8(zh), key.toString())});
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

ParamSpec choice(const char* name, bool required, const Text& label,
                 std::initializer_list<CodeLabel> entries) {
    ParamSpec p = param(name, ParamType::Choice, required, label);
    for (const CodeLabel& e : entries)
        p.choices << QString::fromUtf8(e.code);
    p.choiceWords = labels(entries);
    return p;
}

ParamSpec boundedText(const char* name, const Text& label, bool required, int maxLength) {
    ParamSpec p = param(name, ParamType::Text, required, label);
    p.maxLength = maxLength;
    return p;
}

ParamSpec wholeNumber(const char* name, bool required, const Text& label, qint64 min, qint64 max) {
    ParamSpec p = param(name, ParamType::Int, required, label);
    p.min = min;
    p.max = max;
    return p;
}

ParamSpec limitParam(qint64 max, const Text& label) {
    return wholeNumber("limit", false, label, 1, max);
}

ParamSpec statusParam(QStringList choices) {
    return param("status", ParamType::Choice, false, tx("Status", "状态"), std::move(choices));
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

Result<QueryResult> registerRows(const QueryContext& ctx, QList<QueryColumn> columns,
                                 const QString& statement,
                                 std::initializer_list<const char*> filters,
                                 const RowShape& shape) {
    QVariantList bindings;
    for (const char* name : filters) {
        const QString value = textParam(ctx.params, name);
        bindings << value << value;
    }
    bindings << intParam(ctx.params, "limit", 200);
    return rowsOf(ctx.db, std::move(columns), statement, bindings, shape);
}

Result<QList<AttentionItem>> attention(const Services& services, const QString& entity,
                                       const QString& statement, const QVariantList& bindings,
                                       const char* en, const char* zh) {
    const QString enText = QString::fromUtf8(en);
    const QString zhText = QString::fromUtf8(zh);
    return sql::list<AttentionItem>(
        services.database().connection(), statement, bindings, [&](const QSqlQuery& q) {
            QStringList args;
            for (int i = 2; i < q.record().count(); ++i)
                args << q.value(i).toString();
            return AttentionItem{entity,
                                 q.value(0).toString(),
                                 {fill(enText, args), fill(zhText, args)},
                                 fromStorage(q.value(1).toString())};
        });
}

Result<QStringList> openItems(const QSqlDatabase& db, const QString& statement,
                              const QVariantList& bindings) {
    return sql::list<QString>(db, statement, bindings, [](const QSqlQuery& q) {
        return QStringLiteral("#%1 %2").arg(q.value(0).toString(), q.value(1).toString());
    });
}

StaffOpenItemSource staffOpenItems(const QString& id, const Text& title, const QString& statement) {
    return {id, title, [statement](const QSqlDatabase& db, qint64 staffId) {
                return openItems(db, statement, {staffId});
            }};
}

QStringList strings(const QJsonValue& value) {
    QStringList out;
    for (const auto& v : value.toArray())
        out << v.toString();
    return out;
}

QString fill(const QString& pattern, const QStringList& args) {
    QString out;
    out.reserve(pattern.size());
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        qsizetype j = i + 1;
        while (pattern.at(i) == QLatin1Char('%') && j < pattern.size() && pattern.at(j).isDigit())
            ++j;
        const int n = j > i + 1 ? pattern.mid(i + 1, j - i - 1).toInt() : 0;
        if (n >= 1 && n <= args.size()) {
            out += args.at(n - 1);
            i = j - 1;
        } else {
            out += pattern.at(i);
        }
    }
    return out;
}

ValueNamer namedBy(const QString& statement) {
    return [statement](const QSqlDatabase& db, const QVariant& value) -> Result<QString> {
        const QVariantList values =
            value.typeId() == QMetaType::QStringList || value.typeId() == QMetaType::QVariantList
                ? value.toList()
                : QVariantList{value};
        QStringList names;
        for (const QVariant& v : values) {
            auto name = sql::scalar(db, statement, {v});
            if (!name)
                return fail(name.error());
            names << (name->isValid() && !name->toString().isEmpty() ? name->toString()
                                                                     : v.toString());
        }
        return names.join(QStringLiteral("; "));
    };
}

} // namespace fd::kit
