#include "session.h"

#include "services/services.h"
#include "translations.h"

namespace fd::gui {

Session::Session(const Services& services, Actor actor, QObject* parent)
    : QObject(parent), services_(services), actor_(std::move(actor)) {}

bool Session::permits(const QString& permission) const {
    return permission.isEmpty() || services_.policy().permits(actor_.roles, permission);
}

void Session::refreshActor() {
    auto current = services_.currentActor(actor_);
    if (!current) {
        if (current.error().kind == Error::Kind::Auth)
            emit accessRevoked(display(current.error().message));
        return;
    }
    actor_.roles = current->roles;
    actor_.displayName = current->displayName;
}

void Session::notifyChanged(const QString& what) {
    emit dataChanged(what);
    if (const QString area = services_.actions().areaOf(what); !area.isEmpty())
        emit areaChanged(area);
}

bool chinese() {
    return Translations::current().startsWith(QLatin1String("zh"));
}

QString display(const Text& text) {
    return text.in(chinese());
}

} // namespace fd::gui
