import Foundation
import Testing
import PolicyLoader
import TestSupport

@Suite("Config: history")
struct HistoryConfigTests {
    @Test("history: a path, true for .assay/history.sqlite beside the config, or false; relative to the config file", arguments: [
        ("history: runs/h.sqlite", "cfg/runs/h.sqlite"), ("history: true", "cfg/.assay/history.sqlite"), ("history: false", nil),
        ("history: /abs/h.sqlite", "/abs/h.sqlite"),
    ] as [(String, String?)])
    func history(line: String, expected: String?) throws {
        let folder = Fixtures.temporaryFolder("config-history")
        let config = try ConfigLoader.load(file: Fixtures.write("version: 1\n\(line)\n", to: "cfg/assay.yaml", in: folder))
        let relative = config.history.map { $0.hasPrefix(folder.path + "/") ? String($0.dropFirst(folder.path.count + 1)) : $0 }
        #expect(relative == expected)
    }

    @Test("history: with something that is no path is an error with its location")
    func invalid() {
        let folder = Fixtures.temporaryFolder("config-history-bad")
        let file = Fixtures.write("version: 1\nhistory: [a, b]\n", to: "assay.yaml", in: folder)
        #expect(throws: LoadError.self) { try ConfigLoader.load(file: file) }
    }
}
