#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `meson install` puts every file where a Flatpak build (prefix /app) and a
# distribution package (prefix /usr) expect it.
set -eu
builddir=$1
prefix=$2
app_id=$3
destdir=$(mktemp -d)
trap 'rm -rf "$destdir"' EXIT

meson install -C "$builddir" --no-rebuild --quiet --destdir "$destdir" >/dev/null
root="$destdir$prefix"

status=0
for file in \
  bin/liaison \
  share/applications/$app_id.desktop \
  share/metainfo/$app_id.metainfo.xml \
  share/icons/hicolor/scalable/apps/$app_id.svg \
  share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg \
  share/glib-2.0/schemas/org.jlgc.Liaison.gschema.xml \
  share/locale/ja/LC_MESSAGES/liaison.mo
do
  if [ ! -f "$root/$file" ]; then
    echo "not installed: $file"
    status=1
  fi
done
[ -x "$root/bin/liaison" ] || { echo "bin/liaison is not executable"; status=1; }

grep -qx "Icon=$app_id" "$root/share/applications/$app_id.desktop" ||
  { echo "the desktop file does not name the icon $app_id"; status=1; }
grep -q "<id>$app_id</id>" "$root/share/metainfo/$app_id.metainfo.xml" ||
  { echo "the metainfo does not have the id $app_id"; status=1; }
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$root/share/metainfo/$app_id.metainfo.xml" ||
  { echo "the metainfo does not launch $app_id.desktop"; status=1; }
# The merged files carry the Japanese translation.
grep -q '^Comment\[ja\]=' "$root/share/applications/$app_id.desktop" ||
  { echo "the desktop file has no Japanese comment"; status=1; }
grep -q 'xml:lang="ja"' "$root/share/metainfo/$app_id.metainfo.xml" ||
  { echo "the metainfo has no Japanese text"; status=1; }

# Nothing is installed outside the prefix.
outside=$(cd "$destdir" && find . -type f | grep -v "^\.$prefix/" || true)
if [ -n "$outside" ]; then
  echo "installed outside $prefix:"
  echo "$outside"
  status=1
fi

exit $status
