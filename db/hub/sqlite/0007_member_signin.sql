-- Hub schema 7 (SQLite): member sign-in by SMS code, single-use check-in tokens and the
-- sequences behind the hub's human numbers (docs/hub/MEMBERS.md).

-- One live SMS code per phone. Only a keyed hash of the code is kept; `attempts` counts wrong
-- guesses, `window_start`/`window_count` the codes sent in the current hour (rate limit).
CREATE TABLE member_sms_code (
    phone_hash      TEXT PRIMARY KEY,
    code_hash       TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    window_start    INTEGER NOT NULL,
    window_count    INTEGER NOT NULL DEFAULT 1
);

-- Nonces (credential ids) of app tokens accepted by POST /api/v1/checkins/qrcode: a token is
-- good once. Rows past `expires_at` (token expiry plus clock skew) can no longer match and are
-- dropped on the way.
CREATE TABLE checkin_nonce (
    credential_id   TEXT PRIMARY KEY,
    member_id       TEXT NOT NULL,
    used_at         INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL
);
CREATE INDEX checkin_nonce_expires_idx ON checkin_nonce(expires_at);

-- Counters of the hub's own member, card and receipt numbers (M900..., C900..., R900...).
CREATE TABLE hub_sequence (
    name    TEXT PRIMARY KEY,
    value   INTEGER NOT NULL
);
