#include "pdf_text_layer.h"

#include <QFont>
#include <QHash>
#include <QRawFont>
#include <QRegularExpression>

namespace fd {
namespace {

constexpr char16_t kFirstRadical = 0x2E80;
constexpr char16_t kLastRadical = 0x2FDF;
constexpr char16_t kFirstIdeograph = 0x4E00;
constexpr char16_t kLastIdeograph = 0x9FFF;

// For each radical the CJK face draws with an ideograph's glyph, that ideograph (regular and
// bold faces; the first found is kept).
QHash<char16_t, char16_t> ideographOfRadical() {
    QHash<char16_t, char16_t> out;
    for (const bool bold : {false, true}) {
        QFont font(QStringLiteral("Noto Sans CJK SC"));
        font.setBold(bold);
        const QRawFont raw = QRawFont::fromFont(font);
        if (!raw.isValid())
            continue;
        QString ideographs;
        for (char16_t c = kFirstIdeograph; c <= kLastIdeograph; ++c)
            ideographs.append(QChar(c));
        const QList<quint32> glyphs = raw.glyphIndexesForString(ideographs);
        QHash<quint32, char16_t> ideographOfGlyph;
        for (qsizetype i = 0; i < glyphs.size(); ++i)
            if (glyphs[i] != 0 && !ideographOfGlyph.contains(glyphs[i]))
                ideographOfGlyph.insert(glyphs[i], ideographs.at(i).unicode());
        QString radicals;
        for (char16_t c = kFirstRadical; c <= kLastRadical; ++c)
            radicals.append(QChar(c));
        const QList<quint32> radicalGlyphs = raw.glyphIndexesForString(radicals);
        for (qsizetype i = 0; i < radicalGlyphs.size(); ++i) {
            const char16_t radical = radicals.at(i).unicode();
            if (const auto it = ideographOfGlyph.constFind(radicalGlyphs[i]);
                radicalGlyphs[i] != 0 && it != ideographOfGlyph.cend() && !out.contains(radical))
                out.insert(radical, *it);
        }
    }
    return out;
}

const QHash<char16_t, char16_t>& radicals() {
    static const QHash<char16_t, char16_t> map = ideographOfRadical();
    return map;
}

} // namespace

QByteArray withIdeographsForRadicals(const QByteArray& pdf) {
    const QHash<char16_t, char16_t>& map = radicals();
    if (map.isEmpty())
        return pdf;
    QByteArray out = pdf;
    // Only the character arrays of the ToUnicode maps are touched: "<0001> <004C> [<4EA4>
    // <2F47> …]" between begincmap and endcmap. The code points keep their four hex digits.
    static const QRegularExpression token(QStringLiteral("<([0-9A-Fa-f]{4})>"));
    qsizetype from = 0;
    while (true) {
        const qsizetype begin = out.indexOf("begincmap", from);
        if (begin < 0)
            break;
        const qsizetype end = out.indexOf("endcmap", begin);
        if (end < 0)
            break;
        qsizetype open = out.indexOf('[', begin);
        while (open >= 0 && open < end) {
            const qsizetype close = out.indexOf(']', open);
            if (close < 0 || close > end)
                break;
            const QString array = QString::fromLatin1(out.mid(open, close - open));
            for (auto it = token.globalMatch(array); it.hasNext();) {
                const auto m = it.next();
                bool ok = false;
                const auto code = static_cast<char16_t>(m.captured(1).toUInt(&ok, 16));
                if (const auto found = map.constFind(code); ok && found != map.cend())
                    out.replace(open + m.capturedStart(1), 4,
                                QStringLiteral("%1")
                                    .arg(static_cast<uint>(*found), 4, 16, QLatin1Char('0'))
                                    .toUpper()
                                    .toLatin1());
            }
            open = out.indexOf('[', close);
        }
        from = end;
    }
    return out;
}

} // namespace fd
