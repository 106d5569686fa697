#pragma once

#include <QString>

namespace fd {

// Residents' phone numbers are shown masked everywhere (R6-3): 13812345678 -> 138****5678.
QString maskPhone(const QString& phone);

// Masks every run of 7 or more digits in free text, for logs and exports.
QString maskPhonesInText(const QString& text);

// Escapes %, _ and the escape character for a LIKE pattern with ESCAPE '\'.
QString escapeLike(const QString& text);

} // namespace fd
