// The shell's own pages: the dashboard, the approval inbox and the generic lists.
#include "pages/core/approvals_page.h"
#include "pages/core/dashboard_page.h"
#include "pages/core/lists_page.h"
#include "services/services.h"
#include "session.h"

#include <QCoreApplication>

namespace fd::gui {

void registerPages_core(PageRegistry& registry) {
    registry.add({QStringLiteral("dashboard"),
                  QStringLiteral("dashboard"),
                  QT_TRANSLATE_NOOP("fd::gui::Pages", "Needs attention"),
                  QStringLiteral(":/icons/dashboard.png"),
                  {},
                  0,
                  [](Session& s, QWidget* parent) -> Page* { return new DashboardPage(s, parent); },
                  {}});
    registry.add({QStringLiteral("approvals"),
                  QStringLiteral("approvals"),
                  QT_TRANSLATE_NOOP("fd::gui::Pages", "Approvals"),
                  QStringLiteral(":/icons/approvals.png"),
                  {}, // everyone: who may not decide follows their own requests there
                  10,
                  [](Session& s, QWidget* parent) -> Page* { return new ApprovalsPage(s, parent); },
                  [](const Session& s) {
                      auto r = s.services().query(QStringLiteral("approvals"),
                                                  {{QStringLiteral("mine"), true}}, s.actor());
                      return r ? static_cast<int>(r->rows.size()) : -1;
                  }});
    registry.add({QStringLiteral("lists"),
                  QStringLiteral("lists"),
                  QT_TRANSLATE_NOOP("fd::gui::Pages", "Lists"),
                  QStringLiteral(":/icons/lists.png"),
                  {},
                  900,
                  [](Session& s, QWidget* parent) -> Page* { return new ListsPage(s, parent); },
                  {}});
}

} // namespace fd::gui
