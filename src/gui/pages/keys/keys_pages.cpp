// The keys area's page in the navigation; the number beside its title is the overdue loans.
#include "pages/keys/keys_page.h"

#include "services/services.h"
#include "session.h"

#include <QCoreApplication>

namespace fd::gui {

void registerPages_keys(PageRegistry& registry) {
    registry.add({QStringLiteral("keys"),
                  QStringLiteral("keys"),
                  QT_TRANSLATE_NOOP("fd::gui::Pages", "Keys"),
                  QStringLiteral(":/icons/keys.png"),
                  {QStringLiteral("key.lend"), QStringLiteral("key.register")},
                  45,
                  [](Session& s, QWidget* parent) -> Page* { return new KeysPage(s, parent); },
                  [](const Session& s) {
                      auto overdue =
                          s.services().query(QStringLiteral("key.overdue"), {}, s.actor());
                      return overdue ? static_cast<int>(overdue->rows.size()) : -1;
                  }});
}

} // namespace fd::gui
