#pragma once

#include "services/services.h"

namespace fd {

// Keys (R3-4.5): the designated key keeper (R3-4.5.1), the four categories (R3-4.5.2), each
// room's five owner-key slots and their custody (R3-4.5.3), the keys and rings the office
// holds (tag, hook, copies, status, history), loans with their purpose and the supervisor's
// approval, emergency sets (R3-4.5.5), deposits and 领回, lost keys.
//
// Actions (parameters in brackets; * required):
//   key.register_building [building_code*]  every room of the building without slots gets
//                          its five owner-key slots, not held (未托管); all or nothing
//   key.register          [category*, hook*, tag, copies, building, floor, equipment, label,
//                          emergency]  public, equipment, water-meter keys; owner keys only
//                          as the owner keys' emergency set
//   key.deposit           [room_code*, custody* owner_deposit|developer_handover|vacant,
//                          slots* (kinds), hook*, tag, copies, depositor_resident_id,
//                          depositor_name, depositor_id_tail, depositor_phone,
//                          authorised_name, authorised_id_tail, note]
//   key.take_back         [tag*, taker_kind* owner|authorised, taker_resident_id, taker_name,
//                          taker_id_tail*]  领回, identity checked (rule)
//   key.retire            [tag*, note*]
//   key.lend              [keys* (tags), borrower_kind* staff|owner|outside, borrower_staff_id,
//                          borrower_resident_id, borrower_name, organisation, id_document,
//                          purpose, purpose_note, expected_return, owner_authorisation,
//                          owner_contacted_at, owner_contacted_by, escort_staff_id]
//   key.lend_emergency    [category*, borrower_kind* staff|outside, keys, ...]  reason required
//   key.return            [loan_id*, count*, condition* good|damaged, note]
//   key.countersign       [loan_id*]  signed "countersigned" by a supervisor
//   key.report_lost       [tag*, circumstances*, lock_replacement*, owner_consent]  approved by
//                          the supervisor
//
// Queries: key.items, key.out, key.overdue, key.slots, key.loans, key.history,
// key.emergency_sets, key.emergency_unsigned, key.deposits. Dashboard: key.overdue,
// key.emergency_unsigned, key.emergency_incomplete. Forms: key-register, key-deposit,
// key-loan-slip, key-history, key-tags.
Module keysModule();

} // namespace fd
