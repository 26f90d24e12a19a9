import Testing
@testable import PolicyEngine

/// Resources hold their documents packed (`Resource`, `RecordMapping.resource(fromPacked:source:)`):
/// what they give back and read must be what the tree would.
@Suite("Packed resources")
struct PackedResourceTests {
    private static func memberOrder(_ value: Value) -> [String] { PackedDocumentTests.memberOrder(value) }

    @Test("a resource holds its document packed; a change is kept until packed again")
    func resourceDocument() throws {
        let source = SourceReference(file: "inventory.json", pointer: "/0")
        var resource = Resource(id: "r1", type: "storage.bucket",
                                document: .object(Fields([("region", .string("eu-west-1")), ("tags", .object(Fields([("env", .string("prod"))])))])),
                                source: source)
        #expect(resource.isPacked)
        #expect(resource.document["id"] == .string("r1"))
        #expect(resource.resolve(ObjectKey("tags"), ObjectKey("env")) == .string("prod"))
        // Changed in place (`_modify`): the document unpacked, changed, kept as the tree.
        func setRegion(_ document: inout Value) {
            guard case .object(var fields) = document else { return }
            document = .null
            fields["region"] = .string("eu-central-1")
            document = .object(fields)
        }
        setRegion(&resource.document)
        #expect(!resource.isPacked)
        #expect(resource.resolve(ObjectKey("region")) == .string("eu-central-1"))
        let changed = resource.document
        resource.pack()
        #expect(resource.isPacked)
        #expect(resource.document == changed)
    }

    @Test("a member set beside a packed document reads as if set in it")
    func sharedMember() throws {
        let tree = Value.object(Fields([("region", .string("eu-west-1")), ("backup", .object(Fields([("enabled", .bool(true))])))]))
        var resource = Resource(id: "r1", type: "storage.bucket", document: tree, source: SourceReference(file: "f.json"))
        let group = Value.object(Fields([("plans", .unknown), ("reason", .string("no Backup selection among the inputs"))]))
        resource.setMember(ObjectKey("backup"), sharing: group)
        resource.setMember(ObjectKey("added"), sharing: .number(1))
        resource.setMember(ObjectKey("region"), to: .string("us-east-1"))
        var expected = Resource(id: "r1", type: "storage.bucket", document: tree, source: SourceReference(file: "f.json")).document.objectValue!
        expected["backup"] = group
        expected["added"] = .number(1)
        expected["region"] = .string("us-east-1")
        #expect(resource.isPacked)
        #expect(resource.document == .object(expected))
        #expect(Self.memberOrder(resource.document) == Self.memberOrder(.object(expected)))
        #expect(resource.resolve(ObjectKey("backup"), ObjectKey("plans")) == .unknown)
        #expect(resource.resolve(ObjectKey("backup"), ObjectKey("enabled")) == nil)
        #expect(resource.resolve(ObjectKey("region")) == .string("us-east-1"))
        #expect(resource.resolve(ObjectKey("id")) == .string("r1"))
        #expect(resource.hasMember(ObjectKey("added")) && resource.hasMember(ObjectKey("type")))
        #expect(resource.member(ObjectKey("backup")) == group)
    }

    @Test("a record packed as it was parsed maps to the resource its tree maps to, errors included")
    func recordMapping() throws {
        let mapping = RecordMapping()
        let source = SourceReference(file: "register.json", pointer: "/3")
        for text in [#"{"id": "app-1", "type": "application", "tier": 1}"#, #"{"id": 7, "type": "application"}"#] {
            let bytes = Array(text.utf8)
            let packed = try #require(bytes.withByteView { JSONParser.parsePacked($0) })
            let fromTree = try mapping.resource(from: JSONParser.parse(bytes), source: source).get()
            let fromPacked = try mapping.resource(fromPacked: packed, source: source).get()
            #expect(fromPacked.id == fromTree.id && fromPacked.type == fromTree.type)
            #expect(fromPacked.document == fromTree.document)
        }
        // No `type` member: added as the tree path adds it.
        let typed = RecordMapping(type: "application")
        let bytes = Array(#"{"id": "app-2", "name": "Checkout"}"#.utf8)
        let packed = try #require(bytes.withByteView { JSONParser.parsePacked($0) })
        #expect(try typed.resource(fromPacked: packed, source: source).get().document
            == typed.resource(from: JSONParser.parse(bytes), source: source).get().document)
        // A record without its id: the same message either way.
        let missing = Array(#"{"ident": "x", "type": "application"}"#.utf8)
        let packedMissing = try #require(missing.withByteView { JSONParser.parsePacked($0) })
        let message = { (result: Result<Resource, RecordMappingProblem>) -> String? in
            if case .failure(let problem) = result { return problem.message }
            return nil
        }
        #expect(message(mapping.resource(fromPacked: packedMissing, source: source)) != nil)
        #expect(message(mapping.resource(fromPacked: packedMissing, source: source))
            == message(mapping.resource(from: try JSONParser.parse(missing), source: source)))
    }
}
