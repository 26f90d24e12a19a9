// Most functions are `static inline` in the header; the JSON array scan is too large to inline
// and lives here.
#include "CTextScan.h"

/// Writes the range of one element (its start, and the offset of the `,` or `]` that ends it).
static inline void emit_range(int64_t *ranges, int64_t *written, int64_t start, int64_t end) {
    ranges[2 * *written] = start;
    ranges[2 * *written + 1] = end;
    *written += 1;
}

/// Stores the state where the vector scan stopped, outside any string, and says why.
static inline json_array_scan_result stop_outside_string(json_array_scan_state *state, int64_t depth, int64_t start,
                                                         int64_t position, int64_t written, json_array_scan_status status) {
    state->depth = depth;
    state->element_start = start;
    state->in_string = 0;
    state->escaped = 0;
    return (json_array_scan_result){ position, written, status };
}

/// Scans `bytes[from ..< to]` one byte at a time. Returns MORE when `to` was reached.
static json_array_scan_result scan_bytes(const uint8_t *bytes, int64_t from, int64_t to, json_array_scan_state *state,
                                         int64_t *ranges, int64_t capacity, int64_t written) {
    int64_t depth = state->depth;
    int64_t start = state->element_start;
    uint8_t in_string = state->in_string;
    uint8_t escaped = state->escaped;
    json_array_scan_result result = { to, written, JSON_ARRAY_SCAN_MORE };
    for (int64_t index = from; index < to; index++) {
        uint8_t byte = bytes[index];
        if (in_string) {
            if (escaped) {
                escaped = 0;
            } else if (byte == '\\') {
                escaped = 1;
            } else if (byte == '"') {
                in_string = 0;
            }
            continue;
        }
        switch (byte) {
        case '"':
            in_string = 1;
            if (start < 0) start = index;
            break;
        case ' ': case '\n': case '\r': case '\t':
            break;
        case '[': case '{':
            if (start < 0) start = index;
            depth += 1;
            break;
        case ']': case '}':
            if (depth == 0) {
                if (byte == '}') {
                    result = (json_array_scan_result){ index, written, JSON_ARRAY_SCAN_UNEXPECTED_BRACE };
                    goto done;
                }
                if (start >= 0) {
                    emit_range(ranges, &written, start, index);
                    start = -1;
                }
                result = (json_array_scan_result){ index + 1, written, JSON_ARRAY_SCAN_END };
                goto done;
            }
            depth -= 1;
            break;
        case ',':
            if (depth == 0) {
                if (start < 0) {
                    result = (json_array_scan_result){ index, written, JSON_ARRAY_SCAN_MISSING_VALUE };
                    goto done;
                }
                emit_range(ranges, &written, start, index);
                start = -1;
                if (written == capacity) {
                    result = (json_array_scan_result){ index + 1, written, JSON_ARRAY_SCAN_FULL };
                    goto done;
                }
            }
            break;
        default:
            if (start < 0) start = index;
        }
    }
    result.ranges = written;
done:
    state->depth = depth;
    state->element_start = start;
    state->in_string = in_string;
    state->escaped = escaped;
    return result;
}

json_array_scan_result json_array_scan_portable(const uint8_t *bytes, int64_t from, int64_t count, json_array_scan_state *state,
                                                int64_t *ranges, int64_t capacity) {
    return scan_bytes(bytes, from, count, state, ranges, capacity, 0);
}

#if defined(__SSE2__)
/// Bit i set where byte i of the 64 bytes at `bytes` equals `byte`.
static inline uint64_t equal_mask(const __m128i blocks[4], char byte) {
    const __m128i pattern = _mm_set1_epi8(byte);
    uint64_t mask = 0;
    for (int part = 0; part < 4; part++) {
        mask |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(blocks[part], pattern)) << (16 * part);
    }
    return mask;
}

/// Bit i set when byte i is escaped: it follows a run of backslashes of odd length. `carry` is 1
/// when the previous block ended in such a run, and is set for the next one (simdjson's
/// `find_odd_backslash_sequences`, Langdale and Lemire, "Parsing Gigabytes of JSON per Second").
static inline uint64_t escaped_mask(uint64_t backslashes, uint64_t *carry) {
    const uint64_t even_bits = 0x5555555555555555ULL;
    const uint64_t odd_bits = ~even_bits;
    uint64_t start_edges = backslashes & ~(backslashes << 1);
    uint64_t even_start_mask = even_bits ^ *carry;
    uint64_t even_starts = start_edges & even_start_mask;
    uint64_t odd_starts = start_edges & ~even_start_mask;
    uint64_t even_carries = backslashes + even_starts;
    uint64_t odd_carries;
    uint64_t ends_odd = __builtin_add_overflow(backslashes, odd_starts, &odd_carries);
    odd_carries |= *carry;
    *carry = ends_odd;
    uint64_t even_carry_ends = even_carries & ~backslashes;
    uint64_t odd_carry_ends = odd_carries & ~backslashes;
    return (even_carry_ends & odd_bits) | (odd_carry_ends & even_bits);
}

/// Bit i = XOR of bits 0 ... i.
static inline uint64_t prefix_xor(uint64_t bits) {
    bits ^= bits << 1;
    bits ^= bits << 2;
    bits ^= bits << 4;
    bits ^= bits << 8;
    bits ^= bits << 16;
    bits ^= bits << 32;
    return bits;
}
#endif

json_array_scan_result json_array_scan(const uint8_t *bytes, int64_t from, int64_t count, json_array_scan_state *state,
                                       int64_t *ranges, int64_t capacity) {
#if defined(__SSE2__)
    int64_t written = 0;
    int64_t base = from;
    while (count - base >= 64) {
        __m128i blocks[4];
        for (int part = 0; part < 4; part++) blocks[part] = _mm_loadu_si128((const __m128i *)(const void *)(bytes + base + 16 * part));
        uint64_t quotes = equal_mask(blocks, '"');
        uint64_t backslashes = equal_mask(blocks, '\\');
        uint64_t carry = state->escaped;
        uint64_t escaped = escaped_mask(backslashes, &carry);
        quotes &= ~escaped;
        // Opening quotes and string content; closing quotes are outside.
        uint64_t inside = prefix_xor(quotes) ^ (state->in_string ? ~0ULL : 0);
        if (backslashes & ~inside) {
            // A backslash outside a string (invalid JSON): byte by byte, as the reference does.
            json_array_scan_result partial = scan_bytes(bytes, base, base + 64, state, ranges, capacity, written);
            if (partial.status != JSON_ARRAY_SCAN_MORE) return partial;
            written = partial.ranges;
            base += 64;
            continue;
        }
        uint64_t outside = ~inside;
        uint64_t whitespace = equal_mask(blocks, ' ') | equal_mask(blocks, '\n') | equal_mask(blocks, '\r') | equal_mask(blocks, '\t');
        uint64_t nesting = (equal_mask(blocks, '{') | equal_mask(blocks, '[') | equal_mask(blocks, '}') | equal_mask(blocks, ']')) & outside;
        uint64_t structural = nesting | (equal_mask(blocks, ',') & outside);
        // Bytes that may start an element: an opening quote, or a non-space byte outside strings
        // other than a closing quote.
        uint64_t value = (~whitespace & outside & ~quotes) | (quotes & inside);
        int64_t depth = state->depth;
        int64_t start = state->element_start;
        uint64_t unseen = ~0ULL;  // bits not yet handled
        for (;;) {
            uint64_t events = (depth > 0 ? nesting : structural) & unseen;
            if (start < 0) {
                uint64_t candidates = value & unseen;
                if (candidates) {
                    int first = __builtin_ctzll(candidates);
                    if (events == 0 || first <= __builtin_ctzll(events)) start = base + first;
                }
            }
            if (events == 0) break;
            int bit = __builtin_ctzll(events);
            unseen = bit == 63 ? 0 : ~0ULL << (bit + 1);
            int64_t index = base + bit;
            uint8_t byte = bytes[index];
            if (byte == '{' || byte == '[') {
                depth += 1;
            } else if (byte == ',') {
                // Only seen at depth 0.
                if (start < 0) return stop_outside_string(state, depth, start, index, written, JSON_ARRAY_SCAN_MISSING_VALUE);
                emit_range(ranges, &written, start, index);
                start = -1;
                if (written == capacity) return stop_outside_string(state, depth, start, index + 1, written, JSON_ARRAY_SCAN_FULL);
            } else if (depth > 0) {
                depth -= 1;
            } else {
                if (byte == '}') return stop_outside_string(state, depth, start, index, written, JSON_ARRAY_SCAN_UNEXPECTED_BRACE);
                if (start >= 0) {
                    emit_range(ranges, &written, start, index);
                    start = -1;
                }
                return stop_outside_string(state, depth, start, index + 1, written, JSON_ARRAY_SCAN_END);
            }
        }
        state->depth = depth;
        state->element_start = start;
        state->in_string = (uint8_t)(inside >> 63);
        state->escaped = (uint8_t)carry;
        base += 64;
    }
    return scan_bytes(bytes, base, count, state, ranges, capacity, written);
#else
    return scan_bytes(bytes, from, count, state, ranges, capacity, 0);
#endif
}
