#include "sign_in.h"

#include "login_dialog.h"

namespace fd::gui {

Desk& Desk::operator=(Desk&& other) noexcept {
    if (this != &other) {
        close();
        session = std::move(other.session);
        window = std::move(other.window);
    }
    return *this;
}

Desk::~Desk() {
    close();
}

void Desk::close() {
    window.reset();
    session.reset();
}

SignIn::SignIn(const Services& services, const PageRegistry& pages, MainWindowOptions options)
    : services_(services), pages_(pages), options_(std::move(options)) {}

void SignIn::attach(LoginDialog& dialog) {
    dialog.setWhileChecking([this](const Actor& claimed) { prepare(claimed); });
}

void SignIn::prepare(const Actor& claimed) {
    prepared_.close();
    prepared_.session = std::make_unique<Session>(services_, claimed);
    prepared_.window = std::make_unique<MainWindow>(*prepared_.session, pages_, options_);
    // Laid out and drawn once off screen, so that showing it draws from warm caches (styles,
    // layouts, glyphs). Nothing reaches the screen.
    prepared_.window->ensurePolished();
    (void)prepared_.window->grab();
}

Desk SignIn::take(const Actor& signedIn) {
    if (!prepared_.session || prepared_.session->actor().userId != signedIn.userId)
        prepare(signedIn);
    return std::move(prepared_);
}

} // namespace fd::gui
