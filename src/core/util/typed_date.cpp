#include "util/typed_date.h"

#include <QRegularExpression>

namespace fd {

QString halfWidth(const QString& text) {
    QString out = text;
    for (QChar& c : out) {
        if (c.unicode() >= 0xFF01 && c.unicode() <= 0xFF5E)
            c = QChar(c.unicode() - 0xFEE0);
        else if (c.unicode() == 0x3000)
            c = QLatin1Char(' ');
    }
    return out;
}

QDate typedDate(const QString& text, const QDate& today) {
    const QString t = halfWidth(text).trimmed();
    static const QRegularExpression withYear(QStringLiteral(
        "^([0-9]{4})\\s*(?:[-/.]|年)\\s*([0-9]{1,2})\\s*(?:[-/.]|月)\\s*([0-9]{1,2})\\s*日?$"));
    if (const auto m = withYear.match(t); m.hasMatch())
        return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    static const QRegularExpression thisYear(
        QStringLiteral("^([0-9]{1,2})\\s*(?:[-/.]|月)\\s*([0-9]{1,2})\\s*日?$"));
    if (const auto m = thisYear.match(t); m.hasMatch() && today.isValid())
        return QDate(today.year(), m.captured(1).toInt(), m.captured(2).toInt());
    return {};
}

} // namespace fd
