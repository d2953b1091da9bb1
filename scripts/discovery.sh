#!/usr/bin/env bash
# The discovery table of issue 11 §2: for each problem, the packaged jar's built-in default in construct mode
# and in search mode, one fixed seed, strict verification, a fresh H2 store per run; one Markdown row per
# problem (seed scores, best of each mode, the record and its source, our best as a share of the record and
# of AlphaEvolve's value, date, load average before and after, commit).
#
#   scripts/discovery.sh [--problems a,b,c] [--construct-minutes M] [--search-minutes M] [--seed S]
#                        [--jar JAR] [--out FILE] [--dry-run]
#
# Defaults: every folder of problems/, 1 minute construct, 5 minutes search, seed 1,
# target/quarkus-app/quarkus-run.jar. Each problem runs
#   java -jar JAR run --problem P --mode construct --minutes M --seed S --tolerance 0 --db DIR/construct --json
#   java -jar JAR run --problem P --mode search    --minutes M --seed S --tolerance 0 --db DIR/search --json
# with DIR = target/discovery/<UTC stamp>-<random>/P (the runs' output is kept there). Rows go to stdout and, with
# --out FILE, are appended to FILE (the header first when FILE is new), so batches run on different days
# build one table. --dry-run prints the commands and runs nothing. Bad usage prints one line and exits 2.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "scripts/discovery.sh: $1 (usage: scripts/discovery.sh [--problems a,b,c] [--construct-minutes M] [--search-minutes M] [--seed S] [--jar JAR] [--out FILE] [--dry-run])" >&2; exit 2; }

PROBLEMS="" CONSTRUCT_MIN=1 SEARCH_MIN=5 SEED=1 JAR=target/quarkus-app/quarkus-run.jar OUT_FILE="" DRY=0
while [ $# -gt 0 ]; do
  case "$1" in
    --problems) [ $# -ge 2 ] || usage "--problems needs a value"; PROBLEMS=$2; shift 2 ;;
    --construct-minutes) [ $# -ge 2 ] || usage "--construct-minutes needs a value"; CONSTRUCT_MIN=$2; shift 2 ;;
    --search-minutes) [ $# -ge 2 ] || usage "--search-minutes needs a value"; SEARCH_MIN=$2; shift 2 ;;
    --seed) [ $# -ge 2 ] || usage "--seed needs a value"; SEED=$2; shift 2 ;;
    --jar) [ $# -ge 2 ] || usage "--jar needs a value"; JAR=$2; shift 2 ;;
    --out) [ $# -ge 2 ] || usage "--out needs a value"; OUT_FILE=$2; shift 2 ;;
    --dry-run) DRY=1; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) usage "unknown option $1" ;;
  esac
done
for m in "$CONSTRUCT_MIN" "$SEARCH_MIN"; do
  [[ "$m" =~ ^[0-9]*\.?[0-9]+$ ]] && awk -v m="$m" 'BEGIN { exit !(m > 0) }' || usage "minutes must be a number > 0, got $m"
done
[[ "$SEED" =~ ^-?[0-9]+$ ]] || usage "--seed must be an integer, got $SEED"
if [ -z "$PROBLEMS" ]; then
  PROBLEMS=$(for d in problems/*/problem.properties; do basename "$(dirname "$d")"; done | paste -sd, -)
fi
IFS=, read -r -a LIST <<<"$PROBLEMS"
[ ${#LIST[@]} -gt 0 ] || usage "--problems is empty"
for p in "${LIST[@]}"; do
  [ -f "problems/$p/problem.properties" ] || usage "unknown problem $p (no problems/$p/problem.properties)"
done
[ "$DRY" = 1 ] || [ -f "$JAR" ] || usage "$JAR is missing: mvn -B -ntp -q package -DskipTests"

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
BASE=target/discovery/$STAMP-XXXXXX # made unique by mktemp below
JAVA=(java -jar "$JAR")
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
load() { cut -d' ' -f1 /proc/loadavg; }

HEADER="| problem | direction | seed (construct) | seed (search) | best construct (${CONSTRUCT_MIN} min) | best search (${SEARCH_MIN} min) | best known · source | ours / best known | ours / AlphaEvolve | date (UTC) | load start → end | commit |
|---|---|---|---|---|---|---|---|---|---|---|---|"

emit() {
  echo "$1"
  if [ -n "$OUT_FILE" ]; then
    if [ ! -s "$OUT_FILE" ]; then
      { echo "<!-- scripts/discovery.sh --construct-minutes $CONSTRUCT_MIN --search-minutes $SEARCH_MIN --seed $SEED; $(nproc) cores; $(java -version 2>&1 | head -1) -->"
        echo "$HEADER"; } >>"$OUT_FILE"
    fi
    echo "$1" >>"$OUT_FILE"
  fi
}

runArgs() { # problem mode minutes dir: sets CMD
  CMD=("${JAVA[@]}" run --problem "$1" --mode "$2" --minutes "$3" --seed "$SEED" --tolerance 0 --db "$4/$2" --run "discovery-$1-$2" --json)
}

if [ "$DRY" = 1 ]; then
  echo "$HEADER"
  for p in "${LIST[@]}"; do
    runArgs "$p" construct "$CONSTRUCT_MIN" "$BASE/$p"; echo "${CMD[*]}"
    runArgs "$p" search "$SEARCH_MIN" "$BASE/$p"; echo "${CMD[*]}"
  done
  exit 0
fi

mkdir -p target/discovery
BASE=$(mktemp -d "$BASE")
"${JAVA[@]}" problems --json --db "$PWD/$BASE/problems" >"$BASE/problems.out" 2>"$BASE/problems.err" \
  || { echo "scripts/discovery.sh: problems --json failed: $(tail -1 "$BASE/problems.err")" >&2; exit 1; }
echo "$HEADER"
for p in "${LIST[@]}"; do
  dir=$BASE/$p
  mkdir -p "$dir"
  date=$(date -u +%Y-%m-%dT%H:%MZ)
  l0=$(load)
  for mode in construct search; do
    minutes=$CONSTRUCT_MIN; [ "$mode" = search ] && minutes=$SEARCH_MIN
    runArgs "$p" "$mode" "$minutes" "$PWD/$dir"
    echo "${CMD[*]}" >"$dir/$mode.cmd"
    rc=0
    "${CMD[@]}" >"$dir/$mode.out" 2>"$dir/$mode.err" </dev/null || rc=$?
    echo "$rc" >"$dir/$mode.rc"
  done
  l1=$(load)
  row=$(python3 - "$BASE/problems.out" "$dir" "$p" "$date" "$l0" "$l1" "$COMMIT" <<'PY'
import json, sys
problems_file, folder, pid, date, l0, l1, commit = sys.argv[1:]
spec = next((s for s in json.loads(open(problems_file).read().strip().splitlines()[-1]) if s["id"] == pid), None)
if spec is None:
    sys.exit(f"{pid} is not in problems --json")
maximize = spec["direction"] == "maximize"

def summary(mode):
    rc = open(f"{folder}/{mode}.rc").read().strip()
    lines = [l for l in open(f"{folder}/{mode}.out").read().splitlines() if l.startswith("{")]
    if not lines:
        err = (open(f"{folder}/{mode}.err").read().strip().splitlines() or ["no output"])[-1]
        return None, None, f"failed (exit {rc}: {err[:80]})"
    s = json.loads(lines[-1])
    best = s.get("best") or {}
    score = best.get("score") if best.get("valid", True) else None
    note = "" if rc == "0" else f" (exit {rc}, {s.get('status')})"
    return s.get("seedScore"), score, note

def fmt(x):
    return "–" if x is None else f"{x:.10g}"

def cell(score, note):
    return note if note.startswith("failed") else fmt(score) + note

def share(ours, ref):
    if ours is None or ref is None or ours == 0 or ref == 0:
        return "–"
    return f"{100 * (ours / ref if maximize else ref / ours):.4f} %"

c_seed, c_best, c_note = summary("construct")
s_seed, s_best, s_note = summary("search")
bests = [b for b in (c_best, s_best) if b is not None]
ours = (max(bests) if maximize else min(bests)) if bests else None
known = spec["bestKnown"]
ae = known.get("alphaEvolve")
source = known["source"].replace("|", "\\|")
print(f"| `{pid}` | {spec['direction']} | {fmt(c_seed)} | {fmt(s_seed)} | {cell(c_best, c_note)} | {cell(s_best, s_note)} "
      f"| {fmt(known['value'])} · {source} | {share(ours, known['value'])} | {share(ours, ae['value'] if ae else None)} "
      f"| {date} | {l0} → {l1} | {commit} |")
PY
)
  emit "$row"
done
