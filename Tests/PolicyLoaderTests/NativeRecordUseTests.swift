import Testing
import TestSupport
@testable import PolicyEngine
@testable import PolicyLoader

/// Whether a run's policies read the native record (`attributes`), which decides how much of it
/// the AWS Config and Terraform readers keep (issue 20).
@Suite("Native record use of policies")
struct NativeRecordUseTests {
    static let here = SourceLocation(file: "t", line: 1, column: 1)

    func policy(_ condition: String, filter: String? = nil, message: String? = nil) throws -> Policy {
        var policy = Policy(id: "t", title: "t", severity: .low, enforcement: .soft,
                            scope: PolicyScope(filter: try filter.map { try ConditionText.parse($0) }), requirement: try ConditionText.parse(condition),
                            location: Self.here)
        policy.message = try message.map { try MessageTemplate(parsing: $0) }
        return policy
    }

    @Test("the policy library reads no native record: readers keep only what linking needs")
    func library() throws {
        let library = try PolicySetLoader.load(paths: [Fixtures.path("policies")])
        #expect(library.policies.count > 50)
        #expect(NativeRecordRetention.needed(by: library.policies) == .linkingOnly)
        #expect(SourceObjectRetention.needed(by: library.policies) == .formatOnly)
        #expect(RecordRetention.needed(by: library.policies) == RecordRetention(nativeRecord: .linkingOnly, sourceObject: .formatOnly))
    }

    @Test("a path through source anywhere keeps the whole source object; attributes alone do not", arguments: [
        ("source.file: inventory.json", nil, nil),
        ("encryption.at_rest.enabled: true", "source.format: aws-config", nil),
        ("encryption.at_rest.enabled: true", nil, "{{ name }} ({{ source.pointer }}) is not encrypted"),
        ("some: { path: replicas, require: { region: { not_equals: { ref: $.source.line } } } }", nil, nil),
    ] as [(String, String?, String?)])
    func readsSource(condition: String, filter: String?, message: String?) throws {
        let reading = try policy(condition, filter: filter, message: message)
        let plain = try policy("attributes.configuration.encrypted: true")
        #expect(RecordRetention.needed(by: [plain, reading]) == RecordRetention(nativeRecord: .whole, sourceObject: .whole))
        #expect(RecordRetention.needed(by: [plain]) == RecordRetention(nativeRecord: .whole, sourceObject: .formatOnly))
    }

    @Test("a path through attributes anywhere keeps the whole record", arguments: [
        ("attributes.configuration.encrypted: true", nil, nil),
        ("encryption.at_rest.enabled: true", "attributes.resourceType: AWS::EC2::Volume", nil),
        ("encryption.at_rest.enabled: true", nil, "volume {{ attributes.configuration.volumeId }} is not encrypted"),
        ("every: { path: attributes.configuration.attachments, require: { state: attached } }", nil, nil),
        ("some: { path: replicas, require: { region: { not_equals: { ref: $.attributes.awsRegion } } } }", nil, nil),
        ("any: [ { region: eu-west-1 }, { not: { attributes.tags.keep: yes } } ]", nil, nil),
    ] as [(String, String?, String?)])
    func readsAttributes(condition: String, filter: String?, message: String?) throws {
        let reading = try policy(condition, filter: filter, message: message)
        #expect(reading.hasPathStep(named: "attributes"))
        let plain = try policy("encryption.at_rest.enabled: true")
        #expect(NativeRecordRetention.needed(by: [plain, reading]) == .whole)
        #expect(NativeRecordRetention.needed(by: [plain]) == .linkingOnly)
    }
}
