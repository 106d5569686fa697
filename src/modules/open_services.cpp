#include "all_modules.h"

namespace fd {

Result<std::unique_ptr<Services>> openServices(ServicesOptions options) {
    for (Module& m : allModules())
        options.modules.push_back(std::move(m));
    return Services::open(std::move(options));
}

} // namespace fd
