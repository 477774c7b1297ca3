# neosim -- build, test, bench, install.
# Lua 5.4 and SQLite 3 come from the system through pkg-config; when they
# are missing, `make` installs them (apt-get on Debian) or says what to get.

VERSION   := 0.1.0
PREFIX    ?= /usr/local
SANITIZE  ?=
OPT       ?= -O2
WERROR    ?= -Werror

WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 \
        -Wdouble-promotion -Wpointer-arith -Wcast-qual -Wvla $(WERROR)
# -ffp-contract=off: no fused multiply-add, so results do not depend on the CPU.
BASE_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -g $(OPT) -ffp-contract=off $(WARN) \
               -DNEOSIM_VERSION='"$(VERSION)"' -DNEOSIM_LUA_DIR='"$(PREFIX)/share/neosim/lua"'

comma := ,
ifeq ($(SANITIZE),)
  BUILD := build/release
  BIN   := bin/neosim
else
  BUILD := build/san-$(subst $(comma),-,$(SANITIZE))
  BIN   := $(BUILD)/neosim
  BASE_CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
  LDSAN := -fsanitize=$(SANITIZE)
endif

DEB_BUILD_PKGS := pkg-config liblua5.4-dev libsqlite3-dev
DEB_TEST_PKGS  := sqlite3 lua5.4
DEB_BENCH_PKGS := python3-simpy

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

LIB_SRC  := $(filter-out sim/main.c,$(wildcard sim/*.c sim/model/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ := $(BUILD)/sim/main.o
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BENCH_SRC := $(wildcard tests/bench/*.c)
BENCH_BIN := $(BENCH_SRC:tests/bench/%.c=$(BUILD)/bench/%)

.PHONY: all test run bench install uninstall clean deps test-deps bench-deps
all: $(BIN)

ifeq ($(filter clean deps,$(MAKECMDGOALS)),)
include build/config.mk
endif

# Found once per checkout: pkg-config flags for Lua 5.4 and SQLite 3.
build/config.mk:
	$(call ensure,$(DEB_BUILD_PKGS),pkg-config --exists sqlite3 && (pkg-config --exists lua5.4 || pkg-config --exists lua-5.4 || pkg-config --exists lua54))
	@mkdir -p build
	@lua=$$(for p in lua5.4 lua-5.4 lua54; do pkg-config --exists $$p && { echo $$p; break; }; done); \
	printf 'DEP_CFLAGS := %s\nDEP_LIBS := %s\n' \
	  "$$(pkg-config --cflags $$lua sqlite3)" "$$(pkg-config --libs $$lua sqlite3)" >$@

CFLAGS_ALL = $(BASE_CFLAGS) $(DEP_CFLAGS) $(CFLAGS)
LIBS_ALL   = $(LDSAN) $(DEP_LIBS) -lm $(LDFLAGS)

$(BUILD)/%.o: %.c build/config.mk
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -Isim -MMD -MP -c $< -o $@

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

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(UNIT_BIN:$(BUILD)/tests/%=$(BUILD)/tests/unit/%.d)

test-deps:
	$(call ensure,$(DEB_TEST_PKGS),command -v sqlite3 && command -v lua5.4)

bench-deps:
	$(call ensure,$(DEB_BENCH_PKGS),python3 -c 'import simpy')

test: $(BIN) $(UNIT_BIN) test-deps
	@NEOSIM=$(BIN) BUILD=$(BUILD) sh tests/run.sh

run: $(BIN)
	@./$(BIN) run scenarios/erlang_b.lua --db results/neosim.db

bench: $(BIN) $(BENCH_BIN) bench-deps
	@NEOSIM=$(BIN) BUILD=$(BUILD) sh tests/bench/run.sh

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/neosim/lua/neo
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/neosim
	@if ls lua/neo/*.lua >/dev/null 2>&1; then \
	  install -m 644 lua/neo/*.lua $(DESTDIR)$(PREFIX)/share/neosim/lua/neo/; fi

uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/bin/neosim $(DESTDIR)$(PREFIX)/share/neosim

clean:
	rm -rf build bin
