/// One policy test: a small corpus of documents and the expected verdict per resource.
public struct PolicyTestCase: Sendable {
    /// Human name.
    public var name: String
    /// The policy under test.
    public var policyID: String
    /// Evaluation date.
    public var asOf: CivilDate
    /// Parameter overrides.
    public var params: [String: Value]
    /// Documents (resources, records and `cost.group` documents).
    public var documents: [Resource]
    /// Waivers applied in this test.
    public var waivers: [Waiver]
    /// Expected verdict per resource id, with the location of each expectation.
    public var expectations: [(resource: String, verdict: PolicyTestVerdict, location: SourceLocation)]
    /// Where the test is written.
    public var location: SourceLocation

    /// Creates a test case.
    public init(
        name: String, policyID: String, asOf: CivilDate, params: [String: Value], documents: [Resource], waivers: [Waiver],
        expectations: [(resource: String, verdict: PolicyTestVerdict, location: SourceLocation)], location: SourceLocation
    ) {
        self.name = name
        self.policyID = policyID
        self.asOf = asOf
        self.params = params
        self.documents = documents
        self.waivers = waivers
        self.expectations = expectations
        self.location = location
    }
}

/// The result of one expectation of a policy test.
public struct PolicyTestOutcome: Sendable {
    /// The test's name.
    public var test: String
    /// The policy.
    public var policyID: String
    /// The resource.
    public var resource: String
    /// What was expected.
    public var expected: PolicyTestVerdict
    /// What happened (nil when the test could not run, see `problem`).
    public var actual: PolicyTestVerdict?
    /// The finding message, or why the test could not run.
    public var detail: String
    /// Where the expectation is written.
    public var location: SourceLocation
    /// The test's evaluation date.
    public var asOf: CivilDate

    /// True when the actual verdict is the expected one.
    public var passed: Bool { actual == expected }
}

/// Runs policy test cases against compiled policies (a pure function of its inputs).
public enum PolicyTestRunner {
    /// Runs every case; `policies` maps ids to loaded policies.
    public static func run(_ cases: [PolicyTestCase], policies: [String: Policy], regions: RegionCatalog) -> [PolicyTestOutcome] {
        var outcomes: [PolicyTestOutcome] = []
        for testCase in cases {
            func failAll(_ detail: String) {
                for expectation in testCase.expectations {
                    outcomes.append(PolicyTestOutcome(test: testCase.name, policyID: testCase.policyID, resource: expectation.resource,
                                                      expected: expectation.verdict, actual: nil, detail: detail, location: expectation.location, asOf: testCase.asOf))
                }
            }
            guard let policy = policies[testCase.policyID] else {
                let hint = NameSuggester.suggestion(for: testCase.policyID, among: policies.keys.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
                failAll("no policy with id '\(testCase.policyID)'\(hint)")
                continue
            }
            let compiled: CompiledPolicy
            do {
                compiled = try PolicyCompiler.compile(policy, overrides: testCase.params)
            } catch {
                failAll(error.description)
                continue
            }
            let costDocuments = testCase.documents.filter { $0.type == "cost.group" }
            var scoped: [CostScope: [Resource]] = [:]
            if let cost = policy.scope.cost { scoped[cost] = costDocuments }
            let corpus = ResourceCorpus(resources: testCase.documents)
            var evaluations = PolicyRunner.run([compiled], corpus: corpus, costDocuments: scoped,
                                               context: EvaluationContext(asOf: testCase.asOf, regions: regions), keepPasses: true)
            _ = WaiverApplication.apply(testCase.waivers, to: &evaluations, asOf: testCase.asOf)
            let findings = evaluations.first?.findings ?? []
            for expectation in testCase.expectations {
                let matching = findings.filter { $0.resource == expectation.resource }
                let actual: PolicyTestVerdict
                var detail = ""
                if let finding = matching.first {
                    actual = .verdict(finding.status)
                    detail = finding.message
                } else if testCase.documents.contains(where: { $0.id == expectation.resource }) {
                    actual = .notApplicable
                } else {
                    outcomes.append(PolicyTestOutcome(test: testCase.name, policyID: policy.id, resource: expectation.resource,
                                                      expected: expectation.verdict, actual: nil,
                                                      detail: "no document with id '\(expectation.resource)' in this test",
                                                      location: expectation.location, asOf: testCase.asOf))
                    continue
                }
                outcomes.append(PolicyTestOutcome(test: testCase.name, policyID: policy.id, resource: expectation.resource,
                                                  expected: expectation.verdict, actual: actual, detail: detail, location: expectation.location,
                                                  asOf: testCase.asOf))
            }
        }
        return outcomes
    }
}
