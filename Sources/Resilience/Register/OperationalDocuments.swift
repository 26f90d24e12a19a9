public import PolicyEngine

/// Runbooks, business-continuity plans and incident-response playbooks kept as register records
/// (docs/registers.md, "Operational documents"). Each names its application; the enrichment copies
/// that application's tier and status onto the record (`application_tier`, `application_status`),
/// so review-age and test-age policies can key their limits by tier like the DR cadence does.
public enum OperationalDocuments {
    /// The kinds of operational document, one resource type each.
    public enum Kind: String, CaseIterable, Sendable {
        case runbook = "ops.runbook"
        case continuityPlan = "ops.continuity_plan"
        case incidentPlaybook = "ops.incident_playbook"
    }

    /// The records with `application_tier` and `application_status` added, and warnings for
    /// records naming an application the register does not hold. A record of an application
    /// without a tier, or of an unregistered one, gets an unknown tier: its limits cannot be
    /// chosen, so its age policies say *unknown*, never pass.
    public static func enrich(_ records: [Resource], applications: [Resource]) throws(ResilienceError) -> (records: [Resource], warnings: [String]) {
        var registered: [String: (tier: ApplicationTier?, status: String)] = [:]
        for application in applications where application.type == ApplicationRegister.resourceType {
            let id = ApplicationRegister.applicationID(of: application)
            let fields = RegisterFields(application: id, source: application.source, object: application.document.objectValue ?? Fields())
            let status = try fields.text("status")?.lowercased() ?? "active"
            if registered[id] == nil { registered[id] = (try ApplicationRegister.tier(fields), status) }
        }
        var warnings: [String] = []
        var enriched: [Resource] = []
        for record in records {
            guard Kind(rawValue: record.type) != nil else {
                enriched.append(record)
                continue
            }
            var document = record.document.objectValue ?? Fields()
            let reader = RegisterFields(application: "", source: record.source, object: document)
            guard let value = reader.raw("application") else {
                throw .invalidRecord(kind: record.type, field: "application", reason: "is required (the application the document serves)",
                                     source: record.source)
            }
            guard let application = value.keyText else {
                throw .invalidRecord(kind: record.type, field: "application", reason: "expected an application id, got \(value.kindName)",
                                     source: record.source)
            }
            if let known = registered[application] {
                document["application_status"] = .string(known.status)
                document["application_tier"] = known.tier.map { .string($0.rawValue) } ?? .unknown
            } else {
                let hint = NameSuggester.suggestion(for: application, among: registered.keys.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
                warnings.append("\(record.source.displayText): \(record.type) '\(record.id)' names application '\(application)', which is not in the register\(hint)")
                document["application_status"] = "unregistered"
                document["application_tier"] = .unknown
            }
            var copy = record
            copy.document = .object(document)
            enriched.append(copy)
        }
        return (enriched, warnings)
    }
}
