# dossier: plain GNU make + pkg-config.
#   make          build ./dossier
#   make run      install missing Debian packages, build, compile input/ into output/
#   make test     install missing Debian packages, build, run the whole suite
#   make sanitize the suite under ASan + UBSan
#   make clean

VERSION := 0.1.0
CC      ?= cc
PKGS    := libxml-2.0 libxslt libexslt libcmark pangocairo pangoft2 cairo-pdf cairo-ft fontconfig glib-2.0 json-glib-1.0 libqpdf harfbuzz-subset
CSTD    := -std=c11 -D_GNU_SOURCE
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
OPT     ?= -O2 -g
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CFLAGS  += $(CSTD) $(WARN) $(OPT) -DDOSSIER_VERSION='"$(VERSION)"' $(PKG_CFLAGS)
LDLIBS  += $(PKG_LIBS) -lm -pthread

BUILD   ?= build
BIN     ?= dossier

# The stages, in pipeline order.
SRC_CORE := src/util.c src/diag.c src/dtime.c src/model.c src/output.c
SRC_LOAD := src/load/xml.c src/load/read.c src/load/load.c src/load/markdown.c \
            src/load/organisation.c src/load/calendars.c src/load/policies.c \
            src/load/services.c src/load/bia.c src/load/plans.c src/load/records.c \
            src/load/register.c src/load/link.c
SRC_COMPUTE := src/compute/spans.c src/compute/availability.c src/compute/recovery.c \
               src/compute/incidents.c src/compute/risk.c src/compute/kpi.c src/compute/quarter.c \
               src/compute/calc.c
SRC_FACTS := src/facts/num.c src/facts/facts.c src/facts/metrics.c
SRC_TYPESET := src/typeset/style.c src/typeset/text.c src/typeset/flow.c src/typeset/paginate.c \
               src/typeset/typeset.c src/typeset/chart.c src/typeset/subfont.c
SRC_RENDER := src/render/pdf.c src/render/fontpack.c
SRC_TRANSFORM := src/transform/xform.c
SRC_CONTROL := src/control/control.c src/control/diff.c src/build.c src/press.c src/pack.c
SRC_LIB  := $(SRC_CORE) $(SRC_LOAD) $(SRC_COMPUTE) $(SRC_FACTS) $(SRC_TRANSFORM) $(SRC_TYPESET) $(SRC_RENDER) \
            $(SRC_CONTROL)
SRC_MAIN := src/main.c

OBJ_LIB  := $(SRC_LIB:%.c=$(BUILD)/%.o)
OBJ_MAIN := $(SRC_MAIN:%.c=$(BUILD)/%.o)

UNIT_SRC := $(wildcard tests/unit/*.c)
UNIT_OBJ := $(UNIT_SRC:%.c=$(BUILD)/%.o)

.PHONY: all setup run test sanitize memcheck fuzz clean bench bench-quick regen
.SECONDARY:

all: $(BIN)

$(BIN): $(OBJ_LIB) $(OBJ_MAIN)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/run-unit: $(OBJ_LIB) $(UNIT_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

-include $(OBJ_LIB:.o=.d) $(OBJ_MAIN:.o=.d) $(UNIT_OBJ:.o=.d)

setup:
	@sh scripts/setup.sh

run: setup
	@$(MAKE) --no-print-directory dossier
	./dossier build -i input -o output

test: setup
	@$(MAKE) --no-print-directory dossier $(BUILD)/run-unit $(FUZZ_NAMES:%=$(BUILD)/fuzz-replay-%)
	@sh tests/run.sh

SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
sanitize: setup
	@$(MAKE) --no-print-directory BUILD=build-asan BIN=build-asan/dossier OPT="-O1 -g $(SAN)" \
		LDFLAGS="-fsanitize=address,undefined" build-asan/dossier build-asan/run-unit \
		$(FUZZ_NAMES:%=build-asan/fuzz-replay-%)
	@DOSSIER_FREE_AT_EXIT=1 ASAN_OPTIONS=detect_leaks=1:verify_asan_link_order=0 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 DOSSIER=build-asan/dossier UNIT=build-asan/run-unit REPLAY=build-asan sh tests/run.sh

# valgrind memcheck over the main paths (slow; not part of make test)
memcheck:
	@sh scripts/setup.sh valgrind libc6-dbg
	@$(MAKE) --no-print-directory dossier
	@sh tests/memcheck.sh


# ---- fuzzing -------------------------------------------------------------
# The harnesses of tests/fuzz with libFuzzer (clang, ASan, UBSan); each runs
# FUZZ_SECONDS. The same harnesses are built with the normal compiler as
# replayers (build/fuzz-replay-*), which the suite runs over the seeds and
# the inputs that once crashed (tests/fuzz/regress/).
FUZZ_SECONDS ?= 60
FUZZ_NAMES := sources markdown layout control
# the harnesses' objects are made again when a header they include changes
-include $(FUZZ_NAMES:%=$(BUILD)/tests/fuzz/fuzz_%.d) $(BUILD)/tests/fuzz/fuzz_common.d $(BUILD)/tests/fuzz/replay.d
FUZZ_COMMON := tests/fuzz/fuzz_common.c
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
fuzz:
	@sh scripts/setup.sh clang libclang-rt-dev
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang OPT="-O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
		$(FUZZ_NAMES:%=build-fuzz/fuzz-%)
	@sh tests/fuzz/seed.sh build-fuzz/seeds
	@for n in $(FUZZ_NAMES); do \
		mkdir -p build-fuzz/corpus/$$n build-fuzz/artifacts; \
		echo "fuzz: $$n for $(FUZZ_SECONDS) s"; \
		DOSSIER_DATA=$(CURDIR) ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
		build-fuzz/fuzz-$$n -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=4096 -max_len=65536 \
			-artifact_prefix=build-fuzz/artifacts/$$n- -print_final_stats=1 \
			build-fuzz/corpus/$$n build-fuzz/seeds/$$n tests/fuzz/regress/$$n 2>build-fuzz/$$n.log \
			|| { tail -60 build-fuzz/$$n.log; echo "fuzz: $$n FAILED (input in build-fuzz/artifacts/)"; exit 1; }; \
		grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' build-fuzz/$$n.log | tr '\n' ' '; echo; \
	done

$(BUILD)/fuzz-%: $(OBJ_LIB) $(BUILD)/tests/fuzz/fuzz_%.o $(BUILD)/tests/fuzz/fuzz_common.o
	$(CC) $(CFLAGS) -fsanitize=fuzzer $(LDFLAGS) -o $@ $^ $(LDLIBS)
$(BUILD)/fuzz-markdown: $(OBJ_LIB) $(BUILD)/tests/fuzz/fuzz_markdown.o $(BUILD)/tests/fuzz/fuzz_common.o
	$(CC) $(CFLAGS) -fsanitize=fuzzer $(LDFLAGS) -o $@ $^ $(LDLIBS)
$(BUILD)/tests/fuzz/fuzz_markdown.o: tests/fuzz/fuzz_sources.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -DFUZZ_ONLY=6 -MMD -MP -c -o $@ $<
$(BUILD)/fuzz-replay-%: $(OBJ_LIB) $(BUILD)/tests/fuzz/fuzz_%.o $(BUILD)/tests/fuzz/fuzz_common.o $(BUILD)/tests/fuzz/replay.o
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# rewrite the expected outputs of tests/bad and tests/golden from the
# current code; review them with git diff before committing
regen: setup
	@$(MAKE) --no-print-directory dossier
	@sh tests/regen-bad.sh
	@sh tests/regen-golden.sh

PEERS ?= 0
bench: setup
	@$(MAKE) --no-print-directory dossier
	@PEERS=$(PEERS) sh bench/run.sh

bench-quick: setup
	@$(MAKE) --no-print-directory dossier
	@python3 bench/typeset.py --quick

clean:
	rm -rf build build-asan build-fuzz dossier output tests/out
