#!/bin/sh
# mkdeb.sh -- make the Debian package from what `make install DESTDIR=$BUILD/deb-root PREFIX=/usr`
# put into $BUILD/deb-root (`make deb` runs both). Standard tools only: dpkg-shlibdeps for the
# libraries qscore is linked against, dpkg-deb --root-owner-group to build (no root, no fakeroot).
#
# Depends: what dpkg-shlibdeps finds in the binary's NEEDED entries, plus the package of
# libxlsxwriter, which qscore opens with dlopen (base/qs_xlsxw.c) under the SONAME found when it
# was built (XLSX_SONAME, from the Makefile): no tool sees a dlopen, and without it every workbook
# (batch's triage.xlsx) would fail to be written on a machine that lacks the library.
set -eu
cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
ROOT=$BUILD/deb-root
MAINTAINER=${DEB_MAINTAINER:-qscore maintainers <qscore@example.org>}
: "${XLSX_SONAME:?XLSX_SONAME: the SONAME of libxlsxwriter (set by make deb)}"

[ -x "$ROOT/usr/bin/qscore" ] || {
  echo "mkdeb: $ROOT/usr/bin/qscore missing: run make deb" >&2
  exit 1
}

VERSION=$(sed -n 's/^#define QSCORE_VERSION "\(.*\)"$/\1/p' engine/qs_engine.h)
[ -n "$VERSION" ] || {
  echo "mkdeb: no QSCORE_VERSION in engine/qs_engine.h" >&2
  exit 1
}
ARCH=$(dpkg --print-architecture)
DEB=$BUILD/qscore_${VERSION}_$ARCH.deb

# Stripped as dh_strip does (build/qscore keeps its symbols for debugging).
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$ROOT/usr/bin/qscore"
# Compressed as Debian wants them: manual pages and the changelog (gzip -n: no name, no time).
find "$ROOT/usr/share/man" -type f -name '*.[0-9]' -exec gzip -9nf {} +
DOC=$ROOT/usr/share/doc/qscore
cat >"$DOC/copyright" <<'EOF'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: qscore
Comment: The rubric quoted in rules/2025/official-zh.txt and in the rules' headers is
 《产业质量提升标志性项目成果评价要求（2025年版）》, an official text. The samples are fictional.

Files: *
Copyright: 2025-2026 the qscore authors
License: unstated
 The source tree states no licence yet; until it does, all rights are reserved by its
 authors.
EOF
# The changelog's date is the last commit's (or SOURCE_DATE_EPOCH), so the package is the same
# bytes for the same tree.
EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
{
  echo "qscore ($VERSION) unstable; urgency=medium"
  echo
  echo "  * Package built from the qscore source tree (make deb)."
  echo
  echo " -- $MAINTAINER  $(LC_ALL=C date -u -R -d "@$EPOCH")"
} | gzip -9n >"$DOC/changelog.gz"

# Depends. dpkg-shlibdeps reads debian/control, so it runs in a scratch folder with a minimal one.
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
mkdir "$SCRATCH/debian"
printf 'Source: qscore\n\nPackage: qscore\nArchitecture: any\n' >"$SCRATCH/debian/control"
BIN=$(cd "$ROOT/usr/bin" && pwd)/qscore
SHLIBS=$(cd "$SCRATCH" && dpkg-shlibdeps -O -e"$BIN" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$SHLIBS" ] || {
  echo "mkdeb: dpkg-shlibdeps found no dependencies of $BIN" >&2
  exit 1
}
# libxlsxwriter: the package that holds the SONAME, at the version its shlibs file asks for.
XLSX_PKG=$(dpkg -S "*/$XLSX_SONAME" 2>/dev/null | sed -n '1s/:.*//p')
[ -n "$XLSX_PKG" ] || {
  echo "mkdeb: no installed package holds $XLSX_SONAME" >&2
  exit 1
}
XLSX_DEP=$XLSX_PKG
SHLIBS_FILE=$(dpkg-query --control-path "$XLSX_PKG" shlibs 2>/dev/null || true)
if [ -n "$SHLIBS_FILE" ] && [ -r "$SHLIBS_FILE" ]; then
  dep=$(awk -v p="$XLSX_PKG" '$3 == p { $1 = ""; $2 = ""; sub(/^  /, ""); print; exit }' \
    "$SHLIBS_FILE")
  [ -z "$dep" ] || XLSX_DEP=$dep
fi

SIZE=$(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)
mkdir -p "$ROOT/DEBIAN"
cat >"$ROOT/DEBIAN/control" <<EOF
Package: qscore
Version: $VERSION
Architecture: $ARCH
Maintainer: $MAINTAINER
Installed-Size: $SIZE
Depends: $SHLIBS, $XLSX_DEP
Section: utils
Priority: optional
Description: suggest scores for quality-improvement flagship project applications
 qscore reads an application for an industrial quality-improvement
 flagship project (产业质量提升标志性项目), written as XML, and suggests a
 band and points for each of the twelve indicators of the 2025 rubric,
 each point traced to the evidence it rests on and to the rubric's
 wording. It scores folders of applications into a ranked table (CSV,
 XLSX, HTML) and writes reports as text, JSON, XML and a printable page.
 .
 qscore 依据《产业质量提升标志性项目成果评价要求（2025年版）》
 为申报材料提出评分建议：十二项指标的档位与得分，每一分都注明
 所依据的证据与评价要求原文；可批量评分并生成排名表（CSV、
 XLSX、HTML）。评分仅为建议，由评审人决定。
EOF
# Checksums of the files, as dh_md5sums writes them.
(cd "$ROOT" && find . -path ./DEBIAN -prune -o -type f -print | sed 's|^\./||' | LC_ALL=C sort |
  xargs -d '\n' md5sum) >"$ROOT/DEBIAN/md5sums"
chmod 644 "$ROOT/DEBIAN/control" "$ROOT/DEBIAN/md5sums"

# Every file dated at most the changelog's date, so the same tree gives the same package.
find "$ROOT" -newermt "@$EPOCH" -exec touch -h -d "@$EPOCH" {} +
# dpkg-deb refuses a root whose folders are group-writable (a umask of 002).
find "$ROOT" -type d -exec chmod 755 {} +
rm -f "$DEB"
SOURCE_DATE_EPOCH=$EPOCH dpkg-deb --root-owner-group -Zxz --build "$ROOT" "$DEB" >/dev/null
echo "mkdeb: $DEB"
echo "mkdeb: Depends: $SHLIBS, $XLSX_DEP"
