import Foundation
import PolicyEngine
import Testing

@testable import Billing

/// The cost-group query plan and its dialect renderings, without running an engine (the
/// engine runs are in CLITests' WarehouseCostTests).
@Suite("cost query plan")
struct CostQueryPlanTests {
    static let focusColumns = WarehouseQueryFormats.standardColumns(.focus)

    @Test("the plan covers the review groupings and each scope once; permutations share a grouping set")
    func groupings() throws {
        let plan = try CostQueryPlan(
            format: .focus, columns: Self.focusColumns, tagColumnKind: .json,
            scopes: [CostScope(groupBy: ["service", "account"]), CostScope(groupBy: ["tags.environment"])])
        #expect(plan.groupings.map { $0.map(\.description) } == [[], ["account", "service"], ["tags.environment"]])
        let query = plan.query(dialect: .duckdb, source: "cost_export")
        #expect(query.text.contains("GROUP BY GROUPING SETS"))
        #expect(query.text.components(separatedBy: "    (\"period\", \"currency\"").count - 1 == 3)
        #expect(query.text.contains("'account,service'"))
        #expect(query.text.contains("'tags.environment'"))
    }

    @Test("the digest in the query is the SHA-256 of the query with the digest written as zeros; rendering is deterministic")
    func digest() throws {
        let plan = try CostQueryPlan(format: .awsCUR2, columns: WarehouseQueryFormats.standardColumns(.awsCUR2), tagColumnKind: .map,
                                     scopes: [CostScope(groupBy: ["tags.team"])], requiredTags: ["owner"])
        for dialect in SQLDialect.allCases {
            let query = plan.query(dialect: dialect, source: "t")
            #expect(query.sha256.count == 64)
            #expect(query.text.contains("'\(query.sha256)' AS query_sha256"))
            let zeroed = query.text.replacingOccurrences(of: "'\(query.sha256)'", with: "'" + String(repeating: "0", count: 64) + "'")
            #expect(SHA256.hex(of: zeroed) == query.sha256)
            #expect(plan.query(dialect: dialect, source: "t") == query)
            #expect(query.text.contains(dialect.moneyType))
            #expect(!query.text.uppercased().contains("DOUBLE") && !query.text.uppercased().contains("FLOAT"))
        }
        // The required tags are part of the result, so a result is never read with other ones.
        #expect(plan.query(dialect: .trino, source: "t").text.contains("'owner' AS required_tags"))
    }

    @Test("identifiers are quoted per dialect; plain words stay bare")
    func identifiers() {
        #expect(SQLDialect.spark.identifier("lineItem/UnblendedCost") == "`lineItem/UnblendedCost`")
        #expect(SQLDialect.bigquery.identifier("resourceTags/user:env") == "`resourceTags/user:env`")
        #expect(SQLDialect.trino.identifier("lineItem/UnblendedCost") == "\"lineItem/UnblendedCost\"")
        #expect(SQLDialect.duckdb.identifier("BilledCost") == "BilledCost")
        #expect(SQLDialect.snowflake.identifier("grouping") == "\"grouping\"")
        #expect(SQLDialect.spark.literal("it's") == "'it\\'s'")
        #expect(SQLDialect.trino.literal("it's") == "'it''s'")
    }

    @Test("formats without a column mapping, and tables lacking required columns, are refused")
    func refusals() {
        #expect(throws: BillingError.unsupportedQueryFormat(.azureCost)) {
            try CostQueryPlan(format: .azureCost, columns: ["CostInBillingCurrency"], tagColumnKind: .json, scopes: [])
        }
        #expect(throws: BillingError.missingColumns(path: "table", format: .focus, missing: ["BilledCost"])) {
            try CostQueryPlan(format: .focus, columns: ["ChargePeriodStart", "Tags"], tagColumnKind: .json, scopes: [])
        }
        #expect(throws: BillingError.unknownDimension("colour")) {
            try CostQueryPlan(format: .focus, columns: Self.focusColumns, tagColumnKind: .json, scopes: [CostScope(groupBy: ["colour"])])
        }
    }

    @Test("the JSON key pattern for CUR 2.0 user tags excludes aws_ keys without look-ahead",
          arguments: [("user_env", true), ("team", true), ("aws_createdBy", false), ("AWS_x", false), ("aws_", true), ("aw", true), ("a", true), ("awsx", true)])
    func keyPattern(key: String, counts: Bool) throws {
        let pattern = "(?i)^" + SQLDialect.keyNotStartingWith("aws_") + "$"
        let regex = try NSRegularExpression(pattern: pattern)
        let text = "\"\(key)\""
        let matched = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        #expect(matched == counts, "\(key)")
    }

    @Test("missing optional columns read as empty, as in the native reader: no reference to them")
    func optionalColumns() throws {
        let plan = try CostQueryPlan(format: .focus, columns: ["BilledCost", "ChargePeriodStart"], tagColumnKind: .json,
                                     scopes: [CostScope(groupBy: ["region", "tags.environment"])])
        let text = plan.query(dialect: .trino, source: "t").text
        #expect(!text.contains("RegionId") && !text.contains("Tags"))
        #expect(text.contains("'global'"))
    }
}
