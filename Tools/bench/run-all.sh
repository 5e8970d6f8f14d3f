#!/usr/bin/env bash
# `make bench`: runs every Tools/bench/[0-9][0-9]-*.sh in order and collects the Markdown section
# each prints on stdout (progress goes to stderr) into $BENCH_OUT/RESULTS.md, under a header with
# the machine's details. A script that fails leaves a note in its place; the others still run.
#
# Scripts get: BRIEFING (release binary, built here once), BENCH_OUT (default Output/bench),
# BENCH_QUICK (1 = shorter runs, for a quick look), and run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/../.."

export BENCH_OUT=${BENCH_OUT:-Output/bench}
export BENCH_QUICK=${BENCH_QUICK:-0}
mkdir -p "$BENCH_OUT/sections"
if [ -z "${BRIEFING:-}" ]; then
  swift build -c release --static-swift-stdlib ${SWIFT_FLAGS:-} >&2
  export BRIEFING=$PWD/.build/release/briefing
fi

results=$BENCH_OUT/RESULTS.md
{
  echo "# Briefing benchmarks"
  echo
  echo "| machine | |"
  echo "|---|---|"
  echo "| date (UTC) | $(date -u '+%Y-%m-%d %H:%M') |"
  echo "| CPU | $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') |"
  echo "| nproc | $(nproc) |"
  echo "| memory | $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) |"
  echo "| load average at start | $(cut -d' ' -f1-3 /proc/loadavg) |"
  echo "| kernel | $(uname -sr) |"
  echo "| swift | $(swift --version 2>/dev/null | head -1) |"
  echo "| cairo, pango | $(pkg-config --modversion cairo) , $(pkg-config --modversion pango) |"
  echo "| quick mode | $BENCH_QUICK |"
} > "$results"

for script in Tools/bench/[0-9][0-9]-*.sh; do
  name=$(basename "$script" .sh)
  echo "bench: $name" >&2
  section=$BENCH_OUT/sections/$name.md
  status=0
  bash "$script" > "$section" || status=$?
  if [ "$status" = 0 ]; then
    { echo; cat "$section"; } >> "$results"
  else
    { echo; echo "## $name"; echo; echo "**failed with exit code $status** (see the log above)"; } >> "$results"
  fi
done
echo >> "$results"
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)." >> "$results"
echo "bench: wrote $results" >&2
