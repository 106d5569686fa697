#pragma once

#include "print/print_document.h"
#include "util/error.h"

class QPagedPaintDevice;
class QPrinter;
class QWidget;

namespace fd {
class Services;
}

namespace fd::gui {

class Session;

// Lays out a PrintDocument on pages. Painting works on any paged device (PDF writer or
// printer) and may run on a worker thread.
class FormPrinter final {
public:
    // Paints every page; returns the number of pages.
    static Result<int> render(const PrintDocument& document, QPagedPaintDevice& device);
    static Result<int> toPdf(const PrintDocument& document, const QString& path);
    static Result<int> toPrinter(const PrintDocument& document, QPrinter& printer);

    // Fills office name, audit head, who printed and when, from the session.
    static void stamp(PrintDocument& document, const Session& session);

    // Asks for a printer (QPrintDialog) and prints off the GUI thread, or to a PDF file
    // when the user chooses "print to file".
    static Status printWithDialog(const PrintDocument& document, const Session& session,
                                  QWidget* parent);
};

} // namespace fd::gui
