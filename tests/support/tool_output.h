#pragma once

#include <QString>
#include <QStringList>

namespace fd::testing {

// Runs a program and returns its standard output.
QString runTool(const QString& program, const QStringList& arguments);

// A PDF's text as pdftotext (an independent reader) reads it, as it is. FD_GUI_TEST_OUTPUT=DIR
// keeps a copy of the PDF there.
QString pdfText(const QString& path);

} // namespace fd::testing
