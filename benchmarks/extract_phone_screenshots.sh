#!/usr/bin/env bash
# Copy the Android phone screenshots (fastlane/metadata/android/en-US/images/phoneScreenshots/*) of
# mirrored app repositories into one folder, named <owner+repo>--<file>, and list each repository's
# commit in <out>/commits.txt. Development material for benchmarks/system_bars_real.py; never commit
# the images.
#   bash benchmarks/extract_phone_screenshots.sh OUT MIRROR_GIT_DIR...
# (a mirror git dir as the library's `fetch` makes them: /work/.mirror/<owner>+<repo>/repo)
set -euo pipefail
out=$1
shift
mkdir -p "$out"
: > "$out/commits.txt"
for repo in "$@"; do
  name=$(basename "$(dirname "$repo")")
  commit=$(git -C "$repo" rev-parse HEAD)
  count=0
  while IFS= read -r path; do
    git -C "$repo" show "$commit:$path" > "$out/$name--$(basename "$path")"
    count=$((count + 1))
  done < <(git -C "$repo" ls-tree -r --name-only "$commit" \
    | grep -iE '^fastlane/metadata/android/en-US/images/phoneScreenshots/[^/]+\.(png|jpe?g|webp)$' || true)
  echo "$name $commit $count" >> "$out/commits.txt"
done
cat "$out/commits.txt"
