-- Hub schema 4: at most one current (unretired) hub signing key, so two hub instances racing to
-- make the first key, or to rotate, end with one: the loser's insert conflicts and it re-reads.
CREATE UNIQUE INDEX hub_signing_key_current_idx ON hub_signing_key ((retired_at IS NULL)) WHERE retired_at IS NULL;

-- A device's keys are found by owner when the device is revoked.
CREATE INDEX trusted_key_owner_idx ON trusted_key (owner);
