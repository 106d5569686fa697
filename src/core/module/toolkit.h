#pragma once

// What the regulation areas build their actions, lists and checks from: typed parameters,
// bilingual texts and input errors, list columns and their code labels, and the rows of a
// list. The database side (exec, insertId, Row) is in db/sql.h, which this includes.
#include "actions/action.h"
#include "actions/params.h"
#include "db/sql.h"
#include "services/query_registry.h"
#include "util/error.h"

#include <QDate>
#include <QMap>
#include <QVariantMap>
#include <functional>
#include <initializer_list>

namespace fd::kit {

// --- Texts and errors -----------------------------------------------------------------

// A text in both languages from UTF-8 literals: tx("Volume", "案卷").
Text tx(const char* en, const char* zh);
// A bad-input error naming the field.
Error bad(const QString& field, Text message);
Error bad(const QString& field, const QString& en, const QString& zh);

// --- Parameters -----------------------------------------------------------------------
// Typed reads of an action's or a list's validated parameters; an absent or empty value
// gives the fallback.

// Never a null QString (a null binds as SQL NULL; text columns are NOT NULL).
QString textParam(const QVariantMap& params, const char* name,
                  const QString& fallback = QLatin1String(""));
qint64 intParam(const QVariantMap& params, const char* name, qint64 fallback = 0);
// A record id; 0 when absent.
qint64 idParam(const QVariantMap& params, const char* name);
// A record id to bind, or SQL NULL when absent or not positive.
QVariant optionalIdParam(const QVariantMap& params, const char* name);
QDate dateParam(const QVariantMap& params, const char* name, const QDate& fallback = {});
bool boolParam(const QVariantMap& params, const char* name, bool fallback = false);

// A parameter declaration: param("name", ParamType::Text, true, tx("Name", "名称")).
ParamSpec param(const char* name, ParamType type, bool required, const Text& label,
                QStringList choices = {});

// The signer who signed the request with `meaning`, or null.
const Actor* signer(const ActionContext& ctx, const QString& meaning);

// --- Lists ----------------------------------------------------------------------------

// How stored codes read: labels({{"open", "Open", "未处理"}, ...}).
struct CodeLabel {
    const char* code;
    const char* en;
    const char* zh;
};
QMap<QString, Text> labels(std::initializer_list<CodeLabel> entries);

// A list column: col("status", "Status", "状态"), optionally with its code labels.
QueryColumn col(const char* key, const char* en, const char* zh,
                QMap<QString, Text> codeLabels = {});

// Gives each column without labels those `labelsFor(key)` returns (none: plain values).
using LabelsFor = std::function<QMap<QString, Text>(const QString& key)>;
QList<QueryColumn> withLabels(QList<QueryColumn> columns, const LabelsFor& labelsFor);

// Runs a statement and copies, per row, one value per column in select order; `shape`
// may rewrite a row (masking).
using RowShape = std::function<void(QVariantList&)>;
Result<QueryResult> rowsOf(const QSqlDatabase& db, QList<QueryColumn> columns,
                           const QString& statement, const QVariantList& bindings = {},
                           const RowShape& shape = {});

} // namespace fd::kit
