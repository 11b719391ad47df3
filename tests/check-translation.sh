#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A translation is complete: every string the sources have now is
# translated, none is fuzzy. The template is made afresh from the sources,
# so a string added without updating po/ fails here.
set -eu
top=$1
lang=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$top"
# The same keywords as meson's "glib" preset.
xgettext --package-name=liaison --from-code=UTF-8 --add-comments=Translators \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
  --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
  --files-from=po/POTFILES.in --output="$work/liaison.pot"

msgmerge --quiet --no-fuzzy-matching --output-file="$work/$lang.po" "po/$lang.po" "$work/liaison.pot"
stats=$(msgfmt --check --statistics -o /dev/null "$work/$lang.po" 2>&1)
echo "$lang: $stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "po/$lang.po is not complete: run 'meson compile -C _build liaison-update-po' and translate what is new."
    msgattrib --untranslated --only-fuzzy "$work/$lang.po" 2>/dev/null | grep '^msgid' | head -n 20 || true
    msgattrib --untranslated "$work/$lang.po" | grep '^msgid' | head -n 20 || true
    exit 1
    ;;
esac
