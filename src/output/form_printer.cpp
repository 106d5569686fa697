#include "form_printer.h"
#include "pdf_text_layer.h"

#include "audit/audit_log.h"
#include "services/services.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <algorithm>
#include <functional>
#include <numeric>
#include <vector>

namespace fd {
namespace {

// The frame's words, in the document's language.
QString frameText(const PrintDocument& doc, const char* en, const char* zh) {
    return doc.chinese ? QString::fromUtf8(zh) : QString::fromUtf8(en);
}

// Latin letters and digits come from a TrueType face: Qt's PDF writer maps the glyphs of the
// CJK face's OpenType (CFF) outlines for digits to no character, so a printed room number or
// audit anchor would be missing from the PDF's text layer. Chinese falls back to Noto CJK.
QFont font(qreal points, bool bold = false) {
    QFont f;
    f.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans CJK SC")});
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(points);
    f.setBold(bold);
    // No ligatures: DejaVu would draw "ff" in an audit anchor as one glyph (ﬀ), which the
    // text layer then reads as U+FB00, and the anchor could not be found or copied. Qt
    // shapes without ligatures when letters are spaced; this spacing (1/32 of a device pixel,
    // at 300 dpi) cannot be seen.
    f.setLetterSpacing(QFont::AbsoluteSpacing, 1.0 / 32);
    return f;
}

// One piece of the page flow: its height and how to paint it at a given top.
struct Block {
    qreal height = 0;
    std::function<void(QPainter&, qreal top)> paint;
    int table = -1; // the table a row belongs to, to repeat its header on a new page
    bool header = false;
};

class Layout final {
public:
    Layout(const PrintDocument& doc, QPagedPaintDevice& device) : doc_(doc), device_(device) {
        const qreal mm = device.logicalDpiX() / 25.4;
        margin_ = 15 * mm;
        gap_ = 3 * mm;
        width_ = device.width() - 2 * margin_;
        top_ = margin_ + 14 * mm;                      // below the office header
        bottom_ = device.height() - margin_ - 10 * mm; // above the footer
        pad_ = 1.2 * mm;
    }

    std::vector<Block> blocks() {
        std::vector<Block> out;
        addTitle(out);
        addFields(out);
        for (int t = 0; t < doc_.tables.size(); ++t)
            addTable(out, t);
        addSignatures(out);
        return out;
    }

    // Pages as lists of (block index, top); table headers repeat when rows move on.
    std::vector<std::vector<std::pair<const Block*, qreal>>>
    paginate(const std::vector<Block>& bs) {
        std::vector<std::vector<std::pair<const Block*, qreal>>> pages(1);
        qreal y = top_;
        for (const Block& b : bs) {
            if (y + b.height > bottom_ && y > top_) {
                pages.emplace_back();
                y = top_;
                if (b.table >= 0 && !b.header) {
                    const Block& h = headers_.at(static_cast<std::size_t>(b.table));
                    pages.back().emplace_back(&h, y);
                    y += h.height;
                }
            }
            pages.back().emplace_back(&b, y);
            y += b.height;
        }
        return pages;
    }

    void paintFrame(QPainter& p, int page, int pages) const {
        p.setPen(Qt::black);
        p.setFont(font(10));
        const QString office = doc_.officeName;
        const qreal headerBottom = margin_ + 8 * device_.logicalDpiX() / 25.4;
        p.drawText(QRectF(margin_, margin_, width_, headerBottom - margin_),
                   Qt::AlignHCenter | Qt::AlignBottom, office);
        p.drawLine(QPointF(margin_, headerBottom + pad_),
                   QPointF(margin_ + width_, headerBottom + pad_));
        p.setFont(font(8));
        const qreal footTop = device_.height() - margin_ - 9 * device_.logicalDpiX() / 25.4;
        p.drawLine(QPointF(margin_, footTop), QPointF(margin_ + width_, footTop));
        const QRectF foot(margin_, footTop + pad_, width_, device_.height() - margin_ - footTop);
        QString left;
        if (!doc_.auditHead.isEmpty())
            left = frameText(doc_, "Audit head %1", "审计链头 %1").arg(doc_.auditHead);
        if (!doc_.printedAt.isEmpty())
            left += QLatin1Char('\n') + frameText(doc_, "Printed %1 by %2", "%2 打印于 %1")
                                            .arg(doc_.printedAt, doc_.printedBy);
        p.drawText(foot, Qt::AlignLeft | Qt::AlignTop, left);
        p.drawText(foot, Qt::AlignRight | Qt::AlignTop,
                   frameText(doc_, "Page %1 of %2", "第 %1 页，共 %2 页").arg(page).arg(pages));
    }

    // A column is at least as wide as its codes, numbers and dates unwrapped, and its words
    // and header up to four characters a line; what is left of the line goes by the weights.
    std::vector<qreal> leastWidths(const PrintTable& table) const {
        const QFontMetricsF headMetrics(font(9, true), &device_);
        const QFontMetricsF bodyMetrics(font(9), &device_);
        const qreal headerLine = headMetrics.horizontalAdvance(QStringLiteral("保管期限"));
        const int columns = static_cast<int>(table.headers.size());
        std::vector<qreal> least(static_cast<std::size_t>(columns), 0);
        for (int c = 0; c < columns; ++c) {
            qreal w = std::min(headMetrics.horizontalAdvance(table.headers[c]), headerLine);
            for (const QStringList& row : table.rows) {
                const QString cell = row.value(c);
                const bool words = std::any_of(cell.cbegin(), cell.cend(), [](QChar ch) {
                    return ch.unicode() >= 0x2E80 || ch.isSpace();
                });
                // Codes, numbers and dates whole (a wrap would split WS-S1-001 at a hyphen);
                // words may wrap after four characters.
                if (!words && cell.size() <= 20)
                    w = std::max(w, bodyMetrics.horizontalAdvance(cell));
                else if (words)
                    w = std::max(w, std::min(bodyMetrics.horizontalAdvance(cell), headerLine));
            }
            least[static_cast<std::size_t>(c)] = std::min(w + 2 * pad_ + 1, width_ * 0.3);
        }
        return least;
    }

    // Whether every table's columns fit across the page at their least widths.
    [[nodiscard]] bool tablesFit() const {
        return std::all_of(doc_.tables.cbegin(), doc_.tables.cend(), [this](const PrintTable& t) {
            const std::vector<qreal> least = leastWidths(t);
            return std::accumulate(least.begin(), least.end(), 0.0) <= width_;
        });
    }

    std::vector<Block> headers_;

private:
    qreal textHeight(const QFont& f, const QString& text, qreal width) const {
        const QFontMetricsF fm(f, &device_);
        return fm.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text).height();
    }

    void addTitle(std::vector<Block>& out) {
        const QFont f = font(16, true);
        const QString title = doc_.title;
        const qreal h = textHeight(f, title, width_) + 2 * gap_;
        out.push_back({h, [this, f, title, h](QPainter& p, qreal top) {
                           p.setFont(f);
                           p.drawText(QRectF(margin_, top, width_, h),
                                      Qt::AlignCenter | Qt::TextWordWrap, title);
                       }});
    }

    void addFields(std::vector<Block>& out) {
        // Two label/value pairs per line; long values take the whole line.
        const QFont label = font(10, true);
        const QFont value = font(10);
        // Labels are not wrapped: the column takes the widest (up to a quarter of the line).
        const QString colon = QStringLiteral("：");
        const QFontMetricsF labelMetrics(label, &device_);
        qreal labelWidth = 0;
        for (const PrintField& f : doc_.fields)
            labelWidth = std::max(labelWidth, labelMetrics.horizontalAdvance(f.label + colon));
        labelWidth = std::min(labelWidth + pad_, width_ * 0.25);
        int i = 0;
        while (i < doc_.fields.size()) {
            const PrintField a = doc_.fields[i];
            const bool wide = a.value.size() > 24 || i + 1 == doc_.fields.size() ||
                              doc_.fields[i + 1].value.size() > 24;
            QList<PrintField> line{a};
            if (!wide)
                line << doc_.fields[i + 1];
            i += static_cast<int>(line.size());
            const qreal cellWidth = width_ / static_cast<qreal>(line.size());
            qreal h = 0;
            for (const PrintField& f : line)
                h = std::max({h, textHeight(value, f.value, cellWidth - labelWidth - pad_),
                              textHeight(label, f.label + colon, labelWidth)});
            h += 2 * pad_;
            out.push_back({h, [=, this](QPainter& p, qreal top) {
                               for (int k = 0; k < line.size(); ++k) {
                                   const qreal x = margin_ + k * cellWidth;
                                   p.setFont(label);
                                   p.drawText(QRectF(x, top + pad_, labelWidth, h),
                                              Qt::TextWordWrap, line[k].label + colon);
                                   p.setFont(value);
                                   p.drawText(QRectF(x + labelWidth + pad_, top + pad_,
                                                     cellWidth - labelWidth - pad_, h),
                                              Qt::TextWordWrap, line[k].value);
                               }
                           }});
        }
        if (!doc_.fields.isEmpty())
            out.push_back({gap_, [](QPainter&, qreal) {}});
    }

    void addTable(std::vector<Block>& out, int index) {
        const PrintTable& table = doc_.tables[index];
        const int columns = static_cast<int>(table.headers.size());
        if (headers_.size() <= static_cast<std::size_t>(index))
            headers_.resize(static_cast<std::size_t>(index) + 1);
        if (columns == 0)
            return;
        // Column widths follow the longest text (CJK characters count double), bounded.
        std::vector<qreal> weight(static_cast<std::size_t>(columns), 4);
        auto measure = [](const QString& s) {
            qreal n = 0;
            for (const QChar c : s)
                n += c.unicode() > 0x2E80 ? 2 : 1;
            return std::clamp(n, 4.0, 30.0);
        };
        for (int c = 0; c < columns; ++c) {
            weight[static_cast<std::size_t>(c)] = measure(table.headers[c]);
            for (const QStringList& row : table.rows)
                weight[static_cast<std::size_t>(c)] =
                    std::max(weight[static_cast<std::size_t>(c)], measure(row.value(c)));
        }
        const QFont head = font(9, true);
        const QFont body = font(9);
        const std::vector<qreal> least = leastWidths(table);
        const qreal leastTotal = std::accumulate(least.begin(), least.end(), 0.0);
        const qreal shrink = leastTotal > width_ ? width_ / leastTotal : 1.0;
        const qreal rest = std::max(0.0, width_ - leastTotal);
        const qreal total = std::accumulate(weight.begin(), weight.end(), 0.0);
        std::vector<qreal> x(static_cast<std::size_t>(columns) + 1, margin_);
        for (int c = 0; c < columns; ++c) {
            const auto i = static_cast<std::size_t>(c);
            x[i + 1] = x[i] + least[i] * shrink + rest * weight[i] / total;
        }
        auto rowBlock = [=, this](const QStringList& cells, const QFont& f, bool shaded) {
            qreal h = 0;
            for (int c = 0; c < columns; ++c)
                h = std::max(h, textHeight(f, cells.value(c),
                                           x[static_cast<std::size_t>(c) + 1] -
                                               x[static_cast<std::size_t>(c)] - 2 * pad_));
            h += 2 * pad_;
            return Block{h, [=, this](QPainter& p, qreal top) {
                             if (shaded)
                                 p.fillRect(QRectF(margin_, top, width_, h), QColor(235, 235, 235));
                             p.setFont(f);
                             for (int c = 0; c < columns; ++c) {
                                 const QRectF cell(x[static_cast<std::size_t>(c)], top,
                                                   x[static_cast<std::size_t>(c) + 1] -
                                                       x[static_cast<std::size_t>(c)],
                                                   h);
                                 p.drawRect(cell);
                                 p.drawText(cell.adjusted(pad_, pad_, -pad_, -pad_),
                                            Qt::TextWordWrap, cells.value(c));
                             }
                         }};
        };
        if (!table.title.isEmpty()) {
            const QFont f = font(11, true);
            const QString title = table.title;
            const qreal h = textHeight(f, title, width_) + gap_;
            out.push_back({h, [=, this](QPainter& p, qreal top) {
                               p.setFont(f);
                               p.drawText(QRectF(margin_, top, width_, h),
                                          Qt::AlignLeft | Qt::AlignVCenter, title);
                           }});
        }
        Block header = rowBlock(table.headers, head, true);
        header.table = index;
        header.header = true;
        headers_[static_cast<std::size_t>(index)] = header;
        out.push_back(header);
        for (const QStringList& row : table.rows) {
            Block b = rowBlock(row, body, false);
            b.table = index;
            out.push_back(b);
        }
        out.push_back({gap_, [](QPainter&, qreal) {}});
    }

    void addSignatures(std::vector<Block>& out) {
        if (doc_.signatures.isEmpty())
            return;
        const QFont f = font(10);
        const QFontMetricsF fm(f, &device_);
        const qreal line = fm.height() * 2.2;
        const QList<PrintSignature> sigs = doc_.signatures;
        const qreal h = line * static_cast<qreal>(sigs.size()) + gap_;
        out.push_back(
            {h, [=, this](QPainter& p, qreal top) {
                 p.setFont(f);
                 for (int i = 0; i < sigs.size(); ++i) {
                     const qreal y = top + gap_ + i * line;
                     const qreal mid = margin_ + width_ * 0.5;
                     p.drawText(QPointF(margin_, y + fm.ascent()),
                                sigs[i].meaning + QStringLiteral("："));
                     const qreal signX = margin_ + width_ * 0.2;
                     p.drawLine(QPointF(signX, y + fm.height()),
                                QPointF(mid - gap_, y + fm.height()));
                     p.drawText(QPointF(signX + pad_, y + fm.ascent()), sigs[i].signer);
                     p.drawText(QPointF(mid, y + fm.ascent()), frameText(doc_, "Time:", "时间："));
                     const qreal timeX =
                         mid + fm.horizontalAdvance(frameText(doc_, "Time:", "时间：")) + pad_;
                     p.drawLine(QPointF(timeX, y + fm.height()),
                                QPointF(margin_ + width_, y + fm.height()));
                     p.drawText(QPointF(timeX + pad_, y + fm.ascent()), sigs[i].time);
                 }
             }});
    }

    const PrintDocument& doc_;
    QPagedPaintDevice& device_;
    qreal margin_ = 0, gap_ = 0, width_ = 0, top_ = 0, bottom_ = 0, pad_ = 0;
};

} // namespace

Result<int> FormPrinter::render(const PrintDocument& document, QPagedPaintDevice& device) {
    // A register too wide for the page upright (the volume catalogue's fifteen columns) is
    // printed across it.
    if (!Layout(document, device).tablesFit() &&
        device.pageLayout().orientation() == QPageLayout::Portrait)
        device.setPageOrientation(QPageLayout::Landscape);
    Layout layout(document, device);
    const std::vector<Block> blocks = layout.blocks();
    const auto pages = layout.paginate(blocks);
    QPainter painter;
    if (!painter.begin(&device))
        return fail(Error::storage({QStringLiteral("The printer or file could not be opened."),
                                    QStringLiteral("无法打开打印机或文件。")}));
    const int count = static_cast<int>(pages.size());
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            device.newPage();
        layout.paintFrame(painter, i + 1, count);
        for (const auto& [block, top] : pages[static_cast<std::size_t>(i)])
            block->paint(painter, top);
    }
    painter.end();
    return count;
}

Result<int> FormPrinter::toPdf(const PrintDocument& document, const QString& path) {
    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    // The writer finishes the file when it goes, at the end of the lambda.
    const Result<int> pages = [&] {
        QPdfWriter writer(&pdf);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(300);
        writer.setTitle(document.title);
        writer.setCreator(QStringLiteral("Frontdesk"));
        return render(document, writer);
    }();
    if (!pages)
        return pages;
    // The file appears whole or not at all: a full disk leaves no half-written PDF.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(withIdeographsForRadicals(pdf.data())) < 0 ||
        !file.commit())
        return fail(Error::storage(
            {QStringLiteral("The PDF could not be written to %1: %2").arg(path, file.errorString()),
             QStringLiteral("无法写入 PDF 文件 %1：%2").arg(path, file.errorString())}));
    return pages;
}

void FormPrinter::stamp(PrintDocument& document, const Services& s, const Actor& actor,
                        bool chinese) {
    document.chinese = chinese;
    if (document.officeName.isEmpty())
        document.officeName = s.policy().officeName().in(chinese);
    if (auto head = AuditLog::head(s.database().connection()); head)
        document.auditHead = head->seq == 0 ? QString() : head->text();
    document.printedBy = actor.displayName;
    document.printedAt = s.clock()
                             .nowUtc()
                             .toTimeZone(Clock::officeZone())
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace fd
