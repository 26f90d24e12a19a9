/// One control of a compliance framework, as the framework numbers and names it.
public struct FrameworkControl: Sendable, Hashable {
    /// The official id (`CC6.1`, `A.8.24`, `SC-28(1)`, `164.312(a)(2)(iv)`, `Art.32`).
    public var id: String
    /// The official title (or, where a framework gives none, the opening of the requirement text).
    public var title: String

    /// Creates a control.
    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}

/// The control catalog of one framework (`policies/frameworks/<key>.yaml`): every control of the
/// framework's published list (or of the parts `scope` names), mapped or not, so reports and
/// `assay explain` can show control titles, coverage counts the controls no policy checks, and a
/// test can reject mappings to controls that do not exist.
public struct FrameworkCatalog: Sendable, Hashable {
    /// The key policies use under `frameworks:` (`soc2`, `iso27001_2022`).
    public var key: String
    /// The framework's name and edition.
    public var title: String
    /// Which parts of the framework the catalog lists, in words (nil: the whole framework).
    public var scope: String?
    /// Controls in catalog order.
    public var controls: [FrameworkControl]
    /// Where the catalog was defined.
    public var location: SourceLocation

    /// Creates a catalog.
    public init(key: String, title: String, scope: String? = nil, controls: [FrameworkControl], location: SourceLocation) {
        self.key = key
        self.title = title
        self.scope = scope
        self.controls = controls
        self.location = location
    }

    /// The title of a control, when the catalog lists it.
    public func title(of control: String) -> String? {
        controls.first { $0.id == control }?.title
    }
}

/// A framework mapping of a policy that no loaded catalog lists.
public struct UnknownControlMapping: Sendable, Hashable, CustomStringConvertible {
    /// The policy that names it.
    public var policy: String
    /// Where the policy is defined.
    public var location: SourceLocation
    /// The framework key.
    public var framework: String
    /// The control id, or nil when the framework key itself is unknown.
    public var control: String?

    /// `policy (file:line:col): soc2 CC9.9 is not in the catalog`.
    public var description: String {
        if let control {
            return "\(policy) (\(location)) maps to \(framework) \(control), which the \(framework) catalog does not list"
        }
        return "\(policy) (\(location)) maps to framework '\(framework)', which has no catalog"
    }
}

/// Every control catalog of a run, by framework key.
public struct FrameworkCatalogs: Sendable {
    /// Catalogs sorted by key.
    public let catalogs: [FrameworkCatalog]

    /// Sorts the catalogs by key.
    public init(_ catalogs: [FrameworkCatalog] = []) {
        self.catalogs = catalogs.sorted { $0.key < $1.key }
    }

    /// The catalog of a framework key.
    public subscript(key: String) -> FrameworkCatalog? {
        catalogs.first { $0.key == key }
    }

    /// The title of a control of a framework, when a catalog lists it.
    public func title(framework: String, control: String) -> String? {
        self[framework]?.title(of: control)
    }

    /// The framework keys and control ids the policies name but the catalogs do not list, in
    /// policy order then framework key order.
    public func unknownMappings(in policies: [Policy]) -> [UnknownControlMapping] {
        var unknown: [UnknownControlMapping] = []
        for policy in policies {
            for framework in policy.frameworks.keys.sorted() {
                guard let catalog = self[framework] else {
                    unknown.append(UnknownControlMapping(policy: policy.id, location: policy.location, framework: framework, control: nil))
                    continue
                }
                for control in policy.frameworks[framework] ?? [] where catalog.title(of: control) == nil {
                    unknown.append(UnknownControlMapping(policy: policy.id, location: policy.location, framework: framework, control: control))
                }
            }
        }
        return unknown
    }

    /// The `frameworks` section of a run result: each catalog's title, scope and controls, and
    /// with the run's policies, per framework each control's verdict and the coverage.
    public func section(policies: [PolicyReport]? = nil) -> FrameworksSection {
        var section = FrameworksSection(catalogs: [:])
        for catalog in catalogs {
            let entry = FrameworksSection.Catalog(title: catalog.title, scope: catalog.scope,
                                                  controls: Dictionary(catalog.controls.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first }))
            section.catalogs[catalog.key] = policies.map { entry.covered(framework: catalog.key, policies: $0) } ?? entry
        }
        return section
    }
}

/// The verdict on one framework control in a run, from the verdicts of the policies mapped to it.
///
/// A mapped policy *fails* when it has failing or erroring resources, *passes* when it has passing
/// or waived resources and none failing, and is not assessed otherwise (nothing in scope, or only
/// unknown verdicts). A control is **fail** when every assessed mapped policy fails, **partial**
/// when some pass and some fail, **pass** when at least one passes and none fails, **not
/// assessed** when policies map to it but none was assessed in the run, and **not assessed by
/// Assay** when no policy maps to it (a control only the catalog lists).
public enum ControlVerdict: String, Sendable, CaseIterable {
    case pass, fail, partial
    case notAssessed = "not assessed"
    case notAssessedByAssay = "not assessed by Assay"

    /// The key in the JSON coverage (`not_assessed_by_assay`).
    public var key: String {
        switch self {
        case .pass, .fail, .partial: return rawValue
        case .notAssessed: return "not_assessed"
        case .notAssessedByAssay: return "not_assessed_by_assay"
        }
    }

    /// Whether the run produced evidence on the control (pass, fail or partial).
    public var isAssessed: Bool {
        switch self {
        case .pass, .fail, .partial: return true
        case .notAssessed, .notAssessedByAssay: return false
        }
    }

    /// The verdict of a control from the counts of the policies mapped to it (none: not assessed by Assay).
    public static func of(_ counts: [VerdictCounts]) -> ControlVerdict {
        if counts.isEmpty { return .notAssessedByAssay }
        var passing = 0
        var failing = 0
        for count in counts {
            if count.fail + count.error > 0 {
                failing += 1
            } else if count.pass + count.waived > 0 {
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

    /// The verdict of each control id of a framework, in the given order.
    public static func verdicts(of controls: [String], framework: String, policies: [PolicyReport]) -> [(id: String, verdict: ControlVerdict)] {
        var mapped: [String: [VerdictCounts]] = [:]
        for policy in policies {
            for control in policy.frameworks[framework] ?? [] { mapped[control, default: []].append(policy.counts) }
        }
        return controls.map { (id: $0, verdict: of(mapped[$0] ?? [])) }
    }
}

/// How much of a framework's catalog a run assessed: coverage = assessed controls (pass, fail or
/// partial) / every control of the catalog, so controls no policy checks count against it.
public struct ControlCoverage: Sendable, Hashable {
    /// Controls per verdict.
    public var tallies: [ControlVerdict: Int]
    /// Every control counted.
    public var controls: Int

    /// Counts the verdicts.
    public init(_ verdicts: [ControlVerdict]) {
        var tallies: [ControlVerdict: Int] = [:]
        for verdict in verdicts { tallies[verdict, default: 0] += 1 }
        self.tallies = tallies
        controls = verdicts.count
    }

    /// Controls with evidence in the run.
    public var assessed: Int { ControlVerdict.allCases.filter(\.isAssessed).reduce(0) { $0 + (tallies[$1] ?? 0) } }
    /// Controls at least one policy maps to.
    public var mapped: Int { controls - (tallies[.notAssessedByAssay] ?? 0) }
    /// Assessed / all controls (0 for an empty catalog).
    public var share: Double { controls == 0 ? 0 : Double(assessed) / Double(controls) }

    /// `{ "controls", "mapped", "assessed", "share", "pass", "fail", "partial", "not_assessed", "not_assessed_by_assay" }`.
    public var sectionValue: Value {
        var fields = Fields()
        fields["controls"] = .number(Double(controls))
        fields["mapped"] = .number(Double(mapped))
        fields["assessed"] = .number(Double(assessed))
        fields["share"] = .number((share * 10_000).rounded() / 10_000)
        for verdict in ControlVerdict.allCases { fields[verdict.key] = .number(Double(tallies[verdict] ?? 0)) }
        return .object(fields)
    }
}
