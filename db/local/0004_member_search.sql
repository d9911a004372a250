-- Schema version 4: the desk searches members as staff type (DESIGN §13) over 100k rows. A few
-- digits are the visible part of a phone number: its first three or its last four (phone_mask
-- 138****8000). Without these indexes each keystroke would read the whole member table.
CREATE INDEX member_phone_mask_idx ON member(phone_mask);
CREATE INDEX member_phone_last4_idx ON member(substr(phone_mask, -4));
