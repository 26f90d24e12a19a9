#!/usr/bin/env bash
# Fuzzing: builds the libFuzzer targets of Fuzz/AssayFuzz (Swift's -sanitize=fuzzer) into
# .build-fuzz, apart from the ordinary build, and runs each target for FUZZ_SECONDS seconds
# (default 20) starting from its seed corpus in Fuzz/corpus/<target>/.
#
# Fails on a crash (a Swift trap included), an input running longer than 10 s, or memory past
# 2 GB; libFuzzer writes the input to .build-fuzz/crash-<target>-… — add it to the seed corpus
# and turn it into a regression test. Targets and what they exercise: docs/limits.md.
#   scripts/fuzz.sh                       # every target, 20 s each
#   FUZZ_SECONDS=300 scripts/fuzz.sh json # one target, longer
#   swift build --product AssayFuzz && ASSAY_FUZZ_TARGET=report .build/debug/AssayFuzz crash-file   # replay
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-20}
all="json policy config waiver register csv gzip detect report"

swift build -j "${FUZZ_JOBS:-1}" -c debug --product AssayFuzz --scratch-path .build-fuzz --sanitize fuzzer \
  -Xswiftc -DASSAY_LIBFUZZER -Xswiftc -parse-as-library
binary=.build-fuzz/debug/AssayFuzz

status=0
for target in ${*:-$all}; do
  work=$(mktemp -d)
  cp -R "Fuzz/corpus/$target/." "$work/" 2>/dev/null || true
  echo "fuzz: $target for ${seconds}s ($(ls "$work" | wc -l) seeds)"
  if ! ASSAY_FUZZ_TARGET=$target SWIFT_BACKTRACE=enable=no "$binary" "$work" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -artifact_prefix=".build-fuzz/crash-$target-" -print_final_stats=1 \
      >".build-fuzz/fuzz-$target.log" 2>&1; then
    echo "fuzz: $target FAILED; tail of .build-fuzz/fuzz-$target.log:" >&2
    tail -40 ".build-fuzz/fuzz-$target.log" >&2
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" ".build-fuzz/fuzz-$target.log" | tr '\n' ' '
    echo
  fi
  rm -rf "$work"
done
exit $status
