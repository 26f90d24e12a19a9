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
    /// The annotated records and each active application's section fields, by application id.
    public struct Output: Sendable {
        /// The application records, with `dependencies` and `availability` on every active one.
        public var applications: [Resource]
        /// Section fields (`dependencies`, `availability`) by application id.
        public var sectionFields: [String: Fields]
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
        var output = Output(applications: [], sectionFields: [:])
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
            document["dependencies"] = .object(dependencyFields(assessment, rtoTarget: rtoTarget))
            document["availability"] = .object(availabilityFields(own: own, composite: assessment.compositeAvailability, slo: slo))
            var annotated = resource
            annotated.document = .object(document)
            output.applications.append(annotated)
            var section = Fields()
            var dependencies = dependencyFields(assessment, rtoTarget: rtoTarget)
            dependencies["edges"] = .array(assessment.edges.map { edge in
                ["target": .string(edge.target), "kind": .string(edge.kind.rawValue), "resolved": .bool(edge.resolved),
                 "inversion": .bool(edge.inversion), "cycle": .bool(edge.onCycle)]
            })
            section["dependencies"] = .object(forSection(dependencies))
            section["availability"] = .object(forSection(availabilityFields(own: own, composite: assessment.compositeAvailability, slo: slo)))
            output.sectionFields[id] = section
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

    static func dependencyFields(_ assessment: DependencyGraph.Assessment, rtoTarget: Double?) -> Fields {
        var fields = Fields()
        fields["hard"] = .array(assessment.hard.map(Value.string))
        fields["soft"] = .array(assessment.soft.map(Value.string))
        fields["closure"] = .array(assessment.closure.map(Value.string))
        fields["unresolved"] = .array(assessment.unresolved.map(Value.string))
        if let inversions = assessment.tierInversions {
            fields["tier_inversions"] = .array(inversions.map(Value.string))
        } else {
            fields["tier_inversions"] = .unknown
            fields["tier_unknown_reason"] = assessment.tierUnknownReason.map(Value.string)
        }
        if let cycle = assessment.cycle {
            fields["cycle"] = .string(cycle.joined(separator: " → "))
        } else if let reason = assessment.closureUnknownReason {
            fields["cycle"] = .unknown
            fields["cycle_unknown_reason"] = .string(reason)
        }
        switch assessment.effectiveRecoveryHours {
        case .known(let hours):
            fields["effective_rto_hours"] = .number((hours * 100).rounded() / 100)
            fields["rto_bottleneck"] = assessment.recoveryBottleneck.map(Value.string)
        case .unknown(let reason):
            fields["effective_rto_hours"] = .unknown
            fields["effective_rto_unknown_reason"] = .string(reason)
        }
        // Unknown when neither the model nor the register gives a target (the model off, no register value).
        fields["rto_target_hours"] = rtoTarget.map(Value.number) ?? .unknown
        return fields
    }

    static func availabilityFields(own: ComposableFigure, composite: ComposableFigure, slo: Double?) -> Fields {
        var fields = Fields()
        for (key, figure) in [("implied", own), ("composite", composite)] {
            switch figure {
            case .known(let value):
                fields[key] = .number(value)
                fields[key + "_text"] = .string(text(value))
            case .unknown(let reason):
                fields[key] = .unknown
                fields[key + "_unknown_reason"] = .string(reason)
            }
        }
        if let slo {
            fields["slo"] = .number(slo)
            fields["slo_text"] = .string(text(slo))
        }
        return fields
    }

    /// The fields as the JSON section writes them: an unknown figure is null there (its
    /// `…_unknown_reason` beside it says why); `unknown` is for policies only.
    static func forSection(_ fields: Fields) -> Fields {
        var copy = fields
        for member in fields where member.value.isUnknown { copy[member.key] = .null }
        return copy
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
