import PolicyEngine
import Testing
import TestSupport
import Yams

@testable import Resilience

/// The operational-document policies' public-sample cases (policies/operations/operations.test.yaml,
/// "public sample: GOV.UK email-alert-api runbook …"): a runbook page of the GOV.UK developer docs
/// (alphagov/govuk-developer-docs, MIT; Fixtures/public-samples, see SOURCES.md there) mapped to an
/// operational-documents register record and enriched as the pipeline does, so the cases cannot
/// drift from the file.
///
/// Transform (recorded in SOURCES.md and policies/PUBLIC-SAMPLES.md): the page's front matter is
/// the record — its path without `.html.md` is the `id`, `owner_slack` the `owner`, `title` the
/// `title`, `last_reviewed_on` the `last_review_date`; the kind is `ops.runbook` (an Icinga-alert
/// page says what to do when the alert fires); the application is the first word of the title,
/// the application the alert is about. The page has no exercise date, so the record has no
/// `last_test_date`. The application's register entry (active, tier 1) is ours.
@Suite("GOV.UK runbook (public sample)")
struct PublicSampleOperationsTests {
    static let page = Fixtures.path("Tests/ResilienceTests/Fixtures/public-samples/govuk-email-alert-api-app-healthcheck-not-ok.html.md")
    static let pagePath = "source/manual/alerts/email-alert-api-app-healthcheck-not-ok"

    /// The page's front matter, dates kept as text (as a register holds them).
    static func frontMatter() throws -> [String: Any] {
        let text = try String(contentsOfFile: page, encoding: .utf8)
        let parts = text.components(separatedBy: "---\n")
        try #require(parts.count >= 3 && parts[0].isEmpty, "the page no longer opens with front matter")
        return try #require(try Yams.load(yaml: parts[1], Resolver.default.removing(.timestamp)) as? [String: Any])
    }

    static func record() throws -> Resource {
        let front = try frontMatter()
        let title = try #require(front["title"] as? String)
        let application = String(title.split(separator: " ").first ?? "")
        var fields = Fields([("id", .string(pagePath)), ("type", "ops.runbook"), ("application", .string(application)), ("title", .string(title))])
        if let owner = front["owner_slack"] as? String { fields["owner"] = .string(owner) }
        if let reviewed = front["last_reviewed_on"] as? String { fields["last_review_date"] = .string(reviewed) }
        return Resource(id: pagePath, type: "ops.runbook", document: .object(fields), source: SourceReference(file: page, line: 1))
    }

    @Test("the runbook record: owner, review date, no exercise date; the register's tier copied onto it")
    func runbookRecord() throws {
        let front = try Self.frontMatter()
        #expect(front["review_in"] as? String == "6 months")
        let application = Resource(id: "email-alert-api", type: "application",
                                   document: .object(Fields([("name", "email-alert-api"), ("status", "active"), ("tier", "tier1")])),
                                   source: SourceReference(file: "applications.yaml", line: 3))
        let (records, warnings) = try OperationalDocuments.enrich([try Self.record()], applications: [application])
        #expect(warnings.isEmpty)
        let runbook = try #require(records.first).document
        #expect(runbook["id"] == "source/manual/alerts/email-alert-api-app-healthcheck-not-ok")
        #expect(runbook["application"] == "email-alert-api")
        #expect(runbook["owner"] == "#govuk-2ndline")
        #expect(runbook["title"] == "email-alert-api app healthcheck not ok")
        #expect(runbook["last_review_date"] == "2018-08-31")
        #expect(runbook["last_test_date"] == nil)
        #expect(runbook["application_tier"] == "tier1")
        #expect(runbook["application_status"] == "active")
    }
}
