#!/usr/bin/env python3
"""Estimate of the heap bytes one normalized resource costs in Assay, part by part, before and
after objects share their keys (docs/performance.md, "Memory per resource, fifth session").

Usage: python3 Benchmarks/EngineBench/document_bytes.py [INVENTORY.json] [RECORDS]
       (default /tmp/bench-data/inv-1m.json, the first 20000 records; one record per line, as
       ../shared/bench/gen_inventory.py writes them)

Model: `Value` has a stride of 24 bytes, a member of a members-stored object 40 (value, key hash,
key), of a shaped object 24 (the keys live in the shared shape); an array or object storage has a
32-byte header; glibc rounds a request plus 8 bytes up to 16 (32 at least). Strings of up to 15
UTF-8 bytes are inline; longer ones cost a 32-byte header plus the bytes and a NUL, unless the
parser shares them (repeated strings of up to 64 bytes). Objects and arrays whose text is at most
96 bytes are shared by every later document with the same text. The `Resource` around the
document adds 128 bytes (not counted here).
"""
import collections
import json
import sys


def chunk(size):
    return max(32, (size + 8 + 15) // 16 * 16)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "/tmp/bench-data/inv-1m.json"
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    for shaped in (False, True):
        composites = collections.Counter()
        strings = set()
        parts = collections.Counter()

        def cost(value, top=False):
            if isinstance(value, (dict, list)) and not top:
                text = json.dumps(value, separators=(",", ":"))
                if len(text) <= 96:
                    composites[text] += 1
                    if composites[text] > 1:
                        return
            if isinstance(value, dict):
                if value:
                    member = 24 if shaped and len(value) <= 32 else 40
                    parts["objects"] += chunk(32 + member * len(value))
                for item in value.values():
                    cost(item)
            elif isinstance(value, list):
                if value:
                    parts["arrays"] += chunk(32 + 24 * len(value))
                for item in value:
                    cost(item)
            elif isinstance(value, str):
                size = len(value.encode())
                if size > 15 and not (size <= 64 and value in strings):
                    parts["strings"] += chunk(32 + size + 1)
                if size <= 64:
                    strings.add(value)

        count = 0
        with open(path) as handle:
            for line in handle:
                line = line.strip().rstrip(",")
                if not line.startswith("{"):
                    continue
                cost(json.loads(line), top=True)
                count += 1
                if count == limit:
                    break
        per = {key: round(value / count) for key, value in sorted(parts.items())}
        print("shaped " if shaped else "members", per, "documents", round(sum(parts.values()) / count), "B per resource")


if __name__ == "__main__":
    main()
