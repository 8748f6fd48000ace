#!/bin/sh
# install-deps.sh -- install the Debian packages qscore needs to build and test.
#
# Run as root (or through sudo) on Debian 12: installs whatever is missing. Run as another
# user: says exactly which command to run, and fails if anything is missing.
set -eu

# The last two lines are what the tests need besides the build: the batch tests open
# triage.xlsx with LibreOffice and unzip (every part of it must be well-formed XML) and render
# index.html in headless Chromium; `make fuzz` builds
# with clang and links libFuzzer, which is in libclang-rt-14-dev (only a Recommends of clang on
# Debian 12, and recommends are not installed here).
PACKAGES="build-essential pkg-config libclips-dev libxml2-dev libxml2-utils libjansson-dev \
nettle-dev libzip-dev libxlsxwriter-dev libxslt1-dev libjemalloc-dev \
libcriterion-dev clang-format valgrind chromium fonts-noto-cjk libreoffice-calc-nogui unzip \
clang libclang-rt-14-dev"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -z "$missing" ]; then
  echo "install-deps: all packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing Debian packages:$missing" >&2
  echo "install-deps: run: sudo apt-get update && sudo apt-get install -y$missing" >&2
  exit 1
fi

echo "install-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
