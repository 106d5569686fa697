-- Search as you type scans this index in room-code order and tests the search text and
-- phone tails in it, reading a resident's row only when it matches.
DROP INDEX residents_room_code;
CREATE INDEX residents_search ON residents(room_code, move_out, search_text, phone_tail, phone2_tail);
