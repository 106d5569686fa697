#pragma once

#include "main_window.h"
#include "session.h"

#include <memory>

namespace fd::gui {

class LoginDialog;

// A person signed in at the desk: their session and their main window (the window goes
// first, the session it refers to after it).
struct Desk {
    std::unique_ptr<Session> session;
    std::unique_ptr<MainWindow> window;

    Desk() = default;
    Desk(Desk&&) = default;
    Desk& operator=(Desk&& other) noexcept;
    ~Desk();
    void close();
};

// Signing in: the person's main window is built while their password is checked (argon2id
// takes a tenth of a second and more), so that it appears as soon as the check succeeds.
// Nothing of it is shown and nothing is written for them before that (the window's day
// backup starts when it is first shown); a window built for a check that failed is
// discarded.
class SignIn final {
public:
    SignIn(const Services& services, const PageRegistry& pages, MainWindowOptions options);

    // Lets the dialog build the window while it checks a password.
    void attach(LoginDialog& dialog);
    // After the dialog accepted `signedIn`: their session and window, not yet shown (built
    // now when the one built during the check was for somebody else).
    Desk take(const Actor& signedIn);
    // A window built for a check that failed, or for a dialog that was cancelled, goes.
    void discard() { prepared_.close(); }

private:
    void prepare(const Actor& claimed);

    const Services& services_;
    const PageRegistry& pages_;
    MainWindowOptions options_;
    Desk prepared_;
};

} // namespace fd::gui
