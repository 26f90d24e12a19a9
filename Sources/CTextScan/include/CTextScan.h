// Byte classification for the CSV scanner in TabularText and the JSON parser's strings, in C because Swift has no portable
// way to reach the SIMD compare-and-movemask instructions (its SIMD types lower these
// comparisons to per-lane scalar code). Everything is `static inline`, so Swift inlines it.
#ifndef C_TEXT_SCAN_H
#define C_TEXT_SCAN_H

#include <stddef.h>
#include <stdint.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Bit i set when byte i of the 64 bytes at `bytes` is `,`, `"` or a line feed; byte by byte.
/// Used where SSE2 is missing, and by the tests as the reference for the vector version.
static inline uint64_t text_scan_structural64_portable(const uint8_t *bytes) {
    uint64_t mask = 0;
    for (int index = 0; index < 64; index++) {
        uint8_t byte = bytes[index];
        if (byte == ',' || byte == '"' || byte == '\n') mask |= (uint64_t)1 << index;
    }
    return mask;
}

/// Bit i set when byte i of the 64 bytes at `bytes` (any alignment) is `,`, `"` or a line feed.
/// SSE2 (every x86-64 CPU): four 16-byte compares per character and a movemask per 16 bytes.
static inline uint64_t text_scan_structural64(const uint8_t *bytes) {
#if defined(__SSE2__)
    const __m128i comma = _mm_set1_epi8(',');
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i lineFeed = _mm_set1_epi8('\n');
    uint64_t mask = 0;
    for (int part = 0; part < 4; part++) {
        __m128i block = _mm_loadu_si128((const __m128i *)(const void *)(bytes + 16 * part));
        __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, comma), _mm_cmpeq_epi8(block, quote)),
                                    _mm_cmpeq_epi8(block, lineFeed));
        mask |= (uint64_t)(uint16_t)_mm_movemask_epi8(hits) << (16 * part);
    }
    return mask;
#else
    return text_scan_structural64_portable(bytes);
#endif
}

/// Number of `"` bytes in `bytes[0 ..< count]`, one byte at a time (the fallback, and the tests'
/// reference).
static inline size_t text_scan_count_quotes_portable(const uint8_t *bytes, size_t count) {
    size_t quotes = 0;
    for (size_t index = 0; index < count; index++) quotes += bytes[index] == '"';
    return quotes;
}

/// Number of `"` bytes in `bytes[0 ..< count]`. The chunk reader's quote parity, with no branch
/// per quote (quotes are a few per CSV line, so a `memchr` jump from quote to quote mispredicts
/// at each one): SSE2 compares subtract -1 from per-lane byte counters, 64 bytes per step, and
/// the counters are summed with `psadbw` every 63 steps, before a lane can pass 255.
static inline size_t text_scan_count_quotes(const uint8_t *bytes, size_t count) {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i zero = _mm_setzero_si128();
    size_t quotes = 0;
    size_t offset = 0;
    while (count - offset >= 64) {
        size_t steps = (count - offset) / 64;
        if (steps > 63) steps = 63;
        __m128i lanes = zero;
        for (size_t step = 0; step < steps; step++, offset += 64) {
            const __m128i *block = (const __m128i *)(const void *)(bytes + offset);
            lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(_mm_loadu_si128(block), quote));
            lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(_mm_loadu_si128(block + 1), quote));
            lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(_mm_loadu_si128(block + 2), quote));
            lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(_mm_loadu_si128(block + 3), quote));
        }
        __m128i sums = _mm_sad_epu8(lanes, zero);
        quotes += (size_t)_mm_cvtsi128_si32(sums) + (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sums, 8));
    }
    return quotes + text_scan_count_quotes_portable(bytes + offset, count - offset);
#else
    return text_scan_count_quotes_portable(bytes, count);
#endif
}

/// Length of the ASCII prefix of `bytes[0 ..< count]` (bytes below 0x80), one byte at a time
/// (the fallback, and the tests' reference).
static inline size_t text_scan_ascii_prefix_portable(const uint8_t *bytes, size_t count) {
    size_t offset = 0;
    while (offset < count && bytes[offset] < 0x80) offset++;
    return offset;
}

/// Length of the ASCII prefix of `bytes[0 ..< count]`. A billing record that is ASCII needs no
/// UTF-8 validation: SSE2 ORs 64 bytes and tests their high bits in one movemask per step, then
/// 16 bytes per step, and the last 16 bytes once (overlapping); only the 16 bytes holding the
/// first non-ASCII byte, and inputs shorter than 16 bytes, go byte by byte.
static inline size_t text_scan_ascii_prefix(const uint8_t *bytes, size_t count) {
#if defined(__SSE2__)
    size_t offset = 0;
    while (count - offset >= 64) {
        const __m128i *block = (const __m128i *)(const void *)(bytes + offset);
        __m128i any = _mm_or_si128(_mm_or_si128(_mm_loadu_si128(block), _mm_loadu_si128(block + 1)),
                                   _mm_or_si128(_mm_loadu_si128(block + 2), _mm_loadu_si128(block + 3)));
        if (_mm_movemask_epi8(any) != 0) break;
        offset += 64;
    }
    while (count - offset >= 16) {
        if (_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)(bytes + offset))) != 0) break;
        offset += 16;
    }
    if (offset < count && count >= 16 && count - offset < 16
        && _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)(bytes + count - 16))) == 0) return count;
    return offset + text_scan_ascii_prefix_portable(bytes + offset, count - offset);
#else
    return text_scan_ascii_prefix_portable(bytes, count);
#endif
}

/// Where a JSON string's plain run ends (`text_scan_json_string`): the offset of the first `"`,
/// backslash or control byte (below 0x20), or the count when there is none; and whether a byte before
/// that offset is not ASCII (the parser then validates the run as UTF-8).
typedef struct {
    size_t end;
    int non_ascii;
} text_scan_string_run;

/// As `text_scan_json_string`, one byte at a time (the fallback, and the tests' reference).
static inline text_scan_string_run text_scan_json_string_portable(const uint8_t *bytes, size_t count) {
    uint8_t any = 0;
    size_t offset = 0;
    for (; offset < count; offset++) {
        uint8_t byte = bytes[offset];
        if (byte == '"' || byte == '\\' || byte < 0x20) break;
        any |= byte;
    }
    return (text_scan_string_run){ offset, any >= 0x80 };
}

/// The plain run at the start of a JSON string's body `bytes[0 ..< count]` (just after its opening
/// quote): ids, ARNs and key ids of 20 to 90 bytes end in one to six steps instead of a branch per
/// byte. SSE2 compares 16 bytes per step with `"` and backslash, finds the control bytes with an unsigned
/// minimum, and takes the high bits for the non-ASCII flag; the last step loads the final 16
/// bytes of the input (overlapping bytes already scanned, whose lanes are masked off), so only
/// inputs shorter than 16 bytes go byte by byte.
static inline text_scan_string_run text_scan_json_string(const uint8_t *bytes, size_t count) {
#if defined(__SSE2__)
    if (count < 16) return text_scan_json_string_portable(bytes, count);
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i lastControl = _mm_set1_epi8(0x1F);
    unsigned high = 0;
    size_t offset = 0;
    for (;;) {
        unsigned skipped = 0;
        if (count - offset < 16) {
            if (offset == count) return (text_scan_string_run){ count, high != 0 };
            skipped = (unsigned)(16 - (count - offset));
            offset = count - 16;
        }
        __m128i block = _mm_loadu_si128((const __m128i *)(const void *)(bytes + offset));
        __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, quote), _mm_cmpeq_epi8(block, backslash)),
                                    _mm_cmpeq_epi8(_mm_min_epu8(block, lastControl), block));
        unsigned keep = 0xFFFFu & (0xFFFFu << skipped);
        unsigned stops = (unsigned)_mm_movemask_epi8(hits) & keep;
        unsigned tops = (unsigned)_mm_movemask_epi8(block) & keep;
        if (stops != 0) {
            unsigned at = (unsigned)__builtin_ctz(stops);
            high |= tops & ((1u << at) - 1u);
            return (text_scan_string_run){ offset + at, high != 0 };
        }
        high |= tops;
        offset += 16;
    }
#else
    return text_scan_json_string_portable(bytes, count);
#endif
}

/// The scan of one JSON array's elements (`JSONArrayStream`), kept between calls: the nesting
/// inside the current element (0 between elements), where the current element starts (-1 before
/// its first byte), and whether the scan stands inside a string and after a backslash there.
typedef struct {
    int64_t depth;
    int64_t element_start;
    uint8_t in_string;
    uint8_t escaped;
} json_array_scan_state;

/// Why `json_array_scan` returned.
typedef enum {
    /// Every byte up to `count` was scanned; the array goes on.
    JSON_ARRAY_SCAN_MORE = 0,
    /// `capacity` ranges were written; call again from `position`.
    JSON_ARRAY_SCAN_FULL = 1,
    /// The array closed; `position` is just after its `]`.
    JSON_ARRAY_SCAN_END = 2,
    /// A `}` closes the array (`position` is its offset).
    JSON_ARRAY_SCAN_UNEXPECTED_BRACE = 3,
    /// A `,` with no value before it (`position` is its offset).
    JSON_ARRAY_SCAN_MISSING_VALUE = 4,
} json_array_scan_status;

/// What `json_array_scan` found.
typedef struct {
    int64_t position;
    int64_t ranges;
    int32_t status;
} json_array_scan_result;

/// Finds the elements of a JSON array in `bytes[from ..< count]`, from just inside its `[`: each
/// element's range (start offset, offset of the `,` or `]` that ends it) is written as a pair into
/// `ranges` (room for `capacity` pairs). Strings and their escapes are tracked; nothing is
/// validated (the parser of each element does that). Any byte that is neither whitespace nor
/// structural starts an element. SSE2 classifies 64 bytes per step (with the escape and string
/// masks of simdjson's stage 1); a block holding a backslash outside a string, and the tail, go
/// byte by byte, which gives the same ranges (a test compares both on the same texts).
json_array_scan_result json_array_scan(const uint8_t *bytes, int64_t from, int64_t count, json_array_scan_state *state,
                                       int64_t *ranges, int64_t capacity);

/// As `json_array_scan`, byte by byte only (the tests' reference).
json_array_scan_result json_array_scan_portable(const uint8_t *bytes, int64_t from, int64_t count, json_array_scan_state *state,
                                                int64_t *ranges, int64_t capacity);

/// Asks the CPU to start loading the cache line at `address` for reading (no effect on the
/// program's meaning; an address that maps nothing is ignored).
static inline void text_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

/// The reference-count word of an immortal Swift object on 64-bit platforms, as the Swift
/// runtime makes it for static objects (`RefCountBitsT(Immortal_t)` in the runtime's
/// `RefCount.h`): the 32 low bits set (`IsImmortal`), a strong extra count of 2 (so that a
/// release never borrows from the top bit), and `UseSlowRC`, the top bit, set. The runtime checks
/// for it before every count change: a retain or release of such an object is a load, never a
/// store, and the object is never freed.
#define TEXT_IMMORTAL_REFCOUNT 0x80000004FFFFFFFFull

/// Makes the Swift heap object at `object` immortal (its reference-count word, the second word of
/// the object, set to `TEXT_IMMORTAL_REFCOUNT`) unless the top bit of that word is already set
/// (immortal already, or counted in a side table, which weak references make): returns 1 when
/// it did. A compare-and-swap, so a count changed at the same time by another thread is not lost
/// half-way: either the change or the immortal word wins, and from then on nothing counts.
static inline int text_make_immortal(void *object) {
    unsigned long long *word = (unsigned long long *)((char *)object + sizeof(void *));
    unsigned long long old = __atomic_load_n(word, __ATOMIC_RELAXED);
    while (!(old >> 63)) {
        if (__atomic_compare_exchange_n(word, &old, TEXT_IMMORTAL_REFCOUNT, 1, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) return 1;
    }
    return 0;
}

/// The reference-count word of the Swift heap object at `object` (for tests).
static inline unsigned long long text_refcount_word(const void *object) {
    return __atomic_load_n((const unsigned long long *)((const char *)object + sizeof(void *)), __ATOMIC_RELAXED);
}

#endif
