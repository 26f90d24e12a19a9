#!/usr/bin/env bash
# Fuzzing: builds the libFuzzer targets of Fuzz/AssayFuzz with AddressSanitizer (Swift's
# -sanitize=fuzzer,address) into .build-fuzz, apart from the ordinary build, and runs each target
# for FUZZ_SECONDS seconds (default 20) starting from its seed corpus in Fuzz/corpus/<target>/.
#
# Fails on a crash (a Swift trap included), a memory error (out-of-bounds access, use after
# free, double free: ASan), a leak (LeakSanitizer, on with ASan on Linux; libFuzzer checks each
# input that allocates more than it frees), an input running longer than 10 s, or memory past
# 2 GB; libFuzzer writes the input to .build-fuzz/crash-<target>-… (leak-… for a leak) — add it
# to the seed corpus and turn it into a regression test. Targets: docs/limits.md.
#   scripts/fuzz.sh                       # every target, 20 s each
#   FUZZ_SECONDS=300 scripts/fuzz.sh json # one target, longer
#   swift build --product AssayFuzz && ASSAY_FUZZ_TARGET=report .build/debug/AssayFuzz crash-file   # replay
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-20}
all="json policy config waiver register csv gzip detect report"

swift build -j "${FUZZ_JOBS:-1}" -c debug --product AssayFuzz --scratch-path .build-fuzz --sanitize fuzzer --sanitize address \
  -Xswiftc -DASSAY_LIBFUZZER -Xswiftc -parse-as-library
binary=.build-fuzz/debug/AssayFuzz

# The sanitizers are live: a deliberate leak and a deliberate out-of-bounds read must each be
# reported (a build without them would pass every target below without finding either).
check=$(mktemp -d)
for bug in leak overflow; do
  printf '%s' "$bug" >"$check/$bug"
  if ASSAY_FUZZ_TARGET=sanitizer-check SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1 "$binary" "$check/$bug" \
      >".build-fuzz/sanitizer-$bug.log" 2>&1 \
      || ! grep -qE "LeakSanitizer: detected memory leaks|AddressSanitizer: heap-buffer-overflow" ".build-fuzz/sanitizer-$bug.log"; then
    echo "fuzz: the sanitizers did not report the deliberate $bug; see .build-fuzz/sanitizer-$bug.log" >&2
    exit 1
  fi
done
rm -rf "$check"
echo "fuzz: AddressSanitizer and LeakSanitizer report a deliberate overflow and leak"

status=0
for target in ${*:-$all}; do
  work=$(mktemp -d)
  cp -R "Fuzz/corpus/$target/." "$work/" 2>/dev/null || true
  echo "fuzz: $target for ${seconds}s ($(ls "$work" | wc -l) seeds)"
  # detect_leaks: LeakSanitizer after the run and per input (-detect_leaks=1, libFuzzer's default
  # with ASan); leaks from the platform's own one-time initialisation are listed in Fuzz/lsan.supp.
  if ! ASSAY_FUZZ_TARGET=$target SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:quarantine_size_mb=64 \
      LSAN_OPTIONS=suppressions="$PWD/Fuzz/lsan.supp":print_suppressions=0 \
      "$binary" "$work" -max_total_time="$seconds" -timeout=10 -detect_leaks=1 \
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
