public import PolicyEngine

/// JUnit XML for `assay test`: one suite per policy, one case per expectation, a mismatch as
/// `<failure>` and a case that could not run as `<error>`.
public enum PolicyTestJUnit {
    /// The XML bytes.
    public static func render(_ outcomes: [PolicyTestOutcome]) throws(ReportError) -> [UInt8] {
        let byPolicy = Dictionary(grouping: outcomes, by: \.policyID)
        let output = ReportOutput()
        let writer = try XMLWriter(output: output)
        try writer.startDocument()
        try writer.start("testsuites")
        for (index, policy) in byPolicy.keys.sorted().enumerated() {
            let cases = byPolicy[policy] ?? []
            try writer.start("testsuite")
            try writer.attribute("name", policy)
            try writer.attribute("package", "assay.tests")
            try writer.attribute("id", String(index))
            try writer.attribute("timestamp", (cases.first?.asOf.description ?? "1970-01-01") + "T00:00:00")
            try writer.attribute("hostname", "localhost")
            try counts(cases, writer)
            try writer.attribute("time", "0")
            try writer.start("properties")
            try writer.end()
            var seen: [String: Int] = [:]
            for outcome in cases {
                var name = "\(outcome.test): \(outcome.resource) is \(outcome.expected.rawValue)"
                let occurrence = (seen[name] ?? 0) + 1
                seen[name] = occurrence
                if occurrence > 1 { name += " #\(occurrence)" }
                try writer.start("testcase")
                try writer.attribute("name", name)
                try writer.attribute("classname", policy)
                try writer.attribute("time", "0")
                if !outcome.passed {
                    let ran = outcome.actual != nil
                    try writer.start(ran ? "failure" : "error")
                    let message = ran ? "expected \(outcome.expected.rawValue), got \(outcome.actual?.rawValue ?? "")" : outcome.detail
                    try writer.attribute("message", message)
                    try writer.attribute("type", ran ? "verdict-mismatch" : "test-error")
                    try writer.text("\(message)\nat \(outcome.location)\n\(outcome.detail)")
                    try writer.end()
                }
                try writer.end()
            }
            try writer.element("system-out", text: "")
            try writer.element("system-err", text: "")
            try writer.end()
        }
        try writer.end()
        try writer.finish()
        return output.bytes
    }

    private static func counts(_ outcomes: [PolicyTestOutcome], _ writer: XMLWriter) throws(ReportError) {
        try writer.attribute("tests", String(outcomes.count))
        try writer.attribute("failures", String(outcomes.filter { !$0.passed && $0.actual != nil }.count))
        try writer.attribute("errors", String(outcomes.filter { $0.actual == nil }.count))
        try writer.attribute("skipped", "0")
    }
}
