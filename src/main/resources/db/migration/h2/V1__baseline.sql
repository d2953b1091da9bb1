-- Baseline: the schema of thetaevolve 0.1.0 exactly as Hibernate ORM made it (schema-management "update"),
-- generated from the entities with quarkus.hibernate-orm.scripts.generation=create for this database.
-- A store made before migrations existed has these tables but no flyway_schema_history: Flyway baselines
-- it at version 1 (quarkus.flyway.baseline-on-migrate) instead of running this script. Never edit an
-- applied script (Flyway checks its checksum); add a new version. Numbering: see db/migration/README.md.
create sequence leaderboard_entries_SEQ start with 1 increment by 50;
create sequence policy_checkpoints_SEQ start with 1 increment by 50;
create sequence programs_SEQ start with 1 increment by 50;
create sequence rollouts_SEQ start with 1 increment by 50;
create sequence runs_SEQ start with 1 increment by 50;
create sequence steps_SEQ start with 1 increment by 50;
create table leaderboard_entries (score float(53) not null, createdAt timestamp(6) with time zone, id bigint not null, programId bigint, runId bigint, problem varchar(200) not null, submitter varchar(200), data clob not null, primary key (id));
create table policy_checkpoints (step integer not null, id bigint not null, runId bigint not null, bytes blob not null, primary key (id), constraint uk_policy_run_step unique (runId, step));
create table programs (codeLength integer not null, generation integer not null, island integer not null, reward float(53) not null, score float(53), step integer not null, strictScore float(53), valid boolean not null, compileMillis bigint not null, createdAt timestamp(6) with time zone, id bigint not null, parentSeq bigint not null, runId bigint not null, runMillis bigint not null, seq bigint not null, tier varchar(10), status varchar(30) not null, normalizedHash varchar(80), summary varchar(1000), code clob, construction clob, feedback clob, metrics clob, primary key (id), constraint uk_programs_run_seq unique (runId, seq));
create table rollouts (advantage float(53) not null, reward float(53) not null, step integer not null, childSeq bigint not null, id bigint not null, parentSeq bigint not null, runId bigint not null, status varchar(30), groupKey varchar(80) not null, input clob, logprobs clob, output clob, primary key (id));
create table runs (bestScore float(53), committedSteps integer not null, seedScore float(53), targetStep integer, bestProgram bigint, budgetMillis bigint, createdAt timestamp(6) with time zone, drivenMillis bigint not null, evaluations bigint not null, id bigint not null, leaseUntil timestamp(6) with time zone, programs bigint not null, seed bigint not null, updatedAt timestamp(6) with time zone, status varchar(40) not null, mutator varchar(100) not null, leaseOwner varchar(200), name varchar(200) not null unique, problem varchar(200) not null, message varchar(2000), config clob not null, primary key (id));
create table settings (setting_name varchar(100) not null, setting_value varchar(2000) not null, primary key (setting_name));
create table steps (bestScore float(53), children integer not null, evaluations integer not null, step integer not null, valid integer not null, bestSeq bigint not null, createdAt timestamp(6) with time zone, id bigint not null, millis bigint not null, runId bigint, primary key (id), constraint uk_steps_run_step unique (runId, step));
create index ix_leaderboard_problem on leaderboard_entries (problem, score);
create index ix_leaderboard_run on leaderboard_entries (runId);
create index ix_programs_run_score on programs (runId, valid, score);
create index ix_rollouts_run_step on rollouts (runId, step, groupKey);
