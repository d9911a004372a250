-- Hub schema 3 (SQLite): the gym data sites sync with (DESIGN §4, §9), sites and devices, the
-- events received from sites, staff flags and notifications. Times are UTC milliseconds (as on
-- the sites); money is fen; ids created at a site are its UUIDs. Rows are soft deleted so a
-- delete can still be published as a tombstone.

CREATE TABLE site (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    number      TEXT NOT NULL UNIQUE,       -- prefix of the site's human numbers (M100..., C100...)
    timezone    TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
);

-- One-time codes an admin hands to a technician enrolling a desk or kiosk. Only a hash is kept.
CREATE TABLE hub_enrollment_code (
    id              TEXT PRIMARY KEY,
    code_hash       TEXT NOT NULL UNIQUE,    -- SHA-256 hex of the code
    site_id         TEXT NOT NULL REFERENCES site(id),
    device_name     TEXT NOT NULL DEFAULT '',
    created_by      INTEGER NOT NULL REFERENCES hub_user(id),
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    used_at         INTEGER,
    device_id       TEXT
);

CREATE TABLE hub_device (
    id              TEXT PRIMARY KEY,
    site_id         TEXT NOT NULL REFERENCES site(id),
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL DEFAULT 'desk' CHECK (kind IN ('desk','kiosk','controller')),
    secret_hash     TEXT NOT NULL,           -- Argon2id of the device secret
    signing_kid     TEXT,                    -- its Ed25519 key in trusted_key
    enrolled_at     INTEGER NOT NULL,
    last_seen_at    INTEGER,
    revoked_at      INTEGER
);
CREATE INDEX hub_device_site_idx ON hub_device(site_id);

-- Public keys kiosks trust (DESIGN §5): the hub's own and every enrolled device's. The hub's
-- private key is in hub_signing_key only.
CREATE TABLE trusted_key (
    kid         TEXT PRIMARY KEY,
    public_key  TEXT NOT NULL,               -- base64
    owner       TEXT NOT NULL,               -- 'hub' or a device id
    created_at  INTEGER NOT NULL,
    revoked_at  INTEGER
);

CREATE TABLE hub_signing_key (
    kid         TEXT PRIMARY KEY REFERENCES trusted_key(kid),
    secret_key  TEXT NOT NULL,               -- base64 Ed25519 secret key
    created_at  INTEGER NOT NULL,
    retired_at  INTEGER
);

CREATE TABLE member (
    id                  TEXT PRIMARY KEY,
    site_id             TEXT,
    member_no           TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    phone_cipher        TEXT NOT NULL DEFAULT '',   -- base64, as the site encrypted it
    phone_hash          TEXT NOT NULL,              -- base64 keyed hash; unique per chain
    phone_mask          TEXT NOT NULL,
    gender              INTEGER NOT NULL DEFAULT 1,
    birthday            TEXT,
    height_cm           INTEGER,
    weight_g            INTEGER,
    fitness_goal        TEXT NOT NULL DEFAULT '',
    preferred_language  TEXT NOT NULL DEFAULT 'zh_CN',
    status              TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','blocked')),
    field_stamps        TEXT NOT NULL DEFAULT '{}', -- field -> ms of its last write (last writer wins per field)
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    deleted_at          INTEGER
);
CREATE UNIQUE INDEX member_phone_hash_idx ON member(phone_hash);
CREATE INDEX member_site_idx ON member(site_id, created_at);

CREATE TABLE card_product (
    id                  TEXT PRIMARY KEY,
    name                TEXT NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('time','count','value')),
    price_fen           INTEGER NOT NULL CHECK (price_fen >= 0),
    valid_days          INTEGER NOT NULL DEFAULT 0,
    visits              INTEGER NOT NULL DEFAULT 0,
    value_fen           INTEGER NOT NULL DEFAULT 0,
    per_visit_price_fen INTEGER NOT NULL DEFAULT 0,
    time_windows        TEXT NOT NULL DEFAULT '[]',
    zones               TEXT NOT NULL DEFAULT '[]',
    active              INTEGER NOT NULL DEFAULT 1,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    deleted_at          INTEGER
);

-- visits_left and balance_fen may go below zero when a count or value card was used offline at
-- two sites (DESIGN §9): the hub applies every entry and raises a hub_flag for staff.
CREATE TABLE member_card (
    id                  TEXT PRIMARY KEY,
    site_id             TEXT,
    card_no             TEXT NOT NULL UNIQUE,
    member_id           TEXT NOT NULL REFERENCES member(id),
    product_id          TEXT,
    name                TEXT NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('time','count','value')),
    status              TEXT NOT NULL CHECK (status IN ('active','frozen','expired','cancelled')),
    valid_from          INTEGER NOT NULL,
    valid_to            INTEGER NOT NULL DEFAULT 0,
    visits_left         INTEGER NOT NULL DEFAULT 0,
    balance_fen         INTEGER NOT NULL DEFAULT 0,
    per_visit_price_fen INTEGER NOT NULL DEFAULT 0,
    time_windows        TEXT NOT NULL DEFAULT '[]',
    zones               TEXT NOT NULL DEFAULT '[]',
    frozen_at           INTEGER,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    deleted_at          INTEGER
);
CREATE INDEX member_card_member_idx ON member_card(member_id);

CREATE TABLE sale (
    id              TEXT PRIMARY KEY,
    site_id         TEXT,
    device_id       TEXT,
    receipt_no      TEXT NOT NULL UNIQUE,
    member_id       TEXT NOT NULL,
    card_id         TEXT,
    product_id      TEXT,
    kind            TEXT NOT NULL,
    amount_fen      INTEGER NOT NULL,
    payment_method  TEXT NOT NULL,
    staff_id        TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL
);
CREATE INDEX sale_created_idx ON sale(created_at);

-- Issued member codes; a revoked one is published to kiosks as a 'revocation'.
CREATE TABLE credential (
    id          TEXT PRIMARY KEY,
    member_id   TEXT NOT NULL,
    card_id     TEXT,
    type        TEXT NOT NULL CHECK (type IN ('card','token')),
    kid         TEXT NOT NULL,
    issued_at   INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL DEFAULT 0,
    revoked_at  INTEGER
);
CREATE INDEX credential_member_idx ON credential(member_id);

CREATE TABLE venue (
    id                      TEXT PRIMARY KEY,
    site_id                 TEXT,
    name                    TEXT NOT NULL,
    kind                    TEXT NOT NULL CHECK (kind IN ('gym_floor','studio','court','pool','other')),
    description             TEXT NOT NULL DEFAULT '',
    capacity                INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0),
    status                  TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed','maintenance')),
    opening_hours           TEXT NOT NULL DEFAULT '[]',
    booking_required        INTEGER NOT NULL DEFAULT 0,
    advance_days            INTEGER NOT NULL DEFAULT 7,
    max_active_bookings     INTEGER NOT NULL DEFAULT 0,
    cancel_hours            INTEGER NOT NULL DEFAULT 2,
    cancel_penalty_percent  INTEGER NOT NULL DEFAULT 0,
    fee_per_hour_fen        INTEGER NOT NULL DEFAULT 0,
    created_at              INTEGER NOT NULL,
    updated_at              INTEGER NOT NULL,
    deleted_at              INTEGER
);

CREATE TABLE venue_rating (
    id          TEXT PRIMARY KEY,
    venue_id    TEXT NOT NULL REFERENCES venue(id),
    member_id   TEXT,
    user_id     INTEGER,
    score       INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment     TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL
);
CREATE INDEX venue_rating_venue_idx ON venue_rating(venue_id, created_at);

CREATE TABLE maintenance (
    id          TEXT PRIMARY KEY,
    venue_id    TEXT NOT NULL REFERENCES venue(id),
    start_at    INTEGER NOT NULL,
    end_at      INTEGER NOT NULL CHECK (end_at > start_at),
    reason      TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    deleted_at  INTEGER
);
CREATE INDEX maintenance_venue_idx ON maintenance(venue_id, end_at);

CREATE TABLE course (
    id                  TEXT PRIMARY KEY,
    name                TEXT NOT NULL,
    venue_id            TEXT NOT NULL REFERENCES venue(id),
    duration_minutes    INTEGER NOT NULL CHECK (duration_minutes > 0),
    capacity            INTEGER NOT NULL CHECK (capacity > 0),
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    deleted_at          INTEGER
);

CREATE TABLE course_slot (
    id              TEXT PRIMARY KEY,
    course_id       TEXT NOT NULL REFERENCES course(id),
    venue_id        TEXT NOT NULL REFERENCES venue(id),
    coach_name      TEXT NOT NULL DEFAULT '',
    start_at        INTEGER NOT NULL,
    end_at          INTEGER NOT NULL CHECK (end_at > start_at),
    capacity        INTEGER NOT NULL CHECK (capacity > 0),
    booked_count    INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    deleted_at      INTEGER
);
CREATE INDEX course_slot_venue_idx ON course_slot(venue_id, start_at);

-- status 'rejected': an offline booking the hub could not honour (over capacity, overlap).
CREATE TABLE booking (
    id              TEXT PRIMARY KEY,
    site_id         TEXT,
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
CREATE INDEX booking_member_idx ON booking(member_id, start_at);
CREATE INDEX booking_venue_idx ON booking(venue_id, start_at);
CREATE INDEX booking_slot_idx ON booking(slot_id);

CREATE TABLE waitlist (
    id          TEXT PRIMARY KEY,
    member_id   TEXT NOT NULL REFERENCES member(id),
    venue_id    TEXT NOT NULL REFERENCES venue(id),
    slot_id     TEXT REFERENCES course_slot(id),
    start_at    INTEGER NOT NULL,
    end_at      INTEGER NOT NULL,
    position    INTEGER NOT NULL,
    status      TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting','promoted','cancelled')),
    created_at  INTEGER NOT NULL
);
CREATE INDEX waitlist_venue_idx ON waitlist(venue_id, start_at);

-- Entries decided at the sites' gates (entry.* events), the source of check-in statistics.
CREATE TABLE entry (
    id                  TEXT PRIMARY KEY,
    site_id             TEXT,
    device_id           TEXT,
    gate_id             TEXT NOT NULL DEFAULT '',
    zone_id             TEXT NOT NULL DEFAULT '',
    direction           TEXT NOT NULL DEFAULT 'in',
    member_id           TEXT,
    card_id             TEXT,
    booking_id          TEXT,
    credential_kind     TEXT NOT NULL DEFAULT '',
    weak                INTEGER NOT NULL DEFAULT 0,
    status              TEXT NOT NULL,
    reason              TEXT NOT NULL DEFAULT '',
    visits_deducted     INTEGER NOT NULL DEFAULT 0,
    fee_deducted_fen    INTEGER NOT NULL DEFAULT 0,
    staff_id            TEXT NOT NULL DEFAULT '',
    note                TEXT NOT NULL DEFAULT '',
    decided_at          INTEGER NOT NULL,
    passed_at           INTEGER,
    annulled_at         INTEGER
);
CREATE INDEX entry_decided_idx ON entry(decided_at);
CREATE INDEX entry_member_idx ON entry(member_id, decided_at);

-- Every event a device pushed, by its id: a second push of the same id is a 'duplicate'.
CREATE TABLE hub_sync_event (
    id              TEXT PRIMARY KEY,
    device_id       TEXT NOT NULL,
    type            TEXT NOT NULL,
    at              INTEGER NOT NULL,
    received_at     INTEGER NOT NULL,
    result          TEXT NOT NULL CHECK (result IN ('ok','rejected')),
    reason          TEXT
);
CREATE INDEX hub_sync_event_device_idx ON hub_sync_event(device_id, received_at);

-- Things staff must look at: a card overdrawn by offline use at two sites, a rejected booking.
CREATE TABLE hub_flag (
    id              TEXT PRIMARY KEY,
    kind            TEXT NOT NULL,
    entity          TEXT NOT NULL,
    entity_id       TEXT NOT NULL,
    site_id         TEXT,
    detail          TEXT NOT NULL DEFAULT '{}',
    created_at      INTEGER NOT NULL,
    resolved_at     INTEGER,
    resolved_by     INTEGER
);
CREATE INDEX hub_flag_open_idx ON hub_flag(resolved_at, created_at);

-- Notifications for /ws/notifications, kept in the database so every hub instance on one
-- PostgreSQL delivers them. audience: 'all', 'staff', 'user:<id>', 'member:<id>', 'device:<id>',
-- 'site:<id>'.
CREATE TABLE hub_notification (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    audience    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    payload     TEXT NOT NULL DEFAULT '{}',
    created_at  INTEGER NOT NULL
);

CREATE TABLE feedback (
    id          TEXT PRIMARY KEY,
    member_id   TEXT,
    user_id     INTEGER,
    category    TEXT NOT NULL DEFAULT 'other',
    content     TEXT NOT NULL,
    contact     TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','replied','closed')),
    reply       TEXT,
    replied_by  INTEGER,
    replied_at  INTEGER,
    created_at  INTEGER NOT NULL
);
CREATE INDEX feedback_status_idx ON feedback(status, created_at);

CREATE TABLE faq (
    id          TEXT PRIMARY KEY,
    category    TEXT NOT NULL DEFAULT '',
    question    TEXT NOT NULL,
    answer      TEXT NOT NULL,
    language    TEXT NOT NULL DEFAULT 'zh_CN',
    sort_order  INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
);

-- Staff accounts get a stable sync id and site, so desks can log staff in offline (DESIGN §12).
ALTER TABLE hub_user ADD COLUMN sync_id TEXT;
ALTER TABLE hub_user ADD COLUMN site_id TEXT;
CREATE UNIQUE INDEX hub_user_sync_id_idx ON hub_user(sync_id);

CREATE INDEX change_log_seq_entity ON change_log(entity, seq);

-- Hub-wide settings and secrets: 'field_key' is the chain's member-data key (phone numbers
-- are encrypted and hashed with it at every site; enrolled devices receive it).
CREATE TABLE hub_setting (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  INTEGER NOT NULL
);
