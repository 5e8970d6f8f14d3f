#!/usr/bin/env bash
# Start-up of `briefing render`: what one process pays before it draws anything.
#
#   parse   `render --data … --layout <missing>`: parse the command line, then exit 74 at once
#   chart   `render` of one region's chart set (Layouts/region-charts.yaml, PDF), start to exit
#
# Wall time is the median [min–max] of RUNS processes; instruction counts (callgrind, on a
# stripped copy: valgrind cannot read the release binary's debug info) are stable where wall time
# is not. Prints a Markdown section; progress on stderr.
set -euo pipefail
cd "$(dirname "$0")/../.."

BENCH_OUT=${BENCH_OUT:-Output/bench}
BENCH_QUICK=${BENCH_QUICK:-0}
OUT=$BENCH_OUT/startup
if [ -z "${BRIEFING:-}" ]; then
  swift build -c release --static-swift-stdlib >&2
  BRIEFING=$PWD/.build/release/briefing
fi
RUNS=$([ "$BENCH_QUICK" = 1 ] && echo 11 || echo 31)
mkdir -p "$OUT"
DATA=Samples/jiuquan-2024h1
parse=(render --data "$DATA" --layout "$OUT/missing.yaml" --focus 肃州区 --out "$OUT/o")
chart=(render --data "$DATA" --layout Layouts/region-charts.yaml --focus 肃州区 --format pdf --out "$OUT/o")

# MARK: - Wall time
wall() { # wall EXPECTED-STATUS ARGS... → "median [min–max]" in ms
  local expected=$1; shift
  python3 Tools/bench/wall.py --runs "$RUNS" --expect "$expected" -- "$BRIEFING" "$@"
}

# MARK: - Instructions
instructions() { # instructions ARGS... → instruction count, or "n/a" without valgrind
  if ! command -v valgrind >/dev/null; then echo "n/a (no valgrind)"; return; fi
  strip -o "$OUT/briefing-stripped" "$BRIEFING"
  valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.out" "$OUT/briefing-stripped" "$@" \
    >/dev/null 2>"$OUT/callgrind.log" || true
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$OUT/callgrind.log" | awk '{printf "%.1f M", $1 / 1e6}'
}

echo "bench: startup" >&2
echo "## Start-up of \`briefing render\`"
echo
echo "One process per row, $RUNS runs. \`parse\`: the command line parsed by swift-argument-parser, then"
echo "exit 74 on a missing layout (the floor every \`render\` pays). \`chart\`: one region's chart set as"
echo "a PDF (\`Layouts/region-charts.yaml\`, 肃州区)."
echo
echo "| row | wall ms, median [min–max] | instructions (callgrind) |"
echo "|---|---|---|"
echo "| parse | $(wall 74 "${parse[@]}") | $(instructions "${parse[@]}") |"
echo "| chart | $(wall 0 "${chart[@]}") | $(instructions "${chart[@]}") |"
echo
echo "A hand-written reader for common \`render\` lines (removed: one parser, options declared once)"
echo "saved about 15 M instructions, ~10 ms, per process (22.9 M against 37.7 M for the parse row,"
echo "measured 2026-12-06); \`render\` draws many units in one process, so this is paid once per run."
