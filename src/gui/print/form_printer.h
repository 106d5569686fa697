#pragma once

#include "output/form_printer.h"
#include "print/print_document.h"

class QPrinter;
class QWidget;

namespace fd::gui {

class Session;

// The desktop program's printing: the layout and the PDF path are fd_output's FormPrinter
// (shared with frontdeskctl); this adds the printer, its dialog and the session's stamp.
class FormPrinter final : public fd::FormPrinter {
public:
    using fd::FormPrinter::stamp;

    static Result<int> toPrinter(const PrintDocument& document, QPrinter& printer);

    // Fills office name, audit head, who printed and when, from the session, in the
    // interface's language.
    static void stamp(PrintDocument& document, const Session& session);

    // Asks for a printer (QPrintDialog) and prints off the GUI thread, or to a PDF file
    // when the user chooses "print to file".
    static Status printWithDialog(const PrintDocument& document, const Session& session,
                                  QWidget* parent);
};

} // namespace fd::gui
