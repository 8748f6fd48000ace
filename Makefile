# qscore -- build, test and install.
#
#   make             build/qscore (warnings are errors; needs only the runtime packages)
#   make test        install missing test packages (scripts/install-deps.sh --test), build and
#                    run the Criterion suite (make test-run: the same without the packages step)
#   make asan        the suite again under AddressSanitizer + UndefinedBehaviorSanitizer
#   make valgrind    qscore under valgrind on the samples and hostile inputs (no leaks, no errors)
#   make samples     install missing runtime packages, build, score the bundled samples
#                    (make samples-run: the same without the packages step)
#   make install     PREFIX=/usr/local DESTDIR= : the binary, the rules, the schemas, the
#                    manual pages (en, zh_CN), the completion, the docs and the samples
#   make deb         build/qscore_VERSION_ARCH.deb (scripts/mkdeb.sh)
#   make deb-check   that .deb installed with apt into a clean Debian 12 root, and a sample
#                    scored there with the installed qscore (scripts/deb-check.sh; root)
#   make fuzz        FUZZ_SECONDS=60 : libFuzzer (clang, ASan, UBSan) over import, score, render,
#                    and the xlsx reader (half of the seconds each)
#   make format / make check-format   clang-format
#
# Variables are recursive (=) on purpose: pkg-config runs when a recipe needs the flags, so
# `make samples` can install the packages first on a fresh machine.

PREFIX ?= /usr/local
DESTDIR ?=
BUILD ?= build
CC ?= cc
CFLAGS ?= -O2 -g
LDFLAGS ?=

# libxlsxwriter is not linked but opened when a workbook is written (base/qs_xlsxw.c):
# its headers at build time, its SONAME (libxlsxwriter.so.4 on Debian 12) at run time.
# libzip reads the intake workbooks (intake/qs_xlsx_read.c).
PKGS = libxml-2.0 libxslt jansson nettle libzip sqlite3
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) xlsxwriter)
PKG_LIBS = $(shell pkg-config --libs $(PKGS))
XLSX_SONAME = $(shell objdump -p $$($(CC) -print-file-name=libxlsxwriter.so) | \
	awk '/SONAME/ { print $$2 }')
QS_CFLAGS = -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -Ibase -Iengine -Iimporters \
	-Iintake -Ipanel -I$(BUILD)/gen $(PKG_CFLAGS) -MMD -MP
# libclips-dev ships the static library only as -lclips; it uses libm without saying so.
# MALLOC_LIBS: jemalloc instead of glibc's malloc. CLIPS, libxml2 and libxslt allocate and free
# millions of small blocks per batch; with glibc a third of a batch's time was malloc and free
# (malloc_consolidate, unlink_chunk), with jemalloc a batch takes about a quarter less time
# (docs/PERFORMANCE.md). The sanitizer builds (asan, fuzz) bring their own allocator and set
# MALLOC_LIBS empty; valgrind follows jemalloc through --soname-synonyms.
MALLOC_LIBS ?= $(shell pkg-config --libs jemalloc)
LIBS = $(PKG_LIBS) -lclips -lm $(MALLOC_LIBS)

# The library (libqscore.a: importers, engine, renderers, batch) and the tool apart, as curl's
# lib/ and src/: src/ is the qscore command line (options, one file per command), linked
# against the library; nothing in engine/ or importers/ includes a header of src/.
LIB_SRC = $(wildcard base/*.c) $(wildcard importers/*.c) $(wildcard engine/*.c) \
	$(wildcard intake/*.c) $(wildcard panel/*.c)
TOOL_SRC = $(wildcard src/*.c)
TOOL_OBJ = $(patsubst %.c,$(BUILD)/obj/%.o,$(TOOL_SRC))
LIB_OBJ = $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRC)) $(BUILD)/obj/gen/builtin.o \
	$(BUILD)/obj/gen/xsd_model.o $(BUILD)/obj/gen/xsd_layout.o
RULES = $(sort $(wildcard rules/2025/*.clp))
SCHEMAS = $(sort $(wildcard schemas/*.xsd schemas/*.xsl))
# The words of every finding and message, one catalog per language (base/qs_finding.h).
MESSAGES = i18n/zh.txt i18n/en.txt
TEST_SRC = $(wildcard tests/*.c)
TEST_OBJ = $(patsubst %.c,$(BUILD)/obj/%.o,$(TEST_SRC))
SAMPLES = $(sort $(wildcard samples/*.xml))

.PHONY: all test test-run asan valgrind fuzz samples samples-run deps deps-test install \
	uninstall deb deb-check clean format check-format panel-demo

all: $(BUILD)/qscore

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(QS_CFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -Wall -Wextra -Werror -O2 $< -o $@

$(BUILD)/tools/gensub: tools/gensub.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -Wall -Wextra -Werror -O2 -D_POSIX_C_SOURCE=200809L $< -lm -o $@

$(BUILD)/gen/builtin.c: $(BUILD)/tools/embed $(RULES) $(SCHEMAS) $(MESSAGES)
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed $@ @qs_builtin_rules $(RULES) @qs_builtin_schemas $(SCHEMAS) \
		@qs_builtin_messages $(MESSAGES)

$(BUILD)/obj/gen/builtin.o: $(BUILD)/gen/builtin.c base/qs_builtin.h
	@mkdir -p $(dir $@)
	$(CC) $(QS_CFLAGS) $(CFLAGS) -Iengine -c $< -o $@

# The evidence model (docs/ARCHITECTURE.md): tools/xsdmodel reads the submission schema, the one
# source of the elements, attributes and their types, and writes the model the importer's
# tables name (build/gen/xsd_model.c, .h). tools/checkmodel then checks the tables and the
# rules' deftemplates against it; qscore and the tests are linked only once it passes.
SUBMISSION_XSD = schemas/submission-2025.xsd

$(BUILD)/tools/xsdmodel: tools/xsdmodel.c tools/xsd_read.h
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -Wall -Wextra -Werror -O2 -D_POSIX_C_SOURCE=200809L \
		$(shell pkg-config --cflags libxml-2.0) $< $(shell pkg-config --libs libxml-2.0) -o $@

$(BUILD)/gen/xsd_model.c $(BUILD)/gen/xsd_model.h &: $(BUILD)/tools/xsdmodel $(SUBMISSION_XSD)
	@mkdir -p $(dir $@)
	$(BUILD)/tools/xsdmodel $(SUBMISSION_XSD) $(BUILD)/gen/xsd_model.c $(BUILD)/gen/xsd_model.h

$(BUILD)/obj/gen/xsd_model.o: $(BUILD)/gen/xsd_model.c importers/qs_model.h
	@mkdir -p $(dir $@)
	$(CC) $(QS_CFLAGS) $(CFLAGS) -c $< -o $@

# The intake workbook's layout (intake/qs_layout.h): tools/xsdlayout reads the same schema, with
# its Chinese labels (xs:appinfo), and writes build/gen/xsd_layout.c.
$(BUILD)/tools/xsdlayout: tools/xsdlayout.c tools/xsd_read.h
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -Wall -Wextra -Werror -O2 -D_POSIX_C_SOURCE=200809L \
		$(shell pkg-config --cflags libxml-2.0) $< $(shell pkg-config --libs libxml-2.0) -o $@

$(BUILD)/gen/xsd_layout.c: $(BUILD)/tools/xsdlayout $(SUBMISSION_XSD)
	@mkdir -p $(dir $@)
	$(BUILD)/tools/xsdlayout $(SUBMISSION_XSD) $@

$(BUILD)/obj/gen/xsd_layout.o: $(BUILD)/gen/xsd_layout.c intake/qs_layout.h
	@mkdir -p $(dir $@)
	$(CC) $(QS_CFLAGS) $(CFLAGS) -c $< -o $@

# Whatever includes importers/qs_family.h needs the generated header first.
$(patsubst %.c,$(BUILD)/obj/%.o,$(wildcard importers/*.c)) $(BUILD)/obj/tools/checkmodel.o: \
	$(BUILD)/gen/xsd_model.h

$(BUILD)/tools/checkmodel: $(BUILD)/obj/tools/checkmodel.o $(BUILD)/libqscore.a
	$(CC) $(CFLAGS) $(LDFLAGS) $^ $(LIBS) -o $@

$(BUILD)/gen/model-checked: $(BUILD)/tools/checkmodel $(RULES)
	$(BUILD)/tools/checkmodel rules/2025
	@touch $@

$(BUILD)/libqscore.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

# The built-in rules as a CLIPS binary image: mkimage (linked without an image) parses the
# rules text and bsaves it; the image is embedded beside the library, so qscore and the tests
# load it at start instead of parsing the text (see base/qs_builtin.h).
$(BUILD)/tools/mkimage: $(BUILD)/obj/tools/mkimage.o $(BUILD)/libqscore.a
	$(CC) $(CFLAGS) $(LDFLAGS) $^ $(LIBS) -o $@

$(BUILD)/gen/rules.img: $(BUILD)/tools/mkimage
	$(BUILD)/tools/mkimage $@ $(BUILD)/gen/rules.idx

$(BUILD)/gen/image.c: $(BUILD)/tools/embed $(BUILD)/gen/rules.img
	$(BUILD)/tools/embed $@ @qs_builtin_image $(BUILD)/gen/rules.img $(BUILD)/gen/rules.idx

$(BUILD)/obj/gen/image.o: $(BUILD)/gen/image.c base/qs_builtin.h
	@mkdir -p $(dir $@)
	$(CC) $(QS_CFLAGS) $(CFLAGS) -Iengine -c $< -o $@

$(BUILD)/qscore: $(TOOL_OBJ) $(BUILD)/obj/gen/image.o $(BUILD)/libqscore.a \
	| $(BUILD)/gen/model-checked
	$(CC) $(CFLAGS) $(LDFLAGS) $^ $(LIBS) -o $@

$(BUILD)/qscore-tests: $(TEST_OBJ) $(BUILD)/obj/gen/image.o $(BUILD)/libqscore.a \
	| $(BUILD)/gen/model-checked
	$(CC) $(CFLAGS) $(LDFLAGS) $^ $(LIBS) -lcriterion -o $@

$(TEST_OBJ): QS_CFLAGS += -DQS_BUILD_DIR='"$(BUILD)"'
$(BUILD)/obj/base/qs_xlsxw.o: QS_CFLAGS += -DQS_XLSXWRITER_SONAME='"$(XLSX_SONAME)"'

# tools/panelsim: a simulated panel that fills score sheets (make panel-demo).
$(BUILD)/tools/panelsim: $(BUILD)/obj/tools/panelsim.o $(BUILD)/libqscore.a
	$(CC) $(CFLAGS) $(LDFLAGS) $^ $(LIBS) -o $@

# The bench tools are built with the tests, so that a change that breaks them fails CI, not
# the next `make bench`.
BENCH_TOOLS = $(BUILD)/tools/bench_floor $(BUILD)/tools/bench_naive $(BUILD)/tools/bench_peak
# The README's second command: on a machine set up by the first, install the test packages
# (a no-op once they are there; as another user than root it prints the sudo line and stops),
# then build and run the suite. Only the tests link Criterion: `make` never needs it.
test: deps-test
	$(MAKE) test-run

test-run: $(BUILD)/qscore $(BUILD)/qscore-tests $(BUILD)/tools/gensub $(BENCH_TOOLS)
	$(BUILD)/qscore-tests $(TEST_ARGS)

# One test at a time: Criterion 2.4's runner itself leaks a block when tests run in parallel
# (only libcriterion frames in the report), and a suppression broad enough to hide it would
# hide leaks in our tests too, whose stacks pass through libcriterion.
asan:
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan-xlsxwriter.supp $(MAKE) BUILD=build/asan TEST_ARGS="-j1 $(TEST_ARGS)" MALLOC_LIBS= \
		CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
		LDFLAGS="-fsanitize=address,undefined" test

# qscore itself under valgrind on every sample, every broken or hostile test input, and the
# other commands (-o into a regular file of the build: never -o /dev/null, which a qscore that
# renamed over its target once replaced, run as root); then the core test suites (codes, import, rules and their faults, the hostile
# files that score), with --trace-children so that Criterion's workers and the qscore processes
# the tests start are checked too: no errors, no leaks. A worker's valgrind errors do not fail
# its test, so every process writes a log and any "ERROR SUMMARY" above 0 fails the target.
# (A child that runs rm or another program in /bin or /usr/bin is not followed; its log
# holds only valgrind's header.)
VALGRIND = valgrind '--soname-synonyms=somalloc=libjemalloc.so*' --error-exitcode=9 --leak-check=full --show-leak-kinds=definite,indirect \
	--errors-for-leak-kinds=definite,indirect -q
valgrind: $(BUILD)/qscore $(BUILD)/qscore-tests
	@mkdir -p $(BUILD)/valgrind-out
	@for f in $(SAMPLES) $(wildcard tests/hostile/*.xml); do \
		echo "valgrind: score $$f"; \
		$(VALGRIND) $(BUILD)/qscore score --format json -o $(BUILD)/valgrind-out/score.json $$f \
			2>/dev/null; \
		test $$? -le 1 || exit 1; done
	$(VALGRIND) $(BUILD)/qscore validate $(SAMPLES) >/dev/null; \
		test $$? -le 1 # a sample with an error flag is not plainly valid: exit 1
	$(VALGRIND) $(BUILD)/qscore rubric --format json >/dev/null
	$(VALGRIND) $(BUILD)/qscore score --lang en --param standards-many=1 $(firstword $(SAMPLES)) >/dev/null
	$(VALGRIND) $(BUILD)/qscore score --format html $(lastword $(SAMPLES)) >/dev/null
	$(VALGRIND) $(BUILD)/qscore score --format xml --lang en $(lastword $(SAMPLES)) >/dev/null
	$(VALGRIND) $(BUILD)/qscore explain $(lastword $(SAMPLES)) >/dev/null
	$(VALGRIND) $(BUILD)/qscore explain --lang en --indicator standards $(firstword $(SAMPLES)) >/dev/null
	$(VALGRIND) --suppressions=tests/valgrind-xlsxwriter.supp $(BUILD)/qscore template \
		-o $(BUILD)/valgrind-out/template.xlsx
	$(VALGRIND) --suppressions=tests/valgrind-xlsxwriter.supp $(BUILD)/qscore export \
		-o $(BUILD)/valgrind-out/export.xlsx $(lastword $(SAMPLES))
	$(VALGRIND) $(BUILD)/qscore import -o $(BUILD)/valgrind-out/import.xml \
		$(BUILD)/valgrind-out/export.xlsx
	$(VALGRIND) $(BUILD)/qscore import -o $(BUILD)/valgrind-out/import.xml \
		$(firstword $(wildcard samples/intake/*.xlsx))
	rm -rf $(BUILD)/valgrind-batch
	$(VALGRIND) $(BUILD)/qscore batch -q --jobs 2 --out $(BUILD)/valgrind-batch samples tests/hostile; \
		test $$? -le 1
	@# The panel over a batch of the samples (the batch above has the hostile inputs, whose
	@# repeated ids a panel refuses), made without valgrind: it was checked above.
	rm -rf $(BUILD)/valgrind-cal $(BUILD)/valgrind-panel
	$(BUILD)/qscore batch -q --out $(BUILD)/valgrind-cal samples
	printf 'reviewer,name,submission\nR1,甲,*\n' > $(BUILD)/valgrind-out/reviewers.csv
	$(VALGRIND) --suppressions=tests/valgrind-xlsxwriter.supp $(BUILD)/qscore panel sheets -q \
		--reviewers $(BUILD)/valgrind-out/reviewers.csv --out $(BUILD)/valgrind-panel $(BUILD)/valgrind-cal
	$(VALGRIND) --suppressions=tests/valgrind-xlsxwriter.supp $(BUILD)/qscore panel collect -q \
		--out $(BUILD)/valgrind-panel/result $(BUILD)/valgrind-cal $(BUILD)/valgrind-panel/R1.xlsx
	$(VALGRIND) $(BUILD)/qscore sensitivity --jobs 2 --param standards-many=1:2:1 \
		--param window-months=12:12:1 --format html -o $(BUILD)/valgrind-out/sensitivity.html samples
	printf 'reviewer,submission,indicator,points,comment\nR1,AH-HF-2024-NEV,brand,0,\n' \
		> $(BUILD)/valgrind-out/scores.csv
	$(VALGRIND) $(BUILD)/qscore panel calibrate --jobs 1 --indicator brand \
		-o $(BUILD)/valgrind-out/calibrate.txt $(BUILD)/valgrind-cal $(BUILD)/valgrind-out/scores.csv
	rm -rf $(BUILD)/valgrind-logs && mkdir -p $(BUILD)/valgrind-logs
	@for suite in 'codes/*' 'import/*' 'hostile_scores/*' 'rubric/*' 'xlsx_read/*'; do \
		echo "valgrind: tests $$suite"; \
		valgrind '--soname-synonyms=somalloc=libjemalloc.so*' \
			--trace-children=yes --trace-children-skip='/bin/*,/usr/bin/*' \
			--leak-check=full --show-leak-kinds=definite,indirect \
			--errors-for-leak-kinds=definite,indirect \
			--suppressions=tests/valgrind-xlsxwriter.supp \
			--log-file=$(BUILD)/valgrind-logs/%p.log \
			$(BUILD)/qscore-tests -j1 --filter "$$suite" || exit 1; done
	@if grep -l 'ERROR SUMMARY: [1-9]' $(BUILD)/valgrind-logs/*.log | grep -q .; then \
		grep -l 'ERROR SUMMARY: [1-9]' $(BUILD)/valgrind-logs/*.log | xargs cat; \
		echo "valgrind: errors in the test processes above" >&2; exit 1; fi
	@echo "valgrind: $$(grep -l 'ERROR SUMMARY: 0 errors' $(BUILD)/valgrind-logs/*.log | wc -l)" \
		"test and qscore processes checked, no errors, no leaks"

# libFuzzer over two targets: qs_engine_score_buffer and the renderers (tests/fuzz/fuzz_score.c),
# and the xlsx reader, qs_xlsx_read_buffer (tests/fuzz/fuzz_xlsx.c). The library is rebuilt with
# clang into build/fuzz (sanitizer coverage, ASan, UBSan, aborting on the first report), then
# each target's seeds are copied into a fresh corpus of its own (build/fuzz/corpus,
# build/fuzz/corpus-xlsx), so the repository is never written. The FUZZ_SECONDS budget is
# shared: fuzz_score runs for half of it and fuzz_xlsx for the rest (60 s: 30 s each). Seeds of
# fuzz_score: the samples, the hostile inputs, earlier crashes in tests/fuzz/crashes/; of
# fuzz_xlsx: the hand-made workbooks of tests/fuzz/xlsx-seeds/ and its earlier crashes in
# tests/fuzz/xlsx-crashes/. A crash, leak, UBSan report, timeout or out-of-memory is written to
# build/fuzz/artifacts/ and fails the target.
#
# main(): libclips.a carries the CLIPS shell's main.o (see tests/main.c). The link works only
# because -fsanitize=fuzzer makes clang put libFuzzer's runtime, which defines main(), on the
# command line with --whole-archive before every input; main is then already defined when the
# linker reaches -lclips, and libclips's main.o (which defines nothing else the library uses)
# is never pulled in. The recipe checks this: each binary must answer -help=1 as libFuzzer.
FUZZ_SECONDS ?= 60
FUZZ_SCORE_SECONDS = $(shell echo $$(( ($(FUZZ_SECONDS) + 1) / 2 )))
FUZZ_XLSX_SECONDS = $(shell echo $$(( $(FUZZ_SECONDS) / 2 > 0 ? $(FUZZ_SECONDS) / 2 : 1 )))
FUZZ_BUILD = build/fuzz
FUZZ_SAN = -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_SEEDS = $(SAMPLES) $(wildcard tests/hostile/*.xml tests/fuzz/crashes/*)
FUZZ_XLSX_SEEDS = $(wildcard tests/fuzz/xlsx-seeds/*.xlsx tests/fuzz/xlsx-seeds/*.txt \
	tests/fuzz/xlsx-crashes/*)
FUZZ_COMMON = -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
	-artifact_prefix=$(FUZZ_BUILD)/artifacts/ -print_final_stats=1
FUZZ_ARGS = -max_total_time=$(FUZZ_SCORE_SECONDS) -dict=tests/fuzz/xml.dict $(FUZZ_COMMON)
FUZZ_XLSX_ARGS = -max_total_time=$(FUZZ_XLSX_SECONDS) -dict=tests/fuzz/xlsx.dict $(FUZZ_COMMON)

$(BUILD)/fuzz_score: $(BUILD)/obj/tests/fuzz/fuzz_score.o $(BUILD)/libqscore.a
	$(CC) $(CFLAGS) $(LDFLAGS) $^ $(LIBS) -o $@

$(BUILD)/fuzz_xlsx: $(BUILD)/obj/tests/fuzz/fuzz_xlsx.o $(BUILD)/libqscore.a
	$(CC) $(CFLAGS) $(LDFLAGS) $^ $(LIBS) -o $@

# One libFuzzer run: $(1) the binary's name, $(2) its corpus, $(3) its arguments.
define fuzz_run
	@$(FUZZ_BUILD)/$(1) $(3) $(FUZZ_BUILD)/$(2); code=$$?; \
	if [ $$code -ne 0 ]; then \
		echo "fuzz: $(1): libFuzzer failed (exit $$code); artifacts of this run:" >&2; \
		find $(FUZZ_BUILD)/artifacts -type f -newer $(FUZZ_BUILD)/run-start | sed 's/^/  /' >&2; \
		echo "fuzz: replay with $(FUZZ_BUILD)/$(1) FILE; minimise with" \
			"$(FUZZ_BUILD)/$(1) -minimize_crash=1 -runs=10000 FILE" >&2; \
		exit 1; \
	fi
endef

fuzz:
	$(MAKE) BUILD=$(FUZZ_BUILD) CC=clang MALLOC_LIBS= \
		CFLAGS="-g -O1 -fno-omit-frame-pointer $(FUZZ_SAN)" $(FUZZ_BUILD)/fuzz_score \
		$(FUZZ_BUILD)/fuzz_xlsx
	@for t in fuzz_score fuzz_xlsx; do \
		timeout 20 $(FUZZ_BUILD)/$$t -help=1 </dev/null 2>&1 | grep -q '^Usage:' || \
		{ echo "fuzz: $(FUZZ_BUILD)/$$t does not run libFuzzer's main()" >&2; exit 1; }; done
	rm -rf $(FUZZ_BUILD)/corpus $(FUZZ_BUILD)/corpus-xlsx
	mkdir -p $(FUZZ_BUILD)/corpus $(FUZZ_BUILD)/corpus-xlsx $(FUZZ_BUILD)/artifacts
	@for f in $(FUZZ_SEEDS); do \
		cp "$$f" "$(FUZZ_BUILD)/corpus/$$(basename $$(dirname $$f))-$$(basename $$f)" || exit 1; done
	@for f in $(FUZZ_XLSX_SEEDS); do \
		cp "$$f" "$(FUZZ_BUILD)/corpus-xlsx/$$(basename $$(dirname $$f))-$$(basename $$f)" || \
		exit 1; done
	@touch $(FUZZ_BUILD)/run-start
	$(call fuzz_run,fuzz_score,corpus,$(FUZZ_ARGS))
	$(call fuzz_run,fuzz_xlsx,corpus-xlsx,$(FUZZ_XLSX_ARGS))

deps:
	./scripts/install-deps.sh

deps-test:
	./scripts/install-deps.sh --test

# The README's first command: on a fresh machine, install what is missing, build, and score
# every bundled sample (the summary of each; full reports, text, JSON and the reviewer's HTML
# page, in build/samples/).
samples: deps
	$(MAKE) samples-run

samples-run: $(BUILD)/qscore
	@mkdir -p $(BUILD)/samples
	@for f in $(SAMPLES); do \
		b=$$(basename $$f .xml); \
		$(BUILD)/qscore score --format json -o $(BUILD)/samples/$$b.json $$f || exit $$?; \
		$(BUILD)/qscore score --format html -o $(BUILD)/samples/$$b.html $$f || exit $$?; \
		$(BUILD)/qscore score -o $(BUILD)/samples/$$b.txt $$f || exit $$?; \
		sed '/^== /,$$d' $(BUILD)/samples/$$b.txt; \
		echo "   -> $(BUILD)/samples/$$b.txt, .json, .html"; echo; \
	done

# The review panel on the samples (issue 16): a batch, one score sheet per reviewer, the sheets
# filled by a simulated panel of five reviewers with known biases, who as a panel score
# management two points above the rules and standards two below (tools/panelsim), the panel's
# result with its audit trail, and `qscore panel calibrate` when this qscore has it. Everything
# in $(BUILD)/panel-demo/.
PANEL_DEMO = $(BUILD)/panel-demo
panel-demo: $(BUILD)/qscore $(BUILD)/tools/panelsim
	rm -rf $(PANEL_DEMO) && mkdir -p $(PANEL_DEMO)
	$(BUILD)/qscore batch -q --out $(PANEL_DEMO)/batch samples; test $$? -le 1
	printf 'reviewer,name,submission\nR1,张伟,*\nR2,王芳,*\nR3,李娜,*\nR4,刘洋,*\nR5,陈静,*\n' \
		> $(PANEL_DEMO)/reviewers.csv
	$(BUILD)/qscore panel sheets --reviewers $(PANEL_DEMO)/reviewers.csv --out $(PANEL_DEMO)/sheets \
		$(PANEL_DEMO)/batch
	mkdir -p $(PANEL_DEMO)/filled
	$(BUILD)/tools/panelsim --seed 16 --noise 1 --bias R1=-1.5,R2=-0.5,R3=0,R4=0.5,R5=1.5 \
		--shift management=2,standards=-2 \
		-o $(PANEL_DEMO)/filled $(PANEL_DEMO)/sheets/R*.xlsx
	$(BUILD)/qscore panel collect --reviewers $(PANEL_DEMO)/reviewers.csv --out $(PANEL_DEMO)/result \
		$(PANEL_DEMO)/batch \
		$(PANEL_DEMO)/filled/R*.xlsx
	$(BUILD)/qscore panel calibrate $(PANEL_DEMO)/batch $(PANEL_DEMO)/filled/R*.xlsx \
		| tee $(PANEL_DEMO)/calibrate.txt
	@echo "panel-demo: sheets in $(PANEL_DEMO)/sheets, filled in $(PANEL_DEMO)/filled," \
		"result in $(PANEL_DEMO)/result (panel.html, panel.json, panel.sqlite)"

# What the manual pages cite is installed: they name /usr/share/... (the .deb's paths), which
# the install writes as $(PREFIX)/share/... The docs and the samples go to DOCDIR (the samples
# as examples/, with the intake workbooks when there are some); the bash completion when the
# tree has it. `make deb` installs with PREFIX=/usr, so one list serves both.
DOCDIR ?= $(PREFIX)/share/doc/qscore
MANDIR ?= $(PREFIX)/share/man
COMPLETION = $(wildcard scripts/bash-completion/qscore)
DOCS = README.md README.zh-CN.md docs/POLICY.md docs/POLICY.zh-CN.md docs/REPORT-JSON.md \
	docs/SECURITY.md docs/ARCHITECTURE.md $(wildcard docs/INTAKE.md docs/填报说明.md)
INTAKE_SAMPLES = $(sort $(shell find samples/intake -maxdepth 1 -type f 2>/dev/null))
MAN_PREFIX = sed 's|/usr/share/|$(PREFIX)/share/|g'

install: $(BUILD)/qscore
	install -D -m 755 $(BUILD)/qscore $(DESTDIR)$(PREFIX)/bin/qscore
	install -d $(DESTDIR)$(PREFIX)/share/qscore/rules/2025 $(DESTDIR)$(PREFIX)/share/qscore/schemas
	install -m 644 $(RULES) rules/2025/official-zh.txt $(DESTDIR)$(PREFIX)/share/qscore/rules/2025/
	install -m 644 $(SCHEMAS) $(DESTDIR)$(PREFIX)/share/qscore/schemas/
	install -d $(DESTDIR)$(PREFIX)/share/qscore/i18n
	install -m 644 $(MESSAGES) $(DESTDIR)$(PREFIX)/share/qscore/i18n/
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/zh_CN/man1
	$(MAN_PREFIX) docs/qscore.1 > $(DESTDIR)$(MANDIR)/man1/qscore.1
	$(MAN_PREFIX) docs/qscore.zh_CN.1 > $(DESTDIR)$(MANDIR)/zh_CN/man1/qscore.1
	chmod 644 $(DESTDIR)$(MANDIR)/man1/qscore.1 $(DESTDIR)$(MANDIR)/zh_CN/man1/qscore.1
	if [ -n "$(COMPLETION)" ]; then install -D -m 644 $(COMPLETION) \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/qscore; fi
	install -d $(DESTDIR)$(DOCDIR)/examples
	install -m 644 $(DOCS) $(DESTDIR)$(DOCDIR)/
	install -m 644 $(SAMPLES) samples/README.md $(DESTDIR)$(DOCDIR)/examples/
	if [ -n "$(INTAKE_SAMPLES)" ]; then install -d $(DESTDIR)$(DOCDIR)/examples/intake && \
		install -m 644 $(INTAKE_SAMPLES) $(DESTDIR)$(DOCDIR)/examples/intake/; fi

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/qscore
	rm -rf $(DESTDIR)$(PREFIX)/share/qscore $(DESTDIR)$(DOCDIR)
	rm -f $(DESTDIR)$(MANDIR)/man1/qscore.1 $(DESTDIR)$(MANDIR)/zh_CN/man1/qscore.1
	rm -f $(DESTDIR)$(PREFIX)/share/bash-completion/completions/qscore

# The Debian package: `make install` into $(BUILD)/deb-root with PREFIX=/usr, then
# scripts/mkdeb.sh adds DEBIAN/control (Depends from dpkg-shlibdeps, and libxlsxwriter's package
# by hand: qscore opens it with dlopen, so no tool sees it), compresses the manual pages and the
# changelog and runs dpkg-deb --root-owner-group (no root, no fakeroot).
deb: $(BUILD)/qscore
	rm -rf $(BUILD)/deb-root
	$(MAKE) install DESTDIR=$(abspath $(BUILD))/deb-root PREFIX=/usr
	BUILD=$(BUILD) XLSX_SONAME=$(XLSX_SONAME) sh scripts/mkdeb.sh

# The .deb installed by apt into a clean Debian 12 root (mmdebstrap), and the samples scored
# there with the installed qscore (root: it uses chroot).
deb-check: deb
	BUILD=$(BUILD) sh scripts/deb-check.sh

FORMAT_SRC = $(wildcard base/*.[ch] engine/*.[ch] importers/*.[ch] intake/*.[ch] panel/*.[ch] src/*.[ch] tests/*.[ch] tests/fuzz/*.c \
	tools/*.[ch])
format:
	clang-format -i $(FORMAT_SRC)

check-format:
	clang-format --dry-run -Werror $(FORMAT_SRC)

clean:
	rm -rf build

# ------------------------------------------------------------------------------------------
# make bench (issue 7): the measurement harness. scripts/bench.sh generates the corpora under
# $(BUILD)/bench (reused while unchanged), measures the floor (libxml2 alone), qscore batch
# with --jobs 1 and 2, a naive CLIPS baseline, one qscore process per file, the median file,
# the scaling files and a 10,000-file batch, and prints one table with the ratios and goals
# (also in $(BUILD)/bench/results.txt). The tools: tools/bench_floor.c (libxml2 only),
# tools/bench_naive.c (CLIPS and libqscore.a), tools/bench_peak.c (time and peak memory of a
# process tree). BENCH_COUNT, BENCH_BIG_COPIES and BENCH_SCALE_ITEMS shrink it for a quick look.
.PHONY: bench

$(BUILD)/tools/bench_floor: tools/bench_floor.c tools/bench_common.h
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -Wall -Wextra -Werror $(CFLAGS) $(shell pkg-config --cflags libxml-2.0) $< \
		$(shell pkg-config --libs libxml-2.0) -o $@

# The naive baseline is a first attempt: glibc's malloc, as the floor (MALLOC_LIBS left out).
$(BUILD)/tools/bench_naive: tools/bench_naive.c tools/bench_common.h $(BUILD)/libqscore.a
	@mkdir -p $(dir $@)
	$(CC) $(filter-out -MMD -MP,$(QS_CFLAGS)) $(CFLAGS) $(LDFLAGS) $(filter-out %.h,$^) \
		$(filter-out $(MALLOC_LIBS),$(LIBS)) -o $@

$(BUILD)/tools/bench_peak: tools/bench_peak.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -Wall -Wextra -Werror $(CFLAGS) $< -o $@

bench: $(BUILD)/qscore $(BUILD)/tools/gensub $(BENCH_TOOLS)
	BUILD=$(BUILD) bash scripts/bench.sh
# ------------------------------------------------------------------------------------------

-include $(wildcard $(BUILD)/obj/*/*.d $(BUILD)/obj/*/*/*.d $(BUILD)/obj/gen/*.d)
