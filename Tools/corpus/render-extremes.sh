#!/usr/bin/env bash
# Renders the extreme sheets of the generated corpus (52-member bulletin, 150-bar charts,
# 60-period trend, two-member sheet: SheetCorpus.extremes in Tests/TestSupport) to look at:
# <out>/data/<case>/ the data, <out>/<name>/ the PDF, PNG pages (pdftoppm) and the warnings.
# Writes only under <out>. Needs pdftoppm (poppler-utils, installed by `make setup`).
#
#   Tools/corpus/render-extremes.sh [--out DIR] [--dpi N]    (default: Output/corpus, 60 dpi)
set -euo pipefail

usage() { echo "usage: $0 [--out DIR] [--dpi N]"; }
out=Output/corpus
dpi=60
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="${2:?--out needs a folder}"; shift 2 ;;
    --dpi) dpi="${2:?--dpi needs a number}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 64 ;;
  esac
done

cd "$(dirname "$0")/../.."
swift build --product briefing-corpus >&2
swift build --product briefing >&2
bin="$(swift build --show-bin-path)"

"$bin/briefing-corpus" --extremes --out "$out/data" >/dev/null
"$bin/briefing-corpus" --list | while IFS=$'\t' read -r name case layout focus period what; do
  dir="$out/$name"
  rm -rf "$dir"
  mkdir -p "$dir"
  args=(render --data "$out/data/$case" --layout "Layouts/$layout.yaml" --group G --period "$period"
    --out "$dir" --dpi 0)
  if [ "$focus" != - ]; then args+=(--focus "$focus"); fi
  if [ "$layout" = region-charts ]; then args+=(--format pdf); fi
  status=0
  "$bin/briefing" "${args[@]}" >/dev/null 2>"$dir/warnings.txt" || status=$?
  find "$dir" -name '*.pdf' | while read -r pdf; do pdftoppm -r "$dpi" -png "$pdf" "${pdf%.pdf}-p"; done
  echo "$name: $what: $dir (exit $status, $(grep -c 'warning:' "$dir/warnings.txt" || true) warnings)"
done
