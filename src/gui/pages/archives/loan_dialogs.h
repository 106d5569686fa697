#pragma once

#include "actions/action.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace fd::gui {

class DateField;

class Session;

// The loan request form (R1-1.2): borrower (staff, parent company, outside organisation),
// volumes, purpose, read on site or lend, due date. OK runs archive.request_loan through the
// bus; a refusal is shown with its clause and the form stays open.
class LoanRequestDialog final : public QDialog {
    Q_OBJECT
public:
    LoanRequestDialog(Session& session, const QStringList& volumes, QWidget* parent = nullptr);

    // The request as the bus receives it.
    [[nodiscard]] ActionRequest request() const;
    // The bus's answer once the dialog was accepted.
    [[nodiscard]] const ActionResult& result() const { return result_; }
    // The last refusal or problem shown (empty when none).
    [[nodiscard]] const QString& problem() const { return problem_; }

    void accept() override;

private:
    void kindChanged();
    // Whether the loan as filled in would take the archives out of the company (R1-2.5.1):
    // a lending mode that leaves is not offered, and the form says why.
    void showWhereItGoes();
    void proposeDueDate();

    Session& session_;
    QComboBox* kind_ = nullptr;
    QComboBox* staff_ = nullptr;
    QLineEdit* name_ = nullptr;
    QLineEdit* organisation_ = nullptr;
    QLineEdit* letter_ = nullptr;
    QLineEdit* idDocument_ = nullptr;
    QLineEdit* volumes_ = nullptr;
    QLineEdit* purpose_ = nullptr;
    QComboBox* mode_ = nullptr;
    QLabel* where_ = nullptr;
    DateField* due_ = nullptr;
    ActionResult result_;
    QString problem_;
};

// The face-to-face count at checkout or return (R1-1.2.5): the number of items counted and,
// on return, their condition. A borrower without an account (outside organisation, parent
// company) signs the printed slip: the form records the signer's name and ID document.
class LoanCountDialog final : public QDialog {
    Q_OBJECT
public:
    LoanCountDialog(const QString& summary, int expected, bool returning, bool signsOnPaper = false,
                    QWidget* parent = nullptr);

    [[nodiscard]] int count() const;
    [[nodiscard]] QString condition() const; // good | damaged (return only)
    [[nodiscard]] QString note() const;
    [[nodiscard]] QString signerName() const;       // empty unless signsOnPaper
    [[nodiscard]] QString signerIdDocument() const; // empty unless signsOnPaper

private:
    QSpinBox* count_ = nullptr;
    QComboBox* condition_ = nullptr;
    QLineEdit* note_ = nullptr;
    QLineEdit* signerName_ = nullptr;
    QLineEdit* signerId_ = nullptr;
};

// The written report of a loan incident (R1-1.2.6): what happened, as recorded when the
// loan came back short or damaged, and the report. OK runs archive.report_incident through
// the bus; a refusal or an empty report is shown and the dialog stays open.
class IncidentReportDialog final : public QDialog {
    Q_OBJECT
public:
    IncidentReportDialog(Session& session, qint64 incidentId, const QString& summary,
                         QWidget* parent = nullptr);

    [[nodiscard]] QPlainTextEdit* reportEdit() const { return report_; }
    [[nodiscard]] const ActionResult& result() const { return result_; }
    [[nodiscard]] const QString& problem() const { return problem_; }

    void accept() override;

private:
    Session& session_;
    qint64 incidentId_ = 0;
    QPlainTextEdit* report_ = nullptr;
    ActionResult result_;
    QString problem_;
};

} // namespace fd::gui
