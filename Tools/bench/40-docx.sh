#!/usr/bin/env bash
# The editable copies: `render --format docx` (and md) of the sample sheet, one process each, against
# the same sheet as a PDF alone. Target (issue 18): a sheet as .docx in under 0.3 s.
#
#   pdf       the half-year sheet (肃州区) as its PDF only
#   docx      the same sheet as a Word document (charts drawn again at 200 dpi)
#   docx-gw   the same in the official-document style (--docx-style gongwen)
#   md        the same sheet as Markdown
#   bulletin  the ranking bulletin (9 regions × 14 indicators) as a Word document
#
# Wall time is the median [min–max] of RUNS processes. Prints a Markdown section; progress on stderr.
set -euo pipefail
cd "$(dirname "$0")/../.."

BENCH_OUT=${BENCH_OUT:-Output/bench}
BENCH_QUICK=${BENCH_QUICK:-0}
OUT=$BENCH_OUT/docx
if [ -z "${BRIEFING:-}" ]; then
  swift build -c release --static-swift-stdlib >&2
  BRIEFING=$PWD/.build/release/briefing
fi
RUNS=$([ "$BENCH_QUICK" = 1 ] && echo 5 || echo 21)
mkdir -p "$OUT"
sheet=(render --data Samples/jiuquan-2024h1 --layout Layouts/half-year-comparison.yaml --focus 肃州区 --period 2024-H1 --out "$OUT/o")
bulletin=(render --data Samples/jiuquan-2024h1 --layout Layouts/ranking-bulletin.yaml --period 2024-H1 --out "$OUT/o")

wall() { # wall ARGS... → "median [min–max]" in ms
  python3 Tools/bench/wall.py --runs "$RUNS" -- "$BRIEFING" "$@"
}

size() { # size FILE-SUFFIX → size in KB of the file written last with that suffix
  find "$OUT/o" -name "*$1" -newer "$OUT/stamp" -printf '%s\n' | head -1 | awk '{printf "%.0f KB", $1 / 1024}'
}

echo "bench: docx" >&2
echo "## Editable copies (\`render --format docx\`, \`md\`)"
echo
echo "One process per row, $RUNS runs; the sample half-year sheet (肃州区, 2024-H1) unless named."
echo "Target: a sheet as .docx in under 300 ms."
echo
echo "| row | wall ms, median [min–max] | file |"
echo "|---|---|---|"
touch "$OUT/stamp"; t=$(wall "${sheet[@]}" --format pdf); echo "| pdf | $t | $(size .pdf) |"
touch "$OUT/stamp"; t=$(wall "${sheet[@]}" --format docx); echo "| docx | $t | $(size .docx) |"
touch "$OUT/stamp"; t=$(wall "${sheet[@]}" --format docx --docx-style gongwen); echo "| docx-gw | $t | $(size .docx) |"
touch "$OUT/stamp"; t=$(wall "${sheet[@]}" --format md); echo "| md | $t | $(size .md) |"
touch "$OUT/stamp"; t=$(wall "${bulletin[@]}" --format docx); echo "| bulletin | $t | $(size .docx) |"
