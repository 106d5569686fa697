#pragma once

#include <QString>
#include <QStringList>

namespace fd::testing {

// Runs a program and returns its standard output.
QString runTool(const QString& program, const QStringList& arguments);

// A PDF's text as pdftotext (an independent reader) reads it, with the CJK radicals Qt
// writes for some characters folded back to what was drawn. FD_GUI_TEST_OUTPUT=DIR keeps a
// copy of the PDF there.
QString pdfText(const QString& path);

} // namespace fd::testing
