#include "services/query_registry.h"

namespace fd {

void QueryRegistry::add(QueryDef def) {
    queries_.insert(def.name, std::move(def));
}

const QueryDef* QueryRegistry::find(const QString& name) const {
    const auto it = queries_.find(name);
    return it == queries_.end() ? nullptr : &it.value();
}

QList<const QueryDef*> QueryRegistry::all() const {
    QList<const QueryDef*> out;
    for (const auto& q : queries_)
        out.push_back(&q);
    return out;
}

void AttentionRegistry::add(AttentionSource source) {
    sources_.push_back(std::move(source));
}

void StaffOpenItemRegistry::add(StaffOpenItemSource source) {
    sources_.push_back(std::move(source));
}

Result<QStringList> StaffOpenItemRegistry::openItems(const QSqlDatabase& db, qint64 staffId,
                                                     bool chinese) const {
    QStringList out;
    for (const StaffOpenItemSource& s : sources_) {
        auto items = s.openItems(db, staffId);
        if (!items)
            return fail(items.error());
        for (const QString& item : *items)
            out << s.title.in(chinese) + QStringLiteral(": ") + item;
    }
    return out;
}

} // namespace fd
