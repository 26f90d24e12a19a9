import PolicyEngine

/// Per framework and control: which policies map to it and how they fared (`ControlVerdict`),
/// and the framework's coverage (`ControlCoverage`: assessed controls / every control of the
/// catalog). The catalog comes from `sections["frameworks"]`; a control listed only there is
/// **not assessed by Assay**. Without a catalog, only the mapped controls are known and the
/// coverage counts them alone (`hasCatalog` is false).
struct FrameworkCoverage {
    /// One control of a framework.
    struct Control {
        var id: String
        /// From the catalog, when one is in the result.
        var title: String?
        /// Mapped policies, by id.
        var policies: [PolicyReport]
        var status: ControlVerdict
        /// Distinct resources failing (or erroring) any mapped policy.
        var failingResources: Int
    }

    /// One framework.
    struct Framework {
        /// Key used in policies (`soc2`).
        var key: String
        /// From the catalog, when present.
        var title: String?
        /// Which parts of the framework the catalog lists, when it says.
        var scope: String?
        /// Whether a catalog lists the framework's controls (else only mapped controls are known).
        var hasCatalog: Bool
        var controls: [Control]
        var coverage: ControlCoverage
    }

    /// Frameworks by key.
    let frameworks: [Framework]

    /// The coverage of `result`'s frameworks, with the catalogs of its `frameworks` section (nil: none).
    init(_ result: RunResult, catalogs section: FrameworksSection?, index: FindingIndex) {
        let catalog = section?.catalogs ?? [:]
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
            let titles = entry?.controls ?? [:]
            let byControl = mapped[key] ?? [:]
            let ids = Set(byControl.keys).union(titles.map(\.key)).sorted(by: Self.naturalOrder)
            let controls = ids.map { id in
                let policies = (byControl[id] ?? []).sorted { $0.id < $1.id }
                return Control(id: id, title: titles[id], policies: policies, status: ControlVerdict.of(policies.map(\.counts)),
                               failingResources: failingCount(policies))
            }
            return Framework(key: key, title: entry?.title, scope: entry?.scope, hasCatalog: !titles.isEmpty,
                             controls: controls, coverage: ControlCoverage(controls.map(\.status)))
        }
    }

    /// The coverage in one sentence: `coverage 12.9 %: 12 of 93 controls assessed (8 pass, 2 fail,
    /// 2 partial); 2 mapped but not assessed in this run; 79 not assessed by Assay`. Without a
    /// catalog the denominator is unknown, so no percentage is given.
    static func summary(_ framework: Framework) -> String {
        let coverage = framework.coverage
        let tally = { (verdict: ControlVerdict) in ReportText.count(coverage.tallies[verdict] ?? 0) }
        let verdicts = "(\(tally(.pass)) pass, \(tally(.fail)) fail, \(tally(.partial)) partial)"
        guard framework.hasCatalog else {
            return "no coverage figure: the results hold no catalog of this framework, so only its mapped controls are known; "
                + "\(ReportText.count(coverage.assessed)) assessed \(verdicts), \(tally(.notAssessed)) mapped but not assessed in this run"
        }
        return "coverage \(ReportText.percent(coverage.share)): \(ReportText.count(coverage.assessed)) of "
            + "\(ReportText.count(coverage.controls)) controls assessed \(verdicts); \(tally(.notAssessed)) mapped but not assessed in this run; "
            + "\(tally(.notAssessedByAssay)) not assessed by Assay"
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
