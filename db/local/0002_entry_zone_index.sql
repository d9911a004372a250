-- Schema version 2: the access policy reads a member's recent entries per zone and the
-- daily limit counts them; index the lookup it makes, and record why an entry was annulled
-- apart from staff notes.
CREATE INDEX entry_member_zone_idx ON entry(member_id, zone_id, decided_at);
ALTER TABLE entry ADD COLUMN annul_reason TEXT NOT NULL DEFAULT '';
