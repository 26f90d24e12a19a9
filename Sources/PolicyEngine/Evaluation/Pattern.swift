public import Foundation
import Synchronization

/// A compiled string pattern: a regular expression (`matches`) or a shell glob (`glob`, waiver
/// resource patterns, policy type patterns). Compiled once per policy, matched many times.
///
/// Sendable: NSRegularExpression is immutable after creation and documented as thread-safe for
/// matching (it is not declared Sendable on Linux); `Glob` is a Sendable value.
public enum Pattern: @unchecked Sendable {
    /// A regular expression (ICU syntax), matched anywhere in the string.
    case regex(NSRegularExpression, source: String)
    /// A glob, matched against the whole string.
    case glob(Glob)

    /// Compiles a regular expression; the error text explains what is wrong with it.
    public static func regex(_ source: String) -> Result<Pattern, PatternError> {
        do {
            return .success(.regex(try NSRegularExpression(pattern: source), source: source))
        } catch {
            return .failure(PatternError(pattern: source, reason: "invalid regular expression"))
        }
    }

    /// Whether the pattern matches `text`, or why that could not be decided: a regular expression that
    /// spends more than its share of `budget` (see docs/limits.md) is `.exhausted`, never a match or a
    /// non-match, so a pathological pattern cannot turn into a pass under `not:`.
    public func match(_ text: String, budget: RegexBudget) -> PatternMatch {
        switch self {
        case .regex(let expression, _):
            return budget.match(expression, in: text)
        case .glob(let glob):
            return glob.matches(text) ? .matched : .notMatched
        }
    }
}

/// The result of matching a pattern: decided, or undecided because the regular-expression budget ran out.
public enum PatternMatch: Sendable, Equatable {
    /// The pattern matches.
    case matched
    /// The pattern does not match.
    case notMatched
    /// The match was abandoned; the reason says which budget ran out.
    case exhausted(String)
}

/// The work a run may spend on regular expressions (`matches`), in ICU's matcher steps, counted in
/// ticks of 10,000 steps (ICU's progress callback, deterministic for a given pattern and text).
/// One match may spend `perMatch` ticks; the whole run `perRun`. Shared by every thread of a run.
public final class RegexBudget: Sendable {
    /// Ticks one match may spend (one tick is ICU's 10,000 matcher steps, roughly 2 ms).
    public let perMatch: Int
    /// Ticks the whole run may spend on regular expressions.
    public let perRun: Int
    private let spent = Atomic<Int>(0)

    /// The defaults documented in docs/limits.md.
    public static let defaultPerMatch = 100
    /// The defaults documented in docs/limits.md.
    public static let defaultPerRun = 5_000

    /// Creates a budget.
    public init(perMatch: Int = RegexBudget.defaultPerMatch, perRun: Int = RegexBudget.defaultPerRun) {
        self.perMatch = perMatch
        self.perRun = perRun
    }

    /// Ticks spent so far by the run.
    public var ticksSpent: Int { spent.load(ordering: .relaxed) }

    func match(_ expression: NSRegularExpression, in text: String) -> PatternMatch {
        guard spent.load(ordering: .relaxed) < perRun else {
            return .exhausted("the run's regular-expression budget (\(perRun) ticks) is spent")
        }
        var found = false
        var ticks = 0
        var failed = false
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        expression.enumerateMatches(in: text, options: [.reportProgress, .reportCompletion], range: range) { result, flags, stop in
            if result != nil {
                found = true
                stop.pointee = true
                return
            }
            if flags.contains(.internalError) { failed = true }
            guard flags.contains(.progress) else { return }
            ticks += 1
            if ticks > self.perMatch || self.spent.add(1, ordering: .relaxed).newValue > self.perRun { stop.pointee = true }
        }
        if found { return .matched }
        if ticks > perMatch {
            return .exhausted("the regular expression exceeded its budget of \(perMatch) ticks on a \(text.utf16.count)-character value")
        }
        if spent.load(ordering: .relaxed) > perRun {
            return .exhausted("the run's regular-expression budget (\(perRun) ticks) is spent")
        }
        if failed { return .exhausted("the regular-expression matcher failed (backtracking stack exhausted)") }
        return .notMatched
    }
}

/// Why a pattern could not be compiled.
public struct PatternError: Error, Sendable, Equatable {
    /// The pattern text.
    public var pattern: String
    /// What is wrong.
    public var reason: String
}

/// A shell glob over Unicode scalars: `*` any run, `?` one character, `[abc]`/`[a-z]`/`[!x]` a
/// class. Everything else is literal. Matching is iterative (no exponential backtracking).
public struct Glob: Sendable, Hashable {
    private enum Token: Sendable, Hashable {
        case literal(Unicode.Scalar)
        case any
        case star
        case set([ClosedRange<Unicode.Scalar>], negated: Bool)
    }

    private let tokens: [Token]
    /// The glob text.
    public let source: String
    /// True when the glob has no wildcard, so matching is plain equality.
    public let isLiteral: Bool

    /// Compiles a glob.
    public init(_ source: String) {
        self.source = source
        var parsed: [Token] = []
        let scalars = Array(source.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "*":
                if parsed.last != .star { parsed.append(.star) }
            case "?":
                parsed.append(.any)
            case "[":
                var cursor = index + 1
                var negated = false
                if cursor < scalars.count && (scalars[cursor] == "!" || scalars[cursor] == "^") {
                    negated = true
                    cursor += 1
                }
                var ranges: [ClosedRange<Unicode.Scalar>] = []
                var closed = false
                var first = true
                while cursor < scalars.count {
                    let member = scalars[cursor]
                    if member == "]" && !first {
                        closed = true
                        break
                    }
                    first = false
                    if cursor + 2 < scalars.count && scalars[cursor + 1] == "-" && scalars[cursor + 2] != "]" {
                        let upper = scalars[cursor + 2]
                        ranges.append(member <= upper ? member...upper : upper...member)
                        cursor += 3
                    } else {
                        ranges.append(member...member)
                        cursor += 1
                    }
                }
                if closed {
                    parsed.append(.set(ranges, negated: negated))
                    index = cursor
                } else {
                    parsed.append(.literal("["))
                }
            default:
                parsed.append(.literal(scalar))
            }
            index += 1
        }
        tokens = parsed
        isLiteral = parsed.allSatisfy { if case .literal = $0 { return true } else { return false } }
    }

    /// True when the whole of `text` matches.
    public func matches(_ text: String) -> Bool {
        if isLiteral { return text == source }
        let scalars = Array(text.unicodeScalars)
        var textIndex = 0
        var tokenIndex = 0
        var starToken = -1
        var starText = 0
        while textIndex < scalars.count {
            if tokenIndex < tokens.count {
                switch tokens[tokenIndex] {
                case .star:
                    starToken = tokenIndex
                    starText = textIndex
                    tokenIndex += 1
                    continue
                case .any:
                    textIndex += 1
                    tokenIndex += 1
                    continue
                case .literal(let scalar) where scalar == scalars[textIndex]:
                    textIndex += 1
                    tokenIndex += 1
                    continue
                case .set(let ranges, let negated) where ranges.contains(where: { $0.contains(scalars[textIndex]) }) != negated:
                    textIndex += 1
                    tokenIndex += 1
                    continue
                default:
                    break
                }
            }
            guard starToken >= 0 else { return false }
            tokenIndex = starToken + 1
            starText += 1
            textIndex = starText
        }
        while tokenIndex < tokens.count && tokens[tokenIndex] == .star { tokenIndex += 1 }
        return tokenIndex == tokens.count
    }
}
