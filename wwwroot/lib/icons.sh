#!/usr/bin/env bash
# Vendors the site's pictograms, outline icons of @tabler/icons (MIT), into two SVG sprites with the licence beside them:
# - wwwroot/icons/categories.svg: the category pictograms. The names are the values Category.Icon may take; keep the
#   list equal to Domain/CategoryIcons.cs (a test compares that list with the symbols written here).
# - wwwroot/icons/interface.svg: the few marks of the pages themselves (place, checks, verified); keep the list equal to
#   Infrastructure/InterfaceIcons.cs. Apart, so a coordinator's icon picker never offers them.
# Idempotent: run it again after changing a list or the version and commit the output.
set -euo pipefail

VERSION=3.51.0
CATEGORY_ICONS=(
  package shirt sofa bike ball-tennis
  heart-handshake building-bank stethoscope friends scale
  car steering-wheel truck tool
  ball-football coffee run masks-theater plant
  users-group baby-carriage beach
  language messages writing alphabet-latin
  books pencil backpack school
  briefcase search flask tools
  home building bed key
  bulb tent speakerphone sparkles
  heart paw tools-kitchen-2 device-laptop wheelchair
  category
)
INTERFACE_ICONS=(
  map-pin check x rosette-discount-check
)

here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../icons"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm pack "@tabler/icons@$VERSION" --silent >/dev/null && tar xzf "tabler-icons-$VERSION.tgz")
src="$tmp/package/icons/outline"

mkdir -p "$out"

# write_sprite FILE NAME...: the named icons as <symbol>s of one sprite.
write_sprite() {
  local file="$1"
  shift
  {
    printf '<svg xmlns="http://www.w3.org/2000/svg">\n'
    printf '<!-- @tabler/icons %s (MIT, see LICENSE): outline icons as symbols; they draw in the text colour (currentColor). -->\n' "$VERSION"
    for name in "$@"; do
      local icon="$src/$name.svg"
      [[ -f "$icon" ]] || { echo "icons.sh: no icon '$name' in @tabler/icons $VERSION" >&2; exit 1; }
      # The drawing without the outer <svg> and without Tabler's invisible 24x24 bounding path; the stroke settings
      # move to a group because attributes of <symbol> do not reach a <use> in every browser.
      local body
      body="$(tr '\n' ' ' <"$icon" | sed -E 's/^.*<svg[^>]*>//; s#</svg>.*$##; s#<path stroke="none" d="M0 0h24v24H0z" fill="none" */>##; s/  +/ /g; s/^ +//; s/ +$//')"
      printf '<symbol id="%s" viewBox="0 0 24 24"><g fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">%s</g></symbol>\n' "$name" "$body"
    done
    printf '</svg>\n'
  } >"$out/$file.tmp"
  mv "$out/$file.tmp" "$out/$file"
  echo "icons.sh: $# icons written to wwwroot/icons/$file"
}

write_sprite categories.svg "${CATEGORY_ICONS[@]}"
write_sprite interface.svg "${INTERFACE_ICONS[@]}"
cp "$tmp/package/LICENSE" "$out/LICENSE"
