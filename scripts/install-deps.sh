#!/bin/sh
# install-deps.sh -- install the Debian packages qscore needs: to build and run it (the default),
# or also to run its tests (--test).
#
#   scripts/install-deps.sh          what `make`, `make samples`, `make install` and `make deb` need
#   scripts/install-deps.sh --test   that, and what `make test`, asan, valgrind, fuzz, check-format
#                                    and `make deb-check` need
#
# Run as root (or through sudo): installs whatever is missing. Run as another user: says exactly
# which command to run, and fails if anything is missing. Debian 12 (bookworm) is the reference;
# a system derived from Debian (UOS, deepin, Kylin, Ubuntu: ID_LIKE=debian in /etc/os-release)
# goes on with a note that the package names are Debian 12's; any other system gets the list of
# what the build needs in words, and exit 2. OS_RELEASE=FILE reads another os-release (for tests).
set -eu

usage() {
  echo "usage: scripts/install-deps.sh [--test]" >&2
  exit 2
}

test_set=0
case "${1-}" in
  "") ;;
  --test) test_set=1 ;;
  -h | --help)
    sed -n '2,13s/^# \{0,1\}//p' "$0"
    exit 0
    ;;
  *) usage ;;
esac
[ $# -le 1 ] || usage

# Build and run: a C compiler and make (build-essential, which also brings dpkg-dev for
# `make deb`), pkg-config, and the libraries' headers. libxlsxwriter-dev brings the library
# that qscore opens (dlopen) when it writes a workbook. xmllint is not needed to build.
RUNTIME="build-essential pkg-config libclips-dev libxml2-dev libjansson-dev nettle-dev \
libzip-dev libxlsxwriter-dev libxslt1-dev libjemalloc-dev libsqlite3-dev"

# The tests: Criterion; clang-format (check-format); valgrind; the batch tests open triage.xlsx
# with LibreOffice and unzip (every part of it must be well-formed XML) and render index.html and
# the reports in headless Chromium (with CJK fonts), whose PDFs poppler-utils measures; xmllint
# checks the test cases against the schema by hand (tests/cases/README.md); `make fuzz` builds
# with clang and links libFuzzer, which is in libclang-rt-14-dev (only a Recommends of clang on
# Debian 12, and recommends are not installed here); `make deb-check` builds a clean Debian root
# with mmdebstrap and installs the .deb in it.
TEST="libcriterion-dev clang-format valgrind chromium fonts-noto-cjk libreoffice-calc-nogui \
unzip poppler-utils libxml2-utils clang libclang-rt-14-dev dpkg-dev mmdebstrap"

PACKAGES=$RUNTIME
[ "$test_set" -eq 0 ] || PACKAGES="$RUNTIME $TEST"

# What the build needs, in words, for a system whose package names we do not know.
needs_in_words() {
  cat >&2 <<'EOF'
qscore needs, to build and run (Debian 12 package names in brackets):
  - a C11 compiler, make, ar and objdump                    [build-essential]
  - pkg-config                                              [pkg-config]
  - CLIPS 6.30, its headers and the static library libclips.a (linked as -lclips)
                                                            [libclips-dev]
  - libxml2, libxslt, jansson, nettle, libzip, jemalloc, SQLite 3, with their headers and
    .pc files [libxml2-dev libxslt1-dev libjansson-dev nettle-dev libzip-dev libjemalloc-dev
    libsqlite3-dev]
  - libxlsxwriter: its headers to build; its shared library (libxlsxwriter.so.N) at run time,
    opened when a workbook is written                       [libxlsxwriter-dev]
and, to run the tests: Criterion, clang-format, valgrind, Chromium with CJK fonts, LibreOffice
Calc, unzip, poppler's pdfinfo, clang with libFuzzer, and mmdebstrap for `make deb-check`.
Install their equivalents, then run `make samples-run` (build and score the samples) or
`make test-run` (the tests), which do not call this script.
qscore 需要：C 编译器与 make、pkg-config、CLIPS 6.30（静态库 libclips.a 及头文件）、libxml2、
libxslt、jansson、nettle、libzip、jemalloc、SQLite 3、libxlsxwriter（均含头文件）。请在本系统上安装对应的
软件包，再运行 make samples-run（编译并为示例评分）或 make test-run（测试）。
EOF
}

os_release=${OS_RELEASE:-/etc/os-release}
# One key of os-release(5), its quotes taken off (read, never run).
os_key() {
  [ -r "$os_release" ] || return 0
  sed -n "s/^$1=//p" "$os_release" | head -n 1 | sed "s/^[\"']//; s/[\"']\$//"
}
ID=$(os_key ID)
ID_LIKE=$(os_key ID_LIKE)
VERSION_ID=$(os_key VERSION_ID)
PRETTY_NAME=$(os_key PRETTY_NAME)
like=" $ID $ID_LIKE "
if [ "$ID" = debian ] && [ "$VERSION_ID" = 12 ]; then
  :
elif case $like in *" debian "* | *" ubuntu "* | *" uos "* | *" deepin "* | *" kylin "*) true ;; *) false ;; esac; then
  echo "install-deps: ${PRETTY_NAME:-$ID}: the package names below are Debian 12's; a few may" \
    "differ here (apt says which it does not know)." >&2
  echo "install-deps: ${PRETTY_NAME:-$ID}：以下软件包名称取自 Debian 12，个别名称在本系统上可能不同。" >&2
else
  echo "install-deps: ${PRETTY_NAME:-this system} is not Debian 12 nor derived from Debian" \
    "(no ID_LIKE=debian in $os_release); nothing installed." >&2
  echo "install-deps: 本系统不是 Debian 12 或其衍生发行版，未安装任何软件包。" >&2
  needs_in_words
  exit 2
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-deps: dpkg-query not found; this script needs dpkg and apt." >&2
  needs_in_words
  exit 2
fi

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

what="build"
[ "$test_set" -eq 0 ] || what="build and test"
if [ -z "$missing" ]; then
  echo "install-deps: all packages to $what present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing Debian packages (缺少软件包):$missing" >&2
  echo "install-deps: run (请运行): sudo apt-get update && sudo apt-get install -y --no-install-recommends$missing" >&2
  exit 1
fi

echo "install-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
# Offline, with a local mirror or a disc, the update may fail and the packages still be there.
apt-get update -q || echo "install-deps: apt-get update failed; trying the package lists at hand" >&2
unknown=""
for p in $missing; do
  if ! apt-cache show "$p" >/dev/null 2>&1; then unknown="$unknown $p"; fi
done
if [ -n "$unknown" ]; then
  echo "install-deps: apt knows no package named:$unknown" >&2
  echo "install-deps: apt 找不到以下软件包:$unknown（离线时请配置本地软件源；名称不同时请安装对应软件包）" >&2
  needs_in_words
  exit 1
fi
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
