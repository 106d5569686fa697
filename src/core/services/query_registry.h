#pragma once

#include "actions/params.h"
#include "auth/identity.h"

#include <QMap>
#include <QSqlDatabase>
#include <QVariantList>
#include <functional>

namespace fd {

class Services;

struct QueryColumn {
    QString key;
    Text title;
    // How stored codes read in lists and exports ("lend" → 外借); the raw value stays in
    // the result for scripts and sorting.
    QMap<QString, Text> labels;
};

// A read-only list: what `frontdeskctl query` prints and list views show.
struct QueryResult {
    QList<QueryColumn> columns;
    QList<QVariantList> rows;
};

struct QueryContext {
    const Services& services;
    QSqlDatabase db;
    const Actor& actor; // for confidentiality and masking
    const QVariantMap& params;
};

struct QueryDef {
    QString name;
    Text title;
    QList<ParamSpec> params;
    std::function<Result<QueryResult>(const QueryContext&)> run;
    QString permission; // empty: anyone signed in
};

class QueryRegistry final {
public:
    void add(QueryDef def);
    [[nodiscard]] const QueryDef* find(const QString& name) const;
    [[nodiscard]] QList<const QueryDef*> all() const;

private:
    QMap<QString, QueryDef> queries_;
};

// One entry of the "needs attention" dashboard; `entity`/`entityId` open the record.
struct AttentionItem {
    QString entity;
    QString entityId;
    Text text;
    QDateTime since;
};

struct AttentionSource {
    QString id;
    QString area; // the module page that opens the records
    Text title;
    std::function<Result<QList<AttentionItem>>(const Services&, const Actor&)> items;
    QStringList roles; // who sees it; empty: everyone
};

class AttentionRegistry final {
public:
    void add(AttentionSource source);
    [[nodiscard]] const QList<AttentionSource>& all() const { return sources_; }

private:
    QList<AttentionSource> sources_;
};

// Something registered to a staff member that must be returned or handed over before
// they leave (R1-1.2.7, R5-d): open archive loans, keys out, custody items. Modules add
// sources; the "staff leaves" rule asks every source.
struct StaffOpenItemSource {
    QString id;
    Text title;
    std::function<Result<QStringList>(const QSqlDatabase&, qint64 staffId)> openItems;
};

class StaffOpenItemRegistry final {
public:
    void add(StaffOpenItemSource source);
    [[nodiscard]] const QList<StaffOpenItemSource>& all() const { return sources_; }
    // Every open item of the staff member, "title: item" each.
    Result<QStringList> openItems(const QSqlDatabase& db, qint64 staffId, bool chinese) const;

private:
    QList<StaffOpenItemSource> sources_;
};

} // namespace fd
