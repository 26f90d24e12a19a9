import PolicyEngine

/// Typed access to a row read back as cells. A database edited by hand may hold anything, so
/// every accessor checks the type and reports the run, table and column instead of trapping.
struct CellReader {
    let cells: [Cell]
    let columns: [String]
    /// `run 3 finding`: where the row is, for messages.
    let context: String
    let database: String

    func cell(_ column: String) -> Cell {
        guard let index = columns.firstIndex(of: column), index < cells.count else { return .null }
        return cells[index]
    }

    private func malformed(_ column: String, _ expected: String) -> HistoryError {
        .database(database: database, reason: "\(context): column \(column) is not \(expected) (the database was edited?)")
    }

    func text(_ column: String) throws(HistoryError) -> String {
        guard let text = cell(column).text else { throw malformed(column, "text") }
        return text
    }

    func optionalText(_ column: String) throws(HistoryError) -> String? {
        switch cell(column) {
        case .null: return nil
        case .text(let text): return text
        case .integer, .real: throw malformed(column, "text or NULL")
        }
    }

    func integer(_ column: String) throws(HistoryError) -> Int {
        guard let number = cell(column).integer else { throw malformed(column, "an integer") }
        return number
    }

    func real(_ column: String) throws(HistoryError) -> Double {
        switch cell(column) {
        case .real(let number): return number
        case .integer(let number): return Double(number)
        case .null, .text: throw malformed(column, "a number")
        }
    }

    func json(_ column: String) throws(HistoryError) -> Value {
        do {
            return try JSONParser.parse(try text(column))
        } catch {
            throw malformed(column, "JSON")
        }
    }

    func decimal(_ column: String) throws(HistoryError) -> FixedDecimal {
        guard case .success(let parsed) = FixedDecimal.parse(try text(column)) else { throw malformed(column, "a decimal") }
        return parsed.value
    }

    func enumeration<T: RawRepresentable>(_ column: String) throws(HistoryError) -> T where T.RawValue == String {
        guard let value = T(rawValue: try text(column)) else { throw malformed(column, "a known \(column)") }
        return value
    }

    // MARK: - Models

    /// `evaluated`, `pass`, `fail`, `waived`, `error`, `unknown`.
    func counts() throws(HistoryError) -> VerdictCounts {
        var counts = VerdictCounts()
        counts.evaluated = try integer("evaluated")
        counts.pass = try integer("pass")
        counts.fail = try integer("fail")
        counts.waived = try integer("waived")
        counts.error = try integer("error")
        counts.unknown = try integer("unknown")
        return counts
    }

    func runRecord() throws(HistoryError) -> RunRecord {
        let sequence = try integer("seq")
        let asOfText = try text("as_of")
        guard let asOf = CivilDate(parsing: asOfText) else { throw malformed("as_of", "a date") }
        var labels: [String: String] = [:]
        for member in try json("labels").objectValue ?? Fields() { labels[member.key] = member.value.displayText }
        var monthlyCost: [String: FixedDecimal] = [:]
        for member in try json("monthly_cost").objectValue ?? Fields() {
            monthlyCost[member.key] = SectionMoney.decimal(member.value)
        }
        return RunRecord(
            sequence: sequence, asOf: asOf, toolVersion: try text("tool_version"), configFile: try optionalText("config_file"),
            configSHA256: try optionalText("config_sha256"), labels: labels, failOn: try enumeration("fail_on"),
            policySetDigest: try text("policy_set_digest"), counts: try counts(), blocking: try integer("blocking"),
            complianceScore: try real("compliance_score"), monthlyCost: monthlyCost, baseline: try optionalText("baseline"),
            resultsSHA256: try text("results_sha256"), previousRecordSHA256: try text("previous_record_sha256"),
            recordSHA256: try text("record_sha256"))
    }

    func storedFinding() throws(HistoryError) -> StoredFinding {
        let fingerprint = try text("fingerprint")
        let document = try json("item")
        do {
            return StoredFinding(fingerprint: fingerprint, finding: try RunResultCodec.decode(finding: document))
        } catch {
            throw .database(database: database, reason: "\(context): finding \(fingerprint): \(error)")
        }
    }

    func storedCost() throws(HistoryError) -> StoredCost {
        let previous = try optionalText("previous_amount")
        var previousAmount: FixedDecimal?
        if previous != nil { previousAmount = try decimal("previous_amount") }
        return StoredCost(kind: try text("kind"), key: try text("group_key"), period: try text("period"), currency: try text("currency"),
                          amount: try decimal("amount"), previousAmount: previousAmount)
    }
}
