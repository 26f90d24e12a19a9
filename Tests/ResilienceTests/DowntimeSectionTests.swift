import PolicyEngine
import Testing

@testable import Resilience

/// The `downtime` JSON section and the `downtime.*` fields on application records.
@Suite struct DowntimeSectionTests {
    static let asOf = CivilDate(year: 2026, month: 11, day: 20)!

    static func run() throws -> (settings: ModelSettings, assessments: [ApplicationAssessment]) {
        var settings = ModelSettings()
        settings.trials = 5_000
        var priced = WorkedExampleTwoTests.ordersAPI()
        priced.recovery.annualCostFromBilling = FixedDecimal(18_000)
        let defaulted = ApplicationInput(id: "wiki")
        return (settings, try DowntimeModel.run([priced, defaulted], settings: settings))
    }

    @Test func sectionIsDeterministic() throws {
        let first = try Self.run()
        let second = try Self.run()
        let one = JSONWriter.pretty(DowntimeModelSection(first.assessments, settings: first.settings, asOf: Self.asOf).value)
        let two = JSONWriter.pretty(DowntimeModelSection(second.assessments, settings: second.settings, asOf: Self.asOf).value)
        #expect(one == two)
    }

    /// The section is one type: decoding what it encodes gives it back, and writing that again
    /// gives the same bytes — with figures that are not finite too (`none` has an ∞ RTO, written null).
    @Test func sectionRoundTripsThroughJSON() throws {
        let (settings, assessments) = try Self.run()
        var section = DowntimeModelSection(assessments, settings: settings, asOf: Self.asOf)
        section.applications[0].drRegion = "eu-west-2"
        section.applications[0].costBasis = "billing, 3 months annualised"
        let text = JSONWriter.pretty(section.value)
        #expect(try DowntimeModelSection(decoding: section.value) == section)
        let decoded = try DowntimeModelSection(decoding: JSONParser.parse(text))
        #expect(decoded == section)
        #expect(JSONWriter.pretty(decoded.value) == text)
        let none = try #require(section.applications[0].strategies.first { $0.key == "none" })
        #expect(none.parameters?.rtoHours == nil && none.comparison != nil)
        #expect(section.applications[1].dependencies == nil && !text.contains("\"dr_region\": null"))
    }

    @Test func sectionCarriesResultsCostSourceAndPlaceholders() throws {
        let (settings, assessments) = try Self.run()
        var typed = DowntimeModelSection(assessments, settings: settings, asOf: Self.asOf)
        typed.applications[0].drRegion = "eu-west-2"
        let section = typed.value
        #expect(section["schema_version"] == 1)
        #expect(section["as_of"] == "2026-11-20")
        let applications = try #require(section["applications"]?.arrayValue)
        #expect(applications.count == 2)
        let orders = applications[0]
        #expect(orders["id"] == "orders-api")
        #expect(orders["dr_region"] == "eu-west-2")
        #expect(orders["cost_source"] == "billing")
        #expect(orders["current_strategy"] == "warm_standby")
        #expect(orders["trials"] == 5_000)
        #expect(orders["seed"] == "42")
        let expectedCents = FixedDecimal(exactly: (assessments[0].current.expectedAnnualLoss * 100).rounded() / 100)
        #expect(orders["expected_annual_loss"] == expectedCents.map(Value.decimal))
        let strategies = try #require(orders["strategies"]?.arrayValue)
        #expect(strategies.count == 6)
        #expect(strategies.compactMap { $0["key"]?.stringValue } == ["current", "none", "backup_restore", "pilot_light", "warm_standby", "active_active"])
        #expect(strategies[0]["comparison"] == Value.null)
        #expect(strategies[1]["comparison"]?["verdict"] != nil)
        #expect(strategies[2]["cost_source"] == "missing")
        #expect(strategies[4]["cost_source"] == "billing")
        let wiki = applications[1]
        #expect(wiki["placeholders_used"] == true)
        let placeholders = try #require(wiki["placeholders"]?.arrayValue).compactMap { $0["field"]?.stringValue }
        #expect(placeholders.contains("scenarios") && placeholders.contains("tier") && placeholders.contains("dr.strategy"))
        #expect(try #require(wiki["strategies"]?.arrayValue).count == 5)
        #expect(section["strategy_assumptions"]?["warm_standby"]?["p_max"] == 0.97)
    }

    @Test func sectionCarriesCurrencyAnalyticTermsAndTheValueOfKeepingDR() throws {
        var (settings, _) = try Self.run()
        settings.setCurrency("EUR")
        var input = WorkedExampleTwoTests.ordersAPI()
        input.recovery.annualCostFromBilling = FixedDecimal(18_000)
        input.slaMonthlyRevenue = 50_000
        let assessments = try DowntimeModel.run([input], settings: settings)
        let section = DowntimeModelSection(assessments, settings: settings, asOf: Self.asOf).value
        // One place for the currency: the section's own `currency`; settings only say whether it was assumed.
        #expect(section["currency"] == "EUR" && section["settings"]?["currency_assumed"] == false)
        #expect(section["settings"]?["currency"] == nil)
        var assumed = settings
        assumed.currency = ModelSettings.defaultCurrency
        assumed.currencyAssumed = true
        #expect(DowntimeModelSection(assessments, settings: assumed, asOf: Self.asOf).value["currency"] == .null)
        #expect(section["settings"]?["analytic_sla_grid_steps"] == 1_024)
        let strategies = try #require(section["applications"]?.arrayValue?.first?["strategies"]?.arrayValue)
        let current = assessments[0].current
        let analytic = try #require(strategies[0]["analytic"])
        let bracket = try #require(analytic["expected_sla_bracket"]?.arrayValue).compactMap { $0.doubleValue }
        #expect(bracket.count == 2 && bracket[0] <= bracket[1] && bracket[0] > 0)
        #expect(abs(bracket[0] - current.analyticSLA.lower) < 0.006 && abs(bracket[1] - current.analyticSLA.upper) < 0.006)
        #expect(analytic["expected_sla_exact"] == true)
        let total = try #require(analytic["expected_annual_loss"]?.doubleValue)
        #expect(abs(total - (current.closedForm.expectedAnnualLossExcludingSLA + current.analyticSLA.estimate)) < 0.006)
        #expect(strategies[0]["cross_check_basis"] == "analytic_sla")
        #expect(strategies[0]["implied_availability"]?.doubleValue == current.impliedAvailability)
        // `none` carries what keeping the warm standby is worth, and its own break-even reads "below".
        let none = try #require(strategies[1]["comparison"])
        #expect(none["break_even_reading"] == "below")
        let keep = try #require(none["current_dr_value"])
        #expect(keep["break_even_reading"] == "above")
        #expect(keep["annual_cost"]?.doubleValue == 18_000)
        #expect(strategies[2]["comparison"]?["current_dr_value"] == Value.null)
        let annotation = DowntimeAnnotation.fields(assessments[0])
        #expect(annotation["currency"] == "EUR")
        #expect(annotation["current_dr_net_annual_benefit"]?.doubleValue != nil)
    }

    @Test func annotationWritesPolicyFields() throws {
        let (_, assessments) = try Self.run()
        let records = [
            Resource(id: "orders-api", type: "application", document: ["name": "orders-api"], source: SourceReference(file: "apps.json")),
            Resource(id: "other", type: "application", document: ["name": "other"], source: SourceReference(file: "apps.json")),
        ]
        let annotated = DowntimeAnnotation.annotate(records, with: assessments)
        let downtime = try #require(annotated[0].document["downtime"])
        #expect(downtime["expected_annual_loss"]?.doubleValue.map { abs($0 - assessments[0].current.expectedAnnualLoss) < 0.006 } == true)
        #expect(downtime["p95"]?.doubleValue.map { abs($0 - assessments[0].current.distribution.p95) < 0.006 } == true)
        #expect(downtime["cost_source"] == "billing")
        #expect(downtime["placeholders_used"] == .bool(!assessments[0].model.placeholders.isEmpty))
        #expect(downtime["recommended_strategy"]?.stringValue == assessments[0].recommended?.option.kind.rawValue)
        #expect(annotated[1].document["downtime"] == nil || annotated[1].document["downtime"] == .null)
    }
}
