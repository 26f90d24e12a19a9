#!/usr/bin/env bash
# Makes sure the Debian packages listed in scripts/apt-packages.txt (and any extra list given as
# arguments) are installed. As root it installs what is missing; otherwise it prints the exact
# command to run and exits 1. Silent when everything is present.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
lists=("$here/apt-packages.txt" "$@")
wanted=()
for list in "${lists[@]}"; do
  while read -r line; do
    pkg=${line%%#*}; pkg=$(echo "$pkg" | xargs)
    [ -n "$pkg" ] && wanted+=("$pkg")
  done < "$list"
done
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "note: not a Debian-based system; make sure these (or your distribution's equivalents) are installed: ${wanted[*]}" >&2
  exit 0
fi
missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "installing system packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
else
  echo "error: missing system packages: ${missing[*]}" >&2
  echo "run:   sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
