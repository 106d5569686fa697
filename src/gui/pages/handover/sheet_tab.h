#pragma once

#include "handover/handover_sheet.h"
#include "pages/handover/handover_tab.h"

#include <QDate>

class QComboBox;
class QSplitter;

namespace fd::gui {

// The shift handover (交接班, R2): the open sheet of the post with its matters,
// instructions, item checklist, undelivered mail and equipment operations; the incoming
// person's sign-in or unfitness; completion with the signatures the rules ask for, refused
// with the clause while an R2-2.4 blocker stands; a supervisor's override; the sheet and
// the Front Desk Handover Log printed to PDF; addenda to a completed sheet (R2-1.1).
class SheetTab final : public HandoverTab {
    Q_OBJECT
public:
    explicit SheetTab(Session& session, QWidget* parent = nullptr);

    void refresh() override;
    // Shows the sheet (a completed one stays shown until another is opened).
    bool openSheetRecord(qint64 id);

    [[nodiscard]] qint64 sheetId() const { return sheet_.id; }
    [[nodiscard]] const handover::HandoverSheet& sheet() const { return sheet_; }
    [[nodiscard]] QTableWidget* mattersTable() const { return matters_; }
    [[nodiscard]] QTableWidget* checklistTable() const { return checklist_; }
    [[nodiscard]] QTableWidget* instructionsTable() const { return instructions_; }
    [[nodiscard]] QTableWidget* addendaTable() const { return addenda_; }

    // The buttons' slots, public so a test drives the same code a click does.
    bool openSheet();
    bool completeHandover();
    bool recordOverride();
    bool confirmSelectedItem(bool present);
    bool printSheetToPdf(const QString& path);
    bool printLogToPdf(const QDate& day, const QString& path);
    // The month's exceptions (特批) for the CS manager, "yyyy-MM".
    bool printExceptionsToPdf(const QString& month, const QString& path);

private:
    void showSheet(qint64 id);
    void fillHeader();
    void fillTables();
    void updateButtons();
    [[nodiscard]] QString currentPost() const;
    // The selected row of `table` among its `count` rows; -1, saying `whenNone` in the status,
    // when none is.
    int selectedRow(QTableWidget* table, qsizetype count, const QString& whenNone);
    [[nodiscard]] QList<QPair<QString, QString>> severities() const;
    [[nodiscard]] QList<QPair<QString, QString>> matterStates() const;
    void addMatter();
    void editMatter();
    void acknowledgeInstruction();
    void recordEquipment(bool finishSelected);
    void choosePdf(bool log);
    void addAddendum();

    handover::HandoverSheet sheet_;
    QComboBox* post_ = nullptr;
    QLabel* header_ = nullptr;
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
    QPushButton* printSheet_ = nullptr;
    QList<QPushButton*> sheetActions_; // enabled only while an open sheet is shown
};

} // namespace fd::gui
