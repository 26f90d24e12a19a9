/// The SQL engines the cost-group query is rendered for. Each case is one renderer: the
/// exhaustive switches below are the registry, so a new dialect is one case the compiler
/// walks through.
public enum SQLDialect: String, CaseIterable, Sendable {
    /// DuckDB 1.2 or later (also what `assay cost --engine duckdb` runs).
    case duckdb
    /// Spark SQL 3.4 or later (Databricks).
    case spark
    /// Trino, and Amazon Athena engine version 3.
    case trino
    /// Google BigQuery (GoogleSQL).
    case bigquery
    /// Snowflake.
    case snowflake

    /// The exact money type: 38 digits with 20 after the point, as many as Assay keeps (BigQuery: `BIGNUMERIC`, 76 digits
    /// with 38 after the point).
    var moneyType: String {
        switch self {
        case .duckdb, .spark, .trino: return "DECIMAL(38, 20)"
        case .bigquery: return "BIGNUMERIC"
        case .snowflake: return "NUMBER(38, 20)"
        }
    }

    /// The text type of `CAST(… AS …)`.
    private var textType: String {
        switch self {
        case .duckdb, .trino, .snowflake: return "VARCHAR"
        case .spark, .bigquery: return "STRING"
        }
    }

    /// An identifier, quoted when it is not a plain word (`"lineItem/UnblendedCost"`, Spark and
    /// BigQuery use backticks).
    public func identifier(_ name: String) -> String {
        let scalars = Array(name.unicodeScalars)
        let plain = !scalars.isEmpty && !("0"..."9").contains(scalars[0])
            && scalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        if plain && !Self.reservedWords.contains(name.uppercased()) { return name }
        switch self {
        case .duckdb, .trino, .snowflake: return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        case .spark, .bigquery: return "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
        }
    }

    /// Words that must be quoted as column names in at least one dialect.
    private static let reservedWords: Set<String> = ["GROUPING", "LIST", "LINES", "CURRENCY", "PERIOD", "ORDER", "GROUP", "TABLE", "SELECT", "FROM", "WHERE", "CASE", "END", "VALUES", "USAGE"]

    /// A string literal.
    public func literal(_ text: String) -> String {
        switch self {
        case .duckdb, .trino, .snowflake: return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        case .spark, .bigquery:
            return "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
        }
    }

    /// The text of a `LIKE` pattern literal with `%`/`_` and the escape character escaped.
    private func likeLiteral(_ prefix: String, _ needle: String, _ suffix: String) -> String {
        let escaped = needle.replacingOccurrences(of: "!", with: "!!").replacingOccurrences(of: "%", with: "!%").replacingOccurrences(of: "_", with: "!_")
        return literal(prefix + escaped + suffix) + " ESCAPE '!'"
    }

    /// Renders an expression.
    func render(_ expression: SQLExpression) -> String {
        switch expression {
        case .column(let name): return identifier(name)
        case .text(let text): return literal(text)
        case .integer(let value): return String(value)
        case .null: return "NULL"
        case .asText(let inner): return "CAST(\(render(inner)) AS \(textType))"
        case .decimal(let inner): return "CAST(\(render(inner)) AS \(moneyType))"
        case .zero: return "CAST(0 AS \(moneyType))"
        case .add(let left, let right): return "(\(render(left)) + \(render(right)))"
        case .subtract(let left, let right): return "(\(render(left)) - \(render(right)))"
        case .lower(let inner): return "LOWER(\(render(inner)))"
        case .substring(let inner, let start, let length):
            switch self {
            case .spark, .duckdb, .trino, .bigquery, .snowflake: return "SUBSTR(\(render(inner)), \(start), \(length))"
            }
        case .replace(let inner, let from, let to): return "REPLACE(\(render(inner)), \(literal(from)), \(literal(to)))"
        case .dropLast(let inner):
            let text = render(inner)
            return "SUBSTR(\(text), 1, \(lengthFunction)(\(text)) - 1)"
        case .length(let inner): return "\(lengthFunction)(\(render(inner)))"
        case .equal(let left, let right): return "(\(render(left)) = \(render(right)))"
        case .less(let left, let right): return "(\(render(left)) < \(render(right)))"
        case .greaterOrEqual(let left, let right): return "(\(render(left)) >= \(render(right)))"
        case .lessOrEqual(let left, let right): return "(\(render(left)) <= \(render(right)))"
        case .all(let parts): return parts.isEmpty ? "TRUE" : "(" + parts.map(render).joined(separator: " AND ") + ")"
        case .any(let parts): return parts.isEmpty ? "FALSE" : "(" + parts.map(render).joined(separator: " OR ") + ")"
        case .not(let inner): return "(NOT \(render(inner)))"
        case .isNull(let inner): return "(\(render(inner)) IS NULL)"
        case .contains(let inner, let needle): return "(\(render(inner)) LIKE \(likeLiteral("%", needle, "%")))"
        case .hasPrefix(let inner, let prefix): return "(\(render(inner)) LIKE \(likeLiteral("", prefix, "%")))"
        case .hasSuffix(let inner, let suffix): return "(\(render(inner)) LIKE \(likeLiteral("%", suffix, "")))"
        case .cases(let branches, let otherwise):
            guard !branches.isEmpty else { return render(otherwise) }
            return "CASE " + branches.map { "WHEN \(render($0.0)) THEN \(render($0.1))" }.joined(separator: " ") + " ELSE \(render(otherwise)) END"
        case .coalesce(let parts): return parts.count == 1 ? render(parts[0]) : "COALESCE(" + parts.map(render).joined(separator: ", ") + ")"
        case .nullIfEmpty(let inner): return "NULLIF(\(render(inner)), '')"
        case .tagMember(let column, let kind, let key): return tagMember(column: identifier(column), kind: kind, key: key)
        case .hasAnyTag(let column, let kind, let excluded): return hasAnyTag(column: identifier(column), kind: kind, excludedPrefix: excluded)
        }
    }

    private var lengthFunction: String {
        switch self {
        case .duckdb, .trino, .spark, .bigquery, .snowflake: return "LENGTH"
        }
    }

    /// One member of a tag column, as text (NULL when absent, null or nested).
    private func tagMember(column: String, kind: TagColumnKind, key: String) -> String {
        switch (self, kind) {
        case (.duckdb, .json): return "CASE WHEN json_valid(\(column)) THEN json_extract_string(\(column), \(literal(jsonPath(key)))) END"
        case (.duckdb, .map): return "CAST(map_extract_value(\(column), \(literal(key))) AS VARCHAR)"
        case (.trino, .json): return "json_extract_scalar(\(column), \(literal("$[\"" + jsonKey(key) + "\"]")))"
        case (.trino, .map): return "CAST(element_at(\(column), \(literal(key))) AS VARCHAR)"
        case (.spark, .json): return "get_json_object(\(column), \(literal("$['" + key.replacingOccurrences(of: "'", with: "\\'") + "']")))"
        case (.spark, .map): return "CAST(try_element_at(\(column), \(literal(key))) AS STRING)"
        case (.bigquery, .json), (.bigquery, .map): return "SAFE.JSON_VALUE(\(column), \(literal(jsonPath(key))))"
        case (.snowflake, .json): return "CAST(GET(TRY_PARSE_JSON(\(column)), \(literal(key))) AS VARCHAR)"
        case (.snowflake, .map): return "CAST(GET(\(column), \(literal(key))) AS VARCHAR)"
        }
    }

    /// `$."key"` with the key's quotes and backslashes escaped.
    private func jsonPath(_ key: String) -> String { "$.\"" + jsonKey(key) + "\"" }

    private func jsonKey(_ key: String) -> String {
        key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    /// True when the tag column has a non-empty scalar member whose key does not start with
    /// `excludedPrefix`.
    private func hasAnyTag(column: String, kind: TagColumnKind, excludedPrefix: String?) -> String {
        switch kind {
        case .json:
            // A member `"key": value` whose value is a non-empty string, a number or a boolean.
            let keyPattern = excludedPrefix.map(Self.keyNotStartingWith) ?? "\"[^\"]*\""
            let pattern = "(?i)" + keyPattern + "\\s*:\\s*(\"[^\"]|[-0-9]|true|false)"
            switch self {
            case .duckdb: return "COALESCE(regexp_matches(\(column), \(literal(pattern))), FALSE)"
            case .trino: return "COALESCE(regexp_like(\(column), \(literal(pattern))), FALSE)"
            case .spark: return "COALESCE(\(column) RLIKE \(literal(pattern)), FALSE)"
            case .bigquery: return "COALESCE(REGEXP_CONTAINS(\(column), \(literal(pattern))), FALSE)"
            case .snowflake: return "COALESCE(REGEXP_INSTR(\(column), \(literal(pattern.replacingOccurrences(of: "(?i)", with: ""))), 1, 1, 0, 'i') > 0, FALSE)"
            }
        case .map:
            let keep: (String, String) -> String = { key, value in
                let nonEmpty = "\(value) IS NOT NULL AND \(value) <> ''"
                guard let excludedPrefix else { return nonEmpty }
                let count = excludedPrefix.count
                return nonEmpty + " AND NOT (LENGTH(\(key)) > \(count) AND LOWER(SUBSTR(\(key), 1, \(count))) = \(self.literal(excludedPrefix.lowercased())))"
            }
            switch self {
            case .duckdb: return "COALESCE(len(list_filter(map_entries(\(column)), e -> \(keep("e.key", "e.value")))) > 0, FALSE)"
            case .trino: return "COALESCE(cardinality(map_filter(\(column), (k, v) -> \(keep("k", "v")))) > 0, FALSE)"
            case .spark: return "COALESCE(size(map_filter(\(column), (k, v) -> \(keep("k", "v")))) > 0, FALSE)"
            case .bigquery: return hasAnyTag(column: column, kind: .json, excludedPrefix: excludedPrefix)
            case .snowflake: return "COALESCE(ARRAY_SIZE(OBJECT_KEYS(\(column))) > 0, FALSE)"
            }
        }
    }

    /// A regular expression for a quoted JSON key that does not start with `prefix` (ASCII,
    /// matched case-insensitively) unless it is exactly the prefix, without look-ahead (RE2
    /// has none).
    static func keyNotStartingWith(_ prefix: String) -> String {
        let characters = Array(prefix)
        var alternatives = ["\"" + String(characters) + "\""]  // the prefix alone is a plain key
        for length in 0..<characters.count {
            let head = String(characters[0..<length])
            alternatives.append("\"" + head + "\"")  // a key shorter than the prefix
            alternatives.append("\"" + head + "[^\"" + String(characters[length]) + "][^\"]*\"")
        }
        return "(" + alternatives.joined(separator: "|") + ")"
    }
}
