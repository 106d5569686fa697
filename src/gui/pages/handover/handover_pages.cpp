// The handover area's page in the navigation.
#include "pages/handover/handover_page.h"

#include <QCoreApplication>

namespace fd::gui {

void registerPages_handover(PageRegistry& registry) {
    registry.add({QStringLiteral("handover"),
                  QStringLiteral("handover"),
                  QT_TRANSLATE_NOOP("fd::gui::Pages", "Shift handover"),
                  {},
                  {QStringLiteral("handover.open"), QStringLiteral("handover.complete")},
                  30,
                  [](Session& s, QWidget* parent) -> Page* { return new HandoverPage(s, parent); },
                  {}});
}

} // namespace fd::gui
