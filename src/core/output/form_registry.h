#pragma once

#include "auth/identity.h"
#include "output/print_document.h"
#include "util/error.h"

#include <QMap>
#include <functional>

namespace fd {

class Services;

// A paper form a record can be printed on (交接班记录, 值班记录表, 借阅单 …). Each area
// registers its forms; the desktop program and `frontdeskctl print FORM ID` print them
// through the same code (fd_output's printForm), so both show the same words, masking and
// clearance.
struct FormDef {
    QString name;            // "handover-sheet", as typed after `frontdeskctl print`
    Text title;              // 交接班记录
    Text record;             // what ID names: "sheet number", "office day yyyy-MM-dd"
    QStringList permissions; // any of them lets a person print; empty: anyone signed in
    // The form's content in the reader's language (codes as words, phones masked), not yet
    // stamped with the office, the printer and the time. A record the actor may not see is
    // refused by the area's own clearance check.
    std::function<Result<PrintDocument>(const Services&, const Actor&, const QString& record,
                                        bool chinese)>
        build;
};

// The number a form's record is given by ("12"); bad input naming "id" otherwise.
Result<qint64> formRecordNumber(const QString& record, const Text& what);

class FormRegistry final {
public:
    void add(FormDef def);
    [[nodiscard]] const FormDef* find(const QString& name) const;
    [[nodiscard]] QList<const FormDef*> all() const;

private:
    QMap<QString, FormDef> forms_;
};

} // namespace fd
