#pragma once

// What the regulation areas build their actions, lists and checks from: typed parameters,
// bilingual texts and input errors, list columns and their code labels, and the rows of a
// list. The database side (exec, insertId, Row) is in db/sql.h, which this includes.
#include "actions/action.h"
#include "actions/params.h"
#include "db/sql.h"
#include "services/approval_form.h"
#include "services/query_registry.h"
#include "util/error.h"

#include <QDate>
#include <QJsonValue>
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
// A record that does not exist, named by the field that pointed at it and what it is:
// missing("loan_id", "loan", "借阅记录", 12) says "No loan 12." / "借阅记录 12 不存在。".
Error missing(const QString& field, const char* en, const char* zh, const QVariant& key);

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

// A text parameter of at most `maxLength` characters.
ParamSpec boundedText(const char* name, const Text& label, bool required, int maxLength);

// A whole-number parameter from `min` to `max` (0: no upper bound).
ParamSpec wholeNumber(const char* name, bool required, const Text& label, qint64 min,
                      qint64 max = 0);

// A list's "limit" parameter: at least 1, at most `max`.
ParamSpec limitParam(qint64 max, const Text& label = tx("At most", "最多"));
// A list's optional "status" filter among `choices`.
ParamSpec statusParam(QStringList choices);

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

// A choice parameter with the words each choice reads as:
// choice("kind", true, tx("Kind", "类别"), {{"custody", "Custody", "代存"}, ...}).
ParamSpec choice(const char* name, bool required, const Text& label,
                 std::initializer_list<CodeLabel> entries);

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

// A list of records already read: one row a record, made by `rowOf(record)` in the order
// of `columns`.
template <typename Records, typename RowOf>
QueryResult tableOf(QList<QueryColumn> columns, const Records& records, RowOf&& rowOf) {
    QueryResult r;
    r.columns = std::move(columns);
    for (const auto& record : records)
        r.rows.push_back(rowOf(record));
    return r;
}
// The same for records whose read may have failed (the failure is the list's).
template <typename T, typename RowOf>
Result<QueryResult> tableOf(QList<QueryColumn> columns, const Result<T>& records, RowOf&& rowOf) {
    if (!records)
        return fail(records.error());
    return tableOf(std::move(columns), *records, std::forward<RowOf>(rowOf));
}

// A register list filtered on equal values and cut at the "limit" parameter (200 when
// absent). The statement ends "WHERE (? = '' OR a = ?) AND (? = '' OR b = ?) ... LIMIT ?",
// one pair of placeholders for each name in `filters` (an absent value: no filter).
Result<QueryResult> registerRows(const QueryContext& ctx, QList<QueryColumn> columns,
                                 const QString& statement,
                                 std::initializer_list<const char*> filters,
                                 const RowShape& shape = {});

// How a parameter linking a record reads in an approval: the first column of `statement`
// (one placeholder: the value) - each value of a list; a value it does not find reads as
// itself.
ValueNamer namedBy(const QString& statement);

// --- Dashboard ------------------------------------------------------------------------

// "Needs attention" items of `entity` from a statement whose columns are: the record's
// id, since when (stored UTC), then the values %1, %2, ... of the texts `en` and `zh`.
Result<QList<AttentionItem>> attention(const Services& services, const QString& entity,
                                       const QString& statement, const QVariantList& bindings,
                                       const char* en, const char* zh);

// Open items (a staff member's, a person's owed reports) from a statement whose columns are
// the record's id and what it is: "#12 umbrella" each.
Result<QStringList> openItems(const QSqlDatabase& db, const QString& statement,
                              const QVariantList& bindings);
// A kind of open item that keeps a staff member from leaving: what `statement` lists, as
// openItems, for the staff member's id (its one placeholder).
StaffOpenItemSource staffOpenItems(const QString& id, const Text& title, const QString& statement);

// --- Policy values --------------------------------------------------------------------

// The strings of a JSON array (a rule's or a parameter's list); anything else: none.
QStringList strings(const QJsonValue& value);

// `pattern` with %1, %2, ... replaced by `args` in one pass (a value holding "%2" stays).
QString fill(const QString& pattern, const QStringList& args);

} // namespace fd::kit
