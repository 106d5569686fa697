// Printing a completed handover sheet (交接班记录) and the Front Desk Handover Log
// (《前台交接日志》, R6-8) to PDF through the print framework: target ≤ 300 ms per sheet.
// The sheet is a busy one made through the action bus: 12 matters (three carried over from
// the sheet before), 4 instructions, the checklist, 10 undelivered letters, two equipment
// operations and both signatures. Run: build/<dir>/bench/gui_handover_bench
#include "db/sql.h"
#include "pages/handover/handover_print_mapping.h"
#include "rules/policy.h"
#include "session.h"
#include "test_services.h"
#include "translations.h"

#include <QApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <memory>
#include <stdexcept>

namespace {

using fd::testing::TestServices;

void must(const fd::Result<fd::ActionResult>& r, const char* what) {
    if (!r)
        throw std::runtime_error(std::string(what) + ": " + r.error().message.en.toStdString());
}

struct BusySheet {
    TestServices ts;
    qint64 sheetId = 0;
    BusySheet() {
        ts.addUser(QStringLiteral("wangfang"), {QStringLiteral("clerk")}, QStringLiteral("王芳"));
        ts.addUser(QStringLiteral("liuyang"), {QStringLiteral("clerk")}, QStringLiteral("刘洋"));
        ts.addUser(QStringLiteral("zhangzg"), {QStringLiteral("supervisor")},
                   QStringLiteral("张主管"));
        enableExceptions();
        const QString clerk = QStringLiteral("wangfang");
        for (int i = 0; i < 10; ++i)
            must(ts.run(QStringLiteral("mail.receive"), clerk,
                        {{QStringLiteral("kind"), QStringLiteral("letter")},
                         {QStringLiteral("addressee"), QStringLiteral("业主%1").arg(i)},
                         {QStringLiteral("unit"), QStringLiteral("3-2-%1").arg(1501 + i)}}),
                 "mail");
        // The sheet before leaves three matters open, which carry over.
        qint64 first = openSheet(clerk);
        for (int i = 0; i < 3; ++i)
            addMatter(first, clerk, i, QStringLiteral("open"));
        completeSheet(first);
        sheetId = openSheet(QStringLiteral("liuyang"));
        for (int i = 3; i < 12; ++i)
            addMatter(sheetId, QStringLiteral("liuyang"), i, QStringLiteral("handled"));
        for (int i = 0; i < 4; ++i)
            must(ts.run(QStringLiteral("handover.add_instruction"), QStringLiteral("liuyang"),
                        {{QStringLiteral("sheet_id"), sheetId},
                         {QStringLiteral("issued_by"), QStringLiteral("张主管")},
                         {QStringLiteral("text"),
                          QStringLiteral("第%1条：本周六上午停水，提前张贴通知并电话告知重点住户。")
                              .arg(i + 1)}}),
                 "instruction");
        for (const char* op : {"start", "stop"})
            must(ts.run(QStringLiteral("handover.record_equipment_operation"),
                        QStringLiteral("liuyang"),
                        {{QStringLiteral("sheet_id"), sheetId},
                         {QStringLiteral("equipment"), QStringLiteral("2号生活水泵")},
                         {QStringLiteral("operation"), QLatin1String(op)},
                         {QStringLiteral("state"), QStringLiteral("completed")}}),
                 "equipment");
        ts.clock().advanceSeconds(8 * 3600);
        std::swap(outgoing_, incoming_);
        completeSheet(sheetId);
    }

    // The office lets supervisors sign exceptions to the blockers (特批), so the printed
    // sheet carries one.
    void enableExceptions() {
        auto builtIn = fd::Policy::builtIn();
        if (!builtIn)
            throw std::runtime_error("built-in policy");
        QJsonObject policy = QJsonDocument::fromJson(builtIn->source()).object();
        QJsonObject params = policy.value(QStringLiteral("parameters")).toObject();
        params.insert(QStringLiteral("handover.supervisor_exception"), true);
        policy.insert(QStringLiteral("parameters"), params);
        must(
            ts.run(QStringLiteral("policy.apply"), QStringLiteral("admin"),
                   {{QStringLiteral("policy"), QString::fromUtf8(QJsonDocument(policy).toJson())}}),
            "policy");
    }

    qint64 openSheet(const QString& login) {
        auto r = ts.run(QStringLiteral("handover.open"), login,
                        {{QStringLiteral("post"), QStringLiteral("front_desk")}});
        must(r, "open");
        return r->result.value(QStringLiteral("sheet_id")).toInteger();
    }

    void addMatter(qint64 sheet, const QString& login, int i, const QString& status) {
        const bool major = i % 4 == 0;
        // Closing a major matter carries the supervisor's signature (R2-2.4).
        std::vector<fd::SignatureInput> agreed;
        if (major && status == QStringLiteral("handled"))
            agreed.push_back(ts.sign(QStringLiteral("supervisor"), QStringLiteral("zhangzg")));
        must(ts.run(QStringLiteral("handover.add_matter"), login,
                    {{QStringLiteral("sheet_id"), sheet},
                     {QStringLiteral("cause"),
                      QStringLiteral("%1号楼业主来电反映电梯异响，要求尽快派人查看").arg(i + 1)},
                     {QStringLiteral("course"),
                      QStringLiteral("已登记并通知工程部值班电工，电工十分钟内到场检查")},
                     {QStringLiteral("result"), QStringLiteral("已排除故障，回访业主表示满意")},
                     {QStringLiteral("severity"),
                      major ? QStringLiteral("major") : QStringLiteral("normal")},
                     {QStringLiteral("status"), status}},
                    agreed),
             "matter");
    }

    void completeSheet(qint64 sheet) {
        for (const char* item : {"office_supplies", "communication_devices", "documents",
                                 "show_flat_keys", "front_desk_keys"})
            must(ts.run(QStringLiteral("handover.confirm_item"), outgoing_,
                        {{QStringLiteral("sheet_id"), sheet},
                         {QStringLiteral("item"), QLatin1String(item)},
                         {QStringLiteral("state"), QStringLiteral("present")}},
                        {ts.sign(QStringLiteral("incoming"), incoming_)}),
                 "confirm");
        // The waiting mail, checked with the incoming person (R6-6).
        must(ts.run(QStringLiteral("handover.confirm_mail"), outgoing_,
                    {{QStringLiteral("sheet_id"), sheet}},
                    {ts.sign(QStringLiteral("incoming"), incoming_)}),
             "mail");
        // An open major matter blocks (R2-2.4): the supervisor's override is recorded, so
        // the printed sheet carries the override note as well.
        auto r = ts.run(QStringLiteral("handover.complete"), outgoing_,
                        {{QStringLiteral("sheet_id"), sheet}},
                        {ts.sign(QStringLiteral("outgoing"), outgoing_),
                         ts.sign(QStringLiteral("incoming"), incoming_)});
        if (!r && r.error().kind == fd::Error::Kind::Refused) {
            must(ts.run(QStringLiteral("handover.override"), QStringLiteral("zhangzg"),
                        {{QStringLiteral("sheet_id"), sheet}},
                        {ts.sign(QStringLiteral("supervisor"), QStringLiteral("zhangzg"))},
                        QStringLiteral("电梯维保单位已到场，重大事项由接班人继续跟进")),
                 "override");
            r = ts.run(QStringLiteral("handover.complete"), outgoing_,
                       {{QStringLiteral("sheet_id"), sheet}},
                       {ts.sign(QStringLiteral("outgoing"), outgoing_),
                        ts.sign(QStringLiteral("incoming"), incoming_)});
        }
        must(r, "complete");
    }

    QString outgoing_ = QStringLiteral("wangfang");
    QString incoming_ = QStringLiteral("liuyang");
};

BusySheet& busySheet() {
    static BusySheet sheet;
    return sheet;
}

void BM_PrintHandoverSheetToPdf(benchmark::State& state) {
    BusySheet& b = busySheet();
    fd::gui::Session session(b.ts.services(), b.ts.actor(QStringLiteral("wangfang")));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sheet.pdf"));
    int pages = 0;
    for (auto _ : state) {
        auto printed = fd::gui::printHandoverSheetToPdf(session, b.sheetId, path);
        if (!printed) {
            state.SkipWithError(qPrintable(printed.error().message.en));
            return;
        }
        pages = *printed;
    }
    state.counters["pages"] = pages;
    state.counters["bytes"] = static_cast<double>(QFileInfo(path).size());
}
BENCHMARK(BM_PrintHandoverSheetToPdf)->Unit(benchmark::kMillisecond)->Iterations(20);

void BM_PrintFrontDeskLogToPdf(benchmark::State& state) {
    BusySheet& b = busySheet();
    fd::gui::Session session(b.ts.services(), b.ts.actor(QStringLiteral("wangfang")));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("log.pdf"));
    const QDate day = fd::testing::startTime().date();
    for (auto _ : state) {
        auto printed = fd::gui::printFrontDeskLogToPdf(session, day, path);
        if (!printed) {
            state.SkipWithError(qPrintable(printed.error().message.en));
            return;
        }
    }
}
BENCHMARK(BM_PrintFrontDeskLogToPdf)->Unit(benchmark::kMillisecond)->Iterations(20);

// Ten years of history from the large profile (handover.import_history a month at a time).
struct LargeHistory {
    TestServices ts;
    qint64 oldest = 0;
    LargeHistory() {
        fd::SeedOptions options;
        options.profile = QStringLiteral("large");
        for (const fd::Module& m : ts->modules())
            if (m.area == QStringLiteral("handover"))
                if (auto ok = m.seed(ts.services(), ts.actor(QStringLiteral("admin")), options);
                    !ok)
                    throw std::runtime_error(ok.error().message.en.toStdString());
        auto id = fd::sql::scalar(ts->database().connection(),
                                  QStringLiteral("SELECT min(id) FROM handover_sheets"));
        oldest = id ? id->toLongLong() : 0;
    }
};

LargeHistory& largeHistory() {
    static LargeHistory h;
    return h;
}

// Opening a ten-year-old sheet of the large profile and printing it to PDF.
void BM_PrintTenYearOldSheetToPdf(benchmark::State& state) {
    LargeHistory& h = largeHistory();
    fd::gui::Session session(h.ts.services(), h.ts.actor(QStringLiteral("admin")));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old-sheet.pdf"));
    int pages = 0;
    for (auto _ : state) {
        auto printed = fd::gui::printHandoverSheetToPdf(session, h.oldest, path);
        if (!printed) {
            state.SkipWithError(qPrintable(printed.error().message.en));
            return;
        }
        pages = *printed;
    }
    state.counters["pages"] = pages;
    state.counters["bytes"] = static_cast<double>(QFileInfo(path).size());
}
BENCHMARK(BM_PrintTenYearOldSheetToPdf)->Unit(benchmark::kMillisecond)->Iterations(20);

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    fd::gui::Translations::install(QStringLiteral("zh_CN"));
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
