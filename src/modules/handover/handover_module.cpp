#include "handover/handover_module.h"

#include "db/sql.h"
#include "handover/handover_internal.h"
#include "handover/handover_print.h"

namespace fd {
namespace handover {

Error missing(const QString& field, const QString& what_en, const QString& what_zh, qint64 id) {
    return Error::notFound(field, {QStringLiteral("No %1 %2.").arg(what_en).arg(id),
                                   QStringLiteral("%1 %2 不存在。").arg(what_zh).arg(id)});
}

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
