-- Hub schema 6 (PostgreSQL): venue ratings are one per member and venue (a second rating
-- updates the first), and a cancelled booking keeps the penalty it cost.

CREATE UNIQUE INDEX venue_rating_member_idx ON venue_rating(venue_id, member_id);
ALTER TABLE venue_rating ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE booking ADD COLUMN penalty_fen BIGINT NOT NULL DEFAULT 0;
CREATE INDEX waitlist_slot_idx ON waitlist(slot_id, status);
