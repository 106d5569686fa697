#pragma once

// Actions on one stored record (a handover sheet, a document): the handler is given the
// record, read first for the request.
#include "actions/action.h"
#include "util/error.h"

namespace fd::kit {

// A handler given the record `load` reads for the request; a failed read (no such record,
// one in the wrong state) is the action's failure.
template <typename Record>
ActionHandler onRecord(Result<Record> (*load)(const ActionContext&),
                       Result<ActionOutcome> (*handler)(ActionContext&, const Record&)) {
    return [load, handler](ActionContext& ctx) -> Result<ActionOutcome> {
        auto record = load(ctx);
        if (!record)
            return fail(record.error());
        return handler(ctx, *record);
    };
}

} // namespace fd::kit
