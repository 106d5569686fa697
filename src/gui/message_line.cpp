#include "message_line.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QUrl>

namespace fd::gui {

MessageLine::MessageLine(const QString& objectName, QWidget* parent) : QLabel(parent) {
    setObjectName(objectName);
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Ignored: the line's text never asks the layout for width; it wraps in what it gets.
    QSizePolicy policy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

QMessageBox* announceSaved(QWidget* parent, const QString& path) {
    const QFileInfo file(path);
    auto* box = new QMessageBox(QMessageBox::Information,
                                QCoreApplication::translate("fd::gui::MessageLine", "Saved"),
                                QCoreApplication::translate("fd::gui::MessageLine", "Saved to %1")
                                    .arg(QDir::toNativeSeparators(file.absoluteFilePath())),
                                QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("savedBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* open =
        box->addButton(QCoreApplication::translate("fd::gui::MessageLine", "Open folder"),
                       QMessageBox::ActionRole);
    open->setObjectName(QStringLiteral("openFolder"));
    // The box closes after an action button; the folder opens in the desktop's file manager.
    QObject::connect(open, &QPushButton::clicked, box, [dir = file.absolutePath()] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(dir));
    });
    box->setWindowModality(Qt::NonModal);
    box->show();
    return box;
}

} // namespace fd::gui
