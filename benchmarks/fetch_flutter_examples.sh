#!/usr/bin/env bash
# The coverage benchmark's corpus: Flutter's API examples (examples/api/lib) at one commit, extracted
# from a clone of flutter/flutter into OUT (outside this repository: Flutter's files are never
# committed here). OUT/FLUTTER_COMMIT records the commit for benchmarks/coverage.py.
#
#   git clone https://github.com/flutter/flutter.git ~/flutter
#   benchmarks/fetch_flutter_examples.sh ~/flutter 90e4a12f2a /tmp/flutter-examples
#   .venv/bin/python benchmarks/coverage.py /tmp/flutter-examples/examples/api/lib
set -euo pipefail
if [ $# -ne 3 ]; then
  echo "usage: $0 FLUTTER_CLONE COMMIT OUT" >&2
  exit 2
fi
clone=$1 commit=$2 out=$3
full=$(git -C "$clone" rev-parse --verify "$commit^{commit}")
mkdir -p "$out"
git -C "$clone" archive "$full" examples/api/lib | tar -x -C "$out"
echo "$full" > "$out/FLUTTER_COMMIT"
echo "$(find "$out/examples/api/lib" -name '*.dart' | wc -l) .dart files of flutter/flutter $full in $out/examples/api/lib"
