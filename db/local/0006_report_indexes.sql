-- Schema version 6: indexes for the dashboard and reports (issue 9, docs/desk/REPORTS.md).
-- Check-ins in member order, covering what a report reads of them: distinct members per day,
-- week, zone or card come from one pass over this index (reports/CheckInScan) instead of a
-- COUNT(DISTINCT) per bucket. An entry joins it when its passage is confirmed.
CREATE INDEX entry_checkin_idx ON entry(member_id, decided_at, zone_id, card_id, staff_id)
    WHERE direction = 'in' AND status = 'passed';
-- Denials by time, zone and reason without reading the rows of the 95% that passed.
CREATE INDEX entry_denied_idx ON entry(decided_at, zone_id, reason) WHERE direction = 'in' AND status = 'denied';
-- Bookings by the day they are for, and the places they hold on a class, without their rows.
CREATE INDEX booking_start_idx ON booking(start_at, venue_id, status);
DROP INDEX booking_slot_idx;
CREATE INDEX booking_slot_idx ON booking(slot_id, status) WHERE slot_id IS NOT NULL;
