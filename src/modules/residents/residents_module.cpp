#include "residents/residents_module.h"

#include "residents/module_parts.h"

namespace fd {

Module residentsModule() {
    Module m;
    m.area = QStringLiteral("residents");
    m.migrations = QStringLiteral(":/sql/residents");
    m.registerAll = [](Services& s) {
        residents::registerEstateActions(s);
        residents::registerStaffActions(s);
        residents::registerQueries(s);
        // Held by roles allowed to see a whole number through resident.reveal_phone (R6-3).
        s.actionRegistry().declarePermission(QStringLiteral("resident.reveal_phone"));
    };
    m.seed = residents::seed;
    return m;
}

} // namespace fd
