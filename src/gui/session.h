#pragma once

#include "auth/identity.h"
#include "util/error.h"

#include <QObject>

namespace fd {
class Services;
}

namespace fd::gui {

// The signed-in person and the services every page works with. Pages keep a reference;
// the session outlives the main window.
class Session final : public QObject {
    Q_OBJECT
public:
    Session(const Services& services, Actor actor, QObject* parent = nullptr);

    [[nodiscard]] const Services& services() const { return services_; }
    [[nodiscard]] const Actor& actor() const { return actor_; }
    // Whether the user's roles grant the permission (an action name or "area.*").
    [[nodiscard]] bool permits(const QString& permission) const;

    // Tell every page that business state changed: `what` is the action that changed it
    // ("duty.end"), or a name of the core's ("approval", "audit"). The area that registered
    // the action is told too (areaChanged("handover")), so that a page follows every change
    // of its area without a list of the area's prefixes.
    void notifyChanged(const QString& what);
    // Reads the person's account as it is now: their roles follow a change made at another
    // desk; a disabled or removed account emits accessRevoked (the window locks).
    void refreshActor();

signals:
    void dataChanged(const QString& what);
    void areaChanged(const QString& area);
    void accessRevoked(const QString& why);

private:
    const Services& services_;
    Actor actor_;
};

// Whether the interface currently speaks Chinese (the language the translators loaded).
bool chinese();
// A message of the core in the interface's language.
QString display(const Text& text);

} // namespace fd::gui
