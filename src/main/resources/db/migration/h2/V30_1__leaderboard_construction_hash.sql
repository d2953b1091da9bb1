-- issue 14: one leaderboard entry per construction and problem. SHA-256 (hex) of the normalized construction
-- (service.Constructions); entries stored before this version have none and are never matched.
alter table leaderboard_entries add column dataHash varchar(64);
create index ix_leaderboard_hash on leaderboard_entries (problem, dataHash);
