// Printing the general catalogue (R1-1.4.3) of a large archive to PDF: 20,000 volumes with
// 200,000 items (bulk-inserted in one transaction), read, laid out on A4 and written as the
// archives page's print does on its worker. Run: QT_QPA_PLATFORM=offscreen
// build/<dir>/bench/gui_archives_bench
#include "archives/archive_prints.h"
#include "pages/archives/archives_page.h"
#include "print/form_printer.h"
#include "session.h"
#include "test_services.h"

#include <QApplication>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>

namespace {

using fd::testing::TestServices;

const QStringList kWords = {QStringLiteral("电梯"), QStringLiteral("维修"), QStringLiteral("保养"),
                            QStringLiteral("记录"), QStringLiteral("消防"), QStringLiteral("巡查"),
                            QStringLiteral("清洁"), QStringLiteral("绿化"), QStringLiteral("合同"),
                            QStringLiteral("通知"), QStringLiteral("报告"), QStringLiteral("会议"),
                            QStringLiteral("纪要"), QStringLiteral("水泵"), QStringLiteral("配电"),
                            QStringLiteral("安全"), QStringLiteral("检查"), QStringLiteral("年度")};

void check(bool ok, const char* what) {
    if (!ok)
        throw std::runtime_error(what);
}

struct LargeArchive {
    TestServices t;
    fd::Actor keeper;

    LargeArchive() {
        keeper = t.addUser(QStringLiteral("keeper"), {QStringLiteral("archivist")});
        QSqlDatabase db = t->database().connection();
        QRandomGenerator rng(20260302);
        check(db.transaction(), "begin");
        QSqlQuery cab(db), vol(db), item(db);
        check(cab.exec(QStringLiteral("INSERT INTO archive_cabinets(code, name, locked) VALUES "
                                      "('A01','A01',0),('A02','A02',0),('S01','S01',1)")),
              "cabinets");
        vol.prepare(QStringLiteral("INSERT INTO archive_volumes(id, number, title, category_id, "
                                   "department, retention_years, eligible_on, "
                                   "confidentiality, cabinet, date_from, date_to, created_at, "
                                   "created_by) VALUES (?,?,?,?,'客服部',?,?,?,?,?,?,?,'bench')"));
        item.prepare(QStringLiteral("INSERT INTO archive_items(id, volume_id, seq_no, title, "
                                    "item_date, original, pages, responsible, filed_at) "
                                    "VALUES (?,?,?,?,?,1,3,'王芳',?)"));
        auto title = [&](int words) {
            QString s;
            for (int i = 0; i < words; ++i)
                s += kWords[rng.bounded(static_cast<int>(kWords.size()))];
            return s;
        };
        const QString now = fd::toStorage(t->clock().nowUtc());
        qint64 itemId = 0;
        for (int v = 1; v <= 20000; ++v) {
            const int year = 2000 + rng.bounded(26);
            const bool restricted = v % 20 == 0;
            for (const QVariant& b : QVariantList{
                     v, QStringLiteral("WY-%1").arg(v, 6, 10, QLatin1Char('0')), title(3),
                     4 + rng.bounded(6), 10, QStringLiteral("%1-01-01").arg(year + 11),
                     restricted ? QStringLiteral("confidential") : QStringLiteral("ordinary"),
                     restricted ? QStringLiteral("S01") : QStringLiteral("A01"),
                     QStringLiteral("%1-01-01").arg(year), QStringLiteral("%1-12-31").arg(year),
                     now})
                vol.addBindValue(b);
            check(vol.exec(), "volume");
            for (int i = 1; i <= 10; ++i) {
                for (const QVariant& b : QVariantList{
                         ++itemId, v, i, title(3),
                         QStringLiteral("%1-%2-15").arg(year).arg(i, 2, 10, QLatin1Char('0')), now})
                    item.addBindValue(b);
                check(item.exec(), "item");
            }
        }
        check(db.commit(), "commit");
    }
};

LargeArchive& archive() {
    static LargeArchive a;
    return a;
}

// Reading the catalogue alone (the part before the layout).
void BM_GeneralCatalogueRead(benchmark::State& state) {
    LargeArchive& a = archive();
    for (auto _ : state) {
        auto form = fd::archives::generalCatalogue(a.t.services(), a.keeper);
        check(form.has_value(), "catalogue");
        state.counters["volumes"] = static_cast<double>(form->rows.size());
    }
}

// The whole print: read, convert, stamp, lay out and write the PDF.
void BM_GeneralCatalogueToPdf(benchmark::State& state) {
    LargeArchive& a = archive();
    fd::gui::Session session(a.t.services(), a.keeper);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalogue.pdf"));
    for (auto _ : state) {
        auto form = fd::archives::generalCatalogue(a.t.services(), a.keeper);
        check(form.has_value(), "catalogue");
        fd::gui::PrintDocument doc = fd::gui::ArchivesPage::toPrint(*form);
        fd::gui::FormPrinter::stamp(doc, session);
        auto pages = fd::gui::FormPrinter::toPdf(doc, path);
        check(pages.has_value(), "pdf");
        state.counters["pages"] = *pages;
        state.counters["volumes"] = static_cast<double>(form->rows.size());
    }
    state.counters["pdf_MB"] = static_cast<double>(QFileInfo(path).size()) / 1e6;
}

BENCHMARK(BM_GeneralCatalogueRead)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GeneralCatalogueToPdf)->Unit(benchmark::kMillisecond)->Iterations(2);

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    archive(); // build the fixture once, outside the timings
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
