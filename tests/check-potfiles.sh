#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every source file with a translatable string is listed in po/POTFILES.in,
# every listed file exists, and the list is sorted.
set -eu
cd "$1"

listed=$(mktemp)
found=$(mktemp)
trap 'rm -f "$listed" "$found"' EXIT

grep -v '^#' po/POTFILES.in | sed '/^[[:space:]]*$/d' >"$listed"

if ! LC_ALL=C sort -c "$listed" 2>/dev/null; then
  echo "po/POTFILES.in is not sorted"
  exit 1
fi

status=0
while read -r file; do
  if [ ! -f "$file" ]; then
    echo "po/POTFILES.in lists $file, which does not exist"
    status=1
  fi
done <"$listed"

{
  grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext)[[:space:]]*\(' src --include='*.c' || true
  grep -rl 'translatable="yes"' src data --include='*.ui' || true
  grep -rlE '<(summary|description|name|p)[ >]' data --include='*.xml.in' --include='*.gschema.xml' || true
  ls data/*.desktop.in 2>/dev/null || true
} | LC_ALL=C sort -u >"$found"

missing=$(LC_ALL=C comm -23 "$found" "$listed")
if [ -n "$missing" ]; then
  echo "These files have translatable strings but are not in po/POTFILES.in:"
  echo "$missing"
  status=1
fi

exit $status
