#!/usr/bin/env bash
# bench.sh -- `make bench` (issue 7): how fast qscore scores, and what it costs in memory,
# against a floor (libxml2 alone) and a naive CLIPS baseline, all measured in one run on one
# generated corpus, printed as one table with the ratios and each goal met or not.
#
# Run by `make bench` after it has built build/qscore, build/tools/gensub and the three bench
# tools (tools/bench_floor.c, tools/bench_naive.c, tools/bench_peak.c). Everything it writes
# goes under $BUILD/bench/: a copy of the binaries it measures (bin/), the corpora (reused
# while the generator and its parameters are the same: a stamp file each), the raw output of
# every measurement (raw/), and results.txt, which is what is printed, with a description of
# the machine at its top.
#
# Rows (wall-clock time, each measured in this run):
#   floor            tools/bench_floor: read + parse + XSD-validate every file, one process
#   batch --jobs 1/2 qscore batch -q --jobs N --out <fresh dir> CORPUS
#   naive            tools/bench_naive: a fresh CLIPS environment per submission, rules loaded
#                    from text, facts asserted as text (its untimed preparation is stated)
#   per-file         one `qscore score --format json FILE >/dev/null` process per file
#   median file      `qscore score` of the median-size file, 21 runs, the median
#   start-up         `qscore score` of an empty file (refused after the rules are loaded), 21 runs
#   scaling          one submission of 2,000, 20,000 and 200,000 evidence items, and the floor
#                    on the same files (the median of 5 runs, 1 run above 100,000 items)
#   big batch        qscore batch --jobs 2 over 10,000 files (the corpus five times over, as
#                    folders of hard links): time and peak memory
#   sensitivity      qscore sensitivity --jobs 2 over the first 1,000 files, 10 values of each
#                    of three parameters (issue 16: a re-score runs only what a parameter moves)
# Peak memory is the sum over the process tree (qscore and its workers), sampled every 20 ms
# by tools/bench_peak.
#
# For a quicker look while working (the issue's numbers need the defaults):
#   BENCH_COUNT=200 BENCH_BIG_COPIES=2 BENCH_SCALE_ITEMS="2000 20000" make bench
set -euo pipefail

cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
COUNT=${BENCH_COUNT:-2000}
BIG_COPIES=${BENCH_BIG_COPIES:-5}
BIG_COUNT=$((COUNT * BIG_COPIES))
SCALE_ITEMS=${BENCH_SCALE_ITEMS:-2000 20000 200000}
SEED=2026
RUNS=21

XSD=schemas/submission-2025.xsd
OUT=$BUILD/bench
RAW=$OUT/raw
RESULTS=$OUT/results.txt
# The scaling files are larger than the default limits allow (10,000 items, 100,000 elements,
# 64 MiB, 5,000,000 firings, 20 s); every limit is raised to (near) its maximum, so that the
# row measures the scoring and not a refusal.
SCALE_PARAMS=(--param max-evidence=1000000 --param max-elements=100000000
  --param max-input-mb=4096 --param run-max-firings=1000000000 --param run-seconds=3600)

# Every row measures the same binaries: a copy taken now, so that a rebuild of $BUILD while the
# bench runs (a shared build folder) changes nothing and breaks nothing.
mkdir -p "$OUT/bin"
for tool in qscore tools/gensub tools/bench_floor tools/bench_naive tools/bench_peak; do
  [ -x "$BUILD/$tool" ] || { echo "bench: $BUILD/$tool is missing (run make bench)" >&2; exit 2; }
  cp -p "$BUILD/$tool" "$OUT/bin/$(basename "$tool").tmp"
  mv -f "$OUT/bin/$(basename "$tool").tmp" "$OUT/bin/$(basename "$tool")"
done
QSCORE=$OUT/bin/qscore
GENSUB=$OUT/bin/gensub
FLOOR=$OUT/bin/bench_floor
NAIVE=$OUT/bin/bench_naive
PEAK=$OUT/bin/bench_peak
if ! "$QSCORE" --version >/dev/null; then
  echo "bench: the copy of $BUILD/qscore does not run" >&2
  exit 2
fi
QSCORE_SHA=$(sha256sum "$QSCORE" | cut -c1-16)
QSCORE_BUILT=$(date -u -r "$QSCORE" '+%Y-%m-%d %H:%M:%S UTC')

START=$(date +%s.%N)
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
rm -rf "$RAW"
mkdir -p "$OUT" "$RAW"

progress() { printf 'bench: [%6.1f s] %s\n' "$(calc "$(date +%s.%N) - $START")" "$*" >&2; }
# calc EXPR [FORMAT]: floating-point arithmetic on numbers this script produced.
calc() { awk "BEGIN { printf \"${2:-%.6f}\", ($1) }"; }
# kv FILE KEY: the value of KEY=VALUE on the first line of FILE that has it.
kv() {
  awk -v k="$2" '{ for (i = 1; i <= NF; i++) if (index($i, k "=") == 1) {
    print substr($i, length(k) + 2); found = 1; exit } } END { if (!found) print "nan" }' "$1"
}
# median of the numbers on standard input
median() {
  sort -g | awk '{ v[NR] = $1 }
    END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# The stamp of a generated corpus: the generator's source and the exact parameters.
stamp_of() { printf '%s %s\n' "$(sha256sum tools/gensub.c | cut -c1-16)" "$*"; }

# ------------------------------------------------------------------ corpora

# corpus DIR COUNT SEED: COUNT valid files (no --broken) in DIR, reused when its stamp matches.
corpus() {
  local dir=$1 count=$2 seed=$3 stamp
  stamp=$(stamp_of "--count $count --seed $seed")
  if [ -f "$dir.stamp" ] && [ "$(cat "$dir.stamp")" = "$stamp" ] &&
    [ "$(find "$dir" -maxdepth 1 -name '*.xml' | wc -l)" -eq "$count" ]; then
    progress "corpus $dir: reused ($count files, seed $seed)"
    return
  fi
  progress "corpus $dir: generating $count files, seed $seed"
  rm -rf "$dir" "$dir.stamp"
  mkdir -p "$dir"
  "$GENSUB" --out "$dir" --count "$count" --seed "$seed"
  echo "$stamp" >"$dir.stamp"
}

# scale_file ITEMS: one submission of ITEMS evidence items, path on stdout. gensub caps
# --items at 20,000 (tools/gensub.c clips every size to 20..20000), so a larger file is
# gensub's 20,000-item file with the rest added as copies of its own standards and
# self-declarations under new ids and codes (ST12 -> ST12.3, GB/T 10012-2024 ->
# GB/T 10012.3-2024): valid against the schema, and the same kind of evidence that makes up
# most of every generated file.
scale_file() {
  local items=$1 dir=$OUT/scale file stamp base
  file=$dir/items-$items.xml
  stamp=$(stamp_of "--count 1 --seed $SEED --items $items (grown past 20000)")
  if [ -f "$file" ] && [ -f "$file.stamp" ] && [ "$(cat "$file.stamp")" = "$stamp" ]; then
    echo "$file"
    return
  fi
  base=$(( items > 20000 ? 20000 : items ))
  rm -rf "$dir/tmp" && mkdir -p "$dir/tmp"
  "$GENSUB" --out "$dir/tmp" --count 1 --seed "$SEED" --items "$base"
  awk -v extra=$(( items - base )) '
    function renum(s, c,   out) {
      out = ""
      while (match(s, /[0-9]-2024"/)) {
        out = out substr(s, 1, RSTART) "." c "-2024\""
        s = substr(s, RSTART + RLENGTH)
      }
      return out s
    }
    function rename(s, c) {
      if (!match(s, / id="[^"]*"/))
        return s
      s = substr(s, 1, RSTART + RLENGTH - 2) "." c substr(s, RSTART + RLENGTH - 1)
      return renum(s, c)
    }
    /^    <(standard|self-declaration) id="/ { lines[++n] = $0 }
    /^  <\/standards>/ {
      for (j = 0; j < extra; j++)
        print rename(lines[j % n + 1], int(j / n) + 1)
    }
    { print }' "$dir/tmp/sub-000001.xml" >"$file"
  rm -rf "$dir/tmp"
  echo "$stamp" >"$file.stamp"
  echo "$file"
}

CORPUS=$OUT/corpus
BIG=$OUT/corpus-x$BIG_COPIES
corpus "$CORPUS" "$COUNT" "$SEED"

# The big batch's files: the corpus BIG_COPIES times over, as folders c1/, c2/, ... of hard
# links (cp -al; copies where links cannot be made). The same sizes and the same largest file
# as the corpus, so that its peak memory against the corpus's shows what the number of files
# alone does (a separately generated corpus has another largest file, and the workers' peak
# follows the largest file).
big_corpus() {
  rm -rf "$BIG"
  mkdir -p "$BIG"
  local c
  for c in $(seq "$BIG_COPIES"); do
    cp -al "$CORPUS" "$BIG/c$c" 2>/dev/null || cp -a "$CORPUS" "$BIG/c$c"
  done
}

# ------------------------------------------------------------------ measurements

# run_peak NAME CMD...: run CMD under bench_peak; its numbers land in $RAW/NAME.peak, its
# output in $RAW/NAME.out; the command's exit status is kept in $RAW/NAME.peak (exit=).
run_peak() {
  local name=$1
  shift
  "$PEAK" -o "$RAW/$name.peak" -- "$@" >"$RAW/$name.out" 2>"$RAW/$name.err" || true
  local code
  code=$(kv "$RAW/$name.peak" exit)
  if [ "$code" != 0 ]; then
    progress "WARNING: $name exited with $code (see $RAW/$name.err)"
    WARNINGS+=("$name exited with status $code; $(head -c 300 "$RAW/$name.err" | tr '\n' ' ')")
  fi
}
WARNINGS=()

progress "floor: libxml2 parse + XSD validation of $COUNT files"
run_peak floor "$FLOOR" --schema "$XSD" "$CORPUS"
FLOOR_S=$(kv "$RAW/floor.out" seconds)
ITEMS_TOTAL=$(kv "$RAW/floor.out" items)

batch() { # batch NAME JOBS DIR
  local name=$1 jobs=$2 dir=$3
  rm -rf "$RAW/$name.dir"
  run_peak "$name" "$QSCORE" batch -q --jobs "$jobs" --out "$RAW/$name.dir" "$dir"
  local scored files
  scored=$(wc -l <"$RAW/$name.dir/results.jsonl" 2>/dev/null || echo 0)
  files=$(find "$dir" -name '*.xml' | wc -l)
  if [ "$scored" -ne "$files" ]; then
    WARNINGS+=("$name: results.jsonl has $scored lines for $files files")
  fi
}

progress "qscore batch --jobs 1 over $COUNT files"
batch j1 1 "$CORPUS"
cp "$RAW/j1.dir/triage.csv" "$RAW/j1.triage.csv" 2>/dev/null || true
rm -rf "$RAW/j1.dir"
progress "qscore batch --jobs 2 over $COUNT files"
batch j2 2 "$CORPUS"
if ! cmp -s "$RAW/j1.triage.csv" "$RAW/j2.dir/triage.csv"; then
  WARNINGS+=("triage.csv of --jobs 1 and --jobs 2 differ (the README promises the same bytes)")
fi
OUT_MB=$(du -sm "$RAW/j2.dir" | cut -f1)
rm -rf "$RAW/j2.dir"

progress "naive CLIPS baseline over $COUNT files (the untimed fact dump comes first)"
run_peak naive "$NAIVE" --check 5 "$CORPUS"
grep '^WARNING' "$RAW/naive.out" >&2 || true
while IFS= read -r w; do WARNINGS+=("naive: $w"); done < <(grep '^WARNING' "$RAW/naive.out" || true)
NAIVE_S=$(kv "$RAW/naive.out" seconds)

progress "one qscore score process per file, $COUNT files"
find "$CORPUS" -maxdepth 1 -name '*.xml' -print0 | sort -z >"$RAW/perfile.list"
# Reports to /dev/null through the shell's redirection (an ordinary open of the device), never
# `-o /dev/null`: a qscore that renamed over its -o target once replaced the machine's
# /dev/null when run as root.
run_peak perfile sh -c 'xargs -0 -n1 -a "$1" "$2" score --format json >/dev/null' sh \
  "$RAW/perfile.list" "$QSCORE"

# The median-size file: the middle of the corpus ordered by size, then name.
MEDIAN_FILE=$(find "$CORPUS" -maxdepth 1 -name '*.xml' -printf '%s %p\n' | sort -k1,1n -k2 |
  awk -v n="$COUNT" 'NR == int((n + 1) / 2) { print $2 }')
MEDIAN_ITEMS=$("$FLOOR" --schema "$XSD" "$MEDIAN_FILE" | awk '{ print $3 }' | cut -d= -f2)
MEDIAN_BYTES=$(stat -c %s "$MEDIAN_FILE")
progress "qscore score of the median file $MEDIAN_FILE, $RUNS runs"
: >"$RAW/median.runs"
for i in $(seq "$RUNS"); do
  run_peak "median-$i" "$QSCORE" score --format json "$MEDIAN_FILE"
  echo "$(kv "$RAW/median-$i.peak" wall_s) $(kv "$RAW/median-$i.peak" peak_rss_mb)" \
    >>"$RAW/median.runs"
done
MEDIAN_S=$(cut -d' ' -f1 "$RAW/median.runs" | median)
MEDIAN_PEAK=$(cut -d' ' -f2 "$RAW/median.runs" | median)

progress "qscore start-up: score of an empty file, $RUNS runs"
: >"$RAW/empty.xml"
: >"$RAW/startup.runs"
for i in $(seq "$RUNS"); do
  "$PEAK" -o "$RAW/startup-$i.peak" -- "$QSCORE" score --format json \
    "$RAW/empty.xml" >/dev/null 2>&1 || true
  echo "$(kv "$RAW/startup-$i.peak" wall_s) $(kv "$RAW/startup-$i.peak" peak_rss_mb)" \
    >>"$RAW/startup.runs"
done
STARTUP_S=$(cut -d' ' -f1 "$RAW/startup.runs" | median)
STARTUP_PEAK=$(cut -d' ' -f2 "$RAW/startup.runs" | median)

# Each scaling file is scored (and its floor measured) 5 times when that takes under a few
# seconds, once above 100,000 items; the median is kept: a single run of the small files moved
# by half from one bench to the next with the other load on the machine.
declare -A SC_S SC_PEAK SC_FLOOR SC_FILE
for n in $SCALE_ITEMS; do
  SC_FILE[$n]=$(scale_file "$n")
  reps=5
  [ "$n" -gt 100000 ] && reps=1
  progress "scaling: $n items ($(du -h "${SC_FILE[$n]}" | cut -f1)), qscore score and the floor," \
    "$reps runs"
  : >"$RAW/scale-$n.runs"
  : >"$RAW/scale-floor-$n.runs"
  for r in $(seq "$reps"); do
    run_peak "scale-$n-$r" sh -c 'exec "$@" >/dev/null' sh "$QSCORE" score --format json \
      "${SCALE_PARAMS[@]}" "${SC_FILE[$n]}"
    echo "$(kv "$RAW/scale-$n-$r.peak" wall_s) $(kv "$RAW/scale-$n-$r.peak" peak_rss_mb)" \
      >>"$RAW/scale-$n.runs"
    run_peak "scale-floor-$n-$r" "$FLOOR" --schema "$XSD" "${SC_FILE[$n]}"
    kv "$RAW/scale-floor-$n-$r.out" seconds >>"$RAW/scale-floor-$n.runs"
  done
  SC_S[$n]=$(cut -d' ' -f1 "$RAW/scale-$n.runs" | median)
  SC_PEAK[$n]=$(cut -d' ' -f2 "$RAW/scale-$n.runs" | median)
  SC_FLOOR[$n]=$(median <"$RAW/scale-floor-$n.runs")
done

progress "qscore batch --jobs 2 over $BIG_COUNT files (the corpus $BIG_COPIES times over)"
big_corpus
batch big 2 "$BIG"
rm -rf "$RAW/big.dir" "$BIG"

# Sensitivity (issue 16): the first 1,000 files of the corpus (a generated file depends only on
# the seed and its number: these are the files of `gensub --count 1000 --seed 2026`), as hard
# links, each over 10 values of one parameter (the default's run is the baseline's): one read
# late in one indicator module (standards-many), one read by the first indicator module
# (mechanism-meetings-per-year), one MEASURE reads before every indicator (claim-tolerance).
SENS_COUNT=$((COUNT < 1000 ? COUNT : 1000))
SENS=$OUT/corpus-sens
SENS_SPECS=(standards-many=1:10:1 mechanism-meetings-per-year=0.5:5:0.5 claim-tolerance=1:10:1)
rm -rf "$SENS"
mkdir -p "$SENS"
# (awk, not head: head leaving early would end sort with SIGPIPE, and pipefail the script)
find "$CORPUS" -maxdepth 1 -name '*.xml' | sort | awk -v n="$SENS_COUNT" 'NR <= n' |
  while IFS= read -r f; do ln "$f" "$SENS/" 2>/dev/null || cp "$f" "$SENS/"; done
for i in "${!SENS_SPECS[@]}"; do
  progress "qscore sensitivity --jobs 2 --param ${SENS_SPECS[$i]} over $SENS_COUNT files"
  run_peak "sens-$i" "$QSCORE" sensitivity --jobs 2 --format json --param "${SENS_SPECS[$i]}" "$SENS"
done
rm -rf "$SENS"

END=$(date +%s.%N)
ELAPSED=$(calc "$END - $START" %.1f)
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# ------------------------------------------------------------------ the table

J1_S=$(kv "$RAW/j1.peak" wall_s)
J2_S=$(kv "$RAW/j2.peak" wall_s)
BIG_S=$(kv "$RAW/big.peak" wall_s)
PERFILE_S=$(kv "$RAW/perfile.peak" wall_s)
J2_PEAK=$(kv "$RAW/j2.peak" peak_rss_mb)
BIG_PEAK=$(kv "$RAW/big.peak" peak_rss_mb)
read -ra SCALE_LIST <<<"$SCALE_ITEMS"
SMALL=${SCALE_LIST[0]}
LARGE=${SCALE_LIST[${#SCALE_LIST[@]} - 1]}
NCPU=$(nproc)
naive() { kv "$RAW/naive.out" "$1"; }
# Time per item: the wall time less the start-up (which is paid once, whatever the size).
per_item_us() { calc "(${SC_S[$1]} - $STARTUP_S) * 1e6 / $1" %.1f; }
# The CPU share that other processes took during a row (0 % on an idle machine).
others_pct() {
  calc "$(kv "$RAW/$1.peak" others_cpu_s) * 100 / ($(kv "$RAW/$1.peak" wall_s) * $NCPU)" %.0f
}
verdict() { # verdict OK-EXPR -> met / NOT met
  if [ "$(calc "($1) ? 1 : 0" %d)" = 1 ]; then echo "met"; else echo "NOT met"; fi
}
row() { printf '%-48s %6s %10.3f %28s %8s\n' "$1" "$2" "$3" "$4" "$5"; }
rate() { calc "$2 / $1" "%.1f files/s"; } # rate SECONDS FILES
goal() { printf '  %-62s %10s  %s\n' "$1" "$2" "${3:-}"; }

QF=$(calc "$J1_S / $FLOOR_S" %.2f)
SPEEDUP=$(calc "$J1_S / $J2_S" %.2f)
NQ=$(calc "$NAIVE_S / $J1_S" %.2f)
MED_MS=$(calc "$MEDIAN_S * 1000" %.1f)
PI_SMALL=$(per_item_us "$SMALL")
PI_LARGE=$(per_item_us "$LARGE")
PI_RATIO=$(calc "$PI_LARGE / $PI_SMALL" %.2f)
MEM_RATIO=$(calc "$BIG_PEAK / $J2_PEAK" %.2f)
CHECK=yes
[ "$(naive mismatches)" = 0 ] || CHECK="NO, $(naive mismatches) differ"
CONTENTION=""
for r in floor j1 j2 naive perfile; do CONTENTION+="$r $(others_pct "$r")%  "; done
for n in $SCALE_ITEMS; do CONTENTION+="scale-$n $(others_pct "scale-$n-1")%  "; done
CONTENTION+="big $(others_pct big)%"
NAIVE_PHASES=""
for p in parse load assert run destroy; do
  NAIVE_PHASES+="$p $(calc "$(naive "${p}_s") * 1000 / $COUNT" %.1f) ms  "
done
# largest DIR: the largest file of a corpus, as "NAME (N elements with an id, K KB)".
largest() {
  local f kb
  f=$(find "$1" -maxdepth 1 -name '*.xml' -printf '%s %p\n' |
    awk '$1 > max { max = $1; f = $2 } END { print f }')
  kb=$(($(stat -c %s "$f") / 1024))
  echo "$(basename "$f") ($(grep -c ' id=' "$f") elements with an id, $kb KB)"
}
ID_COUNTS=""
for n in $SCALE_ITEMS; do ID_COUNTS+="$(grep -c ' id=' "${SC_FILE[$n]}") "; done

{
  echo "qscore benchmark (make bench, issue 7) -- $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "machine: $NCPU cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)," \
    "$(awk '/^MemTotal/ { printf "%.1f GiB RAM", $2 / 1048576 }' /proc/meminfo)," \
    "Linux $(uname -r)"
  echo "versions: $("$QSCORE" --version 2>/dev/null | head -1 || echo 'qscore ?')," \
    "commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')" \
    "(binary built $QSCORE_BUILT, sha256 $QSCORE_SHA...)," \
    "libclips-dev $(dpkg-query -W -f='${Version}' libclips-dev 2>/dev/null || echo '?')," \
    "libxml2 $(dpkg-query -W -f='${Version}' libxml2 2>/dev/null || echo '?')"
  echo "load average at start: $LOAD_START; at end: $LOAD_END" \
    "(other work on the machine shows here)"
  echo "corpus: gensub --count $COUNT --seed $SEED (no broken files)," \
    "$(du -sm "$CORPUS" | cut -f1) MB, $ITEMS_TOTAL elements with an id;" \
    "big batch: the corpus $BIG_COPIES times over (hard links)"
  echo
  printf '%-48s %6s %10s %28s %8s\n' "row" "files" "seconds" "files/s or ms" "peak MB"
  printf '%-48s %6s %10s %28s %8s\n' "---" "-----" "-------" "-------------" "-------"
  row "floor: libxml2 parse + XSD, 1 process" "$COUNT" "$FLOOR_S" "$(rate "$FLOOR_S" "$COUNT")" \
    "$(kv "$RAW/floor.peak" peak_rss_mb)"
  row "qscore batch --jobs 1" "$COUNT" "$J1_S" "$(rate "$J1_S" "$COUNT")" \
    "$(kv "$RAW/j1.peak" peak_rss_mb)"
  row "qscore batch --jobs 2" "$COUNT" "$J2_S" "$(rate "$J2_S" "$COUNT")" "$J2_PEAK"
  row "naive CLIPS: fresh env, text rules + facts" "$COUNT" "$NAIVE_S" \
    "$(rate "$NAIVE_S" "$COUNT")" "$(kv "$RAW/naive.peak" peak_rss_mb)"
  row "qscore score, one process per file" "$COUNT" "$PERFILE_S" \
    "$(rate "$PERFILE_S" "$COUNT")" "$(kv "$RAW/perfile.peak" peak_rss_mb)"
  row "qscore score, median file, $MEDIAN_ITEMS items ($RUNS runs)" 1 "$MEDIAN_S" \
    "$MED_MS ms" "$MEDIAN_PEAK"
  row "qscore start-up: score of an empty file ($RUNS runs)" 1 "$STARTUP_S" \
    "$(calc "$STARTUP_S * 1000" "%.1f ms")" "$STARTUP_PEAK"
  for n in $SCALE_ITEMS; do
    row "qscore score, $n items" 1 "${SC_S[$n]}" \
      "$(calc "${SC_S[$n]} * 1000" "%.0f ms"), $(per_item_us "$n") us/item" "${SC_PEAK[$n]}"
  done
  for n in $SCALE_ITEMS; do
    ms=$(calc "${SC_FLOOR[$n]} * 1000" %.0f)
    us=$(calc "${SC_FLOOR[$n]} * 1e6 / $n" %.2f)
    row "floor, $n items" 1 "${SC_FLOOR[$n]}" "$ms ms, $us us/item" \
      "$(kv "$RAW/scale-floor-$n-1.peak" peak_rss_mb)"
  done
  row "qscore batch --jobs 2, big batch" "$BIG_COUNT" "$BIG_S" "$(rate "$BIG_S" "$BIG_COUNT")" \
    "$BIG_PEAK"
  for i in "${!SENS_SPECS[@]}"; do
    S=$(kv "$RAW/sens-$i.peak" wall_s)
    row "sensitivity --jobs 2, 10 values: ${SENS_SPECS[$i]%%=*}" "$SENS_COUNT" "$S" \
      "$(calc "$(kv "$RAW/sens-$i.peak" cpu_s) * 1000 / ($SENS_COUNT * 10)" "%.2f ms CPU a score")" \
      "$(kv "$RAW/sens-$i.peak" peak_rss_mb)"
  done
  echo
  echo "notes:"
  echo "  seconds: wall time. floor and naive: their timed loop (one process, CLOCK_MONOTONIC);"
  echo "    every qscore row: the whole process tree, start-up and output included" \
    "(tools/bench_peak)."
  echo "  naive: its fact text was made before the timed loop by the project's own importer" \
    "($(naive prep_seconds) s, not counted): $(naive facts) facts, $(naive fact_text_mb) MB;"
  echo "    $(naive choices) bands chosen, $(naive rejected_asserts) asserts refused;" \
    "the same bands as qscore on the $(naive checked) files checked: $CHECK"
  echo "    per submission: $NAIVE_PHASES"
  echo "  qscore batch --jobs 1 per file: $(calc "$J1_S * 1000 / $COUNT" %.1f) ms;" \
    "one score of the median file ($MEDIAN_BYTES bytes) less start-up:" \
    "$(calc "($MEDIAN_S - $STARTUP_S) * 1000" %.1f) ms; the --jobs 2 batch wrote $OUT_MB MB"
  echo "  sensitivity: a score is one file under one value; the CPU of the whole run (the one parse" \
    "and first score of each file included) over files x 10"
  echo "  CPU time (user + system, whole process tree): --jobs 1 $(kv "$RAW/j1.peak" cpu_s) s," \
    "--jobs 2 $(kv "$RAW/j2.peak" cpu_s) s, big batch $(kv "$RAW/big.peak" cpu_s) s," \
    "one process per file $(kv "$RAW/perfile.peak" cpu_s) s"
  echo "  peak MB: the resident sets of the process and its children, summed, sampled every 20 ms;"
  echo "    with shared pages divided among the processes (PSS):" \
    "--jobs 2 $(kv "$RAW/j2.peak" peak_pss_mb) MB, big batch $(kv "$RAW/big.peak" peak_pss_mb) MB;"
  echo "    the batch's parent process alone: --jobs 1 $(kv "$RAW/j1.peak" peak_root_rss_mb) MB," \
    "--jobs 2 $(kv "$RAW/j2.peak" peak_root_rss_mb) MB, big batch" \
    "$(kv "$RAW/big.peak" peak_root_rss_mb) MB; a worker holds one submission, so its peak" \
    "follows the largest file:"
  echo "    $(largest "$CORPUS") in the $COUNT-file corpus and in the big batch (the same files)"
  echo "  us/item: (wall time - start-up) / items. The scaling files have ${ID_COUNTS}elements" \
    "with an id (enterprises too);"
  echo "    above 20,000 items: gensub's 20,000-item file grown with copies of its own standards" \
    "(gensub caps --items at 20,000)."
  echo "    They are scored with ${SCALE_PARAMS[*]}"
  echo "  contention: the CPU other processes used during each row, as a share of the $NCPU cores:"
  echo "    $CONTENTION"
  echo
  echo "ratios and goals:"
  goal "qscore --jobs 1 / floor (goal <= 3)" "${QF}x" "$(verdict "$QF <= 3")"
  goal "jobs-2 speed-up, --jobs 1 / --jobs 2 (goal >= 1.8)" "${SPEEDUP}x" \
    "$(verdict "$SPEEDUP >= 1.8")"
  goal "naive / qscore --jobs 1 (goal >= 5)" "${NQ}x" "$(verdict "$NQ >= 5")"
  goal "one qscore score of the median file, start-up incl. (goal < 20)" "$MED_MS ms" \
    "$(verdict "$MED_MS < 20")"
  goal "us/item at $LARGE / at $SMALL items (goal <= 1.5)" "${PI_RATIO}x" \
    "$(verdict "$PI_RATIO <= 1.5")"
  goal "peak memory, batch --jobs 2 of $COUNT files (goal < 100)" "$J2_PEAK MB" \
    "$(verdict "$J2_PEAK < 100")"
  goal "peak memory, batch --jobs 2 of $BIG_COUNT files (goal < 100)" "$BIG_PEAK MB" \
    "$(verdict "$BIG_PEAK < 100")"
  goal "peak $BIG_COUNT files / peak $COUNT files (flat: <= 1.10)" "${MEM_RATIO}x" \
    "$(verdict "$MEM_RATIO <= 1.10")"
  goal "qscore score per file / qscore batch --jobs 1 (start-up cost)" \
    "$(calc "$PERFILE_S / $J1_S" %.2f)x"
  SENS0_S=$(calc "$(kv "$RAW/sens-0.peak" wall_s)" %.1f)
  goal "sensitivity, $SENS_COUNT files x 10 values of standards-many (goal: seconds, < 10)" \
    "$SENS0_S s" "$(verdict "$SENS0_S < 10")"
  goal "make bench elapsed (goal < 600 s)" "$ELAPSED s" "$(verdict "$ELAPSED < 600")"
  if [ "${#WARNINGS[@]}" -gt 0 ]; then
    echo
    echo "warnings:"
    for w in "${WARNINGS[@]}"; do echo "  $w"; done
  fi
  echo
  echo "raw measurements: $RAW/"
} >"$RESULTS"

cat "$RESULTS"
