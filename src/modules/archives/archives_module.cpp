#include "archives_module.h"

#include "archives_internal.h"

namespace fd {

Module archivesModule() {
    return Module{QStringLiteral("archives"), QStringLiteral(":/sql/archives"),
                  [](Services& s) {
                      archives::registerArchiveChecks(s);
                      archives::registerArchiveActions(s);
                      archives::registerLoanActions(s);
                      archives::registerDocumentActions(s);
                      archives::registerArchiveQueries(s);
                      archives::registerArchiveImport(s);
                  },
                  archives::seedArchives};
}

} // namespace fd
