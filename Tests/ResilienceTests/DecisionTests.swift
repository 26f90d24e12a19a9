import PolicyEngine
import Testing

@testable import Resilience

/// §B.9: finance formulas, break-even revenue and the decision rules.
@Suite struct DecisionTests {
    // MARK: - Finance (independently computed with r = 0.08, H = 3)

    @Test func capitalRecoveryAnnuityAndNPV() {
        #expect(relativeError(Finance.capitalRecoveryFactor(rate: 0.08, years: 3), 0.388033514046328) <= 1e-12)
        #expect(relativeError(Finance.annuityFactor(rate: 0.08, years: 3), 2.5770969872478804) <= 1e-12)
        let npv = Finance.netPresentValue(oneTimeCost: 100_000, netAnnualBenefit: 45_000, rate: 0.08, years: 3)
        #expect(relativeError(npv, 15_969.364426154614) <= 1e-9)
        #expect(Finance.capitalRecoveryFactor(rate: 0, years: 4) == 0.25)
        #expect(Finance.netPresentValue(oneTimeCost: 10, netAnnualBenefit: 5, rate: 0, years: 3) == 5)
        #expect(Finance.payback(oneTimeCost: 90_000, netAnnualBenefit: 45_000) == .years(2))
        #expect(Finance.payback(oneTimeCost: 90_000, netAnnualBenefit: 0) == .never)
        #expect(Finance.returnOnInvestment(netAnnualBenefit: 10, addedAnnualCost: 40) == 0.25)
        #expect(Finance.returnOnInvestment(netAnnualBenefit: 10, addedAnnualCost: 0) == nil)
    }

    @Test func breakEvenRevenueMakesTheUpgradeCostNeutral() {
        // EAL_c = 5R + 50,000 and EAL_u = R + 30,000 (at R = 10,000: 100,000 and 40,000);
        // ΔC = 30,000 and I·CRF = 6,000, so R* = (36,000 − 20,000)/4 = 4,000.
        let breakEven = Finance.breakEvenRevenue(
            revenuePerHour: 10_000, currentLoss: 100_000, currentSlope: 5, candidateLoss: 40_000, candidateSlope: 1, addedAnnualCost: 30_000,
            annualisedOneTimeCost: 6_000)
        #expect(breakEven == .revenuePerHour(4_000))
        let cheap = Finance.breakEvenRevenue(
            revenuePerHour: 10_000, currentLoss: 100_000, currentSlope: 5, candidateLoss: 40_000, candidateSlope: 1, addedAnnualCost: 0,
            annualisedOneTimeCost: 0)
        #expect(cheap == .anyRevenue)
        let flat = Finance.breakEvenRevenue(
            revenuePerHour: 10_000, currentLoss: 100_000, currentSlope: 1, candidateLoss: 40_000, candidateSlope: 1, addedAnnualCost: 0,
            annualisedOneTimeCost: 0)
        #expect(flat == .neverByRevenue)
        // A cheaper candidate whose loss grows faster with revenue (EAL_c = R + 30,000, EAL_u = 5R + 50,000,
        // ΔC = −40,000): R* = (−40,000 − (−20,000))/(1 − 5) = 5,000, and it pays only below R*.
        let downgrade = Finance.breakEvenRevenue(
            revenuePerHour: 10_000, currentLoss: 40_000, currentSlope: 1, candidateLoss: 100_000, candidateSlope: 5, addedAnnualCost: -40_000,
            annualisedOneTimeCost: 0)
        #expect(downgrade == .onlyBelowRevenuePerHour(5_000))
        let neverCheapEnough = Finance.breakEvenRevenue(
            revenuePerHour: 10_000, currentLoss: 40_000, currentSlope: 1, candidateLoss: 100_000, candidateSlope: 5, addedAnnualCost: -10_000,
            annualisedOneTimeCost: 0)
        #expect(neverCheapEnough == .neverByRevenue)
    }

    @Test func verdictsOfUpgradesAndOfMovesThatSaveMoney() {
        // Upgrade (costs 30,000 more a year): §B.9 rule 4.
        #expect(UpgradeComparison.verdict(npv: 1, reduction: 50_000, standardError: 1_000, annualisedCostChange: 30_000) == .justified)
        #expect(UpgradeComparison.verdict(npv: 1, reduction: 1_500, standardError: 1_000, annualisedCostChange: 0) == .inconclusive)
        #expect(UpgradeComparison.verdict(npv: -1, reduction: 10_000, standardError: 1_000, annualisedCostChange: 30_000) == .notJustified)
        // Saving 100,000 a year for 20,000 ± 1,000 more loss: justified; for 99,500 ± 1,000 more loss: not clear.
        #expect(UpgradeComparison.verdict(npv: 1, reduction: -20_000, standardError: 1_000, annualisedCostChange: -100_000) == .justified)
        #expect(UpgradeComparison.verdict(npv: 1, reduction: -99_500, standardError: 1_000, annualisedCostChange: -100_000) == .inconclusive)
        #expect(UpgradeComparison.verdict(npv: -1, reduction: -150_000, standardError: 1_000, annualisedCostChange: -100_000) == .notJustified)
    }

    // MARK: - Decision rules on a simulated application

    static func assessment(riskAppetite: Double? = nil) throws -> ApplicationAssessment {
        var input = WorkedExampleTwoTests.ordersAPI()
        input.productionAnnualSpend = FixedDecimal(200_000)
        input.recovery.candidates = [.activeActive: CandidateSettings(oneTimeCost: 150_000)]
        var settings = ModelSettings(riskAppetiteP95: riskAppetite)
        settings.trials = 20_000
        let model = try ApplicationModel(resolving: input, settings: settings)
        return DowntimeModel.assess(model, settings: settings)
    }

    @Test func recommendationIsTheCheapestCompliantStrategy() throws {
        let assessment = try Self.assessment()
        let index = try #require(assessment.recommendedIndex)
        let chosen = assessment.strategies[index]
        #expect(chosen.compliance.isCompliant)
        for strategy in assessment.strategies where strategy.compliance.isCompliant {
            #expect(chosen.annualisedTotalCostOfRisk <= strategy.annualisedTotalCostOfRisk)
        }
        // none never meets an RTO target; backup & restore (6 h) misses the tier1 target of 1 h.
        #expect(assessment.strategies.filter { $0.option.kind == .noDR || $0.option.kind == .backupRestore }.allSatisfy { !$0.compliance.isCompliant })
        let crf = Finance.capitalRecoveryFactor(rate: 0.08, years: 3)
        for strategy in assessment.strategies {
            let expected = strategy.expectedAnnualLoss + strategy.option.annualCost + strategy.option.oneTimeCost * crf
            #expect(relativeError(strategy.annualisedTotalCostOfRisk, expected) <= 1e-12)
        }
    }

    @Test func riskAppetiteRemovesStrategiesAboveIt() throws {
        let none = try Self.assessment(riskAppetite: 1)
        #expect(none.recommendedIndex == nil)
        #expect(none.warnings.contains { $0.code == "no_compliant_strategy" })
        let open = try Self.assessment()
        let p95s = open.strategies.filter(\.compliance.isCompliant).map(\.distribution.p95).sorted()
        let appetite = try #require(p95s.first)
        let tight = try Self.assessment(riskAppetite: appetite)
        let chosen = try #require(tight.recommended)
        #expect(chosen.distribution.p95 <= appetite)
    }

    @Test func verdictsFollowTheRules() throws {
        let assessment = try Self.assessment()
        let crf = Finance.capitalRecoveryFactor(rate: 0.08, years: 3)
        #expect(assessment.current.comparison == nil)
        for strategy in assessment.strategies.dropFirst() {
            let comparison = try #require(strategy.comparison)
            #expect(relativeError(comparison.lossReduction, assessment.current.expectedAnnualLoss - strategy.expectedAnnualLoss) <= 1e-12)
            #expect(comparison.addedAnnualCost == strategy.option.annualCost - assessment.current.option.annualCost)
            #expect(comparison.netAnnualBenefit == comparison.lossReduction - comparison.addedAnnualCost)
            // §B.9 rule 4 for a move that costs more; for one that saves money the savings must cover the pessimistic extra loss.
            let costChange = comparison.addedAnnualCost + strategy.option.oneTimeCost * crf
            let clear =
                costChange >= 0
                ? comparison.lossReduction > 2 * comparison.lossReductionStandardError
                : comparison.lossReduction - 2 * comparison.lossReductionStandardError > costChange
            let justified = comparison.netPresentValue > 0 && clear
            let rejected = comparison.netPresentValue < 0
                && comparison.lossReduction + 2 * comparison.lossReductionStandardError < comparison.addedAnnualCost + strategy.option.oneTimeCost * crf
            #expect(comparison.verdict == (justified ? .justified : rejected ? .notJustified : .inconclusive))
        }
        let active = try #require(assessment.strategies.first { $0.option.kind == .activeActive })
        #expect(active.comparison?.payback != nil)
        #expect(active.option.oneTimeCost == 150_000)
    }

    @Test func gordonLoebFlagComparesSpendWithLossWithoutDR() throws {
        let assessment = try Self.assessment()
        let crf = Finance.capitalRecoveryFactor(rate: 0.08, years: 3)
        let noneLoss = try #require(assessment.strategies.first { $0.option.kind == .noDR }).expectedAnnualLoss
        for strategy in assessment.strategies where strategy.option.kind != .noDR {
            #expect(strategy.exceedsGordonLoebBound == (strategy.option.annualCost + strategy.option.oneTimeCost * crf > noneLoss / 2.718281828459045))
        }
    }

    @Test func crossCheckAgreesForEveryStrategy() throws {
        for strategy in try Self.assessment().strategies {
            #expect(strategy.crossCheckScore < 5, "\(strategy.option.label): \(strategy.crossCheckScore)")
        }
    }

    @Test func longPeriodicRecoveryPointMakesWaitingBetter() throws {
        // Backup & restore loses up to 24 h of writes; with valuable data, declaring DR later wins.
        var input = WorkedExampleTwoTests.ordersAPI()
        input.dataValuePerHour = 1_000_000
        input.recovery = RecoveryPosture(strategy: .backupRestore, evidence: TestEvidence(ageDays: 10, result: .pass, type: .fullFailover))
        let model = try ApplicationModel(resolving: input, settings: ModelSettings())
        let delay = try #require(ClosedForm.suggestedDeclarationDelay(model: model, option: model.current))
        #expect(delay.delayHours > 0)
        let immediate = ClosedForm(model: model, option: model.current).expectedAnnualLossExcludingSLA
        #expect(delay.expectedLoss < immediate)
    }
}
