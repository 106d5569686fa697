#include "pages/handover/handover_print_mapping.h"

#include "handover/handover_print.h"
#include "output/output.h"
#include "session.h"

namespace fd::gui {
namespace {

// The form as fd_output prints it for frontdeskctl too: same words, clearance and audit.
Result<int> printToPdf(const Session& session, const QString& form, const QString& record,
                       const QString& path) {
    auto done = printForm(session.services(), session.actor(), form, record, path, chinese());
    if (!done)
        return fail(done.error());
    return done->pages;
}

} // namespace

Result<int> printHandoverSheetToPdf(const Session& session, qint64 sheetId, const QString& path) {
    return printToPdf(session, QStringLiteral("handover-sheet"), QString::number(sheetId), path);
}

Result<int> printFrontDeskLogToPdf(const Session& session, const QDate& day, const QString& path) {
    return printToPdf(session, QStringLiteral("front-desk-log"), day.toString(Qt::ISODate), path);
}

Result<int> printExceptionsReportToPdf(const Session& session, const QString& month,
                                       const QString& path) {
    return printToPdf(session, QStringLiteral("exceptions-report"), month, path);
}

Result<int> printDutyRecordToPdf(const Session& session, qint64 dutyId, const QString& path) {
    return printToPdf(session, QStringLiteral("duty-record"), QString::number(dutyId), path);
}

Result<int> printIncidentReportToPdf(const Session& session, qint64 incidentId,
                                     const QString& path) {
    return printToPdf(session, QStringLiteral("incident-report"), QString::number(incidentId),
                      path);
}

} // namespace fd::gui
