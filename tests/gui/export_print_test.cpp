// Lists: the model, export to CSV/XLSX of what the list shows, printing to PDF.
#include "audit/audit_log.h"
#include "gui_test_support.h"
#include "output/table_export.h"
#include "print/form_printer.h"
#include "query_list_view.h"
#include "query_table_model.h"
#include "session.h"
#include "test_services.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QtTest/QTest>
#include <gtest/gtest.h>

using namespace fd;
using fd::testing::TestServices;

using fd::testing::pdfText;

namespace {

int pdfPages(const QString& path) {
    const QString info = fd::testing::runTool(QStringLiteral("pdfinfo"), {path});
    for (const QString& line : info.split(QLatin1Char('\n')))
        if (line.startsWith(QStringLiteral("Pages:")))
            return line.mid(6).trimmed().toInt();
    return 0;
}

} // namespace

TEST(QueryTableModel, PassesTheModelTesterWithQueryColumns) {
    TestServices ts;
    ts.addUser(QStringLiteral("lina"), {QStringLiteral("clerk")}, QStringLiteral("李娜"));
    gui::QueryTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto r = ts->query(QStringLiteral("users"), {}, ts.actor(QStringLiteral("admin")));
    ASSERT_TRUE(r.has_value());
    model.setResult(*r);
    EXPECT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("姓名"));
    EXPECT_EQ(model.value(1, QStringLiteral("name")).toString(), QStringLiteral("李娜"));
    model.setResult({});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(ListExport, CsvHasBomChineseHeadersAndOnlyTheFilteredRows) {
    TestServices ts;
    ts.addUser(QStringLiteral("lina"), {QStringLiteral("clerk")}, QStringLiteral("李娜"));
    ts.addUser(QStringLiteral("zhao"), {QStringLiteral("clerk")}, QStringLiteral("赵强, \"老赵\""));
    gui::Session session(ts.services(), ts.actor(QStringLiteral("admin")));
    gui::QueryListView list(session, QStringLiteral("users"));
    QAbstractItemModelTester tester(list.proxy(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    fd::testing::typeText(list.filter(), QStringLiteral("赵"));
    ASSERT_EQ(list.proxy()->rowCount(), 1);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("users.csv"));
    ASSERT_TRUE(list.exportTo(path).has_value());
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    ASSERT_TRUE(bytes.startsWith("\xEF\xBB\xBF"));
    const QStringList lines =
        QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 2);
    EXPECT_TRUE(lines[0].startsWith(QStringLiteral("登录名,姓名,角色"))) << lines[0].toStdString();
    EXPECT_TRUE(lines[1].startsWith(QStringLiteral("zhao,\"赵强, \"\"老赵\"\"\",clerk")))
        << lines[1].toStdString();
}

TEST(ListExport, XlsxIsAWorkbook) {
    TestServices ts;
    gui::Session session(ts.services(), ts.actor(QStringLiteral("admin")));
    gui::QueryListView list(session, QStringLiteral("users"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("users.xlsx"));
    ASSERT_TRUE(list.exportTo(path).has_value());
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_TRUE(f.read(2) == "PK"); // a zip package
    EXPECT_GT(f.size(), 1000);
}

TEST(ListExport, TheExportButtonSaysWhereItSavedWithAButtonThatOpensTheFolder) {
    TestServices ts;
    gui::Session session(ts.services(), ts.actor(QStringLiteral("admin")));
    gui::QueryListView list(session, QStringLiteral("users"));
    list.show();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("users.xlsx"));
    fd::testing::onNextModal([&](QWidget* dialog) {
        auto* files = qobject_cast<QFileDialog*>(dialog);
        ASSERT_NE(files, nullptr);
        files->selectFile(path);
        qobject_cast<QDialog*>(dialog)->accept();
    });
    QTest::mouseClick(list.findChild<QPushButton*>(QStringLiteral("exportButton")), Qt::LeftButton);
    EXPECT_TRUE(QFileInfo::exists(path));
    QMessageBox* saved = list.findChild<QMessageBox*>(QStringLiteral("savedBox"));
    ASSERT_NE(saved, nullptr);
    EXPECT_TRUE(saved->isVisible());
    EXPECT_TRUE(saved->text().contains(QDir::toNativeSeparators(path)))
        << saved->text().toStdString();
    EXPECT_NE(saved->findChild<QPushButton*>(QStringLiteral("openFolder")), nullptr);
    saved->close();
}

// The desktop's export goes through the same audited action as frontdeskctl export.
TEST(ListExport, LeavesAnAuditRowNamingTheListFormatAndRowCountNotTheData) {
    TestServices ts;
    ts.addUser(QStringLiteral("lina"), {QStringLiteral("clerk")}, QStringLiteral("李娜"));
    gui::Session session(ts.services(), ts.actor(QStringLiteral("admin")));
    gui::QueryListView list(session, QStringLiteral("users"));
    QTemporaryDir dir;
    ASSERT_TRUE(list.exportTo(dir.filePath(QStringLiteral("users.csv"))).has_value());
    auto rows = AuditLog::rows(ts->database().connection(), QStringLiteral("query"), {}, 1);
    ASSERT_TRUE(rows.has_value());
    ASSERT_EQ(rows->size(), 1);
    const AuditEntry& e = rows->first().entry;
    EXPECT_EQ(e.action, QStringLiteral("export.table"));
    EXPECT_EQ(e.entityId, QStringLiteral("users"));
    EXPECT_EQ(e.newValues, (QJsonObject{{QStringLiteral("format"), QStringLiteral("csv")},
                                        {QStringLiteral("rows"), 2}}));
}

TEST(ListPrint, PdfHasTheOfficeHeaderInChineseAndPageNumbers) {
    TestServices ts;
    gui::Session session(ts.services(), ts.actor(QStringLiteral("admin")));
    gui::QueryListView list(session, QStringLiteral("users"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("users.pdf"));
    ASSERT_TRUE(list.printToPdf(path).has_value());
    EXPECT_EQ(pdfPages(path), 1);
    const QString text = pdfText(path);
    EXPECT_TRUE(text.contains(QStringLiteral("大厦物业管理处 客服部"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("第 1 页，共 1 页"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("管理员"))) << text.toStdString();
}

TEST(FormPrinter, LongTablesFlowOverPagesWithSignatureLines) {
    gui::PrintDocument doc;
    doc.chinese = true; // the frame (page numbers, signature times) in Chinese
    doc.officeName = QStringLiteral("大厦物业管理处 客服部");
    doc.title = QStringLiteral("交接班记录");
    doc.fields = {{QStringLiteral("班次"), QStringLiteral("早班")},
                  {QStringLiteral("日期"), QStringLiteral("2026-03-02")}};
    gui::PrintTable table{QStringLiteral("交接事项"),
                          {QStringLiteral("序号"), QStringLiteral("事项"), QStringLiteral("状态")},
                          {}};
    for (int i = 1; i <= 120; ++i)
        table.rows << QStringList{QString::number(i),
                                  QStringLiteral("住户报修：%1 号楼水管漏水").arg(i),
                                  QStringLiteral("未完成")};
    doc.tables << table;
    doc.signatures = {
        {QStringLiteral("交班人签字"), QStringLiteral("李娜"), QStringLiteral("2026-03-02 09:00")},
        {QStringLiteral("接班人签字"), {}, {}}};
    doc.auditHead = QStringLiteral("42:abcdef");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sheet.pdf"));
    auto pages = gui::FormPrinter::toPdf(doc, path);
    ASSERT_TRUE(pages.has_value());
    EXPECT_GE(*pages, 3);
    EXPECT_EQ(pdfPages(path), *pages);
    const QString text = pdfText(path);
    // The header repeats on every page that holds rows (the last may hold only signatures).
    EXPECT_GE(text.count(QStringLiteral("序号")), *pages - 1);
    EXPECT_TRUE(text.contains(QStringLiteral("接班人签字"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("42:abcdef")));
    EXPECT_TRUE(text.contains(QStringLiteral("第 %1 页，共 %1 页").arg(*pages)))
        << text.toStdString();
}

// Room codes, times and the audit anchor are in the PDF's text layer as printed, so an
// archived sheet can be searched and its anchor copied from it: "ff" stays two letters (no
// ligature), and 门户车齐页 stay ideographs (not the radicals that share their glyphs).
TEST(FormPrinter, TheTextLayerHoldsRoomCodesDigitsAndTheAuditAnchor) {
    gui::PrintDocument doc;
    doc.officeName = QStringLiteral("大厦物业管理处 客服部");
    doc.title = QStringLiteral("交接班记录");
    doc.fields = {{QStringLiteral("房号"), QStringLiteral("A-1203")},
                  {QStringLiteral("时间"), QStringLiteral("2026-03-02 09:00")},
                  {QStringLiteral("备注"), QStringLiteral("门户车齐页")}};
    doc.tables << gui::PrintTable{
        QStringLiteral("交接事项"),
        {QStringLiteral("编号"), QStringLiteral("起因")},
        {{QStringLiteral("17"), QStringLiteral("B 座 3 号电梯按钮失灵")}}};
    const QString anchor =
        QStringLiteral("265:1deb0ffdbc4a93e2f7b8d6c5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5");
    doc.auditHead = anchor;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("digits.pdf"));
    ASSERT_TRUE(gui::FormPrinter::toPdf(doc, path).has_value());
    const QString text = pdfText(path);
    for (const QString& words :
         {QStringLiteral("A-1203"), QStringLiteral("2026-03-02 09:00"),
          QStringLiteral("B 座 3 号电梯按钮失灵"), QStringLiteral("门户车齐页"), anchor})
        EXPECT_TRUE(text.contains(words)) << words.toStdString() << "\n" << text.toStdString();
}
