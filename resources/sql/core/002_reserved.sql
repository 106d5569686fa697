-- Placeholder for the core migration 002 that is being written on another line of work;
-- it only keeps the numbering gapless so 003 applies. Replace it with the real 002.
SELECT 1;
