-- Hub schema 5: the last member snapshot each device pushed. Member events carry the whole
-- member, so a field counts as written by an event only when it differs from what that device
-- sent before (and from the hub's value): last writer wins per field (DESIGN §9) then compares
-- the event's time with the field's stamp in member.field_stamps.
CREATE TABLE hub_member_base (
    member_id   TEXT NOT NULL,
    device_id   TEXT NOT NULL,
    data        TEXT NOT NULL,
    at          BIGINT NOT NULL,
    PRIMARY KEY (member_id, device_id)
);
