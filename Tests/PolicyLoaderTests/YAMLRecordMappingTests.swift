import Foundation
import Testing
import TestSupport
import PolicyEngine
import PolicyLoader

/// YAML registers map records with the same `RecordMapping` as the JSON, JSON Lines and CSV
/// readers (issue 18): the same suggestions, and an empty type is an error, at the record's line.
struct YAMLRecordMappingTests {
    let folder = Fixtures.temporaryFolder("yaml-records")

    func failure(_ text: String, mapping: RecordMapping) throws -> Diagnostic {
        let path = Fixtures.write(text, to: "register-\(abs(text.hashValue)).yaml", in: folder)
        do {
            _ = try YAMLRecordReader().read(InputSpec(path: path, format: .yaml, mapping: mapping)) { _, _ in }
        } catch let error as LoadError {
            #expect(error.diagnostic.file == path)
            return error.diagnostic
        }
        Issue.record("expected a load error")
        return Diagnostic(message: "")
    }

    @Test func aMissingIDFieldSuggestsTheCloseKey() throws {
        let diagnostic = try failure("applications:\n  - name: a\n    type: application\n  - nmae: b\n    type: application\n",
                                     mapping: RecordMapping(idField: "name"))
        #expect(diagnostic.location?.line == 4)
        #expect(diagnostic.message.contains("missing id field 'name' (did you mean 'nmae'?)"), "\(diagnostic.message)")
    }

    @Test func anEmptyTypeIsAnError() throws {
        let diagnostic = try failure("- id: a\n  type: application\n- id: b\n  type: \"\"\n", mapping: RecordMapping())
        #expect(diagnostic.location?.line == 3)
        #expect(diagnostic.message.contains("missing type field 'type'"), "\(diagnostic.message)")
    }

    @Test func aFixedTypeNeedsNoTypeField() throws {
        let path = Fixtures.write("- id: a\n- id: b\n", to: "fixed.yaml", in: folder)
        let resources = try YAMLRecordReader().read(InputSpec(path: path, format: .yaml, mapping: RecordMapping(type: "application"))) { _, _ in }
        #expect(resources.map(\.type) == ["application", "application"])
        #expect(resources.map(\.source.line) == [1, 2])
    }
}
