#pragma once

#include "util/error.h"

#include <QDate>

namespace fd::gui {

class Session;

// The area's registered forms (handover/handover_forms.cpp) printed through fd_output's
// printForm, as frontdeskctl prints them: same words, clearance and audit row (print.form).

// 交接班记录 of one sheet, and 《前台交接日志》 of one office day (R6-8), as PDF files.
Result<int> printHandoverSheetToPdf(const Session& session, qint64 sheetId, const QString& path);
Result<int> printFrontDeskLogToPdf(const Session& session, const QDate& day, const QString& path);
// The month's supervisors' exceptions to the handover blockers (特批, R2-2.4), "yyyy-MM".
Result<int> printExceptionsReportToPdf(const Session& session, const QString& month,
                                       const QString& path);
// 值班记录表 of one duty record (R8-1.3), and the written report of an incident (R8-1.6).
Result<int> printDutyRecordToPdf(const Session& session, qint64 dutyId, const QString& path);
Result<int> printIncidentReportToPdf(const Session& session, qint64 incidentId,
                                     const QString& path);

} // namespace fd::gui
