import Testing

@testable import Resilience

/// DOWNTIME-MODEL §C.1: the deterministic building blocks.
@Suite struct WorkedExampleOneTests {
    /// The `checkout` inputs of §C.1.1.
    static func checkoutTerms() -> LossTerms {
        let rates = HourlyRates(
            revenuePerHour: 12_000, revenueHoursPerWeek: 168, revenueDependency: 0.9, revenueRecapture: 0.1, marginFactor: 1,
            dependentEmployees: 200, loadedHourlyCost: 47.20, productivityImpact: 0.5, workHoursPerWeek: 40, responders: 6,
            responderHourlyCost: 120)
        return LossTerms(
            rates: rates, fixedCostPerIncident: 5_000, dataValuePerHour: 20_000, reputationThresholdHours: 4,
            reputationLossPerEvent: 250_000, slaMonthlyRevenue: 400_000)
    }

    // MARK: - C.1.1 Single incident

    @Test func hourlyRates() {
        let rates = Self.checkoutTerms().rates
        #expect(relativeError(rates.revenue, 9_720) <= 1e-12)
        #expect(relativeError(rates.productivity, 1_123.809524) <= 1e-9)
        #expect(relativeError(rates.response, 720) <= 1e-12)
        #expect(relativeError(rates.total, 11_563.809524) <= 1e-9)
        #expect(relativeError(rates.total / 60, 192.7302) <= 1e-6)
    }

    @Test func incidentOfTwoAndAHalfHours() {
        let terms = Self.checkoutTerms()
        let h = terms.rates.total
        #expect(relativeError(2.5 * h, 28_909.523810) <= 1e-9)
        let event = terms.eventLoss(durationHours: 2.5, lostWriteHours: 0.25, hourly: h)
        #expect(relativeError(event, 28_909.523810 + 5_000 + 5_000) <= 1e-9)
        #expect(terms.creditShare(monthDowntimeHours: 2.5) == 0.10)
        #expect(relativeError(event + terms.monthlyCredit(monthDowntimeHours: 2.5), 78_909.523810) <= 1e-9)
    }

    @Test func incidentOfSixHoursIncursReputationLoss() {
        let terms = Self.checkoutTerms()
        let event = terms.eventLoss(durationHours: 6, lostWriteHours: 0.25, hourly: terms.rates.total)
        #expect(relativeError(event + terms.monthlyCredit(monthDowntimeHours: 6), 369_382.857143) <= 1e-9)
        // Exactly τ is not "longer than τ".
        #expect(terms.eventLoss(durationHours: 4, lostWriteHours: 0, hourly: 0) == 5_000)
    }

    @Test func creditTiersAreStrictAndCapped() {
        let terms = Self.checkoutTerms()
        #expect(terms.monthlyCredit(monthDowntimeHours: 40) == 400_000)
        #expect(terms.creditShare(monthDowntimeHours: 0) == 0)
        // 0.07 h leaves A above 99.99 %; 0.08 h falls just below it.
        #expect(terms.creditShare(monthDowntimeHours: 0.07) == 0)
        #expect(terms.creditShare(monthDowntimeHours: 0.08) == 0.10)
        #expect(terms.creditShare(monthDowntimeHours: 7.2) == 0.10)
        #expect(terms.creditShare(monthDowntimeHours: 7.4) == 0.30)
        #expect(terms.creditShare(monthDowntimeHours: 5_000) == 1.00)
    }

    // MARK: - C.1.2 Availability

    @Test(arguments: [
        (0.99, 5_256.0, 438.0, 432.0), (0.995, 2_628.0, 219.0, 216.0), (0.999, 525.6, 43.8, 43.2), (0.9995, 262.8, 21.9, 21.6),
        (0.9999, 52.56, 4.38, 4.32), (0.99999, 5.256, 0.438, 0.432),
    ])
    func nines(availability: Double, minutesPerYear: Double, per730: Double, per30Days: Double) {
        #expect(relativeError(Availability.downtimeMinutesPerYear(availability), minutesPerYear) <= 1e-9)
        #expect(relativeError(Availability.downtimeMinutesPerYear(availability) / 60, minutesPerYear / 60) <= 1e-9)
        #expect(relativeError(Availability.downtimeMinutesPer730HourMonth(availability), per730) <= 1e-9)
        #expect(relativeError(Availability.downtimeMinutesPer30DayMonth(availability), per30Days) <= 1e-9)
    }

    @Test func compositeAvailability() {
        let webAndDatabase = Availability.serial([0.9995, 0.9999])
        #expect(relativeError(webAndDatabase, 0.99940005) <= 1e-12)
        let databaseOrQueue = Availability.parallel([0.9999, 0.999])
        #expect(relativeError(databaseOrQueue, 0.9999999) <= 1e-12)
        #expect(relativeError(Availability.serial([0.9995, databaseOrQueue]), 0.99949990005) <= 1e-12)
        #expect(relativeError(Availability.multiRegion(webAndDatabase, regions: 2, router: 1), 0.99999964006) <= 1e-11)
        let routed = Availability.multiRegion(webAndDatabase, regions: 2, router: 0.9999)
        #expect(relativeError(routed, 0.9998996401) <= 1e-10)
        #expect(abs(Availability.downtimeMinutesPerYear(routed) - 52.75) < 0.005)
        #expect(abs(Availability.downtimeMinutesPerYear(webAndDatabase) - 315.33) < 0.005)
    }

    @Test func mtbfAndActivePassive() {
        #expect(relativeError(Availability.fromMTBF(2_000, mttrHours: 4), 0.998003992) <= 1e-9)
        #expect(relativeError(Availability.failuresPerYear(mtbfHours: 2_000, mttrHours: 4), 4.371257) <= 1e-6)
        let failures = Availability.failuresPerYear(mtbfHours: 2_000, mttrHours: 4)
        #expect(relativeError(failures * 4, 17.48503) <= 1e-6)
        let downtime = Availability.activePassiveDowntimeHours(rate: 2, failoverHours: 0.25, successProbability: 0.9, mttrHours: 6)
        #expect(relativeError(downtime, 1.65) <= 1e-12)
        #expect(relativeError(Availability.implied(byDowntimeHoursPerYear: downtime), 0.9998116438) <= 1e-10)
    }

    // MARK: - C.1.3 Freshness

    static let ages: [Double] = [0, 30, 90, 180, 365, 400]

    @Test(arguments: [
        (StrategyKind.backupRestore, [0.900000, 0.838593, 0.742612, 0.647152, 0.552651, 0.543347, 0.500000]),
        (StrategyKind.pilotLight, [0.950000, 0.880917, 0.772939, 0.665546, 0.559232, 0.548766, 0.500000]),
        (StrategyKind.warmStandby, [0.970000, 0.897846, 0.785069, 0.672903, 0.561865, 0.550933, 0.500000]),
        (StrategyKind.activeActive, [0.990000, 0.976183, 0.954588, 0.933109, 0.911846, 0.909753, 0.900000]),
    ])
    func successProbabilityByTestAge(kind: StrategyKind, expected: [Double]) {
        let parameters = StrategyParameters.defaults(for: kind)
        for (age, probability) in zip(Self.ages, expected) {
            let phi = Freshness.freshness(.passedTest(ageDays: Int(age), partial: false), tauDays: 180)
            #expect(abs(Freshness.successProbability(freshness: phi, parameters: parameters) - probability) <= 5e-7)
        }
        let never = Freshness.freshness(.untested, tauDays: 180)
        #expect(abs(Freshness.successProbability(freshness: never, parameters: parameters) - expected[6]) <= 5e-7)
    }

    @Test func freshnessAndRTOMultiplierByAge() {
        let phis = [1, 0.846482, 0.606531, 0.367879, 0.131628, 0.108368]
        let multipliers = [1, 1.076759, 1.196735, 1.316060, 1.434186, 1.445816]
        let parameters = StrategyParameters.defaults(for: .warmStandby)
        for (index, age) in Self.ages.enumerated() {
            let phi = Freshness.pointInTime(ageDays: age, tauDays: 180)
            #expect(abs(phi - phis[index]) <= 5e-7)
            #expect(abs(Freshness.rtoMultiplier(freshness: phi, parameters: parameters) - multipliers[index]) <= 5e-7)
        }
        #expect(Freshness.rtoMultiplier(freshness: 0, parameters: parameters) == 1.5)
    }

    @Test(arguments: [(30.0, 0.921110, 1.039445), (90.0, 0.786939, 1.106531), (180.0, 0.632121, 1.183940), (365.0, 0.428238, 1.285881)])
    func cycleAverageFreshness(cadence: Double, phi: Double, multiplier: Double) {
        let value = Freshness.cycleAverage(cadenceDays: cadence, tauDays: 180)
        #expect(abs(value - phi) <= 5e-7)
        #expect(abs(Freshness.rtoMultiplier(freshness: value, parameters: .defaults(for: .pilotLight)) - multiplier) <= 5e-7)
    }

    @Test func successProbabilityAtNinetyDayCadence() {
        let phi = Freshness.freshness(.cadence(days: 90), tauDays: 180)
        let expected: [(StrategyKind, Double)] = [(.backupRestore, 0.814775), (.pilotLight, 0.854122), (.warmStandby, 0.869861), (.activeActive, 0.970824)]
        for (kind, probability) in expected {
            #expect(abs(Freshness.successProbability(freshness: phi, parameters: .defaults(for: kind)) - probability) <= 5e-7)
        }
    }

    @Test func failedPartialAndTabletopEvidence() {
        #expect(Freshness.freshness(.failedTest(ageDays: 1), tauDays: 180) == 0)
        let full = Freshness.freshness(.passedTest(ageDays: 90, partial: false), tauDays: 180)
        #expect(Freshness.freshness(.passedTest(ageDays: 90, partial: true), tauDays: 180) == 0.5 * full)
        #expect(Freshness.freshness(.continuous, tauDays: 180) == 1)
    }
}
