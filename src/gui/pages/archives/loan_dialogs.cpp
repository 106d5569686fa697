#include "pages/archives/loan_dialogs.h"

#include "date_field.h"

#include "archives/archive_rules.h"
#include "refusal.h"
#include "rules/policy.h"
#include "services/services.h"
#include "session.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace fd::gui {
namespace {

constexpr int kDefaultLoanDays = 7;

QDialogButtonBox* okCancel(QDialog* dialog) {
    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    QObject::connect(box, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(box, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return box;
}

} // namespace

LoanRequestDialog::LoanRequestDialog(Session& session, const QStringList& volumes, QWidget* parent)
    : QDialog(parent), session_(session) {
    setWindowTitle(tr("Archive loan request"));
    setObjectName(QStringLiteral("loanRequestDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    kind_ = new QComboBox(this);
    kind_->setObjectName(QStringLiteral("borrower_kind"));
    kind_->addItem(tr("Staff member"), QStringLiteral("staff"));
    kind_->addItem(tr("Parent company (inspection)"), QStringLiteral("parent_company"));
    kind_->addItem(tr("Outside organisation"), QStringLiteral("outside"));
    form->addRow(tr("Borrower"), kind_);
    staff_ = new QComboBox(this);
    staff_->setObjectName(QStringLiteral("borrower_staff_id"));
    // The staff registry's list when it is built; otherwise the person signed in.
    if (auto staff = session.services().query(QStringLiteral("staff"), {}, session.actor())) {
        int idCol = -1;
        int nameCol = -1;
        for (int c = 0; c < staff->columns.size(); ++c) {
            if (staff->columns[c].key == QStringLiteral("id"))
                idCol = c;
            if (staff->columns[c].key == QStringLiteral("name"))
                nameCol = c;
        }
        if (idCol >= 0 && nameCol >= 0)
            for (const QVariantList& row : staff->rows)
                staff_->addItem(row[nameCol].toString(), row[idCol]);
    }
    if (staff_->count() == 0 && session.actor().staffId > 0)
        staff_->addItem(session.actor().displayName, session.actor().staffId);
    if (const int own = staff_->findData(session.actor().staffId); own >= 0)
        staff_->setCurrentIndex(own);
    form->addRow(tr("Staff member"), staff_);
    name_ = new QLineEdit(this);
    name_->setObjectName(QStringLiteral("borrower_name"));
    form->addRow(tr("Borrower's name"), name_);
    organisation_ = new QLineEdit(this);
    organisation_->setObjectName(QStringLiteral("organisation"));
    form->addRow(tr("Organisation"), organisation_);
    letter_ = new QLineEdit(this);
    letter_->setObjectName(QStringLiteral("introduction_letter"));
    letter_->setPlaceholderText(tr("number of the introduction letter"));
    form->addRow(tr("Introduction letter"), letter_);
    idDocument_ = new QLineEdit(this);
    idDocument_->setObjectName(QStringLiteral("id_document"));
    form->addRow(tr("ID document"), idDocument_);
    volumes_ = new QLineEdit(volumes.join(QStringLiteral(", ")), this);
    volumes_->setObjectName(QStringLiteral("volumes"));
    volumes_->setPlaceholderText(tr("volume numbers, separated by commas"));
    form->addRow(tr("Volumes"), volumes_);
    purpose_ = new QLineEdit(this);
    purpose_->setObjectName(QStringLiteral("purpose"));
    form->addRow(tr("Purpose"), purpose_);
    mode_ = new QComboBox(this);
    mode_->setObjectName(QStringLiteral("mode"));
    mode_->addItem(tr("Read on site"), QStringLiteral("on_site"));
    mode_->addItem(tr("Lend"), QStringLiteral("lend"));
    form->addRow(tr("How"), mode_);
    where_ = new QLabel(this);
    where_->setObjectName(QStringLiteral("leavesCompany"));
    where_->setWordWrap(true);
    form->addRow(QString(), where_);
    // Typed (2026-12-04, 12月4日) or picked on the calendar.
    due_ = new DateField(session_.services().clock().officeToday(), this);
    due_->edit()->setObjectName(QStringLiteral("due_date"));
    form->addRow(tr("Due date"), due_);
    layout->addLayout(form);
    auto* hint = new QLabel(
        tr("Staff loans wait for the office manager's approval; outside organisations need "
           "their introduction letter and ID recorded."),
        this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    layout->addWidget(okCancel(this));
    connect(kind_, &QComboBox::currentIndexChanged, this, &LoanRequestDialog::kindChanged);
    connect(mode_, &QComboBox::currentIndexChanged, this, &LoanRequestDialog::showWhereItGoes);
    connect(mode_, &QComboBox::currentIndexChanged, this, &LoanRequestDialog::proposeDueDate);
    kindChanged();
    proposeDueDate();
}

void LoanRequestDialog::proposeDueDate() {
    // The dates the rule allows for this mode (R1-1.1.5): from today to the longest period;
    // a week, or the longest period when shorter, is proposed.
    const QDate today = session_.services().clock().officeToday();
    const int longest =
        archives::longestLoanDays(session_.services().policy(), mode_->currentData().toString());
    due_->setRange(today, today.addDays(longest));
    due_->setDate(today.addDays(std::min(kDefaultLoanDays, longest)));
}

void LoanRequestDialog::showWhereItGoes() {
    const QString kind = kind_->currentData().toString();
    const Policy& policy = session_.services().policy();
    auto* modes = qobject_cast<QStandardItemModel*>(mode_->model());
    bool anyLeaves = false;
    for (int i = 0; i < mode_->count(); ++i) {
        const bool leaves =
            archives::loanLeavesCompany(policy, kind, mode_->itemData(i).toString());
        anyLeaves = anyLeaves || leaves;
        if (modes != nullptr)
            modes->item(i)->setEnabled(!leaves);
        if (leaves && mode_->currentIndex() == i)
            mode_->setCurrentIndex(mode_->findData(QStringLiteral("on_site")));
    }
    where_->setText(anyLeaves ? tr("Lending to this borrower would take the archives out of the "
                                   "company: they read on site only (R1-2.5.1).")
                              : tr("The archives stay in the company (R1-2.5.1)."));
}

void LoanRequestDialog::kindChanged() {
    const bool staff = kind_->currentData().toString() == QStringLiteral("staff");
    staff_->setEnabled(staff);
    name_->setEnabled(!staff);
    organisation_->setEnabled(!staff);
    const bool outside = kind_->currentData().toString() == QStringLiteral("outside");
    letter_->setEnabled(outside);
    idDocument_->setEnabled(outside);
    showWhereItGoes();
}

ActionRequest LoanRequestDialog::request() const {
    QVariantMap p;
    const QString kind = kind_->currentData().toString();
    p.insert(QStringLiteral("borrower_kind"), kind);
    if (kind == QStringLiteral("staff")) {
        p.insert(QStringLiteral("borrower_staff_id"), staff_->currentData());
        p.insert(QStringLiteral("borrower_name"), staff_->currentText());
    } else {
        p.insert(QStringLiteral("borrower_name"), name_->text().trimmed());
        p.insert(QStringLiteral("organisation"), organisation_->text().trimmed());
        if (kind == QStringLiteral("outside")) {
            p.insert(QStringLiteral("introduction_letter"), letter_->text().trimmed());
            p.insert(QStringLiteral("id_document"), idDocument_->text().trimmed());
        }
    }
    QStringList numbers = volumes_->text().split(QRegularExpression(QStringLiteral("[,，;；\\s]+")),
                                                 Qt::SkipEmptyParts);
    p.insert(QStringLiteral("volumes"), numbers);
    p.insert(QStringLiteral("purpose"), purpose_->text().trimmed());
    p.insert(QStringLiteral("mode"), mode_->currentData());
    p.insert(QStringLiteral("due_date"), due_->text()); // read by the action as typed
    return {QStringLiteral("archive.request_loan"), p, session_.actor(), {}, {}};
}

void LoanRequestDialog::accept() {
    auto done = session_.services().bus().execute(request());
    if (!done) {
        problem_ = errorText(done.error());
        showError(this, done.error(),
                  {{QStringLiteral("borrower_kind"), kind_},
                   {QStringLiteral("borrower_staff_id"), staff_},
                   {QStringLiteral("borrower_name"), name_},
                   {QStringLiteral("organisation"), organisation_},
                   {QStringLiteral("introduction_letter"), letter_},
                   {QStringLiteral("id_document"), idDocument_},
                   {QStringLiteral("volumes"), volumes_},
                   {QStringLiteral("purpose"), purpose_},
                   {QStringLiteral("mode"), mode_},
                   {QStringLiteral("due_date"), due_->edit()}});
        return;
    }
    problem_.clear();
    result_ = *done;
    QDialog::accept();
}

LoanCountDialog::LoanCountDialog(const QString& summary, int expected, bool returning,
                                 bool signsOnPaper, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(returning ? tr("Return: count the items") : tr("Checkout: count the items"));
    setObjectName(QStringLiteral("loanCountDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel(summary, this);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto* form = new QFormLayout;
    count_ = new QSpinBox(this);
    count_->setObjectName(QStringLiteral("count"));
    count_->setRange(0, 100000);
    count_->setValue(expected);
    form->addRow(tr("Items counted face to face (catalogue: %1)").arg(expected), count_);
    condition_ = new QComboBox(this);
    condition_->setObjectName(QStringLiteral("condition"));
    condition_->addItem(tr("Good"), QStringLiteral("good"));
    condition_->addItem(tr("Damaged"), QStringLiteral("damaged"));
    note_ = new QLineEdit(this);
    note_->setObjectName(QStringLiteral("note"));
    if (returning) {
        form->addRow(tr("Condition"), condition_);
        form->addRow(tr("Note"), note_);
    } else {
        condition_->hide();
        note_->hide();
    }
    signerName_ = new QLineEdit(this);
    signerName_->setObjectName(QStringLiteral("signer_name"));
    signerId_ = new QLineEdit(this);
    signerId_->setObjectName(QStringLiteral("signer_id_document"));
    if (signsOnPaper) {
        form->addRow(tr("Borrower signing the printed slip"), signerName_);
        form->addRow(tr("Their ID document"), signerId_);
    } else {
        signerName_->hide();
        signerId_->hide();
    }
    layout->addLayout(form);
    layout->addWidget(okCancel(this));
}

int LoanCountDialog::count() const {
    return count_->value();
}

QString LoanCountDialog::condition() const {
    return condition_->currentData().toString();
}

QString LoanCountDialog::note() const {
    return note_->text().trimmed();
}

QString LoanCountDialog::signerName() const {
    return signerName_->isHidden() ? QString() : signerName_->text().trimmed();
}

QString LoanCountDialog::signerIdDocument() const {
    return signerId_->isHidden() ? QString() : signerId_->text().trimmed();
}

IncidentReportDialog::IncidentReportDialog(Session& session, qint64 incidentId,
                                           const QString& summary, QWidget* parent)
    : QDialog(parent), session_(session), incidentId_(incidentId) {
    setWindowTitle(tr("Written incident report"));
    setObjectName(QStringLiteral("incidentReportDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel(summary, this);
    text->setObjectName(QStringLiteral("incidentSummary"));
    text->setWordWrap(true);
    layout->addWidget(text);
    auto* hint = new QLabel(tr("Write what was lost, damaged or disclosed, how it happened, who "
                               "is responsible and what has been done (R1-1.2.6)."),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    report_ = new QPlainTextEdit(this);
    report_->setObjectName(QStringLiteral("report"));
    report_->setMinimumHeight(160);
    layout->addWidget(report_, 1);
    layout->addWidget(okCancel(this));
    resize(520, 360);
}

void IncidentReportDialog::accept() {
    const QString report = report_->toPlainText().trimmed();
    QVariantMap params{{QStringLiteral("incident_id"), incidentId_}};
    if (!report.isEmpty())
        params.insert(QStringLiteral("report"), report);
    auto done = session_.services().bus().execute(
        {QStringLiteral("archive.report_incident"), params, session_.actor(), {}, {}});
    if (!done) {
        problem_ = errorText(done.error());
        showError(this, done.error(), {{QStringLiteral("report"), report_}});
        return;
    }
    problem_.clear();
    result_ = *done;
    QDialog::accept();
}

} // namespace fd::gui
