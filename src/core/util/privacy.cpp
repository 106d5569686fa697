#include "util/privacy.h"

#include <QRegularExpression>

namespace fd {

QString maskPhone(const QString& phone) {
    const QString p = phone.trimmed();
    if (p.size() <= 4)
        return QString(p.size(), QLatin1Char('*'));
    if (p.size() < 8)
        return QString(p.size() - 4, QLatin1Char('*')) + p.right(4);
    return p.left(3) + QStringLiteral("****") + p.right(4);
}

QString maskPhonesInText(const QString& text) {
    static const QRegularExpression digits(QStringLiteral("\\d{7,}"));
    QString out = text;
    auto it = digits.globalMatch(text);
    qsizetype shift = 0;
    while (it.hasNext()) {
        const auto m = it.next();
        const QString masked = maskPhone(m.captured());
        out.replace(m.capturedStart() + shift, m.capturedLength(), masked);
        shift += masked.size() - m.capturedLength();
    }
    return out;
}

QString escapeLike(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

} // namespace fd
