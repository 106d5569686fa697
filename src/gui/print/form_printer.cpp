#include "print/form_printer.h"

#include "session.h"
#include "task_runner.h"

#include <QCoreApplication>
#include <QPrintDialog>
#include <QPrinter>

namespace fd::gui {

Result<int> FormPrinter::toPrinter(const PrintDocument& document, QPrinter& printer) {
    printer.setPageSize(QPageSize(QPageSize::A4));
    return render(document, printer);
}

void FormPrinter::stamp(PrintDocument& document, const Session& session) {
    stamp(document, session.services(), session.actor(), chinese());
}

Status FormPrinter::printWithDialog(const PrintDocument& document, const Session& session,
                                    QWidget* parent) {
    PrintDocument doc = document;
    stamp(doc, session);
    auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
    QPrintDialog dialog(printer.get(), parent);
    dialog.setWindowTitle(QCoreApplication::translate("fd::gui::FormPrinter", "Print"));
    if (dialog.exec() != QDialog::Accepted)
        return {};
    return TaskRunner::run(parent, QCoreApplication::translate("fd::gui::FormPrinter", "Printing…"),
                           [doc, printer](TaskControl&) -> Status {
                               auto pages = toPrinter(doc, *printer);
                               if (!pages)
                                   return fail(pages.error());
                               return {};
                           });
}

} // namespace fd::gui
