#pragma once

#include "services/services.h"

namespace fd {

// Every regulation area built into this program, in dependency order.
std::vector<Module> allModules();

// Opens the services with every module (what the desktop program and frontdeskctl do).
Result<std::unique_ptr<Services>> openServices(ServicesOptions options);

} // namespace fd
