public import PolicyEngine

/// The file and line a CI system should point at for a finding: the `.tf` block declaring the
/// resource when the Terraform locator found it, else the input file (with its row or item line
/// when the reader knows one). One rule for SARIF, GitLab code quality and CI annotations.
public struct FindingLocation: Sendable, Hashable {
    /// The place: a file (as the run was given it; relative paths stay relative) and its 1-based
    /// line, when known.
    public var location: SourceLocation

    /// The file.
    public var file: String { location.file }
    /// 1-based line, when known.
    public var line: Int? { location.line }

    /// Where `finding` points, or nil when it has no source (cost groups, computed documents).
    public init?(_ finding: Finding) {
        guard let source = finding.source else { return nil }
        if let declared = source.declaration?.location {
            location = SourceLocation(file: declared.file, line: declared.line)
        } else {
            // A cost group names every export it was summed from (`a.csv, b.csv`): the first stands for them.
            let file = source.file.components(separatedBy: ", ").first ?? source.file
            guard !file.isEmpty else { return nil }
            location = SourceLocation(file: file, line: source.line)
        }
    }

    /// `file:line`, or the file alone.
    public var text: String { location.lineColumnText }

    /// The file as a URI reference: relative paths percent-encoded and relative (code scanning
    /// resolves them against the repository root); absolute paths as `file://` URIs.
    public var uri: String {
        let encoded = Self.percentEncoded(file.hasPrefix("./") ? String(file.dropFirst(2)) : file)
        return file.hasPrefix("/") ? "file://" + encoded : encoded
    }

    /// RFC 3986 percent-encoding of a path (unreserved characters and `/` kept).
    static func percentEncoded(_ path: String) -> String {
        var text = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                text.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                text += "%"
                text.unicodeScalars.append(digits[Int(byte >> 4)])
                text.unicodeScalars.append(digits[Int(byte & 0x0F)])
            }
        }
        return text
    }
}
