#pragma once

#include <QLabel>

class QMessageBox;

namespace fd::gui {

// A page's line for what just happened ("Loan request #7 is waiting for approval…"): it
// wraps and takes the width its layout gives it, never more, so a long message grows the
// line downwards instead of widening the window past the screen.
class MessageLine final : public QLabel {
    Q_OBJECT
public:
    explicit MessageLine(const QString& objectName, QWidget* parent = nullptr);
};

// Says where an export or a print to PDF was saved, with a button that opens its folder
// (a non-blocking box: work goes on while it shows). Returns the box, for tests.
QMessageBox* announceSaved(QWidget* parent, const QString& path);

} // namespace fd::gui
