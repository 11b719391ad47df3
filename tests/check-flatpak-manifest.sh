#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# flatpak-builder parses the manifest and names no unknown property. Its
# warnings go to stderr; any of them fails the check.
set -eu
flatpak_builder=$1
manifest=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! "$flatpak_builder" --show-manifest "$manifest" >"$work/out" 2>"$work/err"; then
  cat "$work/err"
  exit 1
fi
if [ -s "$work/err" ]; then
  cat "$work/err"
  exit 1
fi
grep -q '"app-id" *: *"org.jlgc.Liaison"' "$work/out" || grep -q '"id" *: *"org.jlgc.Liaison"' "$work/out" || {
  echo "the manifest does not build org.jlgc.Liaison"
  exit 1
}
