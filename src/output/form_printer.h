#pragma once

#include "auth/identity.h"
#include "output/print_document.h"
#include "util/error.h"

class QPagedPaintDevice;

namespace fd {

class Services;

// Lays out a PrintDocument on A4 pages. Painting works on any paged device (a PDF writer, or
// the desktop program's printer) and may run on a worker thread. Needs a QGuiApplication
// (fonts); frontdeskctl starts one on the offscreen platform for `print`.
class FormPrinter {
public:
    // Paints every page; returns the number of pages.
    static Result<int> render(const PrintDocument& document, QPagedPaintDevice& device);
    static Result<int> toPdf(const PrintDocument& document, const QString& path);

    // Fills the frame's language, the office name, the audit head, who printed and when.
    static void stamp(PrintDocument& document, const Services& services, const Actor& actor,
                      bool chinese);
};

} // namespace fd
