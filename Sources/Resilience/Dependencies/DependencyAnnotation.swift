public import PolicyEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes what the dependency graph and the availability composition say onto application
/// records, for policies — `dependencies.*` (hard/soft ids, closure, unresolved ids, tier
/// inversions, cycle, effective RTO) and `availability.*` (implied, composite, the SLO) — and the
/// same figures, with the edges to draw, for the downtime section (docs/downtime-model.md,
/// "Dependencies and availability").
public enum DependencyAnnotation {
    /// The annotated records and each active application's section figures, by application id.
    public struct Output: Sendable {
        /// The application records, with `dependencies` and `availability` on every active one.
        public var applications: [Resource]
        /// The section's `dependencies` and `availability` of each active application, by id.
        public var sectionFigures: [String: (dependencies: DowntimeModelSection.Dependencies, availability: DowntimeModelSection.Availability)]
    }

    /// Why an application has no composable figures when the model did not assess it.
    public static let modelOffReason = "is not modelled: the downtime model did not run (downtime.enabled is false)"

    /// Annotates `applications` (records of the register, DR-enriched) with the figures the
    /// model gives in `assessments`; with no assessments (model off), the figures are unknown.
    public static func annotate(_ applications: [Resource], assessments: [ApplicationAssessment], modelRan: Bool) throws(ResilienceError) -> Output {
        let graph = try DependencyGraph(applications: applications)
        var figures: [String: ApplicationFigures] = [:]
        var rtoTargets: [String: Double] = [:]
        let bases = Dictionary(applications.map { (ApplicationRegister.applicationID(of: $0), $0.document["dr"]?["capability_basis"]?.stringValue) },
                               uniquingKeysWith: { first, _ in first })
        for assessment in assessments {
            figures[assessment.model.id] = Self.figures(assessment, capabilityBasis: bases[assessment.model.id] ?? nil)
            rtoTargets[assessment.model.id] = assessment.model.rtoTargetHours
        }
        let unmodelled = modelRan ? "is not modelled by the downtime model" : modelOffReason
        var output = Output(applications: [], sectionFigures: [:])
        for resource in applications {
            guard resource.type == ApplicationRegister.resourceType else {
                output.applications.append(resource)
                continue
            }
            let id = ApplicationRegister.applicationID(of: resource)
            guard graph.node(id)?.active == true, let assessment = graph.assess(id, figures: figures, unmodelledReason: unmodelled) else {
                output.applications.append(resource)
                continue
            }
            let fields = RegisterFields(application: id, source: resource.source, object: resource.document.objectValue ?? Fields())
            let slo = try sloTarget(fields)
            let own = figures[id]?.availability ?? .unknown(reason: "'\(id)' \(unmodelled)")
            var document = resource.document.objectValue ?? Fields()
            // The model's target (the register's, else the tier's default); the register's alone when the model is off.
            var rtoTarget = rtoTargets[id]
            if rtoTarget == nil { rtoTarget = try fields.number("rto_target_hours") }
            let dependencies = Self.dependencies(assessment, rtoTarget: rtoTarget)
            let availability = Self.availability(own: own, composite: assessment.compositeAvailability, slo: slo)
            // Records carry an unknown figure as `unknown` (for policies), the section as null.
            document["dependencies"] = dependencies.value(unknown: .unknown, edges: false)
            document["availability"] = availability.value(unknown: .unknown)
            var annotated = resource
            annotated.document = .object(document)
            output.applications.append(annotated)
            output.sectionFigures[id] = (dependencies, availability)
        }
        return output
    }

    /// An application's composable figures: the implied availability of its current strategy
    /// rests on its incident scenarios, so the placeholder library gives none; its recovery time
    /// needs a DR strategy whose RTO rests on more than the strategy's default.
    static func figures(_ assessment: ApplicationAssessment, capabilityBasis: String?) -> ApplicationFigures {
        let current = assessment.current
        let availability: ComposableFigure =
            assessment.model.placeholders.contains { $0.field == "scenarios" }
            ? .unknown(reason: "its availability rests on the placeholder incident scenarios (declare scenarios in the register)")
            : .known(current.impliedAvailability)
        let recovery: ComposableFigure
        if current.option.kind == .noDR {
            recovery = .unknown(reason: "it has no DR strategy, so no recovery time")
        } else if let basis = capabilityBasis, basis == "strategy_default" || basis.hasPrefix("RTO strategy_default") {
            recovery = .unknown(reason: "its RTO is only the strategy's default (never tested, none declared)")
        } else {
            recovery = .known(current.option.recoveryHours)
        }
        return ApplicationFigures(availability: availability, recoveryHours: recovery)
    }

    /// `slo_availability`: a percentage (99.95), validated so that a fraction (0.9995) is refused.
    static func sloTarget(_ fields: RegisterFields) throws(ResilienceError) -> Double? {
        guard let percent = try fields.number("slo_availability") else { return nil }
        guard percent.isFinite, percent >= 50, percent <= 100 else {
            throw fields.error("slo_availability", "expected a percentage between 50 and 100 such as 99.95 (not a fraction), got \(JSONWriter.format(percent))")
        }
        return percent / 100
    }

    static func dependencies(_ assessment: DependencyGraph.Assessment, rtoTarget: Double?) -> DowntimeModelSection.Dependencies {
        var effective: Double?
        var bottleneck: String?
        var unknownReason: String?
        switch assessment.effectiveRecoveryHours {
        case .known(let hours):
            effective = (hours * 100).rounded() / 100
            bottleneck = assessment.recoveryBottleneck
        case .unknown(let reason):
            unknownReason = reason
        }
        return DowntimeModelSection.Dependencies(
            hard: assessment.hard, soft: assessment.soft, closure: assessment.closure, unresolved: assessment.unresolved,
            tierInversions: assessment.tierInversions, tierUnknownReason: assessment.tierInversions == nil ? assessment.tierUnknownReason : nil,
            cycle: assessment.cycle?.joined(separator: " → "), cycleUnknownReason: assessment.cycle == nil ? assessment.closureUnknownReason : nil,
            effectiveRTOHours: effective, rtoBottleneck: bottleneck, effectiveRTOUnknownReason: unknownReason,
            // Unknown when neither the model nor the register gives a target (the model off, no register value).
            rtoTargetHours: rtoTarget,
            edges: assessment.edges)
    }

    static func availability(own: ComposableFigure, composite: ComposableFigure, slo: Double?) -> DowntimeModelSection.Availability {
        func figure(_ figure: ComposableFigure) -> DowntimeModelSection.ComposedFigure {
            switch figure {
            case .known(let value): return .known(value, text: text(value))
            case .unknown(let reason): return .unknown(reason: reason)
            }
        }
        return DowntimeModelSection.Availability(implied: figure(own), composite: figure(composite), slo: slo, sloText: slo.map(text))
    }

    /// An availability for people: a percentage with as many decimals as it takes to show the
    /// first significant digit of the downtime (99.93 %, 99.995 %, at most 5 decimals), rounded
    /// down so that a figure below a target never prints as the target (99.9899 % → 99.98 %).
    public static func text(_ availability: Double) -> String {
        guard availability.isFinite else { return "-" }
        let percent = min(max(availability, 0), 1) * 100
        let down = 100 - percent
        let decimals = down > 0 ? min(5, max(2, Int(-floor(log10(down) + 1e-9)))) : 2
        let scale = pow(10, Double(decimals))
        let floored = floor(percent * scale + 1e-6) / scale
        var digits = String(Int64(floored * scale + 0.5))
        while digits.count <= decimals { digits = "0" + digits }
        let split = digits.index(digits.endIndex, offsetBy: -decimals)
        return digits[..<split] + "." + digits[split...] + " %"
    }
}
