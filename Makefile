# Briefing — two commands on a fresh Debian 12 machine: `make demo` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := demo

# System packages the build, the renderer and the tests need (installed only when missing).
APT_PACKAGES := pkg-config libcairo2-dev libpango1.0-dev libopencc-dev fonts-noto-cjk poppler-utils qpdf \
  python3-fonttools python3-munkres fonts-dejavu-core zlib1g-dev time libssl-dev libfreexl-dev python3-xlwt \
  libsqlite3-dev libpq-dev libdeflate-dev libharfbuzz-bin
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
SWIFT_FLAGS ?=
RELEASE_BIN := .build/release/briefing
OUT ?= Output

# Installed by `make test` only (the browser and delivery tests skip, saying so, without them).
# Measured on Debian 12 (bookworm): chromium is 23 packages, 122 MB to fetch, 411 MB on disk,
# 15 s to unpack and set up; msmtp + python3-aiosmtpd are 12 packages, 5 MB, 4 s; curl with its
# libraries about 2 MB (it was already installed here, so not timed).
# At 10 MB/s that is under a minute in all, so `make test` stays well under 15 minutes.
# python3-docx (about 1 MB with python3-lxml) reads the Word copies back in the docx tests.
# postgresql: the server the PostgreSQL source tests run against (Tools/with-test-postgres.sh);
# with its client and common packages about 19 MB to fetch, 63 MB on disk (apt-cache sizes for
# Debian 12; it was already installed here, so not timed).
# python3-jsonschema and python3-yaml validate the shipped YAML files against their schemas;
# sqlite3 (the shell, 0.4 MB) runs the guide's SQLite steps (docs/zh-CN/03-own-data.md).
TEST_APT_PACKAGES := chromium msmtp python3-aiosmtpd curl python3-docx postgresql python3-jsonschema \
  python3-yaml sqlite3
test: APT_PACKAGES += $(TEST_APT_PACKAGES)

.PHONY: setup fonts build demo test bench fuzz clean
FONT_DIR := .build/fonts

## setup: install the Debian packages that are missing (apt-get update only when needed)
setup:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "setup: installing$$missing"; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	else \
	  echo "setup: system packages present"; \
	fi

## fonts: derive small-PDF copies of Noto Sans CJK (same outlines; cairo subsets them to a few KB)
fonts: setup
	@/usr/bin/python3 Tools/build_cjk_fonts.py $(FONT_DIR)

## build: release build of the `briefing` tool (Swift runtime linked in: starts in half the time)
build: fonts
	swift build -c release --static-swift-stdlib $(SWIFT_FLAGS)

SAMPLE := Samples/jiuquan-2024h1

## demo: render the bundled half-year sample into Output/ and print the paths written.
## Uses the debug build, the one `make test` needs too: measured on a fresh clone on 2 cores, the
## release build took 2 min 13 s of the demo's wall time and the debug build 43 s, while the three
## renders take 1.5 s with the debug binary (0.7 s release). `make build` makes the release tool.
DEBUG_BIN := .build/debug/briefing
demo: fonts
	swift build $(SWIFT_FLAGS)
	$(DEBUG_BIN) render --data $(SAMPLE) --layout Layouts/half-year-comparison.yaml --focus 肃州区 --period 2024-H1 --out $(OUT) --format pdf,png,docx,md
	$(DEBUG_BIN) render --data $(SAMPLE) --layout Layouts/ranking-bulletin.yaml --period 2024-H1 --out $(OUT)
	$(DEBUG_BIN) render --data $(SAMPLE) --layout Layouts/region-charts.yaml --period 2024-H1 --out $(OUT) | sed -n '1p;$$p'
	@echo "demo: $$(find $(OUT) -name '*.png' -path '*region-charts*' | wc -l) region charts under $(OUT)/region-charts-2024-H1/"

## readme-images: pages 2 and 3 of Layouts/gallery.yaml as the README's PNGs (72 dpi, optipng)
.PHONY: readme-images
readme-images: build
	rm -rf .build/gallery
	$(RELEASE_BIN) render --data $(SAMPLE) --layout Layouts/gallery.yaml --focus 肃州区 --period 2024-H1 --out .build/gallery --dpi 0
	pdftoppm -r 72 -png -f 2 -l 3 .build/gallery/gallery-肃州区-2024-H1.pdf Layouts/images/gallery-page
	if command -v optipng >/dev/null; then optipng -quiet -o5 Layouts/images/gallery-page-*.png; \
	else echo "readme-images: optipng missing (apt-get install optipng); PNGs not optimised"; fi

## test: unit, scene, render and end-to-end CLI tests
test: fonts
	swift build $(SWIFT_FLAGS)
	@# Beside a scratch PostgreSQL server (started as an unprivileged user, stopped after).
	@# Tests run in parallel: cairo's FreeType faces are used one thread at a time (CairoKit's
	@# FontFaceLock), which ended the crashes that once made this target run them one at a time.
	Tools/with-test-postgres.sh swift test $(SWIFT_FLAGS)

## install: the release binary, layouts, derived fonts, calendars, recipes, schemas, man pages and
## bash/zsh/fish completions under $(DESTDIR)$(PREFIX) (Tools/install.sh says where each goes);
## INSTALL_BIN=path installs that binary instead of building the release one
PREFIX ?= /usr/local
INSTALL_BIN ?=
.PHONY: install uninstall
install: $(if $(INSTALL_BIN),,build)
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" Tools/install.sh install "$(or $(INSTALL_BIN),$(RELEASE_BIN))"

## schemas: JSON Schemas of the layout, job, scoring and intake-map files into Schemas/, generated
## from the loaders and documented from the sources (commit them; a test checks they are current)
SCHEMA_KINDS := layout job scoring intake-map
.PHONY: schemas
schemas:
	swift build $(SWIFT_FLAGS)
	@for kind in $(SCHEMA_KINDS); do \
	  .build/debug/briefing schema $$kind --from-sources Sources > Schemas/$$kind.schema.json.tmp && \
	  mv Schemas/$$kind.schema.json.tmp Schemas/$$kind.schema.json && echo "schemas: Schemas/$$kind.schema.json"; \
	done

## uninstall: removes exactly the files `make install` wrote (its manifest) and the folders it created
uninstall:
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" Tools/install.sh uninstall

## fuzz: coverage-guided fuzzing of the CSV, XLSX, layout and job readers (FUZZ_SECONDS, default 600)
## A crashing input is saved as $(OUT)/fuzz/crash-*; replay it with `.build-fuzz/release/briefing-fuzz FILE`.
## SWIFT_BACKTRACE=enable=no lets libFuzzer, not Swift's backtracer, catch a trap and save the input.
FUZZ_SECONDS ?= 600
FUZZ_DIR := $(OUT)/fuzz
fuzz: build
	swift build -c release --product briefing-fuzz --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer
	$(RELEASE_BIN) analyze --data $(SAMPLE) --format xlsx --out $(FUZZ_DIR)/sample.xlsx
	Tools/fuzz_seeds.sh $(FUZZ_DIR)/corpus $(FUZZ_DIR)/sample.xlsx
	SWIFT_BACKTRACE=enable=no .build-fuzz/release/briefing-fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=10 \
	  -artifact_prefix=$(FUZZ_DIR)/ $(FUZZ_DIR)/corpus

## bench: timings into Output/bench/RESULTS.md (Tools/bench/run-all.sh; BENCH_QUICK=1 is shorter)
bench: fonts
	SWIFT_FLAGS="$(SWIFT_FLAGS)" Tools/bench/run-all.sh

clean:
	rm -rf .build
