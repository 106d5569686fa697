#pragma once

#include <QDate>
#include <QString>

namespace fd {

// Text as a clerk types it in a Chinese input method: full-width digits, letters and signs
// (１２０３, Ａ－１２０３) and the ideographic space as their ASCII forms.
QString halfWidth(const QString& text);

// A date as people type it: 2026-12-04, 2026-12-4, 2026/12/4, 2026.12.4, 2026年12月4日
// (full-width digits too); given today, also the day of this year without its year: 12月4日,
// 12-4, 12/4. Invalid when the text is none of these, or no such day.
QDate typedDate(const QString& text, const QDate& today = {});

} // namespace fd
