#!/usr/bin/env bash
# Runs every Assay benchmark beside its peers, in one session, on the same generated data, and
# writes one table (wall time, CPU time, peak RSS and the load average of each row).
#
# Usage: Benchmarks/run-all.sh [DATA_DIR] [--skip-peers] [--only REGEX] [--before DIR] [--rounds N] [--update-docs]
#   DATA_DIR      where data and results go (default /tmp/bench-data). Data is generated with
#                 ../shared/bench/*.py and Benchmarks/InventoryBench/gen_config_snapshot.py when
#                 missing (never committed); two generator seeds per workload.
#   --skip-peers  Assay only. Peers come from ../shared/bench/peers/setup.sh (virtualenvs in /tmp).
#   --only REGEX  only the measurements whose name matches REGEX at its start (e.g. 'engine|python').
#   --before DIR  also runs Assay's rows with the binaries of another checkout (DIR, built here the
#                 same way), named NAME@before: the before/after of a change in the same session.
#   --rounds N    measures every row N times, round after round (so a row and its before and peers
#                 interleave), and the tables show each row's median run: one run on this shared
#                 machine can be 30 % off its neighbours. The slowest peers (regorus at 1M, Checkov)
#                 run in the first round only. Default 1.
#   --update-docs regenerates the marked tables of README.md and docs/performance.md from this run
#                 (Benchmarks/render-results.py).
# Writes DATA_DIR/results.tsv (name, wall s, CPU s, peak MB, exit, load, output) and
# DATA_DIR/results.md. Needs python3 and /usr/bin/time.
set -uo pipefail
cd "$(dirname "$0")/.."
data=/tmp/bench-data
skip_peers=0
only=""
before=""
update_docs=0
rounds=1
while [ $# -gt 0 ]; do
  case $1 in
    --skip-peers) skip_peers=1 ;;
    --only) only=$2; shift ;;
    --before) before=$(cd "$2" && pwd); shift ;;
    --update-docs) update_docs=1 ;;
    --rounds) rounds=$2; shift ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) data=$1 ;;
  esac
  shift
done
shared=../shared/bench
venv=/tmp/peers-venv
mkdir -p "$data"
results="$data/results.tsv"
[ -n "$only" ] || : > "$results"
touch "$results"
declare -A measured_here=()  # names measured by this invocation

gen() { # gen FILE COMMAND...
  local file=$1; shift
  [ -s "$file" ] || { echo "generating $file" >&2; "$@" || exit 1; }
}
measure() { # measure NAME COMMAND... → one row: name, wall s, CPU s, peak MB, exit, load, stdout (one line, at most
  # 4,000 characters: EngineBench's JSON line with its per-phase figures is ~700, and a cut line is no longer JSON)
  local name=$1; shift
  if [ -n "$only" ] && ! [[ "$name" =~ ^($only) ]]; then return; fi
  local out err load
  # A row measured again replaces its runs from an earlier invocation (`--only`): the tables show
  # the median of a name's runs, and old and new runs must not mix.
  if [ -z "${measured_here[$name]:-}" ]; then
    measured_here[$name]=1
    awk -F'\t' -v name="$name" '$1 != name' "$results" > "$results.kept" && mv "$results.kept" "$results"
  fi
  out=$(mktemp); err=$(mktemp)
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %U %S %M %x" -o "$err.time" "$@" > "$out" 2> "$err"
  # GNU time writes "Command exited with non-zero status N" first when the command fails.
  read -r wall user system rss code < <(tail -n 1 "$err.time")
  printf '%s\t%s\t%s\t%d\t%s\t%s\t%s\n' "$name" "$wall" "$(python3 -c "print(round($user + $system, 2))")" "$((rss / 1024))" \
    "$code" "$load" "$(tr '\n' ' ' < "$out" | cut -c1-4000)" | tee -a "$results"
  rm -f "$out" "$err" "$err.time"
}
# Assay's rows, with this checkout's binaries and, with --before, the other checkout's.
measure_assay() { # measure_assay NAME BINARY_NAME ARGS...
  local name=$1 binary=$2; shift 2
  measure "$name" .build/release/$binary "$@"
  [ -z "$before" ] || measure "$name@before" "$before/.build/release/$binary" "$@"
}
warm() { cat "$1" > /dev/null; }  # each tool starts with the file in the page cache

echo "== building (release, as make install builds assay)" >&2
build() { # build CHECKOUT PRODUCT... — each product on its own: with several --product flags SwiftPM builds only the last
  local checkout=$1; shift
  for product in "$@"; do (cd "$checkout" && swift build -c release --static-swift-stdlib --product $product >&2) || exit 1; done
}
build . assay EngineBench BillingBench DowntimeBench HistoryBench ReportBench
[ -z "$before" ] || build "$before" assay EngineBench BillingBench  # the binaries measure_assay runs

echo "== data" >&2
for seed in 7 11; do
  suffix=$([ $seed = 7 ] && echo "" || echo "-s$seed")
  gen "$data/inv-100k$suffix.json" python3 $shared/gen_inventory.py --resources 100000 --seed $seed --out "$data/inv-100k$suffix.json"
  gen "$data/inv-1m$suffix.json" python3 $shared/gen_inventory.py --resources 1000000 --seed $seed --out "$data/inv-1m$suffix.json"
  gen "$data/config-1m$suffix.json" python3 Benchmarks/InventoryBench/gen_config_snapshot.py --resources 1000000 --seed $seed --out "$data/config-1m$suffix.json"
  gen "$data/plan-1m$suffix.json" python3 $shared/gen_inventory.py --format tfplan --resources 1000000 --seed $seed --out "$data/plan-1m$suffix.json"
done
gen "$data/plan-10k.json" python3 $shared/gen_inventory.py --format tfplan --resources 10000 --out "$data/plan-10k.json"
gen "$data/cur-1m.csv" python3 $shared/gen_cur.py --rows 1000000 --out "$data/cur-1m.csv"
gen "$data/cur-5m.csv" python3 $shared/gen_cur.py --rows 5000000 --out "$data/cur-5m.csv"
gen "$data/cur-5m-s11.csv" python3 $shared/gen_cur.py --rows 5000000 --seed 11 --out "$data/cur-5m-s11.csv"
gen "$data/cur-5m.csv.gz" python3 $shared/gen_cur.py --rows 5000000 --gzip --out "$data/cur-5m.csv.gz"
gen "$data/focus-5m.csv" python3 $shared/gen_focus.py --rows 5000000 --out "$data/focus-5m.csv"
gen "$data/focus-5m-s7.csv" python3 $shared/gen_focus.py --rows 5000000 --seed 7 --out "$data/focus-5m-s7.csv"
if [ $skip_peers -eq 0 ] && [ ! -x $venv/bin/python ]; then bash $shared/peers/setup.sh >&2; fi

measure_round() { # measure_round ROUND: every measurement once
local round=$1
echo "== whole commands a user runs: 1M / 100k resources, R1–R5, writing JSON and JUnit (issues 2, 20)" >&2
rules=Benchmarks/EngineBench/policies
for seed in 7 11; do
  suffix=$([ $seed = 7 ] && echo "" || echo "-s$seed")
  for size in 100k 1m; do
    warm "$data/inv-$size$suffix.json"
    measure_assay "assay-evaluate-json-junit-$size-seed$seed" assay evaluate --policies $rules \
      --input "$data/inv-$size$suffix.json" --as-of 2025-01-01 --passing summary \
      --json "$data/out-$size.json" --junit "$data/out-$size.xml" --quiet
    [ $size = 1m ] && measure_assay "assay-evaluate-no-report-$size-seed$seed" assay evaluate --policies $rules \
      --input "$data/inv-$size$suffix.json" --as-of 2025-01-01 --passing summary --quiet
    # The default `--passing list`: every passing verdict is a finding in both reports (3.4M findings
    # and 2.8 GB of reports at 1M). This checkout only: the point is where the default stands. Its
    # own report files, so that the summary rows never pay for replacing (freeing) these.
    measure "assay-evaluate-json-junit-list-$size-seed$seed" .build/release/assay evaluate --policies $rules \
      --input "$data/inv-$size$suffix.json" --as-of 2025-01-01 \
      --json "$data/out-$size-list.json" --junit "$data/out-$size-list.xml" --quiet
    if [ $skip_peers -eq 0 ]; then
      measure "python-rules-$size-seed$seed" python3 $shared/peers/py_rules.py "$data/inv-$size$suffix.json"
    fi
  done
done
if [ $skip_peers -eq 0 ] && [ $round = 1 ]; then
  measure regorus-100k-seed7 $venv/bin/python $shared/peers/rego_eval.py --engine regorus "$data/inv-100k.json"
  measure regorus-1m-seed7 $venv/bin/python $shared/peers/rego_eval.py --engine regorus "$data/inv-1m.json"
fi

echo "== the breakdown: EngineBench phases (load, identity, index, evaluation, text) (issues 2, 12)" >&2
for seed in 7 11; do
  suffix=$([ $seed = 7 ] && echo "" || echo "-s$seed")
  measure_assay "enginebench-1m-seed$seed" EngineBench "$data/inv-1m$suffix.json" --repeat 3
done
# The whole library on the benchmark estate: this checkout only (an older EngineBench may take no --policies, as at c7d0778,
# so an older checkout's row would only be its usage error).
measure library-enginebench-100k-seed7 .build/release/EngineBench "$data/inv-100k.json" --repeat 3 --policies policies

echo "== real export formats at a million, identity resolution included (issue 20)" >&2
for seed in 7 11; do
  suffix=$([ $seed = 7 ] && echo "" || echo "-s$seed")
  warm "$data/config-1m$suffix.json"
  measure_assay "assay-evaluate-config-1m-seed$seed" assay evaluate --policies Benchmarks/EngineBench/policies-normalized \
    --input "$data/config-1m$suffix.json" --as-of 2025-01-01 --passing summary --quiet
  warm "$data/plan-1m$suffix.json"
  measure_assay "assay-evaluate-tfplan-1m-seed$seed" assay evaluate --policies Benchmarks/EngineBench/policies-normalized \
    --input "$data/plan-1m$suffix.json" --as-of 2025-01-01 --passing summary --quiet
done

echo "== whole command on a Terraform plan, R1–R4 (issue 3)" >&2
measure_assay assay-evaluate-tfplan-10k assay evaluate --policies Benchmarks/EngineBench/policies-normalized \
  --input "$data/plan-10k.json" --as-of 2025-01-01 --passing summary --junit "$data/tfplan-junit.xml" --quiet
if [ $skip_peers -eq 0 ] && [ $round = 1 ]; then
  measure checkov-tfplan-10k $venv/bin/checkov -f "$data/plan-10k.json" --framework terraform_plan \
    --external-checks-dir $shared/peers/checkov-policies \
    --check CKV2_BENCH_1,CKV2_BENCH_2,CKV2_BENCH_3,CKV2_BENCH_4,CKV2_BENCH_5,CKV2_BENCH_6 -o json --quiet
fi

echo "== the example a user runs first (make example): each checkout's own fixtures/assay.yaml, every report it writes" >&2
# Each checkout runs its own example (an older binary may not read the newer policy library).
measure assay-example env -C . .build/release/assay evaluate --config fixtures/assay.yaml --quiet
[ -z "$before" ] || measure assay-example@before env -C "$before" .build/release/assay evaluate --config fixtures/assay.yaml --quiet

echo "== billing: the peers' q1 + q2 (BillingBench) and the whole assay cost (issues 4, 20)" >&2
# `assay cost` reviews every month of the file (--months 120) and writes its cost groups as JSON.
for file in cur-1m.csv cur-5m.csv cur-5m-s11.csv cur-5m.csv.gz focus-5m.csv focus-5m-s7.csv; do
  schema=$([[ $file == focus* ]] && echo focus || echo cur)
  warm "$data/$file"; measure_assay "billingbench-$file" BillingBench "$data/$file"
  [[ $file == cur-1m.csv ]] || { warm "$data/$file"; measure_assay "assay-cost-$file" assay cost --input "$data/$file" \
    --as-of 2026-12-01 --months 120 --json "$data/cost-groups.json"; }
  if [ $skip_peers -eq 0 ]; then
    warm "$data/$file"; measure "duckdb-$file" $venv/bin/python $shared/peers/duckdb_agg.py "$data/$file" --schema $schema
    [ $schema = cur ] && { warm "$data/$file"; measure "polars-$file" $venv/bin/python $shared/peers/polars_agg.py "$data/$file"; }
  fi
done
warm "$data/cur-5m.csv"; measure "cat-cur-5m.csv" sh -c "cat '$data/cur-5m.csv' > /dev/null"

echo "== downtime model: 50 apps × 6 strategies × 100k trials (issue 7)" >&2
measure downtime .build/release/DowntimeBench

echo "== history: record a 100k-finding run (issue 8)" >&2
measure history-100k .build/release/HistoryBench --findings 100000 --repeat 3 --database "$data/history-bench.sqlite"

echo "== HTML report of a 100k-resource result (issue 6)" >&2
measure report-html-100k .build/release/ReportBench --resources 100000 --formats html --out "$data/report-100k.html"
}
for round in $(seq "$rounds"); do
  echo "== round $round of $rounds" >&2
  measure_round "$round"
done

echo >&2
python3 Benchmarks/render-results.py "$results" --commit "$(git rev-parse --short HEAD)" \
  ${before:+--before-commit "$(git -C "$before" rev-parse --short HEAD)"} > "$data/results.md"
cat "$data/results.md" >&2
echo "Markdown: $data/results.md" >&2
if [ $update_docs = 1 ]; then
  python3 Benchmarks/render-results.py "$results" --commit "$(git rev-parse --short HEAD)" \
    ${before:+--before-commit "$(git -C "$before" rev-parse --short HEAD)"} --update README.md docs/performance.md
fi
