#!/usr/bin/env bash
# compare-outputs.sh ASSAY_BINARY [REPO_DIR] — byte-identity check of a refactor or speed change: runs the example (fixtures/assay.yaml, outputs redirected) and a 100k
# estate (library policies) with every report format, and compares every file with the reference made from the commit before (REFERENCE/{example,100k}).
# The 100k estate is /tmp/bench-data/inv-100k.json (gen_inventory.py --resources 100000 --seed 7).
# When duckdb is on PATH the example is also run with `cost.engine: duckdb` (REFERENCE/duckdb): the SQL cost engine's path
# builds the cost groups and the cost section from DuckDB's answer; it is compared only when the reference has that folder.
# Usage: scripts/compare-outputs.sh .build/release/assay [REPO_DIR]   (REFERENCE=dir, default /tmp/assay-reference)
# Make the reference from the commit before a change: MAKE_REFERENCE=1 scripts/compare-outputs.sh OLD_BINARY
# Exit 0 = byte-identical. Run from anywhere. Uses /tmp/cmp-$$ for outputs.
set -u
bin=$1; repo=${2:-$(cd "$(dirname "$bin")/../.." && pwd)}
ref=${REFERENCE:-/tmp/assay-reference}
out=${OUT:-/tmp/cmp-$$}; mkdir -p "$out/example" "$out/100k"
# The DuckDB variant of the example's config sits beside it (its relative paths resolve alike) for the run only.
duckdb_config=fixtures/.assay-duckdb.yaml
trap 'rm -f "$repo/$duckdb_config"' EXIT
run() { # run DIR ARGS...
  local d=$1; shift
  (cd "$repo" && "$bin" evaluate "$@" --as-of 2026-11-30 --quiet \
     --junit "$d/junit.xml" --json "$d/results.json" --html "$d/report.html" --markdown "$d/summary.md" \
     --csv "$d/findings.csv" --sarif "$d/results.sarif" --gitlab-codequality "$d/codequality.json" > "$d/stdout.txt" 2> "$d/stderr.txt"; echo "exit $?" > "$d/exit.txt")
}
[ "${MAKE_REFERENCE:-0}" = 1 ] && out=$ref && mkdir -p "$out/example" "$out/100k"
run "$out/example" --config fixtures/assay.yaml
run "$out/100k" --policies policies --input /tmp/bench-data/inv-100k.json --passing summary
if command -v duckdb > /dev/null; then
  mkdir -p "$out/duckdb"
  sed 's/^  review_months: 3$/&\n  engine: duckdb/' "$repo/fixtures/assay.yaml" > "$repo/$duckdb_config"
  grep -q '^  engine: duckdb$' "$repo/$duckdb_config" || { echo "compare-outputs.sh: could not set cost.engine: duckdb in a copy of fixtures/assay.yaml" >&2; exit 2; }
  run "$out/duckdb" --config "$duckdb_config"
fi
[ "${MAKE_REFERENCE:-0}" = 1 ] && { echo "reference written to $ref"; exit 0; }
status=0
folders=$(cd $ref && for d in example 100k duckdb; do [ -d $d ] && echo $d; done)
for f in $(cd $ref && find $folders -type f | sort); do
  if ! cmp -s "$ref/$f" "$out/$f"; then echo "DIFFERS: $f"; status=1; fi
done
[ $status = 0 ] && echo "byte-identical: $(cd $ref && find $folders -type f | wc -l) files ($(echo $folders))" && rm -rf "$out"
[ $status = 1 ] && echo "outputs kept in $out (diff -r $ref $out)"
exit $status
