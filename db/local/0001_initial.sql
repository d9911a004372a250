-- GymGate local database, schema version 1.
-- Ids of rows created on a site are UUID text; human numbers carry the site prefix.
-- Times are UTC milliseconds (INTEGER). Money is integer fen. Soft delete with deleted_at.

CREATE TABLE setting (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE staff_user (
    id              TEXT PRIMARY KEY,
    username        TEXT NOT NULL UNIQUE,
    display_name    TEXT NOT NULL,
    password_hash   TEXT NOT NULL,            -- Argon2id, crypto_pwhash_str
    role            TEXT NOT NULL CHECK (role IN ('admin','staff','technician','guest')),
    status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','disabled')),
    failed_logins   INTEGER NOT NULL DEFAULT 0,
    locked_until    INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    deleted_at      INTEGER
);

CREATE TABLE member (
    id                  TEXT PRIMARY KEY,
    member_no           TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    phone_cipher        BLOB NOT NULL,
    phone_hash          BLOB NOT NULL UNIQUE,
    phone_mask          TEXT NOT NULL,
    gender              INTEGER NOT NULL DEFAULT 1,   -- Gender enum
    birthday            TEXT,                         -- ISO date
    preferred_language  TEXT NOT NULL DEFAULT 'zh_CN',
    status              TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','blocked')),
    photo               BLOB,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    deleted_at          INTEGER
);
CREATE INDEX member_name_idx ON member(name);

CREATE TABLE card_product (
    id                  TEXT PRIMARY KEY,
    name                TEXT NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('time','count','value')),
    price_fen           INTEGER NOT NULL CHECK (price_fen >= 0),
    valid_days          INTEGER NOT NULL DEFAULT 0 CHECK (valid_days >= 0),
    visits              INTEGER NOT NULL DEFAULT 0 CHECK (visits >= 0),
    value_fen           INTEGER NOT NULL DEFAULT 0 CHECK (value_fen >= 0),
    per_visit_price_fen INTEGER NOT NULL DEFAULT 0 CHECK (per_visit_price_fen >= 0),
    time_windows        TEXT NOT NULL DEFAULT '[]',   -- WeeklySchedule JSON
    zones               TEXT NOT NULL DEFAULT '[]',   -- JSON array of venue ids; empty = all
    active              INTEGER NOT NULL DEFAULT 1,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    deleted_at          INTEGER
);

CREATE TABLE member_card (
    id                  TEXT PRIMARY KEY,
    card_no             TEXT NOT NULL UNIQUE,
    member_id           TEXT NOT NULL REFERENCES member(id),
    product_id          TEXT REFERENCES card_product(id),
    name                TEXT NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('time','count','value')),
    status              TEXT NOT NULL CHECK (status IN ('active','frozen','expired','cancelled')),
    valid_from          INTEGER NOT NULL,
    valid_to            INTEGER NOT NULL DEFAULT 0,   -- 0 = no expiry
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

CREATE TABLE trusted_key (
    kid         TEXT PRIMARY KEY,
    public_key  BLOB NOT NULL,
    owner       TEXT NOT NULL,                  -- 'hub' or a device id
    created_at  INTEGER NOT NULL,
    revoked_at  INTEGER
);

-- Member QR codes issued here or synced from the hub; revoked_at set on re-issue.
CREATE TABLE credential (
    id          TEXT PRIMARY KEY,               -- hex nonce
    member_id   TEXT NOT NULL REFERENCES member(id),
    card_id     TEXT,
    type        TEXT NOT NULL CHECK (type IN ('card','token')),
    kid         TEXT NOT NULL,
    code        TEXT NOT NULL,
    issued_at   INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL DEFAULT 0,
    revoked_at  INTEGER
);
CREATE INDEX credential_member_idx ON credential(member_id);
CREATE INDEX credential_revoked_idx ON credential(revoked_at) WHERE revoked_at IS NOT NULL;

-- Single-use app token nonces already accepted (pruned once long expired).
CREATE TABLE used_nonce (
    id          TEXT PRIMARY KEY,
    used_at     INTEGER NOT NULL
);

CREATE TABLE venue (
    id                      TEXT PRIMARY KEY,
    name                    TEXT NOT NULL,
    kind                    TEXT NOT NULL CHECK (kind IN ('gym_floor','studio','court','pool','other')),
    capacity                INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0),
    status                  TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed','maintenance')),
    opening_hours           TEXT NOT NULL DEFAULT '[]',
    booking_required        INTEGER NOT NULL DEFAULT 0,
    antipassback_mode       TEXT NOT NULL DEFAULT 'off' CHECK (antipassback_mode IN ('off','soft','hard')),
    antipassback_minutes    INTEGER NOT NULL DEFAULT 0,
    daily_entry_limit       INTEGER NOT NULL DEFAULT 0,
    advance_days            INTEGER NOT NULL DEFAULT 7,
    max_active_bookings     INTEGER NOT NULL DEFAULT 0,
    cancel_hours            INTEGER NOT NULL DEFAULT 2,
    cancel_penalty_percent  INTEGER NOT NULL DEFAULT 0,
    fee_per_hour_fen        INTEGER NOT NULL DEFAULT 0,
    created_at              INTEGER NOT NULL,
    updated_at              INTEGER NOT NULL,
    deleted_at              INTEGER
);

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

CREATE TABLE booking (
    id              TEXT PRIMARY KEY,
    booking_no      TEXT NOT NULL UNIQUE,
    member_id       TEXT NOT NULL REFERENCES member(id),
    venue_id        TEXT NOT NULL REFERENCES venue(id),
    slot_id         TEXT REFERENCES course_slot(id),
    start_at        INTEGER NOT NULL,
    end_at          INTEGER NOT NULL CHECK (end_at > start_at),
    status          TEXT NOT NULL CHECK (status IN ('booked','cancelled','attended','no_show')),
    recurrence_id   TEXT,
    cancel_reason   TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX booking_member_idx ON booking(member_id, start_at);
CREATE INDEX booking_venue_idx ON booking(venue_id, start_at);

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

CREATE TABLE gate (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    zone_id         TEXT NOT NULL REFERENCES venue(id),
    direction       TEXT NOT NULL DEFAULT 'in' CHECK (direction IN ('in','out','both')),
    profile         TEXT NOT NULL DEFAULT '{}',  -- gate profile JSON (firmware-bridge)
    fail_mode       TEXT NOT NULL DEFAULT 'secure' CHECK (fail_mode IN ('secure','open')),
    last_selftest_at INTEGER,
    last_selftest_result TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    deleted_at      INTEGER
);

-- The entry log: every decision at a gate, granted or denied (DESIGN §7).
CREATE TABLE entry (
    id                  TEXT PRIMARY KEY,
    gate_id             TEXT,
    zone_id             TEXT NOT NULL,
    direction           TEXT NOT NULL CHECK (direction IN ('in','out')),
    member_id           TEXT,
    card_id             TEXT,
    booking_id          TEXT,
    credential_id       TEXT,
    credential_kind     TEXT NOT NULL DEFAULT '',
    weak                INTEGER NOT NULL DEFAULT 0,
    status              TEXT NOT NULL CHECK (status IN ('denied','pending','passed','annulled')),
    reason              TEXT NOT NULL,
    visits_deducted     INTEGER NOT NULL DEFAULT 0,
    fee_deducted_fen    INTEGER NOT NULL DEFAULT 0,
    staff_id            TEXT,
    note                TEXT NOT NULL DEFAULT '',
    decided_at          INTEGER NOT NULL,
    passed_at           INTEGER,
    annulled_at         INTEGER
);
CREATE INDEX entry_member_idx ON entry(member_id, decided_at);
CREATE INDEX entry_decided_idx ON entry(decided_at);
CREATE INDEX entry_pending_idx ON entry(status) WHERE status = 'pending';

-- People inside each zone now, kept in step with passages (entries minus exits).
CREATE TABLE zone_occupancy (
    zone_id     TEXT PRIMARY KEY,
    inside      INTEGER NOT NULL DEFAULT 0,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE sale (
    id              TEXT PRIMARY KEY,
    receipt_no      TEXT NOT NULL UNIQUE,
    member_id       TEXT REFERENCES member(id),
    card_id         TEXT REFERENCES member_card(id),
    product_id      TEXT REFERENCES card_product(id),
    kind            TEXT NOT NULL CHECK (kind IN ('sale','topup','refund','penalty')),
    amount_fen      INTEGER NOT NULL,
    payment_method  TEXT NOT NULL CHECK (payment_method IN ('cash','bank_card','wechat_pay','alipay')),
    staff_id        TEXT,
    note            TEXT NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL
);
CREATE INDEX sale_created_idx ON sale(created_at);

-- Transactional outbox: a domain change and its event commit together (DESIGN §9).
CREATE TABLE outbox (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id        TEXT NOT NULL UNIQUE,
    type            TEXT NOT NULL,
    at              INTEGER NOT NULL,
    device          TEXT NOT NULL DEFAULT '',
    staff           TEXT NOT NULL DEFAULT '',
    data            TEXT NOT NULL,              -- JSON
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE dead_letter (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id    TEXT NOT NULL UNIQUE,
    type        TEXT NOT NULL,
    at          INTEGER NOT NULL,
    device      TEXT NOT NULL DEFAULT '',
    staff       TEXT NOT NULL DEFAULT '',
    data        TEXT NOT NULL,
    reason      TEXT NOT NULL,
    failed_at   INTEGER NOT NULL
);

CREATE TABLE sync_state (
    key     TEXT PRIMARY KEY,
    value   TEXT NOT NULL
);

-- Hash-chained audit log of staff actions: hash = SHA-256(prev_hash | fields).
CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    at          INTEGER NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL DEFAULT '',
    entity_id   TEXT NOT NULL DEFAULT '',
    detail      TEXT NOT NULL DEFAULT '{}',
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_actor_idx ON audit_log(actor, at);

CREATE TABLE feedback (
    id          TEXT PRIMARY KEY,
    member_id   TEXT REFERENCES member(id),
    content     TEXT NOT NULL,
    reply       TEXT,
    replied_by  TEXT,
    created_at  INTEGER NOT NULL,
    replied_at  INTEGER
);
