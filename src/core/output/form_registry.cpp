#include "output/form_registry.h"

namespace fd {

Result<qint64> formRecordNumber(const QString& record, const Text& what) {
    bool ok = false;
    const qint64 id = record.toLongLong(&ok);
    if (!ok || id < 0)
        return fail(
            Error::badInput(QStringLiteral("id"),
                            {QStringLiteral("The %1 is a number, not \"%2\".").arg(what.en, record),
                             QStringLiteral("%1应为数字，不能是「%2」。").arg(what.zh, record)}));
    return id;
}

void FormRegistry::add(FormDef def) {
    const QString name = def.name;
    forms_.insert(name, std::move(def));
}

const FormDef* FormRegistry::find(const QString& name) const {
    const auto it = forms_.constFind(name);
    return it == forms_.cend() ? nullptr : &*it;
}

QList<const FormDef*> FormRegistry::all() const {
    QList<const FormDef*> out;
    for (const FormDef& f : forms_)
        out << &f;
    return out;
}

} // namespace fd
