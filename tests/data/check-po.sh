#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails when a translatable string has no zh_CN translation, or when a file with
# translatable strings is missing from po/POTFILES.in.
#
#   tests/data/check-po.sh [SOURCE_ROOT]
#
# It extracts the strings as `meson compile zicha-pot` does (xgettext, preset glib) into a
# scratch folder, merges po/zh_CN.po with them and lists every untranslated or fuzzy
# message. Nothing in the source tree changes.
set -euo pipefail

root=${1:-$(dirname "$0")/../..}
cd "$root"

for tool in xgettext msgmerge msgattrib msgfmt; do
  if ! command -v "$tool" >/dev/null; then
    echo "$tool is not installed (Debian package gettext)"
    exit 77
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# 1. Every file that marks strings for translation is listed, and every listed file exists.
grep -v '^\s*#' po/POTFILES.in | sed '/^\s*$/d' | sort -u >"$tmp/listed"
{
  grep -rlE '\b(N?C?_|g_dngettext|g_dpgettext2|ngettext)\s*\(\s*"' --include='*.c' src || true
  grep -rl 'translatable="yes"' --include='*.ui' --include='*.xml' --include='*.in' data || true
  ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml 2>/dev/null || true
} | sort -u >"$tmp/marked"

missing=$(comm -13 "$tmp/listed" "$tmp/marked")
if [ -n "$missing" ]; then
  echo "Files with translatable strings that po/POTFILES.in does not list:"
  echo "$missing" | sed 's/^/  /'
  status=1
fi
while read -r file; do
  if [ ! -f "$file" ]; then
    echo "po/POTFILES.in lists $file, which does not exist"
    status=1
  fi
done <"$tmp/listed"
[ $status -eq 0 ] || exit $status

# 2. The template, extracted the way meson's i18n module (preset glib) does it.
xgettext --package-name=zicha --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_printerr:1:c-format \
  --files-from="$tmp/listed" --output="$tmp/zicha.pot" 2>"$tmp/xgettext.log"

# A warning here is a string that cannot be translated as written, most often a format
# macro inside _() (G_GINT64_FORMAT): xgettext stops at the macro, so the message it
# extracts never matches the one the program looks up. Use "%" PRId64 (which gettext
# understands) or format the number into a string first.
if grep -q 'warning' "$tmp/xgettext.log"; then
  echo "xgettext cannot extract some messages as written:"
  sed 's/^/  /' "$tmp/xgettext.log"
  echo
  status=1
fi

# 3. zh_CN against it.
for lang in $(grep -v '^\s*#' po/LINGUAS); do
  msgfmt --check --check-format --output-file=/dev/null "po/$lang.po"
  msgmerge --quiet --output-file="$tmp/$lang.po" "po/$lang.po" "$tmp/zicha.pot"

  stats=$(msgfmt --statistics --output-file=/dev/null "$tmp/$lang.po" 2>&1)
  if echo "$stats" | grep -qE 'fuzzy|untranslated'; then
    echo "po/$lang.po is incomplete: $stats"
    echo
    # Everything after the header entry: the messages that need work.
    echo "Untranslated:"
    msgattrib --untranslated --no-obsolete --no-location "$tmp/$lang.po" | sed '1,/^$/d'
    echo
    echo "Fuzzy (check the translation, then remove the fuzzy flag):"
    msgattrib --only-fuzzy --no-obsolete --no-location "$tmp/$lang.po" | sed '1,/^$/d'
    status=1
  else
    echo "po/$lang.po: $stats"
  fi
done

exit $status
