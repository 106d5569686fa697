#pragma once

#include <QByteArray>

namespace fd {

// Qt's PDF writer names each glyph of a PDF's text layer (a font's ToUnicode map) by the
// lowest code point the font gives that glyph. Noto Sans CJK gives the code points of the
// radicals (U+2E80–U+2FDF) the glyphs of common ideographs, so 门, 户, 车, 齐 and 页 would
// be read back from a printed form as ⻔, ⼾, ⻋, ⻬ and ⻚: pdftotext, a search in an
// archive of PDFs and copying from one would not find them. This names every radical of the
// maps again as the ideograph whose glyph it was (the same glyph in the CJK face), keeping
// every byte offset of the file.
QByteArray withIdeographsForRadicals(const QByteArray& pdf);

} // namespace fd
