#!/usr/bin/env bash
# CLI start-up on the JVM with and without a trained class-data archive, for a command that needs no
# database (leaderboard against a server that is down: a full Quarkus boot, then exit 2) and one that
# opens the H2 store (problems). Java 17: AppCDS dynamic archive (-XX:ArchiveClassesAtExit on a training
# run, then -XX:SharedArchiveFile). Temurin 25: AOT cache (-XX:AOTCacheOutput on a training run, then
# -XX:AOTCache). Each archive is trained on the command it is timed on. Prints hyperfine's tables and
# writes them to target/appcds/*.md.
#
#   mvn -B package -DskipTests && scripts/appcds.sh        (RUNS=10 scripts/appcds.sh for more runs)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/quarkus-app/quarkus-run.jar
J17=${JAVA17:-$(command -v java)}
J25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
RUNS=${RUNS:-5}
OUT=target/appcds
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B package -DskipTests first" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install -y hyperfine" >&2; exit 1; }
rm -rf "$OUT" && mkdir -p "$OUT"

# nothing listens on port 9 (discard): the command boots, fails to connect, and exits 2
FREE="leaderboard --problem circle_packing_26 --server http://127.0.0.1:9"
DB="problems --db $PWD/$OUT/store"
echo "== $($J17 -version 2>&1 | head -1); $([ -x "$J25" ] && $J25 -version 2>&1 | head -1 || echo 'no Java 25')"
echo "== $(nproc) cores, $(uname -m)"

"$J17" -jar "$JAR" $DB >/dev/null 2>&1 || true   # creates the H2 store, so every timed run finds it

time_it() { # name, command
  local name=$1 cmd=$2 args=()
  "$J17" -XX:ArchiveClassesAtExit="$OUT/$name-17.jsa" -jar "$JAR" $cmd >/dev/null 2>"$OUT/$name-17-train.log" || true
  args+=(-n "17" "$J17 -jar $JAR $cmd")
  args+=(-n "17 AppCDS" "$J17 -XX:SharedArchiveFile=$OUT/$name-17.jsa -jar $JAR $cmd")
  args+=(-n "17 C1" "$J17 -XX:TieredStopAtLevel=1 -jar $JAR $cmd")
  args+=(-n "17 C1 AppCDS" "$J17 -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=$OUT/$name-17.jsa -jar $JAR $cmd")
  if [ -x "$J25" ]; then
    "$J25" -XX:AOTCacheOutput="$OUT/$name-25.aot" -jar "$JAR" $cmd >/dev/null 2>"$OUT/$name-25-train.log" || true
    args+=(-n "25" "$J25 -jar $JAR $cmd")
    args+=(-n "25 AOT cache" "$J25 -XX:AOTCache=$OUT/$name-25.aot -jar $JAR $cmd")
  fi
  ls -la "$OUT" | grep -E "$name-(17.jsa|25.aot)" || true
  echo "== $name: thetaevolve $cmd"
  hyperfine -N -i --style basic --warmup 1 --runs "$RUNS" --export-markdown "$OUT/$name.md" \
    --export-json "$OUT/$name.json" "${args[@]}"
  # wall time is noisy on a shared 2-core machine; CPU time (user+sys, hyperfine gives its mean) much less so
  python3 - "$OUT/$name.json" <<'PY'
import json, statistics, sys
rows = json.load(open(sys.argv[1]))["results"]
base = statistics.median(rows[0]["times"])
base_cpu = rows[0]["user"] + rows[0]["system"]
print(f"{'variant':14} {'median wall s':>13} {'ratio':>6} {'mean cpu s':>13} {'ratio':>6}")
for r in rows:
    wall = statistics.median(r["times"])
    cpu = r["user"] + r["system"]
    print(f"{r['command']:14} {wall:13.2f} {base / wall:6.2f} {cpu:13.2f} {base_cpu / cpu:6.2f}")
PY
}

time_it free "$FREE"
time_it db "$DB"
