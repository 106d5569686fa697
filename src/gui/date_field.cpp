#include "date_field.h"

#include "util/typed_date.h"

#include <QCalendarWidget>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>
#include <QWidgetAction>

namespace fd::gui {

DateField::DateField(const QDate& today, QWidget* parent) : QWidget(parent), today_(today) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    edit_ = new QLineEdit(this);
    edit_->setObjectName(QStringLiteral("dateText"));
    edit_->setPlaceholderText(QStringLiteral("yyyy-MM-dd"));
    edit_->setMinimumWidth(160);
    pick_ = new QToolButton(this);
    pick_->setObjectName(QStringLiteral("calendarButton"));
    pick_->setText(tr("Calendar…"));
    pick_->setToolTip(tr("Pick the day on a calendar"));
    pick_->setFocusPolicy(Qt::NoFocus); // Tab goes from field to field
    layout->addWidget(edit_, 1);
    layout->addWidget(pick_);
    setFocusProxy(edit_);
    connect(edit_, &QLineEdit::textChanged, this, &DateField::changed);
    connect(pick_, &QToolButton::clicked, this, &DateField::showCalendar);
}

QString DateField::text() const {
    return edit_->text().trimmed();
}

QDate DateField::date() const {
    return typedDate(text(), today_);
}

void DateField::setDate(const QDate& date) {
    edit_->setText(date.isValid() ? date.toString(Qt::ISODate) : QString());
}

void DateField::setRange(const QDate& first, const QDate& last) {
    first_ = first;
    last_ = last;
}

void DateField::showCalendar() {
    QMenu menu(this);
    auto* calendar = new QCalendarWidget(&menu);
    calendar->setObjectName(QStringLiteral("calendar"));
    if (first_.isValid() && last_.isValid())
        calendar->setDateRange(first_, last_);
    calendar->setSelectedDate(date().isValid() ? date() : today_);
    auto* action = new QWidgetAction(&menu);
    action->setDefaultWidget(calendar);
    menu.addAction(action);
    connect(calendar, &QCalendarWidget::clicked, &menu, [this, &menu](const QDate& day) {
        setDate(day);
        menu.close();
    });
    menu.exec(pick_->mapToGlobal(QPoint(0, pick_->height())));
}

} // namespace fd::gui
