#!/usr/bin/env bash
# Rebuilds the DejaVu Sans faces embedded for PDFs (Infrastructure/Pdf/PdfFonts) as subsets: Skia's PDF writer here
# embeds a face whole, and whole DejaVu made a one-page proof of engagement 800 KB. Kept: Latin (with Vietnamese and
# combining marks), Greek, Cyrillic (with the supplement), punctuation, super/subscripts, currency, letterlike forms,
# arrows, the minus, check marks, geometric shapes, Latin ligatures. Arabic script comes from Vazirmatn NL (already small).
# Source: Debian's fonts-dejavu-core (the upstream files); tool: fontTools' subsetter (python3-fonttools).
set -euo pipefail
cd "$(dirname "$0")"

missing=()
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
/usr/bin/python3 -c "import fontTools" 2>/dev/null || missing+=(python3-fonttools)
if [ ${#missing[@]} -gt 0 ]; then
    apt-get install -y --no-install-recommends "${missing[@]}"
fi

ranges="U+0000-024F,U+0259,U+02B0-02FF,U+0300-036F,U+0370-03FF,U+0400-052F,U+1E00-1EFF,U+2000-206F,U+2070-209F"
ranges+=",U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2212,U+2713,U+2717,U+25A0-25FF,U+FB00-FB06,U+FEFF,U+FFFD"
for face in DejaVuSans DejaVuSans-Bold; do
    /usr/bin/python3 -m fontTools.subset "/usr/share/fonts/truetype/dejavu/$face.ttf" \
        --unicodes="$ranges" --layout-features='*' --no-hinting --drop-tables+=FFTM --output-file="$face.ttf"
done
ls -l DejaVuSans*.ttf
