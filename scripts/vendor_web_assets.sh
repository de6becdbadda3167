#!/usr/bin/env bash
# Copy the desk's map libraries and basemap from npm packages into the package's static folder.
#
#   scripts/vendor_web_assets.sh
#
# Installs the exact versions of scripts/web_assets/package-lock.json (`npm ci`, no install
# scripts) and copies the few files the pages load, with each package's licence, into
# src/warmonitor/web/static/vendor/. The copies are committed, so neither CI nor a server needs
# npm, and nothing is fetched at run time. Run it again after changing package.json
# (`npm install --ignore-scripts` in scripts/web_assets first, to update the lock).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
assets="$here/web_assets"
vendor="$root/src/warmonitor/web/static/vendor"

(cd "$assets" && npm ci --ignore-scripts --no-audit --no-fund --silent)
modules="$assets/node_modules"

rm -rf "$vendor"
mkdir -p "$vendor"
copy() {  # copy PACKAGE FILE...: the files and the package's LICENSE into vendor/PACKAGE/
    local package="$1"
    shift
    mkdir -p "$vendor/$package"
    for file in "$@"; do
        cp "$modules/$package/$file" "$vendor/$package/"
    done
    cp "$modules/$package/LICENSE" "$vendor/$package/LICENSE"
}
copy d3-array dist/d3-array.min.js       # d3-geo's dependency (ISC)
copy d3-geo dist/d3-geo.min.js           # projections and SVG paths (ISC)
copy topojson-client dist/topojson-client.min.js  # TopoJSON to GeoJSON (ISC)
copy world-atlas countries-50m.json      # Natural Earth 1:50m countries (ISC; data public domain)

{
    echo "# Vendored files"
    echo
    echo "Copied by scripts/vendor_web_assets.sh from the npm packages locked in"
    echo "scripts/web_assets/package-lock.json; do not edit by hand."
    echo
    echo "| package | version | licence | files |"
    echo "|---|---|---|---|"
    for package in d3-array d3-geo topojson-client world-atlas; do
        version=$(node -p "require('$modules/$package/package.json').version")
        licence=$(node -p "require('$modules/$package/package.json').license")
        files=$(cd "$vendor/$package" && ls | grep -v '^LICENSE$' | tr '\n' ' ')
        echo "| $package | $version | $licence | $files|"
    done
} >"$vendor/README.md"
echo "vendored into ${vendor#"$root/"}:"
(cd "$vendor" && find . -type f | sort)
