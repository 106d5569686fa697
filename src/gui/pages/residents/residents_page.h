#pragma once

#include "page_registry.h"

#include <QHash>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace fd::gui {

class QueryTableModel;

// The residents registry at the front desk: search as you type (room code prefix, name,
// phone tail, any Chinese substring), the resident form (register, edit, move out through
// actions), revealing one phone number with a reason (audited, R6-3), and import from
// CSV/XLSX with every problem listed by line and column.
class ResidentsPage final : public Page {
    Q_OBJECT
public:
    ResidentsPage(Session& session, QWidget* parent = nullptr);

    bool openRecord(const QString& entity, const QString& entityId) override;
    void refresh() override;

    [[nodiscard]] QLineEdit* searchBox() const { return search_; }
    [[nodiscard]] QueryTableModel* results() const { return model_; }
    [[nodiscard]] QTableView* resultsView() const { return table_; }
    [[nodiscard]] QLineEdit* field(const QString& name) const;
    [[nodiscard]] qint64 currentResidentId() const { return currentId_; }
    // Runs the search now (typing starts it after a short pause).
    void searchNow();
    void selectResult(int row);

    // The form's actions (also the buttons' slots).
    bool registerResident();
    bool saveChanges();
    bool moveOut();
    // Shows the whole number after asking for a reason; returns it (empty when refused).
    QString revealPhone(const QString& reason);
    // Imports a file: lists the problems (line, column) or imports all rows.
    bool importFile(const QString& path);
    [[nodiscard]] QStringList lastImportProblems() const { return importProblems_; }

private:
    void clearForm();
    QVariantMap formParams(bool forUpdate) const;
    bool run(const QString& action, const QVariantMap& params, const QString& reason = {});
    void chooseImport();
    void downloadTemplate();

    Session& session_;
    QLineEdit* search_ = nullptr;
    QTimer* debounce_ = nullptr;
    QueryTableModel* model_ = nullptr;
    QTableView* table_ = nullptr;
    QLabel* count_ = nullptr;
    QLabel* importStatus_ = nullptr; // what the last import did; the lists' refresh keeps it
    QHash<QString, QLineEdit*> fields_;
    QComboBox* kind_ = nullptr;
    QPlainTextEdit* notes_ = nullptr;
    QPushButton* register_ = nullptr;
    QPushButton* save_ = nullptr;
    QPushButton* moveOut_ = nullptr;
    QPushButton* reveal_ = nullptr;
    QLabel* revealed_ = nullptr;
    qint64 currentId_ = 0;
    QString shownPhone_; // the masked text shown, so an unchanged field is not sent
    QString shownPhone2_;
    QStringList importProblems_;
};

} // namespace fd::gui
