-- issue 14: the leaderboard's per-token submission limit, shared by every replica of one database
-- (store.RateBucketStore): one row per token hash, credit and last refill in microseconds.
create table rate_buckets (bucket_key varchar(64) not null, credit_micros bigint not null, last_micros bigint not null, primary key (bucket_key));
