#!/usr/bin/env bash
# Regenerates the PDF fixtures: each seed report (seed-*.txt, UTF-8) printed to PDF by LibreOffice
# Writer, as a department would export its report. Needs LibreOffice and a CJK font
# (Debian: apt-get install libreoffice-writer-nogui fonts-wqy-zenhei). The PDFs are committed so the
# tests run without either.
set -euo pipefail
cd "$(dirname "$0")"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
for seed in seed-000 seed-001 seed-002; do
  libreoffice -env:UserInstallation="file://$profile" --headless \
    --infilter="Text (encoded):UTF8,LF,,," --convert-to pdf:writer_pdf_Export "$seed.txt" --outdir . >/dev/null
done
# locked.pdf: a short report exported with the open password "secret", to test refusing encrypted PDFs.
libreoffice -env:UserInstallation="file://$profile" --headless \
  --infilter="Text (encoded):UTF8,LF,,," \
  --convert-to 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}' \
  locked.txt --outdir . >/dev/null
ls -l seed-*.pdf locked.pdf
