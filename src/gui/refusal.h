#pragma once

#include "util/error.h"

#include <QHash>
#include <QString>

class QWidget;

namespace fd::gui {

// "R1-1.2.2" -> "第1篇 第1.2.2条" (Chinese) / "Part 1, clause 1.2.2" (English), the one
// citation style of every screen (citeClauses). Unknown forms are returned unchanged.
QString clauseLabel(const QString& clause);

// The text a person reads for an error: a refusal as 「第1篇 1.2.2：message」, bad input as
// the field's message, anything else as its message.
QString errorText(const Error& error);

// Shows an error in a message box. For bad input, focuses the form's field when
// `fields` knows it (keys are the parameter names the action uses).
// Shows the error; when it names a field of `fields`, that field is focused and marked.
void showError(QWidget* parent, const Error& error, const QHash<QString, QWidget*>& fields = {});
// Focuses a field and marks it (a red border, the property "refused") until it is changed.
void markField(QWidget* field);

} // namespace fd::gui
