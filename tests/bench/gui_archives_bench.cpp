// Printing the general catalogue (R1-1.4.3) of a large archive to PDF: 20,000 volumes with
// 200,000 items (the large seed profile), read, laid out on A4 and written as the
// archives page's print does on its worker. Run: QT_QPA_PLATFORM=offscreen
// build/<dir>/bench/gui_archives_bench
#include "archives/archive_prints.h"
#include "pages/archives/archives_page.h"
#include "print/form_printer.h"
#include "session.h"
#include "test_services.h"

#include <QApplication>
#include <QFileInfo>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>

namespace {

using fd::testing::TestServices;

void check(bool ok, const char* what) {
    if (!ok)
        throw std::runtime_error(what);
}

// The large profile as `frontdeskctl seed --profile large` builds it (residents' staff, then
// the archive).
struct LargeArchive {
    TestServices t;
    fd::Actor keeper;

    LargeArchive() {
        const fd::Actor admin = t.actor(QStringLiteral("admin"));
        for (const fd::Module& m : t->modules())
            if (m.seed &&
                (m.area == QStringLiteral("residents") || m.area == QStringLiteral("archives"))) {
                auto ok = m.seed(t.services(), admin, fd::SeedOptions{QStringLiteral("large"), 1});
                if (!ok)
                    throw std::runtime_error(ok.error().message.en.toStdString());
            }
        keeper = t.addUser(QStringLiteral("keeper"), {QStringLiteral("archivist")});
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
