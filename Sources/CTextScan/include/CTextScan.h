// Byte classification for the CSV scanner in TabularText, in C because Swift has no portable
// way to reach the SIMD compare-and-movemask instructions (its SIMD types lower these
// comparisons to per-lane scalar code). Everything is `static inline`, so Swift inlines it.
#ifndef C_TEXT_SCAN_H
#define C_TEXT_SCAN_H

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

#endif
