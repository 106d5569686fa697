// The archives area's page in the navigation (the archivist and borrower signature meanings
// are built into the sign dialog).
#include "pages/archives/archives_page.h"

#include <QCoreApplication>

namespace fd::gui {

void registerPages_archives(PageRegistry& registry) {
    registry.add({QStringLiteral("archives"),
                  QStringLiteral("archives"),
                  QT_TRANSLATE_NOOP("fd::gui::Pages", "Archives"),
                  QStringLiteral(":/icons/archives.png"),
                  {QStringLiteral("archive.request_loan"), QStringLiteral("archive.lend")},
                  40,
                  [](Session& s, QWidget* parent) -> Page* { return new ArchivesPage(s, parent); },
                  {}});
}

} // namespace fd::gui
