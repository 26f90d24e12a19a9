import PolicyEngine

/// `sections["merge"]` of a merged result: the results it came from, the duplicate findings that
/// were dropped and the notes about reconciled differences. Written by `ResultMerge`, shown by the
/// HTML report; this type is the one encoder and the one (strict) decoder of it.
///
/// Schema: `{ "sources": [ { "name", "as_of", "policy_set_digest", "findings": 12, "labels": {…} } ],
/// "duplicates": [ { "policy", "resource", "kept_from", "dropped_from": ["…"] } ], "warnings": ["…"] }`.
struct MergeSection: Equatable {
    /// One merged results file.
    struct Source: Equatable {
        var name: String
        var asOf: String
        var policySetDigest: String
        var findings: Int
        var labels: [String: String]
    }

    /// A finding present in several sources: kept from one, dropped from the others.
    struct Duplicate: Equatable {
        var policy: String
        var resource: String
        var keptFrom: String
        var droppedFrom: [String]
    }

    var sources: [Source]
    var duplicates: [Duplicate]
    /// Differences that were reconciled.
    var warnings: [String]

    /// The section's JSON value.
    var value: Value {
        var section = Fields()
        section["sources"] = .array(sources.map { source in
            [
                "name": .string(source.name), "as_of": .string(source.asOf), "policy_set_digest": .string(source.policySetDigest),
                "findings": .number(Double(source.findings)),
                "labels": .object(Fields(source.labels.map { ($0.key, Value.string($0.value)) })),
            ]
        })
        section["duplicates"] = .array(duplicates.map { duplicate in
            [
                "policy": .string(duplicate.policy), "resource": .string(duplicate.resource), "kept_from": .string(duplicate.keptFrom),
                "dropped_from": .array(duplicate.droppedFrom.map(Value.string)),
            ]
        })
        section["warnings"] = .array(warnings.map(Value.string))
        return .object(section)
    }

    init(sources: [Source], duplicates: [Duplicate], warnings: [String]) {
        self.sources = sources
        self.duplicates = duplicates
        self.warnings = warnings
    }

    /// Decodes the section strictly: a member of the wrong type, or a missing one, is an error
    /// naming its path (`sections.merge.sources[1].findings`).
    init(decoding value: Value) throws(SectionError) {
        let section = try SectionReader(value, path: "sections.\(SectionKey.merge.rawValue)")
        sources = try section.array("sources").map { source throws(SectionError) -> Source in
            var labels: [String: String] = [:]
            if let members = try source.object("labels") {
                for key in members.keys { labels[key] = try members.requiredText(key) }
            }
            return Source(name: try source.requiredText("name"), asOf: try source.requiredText("as_of"),
                          policySetDigest: try source.requiredText("policy_set_digest"),
                          findings: try source.requiredWholeNumber("findings"), labels: labels)
        }
        duplicates = try section.array("duplicates").map { duplicate throws(SectionError) -> Duplicate in
            Duplicate(policy: try duplicate.requiredText("policy"), resource: try duplicate.requiredText("resource"),
                      keptFrom: try duplicate.requiredText("kept_from"), droppedFrom: try duplicate.texts("dropped_from"))
        }
        warnings = try section.texts("warnings")
    }
}

/// `sections["run"]`: facts about the run itself that a tool adds (`duration_seconds`), decoded
/// strictly; other members are kept by the results but not read.
struct RunSection: Equatable {
    /// How long the run took, in seconds.
    var durationSeconds: Double?

    /// Decodes the section strictly (`sections.run.duration_seconds` must be a number).
    init(decoding value: Value) throws(SectionError) {
        let section = try SectionReader(value, path: "sections.\(SectionKey.run.rawValue)")
        durationSeconds = try section.number("duration_seconds")
    }
}
