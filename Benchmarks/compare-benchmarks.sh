#!/usr/bin/env bash
# compare-benchmarks.sh OLD NEW [--data DIR] [--rows N] [--resources N] [--repeat N] — the performance
# regression check of a change (issue 18's acceptance: no regression beyond noise on the engine and
# billing benchmarks). Runs BillingBench on a CUR and a FOCUS export and EngineBench on a generated
# inventory with the binaries of OLD and of NEW, alternating OLD, NEW, OLD, NEW … so that the load of a
# shared machine falls on both alike, and prints one table: median CPU time (user + sys), wall time and
# peak RSS of each side and NEW/OLD ratios. CPU time and RSS are the figures to read on a loaded machine.
# BillingBench's output (the q1/q2 figures) must be the same for OLD and NEW: a side whose figures differ
# is reported and the script exits 1.
#
# OLD and NEW are each one of:
#   - a folder holding release binaries BillingBench and EngineBench (as built, e.g. .build/release);
#   - a package root (a folder with Package.swift; `.` for this checkout): its products are built (release);
#   - a git commit of this repository: checked out in /tmp/assay-bench-COMMIT (a detached worktree,
#     kept for the next run) and built there (release; a cold build takes a while).
# --rows N       billing rows (default 5000000, the size docs/performance.md quotes)
# --resources N  inventory resources (default 1000000)
# --repeat N     runs per side and benchmark (default 3; the median is shown)
# --data DIR     where generated data lives (default /tmp/bench-data; generated with ../shared/bench/*.py
#                when missing, under run-all.sh's names for the default sizes: cur-5m.csv, focus-5m.csv, inv-1m.json)
# Example (a quick check): Benchmarks/compare-benchmarks.sh main . --rows 200000 --resources 100000
# Benchmarks/run-all.sh measures absolute figures; this script only compares two builds.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
shared=../shared/bench
data=/tmp/bench-data
rows=5000000
resources=1000000
repeats=3
[ $# -ge 2 ] || { sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
old=$1; new=$2; shift 2
while [ $# -gt 0 ]; do
  case $1 in
    --data) data=$2; shift ;;
    --rows) rows=$2; shift ;;
    --resources) resources=$2; shift ;;
    --repeat) repeats=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$data"

products="BillingBench EngineBench"
# binaries SPEC → prints the folder holding the release binaries of SPEC (building them when needed).
binaries() {
  local spec=$1 root
  if [ -x "$spec/BillingBench" ] && [ -x "$spec/EngineBench" ]; then (cd "$spec" && pwd); return; fi
  if [ -f "$spec/Package.swift" ]; then
    root=$(cd "$spec" && pwd)
  else
    local commit
    commit=$(git -C "$repo" rev-parse --verify --quiet "$spec^{commit}") || { echo "not a folder of binaries, a package or a commit: $spec" >&2; return 1; }
    root=/tmp/assay-bench-${commit:0:12}
    if [ ! -d "$root" ]; then
      git -C "$repo" worktree add --detach "$root" "$commit" >&2 || return 1
    fi
  fi
  for product in $products; do
    echo "== building $product (release) in $root" >&2
    (cd "$root" && swift build -c release -j 1 --product "$product" >&2) || return 1
  done
  echo "$root/.build/release"
}
# size N → 5m, 200k, 1234 (run-all.sh's file names)
size() {
  local n=$1
  if [ $((n % 1000000)) -eq 0 ]; then echo "$((n / 1000000))m"; elif [ $((n % 1000)) -eq 0 ]; then echo "$((n / 1000))k"; else echo "$n"; fi
}
gen() { # gen FILE COMMAND...
  local file=$1; shift
  [ -s "$file" ] || { echo "generating $file" >&2; "$@" >&2 || exit 1; }
}

old_bin=$(binaries "$old") || exit 2
new_bin=$(binaries "$new") || exit 2
cur="$data/cur-$(size "$rows").csv"
focus="$data/focus-$(size "$rows").csv"
inventory="$data/inv-$(size "$resources").json"
gen "$cur" python3 $shared/gen_cur.py --rows "$rows" --out "$cur"
gen "$focus" python3 $shared/gen_focus.py --rows "$rows" --out "$focus"
gen "$inventory" python3 $shared/gen_inventory.py --resources "$resources" --seed 7 --out "$inventory"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
# run NAME SIDE BIN ARGS... → appends "cpu wall rss_mb" to $work/NAME.SIDE; keeps stdout in $work/NAME.SIDE.out
run() {
  local name=$1 side=$2 bin=$3; shift 3
  cat "${@: -1}" > /dev/null 2>&1 || true   # the input in the page cache for both sides alike
  /usr/bin/time -f "%U %S %e %M %x" -o "$work/time" "$bin" "$@" > "$work/$name.$side.out" 2> "$work/$name.$side.err"
  read -r user sys wall rss code < <(tail -n 1 "$work/time")
  if [ "$code" != 0 ]; then
    echo "$name ($side) failed with exit $code:" >&2; cat "$work/$name.$side.err" >&2; status=1
  fi
  echo "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') $wall $((rss / 1024))" >> "$work/$name.$side"
}
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column_median() { cut -d' ' -f"$2" "$1" | median; }
figures() { sed -E 's/"seconds":[0-9.eE+-]+,?//' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0) printf "%.2f", b / a; else print "-" }'; }

benchmarks=("billing-cur" "billing-focus" "engine")
declare -A arguments=(
  [billing-cur]="BillingBench $cur"
  [billing-focus]="BillingBench $focus"
  [engine]="EngineBench $inventory --repeat 1"
)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq 1 "$repeats"); do
  for name in "${benchmarks[@]}"; do
    read -r product args <<< "${arguments[$name]}"
    echo "== round $round: $name" >&2
    # shellcheck disable=SC2086
    run "$name" old "$old_bin/$product" $args
    # shellcheck disable=SC2086
    run "$name" new "$new_bin/$product" $args
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo "OLD: $old ($old_bin)"
echo "NEW: $new ($new_bin)"
echo "billing rows: $rows, inventory resources: $resources, runs per side: $repeats (medians); load average before: $load_before, after: $load_after"
printf '%-14s %10s %10s %7s   %9s %9s %7s   %8s %8s %7s\n' benchmark "cpu-old s" "cpu-new s" new/old "wall-old" "wall-new" new/old "rss-old" "rss-new" new/old
for name in "${benchmarks[@]}"; do
  oc=$(column_median "$work/$name.old" 1); nc=$(column_median "$work/$name.new" 1)
  ow=$(column_median "$work/$name.old" 2); nw=$(column_median "$work/$name.new" 2)
  om=$(column_median "$work/$name.old" 3); nm=$(column_median "$work/$name.new" 3)
  printf '%-14s %10s %10s %7s   %9s %9s %7s   %8s %8s %7s\n' "$name" "$oc" "$nc" "$(ratio "$oc" "$nc")" "$ow" "$nw" "$(ratio "$ow" "$nw")" "${om}MB" "${nm}MB" "$(ratio "$om" "$nm")"
done
for name in billing-cur billing-focus; do
  # The last run's figures of each side, without the time BillingBench measures itself.
  if ! cmp -s <(figures "$work/$name.old.out") <(figures "$work/$name.new.out"); then
    echo "DIFFERENT FIGURES: $name (old and new BillingBench printed different results)"; status=1
    diff <(head -c 2000 "$work/$name.old.out") <(head -c 2000 "$work/$name.new.out") | head -20
  fi
done
[ $status = 0 ] && echo "same billing figures from OLD and NEW"
exit $status
