import PolicyEngine
import Testing

@testable import Resilience

/// The comparison of the current DR with `none` read from both sides (break-even revenue, net
/// benefit, ROI and NPV of keeping DR), the verdict on dropping DR, and the risk appetite.
@Suite struct KeepOrDropTests {
    static func settings(trials: Int = 20_000) -> ModelSettings {
        var settings = ModelSettings()
        settings.trials = trials
        return settings
    }

    /// §C.2's orders-api with its warm standby quoted at `runCost` a year and dropping DR costing 10,000 once.
    static func assessment(revenue: Double = 20_000, runCost: Double = 30_000) throws -> ApplicationAssessment {
        var input = WorkedExampleTwoTests.ordersAPI()
        input.revenuePerHour = revenue
        input.recovery.candidates = [
            .warmStandby: CandidateSettings(annualRunCost: FixedDecimal(exactly: runCost)), .noDR: CandidateSettings(oneTimeCost: 10_000),
        ]
        let model = try ApplicationModel(resolving: input, settings: settings())
        return DowntimeModel.assess(model, settings: settings())
    }

    static func none(_ assessment: ApplicationAssessment) throws -> StrategyAssessment {
        try #require(assessment.strategies.first { $0.option.kind == .noDR })
    }

    @Test func keepingDRAgainstNoneHasSignedFiguresAndABreakEven() throws {
        let assessment = try Self.assessment()
        let none = try Self.none(assessment)
        let comparison = try #require(none.comparison)
        let value = try #require(comparison.currentDRValue)
        let current = assessment.current
        #expect(current.option.runCost == 30_000 && current.option.runCostSource == .register)
        // Keeping DR: loss removed = EAL_none − EAL_current > 0; cost = C_current − C_none.
        #expect(relativeError(value.lossReduction, none.expectedAnnualLoss - current.expectedAnnualLoss) <= 1e-12)
        #expect(value.lossReduction > 0)
        #expect(value.annualCost == current.option.annualCost)
        #expect(relativeError(value.netAnnualBenefit, value.lossReduction - value.annualCost) <= 1e-12)
        #expect(value.netAnnualBenefit == -comparison.netAnnualBenefit)
        #expect(relativeError(try #require(value.returnOnInvestment), value.netAnnualBenefit / value.annualCost) <= 1e-12)
        // NPV of keeping = NB·annuity factor + the avoided one-time cost of dropping = −NPV of dropping.
        let annuity = Finance.annuityFactor(rate: 0.08, years: 3)
        #expect(relativeError(value.netPresentValue, value.netAnnualBenefit * annuity + 10_000) <= 1e-9)
        #expect(relativeError(value.netPresentValue, -comparison.netPresentValue) <= 1e-9)

        // R* from the slopes, computed here: keeping pays above it.
        let crf = Finance.capitalRecoveryFactor(rate: 0.08, years: 3)
        let a = (none: none.closedForm.revenueSlope, current: current.closedForm.revenueSlope)
        let b = (none: none.expectedAnnualLoss - a.none * 20_000, current: current.expectedAnnualLoss - a.current * 20_000)
        let expected = (current.option.annualCost - 10_000 * crf - (b.none - b.current)) / (a.none - a.current)
        guard case .revenuePerHour(let breakEven) = value.breakEvenRevenue else {
            Issue.record("expected a break-even revenue, got \(value.breakEvenRevenue)")
            return
        }
        #expect(relativeError(breakEven, expected) <= 1e-9)
        #expect(breakEven > 0 && breakEven < 20_000)
        // Read from the side of dropping DR: the same R*, below which dropping pays.
        #expect(comparison.breakEvenRevenue == .onlyBelowRevenuePerHour(breakEven))
    }

    @Test func theBreakEvenSeparatesKeepingFromDropping() throws {
        let breakEven: Double
        switch try #require(try Self.none(Self.assessment()).comparison?.currentDRValue?.breakEvenRevenue) {
        case .revenuePerHour(let revenue): breakEven = revenue
        default:
            Issue.record("expected a break-even revenue")
            return
        }
        func advantageOfKeeping(_ revenue: Double) throws -> Double {
            let assessment = try Self.assessment(revenue: revenue)
            let none = try Self.none(assessment)
            return none.annualisedTotalCostOfRisk - assessment.current.annualisedTotalCostOfRisk
        }
        #expect(try advantageOfKeeping(breakEven * 1.5) > 0)
        #expect(try advantageOfKeeping(breakEven * 0.5) < 0)
        // At R* the two cost the same, up to the difference between simulated and analytic slopes.
        let atBreakEven = try advantageOfKeeping(breakEven)
        #expect(abs(atBreakEven) < 0.02 * (try Self.assessment(revenue: breakEven).current.option.annualCost))
    }

    @Test func droppingExpensiveDRIsJustifiedAndCheapDRIsKept() throws {
        // DR costing far more than the loss it removes: dropping it is justified.
        let costly = try Self.none(Self.assessment(runCost: 500_000))
        #expect(costly.comparison?.verdict == .justified)
        #expect((costly.comparison?.currentDRValue?.netAnnualBenefit ?? 0) < 0)
        // Cheap DR at a high revenue: dropping it is not justified, keeping it has a positive NPV.
        let cheap = try Self.none(Self.assessment(revenue: 200_000, runCost: 5_000))
        #expect(cheap.comparison?.verdict == .notJustified)
        #expect((cheap.comparison?.currentDRValue?.netPresentValue ?? 0) > 0)
        #expect(cheap.comparison?.currentDRValue?.breakEvenRevenue == .anyRevenue || {
            if case .revenuePerHour(let r)? = cheap.comparison?.currentDRValue?.breakEvenRevenue { return r < 200_000 }
            return false
        }())
    }

    @Test func noValueOfCurrentDRWhenTheCurrentStrategyIsNone() throws {
        var input = WorkedExampleTwoTests.ordersAPI()
        input.recovery = RecoveryPosture(strategy: .noDR)
        input.productionAnnualSpend = FixedDecimal(100_000)
        let assessment = DowntimeModel.assess(try ApplicationModel(resolving: input, settings: Self.settings()), settings: Self.settings())
        #expect(assessment.strategies.allSatisfy { $0.comparison?.currentDRValue == nil })
        // Upgrades from none pay above their break-even (or at any revenue).
        for strategy in assessment.strategies.dropFirst() {
            if case .onlyBelowRevenuePerHour = strategy.comparison?.breakEvenRevenue { Issue.record("\(strategy.option.label) read as a downgrade") }
        }
    }

    // MARK: - Risk appetite

    @Test func riskAppetiteDropsTheOptionAboveIt() throws {
        var input = WorkedExampleTwoTests.ordersAPI()
        input.productionAnnualSpend = FixedDecimal(20_000)
        let model = try ApplicationModel(resolving: input, settings: Self.settings())
        let open = DowntimeModel.assess(model, settings: Self.settings())
        let chosen = try #require(open.recommendedIndex)
        let p95 = open.strategies[chosen].distribution.p95
        // A compliant option with a known cost and a lower P95 must exist for the appetite to move the choice.
        let alternatives = open.strategies.indices.filter {
            $0 != chosen && open.strategies[$0].compliance.isCompliant && open.strategies[$0].distribution.p95 < p95
        }
        try #require(!alternatives.isEmpty, "no compliant option with a lower P95")
        var tight = Self.settings()
        tight.riskAppetiteP95 = p95 - 1
        let constrained = DowntimeModel.assess(model, settings: tight)
        #expect(!constrained.strategies[chosen].withinRiskAppetite)
        let now = try #require(constrained.recommendedIndex)
        #expect(now != chosen && alternatives.contains(now))
        #expect(constrained.strategies[now].distribution.p95 <= p95 - 1)
        #expect(constrained.recommendationReason.contains("P95 ≤ USD "))
        if chosen == 0 { #expect(constrained.warnings.contains { $0.code == "outside_risk_appetite" }) }
    }
}
