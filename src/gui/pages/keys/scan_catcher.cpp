#include "pages/keys/scan_catcher.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace fd::gui {
namespace {

// Widgets that take typed text keep their keys.
bool takesText(const QObject* w) {
    if (const auto* combo = qobject_cast<const QComboBox*>(w))
        return combo->isEditable();
    return qobject_cast<const QLineEdit*>(w) != nullptr ||
           qobject_cast<const QTextEdit*>(w) != nullptr ||
           qobject_cast<const QPlainTextEdit*>(w) != nullptr ||
           qobject_cast<const QAbstractSpinBox*>(w) != nullptr;
}

// A character a tag number may hold: no space (it presses buttons), no shortcut.
bool tagCharacter(const QKeyEvent* key) {
    if ((key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) != 0)
        return false;
    const QString text = key->text();
    return text.size() == 1 && text.at(0).isPrint() && !text.at(0).isSpace();
}

bool enter(const QKeyEvent* key) {
    return key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
}

} // namespace

ScanCatcher::ScanCatcher(QWidget* page, QLineEdit* scanBox)
    : QObject(page), page_(page), box_(scanBox) {
    qApp->installEventFilter(this);
}

bool ScanCatcher::onPage(QObject* watched) const {
    // The page's window while the page is shown: the navigation beside it too, never a
    // dialog (a window of its own).
    auto* w = qobject_cast<QWidget*>(watched);
    return w != nullptr && page_ != nullptr && page_->isVisible() && w->window() == page_->window();
}

bool ScanCatcher::eventFilter(QObject* watched, QEvent* event) {
    if (box_ == nullptr)
        return false;
    if (watched == box_) {
        // The box's own Enter ends the scan, as does leaving it.
        if (event->type() == QEvent::FocusOut ||
            (event->type() == QEvent::KeyPress && enter(static_cast<QKeyEvent*>(event))))
            redirecting_ = false;
        return false;
    }
    if (event->type() != QEvent::KeyPress || !onPage(watched))
        return false;
    const auto* key = static_cast<QKeyEvent*>(event);
    if (redirecting_ && enter(key)) {
        redirecting_ = false;
        QKeyEvent copy(key->type(), key->key(), key->modifiers(), key->text());
        QCoreApplication::sendEvent(box_, &copy);
        return true;
    }
    if (takesText(watched) || !tagCharacter(key))
        return false;
    // The first character of a scan replaces what the box held.
    if (!redirecting_) {
        box_->setFocus(Qt::OtherFocusReason);
        box_->selectAll();
        redirecting_ = true;
    }
    QKeyEvent copy(key->type(), key->key(), key->modifiers(), key->text());
    QCoreApplication::sendEvent(box_, &copy);
    return true;
}

} // namespace fd::gui
