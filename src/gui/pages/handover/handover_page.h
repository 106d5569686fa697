#pragma once

#include "handover/handover_sheet.h"
#include "page_registry.h"
#include "pages/handover/action_form_dialog.h"

#include <QDate>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableWidget;

namespace fd {
struct SignatureRequirement;
}

namespace fd::gui {

class QueryListView;

// The clerk's shift handover (交接班, R2): the open sheet of the post with its matters,
// instructions, item checklist, undelivered mail and equipment operations; the incoming
// person's sign-in or unfitness; completion with the outgoing and incoming signatures,
// refused with the clause while an R2-2.4 blocker stands; a supervisor's override; the
// sheet and the Front Desk Handover Log printed to PDF; addenda to a completed sheet
// (R2-1.1). A second tab holds the front desk: mail, custody and forwarding with release,
// the phone log and the monthly phone bill against its quota (R6). A third the duty log
// (R8): duty records with inspection rounds and lighting checks, incidents with their
// written reports, swaps, a supervisor's end without successor, and both printed to PDF.
class HandoverPage final : public Page {
    Q_OBJECT
public:
    HandoverPage(Session& session, QWidget* parent = nullptr);

    bool openRecord(const QString& entity, const QString& entityId) override;
    void refresh() override;

    [[nodiscard]] qint64 sheetId() const { return sheet_.id; }
    [[nodiscard]] const handover::HandoverSheet& sheet() const { return sheet_; }
    [[nodiscard]] QTableWidget* mattersTable() const { return matters_; }
    [[nodiscard]] QTableWidget* checklistTable() const { return checklist_; }
    [[nodiscard]] QTableWidget* instructionsTable() const { return instructions_; }
    [[nodiscard]] QLabel* statusLabel() const { return status_; }
    [[nodiscard]] QTableWidget* addendaTable() const { return addenda_; }
    [[nodiscard]] QueryListView* mailList() const { return mailList_; }
    [[nodiscard]] QueryListView* custodyList() const { return custodyList_; }
    [[nodiscard]] QueryListView* callList() const { return callList_; }
    [[nodiscard]] QueryListView* billList() const { return billList_; }
    [[nodiscard]] QueryListView* dutyList() const { return dutyList_; }
    [[nodiscard]] QueryListView* incidentList() const { return incidentList_; }

    // The buttons' slots, public so a test drives the same code a click does.
    bool openSheet();
    bool completeHandover();
    bool recordOverride();
    bool confirmSelectedItem(bool present);
    bool printSheetToPdf(const QString& path);
    bool printLogToPdf(const QDate& day, const QString& path);
    // The month's exceptions (特批) for the CS manager, "yyyy-MM".
    bool printExceptionsToPdf(const QString& month, const QString& path);
    // The selected duty record / incident of the duty tab.
    bool printDutyToPdf(const QString& path);
    bool printIncidentToPdf(const QString& path);

private:
    QWidget* buildSheetTab();
    QWidget* buildFrontDeskTab();
    QWidget* buildDutyTab();
    void showSheet(qint64 id);
    void fillTables();
    // Runs one request through the bus; shows a refusal with its clause.
    bool run(const QString& action, const QVariantMap& params, const QString& reason = {});
    // Opens an action form; true when its action ran.
    bool runForm(const QString& action, const QString& title, const QList<FormField>& fields,
                 const QVariantMap& fixed, bool sendEmpty = false, const QString& reasonKey = {},
                 ActionResult* outcome = nullptr);
    [[nodiscard]] QString currentPost() const;
    [[nodiscard]] std::vector<SignatureRequirement> completionSignatures() const;
    [[nodiscard]] bool isSignatureRule(const QString& ruleId) const;
    // Whether the session may run a supervisor's override (its permission and the roles
    // the policy's rule names), so the button is shown only to those who can use it.
    [[nodiscard]] bool offersOverride(const QString& action) const;
    [[nodiscard]] int selectedRow(QTableWidget* table) const;
    void addMatter();
    void editMatter();
    void addInstruction();
    void acknowledgeInstruction();
    void recordEquipment(bool finishSelected);
    void signInIncoming();
    void markUnfit();
    void choosePdf(bool log);
    void addAddendum();
    void releaseCustody();
    void recordBill();
    void inspect();
    void lightingCheck();
    void incidentReport();
    void recordSwap();
    void overrideEndDuty();
    void chooseDutyPdf(bool incident);
    // The id of the list's selected row; tells the person to select one when none is.
    [[nodiscard]] QVariant selectedId(QueryListView* list, const QString& what);
    [[nodiscard]] QList<QPair<QString, QString>> inspectionAreas() const;
    [[nodiscard]] QList<QPair<QString, QString>> lightingTimes() const;
    void updateButtons();

    Session& session_;
    handover::HandoverSheet sheet_;
    QComboBox* post_ = nullptr;
    QLabel* header_ = nullptr;
    QLabel* status_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QTableWidget* matters_ = nullptr;
    QTableWidget* instructions_ = nullptr;
    QTableWidget* checklist_ = nullptr;
    QTableWidget* mail_ = nullptr;
    QTableWidget* equipment_ = nullptr;
    QTableWidget* addenda_ = nullptr;
    QWidget* addendaBox_ = nullptr;
    QSplitter* lower_ = nullptr;
    QPushButton* addendum_ = nullptr;
    QPushButton* open_ = nullptr;
    QPushButton* complete_ = nullptr;
    QPushButton* override_ = nullptr;
    QPushButton* printSheet_ = nullptr;
    QList<QPushButton*> sheetActions_; // enabled only while an open sheet is shown
    QueryListView* mailList_ = nullptr;
    QueryListView* custodyList_ = nullptr;
    QueryListView* callList_ = nullptr;
    QueryListView* billList_ = nullptr;
    QueryListView* dutyList_ = nullptr;
    QueryListView* incidentList_ = nullptr;
    QPushButton* overrideEnd_ = nullptr;
};

} // namespace fd::gui
