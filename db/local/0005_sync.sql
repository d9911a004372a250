-- Schema version 5: sync with the hub (DESIGN §9).
-- A booking made offline that the hub refused (over capacity, overlapping) comes back as
-- 'rejected' and is kept, so nothing booked disappears without a trace. SQLite cannot change a
-- CHECK constraint in place: the table is rebuilt (nothing references booking).
CREATE TABLE booking_v5 (
    id              TEXT PRIMARY KEY,
    booking_no      TEXT NOT NULL UNIQUE,
    member_id       TEXT NOT NULL REFERENCES member(id),
    venue_id        TEXT NOT NULL REFERENCES venue(id),
    slot_id         TEXT REFERENCES course_slot(id),
    start_at        INTEGER NOT NULL,
    end_at          INTEGER NOT NULL CHECK (end_at > start_at),
    status          TEXT NOT NULL CHECK (status IN ('booked','cancelled','attended','no_show','rejected')),
    recurrence_id   TEXT,
    cancel_reason   TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
INSERT INTO booking_v5 SELECT id, booking_no, member_id, venue_id, slot_id, start_at, end_at, status,
    recurrence_id, cancel_reason, created_at, updated_at FROM booking;
DROP TABLE booking;
ALTER TABLE booking_v5 RENAME TO booking;
CREATE INDEX booking_member_idx ON booking(member_id, start_at);
CREATE INDEX booking_venue_idx ON booking(venue_id, start_at);
CREATE INDEX booking_slot_idx ON booking(slot_id) WHERE slot_id IS NOT NULL;

-- Staff accounts pulled from the hub (entity `staff`) log in offline like local ones; 'hub'
-- rows are the hub's to change and are replaced by every pull.
ALTER TABLE staff_user ADD COLUMN origin TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local','hub'));

-- Conflicts sync found, for staff to look at and acknowledge.
CREATE TABLE sync_notice (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    kind                TEXT NOT NULL CHECK (kind IN ('card_overdrawn','booking_rejected','pull_conflict')),
    entity              TEXT NOT NULL DEFAULT '',
    entity_id           TEXT NOT NULL DEFAULT '',
    message             TEXT NOT NULL,
    detail              TEXT NOT NULL DEFAULT '{}',
    created_at          INTEGER NOT NULL,
    acknowledged_at     INTEGER,
    acknowledged_by     TEXT
);
CREATE INDEX sync_notice_open_idx ON sync_notice(kind, entity_id) WHERE acknowledged_at IS NULL;
