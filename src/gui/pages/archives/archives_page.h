#pragma once

#include "page_registry.h"
#include "print/print_document.h"
#include "util/error.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;

namespace fd::archives {
struct PrintDocument;
}

namespace fd::gui {

class QueryTableModel;

// The archivist's page (档案): one search box over volumes, items and documents (search as
// you type), the selected volume with its in-volume list, loan requests, checkout and return
// with two signatures (R1-1.2.5), the overdue list with a reminder slip (R1-1.3.5) and the
// general catalogue as a print (R1-1.4.3), and the incidents of a short or damaged return with
// their written report (R1-1.2.6). Every change goes through the action bus; what
// the actor may not see is never returned by the module's queries (R1-1.3.7).
class ArchivesPage final : public Page {
    Q_OBJECT
public:
    ArchivesPage(Session& session, QWidget* parent = nullptr);

    bool openRecord(const QString& entity, const QString& entityId) override;
    void refresh() override;

    [[nodiscard]] QLineEdit* searchBox() const { return search_; }
    [[nodiscard]] QueryTableModel* results() const { return results_; }
    [[nodiscard]] QueryTableModel* items() const { return items_; }
    [[nodiscard]] QueryTableModel* loans() const { return loans_; }
    [[nodiscard]] QueryTableModel* pending() const { return pending_; }
    [[nodiscard]] QueryTableModel* overdue() const { return overdue_; }
    [[nodiscard]] QueryTableModel* incidents() const { return incidents_; }
    [[nodiscard]] QTabWidget* tabs() const { return tabs_; }
    [[nodiscard]] QString status() const;
    [[nodiscard]] const QString& currentVolume() const { return volume_; }

    // Runs the search now (typing starts it after a short pause).
    void searchNow();
    void selectResult(int row);
    void selectLoan(qint64 loanId);
    [[nodiscard]] qint64 currentLoanId() const;
    void selectIncident(qint64 incidentId);
    [[nodiscard]] qint64 currentIncidentId() const;

    // The dialogs (also the buttons' slots); each returns whether the action went through.
    bool requestLoan();
    bool checkOut();
    bool giveBack();
    // The written report of the selected incident (R1-1.2.6).
    bool writeIncidentReport();

    // The general catalogue as the print framework's form, and printed to a PDF file with a
    // progress dialog.
    [[nodiscard]] Result<PrintDocument> generalCatalogue() const;
    Status printCatalogueToPdf(const QString& path);
    Status printReminderToPdf(qint64 loanId, const QString& path);

    // Converts a form of the archives area into the print framework's document.
    static PrintDocument toPrint(const archives::PrintDocument& form);

private:
    void loadVolume(const QString& number);
    void reloadLoans();
    bool handOver(bool returning);
    void chooseCataloguePdf();
    void chooseReminderPdf();

    Session& session_;
    QLineEdit* search_ = nullptr;
    QTimer* debounce_ = nullptr;
    QLabel* status_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QueryTableModel* results_ = nullptr;
    QTableView* resultsView_ = nullptr;
    QLabel* volumeTitle_ = nullptr;
    QueryTableModel* items_ = nullptr;
    QTableView* itemsView_ = nullptr;
    QueryTableModel* loans_ = nullptr;
    QTableView* loansView_ = nullptr;
    QueryTableModel* pending_ = nullptr;
    QueryTableModel* overdue_ = nullptr;
    QTableView* overdueView_ = nullptr;
    QueryTableModel* incidents_ = nullptr;
    QTableView* incidentsView_ = nullptr;
    QWidget* incidentsTab_ = nullptr;
    QPushButton* checkOut_ = nullptr;
    QPushButton* giveBack_ = nullptr;
    QString volume_;
};

} // namespace fd::gui
