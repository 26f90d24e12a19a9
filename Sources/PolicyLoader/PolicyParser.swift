import PolicyEngine

/// Builds `Policy` values from YAML mappings; every unknown key is an error with a suggestion.
enum PolicyParser {
    /// The keys a policy may have.
    static let policyKeys = [
        "version", "id", "title", "severity", "enforcement", "category", "frameworks", "description", "remediation",
        "applies_to", "require", "message", "unknown_message", "params", "param_docs", "aliases", "references",
    ]
    static let scopeKeys = ["types", "where", "cost"]
    static let costKeys = ["group_by", "period"]
    /// Cost dimensions that need no tag prefix.
    static let costDimensions = ["account", "sub_account", "service", "service_category", "region", "charge_category", "currency", "resource"]

    /// Parses one policy mapping. `inheritedVersion` is the file-level version for policy lists.
    static func policy(_ node: YAMLNode, inheritedVersion: Bool) throws(LoadError) -> Policy {
        let section = try node.section("a policy (a mapping with id, title, severity, require, …)", allowed: policyKeys, name: "policy")
        func entry(_ key: String) -> YAMLNode? { section.optional(key) }
        func required(_ key: String) throws(LoadError) -> YAMLNode { try section.required(key) }
        if !inheritedVersion { try checkVersion(entry("version"), in: node) }
        let idNode = try required("id")
        let id = try idNode.string("a policy id")
        guard isValidID(id) else {
            throw idNode.error(.invalidValue(message: "policy id '\(id)' must be lower-case dotted words (letters, digits, '_', '-', '.'), e.g. encryption.at_rest.enabled"))
        }
        let severity: Severity = try enumeration(try required("severity"), "severity")
        let enforcement: Enforcement = try entry("enforcement").map { (found) throws(LoadError) -> Enforcement in try enumeration(found, "enforcement") } ?? .hard
        var frameworks: [String: [String]] = [:]
        if let frameworkNode = entry("frameworks") {
            for item in try frameworkNode.mapping("a mapping of framework: [control ids]") {
                frameworks[item.key] = try item.value.stringList("a list of control ids")
            }
        }
        var params: [String: Value] = [:]
        if let paramNode = entry("params") {
            for item in try paramNode.mapping("a mapping of parameter: default value") { params[item.key] = try item.value.value() }
        }
        var paramDocs: [String: String] = [:]
        if let docsNode = entry("param_docs") {
            for item in try docsNode.mapping("a mapping of parameter: description") {
                guard params[item.key] != nil else {
                    throw item.keyNode.error(.invalidValue(message: "param_docs names '\(item.key)', which is not under params"))
                }
                paramDocs[item.key] = try item.value.string()
            }
        }
        let scope = try entry("applies_to").map { (found) throws(LoadError) in try self.scope(found) } ?? PolicyScope()
        let requirement = try ConditionParser.condition(try required("require"))
        let message = try template(entry("message"), in: node, params: params)
        let unknownMessage = try template(entry("unknown_message"), in: node, params: params)
        return Policy(
            id: id, title: try required("title").string("a title"), severity: severity, enforcement: enforcement,
            category: try entry("category")?.string() ?? String(id.split(separator: ".").first ?? ""),
            frameworks: frameworks, description: try entry("description")?.string() ?? "",
            remediation: try entry("remediation")?.string() ?? "", scope: scope, requirement: requirement, message: message,
            params: params, paramDocs: paramDocs, aliases: try entry("aliases")?.stringList() ?? [], location: idNode.location
        ).with(unknownMessage: unknownMessage)
    }

    /// A message template (`message`, `unknown_message`), located at its column when it does not parse.
    static func template(_ templateNode: YAMLNode?, in node: YAMLNode, params: [String: Value]) throws(LoadError) -> MessageTemplate? {
        guard let templateNode else { return nil }
        let text = try templateNode.string("a message template")
        let template: MessageTemplate
        do {
            template = try MessageTemplate(parsing: text)
        } catch {
            let location = templateNode.location.movedRight(by: error.offset + 1)
            throw node.source.error(.invalidValue(message: "invalid message template: \(error.reason)"), at: location)
        }
        if let undeclared = template.parameterNames.first(where: { params[$0] == nil }) {
            throw templateNode.error(.invalidValue(message: "the message uses {{ params.\(undeclared) }}, which is not declared under params"))
        }
        return template
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-" || scalar == "."
        } && !id.hasPrefix(".") && !id.hasSuffix(".")
    }

    static func checkVersion(_ node: YAMLNode?, in parent: YAMLNode) throws(LoadError) {
        guard let node else { throw parent.error(.unsupportedVersion(found: "", supported: 1)) }
        guard case .number(1) = try node.value() else {
            throw node.error(.unsupportedVersion(found: (try? node.value().displayText) ?? "?", supported: 1))
        }
    }

    /// Parses a closed-vocabulary value, listing the allowed words on error.
    static func enumeration<T: RawRepresentable & CaseIterable>(_ node: YAMLNode, _ what: String) throws(LoadError) -> T where T.RawValue == String {
        let text = try node.string(what)
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue)
            let hint = NameSuggester.suggestion(for: text, among: allowed).map { " (did you mean '\($0)'?)" } ?? ""
            throw node.error(.invalidValue(message: "'\(text)' is not a \(what)\(hint); use one of \(allowed.joined(separator: ", "))"))
        }
        return value
    }

    private static func scope(_ node: YAMLNode) throws(LoadError) -> PolicyScope {
        let entries = try node.mapping("a mapping with types, where or cost")
        try node.checkKeys(entries, allowed: scopeKeys, section: "applies_to")
        var scope = PolicyScope()
        for entry in entries {
            switch entry.key {
            case "types": scope.types = try entry.value.stringList("a list of resource types")
            case "where": scope.filter = try ConditionParser.condition(entry.value)
            default: scope.cost = try cost(entry.value)
            }
        }
        if scope.cost != nil && !scope.types.isEmpty {
            throw node.error(.invalidValue(message: "applies_to has both types and cost: a cost policy evaluates cost groups only"))
        }
        return scope
    }

    private static func cost(_ node: YAMLNode) throws(LoadError) -> CostScope {
        let entries = try node.mapping("a mapping with group_by and period")
        try node.checkKeys(entries, allowed: costKeys, section: "applies_to.cost")
        var groupBy: [String] = []
        var months = 1
        for entry in entries {
            if entry.key == "group_by" {
                for item in try entry.value.sequence("a list of dimensions") {
                    let dimension = try item.string("a cost dimension")
                    guard costDimensions.contains(dimension) || (dimension.hasPrefix("tags.") && dimension.count > 5) else {
                        let hint = NameSuggester.suggestion(for: dimension, among: costDimensions).map { " (did you mean '\($0)'?)" } ?? ""
                        throw item.error(.invalidValue(message: "unknown cost dimension '\(dimension)'\(hint); use \(costDimensions.joined(separator: ", ")) or tags.<key>"))
                    }
                    groupBy.append(dimension)
                }
            } else if entry.value.isMapping {
                let period = try entry.value.mapping("{ last: N }")
                try entry.value.checkKeys(period, allowed: ["last"], section: "period")
                guard let last = period.first else { throw entry.value.error(.missingKey(key: "last", section: "period")) }
                months = try last.value.integer("a number of months")
                guard (1...120).contains(months) else { throw last.value.error(.invalidValue(message: "period.last must be 1…120 months")) }
            } else {
                let text = try entry.value.string("month or { last: N }")
                guard text == "month" else { throw entry.value.error(.invalidValue(message: "period is 'month' or { last: N }")) }
            }
        }
        return CostScope(groupBy: groupBy, lastMonths: months)
    }
}
