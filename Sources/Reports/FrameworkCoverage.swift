import PolicyEngine

/// Per framework and control: which policies map to it and how they fared.
///
/// A policy *fails* when it has failing or erroring resources, *passes* when it has passing or
/// waived resources and none failing, and is *not assessed* otherwise (nothing in scope, or only
/// unknown verdicts). A control is **fail** when every assessed mapped policy fails, **partial**
/// when some pass and some fail, **pass** when at least one passes and none fails, and **not
/// assessed** when no mapped policy was assessed or no policy maps to it at all (a control listed
/// only in the framework catalog, `sections["frameworks"]`).
struct FrameworkCoverage {
    /// A control's verdict.
    enum ControlStatus: String {
        case pass, fail, partial
        case notAssessed = "not assessed"

        /// Symbol and word.
        var label: (symbol: String, text: String) {
            switch self {
            case .pass: return ("✓", "pass")
            case .fail: return ("✗", "fail")
            case .partial: return ("◑", "partial")
            case .notAssessed: return ("–", "not assessed")
            }
        }
    }

    /// One control of a framework.
    struct Control {
        var id: String
        /// From the catalog, when one is in the result.
        var title: String?
        /// Mapped policies, by id.
        var policies: [PolicyReport]
        var status: ControlStatus
        /// Distinct resources failing (or erroring) any mapped policy.
        var failingResources: Int
    }

    /// One framework.
    struct Framework {
        /// Key used in policies (`soc2`).
        var key: String
        /// From the catalog, when present.
        var title: String?
        var controls: [Control]
    }

    /// Frameworks by key.
    let frameworks: [Framework]

    init(_ result: RunResult, index: FindingIndex) {
        let catalog = result.sections["frameworks"]?.memberFields ?? Fields()
        var failingResources: [String: Set<String>] = [:]
        for policy in result.policies {
            var resources = Set<String>()
            for position in index[policy.id] {
                let finding = result.findings[position]
                if finding.status == .fail || finding.status == .error { resources.insert(finding.resource) }
            }
            failingResources[policy.id] = resources
        }
        // The same policies often evidence a control in several frameworks: count each group once.
        var countsByGroup: [[String]: Int] = [:]
        func failingCount(_ policies: [PolicyReport]) -> Int {
            let ids = policies.map(\.id)
            if let known = countsByGroup[ids] { return known }
            var count = failingResources[ids.first ?? ""]?.count ?? 0
            if ids.count > 1 {
                var union = Set<String>()
                for id in ids { union.formUnion(failingResources[id] ?? []) }
                count = union.count
            }
            countsByGroup[ids] = count
            return count
        }
        // framework key → control id → policies
        var mapped: [String: [String: [PolicyReport]]] = [:]
        for policy in result.policies {
            for (framework, controls) in policy.frameworks {
                for control in controls { mapped[framework, default: [:]][control, default: []].append(policy) }
            }
        }
        let keys = Set(mapped.keys).union(catalog.map(\.key)).sorted()
        frameworks = keys.map { key in
            let entry = catalog[key]
            let titles = entry?["controls"]?.memberFields ?? Fields()
            let byControl = mapped[key] ?? [:]
            let ids = Set(byControl.keys).union(titles.map(\.key)).sorted(by: Self.naturalOrder)
            let controls = ids.map { id in
                let policies = (byControl[id] ?? []).sorted { $0.id < $1.id }
                return Control(id: id, title: titles[id]?.textValue, policies: policies, status: Self.status(of: policies),
                               failingResources: failingCount(policies))
            }
            return Framework(key: key, title: entry?["title"]?.textValue, controls: controls)
        }
    }

    /// The control verdict from its policies' counts.
    static func status(of policies: [PolicyReport]) -> ControlStatus {
        var passing = 0
        var failing = 0
        for policy in policies {
            let counts = policy.counts
            if counts.fail + counts.error > 0 {
                failing += 1
            } else if counts.pass + counts.waived > 0 {
                passing += 1
            }
        }
        switch (passing > 0, failing > 0) {
        case (true, true): return .partial
        case (false, true): return .fail
        case (true, false): return .pass
        case (false, false): return .notAssessed
        }
    }

    /// Orders control ids as people number them: digit runs compare by value (`CC6.2` < `CC6.10`).
    static func naturalOrder(_ lhs: String, _ rhs: String) -> Bool {
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }
        var left = lhs.unicodeScalars.makeIterator()
        var right = rhs.unicodeScalars.makeIterator()
        var leftScalar = left.next()
        var rightScalar = right.next()
        while let a = leftScalar, let b = rightScalar {
            if isDigit(a), isDigit(b) {
                var leftDigits = ""
                var rightDigits = ""
                while let digit = leftScalar, isDigit(digit) {
                    leftDigits.unicodeScalars.append(digit)
                    leftScalar = left.next()
                }
                while let digit = rightScalar, isDigit(digit) {
                    rightDigits.unicodeScalars.append(digit)
                    rightScalar = right.next()
                }
                let leftTrimmed = leftDigits.drop { $0 == "0" }
                let rightTrimmed = rightDigits.drop { $0 == "0" }
                if leftTrimmed.count != rightTrimmed.count { return leftTrimmed.count < rightTrimmed.count }
                if leftTrimmed != rightTrimmed { return leftTrimmed < rightTrimmed }
                if leftDigits.count != rightDigits.count { return leftDigits.count < rightDigits.count }
                continue
            }
            if a != b { return a.value < b.value }
            leftScalar = left.next()
            rightScalar = right.next()
        }
        return leftScalar == nil && rightScalar != nil
    }
}
