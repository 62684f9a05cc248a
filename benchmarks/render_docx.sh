#!/usr/bin/env bash
# Render a .docx to PDF and one PNG per page so a human can look at the layout.
# Needs LibreOffice Writer, poppler-utils and a TH SarabunPSK twin for fontconfig:
#   apt-get install -y libreoffice-writer poppler-utils fonts-tlwg-laksaman fonts-thai-tlwg
# Not run in CI. Usage: benchmarks/render_docx.sh file.docx [out_dir] [dpi]
set -euo pipefail
docx="${1:?usage: render_docx.sh file.docx [out_dir] [dpi]}"
out="${2:-$(dirname "$docx")/render}"
dpi="${3:-70}"
mkdir -p "$out"
# A private profile avoids clashing with (or polluting) a LibreOffice the user has open.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$docx" >/dev/null
pdf="$out/$(basename "${docx%.*}").pdf"
pdftoppm -r "$dpi" -png "$pdf" "$out/$(basename "${docx%.*}")-page"
echo "pages: $(pdfinfo "$pdf" | awk '/^Pages/ {print $2}')  size: $(pdfinfo "$pdf" | awk -F': *' '/^Page size/ {print $2}')"
echo "fonts:"; pdffonts "$pdf" | tail -n +3 | awk '{print "  " $1}' | sort -u
ls "$out"/*.png
