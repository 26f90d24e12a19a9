#!/usr/bin/env bash
# Runs every Assay benchmark beside its peers, in one session, on the same generated data, and
# prints one table (wall time and peak RSS from /usr/bin/time). Figures go to docs/performance.md.
#
# Usage: Benchmarks/run-all.sh [DATA_DIR] [--skip-peers] [--only NAME]
#   Writes DATA_DIR/results.tsv and DATA_DIR/results.md (the table docs/performance.md quotes).
#   DATA_DIR defaults to /tmp/bench-data. --only takes an extended regular expression matched at
#   the start of measurement names (e.g. 'engine|python-rules|regorus'). Data is generated with ../shared/bench/*.py when missing
#   (never committed). Peers come from ../shared/bench/peers/setup.sh (virtualenvs in /tmp).
# Needs: a release build (this script builds it), python3, /usr/bin/time.
set -uo pipefail
cd "$(dirname "$0")/.."
data=${1:-/tmp/bench-data}
skip_peers=0
only=""
shift || true
while [ $# -gt 0 ]; do
  case $1 in
    --skip-peers) skip_peers=1 ;;
    --only) only=$2; shift ;;   # run only the measurements whose name starts with this
  esac
  shift
done
shared=../shared/bench
venv=/tmp/peers-venv
mkdir -p "$data"
results="$data/results.tsv"
[ -n "$only" ] || : > "$results"

gen() { # gen FILE COMMAND...
  local file=$1; shift
  [ -s "$file" ] || { echo "generating $file" >&2; "$@" || exit 1; }
}
measure() { # measure NAME COMMAND... → one row: name, wall s, peak MB, exit, stdout (one line)
  local name=$1; shift
  if [ -n "$only" ] && ! [[ "$name" =~ ^($only) ]]; then return; fi
  local out err
  out=$(mktemp); err=$(mktemp)
  /usr/bin/time -f "%e %M %x" -o "$err.time" "$@" > "$out" 2> "$err"
  # GNU time writes "Command exited with non-zero status N" first when the command fails.
  read -r wall rss code < <(tail -n 1 "$err.time")
  printf '%s\t%s\t%d\t%s\t%s\n' "$name" "$wall" "$((rss / 1024))" "$code" "$(tr '\n' ' ' < "$out" | cut -c1-300)" | tee -a "$results"
  rm -f "$out" "$err" "$err.time"
}

echo "== building (release)" >&2
for product in assay EngineBench BillingBench DowntimeBench HistoryBench ReportBench; do
  swift build -c release --product $product >&2 || exit 1
done
bin=.build/release

echo "== data" >&2
gen "$data/inv-100k.json" python3 $shared/gen_inventory.py --resources 100000 --seed 7 --out "$data/inv-100k.json"
gen "$data/inv-1m.json" python3 $shared/gen_inventory.py --resources 1000000 --seed 7 --out "$data/inv-1m.json"
# A second seed for the whole-command workloads (issue 20: at least two seeds per workload).
gen "$data/inv-100k-s11.json" python3 $shared/gen_inventory.py --resources 100000 --seed 11 --out "$data/inv-100k-s11.json"
gen "$data/inv-1m-s11.json" python3 $shared/gen_inventory.py --resources 1000000 --seed 11 --out "$data/inv-1m-s11.json"
gen "$data/focus-5m.csv" python3 $shared/gen_focus.py --rows 5000000 --out "$data/focus-5m.csv"
gen "$data/focus-5m-s7.csv" python3 $shared/gen_focus.py --rows 5000000 --seed 7 --out "$data/focus-5m-s7.csv"
gen "$data/config-1m.json" python3 Benchmarks/InventoryBench/gen_config_snapshot.py --resources 1000000 --out "$data/config-1m.json"
gen "$data/plan-1m.json" python3 $shared/gen_inventory.py --format tfplan --resources 1000000 --out "$data/plan-1m.json"
gen "$data/plan-10k.json" python3 $shared/gen_inventory.py --format tfplan --resources 10000 --out "$data/plan-10k.json"
gen "$data/cur-1m.csv" python3 $shared/gen_cur.py --rows 1000000 --out "$data/cur-1m.csv"
gen "$data/cur-5m.csv" python3 $shared/gen_cur.py --rows 5000000 --out "$data/cur-5m.csv"
gen "$data/cur-5m.csv.gz" python3 $shared/gen_cur.py --rows 5000000 --gzip --out "$data/cur-5m.csv.gz"
if [ $skip_peers -eq 0 ] && [ ! -x $venv/bin/python ]; then bash $shared/peers/setup.sh >&2; fi

echo "== engine: load + evaluate R1–R5 (issue 2)" >&2
measure engine-100k $bin/EngineBench "$data/inv-100k.json" --repeat 3
measure engine-1m $bin/EngineBench "$data/inv-1m.json" --repeat 3
measure library-100k $bin/EngineBench "$data/inv-100k.json" --repeat 3 --policies policies
# The whole command on the same file: detection, load, evaluation, every failing message
# rendered, JUnit written (passes summarised per policy).
measure engine-assay-evaluate-1m $bin/assay evaluate --policies Benchmarks/EngineBench/policies \
  --input "$data/inv-1m.json" --as-of 2025-01-01 --passing summary --junit "$data/inv-1m-junit.xml" --quiet
if [ $skip_peers -eq 0 ]; then
  measure python-rules-100k python3 $shared/peers/py_rules.py "$data/inv-100k.json"
  measure python-rules-1m python3 $shared/peers/py_rules.py "$data/inv-1m.json"
  measure regorus-100k $venv/bin/python $shared/peers/rego_eval.py --engine regorus "$data/inv-100k.json"
  measure regorus-1m $venv/bin/python $shared/peers/rego_eval.py --engine regorus "$data/inv-1m.json"
fi

echo "== whole commands writing the reports a user asks for (issue 20)" >&2
# What users run: `assay evaluate` writing JSON and JUnit, beside the Python loop on the same file.
for seed in 7 11; do
  suffix=$([ $seed = 7 ] && echo "" || echo "-s$seed")
  for size in 100k 1m; do
    measure "assay-json-junit-$size-seed$seed" $bin/assay evaluate --policies Benchmarks/EngineBench/policies \
      --input "$data/inv-$size$suffix.json" --as-of 2025-01-01 --passing summary \
      --json "$data/out-$size.json" --junit "$data/out-$size.xml" --quiet
  done
  if [ $skip_peers -eq 0 ]; then measure "python-rules-100k-seed$seed" python3 $shared/peers/py_rules.py "$data/inv-100k$suffix.json"; fi
done
# The real export formats at a million, identity resolution included (R1–R4 over normalized types).
measure assay-config-1m $bin/assay evaluate --policies Benchmarks/EngineBench/policies-normalized \
  --input "$data/config-1m.json" --as-of 2025-01-01 --passing summary --quiet
measure assay-tfplan-1m $bin/assay evaluate --policies Benchmarks/EngineBench/policies-normalized \
  --input "$data/plan-1m.json" --as-of 2025-01-01 --passing summary --quiet

echo "== whole command on a Terraform plan, R1–R4 (issue 3)" >&2
measure assay-tfplan-10k $bin/assay evaluate --policies Benchmarks/EngineBench/policies-normalized \
  --input "$data/plan-10k.json" --as-of 2025-01-01 --passing summary --junit "$data/tfplan-junit.xml" --quiet
if [ $skip_peers -eq 0 ]; then
  measure checkov-tfplan-10k $venv/bin/checkov -f "$data/plan-10k.json" --framework terraform_plan \
    --external-checks-dir $shared/peers/checkov-policies \
    --check CKV2_BENCH_1,CKV2_BENCH_2,CKV2_BENCH_3,CKV2_BENCH_4,CKV2_BENCH_5,CKV2_BENCH_6 -o json --quiet
fi

echo "== billing q1 + q2 (issue 4)" >&2
# Each tool starts with the file in the page cache (this VM reclaims cold cache pages, so the
# first reader of a 4 GB file would otherwise pay the disk for the ones after it).
warm() { cat "$1" > /dev/null; }
for file in cur-1m.csv cur-5m.csv cur-5m.csv.gz; do
  warm "$data/$file"; measure "assay-$file" $bin/BillingBench "$data/$file"
  if [ $skip_peers -eq 0 ]; then
    warm "$data/$file"; measure "duckdb-$file" $venv/bin/python $shared/peers/duckdb_agg.py "$data/$file"
    warm "$data/$file"; measure "polars-$file" $venv/bin/python $shared/peers/polars_agg.py "$data/$file"
  fi
done
warm "$data/cur-5m.csv"; measure "cat-cur-5m.csv" sh -c "cat '$data/cur-5m.csv' > /dev/null"
# FOCUS, the FinOps standard most users feed (issue 20): the same q1 + q2, two seeds.
for file in focus-5m.csv focus-5m-s7.csv; do
  warm "$data/$file"; measure "assay-$file" $bin/BillingBench "$data/$file"
  if [ $skip_peers -eq 0 ]; then
    warm "$data/$file"; measure "duckdb-$file" $venv/bin/python $shared/peers/duckdb_agg.py "$data/$file" --schema focus
  fi
done

echo "== downtime model: 50 apps × 6 strategies × 100k trials (issue 7)" >&2
measure downtime $bin/DowntimeBench

echo "== history: record a 100k-finding run (issue 8)" >&2
measure history-100k $bin/HistoryBench --findings 100000 --repeat 3 --database "$data/history-bench.sqlite"

echo "== HTML report of a 100k-resource result (issue 6)" >&2
measure report-html-100k $bin/ReportBench --resources 100000 --formats html --out "$data/report-100k.html"

echo >&2
echo "name	wall_s	peak_MB	exit	output" >&2
cat "$results" >&2
# The Markdown table for docs/performance.md: every row with the machine, the load and the commit.
{
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB;"
  echo "commit $(git rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC'), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| measurement | wall (s) | peak RSS (MB) | exit |"
  echo "|---|---|---|---|"
  awk -F'\t' '{printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4}' "$results"
} > "$data/results.md"
echo "Markdown table: $data/results.md" >&2
