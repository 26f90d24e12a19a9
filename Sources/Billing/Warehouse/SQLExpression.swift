/// A scalar SQL expression of the cost-group query, independent of any dialect. `SQLDialect`
/// renders it; the plan (`CostQueryPlan`) builds it from the native readers' rules.
indirect enum SQLExpression: Sendable {
    /// A column of the source table, by its exported name.
    case column(String)
    /// A string literal.
    case text(String)
    /// An integer literal.
    case integer(Int)
    /// SQL NULL.
    case null
    /// The value as text (`CAST(… AS VARCHAR/STRING)`), so typed columns give their text form.
    case asText(SQLExpression)
    /// An exact decimal parsed from the value's text form (`DECIMAL(38,18)`, BigQuery `BIGNUMERIC`).
    case decimal(SQLExpression)
    /// The decimal zero of the money type.
    case zero
    /// `a + b` and `a - b` of decimals.
    case add(SQLExpression, SQLExpression)
    case subtract(SQLExpression, SQLExpression)
    /// `LOWER(…)`.
    case lower(SQLExpression)
    /// `SUBSTR(…, start, length)` (1-based).
    case substring(SQLExpression, start: Int, length: Int)
    /// `REPLACE(…, from, to)`.
    case replace(SQLExpression, String, String)
    /// The text with its last character removed.
    case dropLast(SQLExpression)
    /// The text's length in characters.
    case length(SQLExpression)
    /// `a = b`.
    case equal(SQLExpression, SQLExpression)
    /// `a < b`.
    case less(SQLExpression, SQLExpression)
    /// `a >= b` for text (used for single-character ranges).
    case greaterOrEqual(SQLExpression, SQLExpression)
    /// `a <= b`.
    case lessOrEqual(SQLExpression, SQLExpression)
    /// Every condition holds.
    case all([SQLExpression])
    /// Any condition holds.
    case any([SQLExpression])
    /// `NOT (…)`.
    case not(SQLExpression)
    /// `… IS NULL`.
    case isNull(SQLExpression)
    /// `… LIKE '%needle%'` (case-sensitive; the needle has no wildcards).
    case contains(SQLExpression, String)
    /// `… LIKE 'prefix%'`.
    case hasPrefix(SQLExpression, String)
    /// `… LIKE '%suffix'`.
    case hasSuffix(SQLExpression, String)
    /// `CASE WHEN c1 THEN v1 … ELSE otherwise END`.
    case cases([(SQLExpression, SQLExpression)], otherwise: SQLExpression)
    /// `COALESCE(…)`.
    case coalesce([SQLExpression])
    /// `NULLIF(value, '')`: empty text as NULL.
    case nullIfEmpty(SQLExpression)
    /// The text value of member `key` of a tag column (JSON object text or a map).
    case tagMember(column: String, kind: TagColumnKind, key: String)
    /// True when the tag column has a member with a non-empty scalar value whose key does not
    /// start with `excludedPrefix` (case-insensitive; nil excludes nothing).
    case hasAnyTag(column: String, kind: TagColumnKind, excludedPrefix: String?)
}

/// How a table stores the tags: JSON object text (FOCUS CSV, CUR 2.0 CSV, a `JSON`/`STRING`
/// warehouse column) or a native map (`MAP<STRING,STRING>` in Parquet, Athena, Spark, DuckDB).
public enum TagColumnKind: String, CaseIterable, Sendable {
    /// A JSON object serialised as text (or a JSON-typed column).
    case json
    /// A `MAP(VARCHAR, VARCHAR)`.
    case map
}

extension SQLExpression {
    /// The first of `values` that is not empty text, else '' (none of `values` may be NULL).
    /// Rendered as `CASE`, which engines evaluate only for the rows that reach each branch:
    /// DuckDB evaluates every `COALESCE` argument, and on a 5M-row FOCUS export the charge
    /// description behind the usage type cost 3 s of 11 (docs/performance.md).
    static func firstNonEmpty(_ values: [SQLExpression]) -> SQLExpression {
        .cases(values.map { (.not(.equal($0, .text(""))), $0) }, otherwise: .text(""))
    }
}

