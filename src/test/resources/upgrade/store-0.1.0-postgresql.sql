-- A store as thetaevolve 0.1.0 left it on postgresql: the schema Hibernate made (schema-management "update",
-- no flyway_schema_history) and one finished run, 'upgrade-fixture' (circle_packing_26, builtin mutator,
-- 2 parents x 2 samples, seed 3, 1 step), written by that version and dumped as it stood.
-- Used by StoreUpgradeTest: Flyway must baseline and migrate it, and the run must resume.
create sequence leaderboard_entries_SEQ start with 1 increment by 50;
create sequence policy_checkpoints_SEQ start with 1 increment by 50;
create sequence programs_SEQ start with 1 increment by 50;
create sequence rollouts_SEQ start with 1 increment by 50;
create sequence runs_SEQ start with 1 increment by 50;
create sequence steps_SEQ start with 1 increment by 50;
create table leaderboard_entries (score float(53) not null, createdAt timestamp(6) with time zone, id bigint not null, programId bigint, runId bigint, problem varchar(200) not null, submitter varchar(200), data text not null, primary key (id));
create table policy_checkpoints (step integer not null, id bigint not null, runId bigint not null, bytes bytea not null, primary key (id), constraint uk_policy_run_step unique (runId, step));
create table programs (codeLength integer not null, generation integer not null, island integer not null, reward float(53) not null, score float(53), step integer not null, strictScore float(53), valid boolean not null, compileMillis bigint not null, createdAt timestamp(6) with time zone, id bigint not null, parentSeq bigint not null, runId bigint not null, runMillis bigint not null, seq bigint not null, tier varchar(10), status varchar(30) not null, normalizedHash varchar(80), summary varchar(1000), code text, construction text, feedback text, metrics text, primary key (id), constraint uk_programs_run_seq unique (runId, seq));
create table rollouts (advantage float(53) not null, reward float(53) not null, step integer not null, childSeq bigint not null, id bigint not null, parentSeq bigint not null, runId bigint not null, status varchar(30), groupKey varchar(80) not null, input text, logprobs text, output text, primary key (id));
create table runs (bestScore float(53), committedSteps integer not null, seedScore float(53), targetStep integer, bestProgram bigint, budgetMillis bigint, createdAt timestamp(6) with time zone, drivenMillis bigint not null, evaluations bigint not null, id bigint not null, leaseUntil timestamp(6) with time zone, programs bigint not null, seed bigint not null, updatedAt timestamp(6) with time zone, status varchar(40) not null, mutator varchar(100) not null, leaseOwner varchar(200), name varchar(200) not null unique, problem varchar(200) not null, message varchar(2000), config text not null, primary key (id));
create table settings (setting_name varchar(100) not null, setting_value varchar(2000) not null, primary key (setting_name));
create table steps (bestScore float(53), children integer not null, evaluations integer not null, step integer not null, valid integer not null, bestSeq bigint not null, createdAt timestamp(6) with time zone, id bigint not null, millis bigint not null, runId bigint, primary key (id), constraint uk_steps_run_step unique (runId, step));
create index ix_leaderboard_problem on leaderboard_entries (problem, score);
create index ix_leaderboard_run on leaderboard_entries (runId);
create index ix_programs_run_score on programs (runId, valid, score);
create index ix_rollouts_run_step on rollouts (runId, step, groupKey);
INSERT INTO leaderboard_entries (score, createdat, id, programid, runid, problem, submitter, data) VALUES (0.962, '2026-11-30 06:33:58.453082+00:00', 1, 1, 1, 'circle_packing_26', NULL, '[[0.08333333333333333,0.1,0.037],[0.25,0.1,0.037],[0.4166666666666667,0.1,0.037],[0.5833333333333334,0.1,0.037],[0.75,0.1,0.037],[0.9166666666666666,0.1,0.037],[0.08333333333333333,0.3,0.037],[0.25,0.3,0.037],[0.4166666666666667,0.3,0.037],[0.5833333333333334,0.3,0.037],[0.75,0.3,0.037],[0.9166666666666666,0.3,0.037],[0.08333333333333333,0.5,0.037],[0.25,0.5,0.037],[0.4166666666666667,0.5,0.037],[0.5833333333333334,0.5,0.037],[0.75,0.5,0.037],[0.9166666666666666,0.5,0.037],[0.08333333333333333,0.7,0.037],[0.25,0.7,0.037],[0.4166666666666667,0.7,0.037],[0.5833333333333334,0.7,0.037],[0.75,0.7,0.037],[0.9166666666666666,0.7,0.037],[0.08333333333333333,0.9,0.037],[0.25,0.9,0.037]]');
INSERT INTO programs (codelength, generation, island, reward, score, step, strictscore, valid, compilemillis, createdat, id, parentseq, runid, runmillis, seq, tier, status, normalizedhash, summary, code, construction, feedback, metrics) VALUES (622, 0, 0, 0.962, 0.962, 0, NULL, true, 15, '2026-11-30 06:33:54.869679+00:00', 1, -1, 1, 0, 0, 'janino', 'VALID', '9f72202a47d363a1405fee39c67d38f89e6175a0bab16c82c621877e00a7e1ed', 'seed program', '/** Seed: 26 equal small circles on a 6 x 5 grid. Valid and weak (sum of radii about 0.96). */
public class Seed {
    // EVOLVE-BLOCK-START
    public static double[][] solve() {
        int n = 26;
        double[][] circles = new double[n][3];
        double radius = 0.037;
        int cols = 6;
        int rows = 5;
        for (int i = 0; i < n; i++) {
            int col = i % cols;
            int row = i / cols;
            circles[i][0] = (col + 0.5) / cols;
            circles[i][1] = (row + 0.5) / rows;
            circles[i][2] = radius;
        }
        return circles;
    }
    // EVOLVE-BLOCK-END
}
', '[[0.08333333333333333,0.1,0.037],[0.25,0.1,0.037],[0.4166666666666667,0.1,0.037],[0.5833333333333334,0.1,0.037],[0.75,0.1,0.037],[0.9166666666666666,0.1,0.037],[0.08333333333333333,0.3,0.037],[0.25,0.3,0.037],[0.4166666666666667,0.3,0.037],[0.5833333333333334,0.3,0.037],[0.75,0.3,0.037],[0.9166666666666666,0.3,0.037],[0.08333333333333333,0.5,0.037],[0.25,0.5,0.037],[0.4166666666666667,0.5,0.037],[0.5833333333333334,0.5,0.037],[0.75,0.5,0.037],[0.9166666666666666,0.5,0.037],[0.08333333333333333,0.7,0.037],[0.25,0.7,0.037],[0.4166666666666667,0.7,0.037],[0.5833333333333334,0.7,0.037],[0.75,0.7,0.037],[0.9166666666666666,0.7,0.037],[0.08333333333333333,0.9,0.037],[0.25,0.9,0.037]]', NULL, '{"min_border_gap":0.04633333333333333,"min_pair_gap":0.09266666666666663,"strictly_valid":1.0,"sum_radii":0.962}');
INSERT INTO programs (codelength, generation, island, reward, score, step, strictscore, valid, compilemillis, createdat, id, parentseq, runid, runmillis, seq, tier, status, normalizedhash, summary, code, construction, feedback, metrics) VALUES (624, 1, 0, 0.962, 0.962, 1, NULL, true, 13, '2026-11-30 06:33:58.192799+00:00', 2, 0, 1, 0, 1, 'janino', 'VALID', 'dd3847d0414c867e4d59caf121d3f591702b599dd9b19b8022cfcc6b16774899', 'perturb literal 0.5 -> 0.384 at line 14', '/** Seed: 26 equal small circles on a 6 x 5 grid. Valid and weak (sum of radii about 0.96). */
public class Seed {
    // EVOLVE-BLOCK-START
    public static double[][] solve() {
        int n = 26;
        double[][] circles = new double[n][3];
        double radius = 0.037;
        int cols = 6;
        int rows = 5;
        for (int i = 0; i < n; i++) {
            int col = i % cols;
            int row = i / cols;
            circles[i][0] = (col + 0.5) / cols;
            circles[i][1] = (row + 0.384) / rows;
            circles[i][2] = radius;
        }
        return circles;
    }
    // EVOLVE-BLOCK-END
}
', '[[0.08333333333333333,0.07680000000000001,0.037],[0.25,0.07680000000000001,0.037],[0.4166666666666667,0.07680000000000001,0.037],[0.5833333333333334,0.07680000000000001,0.037],[0.75,0.07680000000000001,0.037],[0.9166666666666666,0.07680000000000001,0.037],[0.08333333333333333,0.2768,0.037],[0.25,0.2768,0.037],[0.4166666666666667,0.2768,0.037],[0.5833333333333334,0.2768,0.037],[0.75,0.2768,0.037],[0.9166666666666666,0.2768,0.037],[0.08333333333333333,0.4768,0.037],[0.25,0.4768,0.037],[0.4166666666666667,0.4768,0.037],[0.5833333333333334,0.4768,0.037],[0.75,0.4768,0.037],[0.9166666666666666,0.4768,0.037],[0.08333333333333333,0.6768,0.037],[0.25,0.6768,0.037],[0.4166666666666667,0.6768,0.037],[0.5833333333333334,0.6768,0.037],[0.75,0.6768,0.037],[0.9166666666666666,0.6768,0.037],[0.08333333333333333,0.8768,0.037],[0.25,0.8768,0.037]]', NULL, '{"min_border_gap":0.03980000000000001,"min_pair_gap":0.09266666666666663,"strictly_valid":1.0,"sum_radii":0.962}');
INSERT INTO programs (codelength, generation, island, reward, score, step, strictscore, valid, compilemillis, createdat, id, parentseq, runid, runmillis, seq, tier, status, normalizedhash, summary, code, construction, feedback, metrics) VALUES (625, 1, 0, 0.962, 0.962, 1, NULL, true, 34, '2026-11-30 06:33:58.192799+00:00', 3, 0, 1, 18, 2, 'janino', 'VALID', '553dcbde0f7066b06b8117bdae945b4ea381e70369d0f85fc10ce8a70c5c8f2c', 'perturb literal 0.5 -> 0.5207 at line 13', '/** Seed: 26 equal small circles on a 6 x 5 grid. Valid and weak (sum of radii about 0.96). */
public class Seed {
    // EVOLVE-BLOCK-START
    public static double[][] solve() {
        int n = 26;
        double[][] circles = new double[n][3];
        double radius = 0.037;
        int cols = 6;
        int rows = 5;
        for (int i = 0; i < n; i++) {
            int col = i % cols;
            int row = i / cols;
            circles[i][0] = (col + 0.5207) / cols;
            circles[i][1] = (row + 0.5) / rows;
            circles[i][2] = radius;
        }
        return circles;
    }
    // EVOLVE-BLOCK-END
}
', '[[0.08678333333333334,0.1,0.037],[0.25345,0.1,0.037],[0.4201166666666667,0.1,0.037],[0.5867833333333333,0.1,0.037],[0.75345,0.1,0.037],[0.9201166666666666,0.1,0.037],[0.08678333333333334,0.3,0.037],[0.25345,0.3,0.037],[0.4201166666666667,0.3,0.037],[0.5867833333333333,0.3,0.037],[0.75345,0.3,0.037],[0.9201166666666666,0.3,0.037],[0.08678333333333334,0.5,0.037],[0.25345,0.5,0.037],[0.4201166666666667,0.5,0.037],[0.5867833333333333,0.5,0.037],[0.75345,0.5,0.037],[0.9201166666666666,0.5,0.037],[0.08678333333333334,0.7,0.037],[0.25345,0.7,0.037],[0.4201166666666667,0.7,0.037],[0.5867833333333333,0.7,0.037],[0.75345,0.7,0.037],[0.9201166666666666,0.7,0.037],[0.08678333333333334,0.9,0.037],[0.25345,0.9,0.037]]', NULL, '{"min_border_gap":0.042883333333333384,"min_pair_gap":0.09266666666666663,"strictly_valid":1.0,"sum_radii":0.962}');
INSERT INTO programs (codelength, generation, island, reward, score, step, strictscore, valid, compilemillis, createdat, id, parentseq, runid, runmillis, seq, tier, status, normalizedhash, summary, code, construction, feedback, metrics) VALUES (627, 1, 0, 0.962, 0.962, 1, NULL, true, 31, '2026-11-30 06:33:58.192799+00:00', 4, 0, 1, 0, 3, 'janino', 'VALID', '9f41e93c71fab5832bd10fe8acab3feb301b6b05aa2ddfa74b337a8b80c62fb7', 'perturb literal 0.5 -> 0.499936 at line 14', '/** Seed: 26 equal small circles on a 6 x 5 grid. Valid and weak (sum of radii about 0.96). */
public class Seed {
    // EVOLVE-BLOCK-START
    public static double[][] solve() {
        int n = 26;
        double[][] circles = new double[n][3];
        double radius = 0.037;
        int cols = 6;
        int rows = 5;
        for (int i = 0; i < n; i++) {
            int col = i % cols;
            int row = i / cols;
            circles[i][0] = (col + 0.5) / cols;
            circles[i][1] = (row + 0.499936) / rows;
            circles[i][2] = radius;
        }
        return circles;
    }
    // EVOLVE-BLOCK-END
}
', '[[0.08333333333333333,0.0999872,0.037],[0.25,0.0999872,0.037],[0.4166666666666667,0.0999872,0.037],[0.5833333333333334,0.0999872,0.037],[0.75,0.0999872,0.037],[0.9166666666666666,0.0999872,0.037],[0.08333333333333333,0.2999872,0.037],[0.25,0.2999872,0.037],[0.4166666666666667,0.2999872,0.037],[0.5833333333333334,0.2999872,0.037],[0.75,0.2999872,0.037],[0.9166666666666666,0.2999872,0.037],[0.08333333333333333,0.49998719999999996,0.037],[0.25,0.49998719999999996,0.037],[0.4166666666666667,0.49998719999999996,0.037],[0.5833333333333334,0.49998719999999996,0.037],[0.75,0.49998719999999996,0.037],[0.9166666666666666,0.49998719999999996,0.037],[0.08333333333333333,0.6999872,0.037],[0.25,0.6999872,0.037],[0.4166666666666667,0.6999872,0.037],[0.5833333333333334,0.6999872,0.037],[0.75,0.6999872,0.037],[0.9166666666666666,0.6999872,0.037],[0.08333333333333333,0.8999872,0.037],[0.25,0.8999872,0.037]]', NULL, '{"min_border_gap":0.04633333333333333,"min_pair_gap":0.09266666666666663,"strictly_valid":1.0,"sum_radii":0.962}');
INSERT INTO programs (codelength, generation, island, reward, score, step, strictscore, valid, compilemillis, createdat, id, parentseq, runid, runmillis, seq, tier, status, normalizedhash, summary, code, construction, feedback, metrics) VALUES (625, 1, 0, 0.958308, 0.958308, 1, NULL, true, 50, '2026-11-30 06:33:58.192799+00:00', 5, 0, 1, 0, 4, 'janino', 'VALID', 'bfd03146ed488a92122bd8df4191b009590ff180fc664942de9085c711060b85', 'perturb literal 0.037 -> 0.036858 at line 7', '/** Seed: 26 equal small circles on a 6 x 5 grid. Valid and weak (sum of radii about 0.96). */
public class Seed {
    // EVOLVE-BLOCK-START
    public static double[][] solve() {
        int n = 26;
        double[][] circles = new double[n][3];
        double radius = 0.036858;
        int cols = 6;
        int rows = 5;
        for (int i = 0; i < n; i++) {
            int col = i % cols;
            int row = i / cols;
            circles[i][0] = (col + 0.5) / cols;
            circles[i][1] = (row + 0.5) / rows;
            circles[i][2] = radius;
        }
        return circles;
    }
    // EVOLVE-BLOCK-END
}
', '[[0.08333333333333333,0.1,0.036858],[0.25,0.1,0.036858],[0.4166666666666667,0.1,0.036858],[0.5833333333333334,0.1,0.036858],[0.75,0.1,0.036858],[0.9166666666666666,0.1,0.036858],[0.08333333333333333,0.3,0.036858],[0.25,0.3,0.036858],[0.4166666666666667,0.3,0.036858],[0.5833333333333334,0.3,0.036858],[0.75,0.3,0.036858],[0.9166666666666666,0.3,0.036858],[0.08333333333333333,0.5,0.036858],[0.25,0.5,0.036858],[0.4166666666666667,0.5,0.036858],[0.5833333333333334,0.5,0.036858],[0.75,0.5,0.036858],[0.9166666666666666,0.5,0.036858],[0.08333333333333333,0.7,0.036858],[0.25,0.7,0.036858],[0.4166666666666667,0.7,0.036858],[0.5833333333333334,0.7,0.036858],[0.75,0.7,0.036858],[0.9166666666666666,0.7,0.036858],[0.08333333333333333,0.9,0.036858],[0.25,0.9,0.036858]]', NULL, '{"min_border_gap":0.04647533333333333,"min_pair_gap":0.09295066666666663,"strictly_valid":1.0,"sum_radii":0.958308}');
INSERT INTO runs (bestscore, committedsteps, seedscore, targetstep, bestprogram, budgetmillis, createdat, drivenmillis, evaluations, id, leaseuntil, programs, seed, updatedat, status, mutator, leaseowner, name, problem, message, config) VALUES (0.962, 1, 0.962, 1, 0, NULL, '2026-11-30 06:33:48.760164+00:00', 3083, 5, 1, NULL, 5, 3, '2026-11-30 06:33:58.493199+00:00', 'FINISHED', 'builtin', NULL, 'upgrade-fixture', 'circle_packing_26', NULL, '{"problem":"circle_packing_26","mutator":"builtin","steps":1,"minutes":0.0,"workers":1,"engine":{"parents":2,"samples":2,"seed":3,"tolerance":0.0,"maxCodeChars":50000,"lazyLevel2":false,"allowOutsideBlock":false,"fullRewrite":true,"async":false,"inspirations":2,"islands":10,"populationCap":10000,"archiveSize":1000},"llmUrl":null,"llmModel":null,"llmKeyEnv":null,"llmNoN":false,"llmTokenBudget":0,"rl":false,"reward":null,"rlLearningRate":0.0,"trainer":null,"llmMore":[],"llmSelect":null}');
INSERT INTO steps (bestscore, children, evaluations, step, valid, bestseq, createdat, id, millis, runid) VALUES (0.962, 1, 1, 0, 1, 0, '2026-11-30 06:33:54.869679+00:00', 1, 2529, 1);
INSERT INTO steps (bestscore, children, evaluations, step, valid, bestseq, createdat, id, millis, runid) VALUES (0.962, 4, 4, 1, 4, 0, '2026-11-30 06:33:58.192799+00:00', 2, 2937, 1);
ALTER SEQUENCE leaderboard_entries_SEQ RESTART WITH 51;
ALTER SEQUENCE programs_SEQ RESTART WITH 51;
ALTER SEQUENCE runs_SEQ RESTART WITH 51;
ALTER SEQUENCE steps_SEQ RESTART WITH 51;
