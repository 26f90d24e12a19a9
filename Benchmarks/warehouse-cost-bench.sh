#!/usr/bin/env bash
# Benchmark (not a test) for docs/performance.md "Cost groups through DuckDB": a 5M-row FOCUS
# export as Parquet, `assay cost --engine duckdb` against DuckDB running a hand-written query for the
# same groups with the same rules (checked to give the same numbers), DuckDB running Assay's own
# query, a minimal hand-written query, and Assay's native CSV path on the same rows.
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
-- A minimal hand-written query for the same groupings (it skips rules Assay applies: correction
-- refunds, effective/list fallbacks, the charge description fallback for egress): month totals and account x service,
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
cat > "$work/same-rules.sql" <<SQL
-- The same groups with the same FOCUS rules as Assay (docs/billing.md), written by hand for DuckDB:
-- period from BillingPeriodStart else ChargePeriodStart, currency XXX when empty, correction
-- refunds, effective/list falling back to billed, egress on x_UsageType else ChargeDescription,
-- untagged = no tag at all.
SET TimeZone = 'UTC';
COPY (
  WITH lines AS (
    SELECT substr(replace(coalesce(nullif(BillingPeriodStart, ''), ChargePeriodStart), '/', '-'), 1, 7) AS period,
           coalesce(nullif(BillingCurrency, ''), 'XXX') AS currency,
           coalesce(BillingAccountId, '') AS account, coalesce(ServiceName, '') AS service,
           CAST(BilledCost AS DECIMAL(38, 20)) AS billed,
           coalesce(CAST(nullif(EffectiveCost, '') AS DECIMAL(38, 20)), billed) AS effective,
           coalesce(CAST(nullif(ListCost, '') AS DECIMAL(38, 20)), billed) AS list,
           CASE WHEN lower(ChargeClass) = 'correction' AND billed < 0 AND lower(coalesce(ChargeCategory, '')) IN ('', 'usage', 'purchase') THEN 'refund'
                WHEN lower(coalesce(ChargeCategory, '')) IN ('', 'usage') THEN 'usage'
                WHEN lower(ChargeCategory) IN ('purchase', 'tax', 'credit') THEN lower(ChargeCategory)
                ELSE 'adjustment' END AS category,
           coalesce(Tags, '') IN ('', '{}') AS untagged,
           lower(CASE WHEN coalesce(x_UsageType, '') <> '' THEN x_UsageType ELSE coalesce(ChargeDescription, '') END) AS usage_text
    FROM read_parquet('$work/focus-5m.parquet'))
  SELECT period, currency, account, service,
         sum(billed) FILTER (WHERE category NOT IN ('credit', 'refund')) AS amount,
         sum(effective) FILTER (WHERE category NOT IN ('credit', 'refund')) AS effective,
         sum(list) FILTER (WHERE category NOT IN ('credit', 'refund')) AS list,
         sum(billed) FILTER (WHERE category = 'credit') AS credits,
         sum(billed) FILTER (WHERE category = 'refund') AS refunds,
         sum(billed) FILTER (WHERE category = 'usage') AS usage,
         sum(billed) FILTER (WHERE category = 'usage' AND untagged) AS untagged_usage,
         sum(billed) FILTER (WHERE category = 'usage' AND NOT (usage_text LIKE '%ingress%' OR usage_text LIKE '%-in-bytes%')
                             AND (usage_text LIKE '%data transfer out%' OR usage_text LIKE '%egress%'
                                  OR usage_text LIKE '%datatransfer-out%' OR usage_text LIKE '%-out-bytes%')) AS egress,
         count(*) AS lines
  FROM lines GROUP BY GROUPING SETS ((period, currency), (period, currency, account, service))
) TO '$work/same-rules.csv' (FORMAT csv, HEADER true);
SQL
# The query Assay itself sends to DuckDB, to time the engine alone on it.
"$assay" cost --emit-sql duckdb --format focus --columns "$(head -1 "$work/focus-500k.csv")" \
  --table "read_parquet(['$work/focus-5m.parquet'], union_by_name = true)" > "$work/assay-query.sql"
{ echo "SET TimeZone = 'UTC';"; echo "COPY ("; cat "$work/assay-query.sql"; echo ") TO '$work/assay-query.csv' (FORMAT csv, HEADER true);"; } > "$work/assay-query-run.sql"
run() { /usr/bin/time -f "%e s %M KB" "$@" > /dev/null 2>> "$work/times.txt"; tail -1 "$work/times.txt"; }
echo "load: $(uptime)"
for round in 1 2 3; do
  echo "round $round"
  printf '  assay --engine duckdb (Parquet): '; run "$assay" cost --engine duckdb --input "$work/focus-5m.parquet" --as-of 2024-04-01
  printf '  duckdb, same rules by hand:      '; run duckdb -batch -bail :memory: -c ".read $work/same-rules.sql"
  printf '  duckdb, Assay query alone:       '; run duckdb -batch -bail :memory: -c ".read $work/assay-query-run.sql"
  printf '  duckdb, minimal hand-written:    '; run duckdb -batch -bail :memory: -c ".read $work/hand-written.sql"
  printf '  assay native (CSV):              '; run "$assay" cost --input "$work/focus-5m.csv" --as-of 2024-04-01
  printf '  assay --engine duckdb (CSV):     '; run "$assay" cost --engine duckdb --input "$work/focus-5m.csv" --as-of 2024-04-01
done
echo "load: $(uptime)"
# The same-rules query must give Assay's numbers, group by group.
python3 - "$work" <<'PY'
import csv, sys
from decimal import Decimal
work = sys.argv[1]
assay = {(r["period"], r["currency"], r["dim_1"] or "", r["dim_2"] or ""): r for r in csv.DictReader(open(work + "/assay-query.csv"))}
hand = {(r["period"], r["currency"], r["account"] or "", r["service"] or ""): r for r in csv.DictReader(open(work + "/same-rules.csv"))}
fields = ["amount", "effective", "list", "credits", "refunds", "usage", "untagged_usage", "egress", "lines"]
bad = [(key, f) for key, row in assay.items() for f in fields if key not in hand or Decimal(row[f] or 0) != Decimal(hand[key][f] or 0)]
print(f"same-rules query vs Assay's query: {len(assay)} groups, {len(bad)} differences")
sys.exit(1 if bad or len(assay) != len(hand) else 0)
PY
