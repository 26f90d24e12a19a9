/// The Mustache templates of the HTML report. `{{name}}` is escaped by `HTMLTextEscaper` (the
/// `ASSAY_HTML` content type); the templates never use the unescaped forms `{{{…}}}` or `{{&…}}`,
/// so no input-derived text reaches the page unescaped (a test checks this). Styles, the
/// optional script and the SVG markup are literal template text; charts only receive numbers and
/// labels computed in `SVGChart`.
enum HTMLTemplate {
    /// Name → template text, registered in `ReportTemplates.library`.
    static let templates: [(String, String)] = [
        ("html-report", page), ("html-badge", badge), ("html-chart", chart), ("html-style", HTMLStyle.css), ("html-script", HTMLScript.javascript),
    ]

    /// A status badge: a symbol (hidden from screen readers) and a word.
    static let badge = """
        {{% CONTENT_TYPE: ASSAY_HTML}}<span class="badge {{css}}"><span aria-hidden="true">{{symbol}}</span> {{text}}</span>
        """

    /// An SVG chart (bars or a line) with its title and description for assistive technology.
    static let chart = """
        {{% CONTENT_TYPE: ASSAY_HTML}}
        <figure class="chart-figure">
        <figcaption>{{title}}</figcaption>
        <svg class="chart" viewBox="0 0 {{width}} {{height}}" width="{{width}}" height="{{height}}" role="img" aria-labelledby="{{id}}-title {{id}}-desc">
        <title id="{{id}}-title">{{title}}</title>
        <desc id="{{id}}-desc">{{summary}}</desc>
        {{#ticks}}
        <line class="grid" x1="{{plotLeft}}" x2="{{plotRight}}" y1="{{y}}" y2="{{y}}"/><text class="tick" x="66" y="{{y}}" text-anchor="end" dominant-baseline="middle">{{label}}</text>
        {{/ticks}}
        {{^isLine}}
        {{#marks}}
        <rect class="bar" x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}"><title>{{tooltip}}</title></rect>
        {{/marks}}
        {{/isLine}}
        {{#isLine}}
        <polyline class="line" points="{{linePoints}}"/>
        {{#marks}}
        <circle class="dot" cx="{{x}}" cy="{{y}}" r="4"><title>{{tooltip}}</title></circle>
        {{/marks}}
        {{/isLine}}
        {{#marks}}
        {{#showsLabel}}
        <text class="axis-label" x="{{centerX}}" y="{{labelY}}" text-anchor="middle">{{label}}</text>
        {{/showsLabel}}
        {{/marks}}
        <line class="axis" x1="{{plotLeft}}" x2="{{plotRight}}" y1="{{axisY}}" y2="{{axisY}}"/>
        </svg>
        </figure>
        """

    /// The page.
    static let page = """
        {{% CONTENT_TYPE: ASSAY_HTML}}
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="Assay {{toolVersion}}">
        <title>{{documentTitle}}</title>
        <style>
        {{> html-style}}
        </style>
        </head>
        <body>
        <a class="skip" href="#summary">Skip to the summary</a>
        <header class="masthead">
        <p class="eyebrow">Assay audit report</p>
        <h1>{{heading}}</h1>
        <p class="lead">As of <strong>{{asOf}}</strong> · Assay {{toolVersion}}</p>
        <nav aria-label="Contents">
        <ol class="toc">
        <li><a href="#evidence">Evidence</a></li>
        <li><a href="#summary">Executive summary</a></li>
        <li><a href="#frameworks">Frameworks</a></li>
        <li><a href="#findings">Findings</a></li>
        <li><a href="#cost">Cost review</a></li>
        <li><a href="#dr">DR readiness</a></li>
        <li><a href="#downtime">Downtime impact</a></li>
        <li><a href="#waivers">Waivers</a></li>
        {{#trends}}
        <li><a href="#trends">Trends</a></li>
        {{/trends}}
        </ol>
        </nav>
        </header>
        <main>
        <section id="evidence" aria-labelledby="evidence-h">
        <h2 id="evidence-h">Evidence</h2>
        <p>Everything needed to reproduce this run: the same inputs (by SHA-256), the same policy set and the same as-of date give byte-identical results.</p>
        <dl class="facts">
        <div><dt>As-of date</dt><dd>{{asOf}}</dd></div>
        <div><dt>Assay version</dt><dd>{{toolVersion}}</dd></div>
        <div><dt>Policy-set digest (SHA-256)</dt><dd><code>{{policySetDigest}}</code></dd></div>
        <div><dt>Fails on</dt><dd>severity {{failOn}} and above · unknown verdicts fail: {{failOnUnknown}}</dd></div>
        <div><dt>Passing resources</dt><dd>{{passingMode}}</dd></div>
        {{#runDuration}}
        <div><dt>Run duration</dt><dd>{{.}}</dd></div>
        {{/runDuration}}
        {{#labels}}
        <div><dt>Label <code>{{key}}</code></dt><dd>{{value}}</dd></div>
        {{/labels}}
        </dl>
        <table>
        <caption>Input files</caption>
        <thead><tr><th scope="col">File</th><th scope="col">Format</th><th scope="col" class="num">Documents</th><th scope="col">SHA-256</th></tr></thead>
        <tbody>
        {{#inputs}}
        <tr><th scope="row"><code>{{path}}</code></th><td>{{format}}</td><td class="num">{{documents}}</td><td><code class="digest">{{sha256}}</code></td></tr>
        {{/inputs}}
        {{^inputs}}
        <tr><td colspan="4">No input files were recorded.</td></tr>
        {{/inputs}}
        </tbody>
        </table>
        {{#merge}}
        <h3>Merged results</h3>
        <p>This report merges {{sourceCount}} results files; {{duplicateCount}} duplicate resources were counted once.</p>
        <table>
        <caption>Results merged into this report</caption>
        <thead><tr><th scope="col">Results file</th><th scope="col">As of</th><th scope="col" class="num">Findings</th><th scope="col">Policy-set digest</th></tr></thead>
        <tbody>
        {{#sources}}
        <tr><th scope="row"><code>{{name}}</code></th><td>{{sourceAsOf}}</td><td class="num">{{findingCount}}</td><td><code class="digest">{{sourceDigest}}</code></td></tr>
        {{/sources}}
        </tbody>
        </table>
        {{#mergeNotes}}
        <p class="note">{{.}}</p>
        {{/mergeNotes}}
        {{^empty(duplicates)}}
        <table>
        <caption>Duplicate resources (same policy and resource in several results)</caption>
        <thead><tr><th scope="col">Policy</th><th scope="col">Resource</th><th scope="col">Kept from</th><th scope="col">Dropped from</th></tr></thead>
        <tbody>
        {{#duplicates}}
        <tr><th scope="row"><code>{{policy}}</code></th><td><code>{{resource}}</code></td><td><code>{{keptFrom}}</code></td><td><code>{{droppedFrom}}</code></td></tr>
        {{/duplicates}}
        </tbody>
        </table>
        {{/empty(duplicates)}}
        {{/merge}}
        </section>

        {{#summary}}
        <section id="summary" aria-labelledby="summary-h">
        <h2 id="summary-h">Executive summary</h2>
        <div class="cards">
        <div class="card verdict">{{#verdict}}{{> html-badge}}{{/verdict}}<p>{{verdictDetail}}</p></div>
        <div class="card"><p class="figure">{{score}}</p><p>compliance score: {{scoreDetail}}</p></div>
        {{#costHeadlines}}
        <div class="card"><p class="figure">{{amount}}</p><p>billed in {{period}} ({{change}} on the month before)</p></div>
        {{/costHeadlines}}
        {{#drHeadline}}
        <div class="card"><p class="figure">{{notReadyCount}} of {{applicationCount}}</p><p>applications not DR-ready{{#lossCurrent}}; expected annual downtime loss {{.}}{{/lossCurrent}}{{#lossRecommended}} ({{.}} with the recommended strategies){{/lossRecommended}}</p></div>
        {{/drHeadline}}
        </div>
        <div class="side-by-side">
        <table class="compact">
        <caption>Verdicts</caption>
        <thead><tr>{{#counts}}<th scope="col" class="num">{{key}}</th>{{/counts}}</tr></thead>
        <tbody><tr>{{#counts}}<td class="num">{{value}}</td>{{/counts}}</tr></tbody>
        </table>
        <table class="compact">
        <caption>Failing findings by severity and enforcement</caption>
        <thead><tr><th scope="col">Severity</th>{{#enforcementNames}}<th scope="col" class="num">{{.}}</th>{{/enforcementNames}}<th scope="col" class="num">total</th></tr></thead>
        <tbody>
        {{#severityRows}}
        <tr><th scope="row">{{severityName}}</th>{{#cells}}<td class="num">{{.}}</td>{{/cells}}<td class="num">{{rowTotal}}</td></tr>
        {{/severityRows}}
        </tbody>
        <tfoot><tr><th scope="row">total</th>{{#severityTotals}}<td class="num">{{.}}</td>{{/severityTotals}}<td class="num">{{failingTotal}}</td></tr></tfoot>
        </table>
        </div>
        <h3>Top failing policies</h3>
        {{^empty(topPolicies)}}
        <table>
        <caption class="visually-hidden">Policies with the most failing resources</caption>
        <thead><tr><th scope="col">Policy</th><th scope="col">Title</th><th scope="col">Severity</th><th scope="col" class="num">Failing</th></tr></thead>
        <tbody>
        {{#topPolicies}}
        <tr><th scope="row"><a href="#{{anchor}}"><code>{{policyID}}</code></a></th><td>{{policyTitle}}</td><td>{{severityName}}</td><td class="num">{{failingCount}}</td></tr>
        {{/topPolicies}}
        </tbody>
        </table>
        {{#morePolicies}}
        <p class="note">{{.}}</p>
        {{/morePolicies}}
        {{/empty(topPolicies)}}
        {{^topPolicies}}
        <p>No policy has failing resources.</p>
        {{/topPolicies}}
        <h3>Waivers expiring within 30 days</h3>
        {{^empty(expiringWaivers)}}
        <ul class="plain">
        {{#expiringWaivers}}
        <li><strong>{{waiverExpires}}</strong> ({{daysLeft}} days): <code>{{waiverPolicy}}</code> on <code>{{waiverResources}}</code>, owner {{waiverOwner}} — waiver {{waiverID}}</li>
        {{/expiringWaivers}}
        </ul>
        {{/empty(expiringWaivers)}}
        {{^expiringWaivers}}
        <p>No waiver expires within 30 days.</p>
        {{/expiringWaivers}}
        </section>
        {{/summary}}

        {{#frameworks}}
        <section id="frameworks" aria-labelledby="frameworks-h" class="major">
        <h2 id="frameworks-h">Framework view</h2>
        <p>Per control: the policies mapped to it and their verdicts. <strong>pass</strong>: every assessed policy passes; <strong>fail</strong>: every assessed policy fails; <strong>partial</strong>: some pass, some fail; <strong>not assessed</strong>: no mapped policy had anything in scope in this run; <strong>not assessed by Assay</strong>: no policy maps to the control. Coverage is the share of all the catalog's controls that were assessed, so controls Assay does not check count against it.</p>
        {{#frameworkBlocks}}
        <h3 id="{{frameworkAnchor}}">{{frameworkName}}{{#hasCatalogTitle}} <small>(<code>{{frameworkKey}}</code>)</small>{{/hasCatalogTitle}}</h3>
        <p class="note">{{tally}}.{{#catalogScope}} Catalog: {{.}}{{/catalogScope}}</p>
        <table>
        <caption class="visually-hidden">Controls of {{frameworkName}}</caption>
        <thead><tr><th scope="col">Control</th>{{#hasCatalog}}<th scope="col">Title</th>{{/hasCatalog}}<th scope="col">Policies</th><th scope="col">Status</th><th scope="col" class="num">Failing resources</th></tr></thead>
        <tbody>
        {{#controlRows}}
        <tr><th scope="row"><code>{{controlID}}</code></th>{{#hasCatalog}}<td>{{controlTitle}}</td>{{/hasCatalog}}<td>{{#mappedPolicies}}<a href="#{{anchor}}"><code>{{policyID}}</code></a> {{/mappedPolicies}}{{^mappedPolicies}}—{{/mappedPolicies}}</td><td>{{#controlStatus}}{{> html-badge}}{{/controlStatus}}</td><td class="num">{{failingResources}}</td></tr>
        {{/controlRows}}
        </tbody>
        </table>
        {{^empty(unassessedControls)}}
        <details>
        <summary>{{unassessedCount}} not assessed by Assay</summary>
        <ul class="controls-na">
        {{#unassessedControls}}
        <li><code>{{controlID}}</code> {{controlTitle}}</li>
        {{/unassessedControls}}
        </ul>
        </details>
        {{/empty(unassessedControls)}}
        {{/frameworkBlocks}}
        {{^empty(matrixRows)}}
        <h3>Coverage matrix</h3>
        <div class="scroll">
        <table class="matrix">
        <caption class="visually-hidden">Policies by framework: the controls each policy evidences</caption>
        <thead><tr><th scope="col">Policy</th><th scope="col">Status</th>{{#matrixHeaders}}<th scope="col">{{.}}</th>{{/matrixHeaders}}</tr></thead>
        <tbody>
        {{#matrixRows}}
        <tr><th scope="row"><a href="#{{anchor}}"><code>{{policyID}}</code></a></th><td>{{#matrixStatus}}{{> html-badge}}{{/matrixStatus}}</td>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>
        {{/matrixRows}}
        </tbody>
        </table>
        </div>
        {{/empty(matrixRows)}}
        {{^frameworkBlocks}}
        <p>No policy in this run maps to a framework control.</p>
        {{/frameworkBlocks}}
        </section>
        {{/frameworks}}

        {{#findings}}
        <section id="findings" aria-labelledby="findings-h" class="major">
        <h2 id="findings-h">Findings by policy</h2>
        <p class="note">{{limitNote}}</p>
        <div id="finding-controls" class="controls" hidden>
        <label for="finding-filter">Filter policies</label>
        <input id="finding-filter" type="search" placeholder="policy, resource or text">
        <label><input id="only-failing" type="checkbox"> failing only</label>
        <button type="button" id="expand-all">Expand all</button>
        <button type="button" id="collapse-all">Collapse all</button>
        <span id="filter-count" role="status"></span>
        </div>
        {{#policyBlocks}}
        <details class="policy" id="{{anchor}}" data-failing="{{failingFlag}}"{{#isOpen}} open{{/isOpen}}>
        <summary>{{#policyStatus}}{{> html-badge}}{{/policyStatus}} <code>{{policyID}}</code> {{policyTitle}} <span class="meta">{{severityName}} · {{enforcementName}} · {{countsText}}</span></summary>
        <div class="policy-body">
        <h3 class="visually-hidden">{{policyID}}</h3>
        {{^empty(policyDescription)}}
        <p>{{policyDescription}}</p>
        {{/empty(policyDescription)}}
        <dl class="facts">
        <div><dt>Severity / enforcement</dt><dd>{{severityName}} / {{enforcementName}}</dd></div>
        <div><dt>Category</dt><dd>{{categoryName}}</dd></div>
        <div><dt>Defined in</dt><dd><code>{{policySource}}</code></dd></div>
        {{#controls}}
        <div><dt>{{key}}</dt><dd>{{value}}</dd></div>
        {{/controls}}
        {{#params}}
        <div><dt>Parameter <code>{{key}}</code></dt><dd><code>{{value}}</code></dd></div>
        {{/params}}
        </dl>
        {{^empty(remediation)}}
        <p class="remediation"><strong>Remediation:</strong> {{remediation}}</p>
        {{/empty(remediation)}}
        {{^empty(rows)}}
        <table class="findings">
        <caption class="visually-hidden">Non-passing resources of {{policyID}}</caption>
        <thead><tr><th scope="col">Resource</th><th scope="col">Status</th><th scope="col">Finding and evidence</th><th scope="col">Source</th></tr></thead>
        <tbody>
        {{#rows}}
        <tr><th scope="row"><code>{{resourceID}}</code><br><small>{{resourceType}}</small></th><td>{{#findingStatus}}{{> html-badge}}{{/findingStatus}}</td><td>{{message}}{{^empty(evidence)}}<ul class="evidence">{{#evidence}}<li><code>{{path}}</code> is <code>{{actual}}</code>, expected {{expected}}{{#evidenceNote}} ({{.}}){{/evidenceNote}}</li>{{/evidence}}</ul>{{/empty(evidence)}}{{#waiverNote}}<p class="waiver">{{.}}</p>{{/waiverNote}}</td><td><code>{{sourceText}}</code></td></tr>
        {{/rows}}
        </tbody>
        </table>
        {{/empty(rows)}}
        {{#truncationNote}}
        <p class="note">{{.}}</p>
        {{/truncationNote}}
        {{#passingNote}}
        <p class="note">{{.}}</p>
        {{/passingNote}}
        </div>
        </details>
        {{/policyBlocks}}
        {{^policyBlocks}}
        <p>No policy was evaluated.</p>
        {{/policyBlocks}}
        </section>
        {{/findings}}

        {{#cost}}
        <section id="cost" aria-labelledby="cost-h" class="major">
        <h2 id="cost-h">Cost review</h2>
        {{^costRan}}
        <p>No billing export was part of this run, so the cost review was not run.</p>
        {{/costRan}}
        {{#skippedRows}}
        <p class="warning"><strong>Warning:</strong> <code>{{inputPath}}</code> skipped {{skippedCount}} malformed rows (first at {{locations}}); totals exclude them.</p>
        {{/skippedRows}}
        {{#currencyBlocks}}
        <h3>Spend in {{currency}}</h3>
        <div class="chart-pair">
        {{#chart}}{{> html-chart}}{{/chart}}
        <table class="compact">
        <caption>Monthly totals in {{currency}}</caption>
        <thead><tr><th scope="col">Month</th><th scope="col" class="num">Billed</th><th scope="col" class="num">Net</th><th scope="col" class="num">Change</th><th scope="col" class="num">Untagged</th><th scope="col" class="num">Egress</th></tr></thead>
        <tbody>
        {{#monthRows}}
        <tr><th scope="row">{{period}}</th><td class="num">{{amount}}</td><td class="num">{{net}}</td><td class="num">{{change}}</td><td class="num">{{untagged}}</td><td class="num">{{egress}}</td></tr>
        {{/monthRows}}
        </tbody>
        </table>
        </div>
        {{#shareNote}}
        <p>{{.}}</p>
        {{/shareNote}}
        {{^empty(moverRows)}}
        <table>
        <caption>Top movers in {{latestPeriod}} ({{currency}}, account × service, largest change first)</caption>
        <thead><tr><th scope="col">Account</th><th scope="col">Service</th><th scope="col" class="num">Previous month</th><th scope="col" class="num">This month</th><th scope="col" class="num">Change</th><th scope="col" class="num">%</th></tr></thead>
        <tbody>
        {{#moverRows}}
        <tr><th scope="row"><code>{{account}}</code></th><td>{{service}}</td><td class="num">{{previous}}</td><td class="num">{{amount}}</td><td class="num">{{change}}</td><td class="num">{{changePercent}}</td></tr>
        {{/moverRows}}
        </tbody>
        </table>
        {{/empty(moverRows)}}
        {{/currencyBlocks}}
        <h3>Cost thresholds</h3>
        {{^empty(thresholdPolicies)}}
        <table>
        <caption class="visually-hidden">Cost policies</caption>
        <thead><tr><th scope="col">Policy</th><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Groups</th></tr></thead>
        <tbody>
        {{#thresholdPolicies}}
        <tr><th scope="row"><a href="#{{anchor}}"><code>{{policyID}}</code></a></th><td>{{policyTitle}}</td><td>{{#thresholdStatus}}{{> html-badge}}{{/thresholdStatus}}</td><td>{{thresholdCounts}}</td></tr>
        {{/thresholdPolicies}}
        </tbody>
        </table>
        {{/empty(thresholdPolicies)}}
        {{^thresholdPolicies}}
        <p>No cost policy (category <code>cost</code>) was part of this run.</p>
        {{/thresholdPolicies}}
        {{^empty(thresholdRows)}}
        <table>
        <caption>Cost groups over a threshold</caption>
        <thead><tr><th scope="col">Cost group</th><th scope="col">Policy</th><th scope="col">Status</th><th scope="col">Finding</th></tr></thead>
        <tbody>
        {{#thresholdRows}}
        <tr><th scope="row"><code>{{resourceID}}</code></th><td><a href="#{{anchor}}"><code>{{policyID}}</code></a></td><td>{{#thresholdFindingStatus}}{{> html-badge}}{{/thresholdFindingStatus}}</td><td>{{thresholdMessage}}</td></tr>
        {{/thresholdRows}}
        </tbody>
        </table>
        {{#thresholdMore}}
        <p class="note">{{.}}</p>
        {{/thresholdMore}}
        {{/empty(thresholdRows)}}
        </section>
        {{/cost}}

        {{#readiness}}
        <section id="dr" aria-labelledby="dr-h" class="major">
        <h2 id="dr-h">DR readiness</h2>
        <p>Per application: recovery targets against what the current strategy can deliver (measured in the latest test, else declared, else the strategy's default; the RTO after test-age decay), the age of the last test against the tier's cadence, and the verdicts of the DR policies.{{^readinessHasModel}} The downtime model did not run, so targets and capabilities are not shown.{{/readinessHasModel}}</p>
        {{^empty(readinessRows)}}
        <div class="scroll">
        <table class="dr">
        <caption class="visually-hidden">DR readiness per application</caption>
        <thead><tr><th scope="col">Application</th>{{#readinessHasModel}}<th scope="col">Tier</th><th scope="col">Strategy</th><th scope="col">RTO target / capability</th><th scope="col">RPO target / capability</th><th scope="col">Last test / cadence</th>{{/readinessHasModel}}<th scope="col">DR policies</th><th scope="col">Status</th></tr></thead>
        <tbody>
        {{#readinessRows}}
        <tr><th scope="row"><code>{{appID}}</code></th>{{#readinessHasModel}}<td>{{tier}}</td><td>{{strategy}}</td><td>{{rtoTarget}} / {{rtoCapability}} {{#rtoCheck}}{{> html-badge}}{{/rtoCheck}}</td><td>{{rpoTarget}} / {{rpoCapability}} {{#rpoCheck}}{{> html-badge}}{{/rpoCheck}}</td><td>{{testAge}} / {{cadence}} {{#testCheck}}{{> html-badge}}{{/testCheck}}</td>{{/readinessHasModel}}<td>{{#drPolicies}}<span class="nowrap">{{#policyResultStatus}}{{> html-badge}}{{/policyResultStatus}} <code>{{policyID}}</code></span> {{/drPolicies}}{{^drPolicies}}—{{/drPolicies}}</td><td>{{#readinessStatus}}{{> html-badge}}{{/readinessStatus}}</td></tr>
        {{/readinessRows}}
        </tbody>
        </table>
        </div>
        {{#readinessMore}}
        <p class="note">{{.}}</p>
        {{/readinessMore}}
        {{/empty(readinessRows)}}
        {{^readinessRows}}
        <p>No application was assessed: no DR policy evaluated an <code>application</code> and the downtime model did not run.</p>
        {{/readinessRows}}
        {{#dependencyGraph}}
        <h3 id="dependencies-h">Application dependencies</h3>
        <p>Declared in the application register (<code>depends_on</code>). An application is down while a hard dependency is down, so its composite availability is the product over everything it reaches through hard dependencies, and its effective RTO the slowest recovery among them (recoveries in parallel: a lower bound). Unknown figures say why.</p>
        <figure class="chart-figure">
        <figcaption>Dependency graph, by tier (legend: solid arrow hard, dotted soft, red and thick a hard dependency on a lower tier, dashed an edge on a cycle)</figcaption>
        <div class="scroll">
        <svg class="depgraph" viewBox="0 0 {{graphWidth}} {{graphHeight}}" width="{{graphWidth}}" height="{{graphHeight}}" role="img" aria-labelledby="depgraph-title depgraph-desc">
        <title id="depgraph-title">Application dependency graph</title>
        <desc id="depgraph-desc">{{graphSummary}}</desc>
        {{#columns}}
        <text class="dep-column" x="{{columnX}}" y="18" text-anchor="middle">{{columnLabel}}</text>
        {{/columns}}
        {{#edges}}
        <path class="{{edgeCSS}}" d="{{path}}"><title>{{edgeTooltip}}</title></path><polygon class="{{headCSS}}" points="{{arrow}}"/>
        {{/edges}}
        {{#nodes}}
        <g class="{{nodeCSS}}"><title>{{nodeTooltip}}</title><rect x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}" rx="6"/><text class="dep-name" x="{{textX}}" y="{{nameY}}" text-anchor="middle">{{name}}</text><text class="dep-tier" x="{{textX}}" y="{{tierY}}" text-anchor="middle">{{tierText}}</text></g>
        {{/nodes}}
        </svg>
        </div>
        </figure>
        <div class="scroll">
        <table>
        <caption>Dependencies, composite availability and effective RTO per application</caption>
        <thead><tr><th scope="col">Application</th><th scope="col">Tier</th><th scope="col">Hard dependencies</th><th scope="col">Soft dependencies</th><th scope="col">Composite availability</th><th scope="col">SLO</th><th scope="col">Effective RTO</th><th scope="col">Findings</th></tr></thead>
        <tbody>
        {{#rows}}
        <tr><th scope="row"><code>{{rowApp}}</code></th><td>{{rowTier}}</td><td>{{hardText}}</td><td>{{softText}}</td><td>{{compositeText}}</td><td>{{#sloCheck}}{{> html-badge}}{{/sloCheck}}{{^sloCheck}}—{{/sloCheck}}</td><td>{{rtoText}}</td><td>{{notes}}</td></tr>
        {{/rows}}
        </tbody>
        </table>
        </div>
        {{/dependencyGraph}}
        </section>
        {{/readiness}}

        {{#downtime}}
        <section id="downtime" aria-labelledby="downtime-h" class="major">
        <h2 id="downtime-h">Downtime financial impact</h2>
        {{^downtimeRan}}
        <p>The downtime model was not run for this report (it runs when the configuration enables it; see <code>assay downtime</code>).</p>
        {{/downtimeRan}}
        {{#downtimeRan}}
        <p>{{modelNote}} Expected annual loss (EAL) is the mean over the simulated years; P95 is the loss exceeded one year in twenty. Never add P95s across applications. Decisions use the simulated EAL and P95; the analytic EAL (closed form including the expected SLA credits, with its discretisation bracket) is their cross-check. NPV and break-even revenue are those of moving from the current strategy to the option.</p>
        <dl class="facts">
        <div><dt>Portfolio EAL, current strategies</dt><dd>{{portfolioCurrent}}</dd></div>
        <div><dt>Portfolio EAL, recommended strategies</dt><dd>{{portfolioRecommended}}</dd></div>
        </dl>
        {{#riskSentence}}<p>{{.}}</p>{{/riskSentence}}
        <table>
        <caption>Expected annual loss and recommendation per application</caption>
        <thead><tr><th scope="col">Application</th><th scope="col">Tier</th><th scope="col">Current strategy</th><th scope="col" class="num">EAL</th><th scope="col" class="num">P95</th><th scope="col">Recommended</th><th scope="col">Verdict</th><th scope="col" class="num">Net annual benefit</th></tr></thead>
        <tbody>
        {{#impactRows}}
        <tr><th scope="row"><a href="#{{appAnchor}}"><code>{{appID}}</code></a></th><td>{{appTier}}</td><td>{{currentStrategy}}</td><td class="num">{{expectedLoss}}</td><td class="num">{{p95}}</td><td>{{recommended}}</td><td>{{verdict}}</td><td class="num">{{benefit}}</td></tr>
        {{/impactRows}}
        </tbody>
        </table>
        {{#appDetails}}
        <details class="strategy" id="{{detailAnchor}}">
        <summary>Strategy comparison for <code>{{detailID}}</code></summary>
        {{^empty(reason)}}
        <p>{{reason}}</p>
        {{/empty(reason)}}
        {{#keepValue}}
        <p class="keep-value">{{.}}</p>
        {{/keepValue}}
        <table>
        <caption class="visually-hidden">Strategy options of {{detailID}}</caption>
        <thead><tr><th scope="col">Option</th><th scope="col" class="num">Annual cost</th><th scope="col" class="num">EAL (simulated)</th><th scope="col" class="num">EAL (analytic)</th><th scope="col" class="num">P95</th><th scope="col" class="num">Total cost of risk</th><th scope="col" class="num">NPV of moving</th><th scope="col">Break-even revenue</th><th scope="col">Compliant</th><th scope="col">Risk appetite</th><th scope="col">Verdict</th></tr></thead>
        <tbody>
        {{#options}}
        <tr><th scope="row">{{option}}</th><td class="num">{{annualCost}}</td><td class="num">{{optionLoss}}</td><td class="num">{{analyticLoss}}</td><td class="num">{{optionP95}}</td><td class="num">{{totalCost}}</td><td class="num">{{optionNPV}}</td><td>{{breakEven}}</td><td>{{#compliant}}{{> html-badge}}{{/compliant}}</td><td>{{appetite}}</td><td>{{optionVerdict}}</td></tr>
        {{/options}}
        </tbody>
        </table>
        {{^empty(warnings)}}
        <ul class="plain">
        {{#warnings}}
        <li><code>{{key}}</code>: {{value}}</li>
        {{/warnings}}
        </ul>
        {{/empty(warnings)}}
        </details>
        {{/appDetails}}
        {{/downtimeRan}}
        </section>
        {{/downtime}}

        {{#waiverRegister}}
        <section id="waivers" aria-labelledby="waivers-h" class="major">
        <h2 id="waivers-h">Waiver register</h2>
        <p>{{waiverTotal}} waivers in the waiver files of this run.</p>
        {{#stateGroups}}
        <h3>{{#stateBadge}}{{> html-badge}}{{/stateBadge}} {{stateTitle}}</h3>
        <p class="note">{{stateExplanation}}</p>
        <div class="scroll">
        <table>
        <caption class="visually-hidden">{{stateTitle}} waivers</caption>
        <thead><tr><th scope="col">Waiver</th><th scope="col">Policy</th><th scope="col">Resources</th><th scope="col">Reason</th><th scope="col">Owner</th><th scope="col">Ticket</th><th scope="col">Expires</th><th scope="col" class="num">Days left</th><th scope="col" class="num">Findings</th></tr></thead>
        <tbody>
        {{#waiverRows}}
        <tr><th scope="row"><code>{{registerID}}</code></th><td><a href="#{{anchor}}"><code>{{registerPolicy}}</code></a></td><td><code>{{registerResources}}</code></td><td>{{reason}}</td><td>{{registerOwner}}</td><td>{{ticket}}</td><td>{{registerExpires}}</td><td class="num">{{registerDays}}</td><td class="num">{{matched}}</td></tr>
        {{/waiverRows}}
        </tbody>
        </table>
        </div>
        {{/stateGroups}}
        {{^stateGroups}}
        <p>No waivers.</p>
        {{/stateGroups}}
        </section>
        {{/waiverRegister}}

        {{#trends}}
        <section id="trends" aria-labelledby="trends-h" class="major">
        <h2 id="trends-h">Trends</h2>
        <p>Recorded runs, oldest first.</p>
        {{#scoreChart}}{{> html-chart}}{{/scoreChart}}
        {{#costCharts}}{{> html-chart}}{{/costCharts}}
        <div class="scroll">
        <table>
        <caption>Recorded runs</caption>
        <thead><tr><th scope="col">Run</th><th scope="col">As of</th><th scope="col" class="num">Compliance score</th><th scope="col" class="num">Failing</th>{{#trendCurrencies}}<th scope="col" class="num">Monthly cost ({{.}})</th>{{/trendCurrencies}}</tr></thead>
        <tbody>
        {{#runRows}}
        <tr><th scope="row"><code>{{runID}}</code></th><td>{{runAsOf}}</td><td class="num">{{runScore}}</td><td class="num">{{runFailing}}</td>{{#runCosts}}<td class="num">{{.}}</td>{{/runCosts}}</tr>
        {{/runRows}}
        </tbody>
        </table>
        </div>
        </section>
        {{/trends}}
        </main>
        <footer>
        <p>Generated by Assay {{toolVersion}} from the results of {{asOf}}. Self-contained: this file loads nothing from the network.</p>
        </footer>
        <script>
        {{> html-script}}
        </script>
        </body>
        </html>

        """
}
