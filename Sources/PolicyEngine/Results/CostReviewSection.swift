/// The `cost` section of a run result: the cost review of the billing exports read (schema in
/// docs/billing.md, "The cost section"). `Billing` fills it — with either cost engine, the native
/// reader or an SQL engine (`cost.engine: duckdb`, `cost-groups` inputs), whose groups land in the
/// same aggregator — and `Reports` and `History` read it; this type is the one encoder and the one
/// (strict) decoder of it.
///
/// Schema: `{ "as_of", "months": ["2026-08", …], "required_tags": […], "inputs": [Input],
/// "totals": [ { "period", "currency", …CostFigures } ], "top_movers": [Mover] }`. Money is an exact
/// decimal (a string in JSON); shares are fractions (0…1), `change_pct` percent.
public struct CostReviewSection: Sendable, Equatable {
    /// The key in `RunResult.sections`.
    public static let key = SectionKey.cost

    /// One billing input read.
    public struct Input: Sendable, Equatable {
        /// Path as given.
        public var path: String
        /// Its format id (`aws-cur`, `focus`, `cost-groups`, …).
        public var format: String
        /// Data rows read.
        public var rows: Int
        /// Cost lines taken from them (an SQL engine: its groups' line counts).
        public var lines: Int
        /// Malformed rows skipped (`cost.skip_bad_rows`).
        public var badRowsSkipped: Int
        /// Where the first skipped rows are (`file:line:column`).
        public var firstBadRows: [String]
        /// The engine that computed the groups and the SHA-256 of its query; nil for the native
        /// reader (members absent).
        public var engine: String?
        /// SHA-256 of the engine's query (with `engine`).
        public var querySHA256: String?

        /// Creates an input entry.
        public init(path: String, format: String, rows: Int, lines: Int, badRowsSkipped: Int, firstBadRows: [String],
                    engine: String? = nil, querySHA256: String? = nil) {
            self.path = path
            self.format = format
            self.rows = rows
            self.lines = lines
            self.badRowsSkipped = badRowsSkipped
            self.firstBadRows = firstBadRows
            self.engine = engine
            self.querySHA256 = querySHA256
        }

        /// The entry's JSON value.
        public var value: Value {
            var fields = Fields()
            fields["path"] = .string(path)
            fields["format"] = .string(format)
            fields["rows"] = .number(Double(rows))
            fields["lines"] = .number(Double(lines))
            fields["bad_rows_skipped"] = .number(Double(badRowsSkipped))
            fields["first_bad_rows"] = .array(firstBadRows.map(Value.string))
            if let engine { fields["engine"] = .string(engine) }
            if let querySHA256 { fields["query_sha256"] = .string(querySHA256) }
            return .object(fields)
        }
    }

    /// One month's totals in one currency.
    public struct Total: Sendable, Equatable {
        /// `YYYY-MM`.
        public var period: String
        /// ISO 4217 code.
        public var currency: String
        /// The month's figures, as a cost-group document's `cost` object has them.
        public var figures: CostFigures

        /// Creates a total.
        public init(period: String, currency: String, figures: CostFigures) {
            self.period = period
            self.currency = currency
            self.figures = figures
        }

        /// The entry's JSON value: `period`, `currency` and the figures' members.
        public var value: Value {
            var fields = figures.fields
            fields["period"] = .string(period)
            fields["currency"] = .string(currency)
            return .object(fields)
        }
    }

    /// An account × service group whose amount moved against the previous month.
    public struct Mover: Sendable, Equatable {
        /// `YYYY-MM`.
        public var period: String
        /// ISO 4217 code.
        public var currency: String
        /// Billing account (nil, written `null`, when the lines have none).
        public var account: String?
        /// Service (nil, written `null`, when the lines have none).
        public var service: String?
        /// Amount this month.
        public var amount: FixedDecimal
        /// Amount the month before.
        public var previousAmount: FixedDecimal
        /// `amount - previousAmount`.
        public var change: FixedDecimal
        /// Change in percent of the previous amount; nil (`null`) when that is zero.
        public var changePercent: Double?

        /// Creates a mover.
        public init(period: String, currency: String, account: String?, service: String?, amount: FixedDecimal,
                    previousAmount: FixedDecimal, change: FixedDecimal, changePercent: Double?) {
            self.period = period
            self.currency = currency
            self.account = account
            self.service = service
            self.amount = amount
            self.previousAmount = previousAmount
            self.change = change
            self.changePercent = changePercent
        }

        /// The entry's JSON value.
        public var value: Value {
            var fields = Fields()
            fields["period"] = .string(period)
            fields["currency"] = .string(currency)
            fields["account"] = account.map(Value.string) ?? .null
            fields["service"] = service.map(Value.string) ?? .null
            fields["amount"] = .decimal(amount)
            fields["previous_amount"] = .decimal(previousAmount)
            fields["change"] = .decimal(change)
            fields["change_pct"] = changePercent.map(Value.number) ?? .null
            return .object(fields)
        }
    }

    /// The run's as-of date (`YYYY-MM-DD`).
    public var asOf: String
    /// The complete months reviewed, oldest first.
    public var months: [String]
    /// Tags a charge must carry not to count as untagged.
    public var requiredTags: [String]
    /// The billing inputs, in reading order.
    public var inputs: [Input]
    /// Month totals per currency, by month then currency.
    public var totals: [Total]
    /// Per month and currency the largest movers, largest absolute change first.
    public var topMovers: [Mover]

    /// Creates the section.
    public init(asOf: String, months: [String], requiredTags: [String], inputs: [Input], totals: [Total], topMovers: [Mover]) {
        self.asOf = asOf
        self.months = months
        self.requiredTags = requiredTags
        self.inputs = inputs
        self.totals = totals
        self.topMovers = topMovers
    }

    // MARK: - Encoding

    /// The section's JSON value.
    public var value: Value {
        var section = Fields()
        section["as_of"] = .string(asOf)
        section["months"] = .array(months.map(Value.string))
        section["required_tags"] = .array(requiredTags.map(Value.string))
        section["inputs"] = .array(inputs.map(\.value))
        section["totals"] = .array(totals.map(\.value))
        section["top_movers"] = .array(topMovers.map(\.value))
        return .object(section)
    }

    // MARK: - Decoding

    /// Decodes the section strictly: a member of the wrong type, a missing required one or one the
    /// schema does not name is an error naming its path (`sections.cost.totals[2].amount`).
    public init(decoding value: Value) throws(SectionError) {
        let section = try SectionReader(value, path: "sections.\(Self.key.rawValue)")
        try section.requireKnownMembers(["as_of", "months", "required_tags", "inputs", "totals", "top_movers"])
        asOf = try section.requiredText("as_of")
        months = try section.texts("months")
        requiredTags = try section.texts("required_tags")
        inputs = try section.array("inputs").map { input throws(SectionError) -> Input in
            try input.requireKnownMembers(["path", "format", "rows", "lines", "bad_rows_skipped", "first_bad_rows", "engine", "query_sha256"])
            return Input(path: try input.requiredText("path"), format: try input.requiredText("format"),
                         rows: try input.requiredWholeNumber("rows"), lines: try input.requiredWholeNumber("lines"),
                         badRowsSkipped: try input.requiredWholeNumber("bad_rows_skipped"), firstBadRows: try input.texts("first_bad_rows"),
                         engine: try input.text("engine"), querySHA256: try input.text("query_sha256"))
        }
        totals = try section.array("totals").map { total throws(SectionError) -> Total in
            try total.requireKnownMembers(CostFigures.members.union(["period", "currency"]))
            return Total(period: try total.requiredText("period"), currency: try total.requiredText("currency"),
                         figures: try CostFigures(decoding: total))
        }
        topMovers = try section.array("top_movers").map { mover throws(SectionError) -> Mover in
            try mover.requireKnownMembers(["period", "currency", "account", "service", "amount", "previous_amount", "change", "change_pct"])
            let amount = try mover.requiredMoney("amount")
            let previous = try mover.requiredMoney("previous_amount")
            return Mover(period: try mover.requiredText("period"), currency: try mover.requiredText("currency"),
                         account: try mover.text("account"), service: try mover.text("service"), amount: amount,
                         previousAmount: previous, change: try mover.money("change") ?? amount - previous,
                         changePercent: try mover.number("change_pct"))
        }
    }
}

/// The figures of a cost group in one month and currency: the `cost` object of a `cost.group`
/// document, and the members of a cost review total (docs/billing.md, "Cost groups"). Amounts are
/// exact; a ratio whose denominator is zero is nil (`null`).
public struct CostFigures: Sendable, Equatable {
    /// Billed cost (the export's billed or unblended amount).
    public var amount: FixedDecimal
    /// Effective (amortized) cost.
    public var effective: FixedDecimal
    /// List (on-demand) cost.
    public var list: FixedDecimal
    /// Credits (negative).
    public var credits: FixedDecimal
    /// Refunds (negative).
    public var refunds: FixedDecimal
    /// `amount` after credits and refunds.
    public var net: FixedDecimal
    /// The group's amount the month before (zero without one).
    public var previousAmount: FixedDecimal
    /// Change against the previous month in percent; nil when that month's amount is zero.
    public var changePercent: Double?
    /// Share of the month's total in the currency (0…1); nil when the total is zero.
    public var shareOfTotal: Double?
    /// Usage spend without the required tags.
    public var untaggedAmount: FixedDecimal
    /// Usage spend (charges a tag can allocate): the denominator of `untaggedShare`; nil in
    /// results of builds before it was written (member absent).
    public var usageAmount: FixedDecimal?
    /// `untaggedAmount / usageAmount`; nil when there is no usage.
    public var untaggedShare: Double?
    /// Data-transfer-out spend.
    public var egressAmount: FixedDecimal
    /// `egressAmount / amount`; nil when the amount is zero.
    public var egressShare: Double?
    /// Cost lines summed; nil in results that do not state it (member absent).
    public var lines: Int?
    /// Commitment coverage and utilisation; nil in results of builds before they were written
    /// (member absent).
    public var commitments: Commitments?

    /// Creates the figures.
    public init(amount: FixedDecimal, effective: FixedDecimal, list: FixedDecimal, credits: FixedDecimal, refunds: FixedDecimal,
                net: FixedDecimal, previousAmount: FixedDecimal, changePercent: Double?, shareOfTotal: Double?,
                untaggedAmount: FixedDecimal, usageAmount: FixedDecimal?, untaggedShare: Double?, egressAmount: FixedDecimal,
                egressShare: Double?, lines: Int?, commitments: Commitments?) {
        self.amount = amount
        self.effective = effective
        self.list = list
        self.credits = credits
        self.refunds = refunds
        self.net = net
        self.previousAmount = previousAmount
        self.changePercent = changePercent
        self.shareOfTotal = shareOfTotal
        self.untaggedAmount = untaggedAmount
        self.usageAmount = usageAmount
        self.untaggedShare = untaggedShare
        self.egressAmount = egressAmount
        self.egressShare = egressShare
        self.lines = lines
        self.commitments = commitments
    }

    /// The member names.
    public static let members: Set<String> = [
        "amount", "effective", "list", "credits", "refunds", "net", "previous_amount", "change_pct", "share_of_total",
        "untagged_amount", "usage_amount", "untagged_share", "egress_amount", "egress_share", "lines", "commitments",
    ]

    /// The members, as the `cost` object of a group document has them.
    public var fields: Fields {
        var cost = Fields()
        cost["amount"] = .decimal(amount)
        cost["effective"] = .decimal(effective)
        cost["list"] = .decimal(list)
        cost["credits"] = .decimal(credits)
        cost["refunds"] = .decimal(refunds)
        cost["net"] = .decimal(net)
        cost["previous_amount"] = .decimal(previousAmount)
        cost["change_pct"] = changePercent.map(Value.number) ?? .null
        cost["share_of_total"] = shareOfTotal.map(Value.number) ?? .null
        cost["untagged_amount"] = .decimal(untaggedAmount)
        if let usageAmount { cost["usage_amount"] = .decimal(usageAmount) }
        cost["untagged_share"] = untaggedShare.map(Value.number) ?? .null
        cost["egress_amount"] = .decimal(egressAmount)
        cost["egress_share"] = egressShare.map(Value.number) ?? .null
        if let lines { cost["lines"] = .number(Double(lines)) }
        if let commitments { cost["commitments"] = .object(commitments.fields) }
        return cost
    }

    /// Decodes the figures from the members of `object` (other members are the caller's to check):
    /// the amounts are required; a ratio may be `null`; `usage_amount`, `lines` and `commitments`
    /// may be absent (results of builds before they were written).
    public init(decoding object: SectionReader) throws(SectionError) {
        self.init(
            amount: try object.requiredMoney("amount"), effective: try object.requiredMoney("effective"), list: try object.requiredMoney("list"),
            credits: try object.requiredMoney("credits"), refunds: try object.requiredMoney("refunds"), net: try object.requiredMoney("net"),
            previousAmount: try object.requiredMoney("previous_amount"), changePercent: try object.number("change_pct"),
            shareOfTotal: try object.number("share_of_total"), untaggedAmount: try object.requiredMoney("untagged_amount"),
            usageAmount: try object.money("usage_amount"), untaggedShare: try object.number("untagged_share"),
            egressAmount: try object.requiredMoney("egress_amount"), egressShare: try object.number("egress_share"),
            lines: try object.wholeNumber("lines"),
            commitments: try object.object("commitments").map { commitments throws(SectionError) in try Commitments(decoding: commitments) })
    }
}

/// A group's commitment coverage and utilisation (docs/billing.md, "Commitments"): coverage =
/// covered usage / all usage, both at on-demand-equivalent (list) cost; utilisation = used /
/// (used + unused) amortized commitment.
public enum Commitments: Sendable, Equatable {
    /// A line of the group came from an export (or an SQL engine's query) that cannot show
    /// commitments: status `unknown`, coverage and utilisation unknown, with the reason.
    case unknown(reason: String)
    /// Measured from the lines.
    case measured(MeasuredCommitments)

    /// The text an unknown value has in a results file (how `JSONWriter` writes `Value.unknown`).
    static let unknownText = "(known after apply)"

    /// The members.
    public var fields: Fields {
        var fields = Fields()
        switch self {
        case .unknown(let reason):
            fields["status"] = .string("unknown")
            fields["coverage"] = .unknown
            fields["utilisation"] = .unknown
            fields["unknown_reason"] = .string(reason)
        case .measured(let measured):
            fields["status"] = .string(measured.isActive ? "active" : "none")
            fields["covered_list"] = .decimal(measured.coveredList)
            fields["eligible_list"] = .decimal(measured.eligibleList)
            fields["coverage"] = measured.coverage.map(Value.number) ?? .null
            fields["used"] = .decimal(measured.used)
            fields["unused"] = .decimal(measured.unused)
            fields["total"] = .decimal(measured.total)
            switch measured.utilisation {
            case .ratio(let ratio): fields["utilisation"] = .number(ratio)
            case .notApplicable: fields["utilisation"] = .null
            case .unknown(let reason):
                fields["utilisation"] = .unknown
                fields["unknown_reason"] = .string(reason)
            }
        }
        return fields
    }

    /// Decodes the `commitments` object strictly.
    public init(decoding object: SectionReader) throws(SectionError) {
        let status = try object.requiredText("status")
        switch status {
        case "unknown":
            try object.requireKnownMembers(["status", "coverage", "utilisation", "unknown_reason"])
            try Self.requireUnknown(object, "coverage")
            try Self.requireUnknown(object, "utilisation")
            self = .unknown(reason: try object.requiredText("unknown_reason"))
        case "active", "none":
            try object.requireKnownMembers(["status", "covered_list", "eligible_list", "coverage", "used", "unused", "total", "utilisation",
                                            "unknown_reason"])
            let utilisation: MeasuredCommitments.Utilisation
            if Self.isUnknown(object.fields["utilisation"]) {
                utilisation = .unknown(reason: try object.requiredText("unknown_reason"))
            } else if let ratio = try object.number("utilisation") {
                utilisation = .ratio(ratio)
            } else {
                utilisation = .notApplicable
            }
            let used = try object.requiredMoney("used")
            let unused = try object.requiredMoney("unused")
            self = .measured(MeasuredCommitments(
                isActive: status == "active", coveredList: try object.requiredMoney("covered_list"),
                eligibleList: try object.requiredMoney("eligible_list"), coverage: try object.number("coverage"), used: used, unused: unused,
                total: try object.money("total") ?? used + unused, utilisation: utilisation))
        default:
            throw SectionError(path: object.path + ".status", expected: "\"active\", \"none\" or \"unknown\"",
                               found: SectionReader.shown(.string(status)))
        }
    }

    private static func isUnknown(_ value: Value?) -> Bool {
        value == .unknown || value == .string(unknownText)
    }

    private static func requireUnknown(_ object: SectionReader, _ key: String) throws(SectionError) {
        guard isUnknown(object.fields[key]) else {
            throw SectionError(path: object.path + "." + key, expected: "unknown (\"\(unknownText)\") with status unknown",
                               found: object.fields[key].map(SectionReader.shown) ?? "nothing (the member is absent)")
        }
    }
}

/// Commitment figures measured from a group's lines.
public struct MeasuredCommitments: Sendable, Equatable {
    /// Utilisation: a ratio, not applicable (no commitment in the month), or unknown with why.
    public enum Utilisation: Sendable, Equatable {
        /// `used / total`.
        case ratio(Double)
        /// No commitment fee in the month and no covered usage (`null`).
        case notApplicable
        /// Covered usage without a fee line in the inputs.
        case unknown(reason: String)
    }

    /// Status `active` (some commitment or covered usage) rather than `none`.
    public var isActive: Bool
    /// Usage covered by commitments, at list cost.
    public var coveredList: FixedDecimal
    /// Usage a commitment could cover, at list cost.
    public var eligibleList: FixedDecimal
    /// `coveredList / eligibleList`; nil without eligible usage.
    public var coverage: Double?
    /// Amortized commitment used.
    public var used: FixedDecimal
    /// Amortized commitment unused.
    public var unused: FixedDecimal
    /// `used + unused`.
    public var total: FixedDecimal
    /// `used / total`, or why there is none.
    public var utilisation: Utilisation

    /// Creates the figures.
    public init(isActive: Bool, coveredList: FixedDecimal, eligibleList: FixedDecimal, coverage: Double?, used: FixedDecimal,
                unused: FixedDecimal, total: FixedDecimal, utilisation: Utilisation) {
        self.isActive = isActive
        self.coveredList = coveredList
        self.eligibleList = eligibleList
        self.coverage = coverage
        self.used = used
        self.unused = unused
        self.total = total
        self.utilisation = utilisation
    }
}
