#pragma once

#include <QDateTime>
#include <QTimeZone>
#include <memory>

namespace fd {

// Every time the product records comes from a Clock (R2-1.1), never from typed text.
class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual QDateTime nowUtc() const = 0;
    // The office's time zone, for display and for "today".
    [[nodiscard]] static QTimeZone officeZone();
    [[nodiscard]] QDate officeToday() const;
};

class SystemClock final : public Clock {
public:
    [[nodiscard]] QDateTime nowUtc() const override;
};

// A clock that tests set and advance.
class FixedClock final : public Clock {
public:
    explicit FixedClock(QDateTime utc);
    [[nodiscard]] QDateTime nowUtc() const override { return now_; }
    void set(const QDateTime& utc);
    void advanceSeconds(qint64 seconds);

private:
    QDateTime now_;
};

// The clock a demo seed writes past days with: the present time until set back, and again
// after resume(). Only the seed command uses it; every other writer keeps the real time.
// The present is the system's time, or a base clock's (a test seeding "as if" at a given
// hour sets a FixedClock as the base).
class HistoryClock final : public Clock {
public:
    HistoryClock() = default;
    explicit HistoryClock(std::shared_ptr<const Clock> present);
    [[nodiscard]] QDateTime nowUtc() const override;
    // The present the history leads up to, whether the clock is set back or not.
    [[nodiscard]] QDateTime presentUtc() const;
    void setTo(const QDateTime& utc);
    void advanceSeconds(qint64 seconds);
    void resume();
    [[nodiscard]] bool isSetBack() const { return setBack_.isValid(); }

private:
    std::shared_ptr<const Clock> present_; // empty: the system clock
    QDateTime setBack_;
};

// ISO-8601 UTC text with milliseconds, the storage format of every timestamp.
QString toStorage(const QDateTime& utc);
QDateTime fromStorage(const QString& text);
// For lists and prints: a stored timestamp ("2026-11-27T02:15:00.000Z") as office time
// ("2026-11-27 10:15"); any other text is returned as it is.
QString storedTimeAsOfficeText(const QString& text);

} // namespace fd
