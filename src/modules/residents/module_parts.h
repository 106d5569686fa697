#pragma once

#include "module/toolkit.h"
#include "services/services.h"

// The pieces residents_module.cpp puts together (not part of the public API).
namespace fd::residents {

void registerEstateActions(Services& s);
void registerStaffActions(Services& s);
void registerQueries(Services& s);
Status seed(const Services& s, const Actor& admin, const SeedOptions& options);

using kit::bad;
using kit::idParam;
using kit::tx;

} // namespace fd::residents
