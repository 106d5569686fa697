#pragma once

#include <QObject>
#include <QTimer>
#include <QWidget>
#include <chrono>

class QLabel;
class QLineEdit;

namespace fd::gui {

class Session;

// Emits idle() after the given time without keyboard, mouse or touch input anywhere in
// the application. The timeout comes from session.idle_minutes; tests inject a short one.
class IdleWatcher final : public QObject {
    Q_OBJECT
public:
    explicit IdleWatcher(std::chrono::milliseconds timeout, QObject* parent = nullptr);
    ~IdleWatcher() override;

    void setTimeout(std::chrono::milliseconds timeout);
    [[nodiscard]] std::chrono::milliseconds timeout() const;
    void setActive(bool active); // paused while the lock screen shows

signals:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer timer_;
    bool active_ = true;
};

// The screen over the window content while the session is locked: only the signed-in
// person's password unlocks it; "Sign out" ends the session instead.
class LockScreen final : public QWidget {
    Q_OBJECT
public:
    LockScreen(const Session& session, QWidget* parent = nullptr);

    void reset(); // clears the password and message, focuses the password field
    void setMessage(const QString& text);
    [[nodiscard]] QString message() const;

signals:
    void unlocked();
    void signOutRequested();

private:
    void tryUnlock();

    const Session& session_;
    QLineEdit* password_ = nullptr;
    QLabel* message_ = nullptr;
};

} // namespace fd::gui
