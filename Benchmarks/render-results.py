#!/usr/bin/env python3
"""Renders Benchmarks/run-all.sh's results.tsv as Markdown: every row, and the README's summary
table (whole commands a user runs beside the peers' whole processes).

Usage:
    render-results.py RESULTS.tsv --commit SHA [--before-commit SHA]              # Markdown to stdout
    render-results.py RESULTS.tsv --commit SHA [...] --update README.md docs/performance.md
        replaces the text between <!-- run-all:summary:begin --> and <!-- run-all:summary:end -->
        (README.md) and <!-- run-all:rows:begin --> / <!-- run-all:rows:end --> (docs/performance.md).
"""
import argparse
import datetime
import json
import os
import re
import sys


def load(path):
    """Each name's median run (by wall time; the lower middle of an even count), with the wall
    times of all its runs: `run-all.sh --rounds N` measures every row N times."""
    runs = {}
    with open(path) as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 6:
                continue
            name, wall, cpu, peak, code, loadavg = parts[:6]
            runs.setdefault(name, []).append({"wall": float(wall), "cpu": float(cpu), "peak": int(peak), "exit": code,
                                              "load": loadavg, "output": parts[6] if len(parts) > 6 else ""})
    rows = {}
    for name, measured in runs.items():
        ordered = sorted(measured, key=lambda run: run["wall"])
        median = dict(ordered[(len(ordered) - 1) // 2])
        median["walls"] = [run["wall"] for run in measured]
        rows[name] = median
    return rows


def runs_text(row):
    """'' for one run, else ' (median of N: low–high s)'."""
    walls = row.get("walls", [row["wall"]])
    if len(walls) < 2:
        return ""
    return f" (median of {len(walls)}: {min(walls):.2f}–{max(walls):.2f} s)"


def machine():
    model = ""
    with open("/proc/cpuinfo") as handle:
        for line in handle:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = 0
    with open("/proc/meminfo") as handle:
        for line in handle:
            if line.startswith("MemTotal"):
                memory = round(int(line.split()[1]) / 1024 / 1024)
    return f"{os.cpu_count()} cores, {model}, {memory} GiB"


def seconds(value):
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def memory(mebibytes):
    """Peak RSS as `/usr/bin/time` reports it (KiB, stored as MiB), in binary units: "2.39 GiB",
    not the "2.4 GB" of MiB / 1000 the tables showed until the thirteenth session (2.56 × 10^9
    bytes)."""
    return f"{mebibytes / 1024:.2f} GiB" if mebibytes >= 1024 else f"{mebibytes} MiB"


def figures(rows, *names, suffix=""):
    """'a s / b s, peak' over the rows that exist (one per seed)."""
    found = [rows[name + suffix] for name in names if name + suffix in rows]
    if not found:
        return None
    walls = " / ".join(seconds(row["wall"]) for row in found)
    return f"{walls}, {memory(max(row['peak'] for row in found))}"


# Harness rows whose process also sets up its data: the figure the harness prints for the job.
HARNESS_FIGURES = {
    "downtime": (r"model \(simulate \+ summarise \+ decide\): ([0-9.]+) s", "model {} s (process {})"),
    "history-100k": (r"record run 1 \(empty database\)\s+wall min [0-9.]+ s, median ([0-9.]+) s", "{} s per run (median; process {} for 3 runs and set-up)"),
    "report-html-100k": (r"html:\s+([0-9.]+) s", "{} s (process {} with generating the result)"),
}


def cell(rows, *names):
    if len(names) == 1 and names[0] in HARNESS_FIGURES and names[0] in rows:
        pattern, text = HARNESS_FIGURES[names[0]]
        found = re.search(pattern, rows[names[0]]["output"])
        if found:
            return text.format(f"{float(found.group(1)):.2f}", seconds(rows[names[0]]["wall"]))
    after = figures(rows, *names)
    if after is None:
        return "not measured"
    before = figures(rows, *names, suffix="@before")
    return after + (f" (before: {before})" if before else "")


def peer(rows, label, *names):
    found = figures(rows, *names)
    return f"{label} {found}" if found else None


SUMMARY = [
    ("1M resources (640 MB), five rules, whole `assay evaluate` writing `--json` and `--junit` (seeds 7 / 11)",
     ["assay-evaluate-json-junit-1m-seed7", "assay-evaluate-json-junit-1m-seed11"],
     [("Python loop (writes nothing)", ["python-rules-1m-seed7", "python-rules-1m-seed11"]), ("regorus", ["regorus-1m-seed7"])]),
    ("same, no report files",
     ["assay-evaluate-no-report-1m-seed7", "assay-evaluate-no-report-1m-seed11"], []),
    ("same, with the default `--passing list` (every passing verdict in both reports: 3.4M findings, 2.8 GB written)",
     ["assay-evaluate-json-junit-list-1m-seed7", "assay-evaluate-json-junit-list-1m-seed11"], []),
    ("100k resources, whole `assay evaluate` writing `--json` and `--junit`",
     ["assay-evaluate-json-junit-100k-seed7", "assay-evaluate-json-junit-100k-seed11"],
     [("Python loop", ["python-rules-100k-seed7", "python-rules-100k-seed11"]), ("regorus", ["regorus-100k-seed7"])]),
    ("same, with the default `--passing list` (every passing verdict in both reports)",
     ["assay-evaluate-json-junit-list-100k-seed7", "assay-evaluate-json-junit-list-100k-seed11"], []),
    ("1M-item AWS Config snapshot, whole `assay evaluate`, four rules",
     ["assay-evaluate-config-1m-seed7", "assay-evaluate-config-1m-seed11"], []),
    ("1M-resource Terraform plan, whole `assay evaluate`, four rules",
     ["assay-evaluate-tfplan-1m-seed7", "assay-evaluate-tfplan-1m-seed11"], []),
    ("10k-resource Terraform plan, whole `assay evaluate` with JUnit",
     ["assay-evaluate-tfplan-10k"], [("Checkov", ["checkov-tfplan-10k"])]),
    ("5M-row AWS CUR (4.2 GB), whole `assay cost` (every review group)",
     ["assay-cost-cur-5m.csv", "assay-cost-cur-5m-s11.csv"],
     [("DuckDB (q1 + q2)", ["duckdb-cur-5m.csv", "duckdb-cur-5m-s11.csv"]), ("polars", ["polars-cur-5m.csv", "polars-cur-5m-s11.csv"])]),
    ("same, the peers' q1 + q2 only (BillingBench harness)",
     ["billingbench-cur-5m.csv", "billingbench-cur-5m-s11.csv"], []),
    ("5M-row AWS CUR, `.csv.gz`, whole `assay cost`",
     ["assay-cost-cur-5m.csv.gz"], [("DuckDB", ["duckdb-cur-5m.csv.gz"]), ("polars", ["polars-cur-5m.csv.gz"])]),
    ("5M-row FOCUS export (3.7 GB), whole `assay cost`",
     ["assay-cost-focus-5m.csv", "assay-cost-focus-5m-s7.csv"],
     [("DuckDB (q1 + q2)", ["duckdb-focus-5m.csv", "duckdb-focus-5m-s7.csv"])]),
    ("same, the peers' q1 + q2 only (BillingBench harness)",
     ["billingbench-focus-5m.csv", "billingbench-focus-5m-s7.csv"], []),
    ("the example (`make example`: 7 applications' downtime model, every report)", ["assay-example"], []),
    ("downtime model, 50 apps × 6 strategies × 100k trials", ["downtime"], []),
    ("record a 100k-finding run in the history (3 runs)", ["history-100k"], []),
    ("HTML report of a 100k-resource result", ["report-html-100k"], []),
]


def summary(rows, header):
    lines = [header, "", "| job | Assay | peers on the same data, same run |", "|---|---|---|"]
    for job, names, peers in SUMMARY:
        others = [text for text in (peer(rows, label, *names_) for label, names_ in peers) if text]
        lines.append(f"| {job} | {cell(rows, *names)} | {'; '.join(others) if others else '—'} |")
    return "\n".join(lines)


def all_rows(rows, header):
    lines = [header, "", "| measurement | wall | CPU (user + sys) | peak RSS | exit | load (1 min) at start |",
             "|---|---|---|---|---|---|"]
    for name, row in rows.items():
        lines.append(f"| {name} | {seconds(row['wall'])}{runs_text(row)} | {seconds(row['cpu'])} | {memory(row['peak'])} | {row['exit']} | {row['load']} |")
    engine = [(name, row) for name, row in rows.items() if name.startswith(("enginebench", "library-enginebench"))]
    if engine:
        lines += ["", "EngineBench phases (the in-process breakdown of the engine's share, not a whole command):", "",
                  "| run | load | identity | index | evaluation (median) | text | peak |", "|---|---|---|---|---|---|---|"]
        for name, row in engine:
            try:
                phases = json.loads(row["output"].strip())
            except ValueError:  # said, not skipped: an empty table once hid a cut output line
                lines.append(f"| {name} | (its output was not one JSON line: see results.tsv) | | | | | |")
                continue
            lines.append("| {} | {} | {} | {} | {} | {} | {} MiB |".format(
                name, *(seconds(phases[key]) if key in phases else "—" for key in ("load_s", "identity_s", "index_s", "eval_s_median", "text_s")),
                phases.get("peak_rss_mb", "?")))
    return "\n".join(lines)


def splice(path, marker, text):
    with open(path) as handle:
        content = handle.read()
    pattern = re.compile(rf"(<!-- run-all:{marker}:begin -->\n).*?(\n<!-- run-all:{marker}:end -->)", re.S)
    if not pattern.search(content):
        sys.exit(f"{path}: the markers <!-- run-all:{marker}:begin/end --> are missing")
    content = pattern.sub(lambda match: match.group(1) + text + match.group(2), content)
    temporary = path + ".tmp"
    with open(temporary, "w") as handle:
        handle.write(content)
    os.replace(temporary, path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--commit", required=True)
    parser.add_argument("--before-commit")
    parser.add_argument("--update", nargs=2, metavar=("README", "PERFORMANCE"))
    args = parser.parse_args()
    rows = load(args.results)
    when = datetime.datetime.fromtimestamp(os.path.getmtime(args.results), datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    before = f"; *before* = commit {args.before_commit}, built and run in the same session" if args.before_commit else ""
    most = max((len(row["walls"]) for row in rows.values()), default=1)
    runs = "one run per seed" if most < 2 else (
        f"the median of {most} interleaved runs per seed (the run whose wall time is the median; "
        "every run's range is in docs/performance.md)")
    header = (f"Measured by `Benchmarks/run-all.sh` on {machine()}: commit {args.commit}{before}, finished {when}; "
              f"wall time and peak RSS of whole processes (`/usr/bin/time`), {runs}; "
              "the load average at the start of each row's median run is in docs/performance.md.")
    if args.update:
        readme, performance = args.update
        splice(readme, "summary", summary(rows, header))
        splice(performance, "rows", all_rows(rows, header))
    else:
        print(summary(rows, header))
        print()
        print(all_rows(rows, header))


if __name__ == "__main__":
    main()
