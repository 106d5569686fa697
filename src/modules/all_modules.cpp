#include "all_modules.h"

#ifdef FD_HAVE_RESIDENTS
#include "residents/residents_module.h"
#endif
#ifdef FD_HAVE_HANDOVER
#include "handover/handover_module.h"
#endif
#ifdef FD_HAVE_ARCHIVES
#include "archives/archives_module.h"
#endif

namespace fd {

std::vector<Module> allModules() {
    std::vector<Module> modules;
#ifdef FD_HAVE_RESIDENTS
    modules.push_back(residentsModule());
#endif
#ifdef FD_HAVE_HANDOVER
    modules.push_back(handoverModule());
#endif
#ifdef FD_HAVE_ARCHIVES
    modules.push_back(archivesModule());
#endif
    return modules;
}

Result<std::unique_ptr<Services>> openServices(ServicesOptions options) {
    for (Module& m : allModules())
        options.modules.push_back(std::move(m));
    return Services::open(std::move(options));
}

} // namespace fd
