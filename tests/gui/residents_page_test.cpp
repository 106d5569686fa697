// The residents page: search as you type, masked phones, the form's actions, import.
#include "db/sql.h"
#include "gui_test_support.h"
#include "pages/residents/residents_page.h"
#include "query_table_model.h"
#include "session.h"
#include "test_services.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStringEncoder>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest/QTest>
#include <gtest/gtest.h>

using namespace fd;
using fd::testing::TestServices;

namespace {

void registerResident(TestServices& ts, const QString& room, const QString& name,
                      const QString& phone) {
    auto r = ts.run(QStringLiteral("resident.register"), QStringLiteral("admin"),
                    {{QStringLiteral("room_code"), room},
                     {QStringLiteral("kind"), QStringLiteral("owner")},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("phone"), phone}});
    ASSERT_TRUE(r.has_value()) << r.error().message.en.toStdString();
}

struct ResidentsFixture {
    TestServices ts;
    ResidentsFixture() {
        ts.run(QStringLiteral("resident.create_building"), QStringLiteral("admin"),
               {{QStringLiteral("code"), QStringLiteral("3")},
                {QStringLiteral("name"), QStringLiteral("3号楼")}});
        for (const auto& [unit, number] :
             {std::pair{"2", "1502"}, {"2", "1503"}, {"1", "0801"}, {"1", "0802"}})
            if (auto room = ts.run(QStringLiteral("resident.create_room"), QStringLiteral("admin"),
                                   {{QStringLiteral("building_code"), QStringLiteral("3")},
                                    {QStringLiteral("unit"), QString::fromLatin1(unit)},
                                    {QStringLiteral("number"), QString::fromLatin1(number)}});
                !room)
                throw std::runtime_error(room.error().message.en.toStdString());
        registerResident(ts, QStringLiteral("3-2-1502"), QStringLiteral("张建国"),
                         QStringLiteral("13812345678"));
        registerResident(ts, QStringLiteral("3-2-1503"), QStringLiteral("李建华"),
                         QStringLiteral("13900001111"));
        registerResident(ts, QStringLiteral("3-1-0801"), QStringLiteral("王芳"),
                         QStringLiteral("13700002222"));
        ts.addUser(QStringLiteral("lina"), {QStringLiteral("clerk")});
    }
};

QStringList column(const gui::QueryTableModel* m, const QString& key) {
    QStringList out;
    for (int r = 0; r < m->rowCount(); ++r)
        out << m->value(r, key).toString();
    return out;
}

} // namespace

TEST(ResidentsPage, SearchesAsYouTypeWithATwoCharacterChineseTerm) {
    ResidentsFixture f;
    gui::Session session(f.ts.services(), f.ts.actor(QStringLiteral("lina")));
    gui::ResidentsPage page(session);
    QAbstractItemModelTester tester(page.results(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    page.show();
    EXPECT_EQ(page.results()->rowCount(), 3);
    fd::testing::typeText(page.searchBox(), QStringLiteral("建国"));
    // Debounced: the list changes only after the pause.
    ASSERT_TRUE(fd::testing::waitUntil([&] { return page.results()->rowCount() == 1; }, 2000));
    EXPECT_EQ(column(page.results(), QStringLiteral("name")),
              QStringList{QStringLiteral("张建国")});
    page.searchBox()->clear();
    fd::testing::typeText(page.searchBox(), QStringLiteral("建"));
    ASSERT_TRUE(fd::testing::waitUntil([&] { return page.results()->rowCount() == 2; }, 2000));
}

TEST(ResidentsPage, SearchesByRoomPrefixAndPhoneTail) {
    ResidentsFixture f;
    gui::Session session(f.ts.services(), f.ts.actor(QStringLiteral("lina")));
    gui::ResidentsPage page(session);
    page.searchBox()->setText(QStringLiteral("3-2-15"));
    page.searchNow();
    EXPECT_EQ(column(page.results(), QStringLiteral("room_code")),
              (QStringList{QStringLiteral("3-2-1502"), QStringLiteral("3-2-1503")}));
    page.searchBox()->setText(QStringLiteral("1111"));
    page.searchNow();
    EXPECT_EQ(column(page.results(), QStringLiteral("name")),
              QStringList{QStringLiteral("李建华")});
}

TEST(ResidentsPage, ListAndFormShowPhonesMasked) {
    ResidentsFixture f;
    gui::Session session(f.ts.services(), f.ts.actor(QStringLiteral("lina")));
    gui::ResidentsPage page(session);
    page.show();
    const int phone = page.results()->columnOf(QStringLiteral("phone"));
    ASSERT_GE(phone, 0);
    for (int r = 0; r < page.results()->rowCount(); ++r) {
        const QString shown = page.results()->data(page.results()->index(r, phone)).toString();
        EXPECT_TRUE(shown.contains(QStringLiteral("****"))) << shown.toStdString();
        EXPECT_FALSE(shown.contains(QStringLiteral("1234")));
    }
    page.searchBox()->setText(QStringLiteral("张建国"));
    page.searchNow();
    page.selectResult(0);
    EXPECT_EQ(page.field(QStringLiteral("phone"))->text(), QStringLiteral("138****5678"));
}

TEST(ResidentsPage, EditingOtherFieldsKeepsTheStoredPhone) {
    ResidentsFixture f;
    gui::Session session(f.ts.services(), f.ts.actor(QStringLiteral("lina")));
    gui::ResidentsPage page(session);
    page.searchBox()->setText(QStringLiteral("张建国"));
    page.searchNow();
    page.selectResult(0);
    page.field(QStringLiteral("name"))->setText(QStringLiteral("张建军"));
    ASSERT_TRUE(page.saveChanges());
    page.searchBox()->setText(QStringLiteral("5678"));
    page.searchNow();
    EXPECT_EQ(column(page.results(), QStringLiteral("name")),
              QStringList{QStringLiteral("张建军")});
}

// An emptied field is sent empty and clears what is stored; the audit row keeps the old text.
TEST(ResidentsPage, EmptyingTheNotesAndAPhoneClearsThemInTheDatabase) {
    ResidentsFixture f;
    auto id = sql::scalar(f.ts->database().connection(),
                          QStringLiteral("SELECT id FROM residents WHERE name = '张建国'"));
    ASSERT_TRUE(id);
    ASSERT_TRUE(f.ts.run(QStringLiteral("resident.update"), QStringLiteral("admin"),
                         {{QStringLiteral("id"), *id},
                          {QStringLiteral("notes"), QStringLiteral("独居老人，每周回访")}}));
    gui::Session session(f.ts.services(), f.ts.actor(QStringLiteral("lina")));
    gui::ResidentsPage page(session);
    page.show();
    page.searchBox()->setText(QStringLiteral("张建国"));
    page.searchNow();
    page.selectResult(0);
    auto* notes = page.findChild<QPlainTextEdit*>(QStringLiteral("notes"));
    ASSERT_NE(notes, nullptr);
    ASSERT_EQ(notes->toPlainText(), QStringLiteral("独居老人，每周回访"));
    // Emptied the way a clerk does it: select all, delete.
    notes->setFocus();
    notes->selectAll();
    QTest::keyClick(notes, Qt::Key_Delete);
    page.field(QStringLiteral("phone"))->clear();
    const qint64 before = f.ts.auditCount();
    QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
    EXPECT_EQ(f.ts.auditCount(), before + 1);
    auto stored = sql::scalar(f.ts->database().connection(),
                              QStringLiteral("SELECT coalesce(notes, '') || '|' || "
                                             "coalesce(phone, '') FROM residents WHERE id = ?"),
                              {*id});
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->toString(), QStringLiteral("|"));
    // The page reads it back empty.
    page.searchNow();
    page.selectResult(0);
    EXPECT_TRUE(notes->toPlainText().isEmpty());
    EXPECT_TRUE(page.field(QStringLiteral("phone"))->text().isEmpty());
}

TEST(ResidentsPage, RegistersFromTheFormAndShowsTheFieldMessage) {
    ResidentsFixture f;
    gui::Session session(f.ts.services(), f.ts.actor(QStringLiteral("lina")));
    gui::ResidentsPage page(session);
    page.show();
    fd::testing::typeText(page.field(QStringLiteral("room_code")), QStringLiteral("3-1-0802"));
    fd::testing::typeText(page.field(QStringLiteral("name")), QStringLiteral("赵敏"));
    fd::testing::typeText(page.field(QStringLiteral("id_tail")),
                          QStringLiteral("110101199001011234"));
    const qint64 before = f.ts.auditCount();
    QString shown;
    fd::testing::onNextModal([&](QWidget* box) {
        shown = box->findChild<QLabel*>(QStringLiteral("qt_msgbox_label"))->text();
        qobject_cast<QDialog*>(box)->accept();
    });
    EXPECT_FALSE(page.registerResident());
    EXPECT_TRUE(shown.contains(QStringLiteral("身份证"))) << shown.toStdString();
    EXPECT_EQ(f.ts.auditCount(), before);
    page.field(QStringLiteral("id_tail"))->setText(QStringLiteral("1234"));
    EXPECT_TRUE(page.registerResident());
    EXPECT_EQ(f.ts.auditCount(), before + 1);
}

TEST(ResidentsPage, ImportListsEveryProblemWithItsLineAndWritesNothing) {
    ResidentsFixture f;
    gui::Session session(f.ts.services(), f.ts.actor(QStringLiteral("lina")));
    gui::ResidentsPage page(session);
    page.show();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("residents.csv"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("房号,类型,姓名,电话\n"
                              "5-1-0101,业主,陈静,13600003333\n"
                              "5-1-0102,房东,刘洋,13600004444\n"
                              "5-1-0103,租户,,13600005555\n")
                   .toUtf8());
    file.close();
    const qint64 before = f.ts.auditCount();
    EXPECT_FALSE(page.importFile(path));
    const QStringList problems = page.lastImportProblems();
    ASSERT_EQ(problems.size(), 2) << problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(problems[0].contains(QStringLiteral("第3行"))) << problems[0].toStdString();
    EXPECT_TRUE(problems[1].contains(QStringLiteral("第4行"))) << problems[1].toStdString();
    EXPECT_EQ(page.findChild<QListWidget*>(QStringLiteral("importProblems"))->count(), 2);
    EXPECT_EQ(f.ts.auditCount(), before);
    page.searchBox()->setText(QStringLiteral("陈静"));
    page.searchNow();
    EXPECT_EQ(page.results()->rowCount(), 0);
}

TEST(ResidentsPage, ImportsAValidFile) {
    ResidentsFixture f;
    gui::Session session(f.ts.services(), f.ts.actor(QStringLiteral("admin")));
    gui::ResidentsPage page(session);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("residents.csv"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(
        QStringLiteral(
            "房号,类型,姓名,电话\n5-1-0101,业主,陈静,13600003333\n5-1-0102,租户,刘洋,13600004444\n")
            .toUtf8());
    file.close();
    QString shown;
    fd::testing::onNextModal([&](QWidget* box) {
        if (auto* label = box->findChild<QLabel*>(QStringLiteral("qt_msgbox_label")))
            shown = label->text();
        box->close();
    });
    ASSERT_TRUE(page.importFile(path))
        << shown.toStdString() << page.lastImportProblems().join(QLatin1Char('\n')).toStdString();
    page.searchBox()->setText(QStringLiteral("5-1-01"));
    page.searchNow();
    EXPECT_EQ(page.results()->rowCount(), 2);
}

// The file Chinese Excel saves as "CSV (comma delimited)" is GB18030: it imports, and the
// page says how it was read.
TEST(ResidentsPage, ImportsAGb18030FileFromChineseExcelAndSaysSo) {
    ResidentsFixture f;
    gui::Session session(f.ts.services(), f.ts.actor(QStringLiteral("admin")));
    gui::ResidentsPage page(session);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("住户.csv"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    QStringEncoder gb("GB18030");
    file.write(
        gb.encode(QStringLiteral("房号,类型,姓名,电话\r\n5-1-0101,业主,陈静,13600003333\r\n")));
    file.close();
    ASSERT_TRUE(page.importFile(path))
        << page.lastImportProblems().join(QLatin1Char('\n')).toStdString();
    const QString status = page.findChild<QLabel*>(QStringLiteral("importStatus"))->text();
    EXPECT_TRUE(status.contains(QStringLiteral("GB18030"))) << status.toStdString();
    page.searchBox()->setText(QStringLiteral("陈静"));
    page.searchNow();
    EXPECT_EQ(page.results()->rowCount(), 1);
}
