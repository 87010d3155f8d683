#!/usr/bin/env bash
# Here (the development machine, Debian bookworm with chromium installed): stage what the embedded
# renderer needs on the GPU loan, which has Python 3.12 but no flet, playwright, tree-sitter, pydantic,
# Chromium or Chromium's libraries, and no network.
#
#   wheels: flet, flet-web, playwright (bundles its node driver), tree-sitter(-dart), uvicorn, psutil,
#           pydantic and every dependency, for CPython 3.12 manylinux, at the versions of this .venv;
#   debs:   chromium, chromium-common and every package owning a shared library that Chromium or its
#           bundled .so files load (ldd + dpkg -S), except the C runtime (libc6, libgcc-s1, libstdc++6:
#           Ubuntu 24.04's are newer, and glibc must never be replaced).
#
# Everything goes into one uncompressed tar (debs and wheels are compressed already), cut into parts
# of PART_MIB MiB, one part per carry folder ${CARRY_PREFIX}1, 2, ... (a device call carries one
# folder plus the ~21 MB working tree, which holds models/small-flutter-policy, under its 64 MiB
# limit). On the device, call k runs
#   bash benchmarks/gpu/install_renderer.sh ${CARRY_PREFIX}k
# Downloads are kept in STAGE_DIR and reused.
set -euo pipefail

STAGE_DIR=${STAGE_DIR:-.device/renderer-stage}
CARRY_PREFIX=${CARRY_PREFIX:-.device/carry}
PART_MIB=${PART_MIB:-40}
VENV_PIP=${VENV_PIP:-.venv/bin/pip}
CHROMIUM_DIR=/usr/lib/chromium
WHEELS="flet flet-web playwright tree-sitter tree-sitter-dart uvicorn psutil pydantic"
C_RUNTIME="libc6|libgcc-s1|libstdc\+\+6"

mkdir -p "$STAGE_DIR/bundle/wheels" "$STAGE_DIR/bundle/debs"

echo "== wheels (CPython 3.12, versions pinned to this .venv)"
"$VENV_PIP" freeze --exclude-editable | grep -v ' @ ' > "$STAGE_DIR/venv-constraints.txt"
"$VENV_PIP" download -q --only-binary=:all: --python-version 3.12 --implementation cp --abi cp312 \
  --platform manylinux_2_34_x86_64 --platform manylinux_2_28_x86_64 --platform manylinux_2_27_x86_64 \
  --platform manylinux_2_24_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 \
  --platform any -c "$STAGE_DIR/venv-constraints.txt" -d "$STAGE_DIR/bundle/wheels" $WHEELS

echo "== debs (Chromium and the packages owning the libraries it loads)"
libraries=$(for binary in "$CHROMIUM_DIR/chromium" "$CHROMIUM_DIR/chrome_crashpad_handler" "$CHROMIUM_DIR"/*.so*; do
  [[ $binary == *.TOC ]] || ldd "$binary"; done | awk '$2 == "=>" && $3 ~ /^\// {print $3}' | sort -u)
packages=$(for library in $libraries; do
  dpkg -S "$(readlink -f "$library")" 2>/dev/null || dpkg -S "$library"; done |
  cut -d: -f1 | sort -u | grep -vxE "$C_RUNTIME")
# Chromium's binary and resources, and a library it dlopens (seen in /proc/PID/maps of a rendering
# Chromium: everything else it maps is in the ldd closure or is the C runtime). No fonts: renders
# are byte-identical with an empty fontconfig (Flutter draws with its own bundled fonts).
packages="chromium chromium-common libwayland-client0 $packages"
(cd "$STAGE_DIR/bundle/debs" && for package in $packages; do
  ls "${package}"_*.deb >/dev/null 2>&1 || apt-get download -q "$package" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true
  ls "${package}"_*.deb >/dev/null 2>&1 || { echo "apt-get download $package failed" >&2; exit 1; }
done)
echo "$packages" | tr ' ' '\n' | sort > "$STAGE_DIR/bundle/packages.txt"

echo "== bundle"
(cd "$STAGE_DIR/bundle" && find wheels debs -type f | sort | xargs sha256sum > SHA256SUMS)
tar -C "$STAGE_DIR/bundle" -cf "$STAGE_DIR/renderer.tar" SHA256SUMS packages.txt wheels debs
rm -f "$STAGE_DIR"/renderer.tar.part*
split -b "${PART_MIB}M" -d -a 2 --numeric-suffixes=1 "$STAGE_DIR/renderer.tar" "$STAGE_DIR/renderer.tar.part"
(cd "$STAGE_DIR" && sha256sum renderer.tar.part* > parts.sha256)
rm -rf "$CARRY_PREFIX"[0-9]*
for part in "$STAGE_DIR"/renderer.tar.part*; do
  index=$((10#${part##*.part}))
  mkdir -p "$CARRY_PREFIX$index"
  mv "$part" "$CARRY_PREFIX$index/"
  cp "$STAGE_DIR/parts.sha256" "$CARRY_PREFIX$index/"
done
rm "$STAGE_DIR/renderer.tar"

echo "== carry folders (MiB; a call carries one folder + the working tree)"
echo "wheels: $(ls "$STAGE_DIR/bundle/wheels" | wc -l) files, $(du -sm "$STAGE_DIR/bundle/wheels" | cut -f1) MiB;" \
     "debs: $(ls "$STAGE_DIR/bundle/debs" | wc -l) files, $(du -sm "$STAGE_DIR/bundle/debs" | cut -f1) MiB"
du -sm "$CARRY_PREFIX"[0-9]*
echo "total: $(cat "$CARRY_PREFIX"[0-9]*/renderer.tar.part* | wc -c | awk '{printf "%.1f", $1 / 1048576}') MiB" \
     "in $(ls -d "$CARRY_PREFIX"[0-9]* | wc -l) folders"
