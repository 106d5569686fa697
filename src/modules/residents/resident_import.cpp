// Reading resident lists from CSV and XLSX files: every cell checked, every problem kept
// with its line and column, so a clerk can fix the whole file in one go.
#include "residents/resident_import.h"

#include "db/sql.h"
#include "util/log.h"
#include "util/typed_date.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QStringDecoder>
#include <QXmlStreamReader>

#include <unzip.h>
#include <xlsxwriter.h>

namespace fd::residents {
namespace {

// One row of cells as read from the file, before any checking.
struct RawRow {
    int line = 0;
    QStringList cells;
};

struct RawTable {
    RawRow header;
    QList<RawRow> rows;
};

const QHash<QString, QString>& headerAliases() {
    static const QHash<QString, QString> aliases = [] {
        QHash<QString, QString> h;
        for (const ImportColumn& c : importColumns()) {
            h.insert(c.key, c.key);
            h.insert(c.title.zh, c.key);
            h.insert(c.title.en.toLower(), c.key);
        }
        const QList<std::pair<const char16_t*, const char*>> extra = {
            {u"房间号", "room_code"}, {u"房间", "room_code"},  {u"住户类型", "kind"},
            {u"身份", "kind"},        {u"名字", "name"},       {u"身份证后4位", "id_tail"},
            {u"手机", "phone"},       {u"手机号", "phone"},    {u"联系电话", "phone"},
            {u"电话1", "phone"},      {u"备用电话", "phone2"}, {u"电话二", "phone2"},
            {u"入住时间", "move_in"}, {u"迁入日期", "move_in"}};
        for (const auto& [zh, key] : extra)
            h.insert(QString::fromUtf16(zh), QString::fromLatin1(key));
        return h;
    }();
    return aliases;
}

ImportProblem problem(int line, int column, const QString& columnName, const QString& en,
                      const QString& zh) {
    return ImportProblem{line, column, columnName, {en, zh}};
}

QDate parseDate(const QString& text) {
    static const QRegularExpression numeric(QStringLiteral("^[0-9]{5}$"));
    if (numeric.match(text).hasMatch()) // a spreadsheet date serial (days since 1899-12-30)
        return QDate(1899, 12, 30).addDays(text.toInt());
    // 2019年3月5日, 2019/3/5, 2019-3-5, 2019.3.5, as Chinese spreadsheets and forms write a
    // date.
    return typedDate(text);
}

// Maps the header, then checks each row; every problem is kept.
ImportFile validate(const RawTable& table) {
    ImportFile out;
    QHash<QString, int> columnOf; // key -> index in the row
    const QStringList& header = table.header.cells;
    for (int i = 0; i < header.size(); ++i) {
        const QString title = header.at(i).trimmed();
        if (title.isEmpty())
            continue;
        const QString key = headerAliases().value(title.toLower());
        if (key.isEmpty()) {
            out.problems << problem(
                table.header.line, i + 1, title,
                QStringLiteral("unknown column; the template's columns are 房号, 类型, 姓名, "
                               "身份证后四位, 电话, 电话2, 入住日期, 备注"),
                QStringLiteral("无法识别的列；模板的列为 "
                               "房号、类型、姓名、身份证后四位、电话、电话2、入住日期、备注"));
        } else if (columnOf.contains(key)) {
            out.problems << problem(table.header.line, i + 1, title,
                                    QStringLiteral("this column appears twice"),
                                    QStringLiteral("该列重复出现"));
        } else {
            columnOf.insert(key, i);
        }
    }
    for (const ImportColumn& c : importColumns())
        if (c.required && !columnOf.contains(c.key))
            out.problems << problem(
                table.header.line, 0, c.title.zh,
                QStringLiteral("the required column %1 (%2) is missing").arg(c.title.zh, c.key),
                QStringLiteral("缺少必填列「%1」").arg(c.title.zh));
    if (!out.problems.isEmpty())
        return out; // without a usable header the rows cannot be read

    for (const RawRow& raw : table.rows) {
        const bool blank = std::all_of(raw.cells.begin(), raw.cells.end(),
                                       [](const QString& c) { return c.trimmed().isEmpty(); });
        if (blank)
            continue;
        const int before = out.problems.size();
        auto cell = [&](const QString& key) {
            const int i = columnOf.value(key, -1);
            const QString text =
                i >= 0 && i < raw.cells.size() ? raw.cells.at(i).trimmed() : QString();
            // Codes, numbers and dates are read whether typed full-width or not.
            static const QStringList structured{
                QStringLiteral("room_code"), QStringLiteral("phone"), QStringLiteral("phone2"),
                QStringLiteral("id_tail"), QStringLiteral("move_in")};
            return structured.contains(key) ? halfWidth(text).trimmed() : text;
        };
        auto report = [&](const QString& key, const QString& en, const QString& zh) {
            const int i = columnOf.value(key, -1);
            out.problems << problem(raw.line, i + 1, i >= 0 ? header.at(i).trimmed() : key, en, zh);
        };
        for (int i = header.size(); i < raw.cells.size(); ++i)
            if (!raw.cells.at(i).trimmed().isEmpty())
                out.problems << problem(raw.line, i + 1, QString(),
                                        QStringLiteral("a value beyond the last column"),
                                        QStringLiteral("超出表头范围的内容"));
        ImportRow row;
        row.line = raw.line;
        const QString room = cell(QStringLiteral("room_code"));
        if (const auto code = RoomCode::parse(room))
            row.room = *code;
        else if (room.isEmpty())
            report(QStringLiteral("room_code"), QStringLiteral("the room is required"),
                   QStringLiteral("房号为必填项"));
        else
            report(QStringLiteral("room_code"),
                   QStringLiteral("%1 is not building-unit-room (e.g. 3-2-1502)").arg(room),
                   QStringLiteral("「%1」格式应为 楼栋-单元-房号（如 3-2-1502）").arg(room));
        const QString kind = cell(QStringLiteral("kind"));
        if (const auto k = parseKind(kind))
            row.kind = *k;
        else
            report(QStringLiteral("kind"),
                   QStringLiteral("%1 is not one of 业主 (owner), 租户 (tenant), 家属 (family)")
                       .arg(kind),
                   QStringLiteral("「%1」应为 业主、租户 或 家属").arg(kind));
        row.name = cell(QStringLiteral("name"));
        if (row.name.isEmpty())
            report(QStringLiteral("name"), QStringLiteral("the name is required"),
                   QStringLiteral("姓名为必填项"));
        else if (row.name.size() > 40)
            report(QStringLiteral("name"),
                   QStringLiteral("the name is too long (at most 40 characters)"),
                   QStringLiteral("姓名过长（最多 40 个字符）"));
        row.idTail = cell(QStringLiteral("id_tail")).toUpper();
        if (!row.idTail.isEmpty() && !isIdTail(row.idTail)) {
            report(QStringLiteral("id_tail"),
                   QStringLiteral("only the last 4 characters of the ID number (digits, the last "
                                  "may be X); a whole ID number is never stored"),
                   QStringLiteral("只填身份证号码的最后 4 位（数字，末位可为 X），不保存完整号码"));
            row.idTail.clear();
        }
        for (const QString& key : {QStringLiteral("phone"), QStringLiteral("phone2")}) {
            const QString raw = cell(key);
            const QString normal = normalisePhone(raw);
            if (!raw.isEmpty() && normal.isEmpty())
                report(key, QStringLiteral("not a phone number (7 to 15 digits)"),
                       QStringLiteral("不是有效的电话号码（7 至 15 位数字）"));
            (key == QStringLiteral("phone") ? row.phone : row.phone2) = normal;
        }
        if (row.phone.isEmpty() && !row.phone2.isEmpty())
            std::swap(row.phone, row.phone2);
        const QString moveIn = cell(QStringLiteral("move_in"));
        if (!moveIn.isEmpty()) {
            row.moveIn = parseDate(moveIn);
            if (!row.moveIn.isValid())
                report(QStringLiteral("move_in"),
                       QStringLiteral("%1 is not a date like 2024-05-01").arg(moveIn),
                       QStringLiteral("「%1」不是日期，格式应为 2024-05-01").arg(moveIn));
        }
        row.notes = cell(QStringLiteral("notes"));
        if (row.notes.size() > 500)
            report(QStringLiteral("notes"),
                   QStringLiteral("the notes are too long (at most 500 characters)"),
                   QStringLiteral("备注过长（最多 500 个字符）"));
        if (out.problems.size() == before)
            out.rows << row;
    }
    return out;
}

// RFC 4180 fields: quotes around fields, doubled quotes inside, line breaks inside quotes.
RawTable splitCsv(const QString& text) {
    RawTable table;
    QList<RawRow> records;
    RawRow current;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    current.line = 1;
    auto endField = [&] {
        current.cells << field;
        field.clear();
        fieldStarted = false;
    };
    auto endRecord = [&] {
        endField();
        records << current;
        current = RawRow{};
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && !fieldStarted && field.isEmpty()) {
            quoted = true;
            fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            endField();
        } else if (c == QLatin1Char('\r')) {
            continue;
        } else if (c == QLatin1Char('\n')) {
            endRecord();
            current.line = ++line;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !current.cells.isEmpty() || fieldStarted)
        endRecord();
    if (!records.isEmpty()) {
        table.header = records.takeFirst();
        table.rows = records;
    }
    return table;
}

Result<QByteArray> readZipEntry(unzFile zip, const char* name) {
    if (unzLocateFile(zip, name, 0) != UNZ_OK)
        return fail(Error::notFound(
            QStringLiteral("file"),
            {QStringLiteral("The workbook has no %1.").arg(QString::fromLatin1(name)),
             QStringLiteral("工作簿缺少 %1。").arg(QString::fromLatin1(name))}));
    if (unzOpenCurrentFile(zip) != UNZ_OK)
        return fail(Error::badInput(
            QStringLiteral("file"),
            {QStringLiteral("The workbook is damaged (%1).").arg(QString::fromLatin1(name)),
             QStringLiteral("工作簿已损坏（%1）。").arg(QString::fromLatin1(name))}));
    QByteArray data;
    char buffer[65536];
    int n = 0;
    while ((n = unzReadCurrentFile(zip, buffer, sizeof buffer)) > 0)
        data.append(buffer, n);
    unzCloseCurrentFile(zip);
    if (n < 0)
        return fail(Error::badInput(
            QStringLiteral("file"),
            {QStringLiteral("The workbook is damaged (%1).").arg(QString::fromLatin1(name)),
             QStringLiteral("工作簿已损坏（%1）。").arg(QString::fromLatin1(name))}));
    return data;
}

QStringList sharedStrings(const QByteArray& xml) {
    QStringList out;
    QXmlStreamReader r(xml);
    QString current;
    int phonetic = 0; // <rPh> runs hold readings, not the text
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            if (r.name() == QLatin1String("si"))
                current.clear();
            else if (r.name() == QLatin1String("rPh"))
                ++phonetic;
            else if (r.name() == QLatin1String("t") && phonetic == 0)
                current += r.readElementText();
        } else if (r.isEndElement()) {
            if (r.name() == QLatin1String("si"))
                out << current;
            else if (r.name() == QLatin1String("rPh"))
                --phonetic;
        }
    }
    return out;
}

// "B12" -> column index 1 (0-based).
int columnIndex(QStringView ref) {
    int col = 0;
    for (const QChar c : ref) {
        if (!c.isLetter())
            break;
        col = col * 26 + (c.toUpper().unicode() - 'A' + 1);
    }
    return col - 1;
}

QString numberText(const QString& v) {
    if (!v.contains(QLatin1Char('E'), Qt::CaseInsensitive) && !v.contains(QLatin1Char('.')))
        return v;
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (ok && d == static_cast<double>(static_cast<qint64>(d)))
        return QString::number(static_cast<qint64>(d));
    return v;
}

// The first sheet's part name, from the workbook and its relationships.
QString firstSheetPath(unzFile zip) {
    auto workbook = readZipEntry(zip, "xl/workbook.xml");
    auto rels = readZipEntry(zip, "xl/_rels/workbook.xml.rels");
    if (!workbook || !rels)
        return QStringLiteral("xl/worksheets/sheet1.xml");
    QString relId;
    QXmlStreamReader w(*workbook);
    while (!w.atEnd() && relId.isEmpty())
        if (w.readNext() == QXmlStreamReader::StartElement && w.name() == QLatin1String("sheet"))
            for (const auto& a : w.attributes())
                if (a.name() == QLatin1String("id"))
                    relId = a.value().toString();
    QXmlStreamReader r(*rels);
    while (!r.atEnd())
        if (r.readNext() == QXmlStreamReader::StartElement &&
            r.name() == QLatin1String("Relationship") &&
            r.attributes().value(QLatin1String("Id")) == relId) {
            QString target = r.attributes().value(QLatin1String("Target")).toString();
            return target.startsWith(QLatin1Char('/')) ? target.mid(1)
                                                       : QStringLiteral("xl/") + target;
        }
    return QStringLiteral("xl/worksheets/sheet1.xml");
}

Result<RawTable> readXlsxTable(const QString& path) {
    unzFile zip = unzOpen(QFile::encodeName(path).constData());
    if (zip == nullptr)
        return fail(Error::badInput(
            QStringLiteral("file"),
            {QStringLiteral("%1 is not an XLSX workbook.").arg(QFileInfo(path).fileName()),
             QStringLiteral("%1 不是 XLSX 工作簿。").arg(QFileInfo(path).fileName())}));
    const QStringList strings = [&] {
        auto xml = readZipEntry(zip, "xl/sharedStrings.xml");
        return xml ? sharedStrings(*xml) : QStringList();
    }();
    const QByteArray sheetPath = firstSheetPath(zip).toUtf8();
    auto sheet = readZipEntry(zip, sheetPath.constData());
    unzClose(zip);
    if (!sheet)
        return fail(sheet.error());

    QList<RawRow> rows;
    QXmlStreamReader r(*sheet);
    RawRow row;
    int nextRow = 1;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement() && r.name() == QLatin1String("row")) {
            row = RawRow{};
            const auto ref = r.attributes().value(QLatin1String("r"));
            row.line = ref.isEmpty() ? nextRow : ref.toInt();
            nextRow = row.line + 1;
        } else if (r.isStartElement() && r.name() == QLatin1String("c")) {
            const int col = columnIndex(r.attributes().value(QLatin1String("r")));
            const QString type = r.attributes().value(QLatin1String("t")).toString();
            QString value;
            while (!(r.isEndElement() && r.name() == QLatin1String("c")) && !r.atEnd()) {
                r.readNext();
                if (r.isStartElement() &&
                    (r.name() == QLatin1String("v") || r.name() == QLatin1String("t")))
                    value += r.readElementText();
            }
            if (type == QLatin1String("s"))
                value = strings.value(value.toInt());
            else if (type.isEmpty() || type == QLatin1String("n"))
                value = numberText(value);
            const int at = col >= 0 ? col : static_cast<int>(row.cells.size());
            while (row.cells.size() <= at)
                row.cells << QString();
            row.cells[at] = value;
        } else if (r.isEndElement() && r.name() == QLatin1String("row")) {
            rows << row;
        }
    }
    if (r.hasError())
        return fail(Error::badInput(QStringLiteral("file"),
                                    {QStringLiteral("The first sheet of %1 cannot be read: %2")
                                         .arg(QFileInfo(path).fileName(), r.errorString()),
                                     QStringLiteral("无法读取 %1 的第一个工作表：%2")
                                         .arg(QFileInfo(path).fileName(), r.errorString())}));
    RawTable table;
    if (!rows.isEmpty()) {
        table.header = rows.takeFirst();
        table.rows = rows;
    }
    return table;
}

} // namespace

const QList<ImportColumn>& importColumns() {
    static const QList<ImportColumn> columns = {
        {QStringLiteral("room_code"), {QStringLiteral("Room"), QStringLiteral("房号")}, true},
        {QStringLiteral("kind"), {QStringLiteral("Type"), QStringLiteral("类型")}, true},
        {QStringLiteral("name"), {QStringLiteral("Name"), QStringLiteral("姓名")}, true},
        {QStringLiteral("id_tail"),
         {QStringLiteral("ID card last 4"), QStringLiteral("身份证后四位")},
         false},
        {QStringLiteral("phone"), {QStringLiteral("Phone"), QStringLiteral("电话")}, false},
        {QStringLiteral("phone2"),
         {QStringLiteral("Second phone"), QStringLiteral("电话2")},
         false},
        {QStringLiteral("move_in"),
         {QStringLiteral("Move-in date"), QStringLiteral("入住日期")},
         false},
        {QStringLiteral("notes"), {QStringLiteral("Notes"), QStringLiteral("备注")}, false},
    };
    return columns;
}

QString ImportProblem::text(bool chinese) const {
    const QString what = message.in(chinese);
    if (chinese) {
        const QString where = column > 0 ? QStringLiteral("第%1行 第%2列").arg(line).arg(column)
                                         : QStringLiteral("第%1行").arg(line);
        return columnName.isEmpty() ? QString(where + QStringLiteral("：") + what)
                                    : QString(where + QStringLiteral("（") + columnName +
                                              QStringLiteral("）：") + what);
    }
    const QString where = column > 0 ? QStringLiteral("Line %1, column %2").arg(line).arg(column)
                                     : QStringLiteral("Line %1").arg(line);
    return columnName.isEmpty()
               ? QString(where + QStringLiteral(": ") + what)
               : QString(where + QStringLiteral(" (") + columnName + QStringLiteral("): ") + what);
}

namespace {

// Decodes all of `bytes` in `encoding`; nothing when any byte sequence is not valid in it.
std::optional<QString> decodeStrictly(const QByteArray& bytes, const char* encoding) {
    QStringDecoder decoder(encoding, QStringDecoder::Flag::Stateless);
    if (!decoder.isValid())
        return std::nullopt;
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

// The first line (1-based) that is valid text in neither UTF-8 nor GB18030.
int firstUnreadableLine(const QByteArray& bytes) {
    const QList<QByteArray> lines = bytes.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i)
        if (!decodeStrictly(lines.at(i), "UTF-8") && !decodeStrictly(lines.at(i), "GB18030"))
            return int(i + 1);
    return 1;
}

} // namespace

Result<ImportFile> readResidentCsv(const QByteArray& content) {
    // UTF-8 with or without its BOM (Excel's "CSV UTF-8"), else GB18030, which is what
    // Chinese Excel's "CSV (comma delimited)" writes (GBK is a subset). The encoding read is
    // reported with the file; a file valid in neither is refused at its first bad line.
    QByteArray bytes = content;
    const bool bom = bytes.startsWith("\xEF\xBB\xBF");
    if (bom)
        bytes.remove(0, 3);
    QString encoding = QStringLiteral("UTF-8");
    std::optional<QString> text = decodeStrictly(bytes, "UTF-8");
    if (!text && !bom) {
        text = decodeStrictly(bytes, "GB18030");
        encoding = QStringLiteral("GB18030");
    }
    if (!text) {
        const int line = firstUnreadableLine(bytes);
        return fail(Error::badInput(
            QStringLiteral("file"),
            {QStringLiteral("Line %1 is neither UTF-8 nor GB18030 text; save the file as \"CSV "
                            "UTF-8\" and try again.")
                 .arg(line),
             QStringLiteral("第 %1 行既不是 UTF-8 也不是 GB18030 编码的文字；请另存为“CSV "
                            "UTF-8”后重试。")
                 .arg(line)}));
    }
    auto file = validate(splitCsv(*text));
    file.encoding = encoding;
    return file;
}

Result<ImportFile> readResidentXlsx(const QString& path) {
    auto table = readXlsxTable(path);
    if (!table)
        return fail(table.error());
    return validate(*table);
}

Result<ImportFile> readResidentFile(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QStringLiteral("xlsx"))
        return readResidentXlsx(path);
    if (suffix != QStringLiteral("csv"))
        return fail(Error::badInput(
            QStringLiteral("file"),
            {QStringLiteral("Import reads .csv and .xlsx files, not .%1.").arg(suffix),
             QStringLiteral("只能导入 .csv 或 .xlsx 文件，不支持 .%1。").arg(suffix)}));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(
            Error::badInput(QStringLiteral("file"),
                            {QStringLiteral("%1 cannot be opened: %2").arg(path, f.errorString()),
                             QStringLiteral("无法打开 %1：%2").arg(path, f.errorString())}));
    return readResidentCsv(f.readAll());
}

Status findDuplicates(const QSqlDatabase& db, ImportFile& file) {
    QSet<QString> registered;
    auto q =
        sql::exec(db, QStringLiteral("SELECT room_code, name FROM residents WHERE move_out = ''"));
    if (!q)
        return fail(q.error());
    while (q->next())
        registered.insert(q->value(0).toString() + QLatin1Char('\x1f') + q->value(1).toString());
    QHash<QString, int> firstLine;
    QList<ImportRow> kept;
    for (const ImportRow& row : file.rows) {
        const QString key = row.room.text() + QLatin1Char('\x1f') + row.name;
        if (registered.contains(key)) {
            file.problems << problem(
                row.line, 0, QString(),
                QStringLiteral("duplicate: %1 is registered in %2 already")
                    .arg(row.name, row.room.text()),
                QStringLiteral("重复：%1 已登记在 %2").arg(row.name, row.room.text()));
        } else if (firstLine.contains(key)) {
            file.problems << problem(row.line, 0, QString(),
                                     QStringLiteral("duplicate of line %1: %2 in %3")
                                         .arg(firstLine.value(key))
                                         .arg(row.name, row.room.text()),
                                     QStringLiteral("与第%1行重复：%2（%3）")
                                         .arg(firstLine.value(key))
                                         .arg(row.name, row.room.text()));
        } else {
            firstLine.insert(key, row.line);
            kept << row;
        }
    }
    file.rows = kept;
    std::stable_sort(
        file.problems.begin(), file.problems.end(),
        [](const ImportProblem& a, const ImportProblem& b) { return a.line < b.line; });
    return {};
}

namespace {

// Files parsed before the import's transaction, by absolute path; a few at most.
struct PreparedFile {
    qint64 size = -1;
    QDateTime modified;
    ImportFile file;
};
QMutex g_preparedMutex;
QHash<QString, PreparedFile>& preparedFiles() {
    static QHash<QString, PreparedFile> files;
    return files;
}
constexpr qsizetype kMaxPrepared = 4;

} // namespace

Result<ImportFile> prepareResidentImport(const QString& path) {
    const QFileInfo info(path);
    const qint64 size = info.size();
    const QDateTime modified = info.lastModified();
    auto file = readResidentFile(path);
    if (!file)
        return fail(file.error());
    const QMutexLocker lock(&g_preparedMutex);
    auto& files = preparedFiles();
    if (files.size() >= kMaxPrepared && !files.contains(info.absoluteFilePath()))
        files.clear();
    files.insert(info.absoluteFilePath(), PreparedFile{size, modified, *file});
    return file;
}

Status keepResidentImportPrepared(const QString& path) {
    const QFileInfo info(path);
    {
        const QMutexLocker lock(&g_preparedMutex);
        const auto it = preparedFiles().constFind(info.absoluteFilePath());
        if (it != preparedFiles().cend() && it->size == info.size() &&
            it->modified == info.lastModified())
            return {}; // the preview's parse stands
    }
    if (auto file = prepareResidentImport(path); !file)
        return fail(file.error());
    return {};
}

Result<ImportFile> preparedResidentFile(const QString& path) {
    const QFileInfo info(path);
    {
        const QMutexLocker lock(&g_preparedMutex);
        auto& files = preparedFiles();
        const auto it = files.constFind(info.absoluteFilePath());
        if (it != files.cend()) {
            PreparedFile prepared = *it;
            files.erase(it);
            if (prepared.size == info.size() && prepared.modified == info.lastModified())
                return prepared.file;
        }
    }
    log::get("fd.residents")
        ->info("import of {} was not prepared before its transaction; reading it now",
               info.fileName());
    return readResidentFile(path);
}

Result<ImportFile> previewResidentImport(const QSqlDatabase& db, const QString& path) {
    auto file = prepareResidentImport(path);
    if (!file)
        return fail(file.error());
    if (auto ok = findDuplicates(db, *file); !ok)
        return fail(ok.error());
    return file;
}

Status writeResidentTemplateCsv(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(
            Error::storage({QStringLiteral("%1 cannot be written: %2").arg(path, f.errorString()),
                            QStringLiteral("无法写入 %1：%2").arg(path, f.errorString())}));
    QStringList titles;
    for (const ImportColumn& c : importColumns())
        titles << c.title.zh;
    // The BOM lets spreadsheet programs open the file as UTF-8.
    f.write("\xEF\xBB\xBF");
    f.write(titles.join(QLatin1Char(',')).toUtf8() + "\r\n");
    if (!f.flush())
        return fail(Error::storage({QStringLiteral("%1 cannot be written.").arg(path),
                                    QStringLiteral("无法写入 %1。").arg(path)}));
    return {};
}

Status writeResidentTemplateXlsx(const QString& path) {
    const QByteArray file = QFile::encodeName(path);
    lxw_workbook* book = workbook_new(file.constData());
    if (book == nullptr)
        return fail(Error::storage({QStringLiteral("%1 cannot be written.").arg(path),
                                    QStringLiteral("无法写入 %1。").arg(path)}));
    lxw_worksheet* sheet = workbook_add_worksheet(book, "住户");
    lxw_format* header = workbook_add_format(book);
    format_set_bold(header);
    format_set_num_format(header, "@");
    lxw_format* textCells = workbook_add_format(book);
    format_set_num_format(textCells, "@"); // phones and dates stay text, as typed
    lxw_col_t col = 0;
    for (const ImportColumn& c : importColumns()) {
        const QByteArray title = c.title.zh.toUtf8();
        worksheet_write_string(sheet, 0, col, title.constData(), header);
        worksheet_set_column(sheet, col, col, c.key == QStringLiteral("notes") ? 30 : 14,
                             textCells);
        ++col;
    }
    lxw_worksheet* help = workbook_add_worksheet(book, "说明");
    const QStringList lines = {
        QStringLiteral("在“住户”表第 2 行起每行填写一位住户，表头不要修改。"),
        QStringLiteral("房号：楼栋-单元-房号，如 3-2-1502（必填）。"),
        QStringLiteral("类型：业主、租户 或 家属（必填）。姓名：必填。"),
        QStringLiteral("身份证后四位：只填最后 4 位，不要填写完整号码。"),
        QStringLiteral("电话、电话2：手机或座机号码。入住日期：如 2024-05-01。"),
        QStringLiteral("导入时全部检查：任何一行有问题都不会导入，问题逐行列出。"),
    };
    for (int i = 0; i < lines.size(); ++i)
        worksheet_write_string(help, static_cast<lxw_row_t>(i), 0, lines.at(i).toUtf8().constData(),
                               nullptr);
    const lxw_error err = workbook_close(book);
    if (err != LXW_NO_ERROR)
        return fail(Error::storage(
            {QStringLiteral("%1 cannot be written: %2")
                 .arg(path, QString::fromUtf8(lxw_strerror(err))),
             QStringLiteral("无法写入 %1：%2").arg(path, QString::fromUtf8(lxw_strerror(err)))}));
    return {};
}

} // namespace fd::residents
