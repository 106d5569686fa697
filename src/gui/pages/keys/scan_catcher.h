#pragma once

#include <QObject>
#include <QPointer>

class QLineEdit;
class QWidget;

namespace fd::gui {

// A USB barcode scanner is a keyboard: it types the tag number and Enter into whatever has
// the focus. While `page` is shown, characters typed on any widget of its window that does
// not take text (a list, a button, a tab, the navigation) go to `scanBox` instead, the first
// one replacing what the box held, and the Enter that ends them is the box's; so a scan is
// caught wherever the focus is. Dialogs are windows of their own and keep their keys.
class ScanCatcher final : public QObject {
    Q_OBJECT
public:
    ScanCatcher(QWidget* page, QLineEdit* scanBox);

    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    [[nodiscard]] bool onPage(QObject* watched) const;

    QPointer<QWidget> page_;
    QPointer<QLineEdit> box_;
    bool redirecting_ = false; // characters went to the box; its Enter follows
};

} // namespace fd::gui
