#!/usr/bin/env bash
# Start-up of the CLI's client and evaluator commands, before and after they stopped booting Quarkus
# (issue 14 §5): hyperfine against one running service, each command on the jar(s) given.
#
#   scripts/client-startup.sh NEW_JAR [OLD_JAR]      (RUNS=5 by default; writes target/client-startup/*.json)
#   VARIANTS=1 scripts/client-startup.sh NEW_JAR     leaderboard on NEW_JAR only, under JVM start-up options
#                                                   (C1, trained AppCDS / AOT cache, serial GC)
#
# The service is started from NEW_JAR on a fresh H2 file and a free port, with one finished 2-step run
# (for watch) and one submitted construction (for submit, leaderboard). Prints median wall and mean CPU
# (user + system) per command and jar, and the machine's load average before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
NEW=${1:?usage: scripts/client-startup.sh NEW_JAR [OLD_JAR]}
OLD=${2:-}
RUNS=${RUNS:-5}
OUT=target/client-startup
rm -rf "$OUT" && mkdir -p "$OUT"
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install -y hyperfine" >&2; exit 1; }
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export THETAEVOLVE_API_TOKEN=bench-token THETAEVOLVE_SERVER=http://127.0.0.1:$PORT
java -jar "$NEW" serve --port "$PORT" --db "$PWD/$OUT/db" >"$OUT/serve.log" 2>&1 &
SERVE=$!
trap 'kill $SERVE 2>/dev/null || true' EXIT
for i in $(seq 1 600); do curl -fs "http://127.0.0.1:$PORT/q/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs -X POST "http://127.0.0.1:$PORT/api/runs" -H "Authorization: Bearer bench-token" -H 'Content-Type: application/json' \
  -d '{"problem":"circle_packing_26","steps":2,"parents":2,"samples":2,"workers":1,"name":"bench-run"}' >/dev/null
for i in $(seq 1 600); do curl -fs "http://127.0.0.1:$PORT/api/runs/bench-run" 2>/dev/null | grep -q FINISHED && break; sleep 0.5; done
python3 - "$OUT/c.json" <<'PY'
import json, sys
rows = json.load(open("src/test/resources/constructions/circle_packing_26.json"))
json.dump({"data": rows, "submitter": "bench"}, open(sys.argv[1], "w"))
PY
cp src/test/resources/constructions/circle_packing_26.json "$OUT/raw.json"
python3 -c "import json; json.dump({'data': json.load(open('$OUT/raw.json'))}, open('$OUT/v.json','w'))"
cp problems/circle_packing_26/Seed.java "$OUT/Seed.java"

echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(java -version 2>&1 | head -1)"
if [ -n "${VARIANTS:-}" ]; then
  # leaderboard only, on NEW_JAR, with the JVM start-up options: C1 only, a class-data archive trained on
  # this very command (Java 17 AppCDS dynamic archive; Temurin 25 AOT cache), serial GC
  J25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
  LB="leaderboard --problem circle_packing_26"
  java -XX:ArchiveClassesAtExit="$OUT/lb-17.jsa" -jar "$NEW" $LB >/dev/null 2>"$OUT/lb-17-train.log"
  java -XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit="$OUT/lb-17-c1.jsa" -jar "$NEW" $LB >/dev/null 2>"$OUT/lb-17-c1-train.log"
  echo "== classes from the archive: $(java -XX:SharedArchiveFile="$OUT/lb-17.jsa" -Xlog:class+load=info -jar "$NEW" $LB \
    | grep -c 'shared objects file') of $(java -Xlog:class+load=info -jar "$NEW" $LB | grep -c 'class,load')"
  args=(-n "17" "java -jar $NEW $LB"
        -n "17 C1" "java -XX:TieredStopAtLevel=1 -jar $NEW $LB"
        -n "17 AppCDS" "java -XX:SharedArchiveFile=$OUT/lb-17.jsa -jar $NEW $LB"
        -n "17 C1 AppCDS" "java -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=$OUT/lb-17-c1.jsa -jar $NEW $LB"
        -n "17 C1 AppCDS SerialGC" "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:SharedArchiveFile=$OUT/lb-17-c1.jsa -jar $NEW $LB")
  if [ -x "$J25" ]; then
    "$J25" -XX:AOTCacheOutput="$OUT/lb-25.aot" -jar "$NEW" $LB >/dev/null 2>"$OUT/lb-25-train.log"
    args+=(-n "25" "$J25 -jar $NEW $LB" -n "25 AOT cache" "$J25 -XX:AOTCache=$OUT/lb-25.aot -jar $NEW $LB"
           -n "25 C1 AOT cache SerialGC" "$J25 -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:AOTCache=$OUT/lb-25.aot -jar $NEW $LB")
  fi
  hyperfine -N -i --style none --warmup 1 --runs "$RUNS" --export-json "$OUT/variants.json" "${args[@]}" >/dev/null
  python3 - "$OUT/variants.json" <<'PY'
import json, statistics, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"leaderboard  {r['command']:26} median wall {statistics.median(r['times']):6.2f} s   mean cpu {r['user'] + r['system']:6.2f} s   exit codes {sorted(set(r['exit_codes']))}")
PY
  echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi
declare -A CMDS=(
  [leaderboard]="leaderboard --problem circle_packing_26"
  [submit]="submit --problem circle_packing_26 $OUT/c.json"
  [watch]="watch bench-run"
  [verify]="verify --problem circle_packing_26 $OUT/v.json"
  [evaluate]="evaluate --problem circle_packing_26 --workers 1 $OUT/Seed.java"
)
for name in leaderboard submit watch verify evaluate; do
  args=(-n "after" "java -jar $NEW ${CMDS[$name]}")
  [ -n "$OLD" ] && args=(-n "before" "java -jar $OLD ${CMDS[$name]}" "${args[@]}")
  hyperfine -N -i --style none --warmup 1 --runs "$RUNS" --export-json "$OUT/$name.json" "${args[@]}" >/dev/null
  python3 - "$OUT/$name.json" "$name" <<'PY'
import json, statistics, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{sys.argv[2]:12} {r['command']:7} median wall {statistics.median(r['times']):6.2f} s   mean cpu {r['user'] + r['system']:6.2f} s   exit codes {sorted(set(r['exit_codes']))}")
PY
done
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
