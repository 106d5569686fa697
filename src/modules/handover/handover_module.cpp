#include "handover/handover_module.h"

#include "db/sql.h"
#include "handover/handover_internal.h"
#include "handover/handover_print.h"

namespace fd {
namespace handover {

QString userName(const QSqlDatabase& db, qint64 userId) {
    auto v =
        sql::scalar(db, QStringLiteral("SELECT display_name FROM users WHERE id = ?"), {userId});
    return v && v->isValid() ? v->toString() : QString();
}

} // namespace handover

Module handoverModule() {
    return Module{QStringLiteral("handover"), QStringLiteral(":/sql/handover"),
                  [](Services& s) {
                      handover::registerChecks(s);
                      handover::registerDutyChecks(s);
                      handover::registerHandoverActions(s);
                      handover::registerFrontDeskActions(s);
                      handover::registerDutyActions(s);
                      handover::registerImportActions(s);
                      handover::registerQueries(s);
                      s.addSignOutAction(QStringLiteral("handover.sign_out"));
                      handover::registerAttention(s);
                      handover::registerDutyAttention(s);
                      handover::registerForms(s);
                  },
                  handover::seed};
}

} // namespace fd
