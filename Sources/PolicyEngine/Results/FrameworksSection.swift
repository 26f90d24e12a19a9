/// The `frameworks` section of a run result: per framework key its control catalog (title, scope,
/// controls) and, written with the run's policies, each control's verdict and the coverage
/// (docs/frameworks.md). `FrameworkCatalogs.section(policies:)` fills it, `assay report` recomputes
/// the coverage of merged results (`recomputingCoverage`), the reports read it; this type is the one
/// encoder and the one (strict) decoder of it.
///
/// Schema: `{ "<key>": { "title", "scope", "controls": { "<id>": "<title>" }, "control_status":
/// { "<id>": "pass" | "fail" | "partial" | "not assessed" | "not assessed by Assay" }, "coverage":
/// { "controls", "mapped", "assessed", "share", "pass", "fail", "partial", "not_assessed",
/// "not_assessed_by_assay" } } }`.
public struct FrameworksSection: Sendable, Equatable {
    /// The key in `RunResult.sections`.
    public static let key = SectionKey.frameworks

    /// One framework's catalog and the run's verdicts on it.
    public struct Catalog: Sendable, Equatable {
        /// The framework's name and edition.
        public var title: String
        /// Which parts of the framework the catalog lists (nil: the whole framework; member absent).
        public var scope: String?
        /// Control id → title.
        public var controls: [String: String]
        /// Control id → the run's verdict; nil when written without the run's policies (member absent).
        public var controlStatus: [String: ControlVerdict]?
        /// How much of the catalog the run assessed; with `controlStatus`.
        public var coverage: ControlCoverage?

        /// Creates a catalog entry.
        public init(title: String, scope: String?, controls: [String: String], controlStatus: [String: ControlVerdict]? = nil,
                    coverage: ControlCoverage? = nil) {
            self.title = title
            self.scope = scope
            self.controls = controls
            self.controlStatus = controlStatus
            self.coverage = coverage
        }

        /// The entry with each control's verdict and the coverage computed from `policies`.
        func covered(framework: String, policies: [PolicyReport]) -> Catalog {
            let verdicts = ControlVerdict.verdicts(of: controls.keys.sorted(), framework: framework, policies: policies)
            var entry = self
            entry.controlStatus = Dictionary(uniqueKeysWithValues: verdicts.map { ($0.id, $0.verdict) })
            entry.coverage = ControlCoverage(verdicts.map(\.verdict))
            return entry
        }

        var value: Value {
            var entry = Fields()
            entry["title"] = .string(title)
            entry["scope"] = scope.map(Value.string)
            entry["controls"] = .object(Fields(controls.map { ($0.key, Value.string($0.value)) }))
            entry["control_status"] = controlStatus.map { .object(Fields($0.map { ($0.key, Value.string($0.value.rawValue)) })) }
            entry["coverage"] = coverage?.sectionValue
            return .object(entry)
        }

        init(decoding entry: SectionReader) throws(SectionError) {
            try entry.requireKnownMembers(["title", "scope", "controls", "control_status", "coverage"])
            var controls: [String: String] = [:]
            if let members = try entry.object("controls") {
                for id in members.keys { controls[id] = try members.requiredText(id) }
            }
            var controlStatus: [String: ControlVerdict]?
            if let status = try entry.object("control_status") {
                var verdicts: [String: ControlVerdict] = [:]
                for id in status.keys {
                    let word = try status.requiredText(id)
                    guard let verdict = ControlVerdict(rawValue: word) else {
                        throw SectionError(path: status.path + "." + id,
                                           expected: ControlVerdict.allCases.map(\.rawValue).joined(separator: ", "), found: "\"\(word)\"")
                    }
                    verdicts[id] = verdict
                }
                controlStatus = verdicts
            }
            self.init(title: try entry.requiredText("title"), scope: try entry.text("scope"), controls: controls, controlStatus: controlStatus,
                      coverage: try entry.object("coverage").map { coverage throws(SectionError) in try ControlCoverage(decoding: coverage) })
        }
    }

    /// Catalogs by framework key.
    public var catalogs: [String: Catalog]

    /// Creates the section.
    public init(catalogs: [String: Catalog]) { self.catalogs = catalogs }

    /// The section with each framework's `control_status` and `coverage` computed again from
    /// `policies` — for merged results, whose counts are not those of any one run.
    public func recomputingCoverage(policies: [PolicyReport]) -> FrameworksSection {
        FrameworksSection(catalogs: Dictionary(uniqueKeysWithValues: catalogs.map { ($0.key, $0.value.covered(framework: $0.key, policies: policies)) }))
    }

    /// The catalogs alone, without what depends on a run (`control_status`, `coverage`): what the
    /// results merged must agree on.
    public var catalogPart: FrameworksSection {
        FrameworksSection(catalogs: catalogs.mapValues { Catalog(title: $0.title, scope: $0.scope, controls: $0.controls) })
    }

    /// The section's JSON value.
    public var value: Value { .object(Fields(catalogs.map { ($0.key, $0.value.value) })) }

    /// Decodes the section strictly: each framework an object with a `title`, `controls` an object
    /// of strings, `control_status` one of control verdicts, `coverage` the counts; a member the
    /// schema does not name is an error at its path (`sections.frameworks.soc2.controls.CC6.1`).
    public init(decoding value: Value) throws(SectionError) {
        let section = try SectionReader(value, path: "sections.\(Self.key.rawValue)")
        var catalogs: [String: Catalog] = [:]
        for key in section.keys {
            guard let entry = try section.object(key) else { continue }
            catalogs[key] = try Catalog(decoding: entry)
        }
        self.catalogs = catalogs
    }
}

extension ControlCoverage {
    /// Decodes `coverage` strictly: every count a whole number, `share` a number.
    init(decoding coverage: SectionReader) throws(SectionError) {
        try coverage.requireKnownMembers(Set(["controls", "mapped", "assessed", "share"] + ControlVerdict.allCases.map(\.key)))
        self.init([])
        for verdict in ControlVerdict.allCases {
            let count = try coverage.requiredWholeNumber(verdict.key)
            let (sum, overflow) = controls.addingReportingOverflow(count)
            guard count >= 0, !overflow else {
                throw SectionError(path: coverage.path + "." + verdict.key, expected: "a count of controls", found: String(count))
            }
            if count > 0 { tallies[verdict] = count }
            controls = sum
        }
        // The derived figures must agree with the tallies.
        for (key, derived) in [("controls", controls), ("mapped", mapped), ("assessed", assessed)] {
            let stated = try coverage.requiredWholeNumber(key)
            guard stated == derived else {
                throw SectionError(path: coverage.path + "." + key, expected: "\(derived) (the sum of the verdict counts)", found: String(stated))
            }
        }
        _ = try coverage.requiredNumber("share")
    }
}
