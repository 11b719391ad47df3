#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the sync importer's fuzz target with clang, libFuzzer,
# AddressSanitizer and UndefinedBehaviorSanitizer, straight from the core
# sources (the project itself builds with gcc), then runs it for a bounded
# time over the seed corpus in tests/fuzz/corpus:
#
#   tests/fuzz/run-fuzz.sh SOURCE_ROOT BUILD_ROOT [SECONDS]
#
# SECONDS (or LIAISON_FUZZ_SECONDS) is 60 unless given. A crash, a
# sanitizer report, a GLib critical or a refused file that changed the
# database fails, with the input that did it kept in BUILD_ROOT/tests/fuzz
# and the stack printed. Without clang or its fuzzer runtime the test is
# skipped (exit 77). To run one input again:
#
#   ASAN_OPTIONS=external_symbolizer_path=$(command -v addr2line) \
#     BUILD_ROOT/tests/fuzz/fuzz-sync-import FILE
set -eu

srcdir=$(cd "$1" && pwd -P)
builddir=$(cd "$2" && pwd -P)
seconds=${3:-${LIAISON_FUZZ_SECONDS:-60}}
out=$builddir/tests/fuzz
target=$out/fuzz-sync-import
cc=${CLANG:-clang}

skip () {
  echo "1..0 # SKIP $*"
  exit 77
}

command -v "$cc" >/dev/null 2>&1 || skip "clang is not installed"
command -v pkg-config >/dev/null 2>&1 || skip "pkg-config is not installed"
command -v glib-compile-resources >/dev/null 2>&1 || skip "glib-compile-resources is not installed"
[ -f "$builddir/config.h" ] || { echo "no config.h in $builddir: run meson setup first" >&2; exit 1; }

mkdir -p "$out"

# The fuzzer runtime (libclang-rt-NN-dev on Debian) is a separate package.
printf 'int LLVMFuzzerTestOneInput (const char *d, unsigned long n) { return 0; }\n' >"$out/probe.c"
if ! "$cc" -fsanitize=fuzzer,address,undefined "$out/probe.c" -o "$out/probe" >"$out/probe.log" 2>&1; then
  skip "clang cannot link -fsanitize=fuzzer,address,undefined (libclang-rt missing?)"
fi
rm -f "$out/probe" "$out/probe.c" "$out/probe.log"

# The core's sources, as src/core/meson.build lists them
sources=$(sed -n '/^liaison_core_sources = files(/,/^)/p' "$srcdir/src/core/meson.build" |
          grep -o "'[^']*\.c'" | tr -d "'" | sed "s|^|$srcdir/src/core/|")
[ -n "$sources" ] || { echo "no core sources found in src/core/meson.build" >&2; exit 1; }

# Built again only when a source is newer than the target
rebuild=1
if [ -x "$target" ] && [ -z "$(find "$srcdir/src/core" "$srcdir/tests/fuzz/fuzz-sync-import.c" \
                                "$srcdir/tests/fuzz/run-fuzz.sh" "$builddir/config.h" \
                                -newer "$target" -type f 2>/dev/null)" ]; then
  rebuild=0
fi

if [ $rebuild = 1 ]; then
  echo "# Building $target"
  glib-compile-resources --sourcedir="$srcdir/src/core" --c-name liaison_core \
    --generate-header --target="$out/liaison-core-resources.h" "$srcdir/src/core/liaison-core.gresource.xml"
  glib-compile-resources --sourcedir="$srcdir/src/core" --c-name liaison_core \
    --generate-source --target="$out/liaison-core-resources.c" "$srcdir/src/core/liaison-core.gresource.xml"

  # shellcheck disable=SC2046,SC2086 # the flags and the list are split on purpose
  "$cc" -g -O1 -fno-omit-frame-pointer -std=gnu11 \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I"$builddir" -I"$out" -I"$srcdir/src/core" \
    $(pkg-config --cflags glib-2.0 gio-2.0 json-glib-1.0 sqlite3) \
    "$srcdir/tests/fuzz/fuzz-sync-import.c" $sources "$out/liaison-core-resources.c" \
    $(pkg-config --libs glib-2.0 gio-2.0 json-glib-1.0 sqlite3) -lm \
    -o "$target.new"
  mv "$target.new" "$target"
fi

# New inputs go to a corpus of the build's own; the checked-in seeds stay
# as they are. The dictionary holds the words of the format.
mkdir -p "$out/corpus"
cat >"$out/sync.dict" <<'EOF'
"{\"format\":\"org.jlgc.Liaison.sync\",\"format_version\":1,"
"\"format\""
"\"format_version\""
"\"exporter\""
"\"app_version\""
"\"exported_at\""
"\"seen\""
"\"records\""
"\"type\""
"\"uuid\""
"\"fields\""
"\"value\""
"\"hlc\""
"\"site\""
"\"seq\""
"\"vv\""
"\"_deleted\""
"\"person\""
"\"organization\""
"\"application\""
"\"status_change\""
"\"seminar\""
"\"activity\""
"\"family_name\""
"\"cohort_year\""
"\"00000000000000f0\""
"\"00000000000000aa\""
"\"1764252180000-0000\""
"\"6b1f8a52-3d4e-4c1b-9f0a-2e7d5c8b1a90\""
"\"0c9e2d71-5a3b-4f6e-8d1c-7b2a9e4f3c15\""
"1764252180000"
"9007199254740991"
"\\u0000"
"\\ud83c\\udf38"
"true"
"false"
"null"
EOF

# The inputs of an earlier failure are not this run's.
rm -f "$out"/crash-* "$out"/leak-* "$out"/timeout-* "$out"/oom-*

# Stacks with function names and lines: llvm-symbolizer is in the llvm
# package, which clang does not pull in; binutils' addr2line does too.
symbolizer=
for tool in llvm-symbolizer "$("$cc" -print-prog-name=llvm-symbolizer)" addr2line; do
  if command -v "$tool" >/dev/null 2>&1; then
    symbolizer=$(command -v "$tool")
    break
  fi
done
symbolize=${symbolizer:+:external_symbolizer_path=$symbolizer}

echo "# Fuzzing the sync importer for $seconds seconds"
status=0
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1$symbolize} \
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1$symbolize} \
  "$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$out/" -dict="$out/sync.dict" \
    "$out/corpus" "$srcdir/tests/fuzz/corpus" >"$out/fuzz.log" 2>&1 || status=$?

# libFuzzer's own lines are many; the end of them says how it went.
if [ $status -ne 0 ]; then
  tail -n 150 "$out/fuzz.log"
  echo "# The fuzzer failed (exit $status). Its input is kept:"
  for artifact in "$out"/crash-* "$out"/leak-* "$out"/timeout-* "$out"/oom-*; do
    [ -e "$artifact" ] && echo "#   $artifact"
  done
  echo "# Run it again with: ASAN_OPTIONS='${symbolize#:}' $target FILE"
  exit 1
fi

grep -E '^(#[0-9]+ +DONE|Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb)' "$out/fuzz.log" || tail -n 5 "$out/fuzz.log"
echo "# No crash, sanitizer report or change by a refused file."
