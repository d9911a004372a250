-- Hub schema 2 (PostgreSQL): JWT signing keys that can rotate, and tokens revoked by logout.
-- A retired key signs nothing new but still verifies the tokens it signed until they expire.
CREATE TABLE hub_jwt_key (
    kid TEXT PRIMARY KEY,
    secret TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    retired_at TIMESTAMPTZ
);

-- Kept only until the token would have expired anyway.
CREATE TABLE hub_revoked_token (
    jti TEXT PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX hub_revoked_token_expires ON hub_revoked_token (expires_at);
