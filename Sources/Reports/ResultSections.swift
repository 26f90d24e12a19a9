public import PolicyEngine

/// The sections of a result, decoded strictly up front: `assay report` checks each results file
/// with `check`, so a malformed section is an error naming the file and the member instead of a
/// report that silently leaves it out. The renderers read the `frameworks`, `merge` and `run`
/// sections through it (the cost, downtime and history sections through `CostReview`,
/// `DowntimeImpact` and `RunTrend`, the baseline through `BaselineSection`).
public struct ResultSections {
    /// The framework catalogs (`frameworks`), when the result has them.
    let frameworks: FrameworksSection?
    /// Where a merged result came from (`merge`).
    let merge: MergeSection?
    /// Facts about the run (`run`).
    let run: RunSection?

    /// Decodes the `frameworks`, `merge` and `run` sections of `result`; the first malformed member is the error.
    init(_ result: RunResult) throws(ReportError) {
        do throws(SectionError) {
            frameworks = try Self.section(.frameworks, of: result, FrameworksSection.init(decoding:))
            merge = try Self.section(.merge, of: result, MergeSection.init(decoding:))
            run = try Self.section(.run, of: result, RunSection.init(decoding:))
        } catch {
            throw .malformedSection(error)
        }
    }

    private static func section<Section>(_ key: SectionKey, of result: RunResult,
                                         _ decode: (Value) throws(SectionError) -> Section) throws(SectionError) -> Section? {
        guard let value = result.sections[section: key], value != .null else { return nil }
        return try decode(value)
    }

    /// Decodes every section with a schema; the first malformed member is the error.
    public static func check(_ result: RunResult) throws(ReportError) {
        if let cost = result.sections[section: .cost], cost != .null {
            do throws(SectionError) {
                _ = try CostReview.decode(cost)
            } catch {
                throw .malformedSection(error)
            }
        }
        if let baseline = result.sections[section: .baseline], baseline != .null {
            do throws(SectionError) {
                _ = try BaselineSection(decoding: baseline)
            } catch {
                throw .malformedSection(error)
            }
        }
        _ = try DowntimeImpact(result)
        _ = try RunTrend(result)
        _ = try ResultSections(result)
    }
}
