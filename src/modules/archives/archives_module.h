#pragma once

#include "services/services.h"

namespace fd {

// Archives and documents (R1, R4, R5, R3-4.4): filing, catalogues, loans with approval,
// inventory, sealing, transfers, destruction and document routing.
Module archivesModule();

} // namespace fd
