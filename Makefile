# neosim -- build, test, bench, install.
# Lua 5.4 and SQLite 3 come from the system through pkg-config; when they
# are missing, `make` installs them (apt-get on Debian) or says what to get.

VERSION   := 0.3.0
PREFIX    ?= /usr/local
SANITIZE  ?=
# -O3 over -O2: 2.4% fewer instructions on reference_100k.lua, the same
# results (no option here reorders floating-point arithmetic).
OPT       ?= -O3
WERROR    ?= -Werror

WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 \
        -Wdouble-promotion -Wpointer-arith -Wcast-qual -Wvla $(WERROR)
# -ffp-contract=off: no fused multiply-add, so results do not depend on the CPU.
BASE_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -g $(OPT) -ffp-contract=off $(WARN) \
               -DNEOSIM_VERSION='"$(VERSION)"' -DNEOSIM_LUA_DIR='"$(PREFIX)/share/neosim/lua"'

comma := ,
ifneq ($(FUZZ),)
  # make fuzz: clang, libFuzzer, ASan + UBSan (tests/fuzz/run.sh); clang's
  # warnings are not gcc's, so they do not stop this build
  CC    := clang
  BASE_CFLAGS := $(filter-out -Werror,$(BASE_CFLAGS))
  BUILD := build/fuzz
  BIN   := $(BUILD)/neosim
  BASE_CFLAGS += -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
  BASE_CFLAGS += -DNEOSIM_CHECKS
  LDSAN := -fsanitize=address,undefined
else ifneq ($(DEBUG),)
  # make DEBUG=1: no optimisation, the invariant checks on (invariant.h)
  BUILD := build/debug
  BIN   := $(BUILD)/neosim
  BASE_CFLAGS := $(filter-out $(OPT),$(BASE_CFLAGS)) -O0 -DNEOSIM_CHECKS
else ifeq ($(SANITIZE),)
  BUILD := build/release
  BIN   := bin/neosim
  # Link-time optimisation: the engine's calls into the pending-event set
  # and the model's into the engine inline across files (5% on the M/M/1
  # bench).  Objects then hold GCC's intermediate code: archive them with
  # gcc-ar.  `make LTO=` builds without.
  LTO ?= -flto=auto
  ifneq ($(LTO),)
    AR := gcc-ar
  endif
else
  BUILD := build/san-$(subst $(comma),-,$(SANITIZE))
  BIN   := $(BUILD)/neosim
  BASE_CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all -DNEOSIM_CHECKS
  LDSAN := -fsanitize=$(SANITIZE)
endif
FUZZ_SECONDS ?= 60

DEB_BUILD_PKGS := pkg-config liblua5.4-dev libsqlite3-dev
DEB_TEST_PKGS  := sqlite3 lua5.4 python3 chromium
DEB_BENCH_PKGS := python3-simpy python3-simpy3 time
DEB_FUZZ_PKGS  := clang libclang-rt-dev
DEB_STYLE_PKGS := clang-format clang
DEB_VALGRIND_PKGS := valgrind
# What each set's packages provide: when the check passes, nothing is installed.
BUILD_CHECK := pkg-config --exists sqlite3 && \
  (pkg-config --exists lua5.4 || pkg-config --exists lua-5.4 || pkg-config --exists lua54)
TEST_CHECK  := command -v sqlite3 && command -v lua5.4 && command -v luac5.4 && command -v python3 && \
  command -v chromium
STYLE_CHECK := command -v clang-format && command -v clang

# Install Debian packages named in $(1) unless the check $(2) already passes.
define ensure
	@if ! ( $(2) ) >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "neosim: installing $(1) with apt-get"; \
	    s=; [ "$$(id -u)" -eq 0 ] || s=sudo; \
	    $$s apt-get install -y -q --no-install-recommends $(1) >/dev/null || \
	      { $$s apt-get update -q >/dev/null && $$s apt-get install -y -q --no-install-recommends $(1) >/dev/null; } || \
	      { echo "neosim: apt-get could not install $(1)" >&2; exit 1; }; \
	  else \
	    echo "neosim: missing $(1) (Debian names). Elsewhere install the equivalents:" >&2; \
	    echo "  Fedora: lua-devel sqlite-devel sqlite pkgconf   macOS: brew install lua sqlite pkg-config" >&2; \
	    exit 1; \
	  fi; \
	fi
endef

# The layers of sim/, each a folder that may use only the layers below it:
# its objects compile with the include paths of those folders alone, so a
# model file that includes a store or Lua header does not compile.  Lua's
# headers are given to sim/lua only, SQLite's to sim/store only (sqlite3.h
# sits in /usr/include, reachable by any file: elsewhere SQLITE_API, which
# prefixes its every declaration, is defined to a name that stops the
# compile and says why).  tests/ sees every layer.
LAYERS     := core model lua store run cli
USES_core  := core
USES_model := core model
USES_lua   := core model lua
USES_store := core store
USES_run   := core model lua store run
USES_cli   := core model lua store run cli
NO_SQLITE  := -DSQLITE_API=sqlite3_h_is_for_sim_store_only
layer_cflags = $(addprefix -Isim/,$(USES_$(1))) \
  $(if $(filter lua,$(1)),$(LUA_CFLAGS)) $(if $(filter store,$(1)),$(SQLITE_CFLAGS),$(NO_SQLITE))
ALL_INC = $(addprefix -Isim/,$(LAYERS)) $(LUA_CFLAGS) $(SQLITE_CFLAGS)

LIB_SRC  := $(filter-out sim/cli/main.c,$(foreach l,$(LAYERS),$(wildcard sim/$(l)/*.c)))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
LIB_OBJ  += $(BUILD)/schema.o
MAIN_OBJ := $(BUILD)/sim/cli/main.o
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BENCH_SRC := $(wildcard tests/bench/*.c)
BENCH_BIN := $(BENCH_SRC:tests/bench/%.c=$(BUILD)/bench/%)
# The fuzz targets: libFuzzer programs in make fuzz, else with a plain main
# over files (tests/fuzz/driver.c) that make test runs on the regression inputs.
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_SRC := $(filter-out tests/fuzz/fuzz_common.c,$(FUZZ_SRC))
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)
FUZZ_OBJ := $(BUILD)/tests/fuzz/fuzz_common.o $(if $(FUZZ),,$(BUILD)/tests/fuzz/driver.o)
FUZZ_LINK := $(if $(FUZZ),-fsanitize=fuzzer)

.PHONY: all test run bench docs tables install uninstall clean deps test-deps bench-deps fuzz fuzz-deps fuzz-targets valgrind golden layer-flags layer-uses format
all: $(BIN)

ifeq ($(filter clean deps,$(MAKECMDGOALS)),)
include build/config.mk
endif

# Found once per checkout (and when this file changes): pkg-config flags
# for Lua 5.4 and SQLite 3.
build/config.mk: Makefile
	$(call ensure,$(DEB_BUILD_PKGS),$(BUILD_CHECK))
	@mkdir -p build
	@lua=$$(for p in lua5.4 lua-5.4 lua54; do pkg-config --exists $$p && { echo $$p; break; }; done); \
	printf 'LUA_CFLAGS := %s\nSQLITE_CFLAGS := %s\nDEP_LIBS := %s\n' "$$(pkg-config --cflags $$lua)" \
	  "$$(pkg-config --cflags sqlite3)" "$$(pkg-config --libs $$lua sqlite3)" >$@

CFLAGS_ALL = $(BASE_CFLAGS) $(LTO) $(CFLAGS)
LIBS_ALL   = $(LTO) $(LDSAN) $(DEP_LIBS) -lm -pthread $(LDFLAGS)

# The compile flags of this build dir, VERSION included: rewritten when they
# change, so every object depending on it is rebuilt (a new VERSION must
# not leave objects that still say the old one).
FLAGS := $(BUILD)/cflags
ifeq ($(filter clean deps,$(MAKECMDGOALS)),)
  ifneq ($(file <$(FLAGS)),$(CFLAGS_ALL))
    $(shell mkdir -p $(BUILD))
    $(file >$(FLAGS),$(CFLAGS_ALL))
  endif
endif

define layer_rule
$$(BUILD)/sim/$(1)/%.o: sim/$(1)/%.c build/config.mk $$(FLAGS)
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS_ALL) $$(call layer_cflags,$(1)) -MMD -MP -c $$< -o $$@
endef
$(foreach l,$(LAYERS),$(eval $(call layer_rule,$(l))))

$(BUILD)/tests/%.o: tests/%.c build/config.mk $(FLAGS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) $(ALL_INC) -MMD -MP -c $< -o $@

# The flags a layer's files compile with, and the layers it may use
# (tests/e2e/layers.sh checks them).
layer-flags:
	@echo $(CC) $(CFLAGS_ALL) $(call layer_cflags,$(LAYER))
layer-uses:
	@echo $(USES_$(LAYER))

# results/schema.sql compiled in as store_schema_sql (store.h): one source
# of truth, each byte an octal escape (od and sed only, no xxd).
$(BUILD)/schema.c: results/schema.sql
	@mkdir -p $(@D)
	@{ echo '/* generated by the Makefile from results/schema.sql: do not edit */'; \
	  echo '#include "store.h"'; echo 'const char store_schema_sql[] ='; \
	  od -An -v -to1 $< | sed 's/ *\([0-7][0-7][0-7]\)/\\\1/g; s/[[:space:]]//g; /./!d; s/.*/  "&"/'; \
	  echo ';'; } >$@.tmp && mv $@.tmp $@

$(BUILD)/schema.o: $(BUILD)/schema.c build/config.mk $(FLAGS)
	$(CC) $(CFLAGS_ALL) $(call layer_cflags,store) -MMD -MP -c $< -o $@

$(BUILD)/libneosim.a: $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(MAIN_OBJ) $(BUILD)/libneosim.a
	@mkdir -p $(@D)
	$(CC) -o $@ $^ $(LIBS_ALL)

$(BUILD)/tests/%: $(BUILD)/tests/unit/%.o $(BUILD)/libneosim.a
	$(CC) -o $@ $^ $(LIBS_ALL)

$(BUILD)/bench/%: $(BUILD)/tests/bench/%.o $(BUILD)/libneosim.a
	@mkdir -p $(@D)
	$(CC) -o $@ $^ $(LIBS_ALL)

$(BUILD)/fuzz/%: $(BUILD)/tests/fuzz/%.o $(FUZZ_OBJ) $(BUILD)/libneosim.a
	@mkdir -p $(@D)
	$(CC) $(FUZZ_LINK) -o $@ $^ $(LIBS_ALL)

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(UNIT_BIN:$(BUILD)/tests/%=$(BUILD)/tests/unit/%.d) \
         $(BENCH_BIN:$(BUILD)/bench/%=$(BUILD)/tests/bench/%.d) $(FUZZ_BIN:$(BUILD)/fuzz/%=$(BUILD)/tests/fuzz/%.d) \
         $(FUZZ_OBJ:.o=.d)
.SECONDARY: # keep the objects of tests and benchmarks

test-deps:
	$(call ensure,$(DEB_TEST_PKGS),$(TEST_CHECK))

# make deps: install what building and every test need (Debian: apt-get),
# the style checkers (tests/e2e/format.sh, style.sh) included; builds nothing.
deps:
	$(call ensure,$(DEB_BUILD_PKGS),$(BUILD_CHECK))
	$(call ensure,$(DEB_TEST_PKGS),$(TEST_CHECK))
	$(call ensure,$(DEB_STYLE_PKGS),$(STYLE_CHECK))
	@echo "neosim: the build and test dependencies are installed"

# make format: the C tree formatted as .clang-format says (make test checks it).
format:
	$(call ensure,clang-format,command -v clang-format)
	@find sim tests -name '*.[ch]' | xargs clang-format -i

bench-deps:
	$(call ensure,$(DEB_BENCH_PKGS),/usr/bin/python3 -c 'import simpy; import SimPy' && test -x /usr/bin/time)

test: $(BIN) $(UNIT_BIN) $(FUZZ_BIN) test-deps
	@NEOSIM=$(BIN) BUILD=$(BUILD) sh tests/run.sh

fuzz-deps:
	$(call ensure,$(DEB_FUZZ_PKGS),printf 'int LLVMFuzzerTestOneInput(const char *d, long n) { return 0; }' | clang -fsanitize=fuzzer -x c - -o /dev/null)

# make fuzz: each target for FUZZ_SECONDS (default 60) from a seed corpus
# (shipped, broken and hostile scenarios; tests/fuzz/corpus/args), in build/fuzz.
fuzz: fuzz-deps
	@$(MAKE) -s FUZZ=1 fuzz-targets
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh build/fuzz

fuzz-targets: $(FUZZ_BIN)

# make valgrind: the end-to-end tests with neosim under valgrind (tests/valgrind.sh).
valgrind: $(BIN) $(FUZZ_BIN) test-deps
	$(call ensure,$(DEB_VALGRIND_PKGS),command -v valgrind)
	@NEOSIM=$(BIN) BUILD=$(BUILD) sh tests/valgrind.sh

run: $(BIN)
	@./$(BIN) run scenarios/erlang_b.lua --db results/neosim.db

bench: $(BIN) $(BENCH_BIN) bench-deps
	@NEOSIM=$(BIN) BUILD=$(BUILD) sh tests/bench/run.sh

# The scenario reference, rendered from lua/neo/schema.lua with lua5.4 alone;
# tests/e2e/docs.sh fails when the committed file is not a fresh render.
docs: $(BIN)
	$(call ensure,lua5.4,command -v lua5.4)
	@lua5.4 docs/render.lua >docs/scenario-reference.md.tmp && \
	  mv docs/scenario-reference.md.tmp docs/scenario-reference.md && echo "wrote docs/scenario-reference.md"
	@sh docs/cli.sh $(BIN) >docs/cli-reference.md.tmp && \
	  mv docs/cli-reference.md.tmp docs/cli-reference.md && echo "wrote docs/cli-reference.md"

# The golden record of the shipped scenarios' results (tests/golden/run.sh):
# tests/e2e/golden.sh fails when a run differs from it.  Rewrite it only in
# a commit that says which figures moved and why.
golden: $(BIN) test-deps
	@sh tests/golden/run.sh $(BIN) $(BUILD)/golden >tests/golden/shipped.golden.tmp && \
	  mv tests/golden/shipped.golden.tmp tests/golden/shipped.golden && echo "wrote tests/golden/shipped.golden"

# The exponential sampler's ziggurat tables, computed in 60-digit decimals
# by python3; tests/e2e/docs.sh fails when the committed header differs.
tables:
	$(call ensure,python3,command -v python3)
	@python3 tools/ziggurat.py >sim/core/dist_ziggurat.h.tmp && \
	  mv sim/core/dist_ziggurat.h.tmp sim/core/dist_ziggurat.h && echo "wrote sim/core/dist_ziggurat.h"

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/neosim/lua/neo
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/neosim
	@if ls lua/neo/*.lua >/dev/null 2>&1; then \
	  install -m 644 lua/neo/*.lua $(DESTDIR)$(PREFIX)/share/neosim/lua/neo/; fi

uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/bin/neosim $(DESTDIR)$(PREFIX)/share/neosim

clean:
	rm -rf build bin
