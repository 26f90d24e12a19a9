#!/usr/bin/env bash
# Benchmark (not a test) for docs/performance.md "Cost groups through DuckDB": a 5M-row FOCUS
# export as Parquet, `assay cost --engine duckdb` against DuckDB's own hand-written query for the
# same groups, and Assay's native CSV path on the same rows.
#
#   Benchmarks/warehouse-cost-bench.sh [WORK_DIR]      (needs duckdb on PATH and a release build)
#
# The 5M rows are 500k generated rows (../shared/bench/gen_focus.py, seed 42) repeated ten times
# (the generator writes ~3 MB/s here, so 5M generated rows would take most of an hour), written
# once as Parquet (all columns as text, as exported) and once as CSV.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/assay-warehouse-bench}
mkdir -p "$work"
assay=.build/release/assay
[ -x "$assay" ] || swift build -c release --product assay
if [ ! -s "$work/focus-500k.csv" ]; then
  python3 ../shared/bench/gen_focus.py --rows 500000 --months 3 --seed 42 --out "$work/focus-500k.csv"
fi
if [ ! -s "$work/focus-5m.parquet" ]; then
  duckdb -batch -bail :memory: <<SQL
CREATE TABLE base AS SELECT * FROM read_csv('$work/focus-500k.csv', all_varchar = true, header = true);
CREATE TABLE rows5m AS SELECT base.* FROM base, range(10) copies(copy);
COPY rows5m TO '$work/focus-5m.parquet' (FORMAT parquet);
COPY rows5m TO '$work/focus-5m.csv' (FORMAT csv, HEADER true);
SQL
fi
cat > "$work/hand-written.sql" <<SQL
-- What one would write by hand in DuckDB for the same groups: month totals and account x service,
-- billed/effective/list, credits, refunds, usage, untagged usage and egress, line counts.
SET TimeZone = 'UTC';
COPY (
  WITH lines AS (
    SELECT substr(BillingPeriodStart, 1, 7) AS period, coalesce(BillingCurrency, 'XXX') AS currency,
           BillingAccountId AS account, ServiceName AS service, lower(ChargeCategory) AS category,
           CAST(BilledCost AS DECIMAL(38, 20)) AS billed, CAST(EffectiveCost AS DECIMAL(38, 20)) AS effective,
           CAST(ListCost AS DECIMAL(38, 20)) AS list, coalesce(Tags, '{}') = '{}' AS untagged,
           lower(x_UsageType) LIKE '%-out-bytes%' AS egress
    FROM read_parquet('$work/focus-5m.parquet'))
  SELECT period, currency, account, service,
         sum(billed) FILTER (WHERE category NOT IN ('credit')) AS amount,
         sum(effective) FILTER (WHERE category NOT IN ('credit')) AS effective,
         sum(list) FILTER (WHERE category NOT IN ('credit')) AS list,
         sum(billed) FILTER (WHERE category = 'credit') AS credits,
         sum(billed) FILTER (WHERE category = 'usage') AS usage,
         sum(billed) FILTER (WHERE category = 'usage' AND untagged) AS untagged_usage,
         sum(billed) FILTER (WHERE category = 'usage' AND egress) AS egress, count(*) AS lines
  FROM lines GROUP BY GROUPING SETS ((period, currency), (period, currency, account, service))
) TO '$work/hand-written.csv' (FORMAT csv, HEADER true);
SQL
run() { /usr/bin/time -f "%e s %M KB" "$@" > /dev/null 2>> "$work/times.txt"; tail -1 "$work/times.txt"; }
echo "load: $(uptime)"
for round in 1 2 3; do
  echo "round $round"
  printf '  assay --engine duckdb (Parquet): '; run "$assay" cost --engine duckdb --input "$work/focus-5m.parquet" --as-of 2024-04-01
  printf '  duckdb hand-written (Parquet):   '; run duckdb -batch -bail :memory: -c ".read $work/hand-written.sql"
  printf '  assay native (CSV):              '; run "$assay" cost --input "$work/focus-5m.csv" --as-of 2024-04-01
  printf '  assay --engine duckdb (CSV):     '; run "$assay" cost --engine duckdb --input "$work/focus-5m.csv" --as-of 2024-04-01
done
echo "load: $(uptime)"
