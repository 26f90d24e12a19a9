public import PolicyEngine

/// Enriches application records with what the DR test log says, so policies can read it
/// (`dr.last_test_date`, `dr.failover_success_probability`, `dr.meets_rto`, …).
public enum DRTestEvidence {
    /// The resource type of DR test records.
    public static let resourceType = "dr.test"

    /// One parsed DR test record.
    public struct TestRecord: Sendable, Hashable {
        /// Application id (`application`).
        public var application: String
        /// Test date.
        public var date: CivilDate
        /// Full, partial, tabletop or restore (`test_type`, or `type` when that is not the record type).
        public var type: TestType
        /// Pass or fail.
        public var result: TestResult
        /// Measured recovery time, hours.
        public var measuredRTOHours: Double?
        /// Measured recovery point, hours.
        public var measuredRPOHours: Double?
        /// Position in the log (ties on the same date go to the later record).
        public var order: Int
    }

    /// Enriched applications and what was set aside.
    public struct Enrichment: Sendable {
        /// The application records with derived `dr.` fields, in input order.
        public var applications: [Resource]
        /// Tests naming unknown applications or dated after the as-of date.
        public var warnings: [String]
    }

    /// Adds the derived `dr.` fields to every application record in `applications`.
    ///
    /// The freshness basis is the latest full or partial test (tabletop exercises and restore tests
    /// do not count as failover tests, §B.5; they are the basis only when nothing else exists, and
    /// then count as untested). Tests after `asOf` are ignored.
    /// When the log holds no test for an application, `dr.last_test_*` fields already in the
    /// register are kept and aged.
    public static func enrich(applications: [Resource], tests: [Resource], asOf: CivilDate, settings: ModelSettings = ModelSettings()) throws(
        ResilienceError
    ) -> Enrichment {
        var warnings: [String] = []
        let ids = Set(applications.filter { $0.type == ApplicationRegister.resourceType }.map(ApplicationRegister.applicationID))
        var byApplication: [String: [TestRecord]] = [:]
        for (index, resource) in tests.enumerated() {
            let record = try parse(resource, order: index)
            if record.date > asOf {
                warnings.append("\(resource.source.displayText): DR test of '\(record.application)' on \(record.date) is after the as-of date \(asOf); ignored")
            } else if !ids.contains(record.application) {
                warnings.append("\(resource.source.displayText): DR test names unknown application '\(record.application)'; ignored")
            } else {
                byApplication[record.application, default: []].append(record)
            }
        }
        var enriched: [Resource] = []
        for resource in applications {
            guard resource.type == ApplicationRegister.resourceType else {
                enriched.append(resource)
                continue
            }
            let id = ApplicationRegister.applicationID(of: resource)
            enriched.append(try enrich(resource, tests: byApplication[id] ?? [], asOf: asOf, settings: settings))
        }
        return Enrichment(applications: enriched, warnings: warnings)
    }

    /// Parses one `dr.test` record.
    public static func parse(_ resource: Resource, order: Int) throws(ResilienceError) -> TestRecord {
        let fields = resource.document.objectValue ?? Fields()
        let reader = RegisterFields(application: "", source: resource.source, object: fields)
        func failure(_ field: String, _ reason: String) -> ResilienceError {
            .invalidTestRecord(field: field, reason: reason, source: resource.source)
        }
        func required(_ field: String) throws(ResilienceError) -> String {
            guard let value = reader.raw(field) else { throw failure(field, "is required") }
            guard let text = value.keyText else { throw failure(field, "expected a string, got \(value.kindName)") }
            return text
        }
        let application = try required("application")
        let dateText = try required("date")
        guard let date = CivilDate(parsing: dateText) else { throw failure("date", "expected YYYY-MM-DD, got '\(dateText)'") }
        // `type` holds the record type (`dr.test`) once the record is a resource, so the test type
        // is read from `test_type` and only falls back to a `type` that is not the record type.
        let typeField = reader.raw("test_type") != nil || reader.raw("type")?.stringValue == resourceType ? "test_type" : "type"
        let typeText = try required(typeField).lowercased()
        guard let type = TestType(rawValue: typeText) else {
            throw failure("type", "expected one of \(TestType.acceptedValues), got '\(typeText)'")
        }
        let resultText = try required("result").lowercased()
        guard let result = TestResult(rawValue: resultText) else { throw failure("result", "expected pass or fail, got '\(resultText)'") }
        func measured(_ field: String) throws(ResilienceError) -> Double? {
            guard let value = reader.raw(field) else { return nil }
            guard let number = RegisterFields.number(value), number.isFinite, number >= 0 else {
                throw failure(field, "expected a non-negative number of hours, got '\(value.displayText)'")
            }
            return number
        }
        return TestRecord(
            application: application, date: date, type: type, result: result, measuredRTOHours: try measured("measured_rto_hours"),
            measuredRPOHours: try measured("measured_rpo_hours"), order: order)
    }

    // MARK: - One application

    static func enrich(_ resource: Resource, tests: [TestRecord], asOf: CivilDate, settings: ModelSettings) throws(ResilienceError) -> Resource {
        var document = resource.document.objectValue ?? Fields()
        var dr = document["dr"]?.objectValue ?? Fields()
        let ordered = tests.sorted { ($0.date, $0.order) < ($1.date, $1.order) }
        let exercises = ordered.filter(\.type.exercisesFailover)
        if let basis = exercises.last ?? ordered.last {
            dr["last_test_date"] = .string(basis.date.description)
            dr["last_test_result"] = .string(basis.result.rawValue)
            dr["last_test_type"] = .string(basis.type.rawValue)
            dr["measured_rto_hours"] = basis.measuredRTOHours.map(Value.number)
            dr["measured_rpo_hours"] = basis.measuredRPOHours.map(Value.number)
            if let success = exercises.last(where: { $0.result == .pass }) {
                dr["last_successful_test_date"] = .string(success.date.description)
                dr["successful_test_age_days"] = .number(Double(asOf.days(since: success.date)))
            } else {
                dr["last_successful_test_date"] = .null
                dr["successful_test_age_days"] = .null
            }
        }
        let yearAgo = asOf.adding(days: -365)
        dr["tests_last_12_months"] = .number(Double(ordered.filter { $0.date > yearAgo }.count))
        if let dateText = dr["last_test_date"]?.stringValue, let date = CivilDate(parsing: dateText) {
            dr["test_age_days"] = .number(Double(asOf.days(since: date)))
        }
        document["dr"] = .object(dr)
        var enriched = Resource(id: resource.id, type: resource.type, document: .object(document), source: resource.source)
        guard let input = try ApplicationRegister.input(from: enriched, drCost: nil, asOf: asOf) else { return enriched }
        let model = try ApplicationModel(resolving: input, settings: settings)
        dr["failover_success_probability"] = .number(model.current.successProbability)
        let current = model.current
        let capability = current.kind == .noDR ? nil : current.parameters
        // The RTO the strategy can deliver is the model's R = δ + RTO·k(φ): the tested (else
        // declared, else default) RTO after the decay for the last test's age and result, plus the
        // delay to declare the disaster — the figure of the model's compliance gate and the DR
        // table, so findings and tables show one capability. Its parts are kept for the message.
        // Figures are rounded to 0.01 h (0.01 for the factor) for people; verdicts use the exact values.
        func hours(_ value: Double) -> Value { .number((value * 100).rounded() / 100) }
        dr["capability_rto_hours"] = capability.map { _ in hours(current.recoveryHours) } ?? .null
        dr["capability_rpo_hours"] = capability.map { .number($0.rpoHours) } ?? .null
        dr["rto_before_decay_hours"] = capability.map { hours($0.rtoHours) } ?? .null
        dr["rto_decay_factor"] = capability.map { _ in hours(current.rtoMultiplier) } ?? .null
        dr["declaration_delay_hours"] = capability.map { hours($0.declarationDelayHours) } ?? .null
        // What the capability rests on: a measured test, the register's declaration, or only the
        // strategy's default. A default is no evidence, so it never meets a target (a pass must
        // rest on evidence; the message names the basis); a missing strategy fails too.
        let posture = input.recovery
        // A strategy exercised by a real test (not a tabletop) keeps its default figures as tested.
        let tested = posture.evidence.map { $0.type != .tabletop } ?? false
        func basis(measured: Double?, declared: Double?) -> String {
            if measured != nil { return "measured" }
            if declared != nil { return "declared" }
            return tested ? "tested strategy default" : "strategy_default"
        }
        let rtoBasis = basis(measured: posture.evidence?.measuredRTOHours, declared: posture.rtoHours)
        let rpoBasis = basis(measured: posture.evidence?.measuredRPOHours, declared: posture.rpoHours)
        dr["capability_basis"] = capability == nil ? .null : .string(rtoBasis == rpoBasis ? rtoBasis : "RTO \(rtoBasis), RPO \(rpoBasis)")
        func verdict(_ meets: Bool?, basis: String) -> Value {
            guard let meets else { return .bool(false) }
            return .bool(meets && basis != "strategy_default")
        }
        dr["meets_rto"] = verdict(capability.map { _ in current.recoveryHours <= model.rtoTargetHours }, basis: rtoBasis)
        dr["meets_rpo"] = verdict(capability.map { $0.rpoHours <= model.rpoTargetHours }, basis: rpoBasis)
        document["dr"] = .object(dr)
        enriched.document = .object(document)
        return enriched
    }
}
