#pragma once

#include "output/print_document.h"

namespace fd::gui {

// The paper form lives in fd_core (output/print_document.h) so that modules build it and
// frontdeskctl prints it with the desktop program's code.
using fd::PrintDocument;
using fd::PrintField;
using fd::PrintSignature;
using fd::PrintTable;

} // namespace fd::gui
