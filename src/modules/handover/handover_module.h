#pragma once

#include "services/services.h"

namespace fd {

// Shift handover (R2), front-desk duty (R6) and the duty log (R8).
Module handoverModule();

} // namespace fd
