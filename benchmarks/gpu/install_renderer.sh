#!/usr/bin/env bash
# On the GPU loan: install the embedded renderer from the carry folders made by stage_renderer.sh.
#
#   bash benchmarks/gpu/install_renderer.sh .device/carryK      # once per folder, K = 1..N, in order
#
# Each call stores its part of the bundle under PARTS_DIR (seconds). The call that brings the last
# part checks every part, unpacks the bundle, installs the wheels under PYLIB (pip --target, no
# network) and the .debs under CHROMIUM_ROOT (dpkg -x, never into /), writes the Chromium wrapper
# CHROMIUM_ROOT/chromium.sh (it sets LD_LIBRARY_PATH for Chromium alone) and CHROMIUM_ROOT/env.sh,
# then checks the result. Files under /tmp last only while the machine stays warm, so the calls must
# follow each other quickly; a call that finds an earlier part missing says so and stops. Running it
# again once this bundle is installed only re-checks (idempotent).
set -euo pipefail

PARTS_DIR=${PARTS_DIR:-/tmp/renderer-parts}
PYLIB=${PYLIB:-/tmp/pylib}
CHROMIUM_ROOT=${CHROMIUM_ROOT:-/tmp/chromium-root}
PYTHON=${PYTHON:-python3}
RUNTIME_SONAMES='^(libc|libm|libdl|libpthread|librt|libresolv|libgcc_s|libstdc\\+\\+)\\.so'
MODULES="flet flet_web playwright tree_sitter tree_sitter_dart uvicorn psutil pydantic"

die() { echo "install_renderer: $*" >&2; exit 1; }
# Every folder of the unpacked tree that holds shared libraries (libpulse's private pulseaudio/ too).
library_path() {
  find "$CHROMIUM_ROOT/usr/lib/x86_64-linux-gnu" "$CHROMIUM_ROOT/lib/x86_64-linux-gnu" -name '*.so*' -printf '%h\n' \
    2>/dev/null | sort -u | paste -sd:
}

folder=${1:?usage: install_renderer.sh .device/carryK}
part=$(ls "$folder"/renderer.tar.part* 2>/dev/null | head -1 || true)
[ -n "$part" ] || die "no renderer.tar.part* in $folder (run stage_renderer.sh here and carry the folder)"
(cd "$folder" && grep " $(basename "$part")\$" parts.sha256 | sha256sum -c --quiet) \
  || die "$part is damaged (checksum differs from parts.sha256)"
# Parts of another bundle (staged again here since) are dropped.
cmp -s "$folder/parts.sha256" "$PARTS_DIR/parts.sha256" || rm -rf "$PARTS_DIR"
mkdir -p "$PARTS_DIR"
cp "$folder/parts.sha256" "$part" "$PARTS_DIR/"

total=$(wc -l < "$PARTS_DIR/parts.sha256")
index=$((10#${part##*.part}))
missing=$(cd "$PARTS_DIR" && awk '{print $2}' parts.sha256 | while read -r name; do [ -f "$name" ] || echo "$name"; done)
earlier=$(for name in $missing; do [ $((10#${name##*.part})) -lt "$index" ] && echo "$name"; done || true)
[ -z "$earlier" ] || die "$(echo $earlier) missing from $PARTS_DIR: the machine was released (files under /tmp last
only while it stays warm). Start again with .device/carry1, making the calls right after each other."
if [ -n "$missing" ]; then
  echo "part $index of $total stored in $PARTS_DIR; next: bash benchmarks/gpu/install_renderer.sh $(echo "${folder%/}" | sed 's/[0-9]*$//')$((index + 1))"
  exit 0
fi

if ! cmp -s "$PARTS_DIR/parts.sha256" "$CHROMIUM_ROOT/.installed"; then
  start=$SECONDS
  (cd "$PARTS_DIR" && sha256sum -c --quiet parts.sha256) || die "a part under $PARTS_DIR is damaged"
  rm -rf "$PARTS_DIR/bundle" && mkdir -p "$PARTS_DIR/bundle"
  cat "$PARTS_DIR"/renderer.tar.part* | tar -x -C "$PARTS_DIR/bundle"
  (cd "$PARTS_DIR/bundle" && sha256sum -c --quiet SHA256SUMS) || die "the unpacked bundle is damaged"
  mkdir -p "$CHROMIUM_ROOT"
  ls "$PARTS_DIR"/bundle/debs/*.deb | xargs -P "$(nproc)" -I{} dpkg -x {} "$CHROMIUM_ROOT" &
  debs=$!
  "$PYTHON" -m pip install -q --no-deps --no-index --disable-pip-version-check --upgrade --target "$PYLIB" \
    "$PARTS_DIR"/bundle/wheels/*.whl
  wait "$debs" || die "dpkg -x failed"
  # No font directories: Flutter draws with its bundled fonts (renders are byte-identical without any).
  printf '<?xml version="1.0"?>\n<fontconfig><cachedir>%s/fontconfig-cache</cachedir></fontconfig>\n' \
    "$CHROMIUM_ROOT" > "$CHROMIUM_ROOT/fonts.conf"
  cat > "$CHROMIUM_ROOT/chromium.sh" <<EOF
#!/bin/sh
# Chromium unpacked from Debian bookworm .debs; its libraries come first, the system's C runtime after.
export LD_LIBRARY_PATH="$(library_path)\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"
export FONTCONFIG_FILE="$CHROMIUM_ROOT/fonts.conf"
exec "$CHROMIUM_ROOT/usr/lib/chromium/chromium" "\$@"
EOF
  chmod +x "$CHROMIUM_ROOT/chromium.sh"
  cat > "$CHROMIUM_ROOT/env.sh" <<EOF
export PYTHONPATH="$PYLIB:\$PWD\${PYTHONPATH:+:\$PYTHONPATH}"
export FLUTTER_RL__RENDERER__CHROMIUM_PATH="$CHROMIUM_ROOT/chromium.sh"
EOF
  rm -rf "$PARTS_DIR/bundle"
  cp "$PARTS_DIR/parts.sha256" "$CHROMIUM_ROOT/.installed"  # this bundle is installed
  echo "installed in $((SECONDS - start)) s"
fi

echo "== checks"
# Every library of Chromium and its bundled .so files must resolve inside the unpacked tree, except the
# C runtime, which comes from the system (Ubuntu 24.04's is newer than bookworm's).
for binary in "$CHROMIUM_ROOT"/usr/lib/chromium/{chromium,chrome_crashpad_handler,*.so*}; do
  [[ $binary == *.TOC ]] || LD_LIBRARY_PATH="$(library_path)" ldd "$binary" || echo "$binary not found (ldd failed)"
done | awk -v root="$CHROMIUM_ROOT" -v runtime="$RUNTIME_SONAMES" '
  / not found/ {print "not found: " $1; next}
  $2 == "=>" && index($3, root) != 1 && $1 !~ runtime {print "outside " root ": " $3}' | sort -u > "$CHROMIUM_ROOT/ldd-problems.txt"
[ ! -s "$CHROMIUM_ROOT/ldd-problems.txt" ] || die "Chromium's libraries are incomplete:
$(cat "$CHROMIUM_ROOT/ldd-problems.txt")"
"$CHROMIUM_ROOT/chromium.sh" --version || die "the unpacked Chromium does not start"
PYTHONPATH="$PYLIB:$PWD" "$PYTHON" -c "import importlib, sys
for m in '$MODULES'.split(): importlib.import_module(m)
import flutter_renderer.embedded.page_driver, flutter_rl.reward
print('python', sys.version.split()[0], '- imports ok:', '$MODULES')" || die "a Python module does not import"
echo "== use (or: source $CHROMIUM_ROOT/env.sh)"
cat "$CHROMIUM_ROOT/env.sh"
