#pragma once

#include <QLabel>

namespace fd::gui {

// A page's line for what just happened ("Loan request #7 is waiting for approval…"): it
// wraps and takes the width its layout gives it, never more, so a long message grows the
// line downwards instead of widening the window past the screen.
class MessageLine final : public QLabel {
    Q_OBJECT
public:
    explicit MessageLine(const QString& objectName, QWidget* parent = nullptr);
};

} // namespace fd::gui
