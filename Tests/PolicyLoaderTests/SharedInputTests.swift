import Foundation
import Testing
import PolicyEngine
import PolicyLoader

/// Issue 19: a YAML register being read by a run is read through the run's shared bytes of that
/// input (read once, hashed as they are read), not by opening the path again.
struct SharedInputTests {
    /// Bytes held in memory, counting the reads.
    final class MemoryBytes: InputBytes, @unchecked Sendable {
        let path: String
        let bytes: [UInt8]
        var reads = 0
        var size: Int? { bytes.count }

        init(path: String, text: String) {
            self.path = path
            bytes = Array(text.utf8)
        }

        func read(at offset: Int, into buffer: MutableByteView) throws -> Int {
            reads += 1
            let count = min(buffer.count, bytes.count - offset)
            bytes.withByteView { buffer.copy($0.extracting(offset..<offset + count), to: 0) }
            return count
        }
    }

    @Test func theYAMLReaderReadsTheSharedBytesOfItsInput() throws {
        // No file has this path: the records can only come from the shared bytes.
        let path = "/nonexistent/register-\(UUID().uuidString).yaml"
        let shared = MemoryBytes(path: path, text: "applications:\n  - id: app-1\n    type: application\n  - id: app-2\n    type: application\n")
        let resources = try SharedInput.$current.withValue(shared) {
            try YAMLRecordReader().read(InputSpec(path: path, format: .yaml)) { _, _ in }
        }
        #expect(resources.map(\.id) == ["app-1", "app-2"])
        #expect(resources.first?.source.line == 2)
        #expect(shared.reads >= 1)
        // Another path is not served by the shared bytes.
        #expect(throws: (any Error).self) { try SharedInput.$current.withValue(shared) { try YAMLRecordReader().read(InputSpec(path: path + ".other")) { _, _ in } } }
    }
}
