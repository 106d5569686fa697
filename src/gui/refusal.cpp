#include "refusal.h"

#include "services/approval_form.h"
#include "session.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QWidget>

namespace fd::gui {
namespace {

// The rule engine appends the clause list ("【R1-1.2.2】" / " [R1-1.2.2]"); the label in
// front says it already.
QString withoutClauseSuffix(QString message) {
    static const QRegularExpression suffix(QStringLiteral("\\s*(【[^】]*】|\\[[^\\]]*\\])\\s*$"));
    return message.remove(suffix);
}

} // namespace

QString clauseLabel(const QString& clause) {
    return display(citeClauses(clause.split(QLatin1Char(','), Qt::SkipEmptyParts)));
}

QString errorText(const Error& error) {
    const QString message = display(error.message);
    switch (error.kind) {
    case Error::Kind::Refused: {
        if (error.clause.isEmpty())
            return withoutClauseSuffix(message);
        return QCoreApplication::translate("fd::gui::Refusal", "%1: %2")
            .arg(clauseLabel(error.clause), withoutClauseSuffix(message));
    }
    case Error::Kind::BadInput:
    case Error::Kind::NotFound:
    case Error::Kind::Auth:
        return message;
    case Error::Kind::Integrity:
        return QCoreApplication::translate("fd::gui::Refusal",
                                           "The data failed an integrity check: %1")
            .arg(message);
    case Error::Kind::Storage:
        return QCoreApplication::translate("fd::gui::Refusal", "The database could not be used: %1")
            .arg(message);
    case Error::Kind::Internal:
        return QCoreApplication::translate("fd::gui::Refusal", "Unexpected error: %1").arg(message);
    }
    return message;
}

void showError(QWidget* parent, const Error& error, const QHash<QString, QWidget*>& fields) {
    QString title;
    switch (error.kind) {
    case Error::Kind::Refused:
        title = QCoreApplication::translate("fd::gui::Refusal", "Not allowed by the regulations");
        break;
    case Error::Kind::BadInput:
    case Error::Kind::NotFound:
        title = QCoreApplication::translate("fd::gui::Refusal", "Please check the input");
        break;
    case Error::Kind::Auth:
        title = QCoreApplication::translate("fd::gui::Refusal", "Sign-in failed");
        break;
    default:
        title = QCoreApplication::translate("fd::gui::Refusal", "Error");
        break;
    }
    QMessageBox box(error.kind == Error::Kind::Refused ? QMessageBox::Warning
                                                       : QMessageBox::Information,
                    title, errorText(error), QMessageBox::Ok, parent);
    box.setObjectName(QStringLiteral("errorBox"));
    box.exec();
    if (QWidget* field = fields.value(error.field); field != nullptr)
        markField(field);
}

void markField(QWidget* field) {
    // Marked until the person changes it.
    field->setProperty("refused", true);
    field->setStyleSheet(QStringLiteral("border: 2px solid #b00020;"));
    field->setFocus(Qt::OtherFocusReason);
    auto clear = [field] {
        field->setProperty("refused", false);
        field->setStyleSheet(QString());
    };
    if (auto* line = qobject_cast<QLineEdit*>(field))
        QObject::connect(line, &QLineEdit::textEdited, field, clear, Qt::SingleShotConnection);
    else if (auto* text = qobject_cast<QPlainTextEdit*>(field))
        QObject::connect(text, &QPlainTextEdit::textChanged, field, clear,
                         Qt::SingleShotConnection);
    else if (auto* box = qobject_cast<QComboBox*>(field))
        QObject::connect(box, &QComboBox::currentIndexChanged, field, clear,
                         Qt::SingleShotConnection);
}

} // namespace fd::gui
