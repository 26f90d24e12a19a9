import Foundation
import Testing
import TestSupport
@testable import PolicyEngine
@testable import PolicyLoader

@Suite("Load errors point at the problem")
struct LoadErrorTests {
    let folder = Fixtures.temporaryFolder("load-errors")

    func loadError(_ yaml: String, name: String = "policy.yaml") -> LoadError? {
        let path = Fixtures.write(yaml, to: name, in: folder)
        do {
            _ = try PolicySetLoader.load(paths: [path])
            return nil
        } catch {
            return error
        }
    }

    let validPolicy = """
        version: 1
        id: tagging.owner
        title: Resources have an owner
        severity: medium
        require:
          tags.owner: { exists: true }
        """

    @Test("a valid policy loads")
    func loadsValid() throws {
        let path = Fixtures.write(validPolicy, to: "ok.yaml", in: folder)
        let set = try PolicySetLoader.load(paths: [path])
        #expect(set.policies.map(\.id) == ["tagging.owner"])
        #expect(set.policies[0].enforcement == .hard)
        #expect(set.digest.count == 64)
    }

    @Test("a misspelt operator gives line, column and a suggestion")
    func misspeltOperator() throws {
        let error = try #require(loadError(validPolicy.replacingOccurrences(of: "exists: true", with: "exsits: true")))
        #expect(error.kind == .unknownOperator(name: "exsits", suggestion: "exists"))
        #expect(error.location.line == 6)
        #expect(error.location.column == 17)
        let text = error.diagnostic.description
        #expect(text.hasPrefix("\(folder.path)/policy.yaml:6:17: error: unknown operator 'exsits' (did you mean 'exists'?)"))
        #expect(text.contains("\n  tags.owner: { exsits: true }\n                ^"))
    }

    @Test("another tool's operator name, or a misspelling of one, suggests the Assay operator", arguments: [
        ("greater_than_or_equal", "gte"), ("greter_or_equal", "gte"), ("regex", "matches"), ("not-equal", "not_equals"),
        (">=", "gte"), ("starting_with", "starts_with"), ("defualt", "default"), ("exsits", "exists"),
    ])
    func otherToolsOperatorNames(name: String, suggested: String) throws {
        let error = try #require(loadError(validPolicy.replacingOccurrences(of: "exists: true", with: "\"\(name)\": true")))
        #expect(error.kind == .unknownOperator(name: name, suggestion: suggested))
    }

    @Test("an unknown policy key is an error with the closest key")
    func unknownKey() throws {
        let error = try #require(loadError(validPolicy.replacingOccurrences(of: "severity:", with: "severty:")))
        #expect(error.location.line == 4 && error.location.column == 1)
        if case .unknownKey(let key, _, let suggestion, _) = error.kind {
            #expect(key == "severty")
            #expect(suggestion == "severity")
        } else {
            Issue.record("expected unknownKey, got \(error.kind)")
        }
    }

    @Test("a YAML syntax error is located")
    func yamlSyntax() throws {
        let error = try #require(loadError("version: 1\nid: x\nrequire:\n  a: [1, 2\n  b: 3\n"))
        guard case .yamlSyntax = error.kind else {
            Issue.record("expected a syntax error, got \(error.kind)")
            return
        }
        #expect(error.location.line == 5)
        #expect(error.diagnostic.description.contains("policy.yaml:5:"))
    }

    @Test("other mistakes each name what was expected", arguments: [
        ("version: 2\nid: a\ntitle: t\nseverity: low\nrequire: { a: 1 }\n", "unsupported version 2"),
        ("id: a\ntitle: t\nseverity: low\nrequire: { a: 1 }\n", "missing 'version: 1'"),
        ("version: 1\nid: a\ntitle: t\nseverity: severe\nrequire: { a: 1 }\n", "'severe' is not a severity"),
        ("version: 1\nid: a\ntitle: t\nseverity: low\n", "missing required key 'require'"),
        ("version: 1\nid: Bad Id\ntitle: t\nseverity: low\nrequire: { a: 1 }\n", "must be lower-case dotted words"),
        ("version: 1\nid: a\ntitle: t\nseverity: low\nrequire: { a..b: 1 }\n", "invalid path 'a..b'"),
        ("version: 1\nid: a\ntitle: t\nseverity: low\nrequire: { every: { path: x } }\n", "missing required key 'require' in 'every'"),
        ("version: 1\nid: a\ntitle: t\nseverity: low\nrequire: { a: { length: { gte: x, lte: 3 }, default: 1, bogus: 2 } }\n", "unknown operator 'bogus'"),
        ("version: 1\nid: a\ntitle: t\nseverity: low\nmessage: \"{{ a | shout }}\"\nrequire: { a: 1 }\n", "unknown filter 'shout'"),
        ("version: 1\nid: a\ntitle: t\nseverity: low\napplies_to: { cost: { group_by: [acount] } }\nrequire: { a: 1 }\n", "did you mean 'account'?"),
        ("version: 1\nid: a\ntitle: t\nseverity: low\nrequire: { a: { exists: maybe } }\n", "expected true or false"),
        ("version: 1\nid: a\ntitle: t\nseverity: low\nrequire: { a: 1, a: 2 }\n", "duplicate key"),
        // Keys are the strings policies read: a plain and a quoted spelling of one text are one key.
        ("version: 1\nid: a\ntitle: t\nseverity: low\nrequire: { tags: { in: [a] } }\nparams: { 1: x, \"1\": y }\n", "duplicate key"),
        ("version: 1\nid: a\ntitle: t\nseverity: low\nrequire: { a: 1, \"a\": 2 }\n", "duplicate key"),
    ])
    func messages(yaml: String, fragment: String) throws {
        let error = try #require(loadError(yaml))
        #expect(error.message.contains(fragment), "\(error.message)")
        #expect((error.location.line ?? 0) >= 1)
    }

    @Test("duplicate ids name both places")
    func duplicates() throws {
        Fixtures.write(validPolicy, to: "dupes/a.yaml", in: folder)
        Fixtures.write(validPolicy, to: "dupes/b.yaml", in: folder)
        do {
            _ = try PolicySetLoader.load(paths: [folder.appendingPathComponent("dupes").path])
            Issue.record("expected a duplicate-id error")
        } catch {
            #expect(error.location.file.hasSuffix("dupes/b.yaml"))
            #expect(error.message.contains("dupes/a.yaml:2:5"))
        }
    }

    @Test("waivers need reason, owner and expiry")
    func waivers() throws {
        let path = Fixtures.write("version: 1\nwaivers:\n  - policy: a\n    resources: [x]\n    owner: me\n    expires: 2027-01-01\n", to: "w.yaml", in: folder)
        do {
            _ = try WaiverLoader.load(files: [path])
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("missing required key 'reason'"))
            #expect(error.location.line == 3)
        }
        let badDate = Fixtures.write("version: 1\nwaivers:\n  - policy: a\n    resources: [x]\n    reason: r\n    owner: me\n    expires: soon\n",
                                     to: "w2.yaml", in: folder)
        #expect(throws: LoadError.self) { try WaiverLoader.load(files: [badDate]) }
    }
}

@Suite("Config")
struct ConfigTests {
    @Test("an empty config decodes to the documented defaults")
    func defaults() throws {
        let folder = Fixtures.temporaryFolder("config")
        let config = try ConfigLoader.load(file: Fixtures.write("version: 1\n", to: "assay.yaml", in: folder))
        #expect(config.policies.isEmpty && config.inputs.isEmpty && config.waivers.isEmpty && config.params.isEmpty)
        #expect(config.failOn == .high)
        #expect(config.failOnUnknown == false)
        #expect(config.asOf == nil)
        #expect(config.outputs == AssayConfig.Outputs())
        #expect(config.outputs.passing == .list)
    }

    @Test("paths are relative to the config file; inputs take both forms")
    func paths() throws {
        let folder = Fixtures.temporaryFolder("config")
        let text = """
            version: 1
            policies: [../policies]
            inputs:
              - data/a.json
              - { path: data/apps.csv, type: application, id_field: name, format: csv }
            outputs: { junit: out/j.xml, passing: summary }
            fail_on: medium
            as_of: 2026-11-27
            params: { "*": { max_age: 30 } }
            """
        let config = try ConfigLoader.load(file: Fixtures.write(text, to: "cfg/assay.yaml", in: folder))
        let base = folder.appendingPathComponent("cfg").path
        #expect(config.policies == [(folder.path as NSString).appendingPathComponent("policies")])
        #expect(config.inputs.map(\.path) == [base + "/data/a.json", base + "/data/apps.csv"])
        #expect(config.inputs[1].mapping == RecordMapping(type: "application", idField: "name"))
        #expect(config.inputs[1].format == .csv)
        #expect(config.outputs.files[.junit] == base + "/out/j.xml")
        #expect(config.outputs.passing == .summary)
        #expect(config.failOn == .medium)
        #expect(config.asOf?.description == "2026-11-27")
        #expect(config.params["*"]?["max_age"] == .number(30))
    }

    @Test("--param values are YAML", arguments: [
        ("max_age=90", "*", "max_age", Value.number(90)), ("p.x:regions=[eu-west-1, eu-central-1]", "p.x", "regions", Value.array(["eu-west-1", "eu-central-1"])),
        ("flag=true", "*", "flag", .bool(true)), ("name=NO", "*", "name", .string("NO")),
    ])
    func paramFlags(text: String, policy: String, name: String, value: Value) throws {
        let parsed = try ConfigLoader.parseParamFlag(text)
        #expect(parsed.policy == policy && parsed.name == name && parsed.value == value)
    }
}

/// Issue 19: the YAML alias-expansion budget and document-local anchors.
@Suite("YAML alias budget")
struct AliasBudgetTests {
    static func nested(levels: Int, width: Int) -> String {
        var lines = ["l0: &l0 [" + Array(repeating: "x", count: width).joined(separator: ",") + "]"]
        for level in 1..<levels {
            lines.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: width).joined(separator: ",") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("nested aliases past a million expanded nodes are a load error at once")
    func billionLaughs() {
        #expect(throws: LoadError.self) { try YAMLNode.documents(text: Self.nested(levels: 9, width: 9), file: "bomb.yaml") }
        do {
            _ = try YAMLNode.documents(text: Self.nested(levels: 9, width: 9), file: "bomb.yaml")
        } catch {
            #expect(error.message.contains("expand to more than 1000000 nodes"))
        }
    }

    @Test("more than 10,000 alias expansions are a load error even when each is small")
    func manyAliases() {
        let text = "a: &a x\nb: [" + Array(repeating: "*a", count: 10_001).joined(separator: ",") + "]\n"
        do {
            _ = try YAMLNode.documents(text: text, file: "many.yaml")
            Issue.record("expected a load error")
        } catch {
            #expect(error.message.contains("more than 10000 alias expansions"))
        }
    }

    @Test("ordinary anchors and merge keys still load")
    func ordinaryAliases() throws {
        let text = "base: &base { owner: team, tier: 1 }\nitems:\n  - { <<: *base, id: a }\n  - { <<: *base, id: b }\n"
            + Self.nested(levels: 4, width: 9)
        let documents = try YAMLNode.documents(text: text, file: "ok.yaml")
        #expect(documents.count == 1)
    }

    @Test("an anchor of one document is not visible in the next")
    func documentLocal() {
        do {
            _ = try YAMLNode.documents(text: "a: &x 1\n---\nb: *x\n", file: "two.yaml")
            Issue.record("expected a load error")
        } catch {
            #expect(error.message.contains("anchors do not cross documents"))
            #expect(error.location.line == 1)
        }
    }
}
