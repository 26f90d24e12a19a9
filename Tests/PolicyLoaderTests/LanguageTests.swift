import Testing
import TestSupport
@testable import PolicyEngine
@testable import PolicyLoader

/// Evaluates YAML condition text on a JSON document, as policies do.
enum Language {
    static let asOf = CivilDate(year: 2026, month: 6, day: 30)!
    static let regions = RegionCatalog(
        regions: [
            .init(provider: "aws", code: "eu-west-1", displayName: "Ireland", country: "IE", jurisdiction: "EU"),
            .init(provider: "aws", code: "us-east-1", displayName: "N. Virginia", country: "US", jurisdiction: "US"),
            .init(provider: "gcp", code: "europe-west1", displayName: "Belgium", country: "BE", jurisdiction: "EU"),
            .init(provider: "gcp", code: "europe-north1", displayName: "Finland", country: "FI", jurisdiction: "EU"),
        ],
        multiRegions: ["EU": ["europe-west1", "europe-north1"]]
    )

    static func outcome(_ condition: String, on json: String, params: [String: Value] = [:], others: [Resource] = []) throws -> Outcome {
        let parsed = try ConditionText.parse(condition)
        let policy = Policy(id: "t", title: "t", severity: .low, enforcement: .soft, scope: PolicyScope(), requirement: parsed,
                            params: params, location: SourceLocation(file: "t", line: 1, column: 1))
        let compiled = try PolicyCompiler.compile(policy)
        var corpus = ResourceCorpus(resources: others)
        corpus.buildJoinIndexes(for: compiled.joins)
        let evaluator = ConditionEvaluator(corpus: corpus, context: EvaluationContext(asOf: asOf, regions: regions))
        let document = try JSONParser.parse(json)
        let outcome = evaluator.evaluate(compiled.requirement, on: document)
        // The runner's evaluation plan must reach the same status on every example.
        let planned = withUnsafePointer(to: document) { compiled.plan.requirement.status(evaluator, root: $0, current: $0) }
        #expect(planned == outcome.status, "the evaluation plan gives \(planned) for \(condition) on \(json)")
        return outcome
    }
}

@Suite("Operators (examples from the Operator enum)")
struct OperatorExampleTests {
    static let cases: [(Operator, OperatorExample)] = Operator.allCases.flatMap { op in op.examples.map { (op, $0) } }

    @Test("every operator has a passing and a failing example")
    func coverage() {
        for op in Operator.allCases {
            let outcomes = Set(op.examples.map(\.expected))
            #expect(outcomes.contains(.pass), "\(op.rawValue) has no passing example")
            #expect(outcomes.contains(.fail), "\(op.rawValue) has no failing example")
            #expect(op.examples.allSatisfy { $0.condition.contains(op.rawValue) || op == .equals }, "\(op.rawValue) examples use another operator")
        }
    }

    @Test("examples evaluate as documented", arguments: cases)
    func example(op: Operator, example: OperatorExample) throws {
        let outcome = try Language.outcome(example.condition, on: example.document)
        #expect(outcome.status == example.expected, "\(op.rawValue): \(example.condition) on \(example.document) gave \(outcome.status) \(outcome.reason ?? "")")
    }
}

@Suite("Combinators, quantifiers, joins, parameters and references")
struct ConditionLanguageTests {
    func status(_ condition: String, _ json: String, params: [String: Value] = [:], others: [Resource] = []) throws -> Verdict {
        try Language.outcome(condition, on: json, params: params, others: others).status
    }

    @Test("a mapping is a conjunction; all/any/none/not combine", arguments: [
        ("{ a: 1, b: 2 }", #"{"a": 1, "b": 2}"#, Verdict.pass),
        ("{ a: 1, b: 3 }", #"{"a": 1, "b": 2}"#, .fail),
        ("all: [ { a: 1 }, { b: 2 } ]", #"{"a": 1, "b": 2}"#, .pass),
        ("all: [ { a: 1 }, { b: 9 } ]", #"{"a": 1, "b": 2}"#, .fail),
        ("any: [ { a: 9 }, { b: 2 } ]", #"{"a": 1, "b": 2}"#, .pass),
        ("any: [ { a: 9 }, { b: 9 } ]", #"{"a": 1, "b": 2}"#, .fail),
        ("none: [ { a: 9 }, { b: 9 } ]", #"{"a": 1, "b": 2}"#, .pass),
        ("none: [ { a: 1 }, { b: 9 } ]", #"{"a": 1, "b": 2}"#, .fail),
        ("not: { a: 9 }", #"{"a": 1}"#, .pass),
        ("not: { a: 1 }", #"{"a": 1}"#, .fail),
        ("{ a: { gte: 1, lte: 5 } }", #"{"a": 3}"#, .pass),
        ("{ a: { gte: 1, lte: 5 } }", #"{"a": 6}"#, .fail),
    ])
    func combinators(condition: String, json: String, expected: Verdict) throws {
        #expect(try status(condition, json) == expected)
    }

    @Test("every / some / count over arrays, with @ and $", arguments: [
        ("every: { path: regions, require: { \"@\": { in: [eu-west-1, eu-central-1] } } }", #"{"regions": ["eu-west-1"]}"#, Verdict.pass),
        ("every: { path: regions, require: { \"@\": { in: [eu-west-1, eu-central-1] } } }", #"{"regions": ["eu-west-1", "us-east-1"]}"#, .fail),
        ("every: { path: regions, require: { \"@\": eu-west-1 } }", #"{"regions": []}"#, .pass),
        ("every: { path: regions, require: { \"@\": eu-west-1 } }", #"{}"#, .fail),
        ("every: { path: regions, default: [], require: { \"@\": eu-west-1 } }", #"{}"#, .pass),
        ("every: { path: rules, where: { enabled: true }, require: { days: { gte: 30 } } }", #"{"rules": [{"enabled": true, "days": 35}, {"enabled": false, "days": 1}]}"#, .pass),
        ("some: { path: rules, require: { days: { gte: 30 } } }", #"{"rules": [{"days": 3}, {"days": 90}]}"#, .pass),
        ("some: { path: rules, require: { days: { gte: 30 } } }", #"{"rules": [{"days": 3}]}"#, .fail),
        ("every: { path: replicas, require: { region: { not_equals: { ref: $.region } } } }", #"{"region": "a", "replicas": [{"region": "b"}]}"#, .pass),
        ("every: { path: replicas, require: { region: { not_equals: { ref: $.region } } } }", #"{"region": "a", "replicas": [{"region": "a"}]}"#, .fail),
        ("count: { path: rules, where: { enabled: true }, gte: 2 }", #"{"rules": [{"enabled": true}, {"enabled": true}, {"enabled": false}]}"#, .pass),
        ("count: { path: rules, where: { enabled: true }, gte: 2 }", #"{"rules": [{"enabled": true}, {"enabled": false}]}"#, .fail),
        ("every: { path: regions, require: { \"@\": x } }", #"{"regions": "x"}"#, .error),
    ])
    func quantifiers(condition: String, json: String, expected: Verdict) throws {
        #expect(try status(condition, json) == expected)
    }

    @Test("ref compares two fields of the same resource", arguments: [
        ("replication.source_region: { not_equals: { ref: region } }", #"{"region": "eu-west-1", "replication": {"source_region": "eu-central-1"}}"#, Verdict.pass),
        ("replication.source_region: { not_equals: { ref: region } }", #"{"region": "eu-west-1", "replication": {"source_region": "eu-west-1"}}"#, .fail),
        ("measured_rto: { lte: { ref: target_rto } }", #"{"measured_rto": 0.5, "target_rto": 1}"#, .pass),
        ("measured_rto: { lte: { ref: target_rto } }", #"{"measured_rto": 2, "target_rto": 1}"#, .fail),
        ("measured_rto: { lte: { ref: target_rto } }", #"{"measured_rto": 2}"#, .fail),
    ])
    func references(condition: String, json: String, expected: Verdict) throws {
        #expect(try status(condition, json) == expected)
    }

    @Test("parameters and keyed parameter lookups")
    func parameters() throws {
        let params: [String: Value] = ["max_age": 90, "cadence": ["tier0": 90, "tier2": 180, "default": 365]]
        #expect(try status("age: { lte: { param: max_age } }", #"{"age": 60}"#, params: params) == .pass)
        #expect(try status("age: { lte: { param: max_age } }", #"{"age": 120}"#, params: params) == .fail)
        #expect(try status("age: { lte: { param: cadence, key: tier } }", #"{"age": 120, "tier": "tier2"}"#, params: params) == .pass)
        #expect(try status("age: { lte: { param: cadence, key: tier } }", #"{"age": 120, "tier": "tier0"}"#, params: params) == .fail)
        #expect(try status("age: { lte: { param: cadence, key: tier } }", #"{"age": 300, "tier": "tier3"}"#, params: params) == .pass)
        #expect(try status("age: { lte: { param: cadence, key: tier } }", #"{"age": 1}"#, params: params) == .error)
        #expect(throws: PolicyCompileError.self) { try status("age: { lte: { param: max_ages } }", #"{}"#, params: params) }
        #expect(throws: PolicyCompileError.self) { try status("age: { lte: { param: max_age, key: tier } }", #"{}"#, params: params) }
    }

    @Test("related joins through the index, with min/max and a requirement on the related resource")
    func related() throws {
        let keys = [
            Resource(id: "k1", type: "kms.key", document: ["replica_of": "primary-a", "region": "eu-central-1", "enabled": true],
                     source: SourceReference(file: "k")),
            Resource(id: "k2", type: "kms.key", document: ["replica_of": "primary-a", "region": "us-east-1", "enabled": false],
                     source: SourceReference(file: "k")),
        ]
        let condition = """
            every:
              path: replication.regions
              require:
                related:
                  type: kms.key
                  match:
                    replica_of: { ref: $.encryption.key_id }
                    region: { ref: "@" }
                  require: { enabled: true }
                  min: 1
            """
        let good = #"{"encryption": {"key_id": "primary-a"}, "replication": {"regions": ["eu-central-1"]}}"#
        let disabled = #"{"encryption": {"key_id": "primary-a"}, "replication": {"regions": ["us-east-1"]}}"#
        let missing = #"{"encryption": {"key_id": "primary-a"}, "replication": {"regions": ["ap-south-1"]}}"#
        #expect(try status(condition, good, others: keys) == .pass)
        #expect(try status(condition, disabled, others: keys) == .fail)
        #expect(try status(condition, missing, others: keys) == .fail)
        let atMostOne = "related: { type: kms.key, match: { replica_of: { ref: key } }, max: 1, min: 0 }"
        #expect(try status(atMostOne, #"{"key": "primary-a"}"#, others: keys) == .fail)
        #expect(try status(atMostOne, #"{"key": "other"}"#, others: keys) == .pass)
    }

    @Test("unknown values give unknown, never pass or fail")
    func unknowns() throws {
        let document: Value = ["encrypted": .unknown]
        let evaluator = ConditionEvaluator(corpus: ResourceCorpus(resources: []), context: EvaluationContext(asOf: Language.asOf))
        for text in ["encrypted: true", "encrypted: { not_equals: false }", "encrypted: { in: [true] }"] {
            let compiled = try PolicyCompiler.compile(Policy(id: "u", title: "u", severity: .low, enforcement: .soft, scope: PolicyScope(),
                                                             requirement: try ConditionText.parse(text), location: SourceLocation(file: "u", line: 1, column: 1)))
            #expect(evaluator.evaluate(compiled.requirement, on: document).status == .unknown)
        }
    }
}
