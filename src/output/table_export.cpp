#include "table_export.h"

#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <xlsxwriter.h>

namespace fd {
namespace {

QString csvField(const QString& text) {
    // Quote fields with separators, quotes or line breaks; a leading = + - @ is made inert
    // so a spreadsheet does not evaluate it as a formula.
    QString t = text;
    if (!t.isEmpty() && QStringLiteral("=+-@").contains(t.front()) &&
        !(t.size() > 1 && t.front() == QLatin1Char('-') && t.at(1).isDigit()))
        t.prepend(QLatin1Char('\''));
    if (t.contains(QLatin1Char(',')) || t.contains(QLatin1Char('"')) ||
        t.contains(QLatin1Char('\n')) || t.contains(QLatin1Char('\r')))
        return QLatin1Char('"') + QString(t).replace(QStringLiteral("\""), QStringLiteral("\"\"")) +
               QLatin1Char('"');
    return t;
}

Error writeFailed(const QString& path, const QString& why) {
    return Error::storage({QStringLiteral("Could not write %1: %2").arg(path, why),
                           QStringLiteral("无法写入 %1：%2").arg(path, why)});
}

} // namespace

Status exportCsv(const TableSnapshot& table, const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(writeFailed(path, file.errorString()));
    QString text;
    QStringList fields;
    for (const QString& h : table.headers)
        fields << csvField(h);
    text += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (const QStringList& row : table.rows) {
        fields.clear();
        for (const QString& value : row)
            fields << csvField(value);
        text += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    file.write("\xEF\xBB\xBF");
    file.write(text.toUtf8());
    if (!file.commit())
        return fail(writeFailed(path, file.errorString()));
    return {};
}

Status exportXlsx(const TableSnapshot& table, const QString& path, const QString& sheetTitle) {
    const QByteArray file = QFile::encodeName(path);
    lxw_workbook* book = workbook_new(file.constData());
    if (book == nullptr)
        return fail(writeFailed(path, QStringLiteral("xlsx")));
    // Sheet names: at most 31 characters, none of []:*?/\ .
    QString name = sheetTitle.isEmpty() ? QStringLiteral("Sheet1") : sheetTitle.left(31);
    for (const QChar bad : QStringLiteral("[]:*?/\\"))
        name.replace(bad, QLatin1Char('_'));
    lxw_worksheet* sheet = workbook_add_worksheet(book, name.toUtf8().constData());
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    for (int c = 0; c < table.headers.size(); ++c) {
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c),
                               table.headers[c].toUtf8().constData(), bold);
        worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 16,
                             nullptr);
    }
    // Numbers, dates and times as their types, so that a spreadsheet sums and sorts them;
    // everything else (codes as words, masked phones, room codes) as text.
    lxw_format* dateFormat = workbook_add_format(book);
    format_set_num_format(dateFormat, "yyyy-mm-dd");
    lxw_format* timeFormat = workbook_add_format(book);
    format_set_num_format(timeFormat, "yyyy-mm-dd hh:mm");
    static const QRegularExpression dateOrTime(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})(?: (\\d{2}):(\\d{2}))?$"));
    for (int r = 0; r < table.rows.size(); ++r)
        for (int c = 0; c < table.rows[r].size(); ++c) {
            const QString& text = table.rows[r][c];
            const auto row = static_cast<lxw_row_t>(r + 1);
            const auto col = static_cast<lxw_col_t>(c);
            if (text.isEmpty())
                continue;
            bool number = false;
            const double value = table.isNumber(r, c) ? text.toDouble(&number) : 0;
            if (number) {
                worksheet_write_number(sheet, row, col, value, nullptr);
                continue;
            }
            if (const auto m = dateOrTime.match(text); m.hasMatch()) {
                const QDate day(m.captured(1).toInt(), m.captured(2).toInt(),
                                m.captured(3).toInt());
                const bool timed = !m.captured(4).isEmpty();
                const QTime at =
                    timed ? QTime(m.captured(4).toInt(), m.captured(5).toInt()) : QTime(0, 0);
                if (day.isValid() && at.isValid()) {
                    lxw_datetime when{day.year(), day.month(), day.day(),
                                      at.hour(),  at.minute(), 0};
                    worksheet_write_datetime(sheet, row, col, &when,
                                             timed ? timeFormat : dateFormat);
                    continue;
                }
            }
            worksheet_write_string(sheet, row, col, text.toUtf8().constData(), nullptr);
        }
    const lxw_error rc = workbook_close(book);
    if (rc != LXW_NO_ERROR)
        return fail(writeFailed(path, QString::fromUtf8(lxw_strerror(rc))));
    return {};
}

Status exportTable(const TableSnapshot& table, const QString& path, const QString& title) {
    if (QFileInfo(path).suffix().compare(QStringLiteral("xlsx"), Qt::CaseInsensitive) == 0)
        return exportXlsx(table, path, title);
    return exportCsv(table, path);
}

} // namespace fd
