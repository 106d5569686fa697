#include "archives_module.h"

#include "archive_prints.h"
#include "archives_internal.h"
#include "search_rebuild.h"

namespace fd {

Module archivesModule() {
    return Module{QStringLiteral("archives"), QStringLiteral(":/sql/archives"),
                  [](Services& s) {
                      archives::registerArchiveChecks(s);
                      archives::registerArchiveActions(s);
                      archives::registerLoanActions(s);
                      archives::registerDocumentActions(s);
                      archives::registerArchiveQueries(s);
                      archives::registerArchiveForms(s);
                      archives::registerArchiveImport(s);
                  },
                  archives::seedArchives, archives::rebuildSearchText};
}

} // namespace fd
