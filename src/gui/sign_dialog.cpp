#include "sign_dialog.h"

#include "services/services.h"
#include "session.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fd::gui {

namespace {

QMap<QString, Text>& meaningTable() {
    static QMap<QString, Text> table{
        {QStringLiteral("outgoing"),
         {QStringLiteral("Outgoing shift signature"), QStringLiteral("交班人签字")}},
        {QStringLiteral("incoming"),
         {QStringLiteral("Incoming shift signature"), QStringLiteral("接班人签字")}},
        {QStringLiteral("approver"),
         {QStringLiteral("Approver signature"), QStringLiteral("审批人签字")}},
        {QStringLiteral("borrower"),
         {QStringLiteral("Borrower signature"), QStringLiteral("借阅人签字")}},
        {QStringLiteral("custodian"),
         {QStringLiteral("Custodian signature"), QStringLiteral("保管人签字")}},
        {QStringLiteral("archivist"),
         {QStringLiteral("Archivist signature"), QStringLiteral("档案管理员签字")}},
        {QStringLiteral("handed_over"),
         {QStringLiteral("Handed over by"), QStringLiteral("移交人签字")}},
        {QStringLiteral("received"), {QStringLiteral("Received by"), QStringLiteral("接收人签字")}},
    };
    return table;
}

} // namespace

void SignatureMeanings::add(const QString& meaning, const Text& title) {
    meaningTable().insert(meaning, title);
}

QString SignatureMeanings::title(const QString& meaning) {
    const auto it = meaningTable().constFind(meaning);
    return it == meaningTable().constEnd() ? meaning : display(*it);
}

SignDialog::SignDialog(const Services& services, std::vector<SignatureRequirement> requirements,
                       const QString& summary, QWidget* parent)
    : QDialog(parent), services_(services) {
    setObjectName(QStringLiteral("signDialog"));
    setWindowTitle(tr("Sign"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("What you sign:"), this);
    layout->addWidget(intro);
    auto* content = new QPlainTextEdit(summary, this);
    content->setObjectName(QStringLiteral("summary"));
    content->setReadOnly(true);
    content->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    // The whole text in view when it is a form's length (an approval's dozen lines); a longer
    // text scrolls.
    const int lines = static_cast<int>(summary.count(QLatin1Char('\n'))) + 2;
    content->setFixedHeight(std::min(lines, 16) * content->fontMetrics().lineSpacing() +
                            2 * content->frameWidth() + 8);
    content->setMinimumWidth(480);
    layout->addWidget(content);
    int index = 0;
    for (SignatureRequirement& req : requirements) {
        auto* box = new QGroupBox(SignatureMeanings::title(req.meaning), this);
        auto* form = new QFormLayout(box);
        SignerRow row{std::move(req), new QLineEdit(box), new QLineEdit(box)};
        row.login->setObjectName(QStringLiteral("login%1").arg(index));
        row.password->setObjectName(QStringLiteral("password%1").arg(index));
        row.password->setEchoMode(QLineEdit::Password);
        form->addRow(tr("Login"), row.login);
        form->addRow(tr("Password"), row.password);
        if (!row.requirement.role.isEmpty())
            form->addRow(
                tr("Role"),
                new QLabel(display(fd::roleNames(services.policy(), row.requirement.role)), box));
        layout->addWidget(box);
        rows_.push_back(row);
        ++index;
    }
    problem_ = new QLabel(this);
    problem_->setObjectName(QStringLiteral("problem"));
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #b00020;"));
    problem_->hide();
    layout->addWidget(problem_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SignDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SignDialog::reject);
    layout->addWidget(buttons);
}

void SignDialog::fillLogin(const QString& meaning, const QString& login) {
    for (SignerRow& row : rows_)
        if (row.requirement.meaning == meaning && row.login->text().isEmpty()) {
            row.login->setText(login);
            row.password->setFocus(Qt::OtherFocusReason);
            return;
        }
}

std::vector<SignatureInput> SignDialog::signatures() const {
    std::vector<SignatureInput> out;
    for (const SignerRow& row : rows_)
        out.push_back({row.requirement.meaning, row.login->text().trimmed(), row.password->text()});
    return out;
}

QString SignDialog::problem() const {
    return problem_->isVisible() ? problem_->text() : QString();
}

void SignDialog::showProblem(const QString& text, QWidget* focus) {
    problem_->setText(text);
    problem_->show();
    focus->setFocus(Qt::OtherFocusReason);
}

void SignDialog::accept() {
    QList<qint64> signers;
    for (const SignerRow& row : rows_) {
        const QString meaning = SignatureMeanings::title(row.requirement.meaning);
        const QString login = row.login->text().trimmed();
        if (login.isEmpty() || row.password->text().isEmpty()) {
            showProblem(tr("%1: enter the login and password.").arg(meaning), row.login);
            return;
        }
        auto who = services_.users().find(login);
        if (who && signers.contains(who->id)) {
            showProblem(tr("%1: %2 has already signed in this dialog; each signature must be "
                           "given by a different person.")
                            .arg(meaning, who->displayName),
                        row.login);
            return;
        }
        auto signer = services_.users().authenticate(login, row.password->text());
        if (!signer) {
            row.password->clear();
            showProblem(tr("%1: %2").arg(meaning, display(signer.error().message)), row.password);
            return;
        }
        if (!row.requirement.role.isEmpty() && !signer->hasAnyRole(row.requirement.role)) {
            showProblem(tr("%1: %2 does not hold the role %3.")
                            .arg(meaning, signer->displayName,
                                 display(fd::roleNames(services_.policy(), row.requirement.role))),
                        row.login);
            return;
        }
        signers << signer->userId;
    }
    QDialog::accept();
}

} // namespace fd::gui
