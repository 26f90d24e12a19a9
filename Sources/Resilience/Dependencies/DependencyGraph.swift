public import PolicyEngine

/// A figure of one application that composes through its hard dependencies: a value, or the
/// reason it is not known (never a default standing in for evidence).
public enum ComposableFigure: Sendable, Hashable {
    case known(Double)
    case unknown(reason: String)
}

/// What composes per application: the implied availability of its current strategy (§B.6,
/// 1 − E[DT_year]/8,760) and the recovery time that strategy can deliver (the model's R).
public struct ApplicationFigures: Sendable, Hashable {
    /// Implied availability, 0–1.
    public var availability: ComposableFigure
    /// Capability RTO in hours.
    public var recoveryHours: ComposableFigure

    /// Creates the figures.
    public init(availability: ComposableFigure, recoveryHours: ComposableFigure) {
        self.availability = availability
        self.recoveryHours = recoveryHours
    }
}

/// The application register's `depends_on` as a graph, with what a DR lead checks on it: hard
/// dependencies on a lower tier (inversions), cycles, ids that name no active application, and
/// the serial composition of availability and recovery time through the hard-dependency closure.
public struct DependencyGraph: Sendable {
    /// One application of the register.
    public struct Node: Sendable, Hashable {
        /// The application id.
        public var id: String
        /// Its tier, nil when the register gives none.
        public var tier: ApplicationTier?
        /// False for retired applications.
        public var active: Bool
        /// Declared dependencies, in order.
        public var dependencies: [Dependency]
    }

    /// One declared edge: the downtime section's own type, written as the graph finds it.
    public typealias Edge = DowntimeModelSection.Dependencies.Edge

    /// What the graph says about one application.
    public struct Assessment: Sendable, Hashable {
        /// Hard and soft dependency ids, as declared.
        public var hard: [String]
        public var soft: [String]
        /// Every application reached through hard dependencies (breadth first, declared order), without itself.
        public var closure: [String]
        /// Declared ids that are not an active application: "`x` (not in the register; did you mean `y`?)".
        public var unresolved: [String]
        /// Hard dependencies on a lower tier: "`reporting-api` (tier2)"; nil when a tier is missing.
        public var tierInversions: [String]?
        /// Why the inversions cannot be decided (a tier is missing).
        public var tierUnknownReason: String?
        /// The shortest hard-dependency cycle through the application, `a → b → a`.
        public var cycle: [String]?
        /// Why the closure is incomplete (a hard dependency outside the register): a cycle through
        /// the missing application cannot be seen, so "no cycle" is then unknown.
        public var closureUnknownReason: String?
        /// Serial availability over the application and its closure.
        public var compositeAvailability: ComposableFigure
        /// The slowest recovery over the application and its closure.
        public var effectiveRecoveryHours: ComposableFigure
        /// The application whose recovery time is the effective one.
        public var recoveryBottleneck: String?
        /// The declared edges.
        public var edges: [Edge]
    }

    /// Applications in register order.
    public let nodes: [Node]
    private let index: [String: Int]
    /// Strongly connected component of each node over hard edges between active applications.
    private let component: [Int]
    /// Components with a cycle (more than one node, or a self-dependency).
    private let cyclicComponents: Set<Int>

    /// Reads `depends_on` and `tier` of every application record (retired ones included, so a
    /// dependency on them is named as retired rather than unknown).
    public init(applications: [Resource]) throws(ResilienceError) {
        var nodes: [Node] = []
        var index: [String: Int] = [:]
        for resource in applications where resource.type == ApplicationRegister.resourceType {
            let id = ApplicationRegister.applicationID(of: resource)
            let fields = RegisterFields(application: id, source: resource.source, object: resource.document.objectValue ?? Fields())
            let status = try fields.text("status")?.lowercased()
            let node = Node(id: id, tier: try ApplicationRegister.tier(fields), active: status != "retired",
                            dependencies: try DependencyReader.dependencies(of: resource))
            // A repeated id is the model's error to report; the first record wins here.
            guard index[id] == nil else { continue }
            index[id] = nodes.count
            nodes.append(node)
        }
        self.nodes = nodes
        self.index = index
        let hardSuccessors = nodes.map { node in
            node.dependencies.compactMap { dependency -> Int? in
                guard dependency.kind == .hard, let target = index[dependency.id], nodes[target].active, node.active else { return nil }
                return target
            }
        }
        let components = Self.stronglyConnectedComponents(hardSuccessors)
        component = components
        var cyclic = Set<Int>()
        var sizes: [Int: Int] = [:]
        for value in components { sizes[value, default: 0] += 1 }
        for (node, successors) in hardSuccessors.enumerated() where sizes[components[node]]! > 1 || successors.contains(node) {
            cyclic.insert(components[node])
        }
        cyclicComponents = cyclic
        self.hardSuccessors = hardSuccessors
    }

    private let hardSuccessors: [[Int]]

    /// The node of an application id.
    public func node(_ id: String) -> Node? { index[id].map { nodes[$0] } }

    /// The assessment of one active application; `figures` holds the composable figures of every
    /// modelled application, `unmodelledReason` says why an application has none.
    public func assess(_ id: String, figures: [String: ApplicationFigures], unmodelledReason: String) -> Assessment? {
        guard let position = index[id] else { return nil }
        let node = nodes[position]
        var unresolved: [String] = []
        var edges: [Edge] = []
        var inversions: [String] = []
        var tierUnknown: String?
        let known = nodes.lazy.filter(\.active).map(\.id)
        for dependency in node.dependencies {
            guard let target = index[dependency.id], nodes[target].active else {
                let retired = index[dependency.id] != nil
                let hint = retired ? nil : NameSuggester.suggestion(for: dependency.id, among: known).map { "; did you mean '\($0)'?" }
                unresolved.append("'\(dependency.id)' (" + (retired ? "retired" : "not in the register" + (hint ?? "")) + ")")
                edges.append(Edge(target: dependency.id, kind: dependency.kind, resolved: false, inversion: false, onCycle: false))
                // The tier of a hard dependency outside the active register cannot be compared.
                if dependency.kind == .hard {
                    tierUnknown = tierUnknown ?? "its hard dependency '\(dependency.id)' is \(retired ? "retired" : "not in the register")"
                }
                continue
            }
            let other = nodes[target]
            var inversion = false
            if dependency.kind == .hard {
                switch (node.tier, other.tier) {
                case (let own?, let theirs?):
                    inversion = Self.rank(theirs) > Self.rank(own)
                    if inversion { inversions.append("'\(other.id)' (\(theirs.rawValue))") }
                case (nil, _): tierUnknown = tierUnknown ?? "'\(node.id)' has no tier in the register"
                case (_, nil): tierUnknown = tierUnknown ?? "its hard dependency '\(other.id)' has no tier in the register"
                }
            }
            let onCycle = dependency.kind == .hard && component[target] == component[position] && cyclicComponents.contains(component[position])
            edges.append(Edge(target: other.id, kind: dependency.kind, resolved: true, inversion: inversion, onCycle: onCycle))
        }
        let closure = hardClosure(from: position)
        let composed = compose(node: node, closure: closure, figures: figures, unmodelledReason: unmodelledReason)
        return Assessment(
            hard: node.dependencies.filter { $0.kind == .hard }.map(\.id), soft: node.dependencies.filter { $0.kind == .soft }.map(\.id),
            closure: closure.map { nodes[$0].id }, unresolved: unresolved,
            tierInversions: tierUnknown == nil || !inversions.isEmpty ? inversions : nil,
            tierUnknownReason: inversions.isEmpty ? tierUnknown : nil,
            cycle: cycle(through: position), closureUnknownReason: unresolvedReason(node: node, closure: closure), compositeAvailability: composed.availability, effectiveRecoveryHours: composed.recovery,
            recoveryBottleneck: composed.bottleneck, edges: edges)
    }

    /// A tier's position: tier0 = 0 (most critical) … tier3 = 3.
    static func rank(_ tier: ApplicationTier) -> Int { ApplicationTier.allCases.firstIndex(of: tier) ?? 0 }

    // MARK: - Closure and composition

    /// Active applications reached through hard edges, breadth first in declared order, without the start.
    func hardClosure(from start: Int) -> [Int] {
        var seen: Set<Int> = [start]
        var order: [Int] = []
        var queue = [start]
        var head = 0
        while head < queue.count {
            let current = queue[head]
            head += 1
            for next in hardSuccessors[current] where seen.insert(next).inserted {
                order.append(next)
                queue.append(next)
            }
        }
        return order
    }

    /// Serial composition (§B.6): availability = Π over the application and its closure; the
    /// effective RTO = the largest recovery time among them (recoveries run in parallel, the
    /// application is back when its slowest hard dependency is). Unknown when any member's figure,
    /// or a hard dependency itself, is unknown — with the first reason in closure order.
    func compose(node: Node, closure: [Int], figures: [String: ApplicationFigures], unmodelledReason: String) -> (
        availability: ComposableFigure, recovery: ComposableFigure, bottleneck: String?
    ) {
        let members = [node.id] + closure.map { nodes[$0].id }
        if let reason = unresolvedReason(node: node, closure: closure) { return (.unknown(reason: reason), .unknown(reason: reason), nil) }
        var availability = ComposableFigure.known(1)
        var recovery = ComposableFigure.known(0)
        var bottleneck: String?
        for member in members {
            guard let figure = figures[member] else {
                let reason = "'\(member)' \(unmodelledReason)"
                if case .known = availability { availability = .unknown(reason: reason) }
                if case .known = recovery { recovery = .unknown(reason: reason) }
                continue
            }
            switch (availability, figure.availability) {
            case (.known(let product), .known(let value)): availability = .known(product * value)
            case (.known, .unknown(let reason)): availability = .unknown(reason: member == node.id ? reason : "'\(member)': \(reason)")
            default: break
            }
            switch (recovery, figure.recoveryHours) {
            case (.known(let slowest), .known(let value)):
                if bottleneck == nil || value > slowest {
                    recovery = .known(value)
                    bottleneck = member
                }
            case (.known, .unknown(let reason)):
                recovery = .unknown(reason: member == node.id ? reason : "'\(member)': \(reason)")
            default: break
            }
        }
        if case .unknown = recovery { bottleneck = nil }
        return (availability, recovery, bottleneck)
    }

    /// Why the closure is incomplete: the first hard dependency, anywhere in it, that is not an
    /// active application of the register.
    func unresolvedReason(node: Node, closure: [Int]) -> String? {
        for id in [index[node.id]!] + closure {
            for dependency in nodes[id].dependencies where dependency.kind == .hard {
                guard let target = index[dependency.id], nodes[target].active else {
                    let why = index[dependency.id] == nil ? "is not in the register" : "is retired"
                    return "'\(nodes[id].id)' hard-depends on '\(dependency.id)', which \(why)"
                }
            }
        }
        return nil
    }

    // MARK: - Cycles

    /// The shortest hard-dependency cycle from `start` back to it (`[a, b, a]`), nil when none.
    func cycle(through start: Int) -> [String]? {
        guard cyclicComponents.contains(component[start]) else { return nil }
        if hardSuccessors[start].contains(start) { return [nodes[start].id, nodes[start].id] }
        var parent: [Int: Int] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let current = queue[head]
            head += 1
            for next in hardSuccessors[current] where component[next] == component[start] {
                if next == start {
                    // current ← parent ← … ← start, read backwards.
                    var backwards: [Int] = []
                    var step = current
                    while step != start {
                        backwards.append(step)
                        step = parent[step]!
                    }
                    return [nodes[start].id] + backwards.reversed().map { nodes[$0].id } + [nodes[start].id]
                }
                if parent[next] == nil {
                    parent[next] = current
                    queue.append(next)
                }
            }
        }
        return nil
    }

    /// Tarjan's algorithm without recursion (a register of thousands of applications in a chain
    /// must not exhaust the stack); component numbers follow discovery order, so they are stable.
    static func stronglyConnectedComponents(_ successors: [[Int]]) -> [Int] {
        let count = successors.count
        var indexOf = [Int](repeating: -1, count: count)
        var lowLink = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var component = [Int](repeating: -1, count: count)
        var stack: [Int] = []
        var nextIndex = 0
        var nextComponent = 0
        for root in 0..<count where indexOf[root] < 0 {
            var work: [(node: Int, edge: Int)] = [(root, 0)]
            indexOf[root] = nextIndex
            lowLink[root] = nextIndex
            nextIndex += 1
            stack.append(root)
            onStack[root] = true
            while let top = work.last {
                let node = top.node
                let edge = top.edge
                if edge < successors[node].count {
                    work[work.count - 1].edge += 1
                    let next = successors[node][edge]
                    if indexOf[next] < 0 {
                        indexOf[next] = nextIndex
                        lowLink[next] = nextIndex
                        nextIndex += 1
                        stack.append(next)
                        onStack[next] = true
                        work.append((next, 0))
                    } else if onStack[next] {
                        lowLink[node] = min(lowLink[node], indexOf[next])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node { lowLink[parent] = min(lowLink[parent], lowLink[node]) }
                if lowLink[node] == indexOf[node] {
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component[member] = nextComponent
                        if member == node { break }
                    }
                    nextComponent += 1
                }
            }
        }
        return component
    }
}
