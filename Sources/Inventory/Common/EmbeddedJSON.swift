import PolicyEngine

/// Decodes JSON that arrives as a string inside JSON: AWS Config API items carry
/// `configuration` and every supplementary value as strings, some leaves (`AccessControlList`)
/// are encoded twice, policies travel as `policyText` strings, and select-resource-config rows
/// are strings.
enum EmbeddedJSON {
    /// The decoded value of a string that holds a JSON object, array, string, boolean or number;
    /// decodes repeatedly (up to `depth` levels) while the result is still such a string. Anything
    /// else, including text that fails to parse, comes back unchanged.
    static func decode(_ value: Value, depth: Int = 3) -> Value {
        var current = value
        for _ in 0..<depth {
            guard case .string(let text) = current, looksEncoded(text) else { return current }
            do throws(JSONSyntaxError) {
                current = try JSONParser.parse(text)
            } catch {
                return current
            }
        }
        return current
    }

    /// Decodes each member of an object (`supplementaryConfiguration` of API items). Only a string
    /// that looks encoded is replaced: a snapshot's object, whose members are objects already, is
    /// returned as it is (not rebuilt, for every item of a million).
    static func decodeMembers(_ value: Value) -> Value {
        guard case .object(let fields) = value else { return decode(value) }
        var decoded = fields
        for member in fields.unorderedMembers {
            guard case .string(let text) = member.value, looksEncoded(text) else { continue }
            decoded[member.objectKey] = decode(member.value)
        }
        return .object(decoded)
    }

    /// Strings worth trying: objects, arrays, quoted strings and the literals `true`/`false`.
    private static func looksEncoded(_ text: String) -> Bool {
        guard let first = text.utf8.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return false }
        switch first {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""): return true
        default: return text == "true" || text == "false"
        }
    }
}
