#pragma once

#include "services/services.h"

namespace fd {

// The residents and staff registry (R6-3, R1-1.2.7, R5-d): buildings, units, rooms,
// residents, outside organisations, departments and staff.
//
// Actions (parameters in brackets; * required):
//   resident.create_building  [code*, name]
//   resident.create_room      [building_id* | building_code*, unit*, number*]  unit made on the fly
//   resident.register         [room_code*, kind* owner|tenant|family, name*, id_tail,
//                              phone, phone2, move_in (yyyy-MM-dd), notes]     move in
//   resident.update           [id*, kind, name, id_tail, phone, phone2, move_in, notes,
//                              clear (list of id_tail|phone|phone2|move_in|notes to empty)]
//                              audit row: old and new values of the changed fields only
//   resident.move_out         [id*, move_out (yyyy-MM-dd, default today)]
//   resident.reveal_phone     [id*, which phone|phone2]  reason required; result "phone"
//                              holds the whole number, the audit row only the masked one
//   resident.import           [file* (.csv or .xlsx)]  all or nothing; see resident_import.h;
//                              creates missing buildings, units and rooms; one audit row
//   org.create                [name*, kind* outside_unit|contractor|parent_company|
//                              government|other, contact, phone, notes]
//   org.update                [id*, name, kind, contact, phone, notes, active]
//   staff.create_department   [name*, organisation_id]
//   staff.create              [name*, department_id*, post, phone, login]  login links a user
//   staff.update              [id*, name, department_id, post, phone, login]
//   staff.leave               [id*, left_on]  refused while items are open (rule
//                              staff-leave-open-items, check staff.no_open_items)
//
// Permission "resident.reveal_phone" (declared here) is held by supervisors and CS managers.
//
// Queries (frontdeskctl query / list pages): residents [term, include_moved_out, limit],
// rooms [building_id, term], buildings, staff [include_left, department_id], departments,
// organisations [include_inactive]. Phones in every query are masked.
//
// Seed profiles: "demo" (small estate, staff for every role with user accounts whose
// password is "demo1234"; running it again changes nothing) and "large" (40 buildings,
// 6,000 rooms, 15,000 residents, 60 staff; deterministic for a seed).
Module residentsModule();

} // namespace fd
