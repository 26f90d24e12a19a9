/// The §B.9 verdict on moving from the current strategy to a candidate.
public enum UpgradeVerdict: String, Codable, Sendable {
    /// NPV > 0 and ΔB > 2·ΔB_se.
    case justified
    /// NPV < 0 and ΔB + 2·ΔB_se < ΔC + I·CRF.
    case notJustified = "not_justified"
    /// Neither is clear at this simulation size.
    case inconclusive
}

/// A candidate compared with the current strategy, trial by trial (common random numbers).
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
    /// Revenue per hour at which the upgrade breaks even.
    public var breakEvenRevenue: BreakEvenRevenue
    /// The verdict.
    public var verdict: UpgradeVerdict

    /// Compares candidate losses `candidate` with `current` (same trials, same order).
    init(
        current: [Double], currentMean: Double, currentCost: Double, currentSlope: Double, candidate: [Double], candidateMean: Double,
        candidateOption: StrategyOption, candidateSlope: Double, revenuePerHour: Double, settings: ModelSettings
    ) {
        let reduction = currentMean - candidateMean
        var differences = [Double](repeating: 0, count: current.count)
        for index in current.indices { differences[index] = current[index] - candidate[index] }
        let differenceMean = differences.reduce(0, +) / Double(max(differences.count, 1))
        let standardError = LossDistribution.sampleStandardDeviation(differences, mean: differenceMean) / Double(max(differences.count, 1)).squareRoot()
        let added = candidateOption.annualCost - currentCost
        let net = reduction - added
        let crf = Finance.capitalRecoveryFactor(rate: settings.discountRate, years: settings.horizonYears)
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
        if npv > 0 && reduction > 2 * standardError {
            verdict = .justified
        } else if npv < 0 && reduction + 2 * standardError < added + oneTime * crf {
            verdict = .notJustified
        } else {
            verdict = .inconclusive
        }
    }
}
