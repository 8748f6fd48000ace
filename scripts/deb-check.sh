#!/bin/sh
# deb-check.sh -- the .deb as an office gets it: installed by apt into a clean, minimal Debian 12
# root, its Depends resolved from the Debian mirror, then the installed qscore run there.
# `make deb-check` builds the package first and runs this (as root: it uses chroot).
#
#   1. mmdebstrap --variant=apt bookworm $BUILD/deb-check-root, in which apt installs the .deb
#      (apt-get install ./qscore_*.deb: it and what it depends on, nothing else), from the
#      Debian mirror this machine's apt uses (DEB_CHECK_MIRROR=URL to name another). The
#      downloaded packages are kept in $BUILD/deb-check-cache: a second run fetches nothing.
#   2. In the root, with the installed qscore: every sample in /usr/share/doc/qscore/examples
#      scored (exit 0, a total line, the same bytes as build/qscore gives), a batch of them
#      (triage.xlsx written: libxlsxwriter, opened with dlopen, is there), the manual pages and
#      every path they cite, the rules, schemas and stylesheet, the completion when packaged,
#      the intake workbook (template written, the shipped sample workbook imported and scored).
#
# The root is removed when everything passed (DEB_CHECK_KEEP=1 keeps it), kept for a look
# otherwise.
set -eu
cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
ROOT=$BUILD/deb-check-root
CACHE=$BUILD/deb-check-cache
AS_OF=2026-12-31
EPOCH=1798675200 # 2026-12-31T00:00:00Z: the xlsx creation time, the same in both runs
start=$(date +%s)

fail() {
  echo "deb-check: FAIL: $*" >&2
  echo "deb-check: the root is kept in $ROOT" >&2
  exit 1
}

[ "$(id -u)" -eq 0 ] || {
  echo "deb-check: run as root (mmdebstrap and chroot)" >&2
  exit 2
}
command -v mmdebstrap >/dev/null || {
  echo "deb-check: mmdebstrap missing: scripts/install-deps.sh --test" >&2
  exit 2
}
VERSION=$(sed -n 's/^#define QSCORE_VERSION "\(.*\)"$/\1/p' engine/qs_engine.h)
DEB=$(pwd)/$BUILD/qscore_${VERSION}_$(dpkg --print-architecture).deb
[ -f "$DEB" ] || fail "$DEB missing: run make deb"

# The Debian 12 sources this machine's apt uses (one-line and deb822 formats), main only.
sources() {
  cat /etc/apt/sources.list 2>/dev/null | awk '$1 == "deb" && $0 !~ /\[/ && $3 ~ /^bookworm/ {
    print "deb " $2 " " $3 " main" }'
  for f in /etc/apt/sources.list.d/*.list; do
    [ -r "$f" ] && awk '$1 == "deb" && $0 !~ /\[/ && $3 ~ /^bookworm/ { print "deb " $2 " " $3 " main" }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -r "$f" ] && awk 'BEGIN { RS = ""; FS = "\n" } {
      uri = ""; suites = ""; types = ""
      for (i = 1; i <= NF; i++) {
        if ($i ~ /^URIs:/) { uri = $i; sub(/^URIs:[ \t]*/, "", uri); sub(/[ \t].*/, "", uri) }
        if ($i ~ /^Suites:/) { suites = $i; sub(/^Suites:[ \t]*/, "", suites) }
        if ($i ~ /^Types:/) types = $i
      }
      if (types !~ /deb( |$)/ || uri == "") next
      n = split(suites, s, /[ \t]+/)
      for (k = 1; k <= n; k++) if (s[k] ~ /^bookworm/) print "deb " uri " " s[k] " main"
    }' "$f"
  done
}
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
if [ -n "${DEB_CHECK_MIRROR-}" ]; then
  echo "deb $DEB_CHECK_MIRROR bookworm main" >"$SCRATCH/sources.list"
else
  sources | awk '!seen[$0]++' >"$SCRATCH/sources.list"
  grep -q ' bookworm main$' "$SCRATCH/sources.list" ||
    echo "deb http://deb.debian.org/debian bookworm main" >>"$SCRATCH/sources.list"
fi
echo "deb-check: sources:"
sed 's/^/  /' "$SCRATCH/sources.list"

# A root left mounted by an interrupted run must not be removed through its mounts.
if grep -q " $(cd "$(dirname "$ROOT")" && pwd)/$(basename "$ROOT")[/ ]" /proc/mounts; then
  fail "something is still mounted under $ROOT; unmount it first"
fi
rm -rf "$ROOT"
mkdir -p "$CACHE"
echo "deb-check: creating $ROOT with $DEB"
# apt in the root installs the .deb (copied in first: apt runs dpkg chrooted) and its Depends.
mmdebstrap ${DEB_CHECK_MMDEBSTRAP_OPTS:---quiet} --variant=apt \
  --skip=download/empty --skip=essential/unlink \
  --setup-hook='mkdir -p "$1"/var/cache/apt/archives/' \
  --setup-hook="sync-in $CACHE /var/cache/apt/archives/" \
  --customize-hook="copy-in $DEB /tmp" \
  --customize-hook="chroot \"\$1\" apt-get install -y -qq --no-install-recommends /tmp/$(basename "$DEB")" \
  --customize-hook="rm -f \"\$1\"/tmp/$(basename "$DEB")" \
  --customize-hook="sync-out /var/cache/apt/archives $CACHE" \
  bookworm "$ROOT" "$SCRATCH/sources.list" || fail "mmdebstrap"
rm -f "$CACHE"/qscore_*.deb
made=$(date +%s)

# The root as a running system has it: /proc mounted (libxlsxwriter writes a workbook through
# /proc/self/fd), unmounted whatever happens.
unmount_proc() {
  [ -d "$ROOT/proc" ] || return 0
  if grep -q " $(cd "$ROOT" && pwd)/proc " /proc/mounts; then
    umount "$ROOT/proc" 2>/dev/null || { sleep 1 && umount "$ROOT/proc"; } || umount -l "$ROOT/proc"
  fi
}
mount -t proc proc "$ROOT/proc" || fail "mount /proc in the root"
trap 'unmount_proc; rm -rf "$SCRATCH"' EXIT
in_root() { chroot "$ROOT" "$@"; }
EX=/usr/share/doc/qscore/examples

got=$(in_root qscore --version) || fail "qscore --version"
[ "$got" = "qscore $VERSION" ] || fail "qscore --version said '$got'"
in_root dpkg-query -W -f='${Depends}\n' qscore | grep -q 'libxlsxwriter' ||
  fail "the package does not depend on libxlsxwriter"

# Every sample, scored by the installed qscore in the root and by build/qscore here, from the
# same relative path: the same bytes, exit 0, and a total line.
n=0
for f in samples/*.xml; do
  b=$(basename "$f")
  rc=0
  in_root sh -c "cd $EX && qscore score --as-of $AS_OF $b" >"$SCRATCH/root.txt" 2>&1 || rc=$?
  [ "$rc" -eq 0 ] || fail "qscore score $EX/$b exited $rc: $(head -3 "$SCRATCH/root.txt")"
  grep -q '^总分: [0-9]* / 105' "$SCRATCH/root.txt" || fail "no total line for $b"
  (cd samples && ../"$BUILD"/qscore score --as-of $AS_OF "$b") >"$SCRATCH/here.txt" 2>&1
  cmp -s "$SCRATCH/root.txt" "$SCRATCH/here.txt" ||
    fail "$b: the installed qscore and $BUILD/qscore disagree"
  n=$((n + 1))
done
echo "deb-check: $n samples scored in the root: $(grep '^总分' "$SCRATCH/root.txt") ($b)"

# A batch: triage.xlsx is written through libxlsxwriter, which qscore opens with dlopen.
rc=0
in_root sh -c "cd $EX/.. && SOURCE_DATE_EPOCH=$EPOCH qscore batch -q --as-of $AS_OF \
  --out /tmp/qs-batch examples" >"$SCRATCH/batch.txt" 2>&1 || rc=$?
[ "$rc" -eq 0 ] || fail "qscore batch exited $rc: $(cat "$SCRATCH/batch.txt")"
[ "$(head -c 4 "$ROOT/tmp/qs-batch/triage.xlsx" | od -An -c | tr -d ' ')" = 'PK003004' ] ||
  fail "no triage.xlsx (a zip) in the batch's output"
rm -rf "$SCRATCH/batch"
QS=$(pwd)/$BUILD/qscore
(cd "$ROOT$EX/.." && SOURCE_DATE_EPOCH=$EPOCH "$QS" batch -q --as-of $AS_OF \
  --out "$SCRATCH/batch" examples) >/dev/null 2>&1 || true
for o in triage.csv triage.xlsx results.jsonl; do
  cmp -s "$ROOT/tmp/qs-batch/$o" "$SCRATCH/batch/$o" ||
    fail "$o differs between the root and $BUILD/qscore"
done
echo "deb-check: batch in the root: $(ls "$ROOT/tmp/qs-batch" | tr '\n' ' ')"

# The office's way in: the empty workbook written, and the shipped filled workbook imported and
# scored by the installed qscore, as the sample it was made from scores.
in_root qscore template -o /tmp/qs-template.xlsx >/dev/null 2>&1 || fail "qscore template"
[ "$(head -c 4 "$ROOT/tmp/qs-template.xlsx" | od -An -c | tr -d ' ')" = 'PK003004' ] ||
  fail "qscore template wrote no workbook"
in_root qscore import -o /tmp/qs-intake.xml "$EX/intake/zhejiang-ningbo-auto-parts.xlsx" ||
  fail "qscore import of the sample workbook"
in_root qscore score --as-of $AS_OF /tmp/qs-intake.xml | grep '^总分' >"$SCRATCH/intake.txt" || true
(cd samples && ../"$BUILD"/qscore score --as-of $AS_OF zhejiang-ningbo-auto-parts.xml) |
  grep '^总分' | cmp -s - "$SCRATCH/intake.txt" ||
  fail "the sample workbook does not score as its sample: $(cat "$SCRATCH/intake.txt")"
echo "deb-check: the sample workbook imported and scored in the root: $(cat "$SCRATCH/intake.txt")"

# The installed files: manual pages, the rules, schemas and stylesheet, the completion.
for p in /usr/share/man/man1/qscore.1.gz /usr/share/man/zh_CN/man1/qscore.1.gz \
  /usr/share/qscore/rules/2025/mechanism.clp /usr/share/qscore/schemas/submission-2025.xsd \
  /usr/share/qscore/schemas/report-2025.xsd /usr/share/qscore/schemas/report-html.xsl \
  /usr/share/doc/qscore/copyright "$EX/README.md"; do
  [ -s "$ROOT$p" ] || fail "$p missing"
done
# (grep reads the whole listing: with -q it would stop early and dpkg-deb's tar die of SIGPIPE.)
if dpkg-deb -c "$DEB" | grep 'bash-completion/completions/qscore$' >/dev/null; then
  [ -s "$ROOT/usr/share/bash-completion/completions/qscore" ] || fail "completion missing"
  echo "deb-check: bash completion installed"
else
  echo "deb-check: no bash completion in this tree (scripts/bash-completion/qscore)"
fi
# Every path the manual pages cite (EXAMPLES, SEE ALSO, FILES) exists once installed.
cited=$(for m in "$ROOT"/usr/share/man/man1/qscore.1.gz "$ROOT"/usr/share/man/zh_CN/man1/qscore.1.gz; do
  gzip -dc "$m"
done | sed 's/\\-/-/g; s/\\&//g' | grep -o '/usr/share/[A-Za-z0-9_./-]*' | sed 's/[.,]*$//' | sort -u)
[ -n "$cited" ] || fail "the manual pages cite no installed path"
for p in $cited; do
  [ -e "$ROOT$p" ] || fail "the manual page cites $p, which is not installed"
done
echo "deb-check: the manual pages cite $(echo "$cited" | wc -l) installed paths, all present"
# The command the man page's EXAMPLES start with, as written there.
in_root qscore score --as-of $AS_OF "$EX/zhejiang-ningbo-auto-parts.xml" >/dev/null ||
  fail "the manual page's first example"

end=$(date +%s)
unmount_proc
echo "deb-check: OK in $((end - start)) s (root made in $((made - start)) s;" \
  "$(du -sxh "$ROOT" | cut -f1) root, $(ls "$CACHE" | wc -l) packages cached)"
[ "${DEB_CHECK_KEEP-}" = 1 ] || rm -rf "$ROOT"
