// Importing residents: all or nothing, every problem with its line and column, duplicates
// reported, CSV (BOM, quotes) and XLSX read alike, and the templates.
#include "residents/resident_import.h"
#include "residents_fixture.h"

#include <QDir>
#include <QFile>
#include <QStringEncoder>
#include <xlsxwriter.h>

namespace fd::testing {
namespace {

using namespace fd::residents;

class ResidentImportTest : public ResidentsTest {
protected:
    QString writeFile(const QString& name, const QByteArray& content) {
        const QString path = QDir(t.dirPath()).filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(content);
        return path;
    }
    Result<ActionResult> import(const QString& path) {
        return t.run(QStringLiteral("resident.import"), QStringLiteral("super"),
                     {{QStringLiteral("file"), path}});
    }
    static bool hasProblem(const ImportFile& f, int line, int column) {
        return std::any_of(f.problems.begin(), f.problems.end(), [&](const ImportProblem& p) {
            return p.line == line && p.column == column;
        });
    }
};

TEST_F(ResidentImportTest, ImportsACsvWithBomQuotesAndNewRooms) {
    const QString path = writeFile(
        QStringLiteral("r.csv"),
        "\xEF\xBB\xBF房号,类型,姓名,身份证后四位,电话,电话2,入住日期,备注\r\n"
        "3-2-1502,业主,王小明,123X,138-1234-5678,,2020-05-01,\"独居, 请关注\"\r\n"
        "5-1-0101,tenant,\"李\"\"阿华\"\"\",,13900001111,02088886666,2021/6/1,\"两行\n备注\"\r\n");
    auto r = import(path);
    ASSERT_TRUE(r) << r.error().message.en.toStdString();
    EXPECT_EQ(r->result.value(QStringLiteral("residents")).toInt(), 2);
    EXPECT_EQ(r->result.value(QStringLiteral("buildings_created")).toInt(), 1);
    EXPECT_EQ(r->result.value(QStringLiteral("rooms_created")).toInt(), 1);
    auto found = searchResidents(db(), QStringLiteral("阿华"));
    ASSERT_TRUE(found);
    ASSERT_EQ(found->size(), 1);
    const Resident& p = found->first();
    EXPECT_EQ(p.name, QStringLiteral("李\"阿华\""));
    EXPECT_EQ(p.roomCode, QStringLiteral("5-1-0101"));
    EXPECT_EQ(p.kind, ResidentKind::Tenant);
    EXPECT_EQ(p.phone2Masked, QStringLiteral("020****6666"));
    EXPECT_EQ(p.moveIn, QDate(2021, 6, 1));
    EXPECT_EQ(p.notes, QStringLiteral("两行\n备注"));
    EXPECT_EQ(searchResidents(db(), QStringLiteral("独居"))->first().idTail,
              QStringLiteral("123X"));
    EXPECT_EQ(auditRowsContaining(QStringLiteral("13900001111")), 0);
}

TEST_F(ResidentImportTest, ReportsEveryErrorWithLineAndColumnAndImportsNothing) {
    const QString path = writeFile(
        QStringLiteral("bad.csv"),
        "房号,类型,姓名,身份证后四位,电话,入住日期\n"
        "3-2-1502,业主,王小明,1234,13812345678,2020-05-01\n"
        "3-2,业主,李华,,,\n"                                    // line 3: room
        "3-2-1601,房东,张伟,110101199003071234,12,2020-13-01\n" // line 4: kind, id, phone, date
        "3-1-1501,家属,,,,\n");                                 // line 5: name
    auto preview = previewResidentImport(db(), path);
    ASSERT_TRUE(preview);
    EXPECT_TRUE(hasProblem(*preview, 3, 1));
    EXPECT_TRUE(hasProblem(*preview, 4, 2));
    EXPECT_TRUE(hasProblem(*preview, 4, 4));
    EXPECT_TRUE(hasProblem(*preview, 4, 5));
    EXPECT_TRUE(hasProblem(*preview, 4, 6));
    EXPECT_TRUE(hasProblem(*preview, 5, 3));
    EXPECT_EQ(preview->problems.size(), 6);
    const qint64 audit = t.auditCount();
    auto r = import(path);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, Error::Kind::BadInput);
    EXPECT_EQ(r.error().field, QStringLiteral("file"));
    EXPECT_TRUE(r.error().message.zh.contains(QStringLiteral("第4行 第4列（身份证后四位）")))
        << r.error().message.zh.toStdString();
    EXPECT_TRUE(r.error().message.en.contains(QStringLiteral("Line 3, column 1 (房号)")))
        << r.error().message.en.toStdString();
    EXPECT_FALSE(r.error().message.en.contains(QStringLiteral("110101199003071234")));
    EXPECT_EQ(t.auditCount(), audit);
    EXPECT_EQ(t.count(QStringLiteral("residents")), 0);
}

TEST_F(ResidentImportTest, ReportsDuplicatesInTheFileAndInTheRegistry) {
    registerResident(QStringLiteral("3-2-1502"), QStringLiteral("王小明"));
    const QString path = writeFile(QStringLiteral("dup.csv"),
                                   "room_code,kind,name\n"
                                   "3-2-1502,owner,王小明\n" // registered already
                                   "3-2-1601,owner,张伟\n"
                                   "3-2-1601,family,张伟\n"); // repeats line 3
    auto preview = previewResidentImport(db(), path);
    ASSERT_TRUE(preview);
    ASSERT_EQ(preview->problems.size(), 2);
    EXPECT_EQ(preview->problems.at(0).line, 2);
    EXPECT_TRUE(preview->problems.at(0).message.zh.contains(QStringLiteral("已登记")));
    EXPECT_EQ(preview->problems.at(1).line, 4);
    EXPECT_TRUE(preview->problems.at(1).message.zh.contains(QStringLiteral("与第3行重复")));
    const qint64 audit = t.auditCount();
    EXPECT_FALSE(import(path));
    EXPECT_EQ(t.auditCount(), audit);
    EXPECT_EQ(t.count(QStringLiteral("residents")), 1);
}

TEST_F(ResidentImportTest, RefusesAHeaderWithoutRequiredOrWithUnknownColumns) {
    auto f = readResidentCsv("房号,姓名,楼层\n3-2-1502,王小明,15\n");
    ASSERT_TRUE(f);
    EXPECT_TRUE(hasProblem(*f, 1, 3)); // 楼层 is unknown
    EXPECT_TRUE(hasProblem(*f, 1, 0)); // 类型 is missing
    EXPECT_TRUE(f->rows.isEmpty());
}

// What Chinese Excel's "CSV (comma delimited)" writes is GB18030 (GBK): it reads as such and
// says so; UTF-8 reads with or without its BOM.
TEST_F(ResidentImportTest, ReadsGb18030AndUtf8WithOrWithoutBomAndSaysWhich) {
    const QString csv = QStringLiteral("房号,类型,姓名,电话\n3-2-1502,业主,王小明,13812345678\n");
    QStringEncoder gb("GB18030");
    const QByteArray gbBytes = gb.encode(csv);
    ASSERT_NE(gbBytes, csv.toUtf8());
    const QList<std::pair<QByteArray, QString>> files{
        {gbBytes, QStringLiteral("GB18030")},
        {csv.toUtf8(), QStringLiteral("UTF-8")},
        {QByteArray("\xEF\xBB\xBF").append(csv.toUtf8()), QStringLiteral("UTF-8")}};
    for (const auto& [bytes, encoding] : files) {
        auto f = readResidentCsv(bytes);
        ASSERT_TRUE(f) << f.error().message.en.toStdString();
        EXPECT_EQ(f->encoding, encoding);
        ASSERT_EQ(f->rows.size(), 1);
        EXPECT_TRUE(f->problems.isEmpty());
        EXPECT_EQ(f->rows.first().name, QStringLiteral("王小明"));
    }
}

// Bytes valid in neither encoding are refused at their first line, never guessed.
TEST_F(ResidentImportTest, RefusesAFileReadableInNeitherEncodingNamingTheFirstBadLine) {
    const QByteArray bytes = QStringLiteral("房号,类型,姓名\n3-2-1502,业主,王小明\n").toUtf8() +
                             QByteArray("3-2-1601,\xFF\xFE\x80,x\n");
    auto f = readResidentCsv(bytes);
    ASSERT_FALSE(f);
    EXPECT_EQ(f.error().field, QStringLiteral("file"));
    EXPECT_TRUE(f.error().message.zh.contains(QStringLiteral("第 3 行")))
        << f.error().message.zh.toStdString();
}

// Full-width digits and signs, as a Chinese input method types them, and 2019年3月5日.
TEST_F(ResidentImportTest, AcceptsFullWidthDigitsAndChineseDates) {
    auto f = readResidentCsv(
        QStringLiteral("房号,类型,姓名,电话,入住日期\n"
                       "３－２－１５０２,业主,王小明,１３８１２３４５６７８,2019年3月5日\n")
            .toUtf8());
    ASSERT_TRUE(f);
    ASSERT_TRUE(f->problems.isEmpty()) << f->problems.first().message.zh.toStdString();
    ASSERT_EQ(f->rows.size(), 1);
    EXPECT_EQ(f->rows.first().phone, QStringLiteral("13812345678"));
    EXPECT_EQ(f->rows.first().moveIn, QDate(2019, 3, 5));
}

TEST_F(ResidentImportTest, ImportsAnXlsxWithNumbersAndDateSerials) {
    const QString path = QDir(t.dirPath()).filePath(QStringLiteral("r.xlsx"));
    const QByteArray file = QFile::encodeName(path);
    lxw_workbook* book = workbook_new(file.constData());
    lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
    const char* header[] = {"房号", "类型", "姓名", "电话", "入住日期", "备注"};
    for (int c = 0; c < 6; ++c)
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c], nullptr);
    worksheet_write_string(sheet, 1, 0, "3-2-1502", nullptr);
    worksheet_write_string(sheet, 1, 1, "业主", nullptr);
    worksheet_write_string(sheet, 1, 2, "王小明", nullptr);
    worksheet_write_number(sheet, 1, 3, 13812345678.0, nullptr); // typed as a number
    worksheet_write_number(sheet, 1, 4, 45413, nullptr);         // 2024-05-01 as a date serial
    worksheet_write_string(sheet, 2, 0, "3-2-1601", nullptr);    // row 4 left empty: skipped
    worksheet_write_string(sheet, 2, 1, "家属", nullptr);
    worksheet_write_string(sheet, 2, 2, "王小红", nullptr);
    worksheet_write_string(sheet, 2, 5, "学生", nullptr);
    ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);
    auto r = import(path);
    ASSERT_TRUE(r) << r.error().message.en.toStdString();
    EXPECT_EQ(r->result.value(QStringLiteral("residents")).toInt(), 2);
    auto p = searchResidents(db(), QStringLiteral("小明"));
    ASSERT_EQ(p->size(), 1);
    EXPECT_EQ(p->first().phoneMasked, QStringLiteral("138****5678"));
    EXPECT_EQ(p->first().moveIn, QDate(2024, 5, 1));
    EXPECT_EQ(searchResidents(db(), QStringLiteral("学生"))->first().name,
              QStringLiteral("王小红"));
}

TEST_F(ResidentImportTest, ReportsXlsxProblemsWithSheetRowNumbers) {
    const QString path = QDir(t.dirPath()).filePath(QStringLiteral("bad.xlsx"));
    const QByteArray file = QFile::encodeName(path);
    lxw_workbook* book = workbook_new(file.constData());
    lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
    const char* header[] = {"房号", "类型", "姓名"};
    for (int c = 0; c < 3; ++c)
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c], nullptr);
    worksheet_write_string(sheet, 4, 0, "3-2-1502", nullptr); // sheet row 5
    worksheet_write_string(sheet, 4, 1, "邻居", nullptr);
    worksheet_write_string(sheet, 4, 2, "王小明", nullptr);
    ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);
    auto f = previewResidentImport(db(), path);
    ASSERT_TRUE(f);
    ASSERT_EQ(f->problems.size(), 1);
    EXPECT_EQ(f->problems.first().line, 5);
    EXPECT_EQ(f->problems.first().column, 2);
    EXPECT_EQ(f->problems.first().columnName, QStringLiteral("类型"));
}

TEST_F(ResidentImportTest, RefusesAFileThatIsNotAWorkbook) {
    const QString path = writeFile(QStringLiteral("fake.xlsx"), "not a zip");
    const qint64 audit = t.auditCount();
    auto r = import(path);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, QStringLiteral("file"));
    EXPECT_EQ(t.auditCount(), audit);
}

TEST_F(ResidentImportTest, TemplatesReadBackAsAnEmptyValidFile) {
    const QString csv = QDir(t.dirPath()).filePath(QStringLiteral("template.csv"));
    const QString xlsx = QDir(t.dirPath()).filePath(QStringLiteral("template.xlsx"));
    ASSERT_TRUE(writeResidentTemplateCsv(csv));
    ASSERT_TRUE(writeResidentTemplateXlsx(xlsx));
    for (const QString& path : {csv, xlsx}) {
        auto f = readResidentFile(path);
        ASSERT_TRUE(f) << path.toStdString();
        EXPECT_TRUE(f->problems.isEmpty()) << path.toStdString();
        EXPECT_TRUE(f->rows.isEmpty());
    }
    // Filled in, the CSV template imports.
    QFile f(csv);
    f.open(QIODevice::Append);
    f.write("3-2-1502,业主,王小明,,13812345678,,,\r\n");
    f.close();
    EXPECT_TRUE(import(csv));
}

} // namespace
} // namespace fd::testing
