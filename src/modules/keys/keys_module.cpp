#include "keys_module.h"

#include "keys_internal.h"

namespace fd {

Module keysModule() {
    return Module{QStringLiteral("keys"),
                  QStringLiteral(":/sql/keys"),
                  [](Services& s) {
                      keys::registerKeyChecks(s);
                      keys::registerRegisterActions(s);
                      keys::registerLoanActions(s);
                      keys::registerKeyQueries(s);
                      keys::registerKeyForms(s);
                  },
                  keys::seedKeys,
                  {}};
}

} // namespace fd
