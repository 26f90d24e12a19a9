/// The §B.9 verdict on moving from the current strategy to a candidate.
public enum UpgradeVerdict: String, Codable, Sendable {
    /// NPV > 0 and ΔB > 2·ΔB_se.
    case justified
    /// NPV < 0 and ΔB + 2·ΔB_se < ΔC + I·CRF.
    case notJustified = "not_justified"
    /// Neither is clear at this simulation size.
    case inconclusive
}

/// What keeping the current DR strategy is worth against dropping it: the comparison with `none`
/// read from the other side. Positive figures favour keeping DR.
public struct CurrentDRValue: Sendable, Hashable {
    /// EAL_none − EAL_current: the annual loss the current DR removes.
    public var lossReduction: Double
    /// C_current − C_none: what the current DR costs per year (run + tests).
    public var annualCost: Double
    /// Net annual benefit of keeping DR: loss reduction − annual cost.
    public var netAnnualBenefit: Double
    /// ROI of keeping DR: net annual benefit / annual cost (annual cost > 0).
    public var returnOnInvestment: Double?
    /// NPV of keeping DR over the horizon: net annual benefit × annuity factor + the one-time cost of
    /// dropping DR (`dr.candidates.none.one_time_cost`), which keeping avoids.
    public var netPresentValue: Double
    /// Revenue per hour above which the current DR pays for itself (`anyRevenue`: at any revenue;
    /// `neverByRevenue`: its loss reduction does not grow with revenue).
    public var breakEvenRevenue: BreakEvenRevenue
}

/// A candidate compared with the current strategy, trial by trial (common random numbers).
/// Signs are from the candidate's side: ΔB > 0 when the candidate loses less, ΔC > 0 when it costs
/// more, NB and NPV > 0 when moving to it pays.
public struct UpgradeComparison: Sendable, Hashable {
    /// ΔB = EAL_c − EAL_u.
    public var lossReduction: Double
    /// SD(L_c,t − L_u,t)/√n.
    public var lossReductionStandardError: Double
    /// ΔC = C_u − C_c.
    public var addedAnnualCost: Double
    /// NB = ΔB − ΔC.
    public var netAnnualBenefit: Double
    /// ROSI = NB/ΔC (ΔC > 0).
    public var returnOnInvestment: Double?
    /// I_u/NB.
    public var payback: Payback
    /// −I_u + NB·annuity factor.
    public var netPresentValue: Double
    /// I_u·CRF.
    public var annualisedOneTimeCost: Double
    /// Revenue per hour above which the candidate pays for itself (for a candidate whose loss grows
    /// faster with revenue than the current strategy's, such as `none`, the candidate pays only
    /// *below* R*; `currentDRValue` then gives the same R* read the other way round).
    public var breakEvenRevenue: BreakEvenRevenue
    /// The verdict.
    public var verdict: UpgradeVerdict
    /// For the comparison of a current DR strategy with `none`: what keeping it is worth.
    public var currentDRValue: CurrentDRValue?

    /// Compares candidate losses `candidate` with `current` (same trials, same order).
    init(
        current: [Double], currentMean: Double, currentOption: StrategyOption, currentSlope: Double, candidate: [Double], candidateMean: Double,
        candidateOption: StrategyOption, candidateSlope: Double, revenuePerHour: Double, settings: ModelSettings
    ) {
        let reduction = currentMean - candidateMean
        var differences = [Double](repeating: 0, count: current.count)
        for index in current.indices { differences[index] = current[index] - candidate[index] }
        let differenceMean = differences.reduce(0, +) / Double(max(differences.count, 1))
        let standardError = LossDistribution.sampleStandardDeviation(differences, mean: differenceMean) / Double(max(differences.count, 1)).squareRoot()
        let added = candidateOption.annualCost - currentOption.annualCost
        let net = reduction - added
        let crf = Finance.capitalRecoveryFactor(rate: settings.discountRate, years: settings.horizonYears)
        let annuity = Finance.annuityFactor(rate: settings.discountRate, years: settings.horizonYears)
        let oneTime = candidateOption.oneTimeCost
        let npv = Finance.netPresentValue(oneTimeCost: oneTime, netAnnualBenefit: net, rate: settings.discountRate, years: settings.horizonYears)
        lossReduction = reduction
        lossReductionStandardError = standardError
        addedAnnualCost = added
        netAnnualBenefit = net
        returnOnInvestment = Finance.returnOnInvestment(netAnnualBenefit: net, addedAnnualCost: added)
        payback = Finance.payback(oneTimeCost: oneTime, netAnnualBenefit: net)
        netPresentValue = npv
        annualisedOneTimeCost = oneTime * crf
        breakEvenRevenue = Finance.breakEvenRevenue(
            revenuePerHour: revenuePerHour, currentLoss: currentMean, currentSlope: currentSlope, candidateLoss: candidateMean,
            candidateSlope: candidateSlope, addedAnnualCost: added, annualisedOneTimeCost: oneTime * crf)
        verdict = Self.verdict(
            npv: npv, reduction: reduction, standardError: standardError, annualisedCostChange: added + oneTime * crf)
        if candidateOption.kind == .noDR && currentOption.kind != .noDR {
            // Keeping DR is the "upgrade" from none: the same algebra with the roles swapped, and
            // dropping DR's one-time cost is one that keeping avoids.
            let keepNet = -net
            currentDRValue = CurrentDRValue(
                lossReduction: -reduction, annualCost: -added, netAnnualBenefit: keepNet,
                returnOnInvestment: Finance.returnOnInvestment(netAnnualBenefit: keepNet, addedAnnualCost: -added),
                netPresentValue: keepNet * annuity + oneTime,
                breakEvenRevenue: Finance.breakEvenRevenue(
                    revenuePerHour: revenuePerHour, currentLoss: candidateMean, currentSlope: candidateSlope, candidateLoss: currentMean,
                    candidateSlope: currentSlope, addedAnnualCost: -added, annualisedOneTimeCost: -oneTime * crf))
        }
    }

    /// §B.9 rule 4 for a candidate that costs more (ΔC + I·CRF ≥ 0): `justified` if NPV > 0 and
    /// ΔB > 2·se; `not_justified` if NPV < 0 and ΔB + 2·se < ΔC + I·CRF. For a candidate that saves
    /// money (ΔC + I·CRF < 0, such as dropping DR) ΔB is usually negative, so `justified` asks that
    /// the savings cover even the pessimistic extra loss: NPV > 0 and ΔB − 2·se > ΔC + I·CRF.
    static func verdict(npv: Double, reduction: Double, standardError: Double, annualisedCostChange: Double) -> UpgradeVerdict {
        let benefitIsClear =
            annualisedCostChange >= 0 ? reduction > 2 * standardError : reduction - 2 * standardError > annualisedCostChange
        if npv > 0 && benefitIsClear { return .justified }
        if npv < 0 && reduction + 2 * standardError < annualisedCostChange { return .notJustified }
        return .inconclusive
    }
}
