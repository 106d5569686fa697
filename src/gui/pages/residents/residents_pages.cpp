// The residents registry's page in the navigation.
#include "pages/residents/residents_page.h"

#include <QCoreApplication>

namespace fd::gui {

void registerPages_residents(PageRegistry& registry) {
    registry.add({QStringLiteral("residents"),
                  QStringLiteral("residents"),
                  QT_TRANSLATE_NOOP("fd::gui::Pages", "Residents"),
                  QStringLiteral(":/icons/residents.png"),
                  {QStringLiteral("resident.register")},
                  20,
                  [](Session& s, QWidget* parent) -> Page* { return new ResidentsPage(s, parent); },
                  {}});
}

} // namespace fd::gui
