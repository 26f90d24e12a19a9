import Foundation
import Testing
import TestSupport
@testable import PolicyEngine

/// The rules of docs/architecture.md that the compiler does not check, checked on the sources.
@Suite("Architecture")
struct ArchitectureTests {
    static let sources = Fixtures.packageRoot.appendingPathComponent("Sources")

    /// Every Swift file under `Sources/`, as (path relative to `Sources/`, lines).
    static func files() throws -> [(path: String, lines: [String])] {
        let paths = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }.sorted()
        return try paths.map { path in
            (path, try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8).components(separatedBy: "\n"))
        }
    }

    /// The layers of Package.swift and docs/architecture.md, bottom first.
    static let layers: [String: Int] = [
        "PolicyEngine": 1,
        "TabularText": 2,
        "Inventory": 3, "Billing": 3, "PolicyLoader": 3,
        "Resilience": 4, "History": 4,
        "Reports": 5, "assay": 6,
    ]

    @Test("a target imports only targets of lower layers, never a sibling of its own layer")
    func layers() throws {
        var checked = 0
        for (path, lines) in try Self.files() {
            guard let target = path.split(separator: "/").first.map(String.init), let layer = Self.layers[target] else { continue }
            for line in lines {
                let words = line.split(separator: " ").map(String.init)
                guard let position = words.firstIndex(of: "import"), position + 1 < words.count,
                    words[..<position].allSatisfy({ ["public", "internal", "package", "@testable", "@_exported"].contains($0) }),
                    let imported = Self.layers[words[position + 1]]
                else { continue }
                checked += 1
                #expect(imported < layer, "\(path) imports \(words[position + 1]) (layer \(imported)) from layer \(layer)")
            }
        }
        #expect(checked > 100)
    }

    @Test("parallel loops go through ParallelMap: concurrentPerform, DispatchGroup and task groups appear nowhere else")
    func parallelLoops() throws {
        // ParallelMap's own files: the map, its overlapping variant (`ParallelMap+Overlapping`) and
        // its in-order pipeline (`ParallelMap+InOrder`).
        for (path, lines) in try Self.files() where !path.hasPrefix("PolicyEngine/Concurrency/ParallelMap") {
            for (number, line) in lines.enumerated() where !line.trimmingPrefix(while: \.isWhitespace).hasPrefix("//") {
                for token in ["concurrentPerform", "DispatchGroup", "withTaskGroup", "withThrowingTaskGroup", "withDiscardingTaskGroup"] {
                    #expect(!line.contains(token), "\(path):\(number + 1) runs its own parallel loop (\(token)): use ParallelMap")
                }
                // Threads only where blocking is the point (a producer/consumer pipeline, a heartbeat),
                // which `concurrentPerform` must not host: its width is the core count.
                if line.contains("Thread {") {
                    #expect(["TabularText/ParallelChunkRunner.swift", "assay/Pipeline/ProgressReporter.swift"].contains(path),
                            "\(path):\(number + 1) starts a thread: use ParallelMap")
                }
            }
        }
    }

    /// The unsafe corner: `PolicyEngine/InPlaceReading.swift`, and the one `InPlaceReading.swift`
    /// of each target that links a C library needing pointers (why, beside each).
    static let unsafeCorner: [String: String] = [
        "PolicyEngine/InPlaceReading.swift": "the corner: document pointers, byte views, manual storage, libc, SHA-256 and CTextScan calls",
        "TabularText/InPlaceReading.swift": "zlib and ISA-L inflate state and windows; CTextScan's SSE2 byte classification",
        "Inventory/InPlaceReading.swift": "CTextScan's JSON array element scan",
        "Reports/InPlaceReading.swift": "libxml2's output callback context; the path a signal handler unlinks",
        "History/InPlaceReading.swift": "SQLite's text binding (SQLITE_TRANSIENT)",
    ]

    /// What makes or reaches a raw pointer: the count of docs/architecture.md ("One of each") is
    /// of the first eleven tokens (comments included, as its `grep` counts them); the rest are the spellings that reach a pointer without naming
    /// its type (a closure over `withUTF8`, `baseAddress`, `Array(unsafeUninitializedCapacity:)`)
    /// and the fence's entry points for C interop.
    static let pointerTokens = [
        "UnsafePointer", "UnsafeMutablePointer", "UnsafeRawPointer", "UnsafeMutableRawPointer", "UnsafeBufferPointer",
        "UnsafeMutableBufferPointer", "UnsafeRawBufferPointer", "UnsafeMutableRawBufferPointer", "withUnsafe", "unsafeBitCast", "Unmanaged",
        ".baseAddress", "withUTF8Buffer", "withContiguousStorageIfAvailable", "assumingMemoryBound", "withMemoryRebound",
        "unsafeUninitializedCapacity", "unsafeStart:", "unsafeBaseAddress",
    ]

    @Test("pointers are made only in the unsafe corner: no pointer token outside the InPlaceReading.swift files")
    func unsafeCornerIsTheOnlyPlace() throws {
        let files = try Self.files()
        let fences = Set(files.map(\.path).filter { $0.hasSuffix("/InPlaceReading.swift") })
        #expect(fences == Set(Self.unsafeCorner.keys), "a new InPlaceReading.swift needs a reason in ArchitectureTests.unsafeCorner")
        var outside = 0
        for (path, lines) in files where !fences.contains(path) {
            for (number, line) in lines.enumerated() {
                // The count's tokens anywhere (as its `grep` counts them); the others in code only.
                let isComment = line.trimmingPrefix(while: \.isWhitespace).hasPrefix("//")
                let tokens = Self.pointerTokens.enumerated().filter { (index, token) in line.contains(token) && (index < 11 || !isComment) }.map(\.element)
                    + (!isComment && (line.contains("withUTF8 {") || line.contains("withUTF8(")) ? ["withUTF8"] : [])
                for token in tokens {
                    outside += 1
                    Issue.record("\(path):\(number + 1) uses \(token): use the views of PolicyEngine/InPlaceReading.swift (ByteView, ManualBuffer, …)")
                }
            }
        }
        #expect(outside == 0)
        // The fence does use them (a test that cannot fail would not count).
        let corner = try #require(files.first { $0.path == "PolicyEngine/InPlaceReading.swift" })
        #expect(corner.lines.contains { $0.contains("UnsafeBufferPointer") })
    }

    @Test("every @unchecked Sendable says why it is safe in a '/// Sendable…' paragraph above it")
    func uncheckedSendable() throws {
        var found = 0
        for (path, lines) in try Self.files() {
            for (number, line) in lines.enumerated()
            where line.contains("@unchecked Sendable") && !line.trimmingPrefix(while: \.isWhitespace).hasPrefix("//") {
                found += 1
                var above = number - 1
                var comment: [String] = []
                while above >= 0, lines[above].trimmingPrefix(while: \.isWhitespace).hasPrefix("//") {
                    comment.append(lines[above])
                    above -= 1
                }
                #expect(comment.contains { $0.contains("/// Sendable") }, "\(path):\(number + 1): say why it is safe")
            }
        }
        #expect(found > 0)
    }

    @Test("the stage numbers in the stage files are those of docs/architecture.md's pipeline")
    func stageNumbers() throws {
        let docs = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        var documented: [Int: String] = [:]
        for line in docs.components(separatedBy: "\n") {
            guard let match = line.firstMatch(of: /^(\d+)\. \*\*([a-z ]+)\*\*/) else { continue }
            documented[Int(match.1)!] = String(match.2)
        }
        #expect(documented.count == 9, "docs/architecture.md lists \(documented.count) stages")
        var claimed = 0
        for (path, lines) in try Self.files() where path.hasPrefix("assay/Pipeline/") {
            for line in lines where line.contains("/// Pipeline stage") {
                for match in line.matches(of: /(\d+) \(([a-z ]+)[:)]/) {
                    claimed += 1
                    #expect(documented[Int(match.1)!] == String(match.2), "\(path): stage \(match.1) is '\(match.2)' here")
                }
            }
        }
        #expect(claimed >= 8)
    }

    @Test("every operator has its file (summary, examples, fast check) and an entry in the docs' reference")
    func operatorChecklist() throws {
        let docs = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/policy-language.md"), encoding: .utf8)
        for op in Operator.allCases {
            let name = String(describing: op.definition)
            let file = Self.sources.appendingPathComponent("PolicyEngine/Operators/\(name).swift")
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.contains("enum \(name): OperatorDefinition"), "\(op.rawValue): \(name) is not defined in \(name).swift")
            #expect(text.hasPrefix("/// `\(op.rawValue)`"), "\(name).swift does not start with the operator's doc comment")
            #expect(!op.summary.isEmpty)
            #expect(docs.contains("### `\(op.rawValue)`"), "docs/policy-language.md has no entry for \(op.rawValue)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.sources.appendingPathComponent("PolicyEngine/Operators").path)
        #expect(files.count == Operator.allCases.count + 1, "one file per operator, plus OperatorDefinition.swift")
    }

    @Test("docs/architecture.md's checklists (a reader, an operator, a policy, a report, a section) name only types, members and files that exist")
    func extensionChecklists() throws {
        let docs = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        let start = try #require(docs.range(of: "## Extending Assay"), "docs/architecture.md has no 'Extending Assay' section")
        let rest = docs[start.upperBound...]
        let section = rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)]
        for heading in ["**A new input format.**", "**A new operator.**", "**A new policy.**", "**A new report.**", "A new section, checklist:"] {
            #expect(section.contains(heading), "the checklist '\(heading)' is missing")
        }
        // Declared names, from one pass over the words of every Swift file (a keyword and the name after it).
        var types: Set<String> = []
        var members: Set<String> = []
        var fileNames: Set<String> = []
        for root in [Self.sources, Fixtures.packageRoot.appendingPathComponent("Tests")] {
            let paths = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
            for path in paths {
                fileNames.insert(URL(fileURLWithPath: path).lastPathComponent)
                let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
                let words = text.split { !($0.isLetter || $0.isNumber || $0 == "_") }
                for (keyword, name) in zip(words, words.dropFirst()) {
                    switch keyword {
                    case "struct", "enum", "class", "protocol", "typealias", "actor": types.insert(String(name))
                    case "func", "var", "let", "case": members.insert(String(name))
                    case "subscript": members.insert("subscript")
                    default: break
                    }
                }
            }
        }
        var checked = 0
        for match in section.matches(of: /`([^`]+)`/) {
            let name = String(match.1)
            if name.hasSuffix(".swift"), !name.contains("<") {
                #expect(fileNames.contains(URL(fileURLWithPath: name).lastPathComponent), "the checklists name \(name), which does not exist")
                checked += 1
                continue
            }
            guard let parts = name.wholeMatch(of: /([A-Z][A-Za-z0-9]+)(?:\.([a-z][A-Za-z0-9]*))?(?:\(.*\))?/),
                  !Self.layers.keys.contains(String(parts.1)) else { continue }
            #expect(types.contains(String(parts.1)), "the checklists name the type \(parts.1), which is not declared")
            if let member = parts.2 {
                #expect(members.contains(String(member)), "the checklists name \(name), whose member is not declared")
            }
            checked += 1
        }
        #expect(checked > 50, "only \(checked) names checked")
    }
}
