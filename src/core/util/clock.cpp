#include "util/clock.h"

#include <QRegularExpression>

namespace fd {

QTimeZone Clock::officeZone() {
    static const QTimeZone zone(QByteArrayLiteral("Asia/Shanghai"));
    return zone.isValid() ? zone : QTimeZone(8 * 3600);
}

QDate Clock::officeToday() const {
    return nowUtc().toTimeZone(officeZone()).date();
}

QDateTime SystemClock::nowUtc() const {
    return QDateTime::currentDateTimeUtc();
}

FixedClock::FixedClock(QDateTime utc) : now_(std::move(utc)) {
    now_.setTimeSpec(Qt::UTC);
}

void FixedClock::set(const QDateTime& utc) {
    now_ = utc.toUTC();
}

void FixedClock::advanceSeconds(qint64 seconds) {
    now_ = now_.addSecs(seconds);
}

HistoryClock::HistoryClock(std::shared_ptr<const Clock> present) : present_(std::move(present)) {}

QDateTime HistoryClock::nowUtc() const {
    return setBack_.isValid() ? setBack_ : presentUtc();
}

QDateTime HistoryClock::presentUtc() const {
    return present_ ? present_->nowUtc() : QDateTime::currentDateTimeUtc();
}

void HistoryClock::setTo(const QDateTime& utc) {
    setBack_ = utc.toUTC();
}

void HistoryClock::advanceSeconds(qint64 seconds) {
    setBack_ = nowUtc().addSecs(seconds);
}

void HistoryClock::resume() {
    setBack_ = QDateTime();
}

QString toStorage(const QDateTime& utc) {
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromStorage(const QString& text) {
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    t.setTimeSpec(Qt::UTC);
    return t;
}

QString storedTimeAsOfficeText(const QString& text) {
    static const QRegularExpression stored(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?Z$"));
    if (text.size() < 17 || text.at(10) != QLatin1Char('T') || !stored.match(text).hasMatch())
        return text;
    return fromStorage(text)
        .toTimeZone(Clock::officeZone())
        .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace fd
