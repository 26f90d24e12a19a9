#!/usr/bin/env python3
"""Runs Assay's Spark SQL cost-group query with a local Spark on billing fixtures and checks that
the groups agree with Assay's native reader (docs/billing.md, "At warehouse scale").

For each fixture: `assay cost --emit-sql spark` renders the query for the file's columns; Spark
reads the CSV (every column as a string, as the export has it), runs the query, and the result
is written as a cost-groups CSV; `assay cost --format cost-groups` reads it back and its JSON must
equal the native path's groups and totals. Exit 0 when all agree, 1 on a difference, 2 when
pyspark or Java is missing. Usage: scripts/spark-cost-groups.py ASSAY_BINARY
"""
import csv
import gzip
import json
import os
import subprocess
import sys
import tempfile

FIXTURES = [
    ("fixtures/billing/focus-azure-2026-08_2026-10.csv", ["tags.application", "tags.environment"]),
    ("fixtures/billing/aws-cur-2026-08_2026-10.csv.gz", ["tags.environment", "service_category", "region"]),
    ("Tests/BillingTests/Fixtures/focus-small.csv", ["service_category", "region", "charge_category"]),
    ("Tests/BillingTests/Fixtures/cur-small.csv", ["account", "service", "resource"]),
    ("Tests/BillingTests/Fixtures/cur2-small.csv", ["tags.environment", "tags.aws:created_by"]),
]
AS_OF = "2026-11-27"


def header(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle))


def assay_json(assay, args, out):
    subprocess.run([assay, "cost", "--as-of", AS_OF, "--months", "6", "--json", out] + args,
                   check=True, stdout=subprocess.DEVNULL)
    with open(out) as handle:
        document = json.load(handle)
    return document["groups"], document["totals"]


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    assay = os.path.abspath(sys.argv[1])
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        print("spark-cost-groups: SKIPPED: pyspark is not installed (python3 -m pip install pyspark)")
        return 2
    spark = (SparkSession.builder.master("local[1]").appName("assay-cost-groups")
             .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC")
             .config("spark.sql.shuffle.partitions", "2").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        for path, group_by in FIXTURES:
            columns = header(path)
            frame = spark.read.option("header", "true").option("inferSchema", "false").option("multiLine", "true") \
                .option("escape", '"').csv(path)
            frame = frame.toDF(*columns)
            frame.createOrReplaceTempView("cost_export")
            query = subprocess.run(
                [assay, "cost", "--emit-sql", "spark", "--table", "cost_export", "--tag-column", "json", "--columns", ",".join(columns),
                 "--group-by"] + group_by, check=True, capture_output=True, text=True).stdout
            rows = spark.sql(query).collect()
            groups_path = os.path.join(folder, "groups.csv")
            with open(groups_path, "w", newline="") as handle:
                writer = csv.writer(handle)
                names = rows[0].__fields__ if rows else []
                writer.writerow(names)
                for row in rows:
                    writer.writerow(["" if value is None else str(value) for value in row])
            native = assay_json(assay, ["--input", path, "--group-by"] + group_by, os.path.join(folder, "native.json"))
            engine = assay_json(assay, ["--format", "cost-groups", "--input", groups_path, "--group-by"] + group_by,
                                os.path.join(folder, "spark.json"))
            # Commitment figures are the native reader's alone: the SQL query does not sum them,
            # so the engine's groups say unknown with that reason (docs/billing.md, "Commitments").
            def groups(document):
                for part in document:
                    for group in (part if isinstance(part, list) else [part]):
                        if isinstance(group, dict):
                            yield group
                            if isinstance(group.get("cost"), dict):
                                yield group["cost"]
            unknown = all("SQL engine" in json.dumps(group["commitments"]) for group in groups(engine) if "commitments" in group)
            for document in (native, engine):
                for group in list(groups(document)):
                    group.pop("source", None)
                    group.pop("commitments", None)
            same = native == engine and unknown
            print(f"{'ok  ' if same else 'DIFF'} {path} by {' '.join(group_by)}: {len(native[0])} groups")
            failures += 0 if same else 1
    spark.stop()
    print(f"spark-cost-groups: {len(FIXTURES) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
