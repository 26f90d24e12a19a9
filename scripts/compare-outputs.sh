#!/usr/bin/env bash
# compare-outputs.sh ASSAY_BINARY [REPO_DIR] — byte-identity check of a refactor or speed change: runs the example (fixtures/assay.yaml, outputs redirected) and a 100k
# estate (library policies) with every report format, and compares every file with the reference made from the commit before (REFERENCE/{example,100k}).
# The 100k estate is /tmp/bench-data/inv-100k.json (gen_inventory.py --resources 100000 --seed 7).
# Usage: scripts/compare-outputs.sh .build/release/assay [REPO_DIR]   (REFERENCE=dir, default /tmp/assay-reference)
# Make the reference from the commit before a change: MAKE_REFERENCE=1 scripts/compare-outputs.sh OLD_BINARY
# Exit 0 = byte-identical. Run from anywhere. Uses /tmp/cmp-$$ for outputs.
set -u
bin=$1; repo=${2:-$(cd "$(dirname "$bin")/../.." && pwd)}
ref=${REFERENCE:-/tmp/assay-reference}
out=${OUT:-/tmp/cmp-$$}; mkdir -p "$out/example" "$out/100k"
run() { # run DIR ARGS...
  local d=$1; shift
  (cd "$repo" && "$bin" evaluate "$@" --as-of 2026-11-30 --quiet \
     --junit "$d/junit.xml" --json "$d/results.json" --html "$d/report.html" --markdown "$d/summary.md" \
     --csv "$d/findings.csv" --sarif "$d/results.sarif" --gitlab-codequality "$d/codequality.json" > "$d/stdout.txt" 2> "$d/stderr.txt"; echo "exit $?" > "$d/exit.txt")
}
[ "${MAKE_REFERENCE:-0}" = 1 ] && out=$ref && mkdir -p "$out/example" "$out/100k"
run "$out/example" --config fixtures/assay.yaml
run "$out/100k" --policies policies --input /tmp/bench-data/inv-100k.json --passing summary
[ "${MAKE_REFERENCE:-0}" = 1 ] && { echo "reference written to $ref"; exit 0; }
status=0
for f in $(cd $ref && find example 100k -type f | sort); do
  if ! cmp -s "$ref/$f" "$out/$f"; then echo "DIFFERS: $f"; status=1; fi
done
[ $status = 0 ] && echo "byte-identical: $(cd $ref && find example 100k -type f | wc -l) files" && rm -rf "$out"
[ $status = 1 ] && echo "outputs kept in $out (diff -r $ref $out)"
exit $status
