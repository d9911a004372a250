-- Schema version 3: lookups the desk makes on large tables. A course slot's bookings are listed
-- (roster, capacity, waiting list) by slot, and a member's payments by member; without these
-- indexes each reads the whole table.
CREATE INDEX booking_slot_idx ON booking(slot_id) WHERE slot_id IS NOT NULL;
CREATE INDEX sale_member_idx ON sale(member_id) WHERE member_id IS NOT NULL;
