#pragma once

#include <QDate>
#include <QWidget>

class QLineEdit;
class QToolButton;

namespace fd::gui {

// A date typed as people type it (2026-12-04, 2026/12/4, 12月4日, full-width digits) or
// picked from a calendar. The text is what a form sends: the action reads it with the same
// reader (typedDate) and names the field when it is not a date.
class DateField final : public QWidget {
    Q_OBJECT
public:
    // `today` reads a day typed without its year (12月4日) as one of this year.
    DateField(const QDate& today, QWidget* parent = nullptr);

    [[nodiscard]] QString text() const;
    // The date typed or picked; invalid when the text is not a date.
    [[nodiscard]] QDate date() const;
    void setDate(const QDate& date);
    // The days the calendar offers (typing stays free: the rule decides).
    void setRange(const QDate& first, const QDate& last);
    [[nodiscard]] QDate latest() const { return last_; }
    [[nodiscard]] QLineEdit* edit() const { return edit_; }
    [[nodiscard]] QToolButton* calendarButton() const { return pick_; }

signals:
    void changed();

private:
    void showCalendar();

    QDate today_;
    QDate first_;
    QDate last_;
    QLineEdit* edit_ = nullptr;
    QToolButton* pick_ = nullptr;
};

} // namespace fd::gui
