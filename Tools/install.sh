#!/bin/bash
# Installs or uninstalls Briefing (`make install`, `make uninstall`).
#
#   Tools/install.sh install BINARY    copies BINARY and the shipped files under $DESTDIR$PREFIX
#   Tools/install.sh uninstall         removes what the last install wrote, by its manifest
#
# Environment: PREFIX (default /usr/local), DESTDIR (default empty: a staging root for packagers).
# Layout under the prefix:
#   bin/briefing
#   share/briefing/{Layouts,fonts,Calendars,Recipes,Schemas}/   found by the binary at run time
#                                                                (<bin>/../share/briefing)
#   share/man/man1/briefing.1 (every command on one page) and briefing.<command>.1
#   share/bash-completion/completions/briefing, share/zsh/site-functions/_briefing,
#   share/fish/vendor_completions.d/briefing.fish
# share/briefing/install-manifest.txt lists every file written and every folder created (paths
# without DESTDIR); uninstall removes exactly those files, then those folders if empty.
#
# Man pages are generated here, from the binary being installed, by swift-argument-parser's
# generate-manual tool (built once into .build-tools, its own scratch folder, so that it can
# run while `swift test` holds .build). Generating them at install time rather than committing
# them keeps them equal to the binary's --help without a test to catch drift. The page date is
# SOURCE_DATE_EPOCH's, else the last commit's, else today: the same commit gives the same pages.
set -euo pipefail
shopt -s nullglob

PREFIX=${PREFIX:-/usr/local}
DESTDIR=${DESTDIR:-}
SHARE=$PREFIX/share/briefing
MANIFEST=$SHARE/install-manifest.txt
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT

# MARK: - Recording what is written

created_dirs=()
installed_files=()

# mkdir -p DIR (a path under the prefix, without DESTDIR), recording each folder it creates.
make_dir() {
  local dir=$1 missing=() probe=$1
  while [[ $probe != / && ! -d "$DESTDIR$probe" ]]; do
    missing=("$probe" "${missing[@]}")
    probe=$(dirname "$probe")
  done
  [[ -z $DESTDIR ]] || mkdir -p "$DESTDIR"
  for dir in "${missing[@]}"; do
    mkdir -m 755 "$DESTDIR$dir"
    created_dirs+=("$dir")
  done
}

# put MODE SOURCE TARGET: copies SOURCE to TARGET (under the prefix, without DESTDIR).
put() {
  make_dir "$(dirname "$3")"
  install -m "$1" "$2" "$DESTDIR$3"
  installed_files+=("$3")
}

# MARK: - Install

install_all() {
  local binary=$1
  [[ -x "$binary" ]] || { echo "install: no binary at $binary (run make build)" >&2; exit 1; }
  local font
  for font in BriefingSansCJK-Regular BriefingSansCJK-Bold BriefingSansCJKExt-Regular BriefingSansCJKExt-Bold; do
    [[ -f "$ROOT/.build/fonts/$font.ttc" ]] || { echo "install: no derived font $font.ttc (run make fonts)" >&2; exit 1; }
  done
  # What an earlier install wrote stays recorded (a file no longer shipped included), so
  # uninstall still removes it.
  if [[ -f "$DESTDIR$MANIFEST" ]]; then
    local kind path
    while read -r kind path; do
      case $kind in
        dir) created_dirs+=("$path") ;;
        file) [[ ! -e "$DESTDIR$path" || $path == "$MANIFEST" ]] || installed_files+=("$path") ;;
      esac
    done < "$DESTDIR$MANIFEST"
  fi

  put 755 "$binary" "$PREFIX/bin/briefing"
  local file
  for file in "$ROOT"/Layouts/*.yaml "$ROOT"/Layouts/README.md "$ROOT"/Layouts/images/*.png \
    "$ROOT"/Calendars/* "$ROOT"/Schemas/*.json; do
    put 644 "$file" "$SHARE/${file#"$ROOT"/}"
  done
  for file in "$ROOT"/Recipes/*; do
    put "$([[ -x $file ]] && echo 755 || echo 644)" "$file" "$SHARE/${file#"$ROOT"/}"
  done
  for file in "$ROOT"/.build/fonts/*; do
    put 644 "$file" "$SHARE/fonts/$(basename "$file")"
  done

  install_man_pages "$binary"
  install_completions "$binary"
  write_manifest
}

install_man_pages() {
  local binary=$1 tool=$ROOT/.build-tools/debug/generate-manual pages=$SCRATCH/man
  (cd "$ROOT" && swift build --scratch-path .build-tools --product generate-manual -q) >&2
  local epoch=${SOURCE_DATE_EPOCH:-$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || date +%s)}
  local date
  date=$(date -u -d "@$epoch" +%Y-%m-%d)
  mkdir -p "$pages/one" "$pages/each"
  # generate-manual keeps only ASCII characters (its mdoc escaping skips the rest), which would
  # drop the Chinese of help texts and examples: it reads the help with every other character
  # spelled as an ASCII token (QQu<hex>QQ), and the pages get the characters back as UTF-8.
  # (swift-argument-parser 1.8.2, Tools/generate-manual/MDoc/String+Escaping.swift.)
  printf '#!/bin/bash\n"%s" "$@" | /usr/bin/python3 -c %q\n' "$(realpath "$binary")" \
    'import sys; sys.stdout.write("".join(c if ord(c) < 128 else "QQu%xQQ" % ord(c) for c in sys.stdin.read()))' \
    > "$SCRATCH/ascii-help"
  chmod +x "$SCRATCH/ascii-help"
  "$tool" "$SCRATCH/ascii-help" --date "$date" --output-directory "$pages/one"
  "$tool" "$SCRATCH/ascii-help" --date "$date" --multi-page --output-directory "$pages/each"
  /usr/bin/python3 -c '
import re, sys
for path in sys.argv[1:]:
    with open(path, encoding="ascii") as page:
        text = re.sub(r"QQu([0-9a-f]+)QQ", lambda m: chr(int(m.group(1), 16)), page.read())
    # A blank line in a discussion is a paragraph break; mdoc spells it .Pp (groff warns otherwise).
    text = re.sub(r"(?m)^$\n(?!\Z)", ".Pp\n", text)
    with open(path, "w", encoding="utf-8") as page:
        page.write(text)
' "$pages"/*/*.1
  put 644 "$pages/one/briefing.1" "$PREFIX/share/man/man1/briefing.1"
  local page
  for page in "$pages"/each/briefing.*.1; do
    [[ $page == */briefing.help.1 ]] || put 644 "$page" "$PREFIX/share/man/man1/$(basename "$page")"
  done
}

install_completions() {
  local binary=$1 scripts=$SCRATCH
  "$binary" --generate-completion-script bash > "$scripts/bash"
  "$binary" --generate-completion-script zsh > "$scripts/zsh"
  "$binary" --generate-completion-script fish > "$scripts/fish"
  put 644 "$scripts/bash" "$PREFIX/share/bash-completion/completions/briefing"
  put 644 "$scripts/zsh" "$PREFIX/share/zsh/site-functions/_briefing"
  put 644 "$scripts/fish" "$PREFIX/share/fish/vendor_completions.d/briefing.fish"
}

write_manifest() {
  local list=$SCRATCH/manifest
  {
    printf 'file %s\n' "${installed_files[@]}" "$MANIFEST"
    printf 'dir %s\n' "${created_dirs[@]}"
  } | sort -u > "$list"
  install -m 644 "$list" "$DESTDIR$MANIFEST"
  echo "installed $(grep -c '^file ' "$DESTDIR$MANIFEST") files under $DESTDIR$PREFIX (list: $DESTDIR$MANIFEST)"
}

# MARK: - Uninstall

uninstall_all() {
  [[ -f "$DESTDIR$MANIFEST" ]] || { echo "uninstall: nothing installed under $DESTDIR$PREFIX (no $DESTDIR$MANIFEST)" >&2; exit 1; }
  local kind path dirs=()
  while read -r kind path; do
    case $kind in
      file) rm -f "$DESTDIR$path" ;;
      dir) dirs+=("$path") ;;
    esac
  done < <(grep -v "^file $MANIFEST\$" "$DESTDIR$MANIFEST")
  rm -f "$DESTDIR$MANIFEST"
  # Deepest first; a folder that holds anything else stays.
  local dir
  while read -r dir; do
    [[ -n $dir ]] && rmdir "$DESTDIR$dir" 2>/dev/null || true
  done < <(printf '%s\n' "${dirs[@]}" | awk '{ print length($0) "\t" $0 }' | sort -rn | cut -f2-)
  echo "uninstalled from $DESTDIR$PREFIX"
}

case ${1:-} in
  install) install_all "${2:?install needs the binary to install}" ;;
  uninstall) uninstall_all ;;
  *) echo "usage: $0 install BINARY | uninstall" >&2; exit 64 ;;
esac
