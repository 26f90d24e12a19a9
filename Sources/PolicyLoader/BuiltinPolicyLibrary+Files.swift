// GENERATED from policies/ by `ASSAY_RECORD=1 swift test --filter BuiltinLibraryTests`; do not edit.
// BuiltinLibraryTests fails when this file differs from policies/.

extension BuiltinPolicyLibrary {
    /// Every YAML file of policies/ (policies, tests, framework catalogs), by embedded path.
    static let files: [(path: String, text: String)] = [
        ("builtin/access/access.test.yaml", ####"""
# Test cases of the access policies beyond review age (run with `assay test policies`).
# Dates count back from 2026-11-27: 2026-08-29 is 90 days earlier, 2026-08-28 is 91.
version: 1
as_of: 2026-11-27
tests:
  - name: principals with DR access are reviewed within 90 days
    policy: access.review.dr_environments
    documents:
      - { id: dr-operator-recent, type: access.review, principal: dr-operator-recent, environments: [dr], last_reviewed_at: "2026-10-01" }
      - { id: dr-at-limit, type: access.review, principal: dr-at-limit, environments: [prod, dr], last_reviewed_at: "2026-08-29" }
      - { id: dr-one-day-late, type: access.review, principal: dr-one-day-late, environments: [dr], last_reviewed_at: "2026-08-28" }
      - { id: dr-never-reviewed, type: access.review, principal: dr-never-reviewed, environments: [dr] }
      - { id: prod-only, type: access.review, principal: prod-only, environments: [prod], last_reviewed_at: "2026-01-01" }
      - { id: no-environments, type: access.review, principal: no-environments, last_reviewed_at: "2026-01-01" }
      - { id: break-glass, type: access.review, principal: break-glass, environments: [prod, dr], last_reviewed_at: "2026-05-20" }
    waivers:
      - { policy: access.review.dr_environments, resources: [break-glass], reason: Quarterly review booked with the CISO for December, owner: ciso@acme.example, expires: 2026-12-15 }
    expect: { dr-operator-recent: pass, dr-at-limit: pass, dr-one-day-late: fail, dr-never-reviewed: fail, prod-only: not_applicable,
              no-environments: not_applicable, break-glass: waived }

  - name: privileged inventory principals carry a recent review date
    policy: access.review.privileged_principals
    documents:
      - { id: admin-reviewed, type: identity.principal, identity: { privileged: true, last_reviewed_at: "2026-10-15" } }
      - { id: admin-at-limit, type: identity.principal, identity: { privileged: true, last_reviewed_at: "2026-08-29" } }
      - { id: admin-stale, type: identity.principal, identity: { privileged: true, last_reviewed_at: "2026-08-28" } }
      - { id: admin-never, type: identity.principal, identity: { privileged: true, principal_type: role } }
      - { id: developer, type: identity.principal, identity: { privileged: false } }
      - { id: unknown-rights, type: identity.principal, identity: { principal_type: user } }
      - { id: etl-role, type: identity.principal, identity: { privileged: true, principal_type: role } }
    waivers:
      - { policy: access.review.privileged_principals, resources: [etl-role], reason: Role deleted with the ETL migration (CHG-3301), owner: data@acme.example, expires: 2026-12-31 }
    expect: { admin-reviewed: pass, admin-at-limit: pass, admin-stale: fail, admin-never: fail, developer: not_applicable, unknown-rights: not_applicable,
              etl-role: waived }

  - name: active keys and console passwords are used within 90 days
    policy: access.credentials.unused
    documents:
      - id: key-used-last-week
        type: identity.principal
        identity: { principal_type: user, password_enabled: false, access_keys: [ { active: true, last_used_at: "2026-11-20T08:00:00Z" } ] }
      - id: key-idle-since-june
        type: identity.principal
        identity: { principal_type: user, password_enabled: false, access_keys: [ { active: true, last_used_at: "2026-06-10T04:12:00Z" } ] }
      - id: new-key-never-used
        type: identity.principal
        identity: { principal_type: user, access_keys: [ { active: true, last_rotated_at: "2026-10-01T09:00:00Z" } ] }
      - id: old-key-never-used
        type: identity.principal
        identity: { principal_type: user, access_keys: [ { active: true, last_rotated_at: "2025-09-01T10:02:00Z" } ] }
      - id: only-inactive-keys
        type: identity.principal
        identity: { principal_type: user, password_enabled: false, access_keys: [ { active: false, last_used_at: "2024-01-01T00:00:00Z" } ] }
      - id: console-user-active
        type: identity.principal
        identity: { principal_type: user, password_enabled: true, password_last_used_at: "2026-11-01T10:00:00Z", created_at: "2020-01-01T00:00:00Z" }
      - id: console-password-never-used
        type: identity.principal
        identity: { principal_type: user, password_enabled: true, created_at: "2025-09-01T10:00:00Z" }
      - id: new-console-user
        type: identity.principal
        identity: { principal_type: user, password_enabled: true, created_at: "2026-11-20T10:00:00Z" }
      - id: no-credential-facts
        type: identity.principal
        identity: { principal_type: user }
      - id: role
        type: identity.principal
        identity: { principal_type: role, last_used_at: "2020-01-01T00:00:00Z" }
      - id: seasonal-batch
        type: identity.principal
        identity: { principal_type: user, access_keys: [ { active: true, last_used_at: "2026-01-15T02:00:00Z" } ] }
    waivers:
      - { policy: access.credentials.unused, resources: [seasonal-batch], reason: Year-end batch key used each January, owner: finance-it@acme.example, expires: 2027-02-15 }
    expect: { key-used-last-week: pass, key-idle-since-june: fail, new-key-never-used: pass, old-key-never-used: fail, only-inactive-keys: pass,
              console-user-active: pass, console-password-never-used: fail, new-console-user: pass, no-credential-facts: pass, role: not_applicable,
              seasonal-batch: waived }

  - name: roles unused for 90 days
    policy: access.roles.unused
    documents:
      - { id: task-role, type: identity.principal, identity: { principal_type: role, last_used_at: "2026-11-26T01:58:00Z" } }
      - { id: role-at-limit, type: identity.principal, identity: { principal_type: role, last_used_at: "2026-08-29T23:00:00Z" } }
      - { id: legacy-etl, type: identity.principal, identity: { principal_type: role, last_used_at: "2025-01-07T03:00:00Z" } }
      - { id: new-role, type: identity.principal, identity: { principal_type: role, created_at: "2026-11-01T00:00:00Z" } }
      - { id: never-used-old-role, type: identity.principal, identity: { principal_type: role, created_at: "2019-06-11T08:00:00Z" } }
      - { id: user, type: identity.principal, identity: { principal_type: user, last_used_at: "2020-01-01T00:00:00Z" } }
      - { id: incident-response-role, type: identity.principal, identity: { principal_type: role, last_used_at: "2026-02-01T00:00:00Z" } }
    waivers:
      - { policy: access.roles.unused, resources: [incident-response-role], reason: Break-glass role kept for incident response, owner: security@acme.example, expires: 2027-06-30 }
    expect: { task-role: pass, role-at-limit: pass, legacy-etl: fail, new-role: pass, never-used-old-role: fail, user: not_applicable,
              incident-response-role: waived }

  - name: console users and the root account use MFA
    policy: access.mfa.console_users
    documents:
      - { id: admin-with-mfa, type: identity.principal, identity: { principal_type: user, password_enabled: true, mfa_active: true } }
      - { id: analyst-without-mfa, type: identity.principal, identity: { principal_type: user, password_enabled: true, mfa_active: false } }
      - { id: mfa-not-reported, type: identity.principal, identity: { principal_type: user, password_enabled: true } }
      - { id: api-only-user, type: identity.principal, identity: { principal_type: user, password_enabled: false, mfa_active: false } }
      - { id: root-with-mfa, type: identity.principal, identity: { principal_type: root, mfa_active: true } }
      - { id: root-without-mfa, type: identity.principal, identity: { principal_type: root, mfa_active: false } }
      - { id: contractor, type: identity.principal, identity: { principal_type: user, password_enabled: true, mfa_active: false } }
    waivers:
      - { policy: access.mfa.console_users, resources: [contractor], reason: "Hardware key shipped; access ends 2026-12-15", owner: checkout@acme.example, expires: 2026-12-15 }
    expect: { admin-with-mfa: pass, analyst-without-mfa: fail, mfa-not-reported: fail, api-only-user: not_applicable, root-with-mfa: pass,
              root-without-mfa: fail, contractor: waived }

"""####),
        ("builtin/access/credentials-unused.yaml", ####"""
version: 1
id: access.credentials.unused
title: User credentials unused for 90 days are disabled
severity: high
enforcement: hard
frameworks:
  soc2: [CC6.2]
  iso27001_2022: [A.5.17, A.5.18]
  nist_800_53_r5: [AC-2(3), IA-5]
  pci_dss_4: ["8.2.6"]
  hipaa: [164.308(a)(4)(ii)(C)]
description: >-
  Dormant access keys and console passwords belong to leavers, retired pipelines and forgotten
  tests; nobody notices when they are used by someone else. An active access key or an enabled
  password must have been used within the window — a credential never used counts from its
  creation (keys from their last rotation).
remediation: Deactivate the unused access keys, remove the console password, or delete the user.
applies_to:
  types: [identity.principal]
  where:
    identity.principal_type: user
require:
  every:
    path: identity.access_keys
    default: []
    where: { active: true }
    require:
      any:
        - last_used_at: { within_days: { param: max_unused_days } }
        - last_used_at: { exists: false }
          last_rotated_at: { within_days: { param: max_unused_days } }
  any:
    - identity.password_enabled: { not_equals: true, default: false }
    - identity.password_last_used_at: { within_days: { param: max_unused_days } }
    - identity.password_last_used_at: { exists: false }
      identity.created_at: { within_days: { param: max_unused_days } }
message: "{{ name | default: '(unnamed)' }}: {{ identity.access_keys_active | default: 0 }} active key(s), last used {{ identity.last_used_at | default: 'never' }}; password enabled: {{ identity.password_enabled | default: false }}"
params:
  max_unused_days: 90
param_docs:
  max_unused_days: Days without use after which an active key or enabled password must be disabled.

"""####),
        ("builtin/access/mfa-console-users.yaml", ####"""
version: 1
id: access.mfa.console_users
title: Users who can sign in to the console use MFA
severity: high
enforcement: hard
frameworks:
  soc2: [CC6.1]
  iso27001_2022: [A.8.5]
  nist_800_53_r5: [IA-2(1), IA-2(2)]
  pci_dss_4: ["8.4.2"]
  hipaa: [164.312(d)]
  dora: [Art.9]
description: >-
  A console password alone falls to phishing and credential stuffing; multi-factor authentication
  is the single most effective control against account takeover. Applies to every principal with
  a console password, and to the root account.
remediation: Enrol an MFA device (preferably a FIDO2 security key) for the user, or remove the console password.
applies_to:
  types: [identity.principal]
  where:
    any:
      - identity.password_enabled: true
      - identity.principal_type: root
require:
  identity.mfa_active: true
message: "{{ identity.principal_type | default: 'principal' }} {{ name | default: '(unnamed)' }} can sign in to the console without MFA"

"""####),
        ("builtin/access/review-age.test.yaml", ####"""
version: 1
as_of: 2026-11-27
tests:
  - name: review age by privilege
    policy: access.review.age
    documents:
      - { id: admin-recent, type: access.review, principal: admin-recent, privileged: true, last_reviewed_at: "2026-10-02" }
      - { id: admin-stale, type: access.review, principal: admin-stale, privileged: true, last_reviewed_at: "2026-08-20" }
      - { id: user-ok, type: access.review, principal: user-ok, privileged: false, last_reviewed_at: "2026-06-01" }
      - { id: user-stale, type: access.review, principal: user-stale, privileged: false, last_reviewed_at: "2026-05-01" }
      - { id: never-reviewed, type: access.review, principal: never-reviewed, privileged: false }
      - { id: bad-date, type: access.review, principal: bad-date, privileged: true, last_reviewed_at: "last spring" }
      - { id: contractor, type: access.review, principal: contractor, privileged: false, last_reviewed_at: "2025-12-10" }
    waivers:
      - { policy: access.review.age, resources: [contractor], reason: Offboarding, owner: sec@acme.example, expires: 2026-12-15 }
    expect: { admin-recent: pass, admin-stale: fail, user-ok: pass, user-stale: fail, never-reviewed: fail, bad-date: error, contractor: waived }

"""####),
        ("builtin/access/review-age.yaml", ####"""
version: 1
id: access.review.age
title: Access is reviewed within 90 days for privileged principals and 180 days for others
severity: high
enforcement: hard
category: access
frameworks:
  soc2: [CC6.2, CC6.3]
  iso27001_2022: [A.5.18]
  nist_800_53_r5: [AC-2, AC-6(7)]
  pci_dss_4: ["7.2.4"]
  hipaa: [164.308(a)(4)(ii)(C)]
description: >-
  Periodic access reviews catch privilege creep and leavers' accounts; auditors sample the
  review dates of privileged principals first.
remediation: Review the principal's access with its owner and record the review date.
applies_to:
  types: [access.review]
require:
  last_reviewed_at: { within_days: { param: max_age_days, key: privileged } }
message: "{{ principal }} (privileged: {{ privileged }}) last reviewed {{ last_reviewed_at }}"
params:
  max_age_days: { "true": 90, "false": 180 }
param_docs:
  max_age_days: Maximum review age in days, keyed by whether the principal is privileged.

"""####),
        ("builtin/access/review-dr-environments.yaml", ####"""
version: 1
id: access.review.dr_environments
title: Principals with access to DR environments are reviewed within 90 days
severity: high
enforcement: hard
frameworks:
  soc2: [CC6.2, CC6.3]
  iso27001_2022: [A.5.18, A.8.2]
  nist_800_53_r5: [AC-2, AC-6(7)]
  pci_dss_4: ["7.2.4"]
  hipaa: [164.308(a)(4)(ii)(C)]
  dora: [Art.9]
description: >-
  DR environments hold full copies of production data and are watched far less than production;
  access granted "for the last failover test" tends to stay. Whoever can reach them is reviewed on
  the privileged cadence, whatever their nominal privilege.
remediation: Review the principal's DR access with the application owner, remove it if not needed, and record the review date.
applies_to:
  types: [access.review]
  where:
    environments: { contains: { param: dr_environment } }
require:
  last_reviewed_at: { within_days: { param: max_age_days } }
message: "{{ principal }} can reach {{ environments | join: ', ' }} and was last reviewed {{ last_reviewed_at | default: 'never' }}"
params:
  dr_environment: dr
  max_age_days: 90
param_docs:
  dr_environment: Environment name that marks DR access in the access-review register.
  max_age_days: Maximum review age in days.

"""####),
        ("builtin/access/review-privileged-principals.yaml", ####"""
version: 1
id: access.review.privileged_principals
title: Privileged cloud principals carry an access review within 90 days
severity: high
enforcement: hard
frameworks:
  soc2: [CC6.3]
  iso27001_2022: [A.5.18, A.8.2]
  nist_800_53_r5: [AC-6(7)]
  pci_dss_4: ["7.2.4"]
  hipaa: [164.308(a)(4)(ii)(C)]
description: >-
  The access-review register only covers the principals someone remembered to list. Every
  principal the inventory shows with administrator rights (AdministratorAccess, or an inline
  `*` on `*`) must carry its own review date — the `last-reviewed` tag — within the privileged
  cadence, so a forgotten admin user or role surfaces on its own.
remediation: >-
  Review the principal with its owner; remove the administrator rights or the principal if not
  needed, and tag it `last-reviewed: YYYY-MM-DD`.
applies_to:
  types: [identity.principal]
  where:
    identity.privileged: true
require:
  identity.last_reviewed_at: { within_days: { param: max_age_days } }
message: "privileged {{ identity.principal_type | default: 'principal' }} {{ name | default: '(unnamed)' }} was last reviewed {{ identity.last_reviewed_at | default: 'never' }}"
params:
  max_age_days: 90
param_docs:
  max_age_days: Maximum review age in days.

"""####),
        ("builtin/access/roles-unused.yaml", ####"""
version: 1
id: access.roles.unused
title: Roles unused for 90 days are removed
severity: medium
enforcement: soft
frameworks:
  soc2: [CC6.2]
  iso27001_2022: [A.5.18]
  nist_800_53_r5: [AC-2(3)]
  pci_dss_4: ["7.2.5"]
description: >-
  A role nobody assumes still carries its permissions and trust policy; old ETL and migration
  roles are often privileged and trusted by accounts that no longer exist. A role never used
  counts from its creation.
remediation: Delete the role (after checking CloudTrail for recent AssumeRole calls), or document why it must stay.
applies_to:
  types: [identity.principal]
  where:
    identity.principal_type: role
require:
  any:
    - identity.last_used_at: { within_days: { param: max_unused_days } }
    - identity.last_used_at: { exists: false }
      identity.created_at: { within_days: { param: max_unused_days } }
message: "role {{ name | default: '(unnamed)' }} was last used {{ identity.last_used_at | default: 'never' }} (created {{ identity.created_at | default: 'unknown' }})"
params:
  max_unused_days: 90
param_docs:
  max_unused_days: Days without use after which a role must be removed.

"""####),
        ("builtin/cost/budget-per-environment.yaml", ####"""
version: 1
id: cost.budget.environment
title: Monthly spend per environment stays within its budget
severity: medium
enforcement: soft
category: cost
description: >-
  Budgets per environment make overspend visible the month it happens instead of at the
  quarterly review; production, staging, development and DR each get their own envelope.
remediation: >-
  Find the services behind the growth with `assay cost --group-by tags.environment service`,
  then right-size or stop them, or raise the budget with the finance owner.
applies_to:
  cost: { group_by: [tags.environment], period: month }
  where:
    tags.environment: { exists: true }
require:
  # A group in another currency than the budgets is reported (it cannot be compared), not skipped.
  currency: { equals: { param: budget_currency } }
  cost.amount: { lte: { param: monthly_budget, key: tags.environment } }
message: "{{ tags.environment }} spent {{ cost.amount }} {{ currency }} in {{ period }}: over the monthly budget for this environment (parameter monthly_budget), or in another currency than the budgets ({{ params.budget_currency }}) and so not comparable"
params:
  budget_currency: USD
  monthly_budget: { prod: 12000, staging: 3000, dev: 2000, dr: 2500, default: 1000 }
param_docs:
  budget_currency: Currency the budgets are expressed in; a group in another currency fails as not comparable (reported, never skipped).
  monthly_budget: Monthly budget per environment tag value; `default` covers other environments.

"""####),
        ("builtin/cost/commitments-coverage.yaml", ####"""
version: 1
id: cost.commitments.coverage
title: Steady compute and database usage is covered by commitments
severity: low
enforcement: advisory
category: cost
description: >-
  Usage that runs all month at on-demand prices costs 20–70 % more than the same usage under a
  reserved instance or savings plan. Coverage is the share of the month's usage, at
  on-demand-equivalent cost, that a commitment covered: covered / all usage, both at list cost
  (CUR pricing/publicOnDemandCost of DiscountedUsage and SavingsPlanCoveredUsage lines against
  all usage lines except SavingsPlanNegation; FOCUS ListCost of CommitmentDiscountStatus Used
  rows against all usage rows but Unused ones), per month, billing currency and service
  category. A month without commitments has 0 % coverage. Only the categories commitments can
  cover are checked (compute and databases by default), and only when their usage is material.
  Unknown, with the reason, for exports that cannot show commitments.
remediation: >-
  Buy a savings plan or reserved instances for the steady baseline of the usage (the lowest
  hourly usage of the last months, not the peak), starting with one-year no-upfront terms, and
  review coverage monthly as the estate changes.
applies_to:
  cost: { group_by: [service_category], period: month }
  where:
    service_category: { in: { param: eligible_categories } }
    cost.usage_amount: { gte: { param: min_monthly_usage } }
require:
  cost.commitments.coverage: { gte: { param: min_coverage } }
message: "{{ period }}: {{ cost.commitments.coverage | percent }} of {{ service_category }} usage was covered by commitments ({{ cost.commitments.covered_list }} of {{ cost.commitments.eligible_list }} {{ currency }} at on-demand prices); target at least {{ params.min_coverage | percent }}"
unknown_message: "the commitment coverage of {{ service_category }} usage in {{ period }} ({{ currency }}) is not known: {{ cost.commitments.unknown_reason }}"
params:
  min_coverage: 0.6
  eligible_categories: [Compute, Databases]
  min_monthly_usage: 1000
param_docs:
  min_coverage: Smallest accepted covered share (0–1) of the usage, at on-demand-equivalent cost.
  eligible_categories: FOCUS service categories whose usage commitments can cover.
  min_monthly_usage: Smallest monthly billed usage (in the group's currency) for which coverage is checked.

"""####),
        ("builtin/cost/commitments-utilisation.yaml", ####"""
version: 1
id: cost.commitments.utilisation
title: Reserved instances and savings plans are at least 80 % used each month
severity: medium
enforcement: soft
category: cost
description: >-
  A commitment (reserved instance, savings plan, FOCUS commitment discount) is paid for whether
  or not usage consumes it; the unused part is pure waste. Utilisation is the used share of the
  month's amortized commitment: used / (used + unused), per month and billing currency, from the
  CUR line item types (DiscountedUsage with reservation/EffectiveCost, RIFee with its unused
  upfront and recurring fees, SavingsPlanRecurringFee with savingsPlan/UsedCommitment and
  TotalCommitmentToDate) or the FOCUS CommitmentDiscountStatus Used/Unused rows. A month without
  commitments is not applicable; an export that cannot show commitments (Azure cost or GCP
  billing exports, a CUR without pricing/publicOnDemandCost, a FOCUS file without
  CommitmentDiscountStatus) makes it unknown, with the reason, never a guessed 0 % or 100 %.
remediation: >-
  Move eligible workloads onto the commitment (instance family and region for reserved instances,
  any compute for compute savings plans), exchange convertible reservations for the instance types
  in use, sell unused standard reservations on the marketplace, and buy smaller commitments at
  the next renewal.
applies_to:
  cost: { group_by: [], period: month }
  where:
    cost.commitments.status: { not_equals: none }
require:
  cost.commitments.utilisation: { gte: { param: min_utilisation } }
message: "{{ period }}: commitments were {{ cost.commitments.utilisation | percent }} used ({{ cost.commitments.unused }} {{ currency }} of {{ cost.commitments.total }} {{ currency }} amortized commitment unused); target at least {{ params.min_utilisation | percent }}"
unknown_message: "the commitment utilisation of {{ period }} ({{ currency }}) is not known: {{ cost.commitments.unknown_reason }}"
params:
  min_utilisation: 0.8
param_docs:
  min_utilisation: Smallest accepted used share (0–1) of the month's amortized commitment.

"""####),
        ("builtin/cost/cost.test.yaml", ####"""
# Test cases of the cost policies (run with `assay test policies`). Cost-group documents are
# given directly, with the fields the Billing stage computes (docs/billing.md).
version: 1
as_of: 2026-11-27
tests:
  - name: budgets per environment, keyed by the environment tag
    policy: cost.budget.environment
    documents:
      - { id: prod-ok, type: cost.group, period: "2026-10", currency: USD, tags: { environment: prod }, cost: { amount: 11999.99 } }
      - { id: prod-over, type: cost.group, period: "2026-10", currency: USD, tags: { environment: prod }, cost: { amount: 12000.01 } }
      - { id: sandbox-over-default, type: cost.group, period: "2026-10", currency: USD, tags: { environment: sandbox }, cost: { amount: 1500 } }
      - { id: eur-not-comparable, type: cost.group, period: "2026-10", currency: EUR, tags: { environment: prod }, cost: { amount: 99999 } }
      - { id: untagged, type: cost.group, period: "2026-10", currency: USD, cost: { amount: 99999 } }
      - { id: staging-waived, type: cost.group, period: "2026-10", currency: USD, tags: { environment: staging }, cost: { amount: 4000 } }
    waivers:
      - policy: cost.budget.environment
        resources: [staging-waived]
        reason: Load test campaign approved for October
        owner: finops@acme.example
        expires: 2026-12-31
    expect: { prod-ok: pass, prod-over: fail, sandbox-over-default: fail, eur-not-comparable: fail, untagged: not_applicable, staging-waived: waived }

  - name: month-over-month growth of account × service
    policy: cost.growth.month_over_month
    documents:
      - { id: steady, type: cost.group, account: "1", service: EC2, cost: { amount: 1100, previous_amount: 1000, change_pct: 10 } }
      - { id: jump, type: cost.group, account: "1", service: S3, cost: { amount: 1300, previous_amount: 1000, change_pct: 30 } }
      - { id: exactly-limit, type: cost.group, account: "1", service: RDS, cost: { amount: 1250, previous_amount: 1000, change_pct: 25 } }
      - { id: new-service, type: cost.group, account: "1", service: Bedrock, cost: { amount: 5000, previous_amount: 0, change_pct: null } }
      - { id: tiny, type: cost.group, account: "1", service: SNS, cost: { amount: 40, previous_amount: 10, change_pct: 300 } }
      - { id: planned-migration, type: cost.group, account: "1", service: Aurora, cost: { amount: 4000, previous_amount: 1000, change_pct: 300 } }
    waivers:
      - { policy: cost.growth.month_over_month, resources: [planned-migration], reason: Database migration to Aurora approved in the Q4 budget, owner: finops@acme.example, expires: 2026-12-31 }
    expect: { steady: pass, jump: fail, exactly-limit: pass, new-service: not_applicable, tiny: not_applicable, planned-migration: waived }

  - name: untagged share of the month
    policy: cost.untagged.share
    documents:
      - { id: tidy, type: cost.group, cost: { amount: 1000, untagged_amount: 50, untagged_share: 0.05 } }
      - { id: messy, type: cost.group, cost: { amount: 1000, untagged_amount: 132, untagged_share: 0.132 } }
      - { id: no-usage, type: cost.group, cost: { amount: 0, untagged_share: null } }
      - { id: tag-migration-month, type: cost.group, cost: { amount: 1000, untagged_amount: 400, untagged_share: 0.4 } }
    waivers:
      - { policy: cost.untagged.share, resources: [tag-migration-month], reason: Tag keys renamed in October, owner: finops@acme.example, expires: 2026-12-31 }
    expect: { tidy: pass, messy: fail, no-usage: pass, tag-migration-month: waived }

  - name: egress share of the month
    policy: cost.egress.share
    params: { max_egress_share: 0.05 }
    documents:
      - { id: low, type: cost.group, cost: { amount: 1000, egress_amount: 41, egress_share: 0.041 } }
      - { id: high, type: cost.group, cost: { amount: 1000, egress_amount: 160, egress_share: 0.16 } }
      - { id: data-export-month, type: cost.group, cost: { amount: 1000, egress_amount: 300, egress_share: 0.3 } }
    waivers:
      - { policy: cost.egress.share, resources: [data-export-month], reason: One-off export to the new analytics vendor, owner: data@acme.example, expires: 2026-12-31 }
    expect: { low: pass, high: fail, data-export-month: waived }

  - name: DR spend against production spend of the same month and currency
    policy: cost.dr.share_of_production
    documents:
      - { id: prod-usd, type: cost.group, grouping: tags.environment, period: "2026-10", currency: USD, tags: { environment: prod }, cost: { amount: 14000 } }
      - { id: prod-eur, type: cost.group, grouping: tags.environment, period: "2026-10", currency: EUR, tags: { environment: prod }, cost: { amount: 2300 } }
      - { id: dr-usd, type: cost.group, grouping: tags.environment, period: "2026-10", currency: USD, tags: { environment: dr }, cost: { amount: 2080 } }
      - { id: dr-eur, type: cost.group, grouping: tags.environment, period: "2026-10", currency: EUR, tags: { environment: dr }, cost: { amount: 605 } }
      - { id: dr-gbp-no-prod, type: cost.group, grouping: tags.environment, period: "2026-10", currency: GBP, tags: { environment: dr }, cost: { amount: 10 } }
      - { id: prod-sek, type: cost.group, grouping: tags.environment, period: "2026-10", currency: SEK, tags: { environment: prod }, cost: { amount: 1000 } }
      - { id: dr-sek-rehearsal, type: cost.group, grouping: tags.environment, period: "2026-10", currency: SEK, tags: { environment: dr }, cost: { amount: 900 } }
    waivers:
      - { policy: cost.dr.share_of_production, resources: [dr-sek-rehearsal], reason: Full-scale failover rehearsal in October, owner: sre@acme.example, expires: 2026-12-31 }
    expect: { dr-usd: pass, dr-eur: fail, dr-gbp-no-prod: fail, prod-usd: not_applicable, dr-sek-rehearsal: waived }

  - name: DR spend of retired or unregistered applications
    policy: cost.dr.obsolete_environments
    documents:
      - { id: payments-api, type: application, name: payments-api, status: active }
      - { id: legacy-reporting, type: application, name: legacy-reporting, status: retired }
      - { id: dr-payments, type: cost.group, tags: { application: payments-api, environment: dr }, cost: { amount: 1053 } }
      - { id: dr-legacy, type: cost.group, tags: { application: legacy-reporting, environment: dr }, cost: { amount: 184 } }
      - { id: dr-unknown, type: cost.group, tags: { application: old-billing-batch, environment: dr }, cost: { amount: 107 } }
      - { id: prod-legacy, type: cost.group, tags: { application: legacy-reporting, environment: prod }, cost: { amount: 616 } }
      - { id: dr-being-deleted, type: cost.group, tags: { application: old-billing-batch, environment: dr }, cost: { amount: 12 } }
    waivers:
      - { policy: cost.dr.obsolete_environments, resources: [dr-being-deleted], reason: Deletion scheduled after the data-retention hold, owner: finance-it@acme.example, expires: 2027-01-31 }
    expect: { dr-payments: pass, dr-legacy: fail, dr-unknown: fail, prod-legacy: not_applicable, dr-being-deleted: waived }

  - name: commitment utilisation per month and currency
    policy: cost.commitments.utilisation
    documents:
      - { id: well-used, type: cost.group, period: "2026-10", currency: USD, cost: { commitments: { status: active, utilisation: 0.93, used: 930, unused: 70, total: 1000 } } }
      - { id: exactly-target, type: cost.group, period: "2026-10", currency: USD, cost: { commitments: { status: active, utilisation: 0.8, used: 800, unused: 200, total: 1000 } } }
      - { id: wasted, type: cost.group, period: "2026-10", currency: USD, cost: { commitments: { status: active, utilisation: 0.717, used: 1140, unused: 450, total: 1590 } } }
      - { id: no-commitments, type: cost.group, period: "2026-10", currency: EUR, cost: { commitments: { status: none, utilisation: null, used: 0, unused: 0, total: 0 } } }
      - { id: export-without-columns, type: cost.group, period: "2026-10", currency: EUR, cost: { commitments: { status: unknown, utilisation: !unknown, unknown_reason: "part of the spend comes from an export without the commitment columns" } } }
      - { id: ramp-down, type: cost.group, period: "2026-10", currency: GBP, cost: { commitments: { status: active, utilisation: 0.4, used: 400, unused: 600, total: 1000 } } }
    waivers:
      - { policy: cost.commitments.utilisation, resources: [ramp-down], reason: Workload moved to Graviton; the old reservation ends in December, owner: finops@acme.example, expires: 2026-12-31 }
    expect: { well-used: pass, exactly-target: pass, wasted: fail, no-commitments: not_applicable, export-without-columns: unknown, ramp-down: waived }

  # Public sample: the cost groups Assay computes from the FOCUS 1.2 specification's examples
  # (FinOps-Open-Cost-and-Usage-Spec/FOCUS_Spec, specification/data/commitment_discount_flexibility;
  # policies/PUBLIC-SAMPLES.md; BillingTests.commitmentsFromFOCUSSpecExamples reads the files
  # and checks these figures).
  - name: "public sample: FOCUS 1.2 specification commitment-discount examples, utilisation"
    policy: cost.commitments.utilisation
    documents:
      - { id: focus-flexibility-100-percent, type: cost.group, period: "2023-01", currency: XXX, cost: { commitments: { status: active, utilisation: 1, used: 0.50, unused: 0, total: 0.50 } } }
      - { id: focus-flexibility-0-percent, type: cost.group, period: "2023-01", currency: XXX, cost: { commitments: { status: active, utilisation: 0, used: 0, unused: 1.50, total: 1.50 } } }
    expect: { focus-flexibility-100-percent: pass, focus-flexibility-0-percent: fail }

  - name: commitment coverage of compute and database usage
    policy: cost.commitments.coverage
    documents:
      - { id: covered, type: cost.group, period: "2026-10", currency: USD, service_category: Compute, cost: { usage_amount: 9000, commitments: { status: active, coverage: 0.72, covered_list: 7200, eligible_list: 10000 } } }
      - { id: exactly-target, type: cost.group, period: "2026-10", currency: USD, service_category: Databases, cost: { usage_amount: 5000, commitments: { status: active, coverage: 0.6, covered_list: 3000, eligible_list: 5000 } } }
      - { id: on-demand, type: cost.group, period: "2026-10", currency: USD, service_category: Compute, cost: { usage_amount: 17000, commitments: { status: none, coverage: 0, covered_list: 0, eligible_list: 17601.86 } } }
      - { id: storage, type: cost.group, period: "2026-10", currency: USD, service_category: Storage, cost: { usage_amount: 4000, commitments: { status: none, coverage: 0 } } }
      - { id: small, type: cost.group, period: "2026-10", currency: USD, service_category: Compute, cost: { usage_amount: 999.99, commitments: { status: none, coverage: 0 } } }
      - { id: export-without-columns, type: cost.group, period: "2026-10", currency: EUR, service_category: Compute, cost: { usage_amount: 2400, commitments: { status: unknown, coverage: !unknown, unknown_reason: "part of the spend comes from an Azure cost or GCP billing export" } } }
      - { id: new-cluster, type: cost.group, period: "2026-10", currency: GBP, service_category: Compute, cost: { usage_amount: 3000, commitments: { status: none, coverage: 0 } } }
    waivers:
      - { policy: cost.commitments.coverage, resources: [new-cluster], reason: Usage pattern still settling after the migration; commit in Q1, owner: finops@acme.example, expires: 2027-03-31 }
    expect: { covered: pass, exactly-target: pass, on-demand: fail, storage: not_applicable, small: not_applicable, export-without-columns: unknown, new-cluster: waived }

  - name: "public sample: FOCUS 1.2 specification commitment-discount flexibility examples, coverage"
    policy: cost.commitments.coverage
    params: { min_monthly_usage: 0 }
    documents:
      # one_hundred_percent_utilization_with_commitment_discount_flexibility_with_1_resource.csv: 3.00 of 5.25 at list cost
      - { id: focus-flexibility-1-resource, type: cost.group, period: "2023-01", currency: XXX, service_category: Compute, cost: { usage_amount: 2.25, commitments: { status: active, coverage: 0.5714285714285714, covered_list: 3.00, eligible_list: 5.25 } } }
      # one_hundred_percent_utilization_with_commitment_discount_flexibility_with_2_resources.csv: 4.00 of 4.00
      - { id: focus-flexibility-2-resources, type: cost.group, period: "2023-01", currency: XXX, service_category: Compute, cost: { usage_amount: 0, commitments: { status: active, coverage: 1, covered_list: 4.00, eligible_list: 4.00 } } }
    expect: { focus-flexibility-1-resource: fail, focus-flexibility-2-resources: pass }

  - name: DR-tagged resources without usage charges in the review window
    policy: cost.dr.idle_resources
    documents:
      - { id: arn:aws:s3:::acme-payments-ledger-dr, type: storage.bucket, account: "111122223333", tags: { environment: dr }, billing: { window: 2026-08 to 2026-10, usage_charges: true } }
      - { id: arn:aws:s3:::acme-analytics-lake-us, type: storage.bucket, account: "111122223333", tags: { environment: dr }, billing: { window: 2026-08 to 2026-10, usage_charges: false } }
      - { id: //storage.googleapis.com/acme-payments-dr-exports, type: storage.bucket, account: "482913710045", tags: { environment: dr }, billing: { window: 2026-08 to 2026-10, usage_charges: !unknown, usage_unknown_reason: "no billing line of account 482913710045 in 2026-08 to 2026-10" } }
      - { id: arn:aws:s3:::acme-payments-ledger, type: storage.bucket, account: "111122223333", tags: { environment: prod } }
      - { id: sg-0d5f7b9c2e4a6b8d0, type: network.security_group, account: "111122223333", tags: { environment: dr }, billing: { window: 2026-08 to 2026-10, usage_charges: false } }
      - { id: arn:aws:rds:eu-central-1:111122223333:db:checkout-dr, type: database.instance, account: "111122223333", tags: { environment: dr }, billing: { window: 2026-08 to 2026-10, usage_charges: false } }
    waivers:
      - { policy: cost.dr.idle_resources, resources: ["arn:aws:rds:eu-central-1:111122223333:db:checkout-dr"], reason: Stopped pilot-light replica; started by the quarterly failover test, owner: sre@acme.example, expires: 2027-01-31 }
    expect: { "arn:aws:s3:::acme-payments-ledger-dr": pass, "arn:aws:s3:::acme-analytics-lake-us": fail, "//storage.googleapis.com/acme-payments-dr-exports": unknown, "arn:aws:s3:::acme-payments-ledger": not_applicable, sg-0d5f7b9c2e4a6b8d0: not_applicable, "arn:aws:rds:eu-central-1:111122223333:db:checkout-dr": waived }

  # Public sample: instances and the usage account of koku's CUR test file (project-koku/koku,
  # Apache-2.0; policies/PUBLIC-SAMPLES.md). BillingTests.resourceUsageFromKokuCUR reads the file
  # and gives these `billing` objects.
  - name: "public sample: koku CUR test file, idle DR instances"
    policy: cost.dr.idle_resources
    documents:
      - { id: i-16847552, type: compute.instance, account: "6838635603105", tags: { environment: dr }, billing: { window: 2018-04 to 2018-06, usage_charges: true } }
      - { id: i-00000000, type: compute.instance, account: "6838635603105", tags: { environment: dr }, billing: { window: 2018-04 to 2018-06, usage_charges: false } }
      - { id: i-16847552-other-account, type: compute.instance, account: "999999999999", tags: { environment: dr }, billing: { window: 2018-04 to 2018-06, usage_charges: !unknown, usage_unknown_reason: "no billing line of account 999999999999 in 2018-04 to 2018-06 (its billing export was not among the inputs)" } }
    expect: { i-16847552: pass, i-00000000: fail, i-16847552-other-account: unknown }

"""####),
        ("builtin/cost/dr-idle-resources.yaml", ####"""
version: 1
id: cost.dr.idle_resources
title: DR-tagged resources show usage charges in the review window
severity: low
enforcement: advisory
category: cost
frameworks:
  iso27001_2022: [A.5.9]
description: >-
  A DR resource that bills no usage for months is either left over from an environment nobody
  maintains, or a standby that is never exercised (no replication traffic, no test restores).
  Resources tagged with the DR environment value (config downtime.environment_tag and
  downtime.dr_environment; `environment: dr` by default) are looked up by id, native id or name in
  the billing exports' resource ids (CUR lineItem/ResourceId, FOCUS ResourceId) of their own
  account over the cost review months. Unknown, with the reason, when no billing export covers
  the account in that window or its lines carry no resource ids — never idle on missing evidence.
  Resource types that are free or billed through others (security groups, scaling groups, IAM)
  are not checked.
remediation: >-
  Confirm with the application owner whether the resource is still part of the DR design; delete
  it (and its data copies) when not, or schedule the DR test that should exercise it. A standby
  that is meant to cost nothing (a pilot-light template) should not carry the DR tag of live
  resources.
applies_to:
  types: [compute.instance, compute.volume, compute.function, database.*, storage.bucket, storage.account, network.load_balancer, search.domain, kms.key, container.cluster, messaging.queue, messaging.stream]
  where:
    billing: { exists: true }
require:
  billing.usage_charges: true
message: "{{ id }} is tagged as DR but has no usage charges in {{ billing.window }} (billing of account {{ account }})"
unknown_message: "whether {{ id }} is idle is not known: {{ billing.usage_unknown_reason }}"

"""####),
        ("builtin/cost/dr-obsolete-environments.yaml", ####"""
version: 1
id: cost.dr.obsolete_environments
title: No DR spend for applications that are retired or missing from the register
severity: medium
enforcement: soft
category: cost
frameworks:
  iso27001_2022: [A.5.9]
description: >-
  DR environments outlive their applications: nobody tests them, nobody pays attention to them,
  and they keep copies of data that should have been deleted with the application.
remediation: >-
  Delete the DR environment of the retired application (and its data copies), or add the
  application to the register with an owner and a tier.
applies_to:
  cost: { group_by: [tags.application, tags.environment], period: month }
  where:
    tags.environment: { param: dr_environment }
    tags.application: { exists: true }
require:
  related:
    type: application
    match: { name: { ref: tags.application } }
    require: { status: active }
message: "{{ tags.application }} has {{ cost.amount }} {{ currency }} of DR spend in {{ period }} but is not an active application in the register"
params:
  dr_environment: dr
param_docs:
  dr_environment: Value of the environment tag that marks DR spend.

"""####),
        ("builtin/cost/dr-share-of-production.yaml", ####"""
version: 1
id: cost.dr.share_of_production
title: DR environment spend is at most 25 % of production spend
severity: medium
enforcement: soft
category: cost
description: >-
  A DR environment that costs a large share of production is either over-provisioned for the
  strategy it implements or a second production in disguise; the downtime model says whether
  the extra spend buys risk reduction.
remediation: >-
  Compare the DR strategy of the applications behind the spend with their tier in the
  downtime report; scale pilot-light and backup environments down between tests.
applies_to:
  cost: { group_by: [tags.environment], period: month }
  where: { tags.environment: dr }
require:
  cost.amount:
    lte:
      lookup:
        type: cost.group
        match:
          grouping: tags.environment
          tags.environment: prod
          period: { ref: period }
          currency: { ref: currency }
        path: cost.amount
      times: { param: max_share_of_production }
message: "DR spent {{ cost.amount }} {{ currency }} in {{ period }}, more than {{ params.max_share_of_production | percent }} of production"
params:
  max_share_of_production: 0.25
param_docs:
  max_share_of_production: Largest accepted DR spend as a fraction (0–1) of production spend in the same month and currency.

"""####),
        ("builtin/cost/egress-share.yaml", ####"""
version: 1
id: cost.egress.share
title: Data transfer out stays below 15 % of monthly spend
severity: low
enforcement: advisory
category: cost
description: >-
  Egress is billed per gigabyte and hidden inside other services' lines; a rising share
  points at chatty cross-region traffic or data leaving the estate.
remediation: Find the largest egress sources (CDN, NAT, cross-region replication) and cache or co-locate them.
applies_to:
  cost: { group_by: [], period: month }
require:
  cost.egress_share: { lte: { param: max_egress_share } }
message: "{{ period }}: egress is {{ cost.egress_amount }} {{ currency }} of {{ cost.amount }} {{ currency }} billed in the month ({{ cost.egress_share | percent }} of total billed spend; limit {{ params.max_egress_share | percent }})"
params:
  max_egress_share: 0.15
param_docs:
  max_egress_share: Largest accepted share (0–1) of monthly spend billed as data transfer out.

"""####),
        ("builtin/cost/growth-month-over-month.yaml", ####"""
version: 1
id: cost.growth.month_over_month
title: Spend per account and service grows less than 25 % month over month
severity: low
enforcement: advisory
category: cost
description: >-
  Sudden growth of one service in one account is the earliest signal of a runaway workload,
  a forgotten test environment or a pricing change; small groups are ignored to avoid noise.
remediation: Review the account and service in the cost explorer and confirm the growth is planned.
applies_to:
  cost: { group_by: [account, service], period: month }
  where:
    cost.previous_amount: { gt: 0 }
    cost.amount: { gte: { param: min_amount } }
require:
  cost.change_pct: { lte: { param: max_growth_pct } }
message: "{{ service }} in {{ account }} grew {{ cost.change_pct | percent_value }} to {{ cost.amount }} {{ currency }} in {{ period }}"
params:
  max_growth_pct: 25
  min_amount: 500
param_docs:
  max_growth_pct: Largest accepted month-over-month growth in percent.
  min_amount: Groups below this monthly amount are not assessed.

"""####),
        ("builtin/cost/untagged-share.yaml", ####"""
version: 1
id: cost.untagged.share
title: At most 10 % of monthly spend lacks the required cost-allocation tags
severity: medium
enforcement: soft
category: cost
frameworks:
  iso27001_2022: [A.5.9]
description: >-
  Spend without application, environment and cost-center tags cannot be allocated, charged
  back or tied to an owner; it also marks resources missing from the asset inventory.
remediation: >-
  Tag the untagged resources (the cost review lists them by account and service) or enforce
  tags at creation with a tagging policy.
applies_to:
  cost: { group_by: [], period: month }
require:
  cost.untagged_share: { lte: { param: max_untagged_share }, default: 0 }
message: "{{ period }}: {{ cost.untagged_amount }} {{ currency }} of {{ cost.usage_amount }} {{ currency }} usage spend lacks the required tags ({{ cost.untagged_share | percent }} of usage spend; limit {{ params.max_untagged_share | percent }})"
params:
  max_untagged_share: 0.10
param_docs:
  max_untagged_share: Largest accepted share (0–1) of usage spend without the required tags (config cost.required_tags).

"""####),
        ("builtin/dr/dr.test.yaml", ####"""
# Test cases of the DR policies beyond the cadence (run with `assay test policies`). The `dr.`
# fields are the ones the DR-test enrichment derives (docs/downtime-model.md); tests give them.
version: 1
as_of: 2026-11-27
tests:
  - name: the latest DR test passed
    policy: dr.test.last_result
    documents:
      - { id: passed, type: application, name: passed, status: active, dr: { last_test_date: "2026-10-14", last_test_type: full_failover, last_test_result: pass } }
      - { id: failed, type: application, name: failed, status: active, dr: { last_test_date: "2026-08-20", last_test_type: partial, last_test_result: fail } }
      - { id: no-result, type: application, name: no-result, status: active, dr: { last_test_date: "2026-08-20" } }
      - { id: never-tested, type: application, name: never-tested, status: active, dr: {} }
      - { id: retired, type: application, name: retired, status: retired, dr: { last_test_date: "2025-02-11", last_test_result: fail } }
      - { id: rework, type: application, name: rework, status: active, dr: { last_test_date: "2026-11-02", last_test_result: fail } }
    waivers:
      - { policy: dr.test.last_result, resources: [rework], reason: Retest booked for 2026-12-10 after the index fix, owner: search@acme.example, expires: 2026-12-12 }
    expect: { passed: pass, failed: fail, no-result: fail, never-tested: not_applicable, retired: not_applicable, rework: waived }

  - name: a passing test within 90 days before the next audit
    policy: dr.test.before_audit
    params: { next_audit_date: "2027-01-08" }
    documents:
      - { id: tested-october-14, type: application, name: tested-october-14, status: active, dr: { last_successful_test_date: "2026-10-14" } }
      - { id: tested-at-limit, type: application, name: tested-at-limit, status: active, dr: { last_successful_test_date: "2026-10-10" } }
      - { id: tested-one-day-early, type: application, name: tested-one-day-early, status: active, dr: { last_successful_test_date: "2026-10-09" } }
      - { id: never-passed, type: application, name: never-passed, status: active, dr: { last_test_result: fail } }
      - { id: retired, type: application, name: retired, status: retired }
      - { id: moving, type: application, name: moving, status: active, dr: { last_successful_test_date: "2026-03-18" } }
    waivers:
      - { policy: dr.test.before_audit, resources: [moving], reason: Application moves to the new platform before the audit, owner: checkout@acme.example, expires: 2027-01-08 }
    expect: { tested-october-14: pass, tested-at-limit: pass, tested-one-day-early: fail, never-passed: fail, retired: not_applicable, moving: waived }

  - name: without a next audit date the policy cannot judge
    policy: dr.test.before_audit
    documents:
      - { id: tested, type: application, name: tested, status: active, dr: { last_successful_test_date: "2026-10-14" } }
    expect: { tested: error }

  - name: the declared strategy meets the RTO and RPO targets
    policy: dr.strategy.meets_targets
    documents:
      - { id: warm-standby, type: application, name: warm-standby, status: active, dr: { strategy: warm_standby, meets_rto: true, meets_rpo: true } }
      - { id: slow-restore, type: application, name: slow-restore, status: active, dr: { strategy: backup_restore, meets_rto: false, meets_rpo: true } }
      - { id: daily-backups, type: application, name: daily-backups, status: active, dr: { strategy: backup_restore, meets_rto: true, meets_rpo: false } }
      - { id: not-modelled, type: application, name: not-modelled, status: active }
      - { id: retired, type: application, name: retired, status: retired, dr: { meets_rto: false, meets_rpo: false } }
      - { id: upgrading, type: application, name: upgrading, status: active, dr: { strategy: pilot_light, meets_rto: false, meets_rpo: false } }
    waivers:
      - { policy: dr.strategy.meets_targets, resources: [upgrading], reason: "Warm standby funded; go-live in Q1 (PRJ-77)", owner: hr-it@acme.example, expires: 2027-03-31 }
    expect: { warm-standby: pass, slow-restore: fail, daily-backups: fail, not-modelled: fail, retired: not_applicable, upgrading: waived }

  - name: restore tests with an integrity check, per tier
    policy: dr.restore_test.cadence
    documents:
      - { id: payments-api, type: application, name: payments-api, status: active, tier: tier0 }
      - { id: checkout-web, type: application, name: checkout-web, status: active, tier: tier1 }
      - { id: catalog-search, type: application, name: catalog-search, status: active, tier: tier2 }
      - { id: identity-service, type: application, name: identity-service, status: active, tier: tier0 }
      - { id: hr-records, type: application, name: hr-records, status: active, tier: tier1 }
      - { id: legacy-reporting, type: application, name: legacy-reporting, status: active, tier: tier3 }
      - { id: old-portal, type: application, name: old-portal, status: retired, tier: tier1 }
      - { id: r1, type: dr.test, application: payments-api, date: "2026-10-20", test_type: restore, result: pass, integrity: pass }
      - { id: r2, type: dr.test, application: checkout-web, date: "2026-10-20", test_type: restore, result: pass, integrity: fail }
      - { id: r3, type: dr.test, application: catalog-search, date: "2026-07-01", test_type: restore, result: pass, integrity: pass }
      - { id: r4, type: dr.test, application: identity-service, date: "2026-11-03", test_type: full_failover, result: pass }
      - { id: r5, type: dr.test, application: hr-records, date: "2026-06-01", test_type: restore, result: pass, integrity: pass }
      - { id: search-indexer, type: application, name: search-indexer, status: active, tier: tier2 }
      # A restore whose integrity check the log does not know yet: neither proof nor failure.
      - { id: billing-batch, type: application, name: billing-batch, status: active, tier: tier1 }
      - { id: r6, type: dr.test, application: billing-batch, date: "2026-11-02", test_type: restore, result: pass, integrity: !unknown }
    waivers:
      - { policy: dr.restore_test.cadence, resources: [search-indexer], reason: Stateless; rebuilt from the catalog on restore, owner: search@acme.example, expires: 2027-06-30 }
    expect: { search-indexer: waived, payments-api: pass, checkout-web: fail, catalog-search: pass, identity-service: fail, hr-records: fail, legacy-reporting: not_applicable,
              old-portal: not_applicable, r1: not_applicable, r2: not_applicable, r3: not_applicable, r4: not_applicable, r5: not_applicable,
              billing-batch: unknown, r6: not_applicable }

  # Public sample (policies/PUBLIC-SAMPLES.md): the published DR testing log of ETP Express
  # (CONFENGE/etp-express, docs/DISASTER_RECOVERY_TESTING.md, MIT), read by
  # Tests/ResilienceTests/PublicSampleDRTestLogTests.swift. Its one entry, "Teste de Restore #1 -
  # 2025-11-15", restored an empty 52-byte backup: the log's own success criterion "Teste de restore
  # real executado" is unticked (result: fail) and its table is of expected results with
  # placeholders (no integrity recorded). Two weeks later the application still has no passing,
  # verified restore — whatever the ✅ marks in the log's tables suggest. The register entry (tier 1)
  # is ours.
  - name: "public sample: ETP Express DR testing log, restore of an empty backup"
    policy: dr.restore_test.cadence
    as_of: 2025-12-01
    documents:
      - { id: etp-express, type: application, name: etp-express, status: active, tier: tier1 }
      - { id: etp-express/2025-11-15, type: dr.test, application: etp-express, date: "2025-11-15", test_type: restore, result: fail }
    expect: { etp-express: fail, etp-express/2025-11-15: not_applicable }

"""####),
        ("builtin/dr/last-test-passed.yaml", ####"""
version: 1
id: dr.test.last_result
title: The latest DR test of each application passed
severity: high
enforcement: hard
frameworks:
  soc2: [A1.3]
  iso27001_2022: [A.5.30]
  nist_800_53_r5: [CP-4]
  hipaa: [164.308(a)(7)(ii)(D)]
  dora: [Art.11]
description: >-
  A failed test is evidence that the recovery plan does not work as written; an earlier pass says
  nothing about the plan after the change that broke it. Until a later test passes, the application
  has no proven recovery (the downtime model puts its failover probability at the floor). Judged on
  the latest full or partial test of the DR test log (`dr.last_test_result`); applications never
  tested are reported by dr.test.cadence.
remediation: Fix what the failed test found, re-run the test and record its result in the DR test log.
applies_to:
  types: [application]
  where:
    status: active
    dr.last_test_date: { exists: true }
require:
  dr.last_test_result: pass
message: "the latest DR test of {{ name }} ({{ dr.last_test_date }}, {{ dr.last_test_type | default: 'type unknown' }}) has result {{ dr.last_test_result | default: 'not recorded' }}"

"""####),
        ("builtin/dr/restore-test-cadence.yaml", ####"""
version: 1
id: dr.restore_test.cadence
title: Backups are restored and checked within the cadence of the application's tier
severity: high
enforcement: hard
category: dr
frameworks:
  soc2: [A1.3]
  iso27001_2022: [A.8.13]
  nist_800_53_r5: [CP-4, CP-9]
  hipaa: [164.308(a)(7)(ii)(D)]
  dora: [Art.12, Art.24]
description: >-
  A backup that has never been restored is a hope: restores fail on missing keys, expired
  credentials, incompatible engine versions, or data that turns out to be corrupt. The DR test log
  records restore and point-in-time restore tests as `test_type: restore` with an `integrity`
  result (`pass` when row counts, checksums or application checks matched after the restore). An
  active application needs a passing restore test with a passing integrity check within its tier's
  cadence. Failover tests do not count here — they prove the standby, not the backups — and restore
  tests do not count as failover tests for `dr.test.cadence` or the downtime model.
remediation: >-
  Restore the application's latest backup (and a point-in-time restore of its databases) into an
  isolated account, verify integrity, and record the test in the DR test log with `test_type:
  restore`, its `result` and `integrity`.
applies_to:
  types: [application]
  where:
    status: active
    tier: { in: { param: tiers } }
require:
  related:
    type: dr.test
    match:
      application: { ref: name }
    require:
      test_type: restore
      result: pass
      integrity: pass
      date: { within_days: { days: { param: cadence_days, key: $.tier } } }
message: "{{ name }} has no passing restore test with a verified integrity in the last {{ params.cadence_days | entry_for: 'tier' | default: '(no cadence for its tier)' }} days, the restore cadence of its tier"
params:
  tiers: [tier0, tier1, tier2]
  cadence_days: { tier0: 90, tier1: 90, tier2: 180, tier3: 365 }
param_docs:
  tiers: Application tiers that must prove restores.
  cadence_days: Maximum age in days of the last passing restore test, per application tier.

"""####),
        ("builtin/dr/strategy-meets-targets.yaml", ####"""
version: 1
id: dr.strategy.meets_targets
title: The declared DR strategy can meet the application's RTO and RPO
severity: high
enforcement: hard
frameworks:
  soc2: [A1.2]
  iso27001_2022: [A.5.30]
  nist_800_53_r5: [CP-2, CP-10]
  hipaa: [164.308(a)(7)(ii)(B)]
  dora: [Art.11]
description: >-
  Recovery objectives are promises to the business; a backup-and-restore strategy cannot keep a
  one-hour RTO however often it is tested. The capability RTO is the downtime model's recovery
  time: the RTO of the latest test (else the declared one, else the strategy's default) after the
  decay for that test's age and result, plus the delay to declare the disaster
  (docs/downtime-model.md) — the same figure as the DR table. It must be within the register's
  targets. A capability that rests only on the strategy's default (never tested, nothing
  declared) is no evidence: it fails, naming the basis, and never passes.
remediation: >-
  Upgrade the DR strategy (the downtime report compares the options and their cost), improve the
  recovery procedure and re-test, or agree relaxed targets with the business owner.
applies_to:
  types: [application]
  where:
    status: active
require:
  dr.meets_rto: true
  dr.meets_rpo: true
message: "{{ name }} ({{ dr.strategy | default: 'no strategy' }}): capability RTO {{ dr.capability_rto_hours | default: 'none' }} h / RPO {{ dr.capability_rpo_hours | default: 'none' }} h against targets {{ rto_target_hours | default: 'default' }} h / {{ rpo_target_hours | default: 'default' }} h; the RTO is {{ dr.rto_before_decay_hours | default: 'no' }} h ({{ dr.capability_basis | default: 'no strategy' }}) × {{ dr.rto_decay_factor | default: '1' }} for the age and result of the last test, plus {{ dr.declaration_delay_hours | default: '0' }} h to declare the disaster (a strategy default, never tested nor declared, is no evidence and fails)"

"""####),
        ("builtin/dr/test-before-audit.yaml", ####"""
version: 1
id: dr.test.before_audit
title: Each application has a passing DR test within 90 days before the next audit
severity: medium
enforcement: soft
frameworks:
  soc2: [A1.3]
  iso27001_2022: [A.5.30]
  nist_800_53_r5: [CP-4]
  hipaa: [164.308(a)(7)(ii)(D)]
  dora: [Art.24]
description: >-
  Auditors sample the DR evidence of the audit period; a test that is fresh today but older than
  the window at the audit date means a scramble in the audit month. This policy looks ahead: the
  last passing full or partial test (`dr.last_successful_test_date`) must fall within the window
  before the next audit date, set per run in assay.yaml.
remediation: Schedule a DR test (full failover or partial restore) before the audit window opens and record it in the DR test log.
applies_to:
  types: [application]
  where:
    status: active
require:
  dr.last_successful_test_date:
    within_days: { days: { param: days_before_audit }, of: { param: next_audit_date } }
message: "{{ name }}: last passing DR test {{ dr.last_successful_test_date | default: 'never' }}; the next audit on {{ params.next_audit_date }} needs one within {{ params.days_before_audit }} days before it"
params:
  next_audit_date: null
  days_before_audit: 90
param_docs:
  next_audit_date: Date of the next audit (YYYY-MM-DD); set it per run (assay.yaml params) — while unset, every application reports an error.
  days_before_audit: How many days before the audit date the last passing test may be.

"""####),
        ("builtin/dr/test-cadence.test.yaml", ####"""
version: 1
as_of: 2026-11-27
tests:
  - name: passing full or partial test within the tier's cadence
    policy: dr.test.cadence
    documents:
      - { id: tier0-recent, type: application, name: tier0-recent, tier: tier0, status: active }
      - { id: tier0-stale, type: application, name: tier0-stale, tier: tier0, status: active }
      - { id: tier2-ok, type: application, name: tier2-ok, tier: tier2, status: active }
      - { id: tier1-tabletop-only, type: application, name: tier1-tabletop-only, tier: tier1, status: active }
      - { id: tier1-failed, type: application, name: tier1-failed, tier: tier1, status: active }
      - { id: never-tested, type: application, name: never-tested, tier: tier3, status: active }
      - { id: retired, type: application, name: retired, tier: tier3, status: retired }
      - { id: no-tier, type: application, name: no-tier, status: active }
      - { id: waived-app, type: application, name: waived-app, tier: tier0, status: active }
      - { id: t1, type: dr.test, application: tier0-recent, date: "2026-10-14", test_type: full_failover, result: pass }
      - { id: t2, type: dr.test, application: tier0-stale, date: "2026-08-01", test_type: full_failover, result: pass }
      - { id: t3, type: dr.test, application: tier2-ok, date: "2026-06-10", test_type: partial, result: pass }
      - { id: t4, type: dr.test, application: tier1-tabletop-only, date: "2026-11-01", test_type: tabletop, result: pass }
      - { id: t5, type: dr.test, application: tier1-failed, date: "2026-11-01", test_type: full_failover, result: fail }
      - { id: t6, type: dr.test, application: no-tier, date: "2026-11-01", test_type: full_failover, result: pass }
    waivers:
      - { policy: dr.test.cadence, resources: [waived-app], reason: First test booked for December, owner: sre@acme.example, expires: 2026-12-31 }
    expect:
      tier0-recent: pass
      tier0-stale: fail
      tier2-ok: pass
      tier1-tabletop-only: fail
      tier1-failed: fail
      never-tested: fail
      retired: not_applicable
      no-tier: error
      waived-app: waived

"""####),
        ("builtin/dr/test-cadence.yaml", ####"""
version: 1
id: dr.test.cadence
title: Applications have a passing DR test within the cadence of their tier
severity: high
enforcement: hard
category: dr
frameworks:
  soc2: [A1.3]
  iso27001_2022: [A.5.30]
  nist_800_53_r5: [CP-4]
  hipaa: [164.308(a)(7)(ii)(D)]
  dora: [Art.24]
description: >-
  A recovery plan that has not been exercised recently is a hope, not a control. Tier 0/1
  applications must prove failover every quarter, tier 2 twice a year, tier 3 yearly.
remediation: >-
  Schedule and run a DR test (full failover or partial restore) for the application and record
  it in the DR test log with its result.
applies_to:
  types: [application]
  where:
    status: active
require:
  related:
    type: dr.test
    match:
      application: { ref: name }
    require:
      result: pass
      test_type: { in: [full_failover, partial] }
      date: { within_days: { days: { param: cadence_days, key: $.tier } } }
message: "{{ name }} ({{ params.tier_labels | entry_for: 'tier' | default: 'tier not in tier_labels' }}) has no passing full or partial DR test in the last {{ params.cadence_days | entry_for: 'tier' | default: '(no cadence for its tier)' }} days, the cadence of its tier"
params:
  cadence_days: { tier0: 90, tier1: 90, tier2: 180, tier3: 365 }
  tier_labels:
    tier0: tier 0 (mission critical)
    tier1: tier 1 (business critical)
    tier2: tier 2 (business operational)
    tier3: tier 3 (administrative)
param_docs:
  cadence_days: Maximum age in days of the last passing full or partial DR test, per application tier.
  tier_labels: How messages name each tier of the application register (override with your organisation's tier names).

"""####),
        ("builtin/drift/drift.test.yaml", ####"""
# Test cases of the drift policy (run with `assay test policies`). The documents carry the
# `drift` block the identity step writes on resources read from live state and Terraform.
version: 1
as_of: 2026-11-27
tests:
  - name: a facet that differs between live and Terraform is drift; resources read once are out of scope
    policy: drift.live_matches_terraform
    documents:
      - { id: same, type: storage.bucket, name: same, drift: { count: 0, facets: [], summary: "" } }
      - { id: differs, type: database.instance, name: legacy-db,
          drift: { count: 1, summary: "encryption.at_rest.enabled is false (live) vs true (desired)",
                   facets: [ { facet: encryption.at_rest.enabled, values: [ { state: live, value: false }, { state: desired, value: true } ] } ] } }
      - { id: read-once, type: storage.bucket, name: read-once }
      - { id: accepted, type: compute.volume, name: scratch,
          drift: { count: 1, summary: "tags.owner is absent (live) vs data@x (desired)", facets: [ { facet: tags.owner, values: [] } ] } }
    waivers:
      - { policy: drift.live_matches_terraform, resources: [accepted], reason: Tag lands with the next apply, owner: data@acme.example, expires: 2026-12-31 }
    expect: { same: pass, differs: fail, read-once: not_applicable, accepted: waived }

"""####),
        ("builtin/drift/live-matches-terraform.yaml", ####"""
version: 1
id: drift.live_matches_terraform
title: Live state matches what Terraform describes
severity: medium
enforcement: advisory
frameworks:
  soc2: [CC8.1]
  iso27001_2022: [A.8.9]
  nist_800_53_r5: [CM-3]
description: >-
  When the same resource is read from a live export (AWS Config, Resource Graph, Cloud Asset
  Inventory) and from Terraform (a plan or state), Assay evaluates one merged view: live values
  win by default (`identity: { precedence: desired }` in the config reverses that). Every facet on
  which the two disagree is drift: a change made outside Terraform, or a change Terraform is
  about to make. The other policies judged the winning values; this one lists the difference so
  that nobody reads a pass on one state as a statement about the other.
remediation: >-
  Decide which state is right: import the manual change into the Terraform configuration, or apply
  the plan (or revert the manual change) so that the live resource matches it.
applies_to:
  types: ["*"]
  where:
    drift.count: { exists: true }
require:
  drift.count: 0
message: "{{ type }} {{ name | default: '(unnamed)' }} differs between live state and Terraform: {{ drift.summary }}"

"""####),
        ("builtin/encryption/at-rest-customer-key.yaml", ####"""
version: 1
id: encryption.at_rest.customer_key
title: Confidential and restricted data is encrypted with a customer-managed key
severity: high
enforcement: hard
frameworks:
  soc2: [CC6.1, C1.1]
  iso27001_2022: [A.8.24]
  nist_800_53_r5: [SC-12, SC-28(1)]
  pci_dss_4: ["3.6.1"]
  hipaa: [164.312(a)(2)(iv)]
  gdpr: [Art.32]
  dora: [Art.9]
description: >-
  With a provider-managed key anyone who can read the store can read the data; a customer-managed
  key adds a second, separately audited permission, lets the owner revoke access to every copy at
  once (crypto-shredding) and is what auditors expect for sensitive data.
remediation: >-
  Create a customer-managed key (KMS, Key Vault, Cloud KMS) in the store's region — a multi-region
  key when the data is replicated — and re-encrypt the store with it.
applies_to:
  types: [storage.bucket, storage.account, database.instance, database.cluster, database.table, database.warehouse, compute.volume, search.domain, analytics.dataset, messaging.*]
  where:
    tags.data-classification: { in: { param: classifications } }
require:
  encryption.at_rest.enabled: true
  encryption.at_rest.key_managed_by: customer
message: "{{ tags.data-classification }} data in {{ name | default: '(unnamed)' }} is encrypted with a {{ encryption.at_rest.key_managed_by | default: 'no' }} key"
params:
  classifications: [confidential, restricted]
param_docs:
  classifications: Data classes that need a customer-managed key.

"""####),
        ("builtin/encryption/at-rest-enabled.yaml", ####"""
version: 1
id: encryption.at_rest.enabled
title: Data stores are encrypted at rest
severity: high
enforcement: hard
frameworks:
  soc2: [CC6.1]
  iso27001_2022: [A.8.24]
  nist_800_53_r5: [SC-28, SC-28(1)]
  pci_dss_4: ["3.5.1"]
  hipaa: [164.312(a)(2)(iv)]
  gdpr: [Art.32]
  dora: [Art.9]
description: >-
  Encryption at rest keeps data unreadable on lost disks, leaked snapshots and mis-shared backups,
  and it is the safe harbour of breach-notification rules. Every provider offers it at no cost;
  an unencrypted store is almost always an old default nobody revisited.
remediation: >-
  Turn on default encryption (S3 default encryption, RDS/EBS storage encryption — for existing
  RDS and EBS volumes: snapshot, copy the snapshot encrypted, restore), then re-check.
applies_to:
  types: [storage.bucket, storage.account, database.instance, database.cluster, database.table, database.warehouse, compute.volume, search.domain, analytics.dataset, messaging.*]
require:
  encryption.at_rest.enabled: true
message: "{{ type }} {{ name | default: '(unnamed)' }} is not encrypted at rest"

"""####),
        ("builtin/encryption/encryption.test.yaml", ####"""
# Test cases of the encryption policies (run with `assay test policies`).
version: 1
as_of: 2026-11-27
tests:
  - name: data stores are encrypted at rest
    policy: encryption.at_rest.enabled
    documents:
      - { id: encrypted, type: storage.bucket, encryption: { at_rest: { enabled: true } } }
      - { id: plain, type: database.instance, encryption: { at_rest: { enabled: false } } }
      - { id: not-reported, type: compute.volume }
      - { id: queue, type: messaging.queue, encryption: { at_rest: { enabled: true } } }
      - { id: vm, type: compute.instance, encryption: { at_rest: { enabled: false } } }
      - { id: scratch-volume, type: compute.volume, encryption: { at_rest: { enabled: false } } }
    waivers:
      - { policy: encryption.at_rest.enabled, resources: [scratch-volume], reason: Volume deleted with the batch host next week, owner: data@acme.example, expires: 2026-12-04 }
    expect: { encrypted: pass, plain: fail, not-reported: fail, queue: pass, vm: not_applicable, scratch-volume: waived }

  - name: confidential and restricted data under customer-managed keys
    policy: encryption.at_rest.customer_key
    documents:
      - { id: restricted-cmk, type: storage.bucket, encryption: { at_rest: { enabled: true, key_managed_by: customer } }, tags: { data-classification: restricted } }
      - { id: confidential-sse-s3, type: storage.bucket, encryption: { at_rest: { enabled: true, key_managed_by: provider } }, tags: { data-classification: confidential } }
      - { id: restricted-unencrypted, type: database.instance, encryption: { at_rest: { enabled: false } }, tags: { data-classification: restricted } }
      - { id: restricted-no-key-info, type: compute.volume, encryption: { at_rest: { enabled: true } }, tags: { data-classification: restricted } }
      - { id: internal-sse-s3, type: storage.bucket, encryption: { at_rest: { enabled: true, key_managed_by: provider } }, tags: { data-classification: internal } }
      - { id: unlabelled, type: storage.bucket, encryption: { at_rest: { enabled: true, key_managed_by: provider } } }
      - { id: hr-archive, type: storage.bucket, encryption: { at_rest: { enabled: true, key_managed_by: provider } }, tags: { data-classification: confidential } }
    waivers:
      - { policy: encryption.at_rest.customer_key, resources: [hr-archive], reason: Re-encryption with the HR key in progress (CHG-5120), owner: people-systems@acme.example, expires: 2027-01-31 }
    expect: { restricted-cmk: pass, confidential-sse-s3: fail, restricted-unencrypted: fail, restricted-no-key-info: fail, internal-sse-s3: not_applicable,
              unlabelled: not_applicable, hr-archive: waived }

  - name: customer keys rotate at least yearly
    policy: encryption.kms.rotation
    documents:
      - { id: rotating-default-period, type: kms.key, kms: { managed_by: customer, rotation_enabled: true } }
      - { id: rotating-90-days, type: kms.key, kms: { managed_by: customer, rotation_enabled: true, rotation_period_days: 90 } }
      - { id: rotating-365-days, type: kms.key, kms: { managed_by: customer, rotation_enabled: true, rotation_period_days: 365 } }
      - { id: rotating-two-years, type: kms.key, kms: { managed_by: customer, rotation_enabled: true, rotation_period_days: 730 } }
      - { id: not-rotating, type: kms.key, kms: { managed_by: customer, rotation_enabled: false } }
      - { id: not-reported, type: kms.key, kms: { managed_by: customer } }
      - { id: aws-managed, type: kms.key, kms: { managed_by: provider, rotation_enabled: false } }
      - { id: import-key, type: kms.key, kms: { managed_by: customer, rotation_enabled: false } }
    waivers:
      - { policy: encryption.kms.rotation, resources: [import-key], reason: Imported key material rotated manually each quarter, owner: security@acme.example, expires: 2027-06-30 }
    expect: { rotating-default-period: pass, rotating-90-days: pass, rotating-365-days: pass, rotating-two-years: fail, not-rotating: fail,
              not-reported: fail, aws-managed: not_applicable, import-key: waived }

  - name: the longest rotation period is a parameter
    policy: encryption.kms.rotation
    params: { max_rotation_days: 90 }
    documents:
      - { id: rotating-90-days, type: kms.key, kms: { managed_by: customer, rotation_enabled: true, rotation_period_days: 90 } }
      - { id: rotating-default-period, type: kms.key, kms: { managed_by: customer, rotation_enabled: true } }
    expect: { rotating-90-days: pass, rotating-default-period: fail }

  - name: HTTPS only, or a redirect to it
    policy: encryption.in_transit.https_only
    documents:
      - { id: https-listener, type: network.listener, provider: aws, encryption: { in_transit: { https_only: true, protocol: HTTPS } } }
      - { id: redirecting-http, type: network.listener, provider: aws, encryption: { in_transit: { https_only: true, protocol: HTTP } } }
      - { id: plain-http, type: network.listener, provider: aws, encryption: { in_transit: { https_only: false, protocol: HTTP } } }
      - { id: cdn-allow-all, type: cdn.distribution, provider: aws, encryption: { in_transit: { https_only: false } } }
      - { id: bucket-without-policy, type: storage.bucket, provider: aws }
      - { id: secure-transfer, type: storage.account, provider: azure, encryption: { in_transit: { https_only: true } } }
      - { id: gcs-bucket, type: storage.bucket, provider: gcp }
      - { id: database, type: database.instance, provider: aws }
      - { id: public-assets-cdn, type: cdn.distribution, provider: aws, encryption: { in_transit: { https_only: false } } }
    waivers:
      - { policy: encryption.in_transit.https_only, resources: [public-assets-cdn], reason: Public images for legacy set-top boxes without TLS, owner: web@acme.example, expires: 2027-03-31 }
    expect: { https-listener: pass, redirecting-http: pass, plain-http: fail, cdn-allow-all: fail, bucket-without-policy: fail, secure-transfer: pass,
              gcs-bucket: not_applicable, database: not_applicable, public-assets-cdn: waived }

  - name: TLS 1.2 or later
    policy: encryption.in_transit.min_tls
    documents:
      - { id: tls13-policy, type: network.listener, encryption: { in_transit: { protocol: HTTPS, min_tls: "1.2", tls_policy: ELBSecurityPolicy-TLS13-1-2-2021-06 } } }
      - { id: policy-2016, type: network.listener, encryption: { in_transit: { protocol: HTTPS, min_tls: "1.0", tls_policy: ELBSecurityPolicy-2016-08 } } }
      - { id: https-no-policy-known, type: network.listener, encryption: { in_transit: { protocol: HTTPS } } }
      - { id: plain-http-listener, type: network.listener, encryption: { in_transit: { protocol: HTTP, https_only: false } } }
      - { id: storage-tls11, type: storage.account, encryption: { in_transit: { min_tls: "1.1" } } }
      - { id: cdn-tls13, type: cdn.distribution, encryption: { in_transit: { min_tls: "1.3" } } }
      - { id: sql-server, type: database.server, encryption: { in_transit: { min_tls: "1.2" } } }
      - { id: bucket, type: storage.bucket, encryption: { in_transit: { min_tls: "1.0" } } }
      - { id: partner-gateway, type: network.load_balancer, encryption: { in_transit: { min_tls: "1.0" } } }
    waivers:
      - { policy: encryption.in_transit.min_tls, resources: [partner-gateway], reason: Partner EDI client upgrade due in January, owner: integration@acme.example, expires: 2027-01-31 }
    expect: { tls13-policy: pass, policy-2016: fail, https-no-policy-known: fail, plain-http-listener: not_applicable, storage-tls11: fail,
              cdn-tls13: pass, sql-server: pass, bucket: not_applicable, partner-gateway: waived }

  - name: databases enforce TLS where the input says so
    policy: encryption.in_transit.database_tls
    documents:
      - { id: force-ssl, type: database.instance, database: { tls_enforced: true } }
      - { id: allows-plain, type: database.instance, database: { tls_enforced: false } }
      - { id: config-item, type: database.instance, database: { engine: postgres } }
      - { id: cluster-plain, type: database.cluster, database: { tls_enforced: false } }
      - { id: bucket, type: storage.bucket, database: { tls_enforced: false } }
      - { id: reporting-replica, type: database.instance, database: { tls_enforced: false } }
    waivers:
      - { policy: encryption.in_transit.database_tls, resources: [reporting-replica], reason: Replica reachable from the private BI subnet only until decommissioning, owner: bi-team@acme.example, expires: 2026-12-31 }
    expect: { force-ssl: pass, allows-plain: fail, config-item: not_applicable, cluster-plain: fail, bucket: not_applicable, reporting-replica: waived }

"""####),
        ("builtin/encryption/in-transit-database-tls.yaml", ####"""
version: 1
id: encryption.in_transit.database_tls
title: Databases refuse unencrypted client connections
severity: high
enforcement: hard
frameworks:
  soc2: [CC6.7]
  iso27001_2022: [A.8.24]
  nist_800_53_r5: [SC-8, SC-8(1)]
  pci_dss_4: ["4.2.1"]
  hipaa: [164.312(e)(1)]
  gdpr: [Art.32]
  dora: [Art.9]
description: >-
  Database engines accept plain-text connections unless told otherwise, and client drivers fall
  back to them silently. Enforcing TLS on the server (RDS `rds.force_ssl` / `require_secure_transport`,
  Cloud SQL SSL mode) is the only way to know every connection is encrypted. Assessed where the input
  says whether TLS is enforced: Terraform with the instance's parameter group, Cloud SQL exports;
  AWS Config items do not carry parameter values.
remediation: >-
  Set `rds.force_ssl = 1` (PostgreSQL) or `require_secure_transport = 1` (MySQL) in the parameter
  group, or the Cloud SQL SSL mode to ENCRYPTED_ONLY / TRUSTED_CLIENT_CERTIFICATE_REQUIRED.
applies_to:
  types: [database.instance, database.cluster, database.server]
  where:
    database.tls_enforced: { exists: true }
require:
  database.tls_enforced: true
message: "database {{ name | default: '(unnamed)' }} accepts unencrypted connections"

"""####),
        ("builtin/encryption/in-transit-https-only.yaml", ####"""
version: 1
id: encryption.in_transit.https_only
title: Listeners, CDNs and storage endpoints accept HTTPS only (or redirect to it)
severity: high
enforcement: hard
frameworks:
  soc2: [CC6.7]
  iso27001_2022: [A.5.14, A.8.24]
  nist_800_53_r5: [SC-8, SC-8(1)]
  pci_dss_4: ["4.2.1"]
  hipaa: [164.312(e)(1), 164.312(e)(2)(ii)]
  gdpr: [Art.32]
  dora: [Art.9]
description: >-
  Plain HTTP exposes credentials, session cookies and data to anyone on the path. Listeners must
  terminate TLS or redirect every request to HTTPS; CloudFront behaviours must redirect or refuse
  HTTP; S3 buckets need a policy denying `aws:SecureTransport = false`; Azure storage accounts need
  "secure transfer required". Cloud Storage buckets have no per-bucket setting and are not assessed.
remediation: >-
  Add a redirect-to-HTTPS default action to HTTP listeners, set CloudFront viewer protocol policies
  to redirect-to-https, add the deny-insecure-transport statement to the bucket policy, turn on
  secure transfer for the storage account.
applies_to:
  types: [network.listener, cdn.distribution, search.domain, storage.bucket, storage.account]
  where:
    provider: { not_equals: gcp, default: aws }
require:
  encryption.in_transit.https_only: true
message: "{{ type }} {{ name | default: '(unnamed)' }} accepts unencrypted HTTP ({{ encryption.in_transit.protocol | default: 'no HTTPS enforcement found' }})"

"""####),
        ("builtin/encryption/in-transit-min-tls.yaml", ####"""
version: 1
id: encryption.in_transit.min_tls
title: TLS endpoints refuse protocol versions below TLS 1.2
severity: high
enforcement: hard
frameworks:
  soc2: [CC6.7]
  iso27001_2022: [A.8.24]
  nist_800_53_r5: [SC-8(1), SC-13]
  pci_dss_4: ["4.2.1"]
  hipaa: [164.312(e)(2)(ii)]
  gdpr: [Art.32]
  dora: [Art.9]
description: >-
  TLS 1.0 and 1.1 are deprecated (RFC 8996) and rejected by PCI DSS; an endpoint that still
  negotiates them allows downgrade attacks. Named security policies (ELB, CloudFront, OpenSearch,
  Application Gateway) are resolved to their minimum version by the inventory; an Azure storage
  account without a minimum version accepts TLS 1.0.
remediation: >-
  Select a security policy whose minimum is TLS 1.2 or later (ELBSecurityPolicy-TLS13-1-2-2021-06,
  TLSv1.2_2021, Policy-Min-TLS-1-2-2019-07, AppGwSslPolicy20220101) or set minimumTlsVersion TLS1_2.
applies_to:
  types: [network.listener, network.load_balancer, cdn.distribution, search.domain, storage.account, database.server]
  where:
    any:
      - encryption.in_transit.min_tls: { exists: true }
      - encryption.in_transit.protocol: { in: [HTTPS, TLS] }
require:
  encryption.in_transit.min_tls: { version_gte: { param: min_version } }
message: "{{ type }} {{ name | default: '(unnamed)' }} accepts TLS {{ encryption.in_transit.min_tls | default: '(unknown minimum)' }} ({{ encryption.in_transit.tls_policy | default: 'no policy named' }})"
params:
  min_version: "1.2"
param_docs:
  min_version: Lowest TLS version an endpoint may accept.

"""####),
        ("builtin/encryption/kms-rotation.yaml", ####"""
version: 1
id: encryption.kms.rotation
title: Customer-managed keys rotate at least yearly
severity: medium
enforcement: soft
frameworks:
  iso27001_2022: [A.8.24]
  nist_800_53_r5: [SC-12]
  pci_dss_4: ["3.7.4"]
  dora: [Art.9]
description: >-
  Automatic rotation bounds a key's cryptoperiod: a leaked key version only opens data written
  before the next rotation, and auditors look for a defined cryptoperiod on every key protecting
  sensitive data. Keys the provider manages rotate on the provider's schedule and are not assessed.
remediation: >-
  Enable automatic rotation (AWS KMS `EnableKeyRotation`, Cloud KMS rotation period, Key Vault
  rotation policy) with a period at most the maximum below.
applies_to:
  types: [kms.key]
  where:
    kms.managed_by: customer
require:
  kms.rotation_enabled: true
  kms.rotation_period_days: { lte: { param: max_rotation_days }, default: 365 }
message: "key {{ name | default: '(unnamed)' }}: rotation {{ kms.rotation_enabled | default: 'not reported' }}, period {{ kms.rotation_period_days | default: 'provider default' }} days"
params:
  max_rotation_days: 365
param_docs:
  max_rotation_days: Longest accepted rotation period in days (keys without a reported period use the provider's yearly default).

"""####),
        ("builtin/frameworks/dora.yaml", ####"""
# Regulation (EU) 2022/2554 on digital operational resilience for the financial sector (DORA):
# every article of Chapter II (ICT risk management, Art. 5–16), Chapter III (ICT-related incident
# management, classification and reporting, Art. 17–23) and Chapter IV (digital operational
# resilience testing, Art. 24–27), with the regulation's article headings. Chapters I and V–IX
# (general provisions, third-party risk and oversight, information sharing, competent authorities,
# delegated acts, final provisions) are not in the catalog.
# Source: eur-lex.europa.eu/eli/reg/2022/2554/oj.
version: 1
framework: dora
title: DORA — Regulation (EU) 2022/2554
scope: Every article of Chapters II (Art. 5–16), III (Art. 17–23) and IV (Art. 24–27); Chapters I and V–IX are not in the catalog.
controls:
  - { id: Art.5, title: "Governance and organisation" }
  - { id: Art.6, title: "ICT risk management framework" }
  - { id: Art.7, title: "ICT systems, protocols and tools" }
  - { id: Art.8, title: "Identification" }
  - { id: Art.9, title: "Protection and prevention" }
  - { id: Art.10, title: "Detection" }
  - { id: Art.11, title: "Response and recovery" }
  - { id: Art.12, title: "Backup policies and procedures, restoration and recovery procedures and methods" }
  - { id: Art.13, title: "Learning and evolving" }
  - { id: Art.14, title: "Communication" }
  - { id: Art.15, title: "Further harmonisation of ICT risk management tools, methods, processes and policies" }
  - { id: Art.16, title: "Simplified ICT risk management framework" }
  - { id: Art.17, title: "ICT-related incident management process" }
  - { id: Art.18, title: "Classification of ICT-related incidents and cyber threats" }
  - { id: Art.19, title: "Reporting of major ICT-related incidents and voluntary notification of significant cyber threats" }
  - { id: Art.20, title: "Harmonisation of reporting content and templates" }
  - { id: Art.21, title: "Centralisation of reporting of major ICT-related incidents" }
  - { id: Art.22, title: "Supervisory feedback" }
  - { id: Art.23, title: "Operational or security payment-related incidents concerning credit institutions, payment institutions, account information service providers, and electronic money institutions" }
  - { id: Art.24, title: "General requirements for the performance of digital operational resilience testing" }
  - { id: Art.25, title: "Testing of ICT tools and systems" }
  - { id: Art.26, title: "Advanced testing of ICT tools, systems and processes based on TLPT" }
  - { id: Art.27, title: "Requirements for testers for the carrying out of TLPT" }

"""####),
        ("builtin/frameworks/gdpr.yaml", ####"""
# Regulation (EU) 2016/679 (General Data Protection Regulation): every article of Chapter II
# (principles, Art. 5–11), Chapter IV (controller and processor, Art. 24–43) and Chapter V
# (transfers to third countries, Art. 44–50), with the regulation's article headings. The other
# chapters (subject matter, data subjects' rights, supervisory authorities, remedies, specific
# situations, final provisions) hold no obligation an inventory or billing export can evidence.
# Source: eur-lex.europa.eu/eli/reg/2016/679/oj.
version: 1
framework: gdpr
title: GDPR — Regulation (EU) 2016/679
scope: Every article of Chapters II (Art. 5–11), IV (Art. 24–43) and V (Art. 44–50); Chapters I, III and VI–XI are not in the catalog.
controls:
  - { id: Art.5, title: "Principles relating to processing of personal data" }
  - { id: Art.6, title: "Lawfulness of processing" }
  - { id: Art.7, title: "Conditions for consent" }
  - { id: Art.8, title: "Conditions applicable to child's consent in relation to information society services" }
  - { id: Art.9, title: "Processing of special categories of personal data" }
  - { id: Art.10, title: "Processing of personal data relating to criminal convictions and offences" }
  - { id: Art.11, title: "Processing which does not require identification" }
  - { id: Art.24, title: "Responsibility of the controller" }
  - { id: Art.25, title: "Data protection by design and by default" }
  - { id: Art.26, title: "Joint controllers" }
  - { id: Art.27, title: "Representatives of controllers or processors not established in the Union" }
  - { id: Art.28, title: "Processor" }
  - { id: Art.29, title: "Processing under the authority of the controller or processor" }
  - { id: Art.30, title: "Records of processing activities" }
  - { id: Art.31, title: "Cooperation with the supervisory authority" }
  - { id: Art.32, title: "Security of processing" }
  - { id: Art.33, title: "Notification of a personal data breach to the supervisory authority" }
  - { id: Art.34, title: "Communication of a personal data breach to the data subject" }
  - { id: Art.35, title: "Data protection impact assessment" }
  - { id: Art.36, title: "Prior consultation" }
  - { id: Art.37, title: "Designation of the data protection officer" }
  - { id: Art.38, title: "Position of the data protection officer" }
  - { id: Art.39, title: "Tasks of the data protection officer" }
  - { id: Art.40, title: "Codes of conduct" }
  - { id: Art.41, title: "Monitoring of approved codes of conduct" }
  - { id: Art.42, title: "Certification" }
  - { id: Art.43, title: "Certification bodies" }
  - { id: Art.44, title: "General principle for transfers" }
  - { id: Art.45, title: "Transfers on the basis of an adequacy decision" }
  - { id: Art.46, title: "Transfers subject to appropriate safeguards" }
  - { id: Art.47, title: "Binding corporate rules" }
  - { id: Art.48, title: "Transfers or disclosures not authorised by Union law" }
  - { id: Art.49, title: "Derogations for specific situations" }
  - { id: Art.50, title: "International cooperation for the protection of personal data" }

"""####),
        ("builtin/frameworks/hipaa.yaml", ####"""
# HIPAA Security Rule, 45 CFR Part 164 Subpart C, §§ 164.308–164.316: every standard and
# implementation specification of the administrative (164.308), physical (164.310) and technical
# (164.312) safeguards, organizational requirements (164.314) and policies, procedures and
# documentation (164.316), by paragraph with the rule's headings. Source: eCFR, 45 CFR 164.308–
# 164.316 (ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C).
version: 1
framework: hipaa
title: HIPAA Security Rule (45 CFR Part 164, Subpart C)
scope: Every standard and implementation specification of 45 CFR 164.308, 164.310, 164.312, 164.314 and 164.316.
controls:
  - { id: 164.308(a)(1)(i), title: Security management process }
  - { id: 164.308(a)(1)(ii)(A), title: Risk analysis }
  - { id: 164.308(a)(1)(ii)(B), title: Risk management }
  - { id: 164.308(a)(1)(ii)(C), title: Sanction policy }
  - { id: 164.308(a)(1)(ii)(D), title: Information system activity review }
  - { id: 164.308(a)(2), title: Assigned security responsibility }
  - { id: 164.308(a)(3)(i), title: Workforce security }
  - { id: 164.308(a)(3)(ii)(A), title: Authorization and/or supervision }
  - { id: 164.308(a)(3)(ii)(B), title: Workforce clearance procedure }
  - { id: 164.308(a)(3)(ii)(C), title: Termination procedures }
  - { id: 164.308(a)(4)(i), title: Information access management }
  - { id: 164.308(a)(4)(ii)(A), title: Isolating health care clearinghouse functions }
  - { id: 164.308(a)(4)(ii)(B), title: Access authorization }
  - { id: 164.308(a)(4)(ii)(C), title: Access establishment and modification }
  - { id: 164.308(a)(5)(i), title: Security awareness and training }
  - { id: 164.308(a)(5)(ii)(A), title: Security reminders }
  - { id: 164.308(a)(5)(ii)(B), title: Protection from malicious software }
  - { id: 164.308(a)(5)(ii)(C), title: Log-in monitoring }
  - { id: 164.308(a)(5)(ii)(D), title: Password management }
  - { id: 164.308(a)(6)(i), title: Security incident procedures }
  - { id: 164.308(a)(6)(ii), title: Response and reporting }
  - { id: 164.308(a)(7)(i), title: Contingency plan }
  - { id: 164.308(a)(7)(ii)(A), title: Data backup plan }
  - { id: 164.308(a)(7)(ii)(B), title: Disaster recovery plan }
  - { id: 164.308(a)(7)(ii)(C), title: Emergency mode operation plan }
  - { id: 164.308(a)(7)(ii)(D), title: Testing and revision procedures }
  - { id: 164.308(a)(7)(ii)(E), title: Applications and data criticality analysis }
  - { id: 164.308(a)(8), title: Evaluation }
  - { id: 164.308(b)(1), title: Business associate contracts and other arrangements }
  - { id: 164.308(b)(3), title: Written contract or other arrangement }
  - { id: 164.310(a)(1), title: Facility access controls }
  - { id: 164.310(a)(2)(i), title: Contingency operations }
  - { id: 164.310(a)(2)(ii), title: Facility security plan }
  - { id: 164.310(a)(2)(iii), title: Access control and validation procedures }
  - { id: 164.310(a)(2)(iv), title: Maintenance records }
  - { id: 164.310(b), title: Workstation use }
  - { id: 164.310(c), title: Workstation security }
  - { id: 164.310(d)(1), title: Device and media controls }
  - { id: 164.310(d)(2)(i), title: Disposal }
  - { id: 164.310(d)(2)(ii), title: Media re-use }
  - { id: 164.310(d)(2)(iii), title: Accountability }
  - { id: 164.310(d)(2)(iv), title: Data backup and storage }
  - { id: 164.312(a)(1), title: Access control }
  - { id: 164.312(a)(2)(i), title: Unique user identification }
  - { id: 164.312(a)(2)(ii), title: Emergency access procedure }
  - { id: 164.312(a)(2)(iii), title: Automatic logoff }
  - { id: 164.312(a)(2)(iv), title: Encryption and decryption }
  - { id: 164.312(b), title: Audit controls }
  - { id: 164.312(c)(1), title: Integrity }
  - { id: 164.312(c)(2), title: Mechanism to authenticate electronic protected health information }
  - { id: 164.312(d), title: Person or entity authentication }
  - { id: 164.312(e)(1), title: Transmission security }
  - { id: 164.312(e)(2)(i), title: Integrity controls }
  - { id: 164.312(e)(2)(ii), title: Encryption }
  - { id: 164.314(a)(1), title: Business associate contracts or other arrangements }
  - { id: 164.314(a)(2)(i), title: Business associate contracts }
  - { id: 164.314(a)(2)(ii), title: Other arrangements }
  - { id: 164.314(a)(2)(iii), title: Business associate contracts with subcontractors }
  - { id: 164.314(b)(1), title: Requirements for group health plans }
  - { id: 164.314(b)(2), title: "Implementation specifications (group health plan documents)" }
  - { id: 164.316(a), title: Policies and procedures }
  - { id: 164.316(b)(1), title: Documentation }
  - { id: 164.316(b)(2)(i), title: Time limit }
  - { id: 164.316(b)(2)(ii), title: Availability }
  - { id: 164.316(b)(2)(iii), title: Updates }

"""####),
        ("builtin/frameworks/iso27001_2022.yaml", ####"""
# ISO/IEC 27001:2022 Annex A (normative), Table A.1 "Information security controls": all 93
# controls in their four themes (5 organizational, 6 people, 7 physical, 8 technological), with
# their Annex A titles. Source: ISO/IEC 27001:2022 (iso.org/standard/27001), Annex A; the same
# controls are clauses 5–8 of ISO/IEC 27002:2022.
version: 1
framework: iso27001_2022
title: ISO/IEC 27001:2022 Annex A
scope: All 93 controls of Annex A (themes 5 organizational, 6 people, 7 physical, 8 technological).
controls:
  - { id: A.5.1, title: Policies for information security }
  - { id: A.5.2, title: Information security roles and responsibilities }
  - { id: A.5.3, title: Segregation of duties }
  - { id: A.5.4, title: Management responsibilities }
  - { id: A.5.5, title: Contact with authorities }
  - { id: A.5.6, title: Contact with special interest groups }
  - { id: A.5.7, title: Threat intelligence }
  - { id: A.5.8, title: Information security in project management }
  - { id: A.5.9, title: Inventory of information and other associated assets }
  - { id: A.5.10, title: Acceptable use of information and other associated assets }
  - { id: A.5.11, title: Return of assets }
  - { id: A.5.12, title: Classification of information }
  - { id: A.5.13, title: Labelling of information }
  - { id: A.5.14, title: Information transfer }
  - { id: A.5.15, title: Access control }
  - { id: A.5.16, title: Identity management }
  - { id: A.5.17, title: Authentication information }
  - { id: A.5.18, title: Access rights }
  - { id: A.5.19, title: Information security in supplier relationships }
  - { id: A.5.20, title: Addressing information security within supplier agreements }
  - { id: A.5.21, title: "Managing information security in the information and communication technology (ICT) supply chain" }
  - { id: A.5.22, title: "Monitoring, review and change management of supplier services" }
  - { id: A.5.23, title: Information security for use of cloud services }
  - { id: A.5.24, title: Information security incident management planning and preparation }
  - { id: A.5.25, title: Assessment and decision on information security events }
  - { id: A.5.26, title: Response to information security incidents }
  - { id: A.5.27, title: Learning from information security incidents }
  - { id: A.5.28, title: Collection of evidence }
  - { id: A.5.29, title: Information security during disruption }
  - { id: A.5.30, title: ICT readiness for business continuity }
  - { id: A.5.31, title: "Legal, statutory, regulatory and contractual requirements" }
  - { id: A.5.32, title: Intellectual property rights }
  - { id: A.5.33, title: Protection of records }
  - { id: A.5.34, title: "Privacy and protection of personal identifiable information (PII)" }
  - { id: A.5.35, title: Independent review of information security }
  - { id: A.5.36, title: "Compliance with policies, rules and standards for information security" }
  - { id: A.5.37, title: Documented operating procedures }
  - { id: A.6.1, title: Screening }
  - { id: A.6.2, title: Terms and conditions of employment }
  - { id: A.6.3, title: "Information security awareness, education and training" }
  - { id: A.6.4, title: Disciplinary process }
  - { id: A.6.5, title: Responsibilities after termination or change of employment }
  - { id: A.6.6, title: Confidentiality or non-disclosure agreements }
  - { id: A.6.7, title: Remote working }
  - { id: A.6.8, title: Information security event reporting }
  - { id: A.7.1, title: Physical security perimeters }
  - { id: A.7.2, title: Physical entry }
  - { id: A.7.3, title: "Securing offices, rooms and facilities" }
  - { id: A.7.4, title: Physical security monitoring }
  - { id: A.7.5, title: Protecting against physical and environmental threats }
  - { id: A.7.6, title: Working in secure areas }
  - { id: A.7.7, title: Clear desk and clear screen }
  - { id: A.7.8, title: Equipment siting and protection }
  - { id: A.7.9, title: Security of assets off-premises }
  - { id: A.7.10, title: Storage media }
  - { id: A.7.11, title: Supporting utilities }
  - { id: A.7.12, title: Cabling security }
  - { id: A.7.13, title: Equipment maintenance }
  - { id: A.7.14, title: Secure disposal or re-use of equipment }
  - { id: A.8.1, title: User endpoint devices }
  - { id: A.8.2, title: Privileged access rights }
  - { id: A.8.3, title: Information access restriction }
  - { id: A.8.4, title: Access to source code }
  - { id: A.8.5, title: Secure authentication }
  - { id: A.8.6, title: Capacity management }
  - { id: A.8.7, title: Protection against malware }
  - { id: A.8.8, title: Management of technical vulnerabilities }
  - { id: A.8.9, title: Configuration management }
  - { id: A.8.10, title: Information deletion }
  - { id: A.8.11, title: Data masking }
  - { id: A.8.12, title: Data leakage prevention }
  - { id: A.8.13, title: Information backup }
  - { id: A.8.14, title: Redundancy of information processing facilities }
  - { id: A.8.15, title: Logging }
  - { id: A.8.16, title: Monitoring activities }
  - { id: A.8.17, title: Clock synchronization }
  - { id: A.8.18, title: Use of privileged utility programs }
  - { id: A.8.19, title: Installation of software on operational systems }
  - { id: A.8.20, title: Networks security }
  - { id: A.8.21, title: Security of network services }
  - { id: A.8.22, title: Segregation of networks }
  - { id: A.8.23, title: Web filtering }
  - { id: A.8.24, title: Use of cryptography }
  - { id: A.8.25, title: Secure development life cycle }
  - { id: A.8.26, title: Application security requirements }
  - { id: A.8.27, title: Secure system architecture and engineering principles }
  - { id: A.8.28, title: Secure coding }
  - { id: A.8.29, title: Security testing in development and acceptance }
  - { id: A.8.30, title: Outsourced development }
  - { id: A.8.31, title: "Separation of development, test and production environments" }
  - { id: A.8.32, title: Change management }
  - { id: A.8.33, title: Test information }
  - { id: A.8.34, title: Protection of information systems during audit testing }

"""####),
        ("builtin/frameworks/nist_800_53_r5.yaml", ####"""
# NIST SP 800-53 Revision 5 (release 5.1.1), Security and Privacy Controls for Information Systems
# and Organizations. The publication has 20 control families: AC Access Control, AT Awareness and
# Training, AU Audit and Accountability, CA Assessment, Authorization, and Monitoring, CM
# Configuration Management, CP Contingency Planning, IA Identification and Authentication, IR
# Incident Response, MA Maintenance, MP Media Protection, PE Physical and Environmental Protection,
# PL Planning, PM Program Management, PS Personnel Security, PT PII Processing and Transparency, RA
# Risk Assessment, SA System and Services Acquisition, SC System and Communications Protection, SI
# System and Information Integrity, SR Supply Chain Risk Management. This catalog lists every base
# control (withdrawn ones omitted) of the seven families the library maps to (AC, CM, CP, IA, RA, SA,
# SC) and the control enhancements it maps, titled "Control | Enhancement" as in the publication.
# Source: csrc.nist.gov/pubs/sp/800/53/r5/upd1/final and its OSCAL catalog
# (github.com/usnistgov/oscal-content, nist.gov/SP800-53/rev5).
version: 1
framework: nist_800_53_r5
title: NIST SP 800-53 Rev. 5
scope: Every base control of the families AC, CM, CP, IA, RA, SA and SC (withdrawn controls omitted) and the enhancements the library maps; the families AT, AU, CA, IR, MA, MP, PE, PL, PM, PS, PT, SI and SR are not in the catalog.
controls:
  # AC — Access Control
  - { id: AC-1, title: Policy and Procedures }
  - { id: AC-2, title: Account Management }
  - { id: "AC-2(3)", title: "Account Management | Disable Accounts" }
  - { id: AC-3, title: Access Enforcement }
  - { id: AC-4, title: Information Flow Enforcement }
  - { id: AC-5, title: Separation of Duties }
  - { id: AC-6, title: Least Privilege }
  - { id: "AC-6(7)", title: "Least Privilege | Review of User Privileges" }
  - { id: AC-7, title: Unsuccessful Logon Attempts }
  - { id: AC-8, title: System Use Notification }
  - { id: AC-9, title: Previous Logon Notification }
  - { id: AC-10, title: Concurrent Session Control }
  - { id: AC-11, title: Device Lock }
  - { id: AC-12, title: Session Termination }
  - { id: AC-14, title: Permitted Actions Without Identification or Authentication }
  - { id: AC-16, title: Security and Privacy Attributes }
  - { id: AC-17, title: Remote Access }
  - { id: AC-18, title: Wireless Access }
  - { id: AC-19, title: Access Control for Mobile Devices }
  - { id: AC-20, title: Use of External Systems }
  - { id: AC-21, title: Information Sharing }
  - { id: AC-22, title: Publicly Accessible Content }
  - { id: AC-23, title: Data Mining Protection }
  - { id: AC-24, title: Access Control Decisions }
  - { id: AC-25, title: Reference Monitor }
  # CM — Configuration Management
  - { id: CM-1, title: Policy and Procedures }
  - { id: CM-2, title: Baseline Configuration }
  - { id: CM-3, title: Configuration Change Control }
  - { id: CM-4, title: Impact Analyses }
  - { id: CM-5, title: Access Restrictions for Change }
  - { id: CM-6, title: Configuration Settings }
  - { id: CM-7, title: Least Functionality }
  - { id: CM-8, title: System Component Inventory }
  - { id: CM-9, title: Configuration Management Plan }
  - { id: CM-10, title: Software Usage Restrictions }
  - { id: CM-11, title: User-installed Software }
  - { id: CM-12, title: Information Location }
  - { id: CM-13, title: Data Action Mapping }
  - { id: CM-14, title: Signed Components }
  # CP — Contingency Planning
  - { id: CP-1, title: Policy and Procedures }
  - { id: CP-2, title: Contingency Plan }
  - { id: CP-3, title: Contingency Training }
  - { id: CP-4, title: Contingency Plan Testing }
  - { id: CP-6, title: Alternate Storage Site }
  - { id: "CP-6(1)", title: "Alternate Storage Site | Separation from Primary Site" }
  - { id: CP-7, title: Alternate Processing Site }
  - { id: CP-8, title: Telecommunications Services }
  - { id: CP-9, title: System Backup }
  - { id: CP-10, title: System Recovery and Reconstitution }
  - { id: CP-11, title: Alternate Communications Protocols }
  - { id: CP-12, title: Safe Mode }
  - { id: CP-13, title: Alternative Security Mechanisms }
  # IA — Identification and Authentication
  - { id: IA-1, title: Policy and Procedures }
  - { id: IA-2, title: Identification and Authentication (Organizational Users) }
  - { id: "IA-2(1)", title: "Identification and Authentication (Organizational Users) | Multi-factor Authentication to Privileged Accounts" }
  - { id: "IA-2(2)", title: "Identification and Authentication (Organizational Users) | Multi-factor Authentication to Non-privileged Accounts" }
  - { id: IA-3, title: Device Identification and Authentication }
  - { id: IA-4, title: Identifier Management }
  - { id: IA-5, title: Authenticator Management }
  - { id: IA-6, title: Authentication Feedback }
  - { id: IA-7, title: Cryptographic Module Authentication }
  - { id: IA-8, title: Identification and Authentication (Non-organizational Users) }
  - { id: IA-9, title: Service Identification and Authentication }
  - { id: IA-10, title: Adaptive Authentication }
  - { id: IA-11, title: Re-authentication }
  - { id: IA-12, title: Identity Proofing }
  - { id: IA-13, title: Identity Providers and Authorization Servers }
  # RA — Risk Assessment
  - { id: RA-1, title: Policy and Procedures }
  - { id: RA-2, title: Security Categorization }
  - { id: RA-3, title: Risk Assessment }
  - { id: RA-5, title: Vulnerability Monitoring and Scanning }
  - { id: RA-6, title: Technical Surveillance Countermeasures Survey }
  - { id: RA-7, title: Risk Response }
  - { id: RA-8, title: Privacy Impact Assessments }
  - { id: RA-9, title: Criticality Analysis }
  - { id: RA-10, title: Threat Hunting }
  # SA — System and Services Acquisition
  - { id: SA-1, title: Policy and Procedures }
  - { id: SA-2, title: Allocation of Resources }
  - { id: SA-3, title: System Development Life Cycle }
  - { id: SA-4, title: Acquisition Process }
  - { id: SA-5, title: System Documentation }
  - { id: SA-8, title: Security and Privacy Engineering Principles }
  - { id: SA-9, title: External System Services }
  - { id: "SA-9(5)", title: "External System Services | Processing, Storage, and Service Location" }
  - { id: SA-10, title: Developer Configuration Management }
  - { id: SA-11, title: Developer Testing and Evaluation }
  - { id: SA-15, title: "Development Process, Standards, and Tools" }
  - { id: SA-16, title: Developer-provided Training }
  - { id: SA-17, title: Developer Security and Privacy Architecture and Design }
  - { id: SA-20, title: Customized Development of Critical Components }
  - { id: SA-21, title: Developer Screening }
  - { id: SA-22, title: Unsupported System Components }
  - { id: SA-23, title: Specialization }
  # SC — System and Communications Protection
  - { id: SC-1, title: Policy and Procedures }
  - { id: SC-2, title: Separation of System and User Functionality }
  - { id: SC-3, title: Security Function Isolation }
  - { id: SC-4, title: Information in Shared System Resources }
  - { id: SC-5, title: Denial-of-service Protection }
  - { id: SC-6, title: Resource Availability }
  - { id: SC-7, title: Boundary Protection }
  - { id: SC-8, title: Transmission Confidentiality and Integrity }
  - { id: "SC-8(1)", title: "Transmission Confidentiality and Integrity | Cryptographic Protection" }
  - { id: SC-10, title: Network Disconnect }
  - { id: SC-11, title: Trusted Path }
  - { id: SC-12, title: Cryptographic Key Establishment and Management }
  - { id: "SC-12(1)", title: "Cryptographic Key Establishment and Management | Availability" }
  - { id: SC-13, title: Cryptographic Protection }
  - { id: SC-15, title: Collaborative Computing Devices and Applications }
  - { id: SC-16, title: Transmission of Security and Privacy Attributes }
  - { id: SC-17, title: Public Key Infrastructure Certificates }
  - { id: SC-18, title: Mobile Code }
  - { id: SC-20, title: Secure Name/Address Resolution Service (Authoritative Source) }
  - { id: SC-21, title: Secure Name/Address Resolution Service (Recursive or Caching Resolver) }
  - { id: SC-22, title: Architecture and Provisioning for Name/Address Resolution Service }
  - { id: SC-23, title: Session Authenticity }
  - { id: SC-24, title: Fail in Known State }
  - { id: SC-25, title: Thin Nodes }
  - { id: SC-26, title: Decoys }
  - { id: SC-27, title: Platform-independent Applications }
  - { id: SC-28, title: Protection of Information at Rest }
  - { id: "SC-28(1)", title: "Protection of Information at Rest | Cryptographic Protection" }
  - { id: SC-29, title: Heterogeneity }
  - { id: SC-30, title: Concealment and Misdirection }
  - { id: SC-31, title: Covert Channel Analysis }
  - { id: SC-32, title: System Partitioning }
  - { id: SC-34, title: Non-modifiable Executable Programs }
  - { id: SC-35, title: External Malicious Code Identification }
  - { id: SC-36, title: Distributed Processing and Storage }
  - { id: SC-37, title: Out-of-band Channels }
  - { id: SC-38, title: Operations Security }
  - { id: SC-39, title: Process Isolation }
  - { id: SC-40, title: Wireless Link Protection }
  - { id: SC-41, title: Port and I/O Device Access }
  - { id: SC-42, title: Sensor Capability and Data }
  - { id: SC-43, title: Usage Restrictions }
  - { id: SC-44, title: Detonation Chambers }
  - { id: SC-45, title: System Time Synchronization }
  - { id: SC-46, title: Cross Domain Policy Enforcement }
  - { id: SC-47, title: Alternate Communications Paths }
  - { id: SC-48, title: Sensor Relocation }
  - { id: SC-49, title: Hardware-enforced Separation and Policy Enforcement }
  - { id: SC-50, title: Software-enforced Separation and Policy Enforcement }
  - { id: SC-51, title: Hardware-based Protection }

"""####),
        ("builtin/frameworks/pci_dss_4.yaml", ####"""
# PCI DSS v4.0 (PCI Security Standards Council, March 2022; v4.0.1 of June 2024 keeps the
# numbering): every defined-approach requirement of Requirements 1–12, by number. Requirements have
# no short titles; each title is the requirement statement up to its list of items (with the items
# summarised where the statement is only a lead-in). Appendices A1–A3 (multi-tenant service
# providers, SSL/early TLS for POS POI terminals, designated entities) are not in the catalog.
# Source: PCI DSS v4.0, pcisecuritystandards.org/document_library.
version: 1
framework: pci_dss_4
title: PCI DSS v4.0
scope: Every defined-approach requirement of Requirements 1–12; Appendices A1–A3 are not in the catalog.
controls:
  - id: "1.1.1"
    title: "All security policies and operational procedures that are identified in Requirement 1 are documented, kept up to date, in use, and known to all affected parties."
  - id: "1.1.2"
    title: "Roles and responsibilities for performing activities in Requirement 1 are documented, assigned, and understood."
  - id: "1.2.1"
    title: "Configuration standards for NSC rulesets are defined, implemented, and maintained."
  - id: "1.2.2"
    title: "All changes to network connections and to configurations of NSCs are approved and managed in accordance with the change control process defined at Requirement 6.5.1."
  - id: "1.2.3"
    title: "An accurate network diagram(s) is maintained that shows all connections between the CDE and other networks, including any wireless networks."
  - id: "1.2.4"
    title: "An accurate data-flow diagram(s) is maintained that shows all account data flows across systems and networks and is updated as needed upon changes to the environment."
  - id: "1.2.5"
    title: "All services, protocols, and ports allowed are identified, approved, and have a defined business need."
  - id: "1.2.6"
    title: "Security features are defined and implemented for all services, protocols, and ports that are in use and considered to be insecure, such that the risk is mitigated."
  - id: "1.2.7"
    title: "Configurations of NSCs are reviewed at least once every six months to confirm they are relevant and effective."
  - id: "1.2.8"
    title: "Configuration files for NSCs are secured from unauthorized access and kept consistent with active network configurations."
  - id: "1.3.1"
    title: "Inbound traffic to the CDE is restricted to only traffic that is necessary; all other traffic is specifically denied."
  - id: "1.3.2"
    title: "Outbound traffic from the CDE is restricted to only traffic that is necessary; all other traffic is specifically denied."
  - id: "1.3.3"
    title: "NSCs are installed between all wireless networks and the CDE, regardless of whether the wireless network is a CDE."
  - id: "1.4.1"
    title: "NSCs are implemented between trusted and untrusted networks."
  - id: "1.4.2"
    title: "Inbound traffic from untrusted networks to trusted networks is restricted."
  - id: "1.4.3"
    title: "Anti-spoofing measures are implemented to detect and block forged source IP addresses from entering the trusted network."
  - id: "1.4.4"
    title: "System components that store cardholder data are not directly accessible from untrusted networks."
  - id: "1.4.5"
    title: "The disclosure of internal IP addresses and routing information is limited to only authorized parties."
  - id: "1.5.1"
    title: "Security controls are implemented on any computing devices, including company- and employee-owned devices, that connect to both untrusted networks (including the Internet) and the CDE."
  - id: "2.1.1"
    title: "All security policies and operational procedures that are identified in Requirement 2 are documented, kept up to date, in use, and known to all affected parties."
  - id: "2.1.2"
    title: "Roles and responsibilities for performing activities in Requirement 2 are documented, assigned, and understood."
  - id: "2.2.1"
    title: "Configuration standards are developed, implemented, and maintained."
  - id: "2.2.2"
    title: "Vendor default accounts are managed."
  - id: "2.2.3"
    title: "Primary functions requiring different security levels are managed."
  - id: "2.2.4"
    title: "Only necessary services, protocols, daemons, and functions are enabled, and all unnecessary functionality is removed or disabled."
  - id: "2.2.5"
    title: "If any insecure services, protocols, or daemons are present, the business justification is documented and additional security features are implemented that reduce the risk."
  - id: "2.2.6"
    title: "System security parameters are configured to prevent misuse."
  - id: "2.2.7"
    title: "All non-console administrative access is encrypted using strong cryptography."
  - id: "2.3.1"
    title: "For wireless environments connected to the CDE or transmitting account data, all wireless vendor defaults are changed at installation or are confirmed to be secure."
  - id: "2.3.2"
    title: "For wireless environments connected to the CDE or transmitting account data, wireless encryption keys are changed when personnel with knowledge of the key leave the company or the role, and whenever a key is suspected of or known to be compromised."
  - id: "3.1.1"
    title: "All security policies and operational procedures that are identified in Requirement 3 are documented, kept up to date, in use, and known to all affected parties."
  - id: "3.1.2"
    title: "Roles and responsibilities for performing activities in Requirement 3 are documented, assigned, and understood."
  - id: "3.2.1"
    title: "Account data storage is kept to a minimum through implementation of data retention and disposal policies, procedures, and processes."
  - id: "3.3.1"
    title: "SAD is not retained after authorization, even if encrypted. All sensitive authentication data received is rendered unrecoverable upon completion of the authorization process."
  - id: "3.3.1.1"
    title: "The full contents of any track are not retained upon completion of the authorization process."
  - id: "3.3.1.2"
    title: "The card verification code is not retained upon completion of the authorization process."
  - id: "3.3.1.3"
    title: "The personal identification number (PIN) and the PIN block are not retained upon completion of the authorization process."
  - id: "3.3.2"
    title: "SAD that is stored electronically prior to completion of authorization is encrypted using strong cryptography."
  - id: "3.3.3"
    title: "Additional requirement for issuers and companies that support issuing services and store sensitive authentication data: any storage of sensitive authentication data is limited to that which is needed for a legitimate issuing business need, secured, and encrypted using strong cryptography."
  - id: "3.4.1"
    title: "PAN is masked when displayed (the BIN and last four digits are the maximum number of digits to be displayed), such that only personnel with a legitimate business need can see more than the BIN and last four digits of the PAN."
  - id: "3.4.2"
    title: "When using remote-access technologies, technical controls prevent copy and/or relocation of PAN for all personnel, except for those with documented, explicit authorization and a legitimate, defined business need."
  - id: "3.5.1"
    title: "PAN is rendered unreadable anywhere it is stored."
  - id: "3.5.1.1"
    title: "Hashes used to render PAN unreadable are keyed cryptographic hashes of the entire PAN, with associated key-management processes and procedures in accordance with Requirements 3.6 and 3.7."
  - id: "3.5.1.2"
    title: "If disk-level or partition-level encryption (rather than file-, column-, or field-level database encryption) is used to render PAN unreadable, it is implemented only on removable electronic media or, if used for non-removable electronic media, PAN is also rendered unreadable via another mechanism that meets Requirement 3.5.1."
  - id: "3.5.1.3"
    title: "If disk-level or partition-level encryption is used (rather than file-, column-, or field-level database encryption) to render PAN unreadable, it is managed so that logical access is managed separately and independently of native operating system authentication and access control mechanisms."
  - id: "3.6.1"
    title: "Procedures are defined and implemented to protect cryptographic keys used to protect stored account data against disclosure and misuse."
  - id: "3.6.1.1"
    title: "Additional requirement for service providers only: a documented description of the cryptographic architecture is maintained."
  - id: "3.6.1.2"
    title: "Secret and private keys used to encrypt/decrypt stored account data are stored in one (or more) of the prescribed forms at all times."
  - id: "3.6.1.3"
    title: "Access to cleartext cryptographic key components is restricted to the fewest number of custodians necessary."
  - id: "3.6.1.4"
    title: "Cryptographic keys are stored in the fewest possible locations."
  - id: "3.7.1"
    title: "Key-management policies and procedures are implemented to include generation of strong cryptographic keys used to protect stored account data."
  - id: "3.7.2"
    title: "Key-management policies and procedures are implemented to include secure distribution of cryptographic keys used to protect stored account data."
  - id: "3.7.3"
    title: "Key-management policies and procedures are implemented to include secure storage of cryptographic keys used to protect stored account data."
  - id: "3.7.4"
    title: "Key management policies and procedures are implemented for cryptographic key changes for keys that have reached the end of their cryptoperiod."
  - id: "3.7.5"
    title: "Key management policies and procedures are implemented to include the retirement, replacement, or destruction of keys used to protect stored account data, as deemed necessary."
  - id: "3.7.6"
    title: "Where manual cleartext cryptographic key-management operations are performed by personnel, key-management policies and procedures are implemented that include managing these operations using split knowledge and dual control."
  - id: "3.7.7"
    title: "Key management policies and procedures are implemented to include the prevention of unauthorized substitution of cryptographic keys."
  - id: "3.7.8"
    title: "Key management policies and procedures are implemented to include that cryptographic key custodians formally acknowledge (in writing or electronically) that they understand and accept their key-custodian responsibilities."
  - id: "3.7.9"
    title: "Additional requirement for service providers only: where a service provider shares cryptographic keys with its customers for transmission or storage of account data, guidance on secure transmission, storage and updating of such keys is documented and distributed to the service provider's customers."
  - id: "4.1.1"
    title: "All security policies and operational procedures that are identified in Requirement 4 are documented, kept up to date, in use, and known to all affected parties."
  - id: "4.1.2"
    title: "Roles and responsibilities for performing activities in Requirement 4 are documented, assigned, and understood."
  - id: "4.2.1"
    title: "Strong cryptography and security protocols are implemented to safeguard PAN during transmission over open, public networks."
  - id: "4.2.1.1"
    title: "An inventory of the entity's trusted keys and certificates used to protect PAN during transmission is maintained."
  - id: "4.2.1.2"
    title: "Wireless networks transmitting PAN or connected to the CDE use industry best practices to implement strong cryptography for authentication and transmission."
  - id: "4.2.2"
    title: "PAN is secured with strong cryptography whenever it is sent via end-user messaging technologies."
  - id: "5.1.1"
    title: "All security policies and operational procedures that are identified in Requirement 5 are documented, kept up to date, in use, and known to all affected parties."
  - id: "5.1.2"
    title: "Roles and responsibilities for performing activities in Requirement 5 are documented, assigned, and understood."
  - id: "5.2.1"
    title: "An anti-malware solution(s) is deployed on all system components, except for those system components identified in periodic evaluations per Requirement 5.2.3 that concludes the system components are not at risk from malware."
  - id: "5.2.2"
    title: "The deployed anti-malware solution(s) detects all known types of malware and removes, blocks, or contains all known types of malware."
  - id: "5.2.3"
    title: "Any system components that are not at risk for malware are evaluated periodically."
  - id: "5.2.3.1"
    title: "The frequency of periodic evaluations of system components identified as not at risk for malware is defined in the entity's targeted risk analysis."
  - id: "5.3.1"
    title: "The anti-malware solution(s) is kept current via automatic updates."
  - id: "5.3.2"
    title: "The anti-malware solution(s) performs periodic scans and active or real-time scans, or performs continuous behavioral analysis of systems or processes."
  - id: "5.3.2.1"
    title: "If periodic malware scans are performed to meet Requirement 5.3.2, the frequency of scans is defined in the entity's targeted risk analysis."
  - id: "5.3.3"
    title: "For removable electronic media, the anti-malware solution(s) performs automatic scans when the media is inserted, connected, or logically mounted, or performs continuous behavioral analysis of systems or processes when the media is inserted, connected, or logically mounted."
  - id: "5.3.4"
    title: "Audit logs for the anti-malware solution(s) are enabled and retained in accordance with Requirement 10.5.1."
  - id: "5.3.5"
    title: "Anti-malware mechanisms cannot be disabled or altered by users, unless specifically documented, and authorized by management on a case-by-case basis for a limited time period."
  - id: "5.4.1"
    title: "Processes and automated mechanisms are in place to detect and protect personnel against phishing attacks."
  - id: "6.1.1"
    title: "All security policies and operational procedures that are identified in Requirement 6 are documented, kept up to date, in use, and known to all affected parties."
  - id: "6.1.2"
    title: "Roles and responsibilities for performing activities in Requirement 6 are documented, assigned, and understood."
  - id: "6.2.1"
    title: "Bespoke and custom software are developed securely."
  - id: "6.2.2"
    title: "Software development personnel working on bespoke and custom software are trained at least once every 12 months."
  - id: "6.2.3"
    title: "Bespoke and custom software is reviewed prior to being released into production or to customers, to identify and correct potential coding vulnerabilities."
  - id: "6.2.3.1"
    title: "If manual code reviews are performed for bespoke and custom software prior to release to production, code changes are reviewed by individuals other than the originating code author, and approved by management prior to release."
  - id: "6.2.4"
    title: "Software engineering techniques or other methods are defined and in use by software-development personnel to prevent or mitigate common software attacks and related vulnerabilities in bespoke and custom software."
  - id: "6.3.1"
    title: "Security vulnerabilities are identified and managed."
  - id: "6.3.2"
    title: "An inventory of bespoke and custom software, and third-party software components incorporated into bespoke and custom software is maintained to facilitate vulnerability and patch management."
  - id: "6.3.3"
    title: "All system components are protected from known vulnerabilities by installing applicable security patches/updates."
  - id: "6.4.1"
    title: "For public-facing web applications, new threats and vulnerabilities are addressed on an ongoing basis and these applications are protected against known attacks."
  - id: "6.4.2"
    title: "For public-facing web applications, an automated technical solution is deployed that continually detects and prevents web-based attacks."
  - id: "6.4.3"
    title: "All payment page scripts that are loaded and executed in the consumer's browser are managed."
  - id: "6.5.1"
    title: "Changes to all system components in the production environment are made according to established procedures."
  - id: "6.5.2"
    title: "Upon completion of a significant change, all applicable PCI DSS requirements are confirmed to be in place on all new or changed systems and networks, and documentation is updated as applicable."
  - id: "6.5.3"
    title: "Pre-production environments are separated from production environments and the separation is enforced with access controls."
  - id: "6.5.4"
    title: "Roles and functions are separated between production and pre-production environments to provide accountability such that only reviewed and approved changes are deployed."
  - id: "6.5.5"
    title: "Live PANs are not used in pre-production environments, except where those environments are included in the CDE and protected in accordance with all applicable PCI DSS requirements."
  - id: "6.5.6"
    title: "Test data and test accounts are removed from system components before the system goes into production."
  - id: "7.1.1"
    title: "All security policies and operational procedures that are identified in Requirement 7 are documented, kept up to date, in use, and known to all affected parties."
  - id: "7.1.2"
    title: "Roles and responsibilities for performing activities in Requirement 7 are documented, assigned, and understood."
  - id: "7.2.1"
    title: "An access control model is defined and includes granting access appropriately."
  - id: "7.2.2"
    title: "Access is assigned to users, including privileged users, based on job classification and function, and least privileges necessary to perform job responsibilities."
  - id: "7.2.3"
    title: "Required privileges are approved by authorized personnel."
  - id: "7.2.4"
    title: "All user accounts and related access privileges, including third-party/vendor accounts, are reviewed."
  - id: "7.2.5"
    title: "All application and system accounts and related access privileges are assigned and managed."
  - id: "7.2.5.1"
    title: "All access by application and system accounts and related access privileges are reviewed."
  - id: "7.2.6"
    title: "All user access to query repositories of stored cardholder data is restricted."
  - id: "7.3.1"
    title: "An access control system(s) is in place that restricts access based on a user's need to know and covers all system components."
  - id: "7.3.2"
    title: "The access control system(s) is configured to enforce permissions assigned to individuals, applications, and systems based on job classification and function."
  - id: "7.3.3"
    title: "The access control system(s) is set to \"deny all\" by default."
  - id: "8.1.1"
    title: "All security policies and operational procedures that are identified in Requirement 8 are documented, kept up to date, in use, and known to all affected parties."
  - id: "8.1.2"
    title: "Roles and responsibilities for performing activities in Requirement 8 are documented, assigned, and understood."
  - id: "8.2.1"
    title: "All users are assigned a unique ID before access to system components or cardholder data is allowed."
  - id: "8.2.2"
    title: "Group, shared, or generic accounts, or other shared authentication credentials are only used when necessary on an exception basis, and are managed."
  - id: "8.2.3"
    title: "Additional requirement for service providers only: service providers with remote access to customer premises use unique authentication factors for each customer premises."
  - id: "8.2.4"
    title: "Addition, deletion, and modification of user IDs, authentication factors, and other identifier objects are managed."
  - id: "8.2.5"
    title: "Access for terminated users is immediately revoked."
  - id: "8.2.6"
    title: "Inactive user accounts are removed or disabled within 90 days of inactivity."
  - id: "8.2.7"
    title: "Accounts used by third parties to access, support, or maintain system components via remote access are managed."
  - id: "8.2.8"
    title: "If a user session has been idle for more than 15 minutes, the user is required to re-authenticate to re-activate the terminal or session."
  - id: "8.3.1"
    title: "All user access to system components for users and administrators is authenticated via at least one authentication factor."
  - id: "8.3.2"
    title: "Strong cryptography is used to render all authentication factors unreadable during transmission and storage on all system components."
  - id: "8.3.3"
    title: "User identity is verified before modifying any authentication factor."
  - id: "8.3.4"
    title: "Invalid authentication attempts are limited."
  - id: "8.3.5"
    title: "If passwords/passphrases are used as authentication factors to meet Requirement 8.3.1, they are set and reset for each user to a unique value for first-time use and upon reset, and forced to be changed immediately after the first use."
  - id: "8.3.6"
    title: "If passwords/passphrases are used as authentication factors to meet Requirement 8.3.1, they meet a minimum level of complexity."
  - id: "8.3.7"
    title: "Individuals are not allowed to submit a new password/passphrase that is the same as any of the last four passwords/passphrases used."
  - id: "8.3.8"
    title: "Authentication policies and procedures are documented and communicated to all users."
  - id: "8.3.9"
    title: "If passwords/passphrases are used as the only authentication factor for user access (i.e., in any single-factor authentication implementation), they are changed at least once every 90 days or the security posture of accounts is dynamically analyzed."
  - id: "8.3.10"
    title: "Additional requirement for service providers only: if passwords/passphrases are used as the only authentication factor for customer user access to cardholder data, guidance is provided to customer users."
  - id: "8.3.10.1"
    title: "Additional requirement for service providers only: if passwords/passphrases are used as the only authentication factor for customer user access, they are changed at least once every 90 days or the security posture of accounts is dynamically analyzed."
  - id: "8.3.11"
    title: "Where authentication factors such as physical or logical security tokens, smart cards, or certificates are used, factors are assigned to an individual user and not shared among multiple users, and physical and/or logical controls ensure only the intended user can use that factor to gain access."
  - id: "8.4.1"
    title: "MFA is implemented for all non-console access into the CDE for personnel with administrative access."
  - id: "8.4.2"
    title: "MFA is implemented for all non-console access into the CDE."
  - id: "8.4.3"
    title: "MFA is implemented for all remote network access originating from outside the entity's network that could access or impact the CDE."
  - id: "8.5.1"
    title: "MFA systems are implemented so that they are not susceptible to replay attacks, cannot be bypassed, use at least two different types of authentication factors, and require success of all factors before access is granted."
  - id: "8.6.1"
    title: "If accounts used by systems or applications can be used for interactive login, they are managed."
  - id: "8.6.2"
    title: "Passwords/passphrases for any application and system accounts that can be used for interactive login are not hard coded in scripts, configuration/property files, or bespoke and custom source code."
  - id: "8.6.3"
    title: "Passwords/passphrases for any application and system accounts are protected against misuse."
  - id: "9.1.1"
    title: "All security policies and operational procedures that are identified in Requirement 9 are documented, kept up to date, in use, and known to all affected parties."
  - id: "9.1.2"
    title: "Roles and responsibilities for performing activities in Requirement 9 are documented, assigned, and understood."
  - id: "9.2.1"
    title: "Appropriate facility entry controls are in place to restrict physical access to systems in the CDE."
  - id: "9.2.1.1"
    title: "Individual physical access to sensitive areas within the CDE is monitored with either video cameras or physical access control mechanisms (or both)."
  - id: "9.2.2"
    title: "Physical and/or logical controls are implemented to restrict use of publicly accessible network jacks within the facility."
  - id: "9.2.3"
    title: "Physical access to wireless access points, gateways, networking/communications hardware, and telecommunication lines within the facility is restricted."
  - id: "9.2.4"
    title: "Access to consoles in sensitive areas is restricted via locking when not in use."
  - id: "9.3.1"
    title: "Procedures are implemented for authorizing and managing physical access of personnel to the CDE."
  - id: "9.3.1.1"
    title: "Physical access to sensitive areas within the CDE for personnel is controlled."
  - id: "9.3.2"
    title: "Procedures are implemented for authorizing and managing visitor access to the CDE."
  - id: "9.3.3"
    title: "Visitor badges or identification are surrendered or deactivated before visitors leave the facility or at the date of expiration."
  - id: "9.3.4"
    title: "A visitor log is used to maintain a physical record of visitor activity within the facility and within sensitive areas."
  - id: "9.4.1"
    title: "All media with cardholder data is physically secured."
  - id: "9.4.1.1"
    title: "Offline media backups with cardholder data are stored in a secure location."
  - id: "9.4.1.2"
    title: "The security of the offline media backup location(s) with cardholder data is reviewed at least once every 12 months."
  - id: "9.4.2"
    title: "All media with cardholder data is classified in accordance with the sensitivity of the data."
  - id: "9.4.3"
    title: "Media with cardholder data sent outside the facility is secured."
  - id: "9.4.4"
    title: "Management approves all media with cardholder data that is moved outside the facility (including when media is distributed to individuals)."
  - id: "9.4.5"
    title: "Inventory logs of all electronic media with cardholder data are maintained."
  - id: "9.4.5.1"
    title: "Inventories of electronic media with cardholder data are conducted at least once every 12 months."
  - id: "9.4.6"
    title: "Hard-copy materials with cardholder data are destroyed when no longer needed for business or legal reasons."
  - id: "9.4.7"
    title: "Electronic media with cardholder data is destroyed when no longer needed for business or legal reasons."
  - id: "9.5.1"
    title: "POI devices that capture payment card data via direct physical interaction with the payment card form factor are protected from tampering and unauthorized substitution."
  - id: "9.5.1.1"
    title: "An up-to-date list of POI devices is maintained."
  - id: "9.5.1.2"
    title: "POI device surfaces are periodically inspected to detect tampering and unauthorized substitution."
  - id: "9.5.1.2.1"
    title: "The frequency of periodic POI device inspections and the type of inspections performed is defined in the entity's targeted risk analysis."
  - id: "9.5.1.3"
    title: "Training is provided for personnel in POI environments to be aware of attempted tampering or replacement of POI devices."
  - id: "10.1.1"
    title: "All security policies and operational procedures that are identified in Requirement 10 are documented, kept up to date, in use, and known to all affected parties."
  - id: "10.1.2"
    title: "Roles and responsibilities for performing activities in Requirement 10 are documented, assigned, and understood."
  - id: "10.2.1"
    title: "Audit logs are enabled and active for all system components and cardholder data."
  - id: "10.2.1.1"
    title: "Audit logs capture all individual user access to cardholder data."
  - id: "10.2.1.2"
    title: "Audit logs capture all actions taken by any individual with administrative access, including any interactive use of application or system accounts."
  - id: "10.2.1.3"
    title: "Audit logs capture all access to audit logs."
  - id: "10.2.1.4"
    title: "Audit logs capture all invalid logical access attempts."
  - id: "10.2.1.5"
    title: "Audit logs capture all changes to identification and authentication credentials."
  - id: "10.2.1.6"
    title: "Audit logs capture all initialization of new audit logs, and starting, stopping, or pausing of the existing audit logs."
  - id: "10.2.1.7"
    title: "Audit logs capture all creation and deletion of system-level objects."
  - id: "10.2.2"
    title: "Audit logs record the prescribed details for each auditable event."
  - id: "10.3.1"
    title: "Read access to audit logs files is limited to those with a job-related need."
  - id: "10.3.2"
    title: "Audit log files are protected to prevent modifications by individuals."
  - id: "10.3.3"
    title: "Audit log files, including those for external-facing technologies, are promptly backed up to a secure, central, internal log server(s) or other media that is difficult to modify."
  - id: "10.3.4"
    title: "File integrity monitoring or change-detection mechanisms is used on audit logs to ensure that existing log data cannot be changed without generating alerts."
  - id: "10.4.1"
    title: "The prescribed audit logs are reviewed at least once daily."
  - id: "10.4.1.1"
    title: "Automated mechanisms are used to perform audit log reviews."
  - id: "10.4.2"
    title: "Logs of all other system components (those not specified in Requirement 10.4.1) are reviewed periodically."
  - id: "10.4.2.1"
    title: "The frequency of periodic log reviews for all other system components (not defined in Requirement 10.4.1) is defined in the entity's targeted risk analysis."
  - id: "10.4.3"
    title: "Exceptions and anomalies identified during the review process are addressed."
  - id: "10.5.1"
    title: "Retain audit log history for at least 12 months, with at least the most recent three months immediately available for analysis."
  - id: "10.6.1"
    title: "System clocks and time are synchronized using time-synchronization technology."
  - id: "10.6.2"
    title: "Systems are configured to the correct and consistent time."
  - id: "10.6.3"
    title: "Time synchronization settings and data are protected."
  - id: "10.7.1"
    title: "Additional requirement for service providers only: failures of critical security control systems are detected, alerted, and addressed promptly."
  - id: "10.7.2"
    title: "Failures of critical security control systems are detected, alerted, and addressed promptly."
  - id: "10.7.3"
    title: "Failures of any critical security controls systems are responded to promptly."
  - id: "11.1.1"
    title: "All security policies and operational procedures that are identified in Requirement 11 are documented, kept up to date, in use, and known to all affected parties."
  - id: "11.1.2"
    title: "Roles and responsibilities for performing activities in Requirement 11 are documented, assigned, and understood."
  - id: "11.2.1"
    title: "Authorized and unauthorized wireless access points are managed."
  - id: "11.2.2"
    title: "An inventory of authorized wireless access points is maintained, including a documented business justification."
  - id: "11.3.1"
    title: "Internal vulnerability scans are performed."
  - id: "11.3.1.1"
    title: "All other applicable vulnerabilities (those not ranked as high-risk or critical per the entity's vulnerability risk rankings defined at Requirement 6.3.1) are managed."
  - id: "11.3.1.2"
    title: "Internal vulnerability scans are performed via authenticated scanning."
  - id: "11.3.1.3"
    title: "Internal vulnerability scans are performed after any significant change."
  - id: "11.3.2"
    title: "External vulnerability scans are performed."
  - id: "11.3.2.1"
    title: "External vulnerability scans are performed after any significant change."
  - id: "11.4.1"
    title: "A penetration testing methodology is defined, documented, and implemented by the entity."
  - id: "11.4.2"
    title: "Internal penetration testing is performed."
  - id: "11.4.3"
    title: "External penetration testing is performed."
  - id: "11.4.4"
    title: "Exploitable vulnerabilities and security weaknesses found during penetration testing are corrected."
  - id: "11.4.5"
    title: "If segmentation is used to isolate the CDE from other networks, penetration tests are performed on segmentation controls."
  - id: "11.4.6"
    title: "Additional requirement for service providers only: if segmentation is used to isolate the CDE from other networks, penetration tests are performed on segmentation controls."
  - id: "11.4.7"
    title: "Additional requirement for multi-tenant service providers only: multi-tenant service providers support their customers for external penetration testing per Requirement 11.4.3 and 11.4.4."
  - id: "11.5.1"
    title: "Intrusion-detection and/or intrusion-prevention techniques are used to detect and/or prevent intrusions into the network."
  - id: "11.5.1.1"
    title: "Additional requirement for service providers only: intrusion-detection and/or intrusion-prevention techniques detect, alert on/prevent, and address covert malware communication channels."
  - id: "11.5.2"
    title: "A change-detection mechanism (for example, file integrity monitoring tools) is deployed."
  - id: "11.6.1"
    title: "A change- and tamper-detection mechanism is deployed for payment pages."
  - id: "12.1.1"
    title: "An overall information security policy is established, published, maintained, and disseminated to all relevant personnel, as well as to relevant vendors and business partners."
  - id: "12.1.2"
    title: "The information security policy is reviewed at least once every 12 months and updated as needed to reflect changes to business objectives or risks to the environment."
  - id: "12.1.3"
    title: "The security policy clearly defines information security roles and responsibilities for all personnel, and all personnel are aware of and acknowledge their information security responsibilities."
  - id: "12.1.4"
    title: "Responsibility for information security is formally assigned to a Chief Information Security Officer or other information security knowledgeable member of executive management."
  - id: "12.2.1"
    title: "Acceptable use policies for end-user technologies are documented and implemented."
  - id: "12.3.1"
    title: "For each PCI DSS requirement that specifies completion of a targeted risk analysis, the analysis is documented."
  - id: "12.3.2"
    title: "A targeted risk analysis is performed for each PCI DSS requirement that the entity meets with the customized approach."
  - id: "12.3.3"
    title: "Cryptographic cipher suites and protocols in use are documented and reviewed at least once every 12 months."
  - id: "12.3.4"
    title: "Hardware and software technologies in use are reviewed at least once every 12 months."
  - id: "12.4.1"
    title: "Additional requirement for service providers only: responsibility is established by executive management for the protection of cardholder data and a PCI DSS compliance program."
  - id: "12.4.2"
    title: "Additional requirement for service providers only: reviews are performed at least once every three months to confirm that personnel are performing their tasks in accordance with all security policies and operational procedures."
  - id: "12.4.2.1"
    title: "Additional requirement for service providers only: reviews conducted in accordance with Requirement 12.4.2 are documented."
  - id: "12.5.1"
    title: "An inventory of system components that are in scope for PCI DSS, including a description of function/use, is maintained and kept current."
  - id: "12.5.2"
    title: "PCI DSS scope is documented and confirmed by the entity at least once every 12 months and upon significant change to the in-scope environment."
  - id: "12.5.2.1"
    title: "Additional requirement for service providers only: PCI DSS scope is documented and confirmed by the entity at least once every six months and upon significant change to the in-scope environment."
  - id: "12.5.3"
    title: "Additional requirement for service providers only: significant changes to organizational structure result in a documented (internal) review of the impact to PCI DSS scope and applicability of controls, with results communicated to executive management."
  - id: "12.6.1"
    title: "A formal security awareness program is implemented to make all personnel aware of the entity's information security policy and procedures, and their role in protecting the cardholder data."
  - id: "12.6.2"
    title: "The security awareness program is reviewed at least once every 12 months, and updated as needed to address any new threats and vulnerabilities that may impact the security of the entity's CDE, or the information provided to personnel about their role in protecting cardholder data."
  - id: "12.6.3"
    title: "Personnel receive security awareness training upon hire and at least once every 12 months."
  - id: "12.6.3.1"
    title: "Security awareness training includes awareness of threats and vulnerabilities that could impact the security of the CDE."
  - id: "12.6.3.2"
    title: "Security awareness training includes awareness about the acceptable use of end-user technologies in accordance with Requirement 12.2.1."
  - id: "12.7.1"
    title: "Potential personnel who will have access to the CDE are screened, within the constraints of local laws, prior to hire to minimize the risk of attacks from internal sources."
  - id: "12.8.1"
    title: "A list of all third-party service providers (TPSPs) with which account data is shared or that could affect the security of account data is maintained, including a description for each of the services provided."
  - id: "12.8.2"
    title: "Written agreements with TPSPs are maintained."
  - id: "12.8.3"
    title: "An established process is implemented for engaging TPSPs, including proper due diligence prior to engagement."
  - id: "12.8.4"
    title: "A program is implemented to monitor TPSPs' PCI DSS compliance status at least once every 12 months."
  - id: "12.8.5"
    title: "Information is maintained about which PCI DSS requirements are managed by each TPSP, which are managed by the entity, and any that are shared between the TPSP and the entity."
  - id: "12.9.1"
    title: "Additional requirement for service providers only: TPSPs acknowledge in writing to customers that they are responsible for the security of account data the TPSP possesses or otherwise stores, processes, or transmits on behalf of the customer, or to the extent that they could impact the security of the customer's CDE."
  - id: "12.9.2"
    title: "Additional requirement for service providers only: TPSPs support their customers' requests for information to meet Requirements 12.8.4 and 12.8.5."
  - id: "12.10.1"
    title: "An incident response plan exists and is ready to be activated in the event of a suspected or confirmed security incident."
  - id: "12.10.2"
    title: "At least once every 12 months, the security incident response plan is reviewed and the content is updated as needed, and tested, including all elements listed in Requirement 12.10.1."
  - id: "12.10.3"
    title: "Specific personnel are designated to be available on a 24/7 basis to respond to suspected or confirmed security incidents."
  - id: "12.10.4"
    title: "Personnel responsible for responding to suspected and confirmed security incidents are appropriately and periodically trained on their incident response responsibilities."
  - id: "12.10.4.1"
    title: "The frequency of periodic training for incident response personnel is defined in the entity's targeted risk analysis."
  - id: "12.10.5"
    title: "The security incident response plan includes monitoring and responding to alerts from security monitoring systems."
  - id: "12.10.6"
    title: "The security incident response plan is modified and evolved according to lessons learned and to incorporate industry developments."
  - id: "12.10.7"
    title: "Incident response procedures are in place, to be initiated upon the detection of stored PAN anywhere it is not expected."

"""####),
        ("builtin/frameworks/soc2.yaml", ####"""
# AICPA 2017 Trust Services Criteria for Security, Availability, Processing Integrity,
# Confidentiality, and Privacy (with revised points of focus, 2022): every criterion of the common
# criteria (CC1–CC9), Availability (A1) and Confidentiality (C1). The criteria have no short titles;
# each title is the criterion's text. Source: AICPA, TSP section 100 (aicpa-cima.com). Processing
# Integrity (PI1) and Privacy (P1–P8) are outside the catalog: no inventory or billing export
# evidences them.
version: 1
framework: soc2
title: SOC 2 — 2017 Trust Services Criteria (AICPA)
scope: Common criteria CC1–CC9, Availability A1 and Confidentiality C1 (every criterion); Processing Integrity and Privacy are not in the catalog.
controls:
  - id: CC1.1
    title: The entity demonstrates a commitment to integrity and ethical values.
  - id: CC1.2
    title: The board of directors demonstrates independence from management and exercises oversight of the development and performance of internal control.
  - id: CC1.3
    title: Management establishes, with board oversight, structures, reporting lines, and appropriate authorities and responsibilities in the pursuit of objectives.
  - id: CC1.4
    title: The entity demonstrates a commitment to attract, develop, and retain competent individuals in alignment with objectives.
  - id: CC1.5
    title: The entity holds individuals accountable for their internal control responsibilities in the pursuit of objectives.
  - id: CC2.1
    title: The entity obtains or generates and uses relevant, quality information to support the functioning of internal control.
  - id: CC2.2
    title: The entity internally communicates information, including objectives and responsibilities for internal control, necessary to support the functioning of internal control.
  - id: CC2.3
    title: The entity communicates with external parties regarding matters affecting the functioning of internal control.
  - id: CC3.1
    title: The entity specifies objectives with sufficient clarity to enable the identification and assessment of risks relating to objectives.
  - id: CC3.2
    title: The entity identifies risks to the achievement of its objectives across the entity and analyzes risks as a basis for determining how the risks should be managed.
  - id: CC3.3
    title: The entity considers the potential for fraud in assessing risks to the achievement of objectives.
  - id: CC3.4
    title: The entity identifies and assesses changes that could significantly impact the system of internal control.
  - id: CC4.1
    title: The entity selects, develops, and performs ongoing and/or separate evaluations to ascertain whether the components of internal control are present and functioning.
  - id: CC4.2
    title: The entity evaluates and communicates internal control deficiencies in a timely manner to those parties responsible for taking corrective action, including senior management and the board of directors, as appropriate.
  - id: CC5.1
    title: The entity selects and develops control activities that contribute to the mitigation of risks to the achievement of objectives to acceptable levels.
  - id: CC5.2
    title: The entity also selects and develops general control activities over technology to support the achievement of objectives.
  - id: CC5.3
    title: The entity deploys control activities through policies that establish what is expected and in procedures that put policies into action.
  - id: CC6.1
    title: The entity implements logical access security software, infrastructure, and architectures over protected information assets to protect them from security events to meet the entity's objectives.
  - id: CC6.2
    title: Prior to issuing system credentials and granting system access, the entity registers and authorizes new internal and external users whose access is administered by the entity. For those users whose access is administered by the entity, user system credentials are removed when user access is no longer authorized.
  - id: CC6.3
    title: The entity authorizes, modifies, or removes access to data, software, functions, and other protected information assets based on roles, responsibilities, or the system design and changes, giving consideration to the concepts of least privilege and segregation of duties, to meet the entity's objectives.
  - id: CC6.4
    title: The entity restricts physical access to facilities and protected information assets (for example, data center facilities, back-up media storage, and other sensitive locations) to authorized personnel to meet the entity's objectives.
  - id: CC6.5
    title: The entity discontinues logical and physical protections over physical assets only after the ability to read or recover data and software from those assets has been diminished and is no longer required to meet the entity's objectives.
  - id: CC6.6
    title: The entity implements logical access security measures to protect against threats from sources outside its system boundaries.
  - id: CC6.7
    title: The entity restricts the transmission, movement, and removal of information to authorized internal and external users and processes, and protects it during transmission, movement, or removal to meet the entity's objectives.
  - id: CC6.8
    title: The entity implements controls to prevent or detect and act upon the introduction of unauthorized or malicious software to meet the entity's objectives.
  - id: CC7.1
    title: To meet its objectives, the entity uses detection and monitoring procedures to identify (1) changes to configurations that result in the introduction of new vulnerabilities, and (2) susceptibilities to newly discovered vulnerabilities.
  - id: CC7.2
    title: The entity monitors system components and the operation of those components for anomalies that are indicative of malicious acts, natural disasters, and errors affecting the entity's ability to meet its objectives; anomalies are analyzed to determine whether they represent security events.
  - id: CC7.3
    title: The entity evaluates security events to determine whether they could or have resulted in a failure of the entity to meet its objectives (security incidents) and, if so, takes actions to prevent or address such failures.
  - id: CC7.4
    title: The entity responds to identified security incidents by executing a defined incident response program to understand, contain, remediate, and communicate security incidents, as appropriate.
  - id: CC7.5
    title: The entity identifies, develops, and implements activities to recover from identified security incidents.
  - id: CC8.1
    title: The entity authorizes, designs, develops or acquires, configures, documents, tests, approves, and implements changes to infrastructure, data, software, and procedures to meet its objectives.
  - id: CC9.1
    title: The entity identifies, selects, and develops risk mitigation activities for risks arising from potential business disruptions.
  - id: CC9.2
    title: The entity assesses and manages risks associated with vendors and business partners.
  - id: A1.1
    title: The entity maintains, monitors, and evaluates current processing capacity and use of system components (infrastructure, data, and software) to manage capacity demand and to enable the implementation of additional capacity to help meet its objectives.
  - id: A1.2
    title: The entity authorizes, designs, develops or acquires, implements, operates, approves, maintains, and monitors environmental protections, software, data back-up processes, and recovery infrastructure to meet its objectives.
  - id: A1.3
    title: The entity tests recovery plan procedures supporting system recovery to meet its objectives.
  - id: C1.1
    title: The entity identifies and maintains confidential information to meet the entity's objectives related to confidentiality.
  - id: C1.2
    title: The entity disposes of confidential information to meet the entity's objectives related to confidentiality.

"""####),
        ("builtin/key-replication/dr-region.yaml", ####"""
version: 1
id: key_replication.dr_region
title: Data of tier-0/1 applications is encrypted with keys that also exist in the application's DR region
severity: high
enforcement: hard
frameworks:
  soc2: [A1.2]
  iso27001_2022: [A.5.30, A.8.24]
  nist_800_53_r5: [SC-12(1), CP-7]
  dora: [Art.11]
description: >-
  Failing a critical application over to its DR region means decrypting its data there — restored
  backups and replicas alike. A single-region key in the primary region turns a regional outage
  into a data outage. For every data store of an active tier-0/1 application (joined through the
  `application` tag) in the application's primary region and under a customer-managed key, the
  key must be usable in the register's `dr_region`.
remediation: >-
  Replace the single-region key with a multi-region key and create its replica in the DR region
  (AWS KMS `ReplicateKey`), or re-encrypt the store with a key that already has one.
applies_to:
  types: [storage.bucket, storage.account, database.*, compute.volume, search.domain, analytics.dataset, messaging.*]
  where:
    encryption.at_rest.key_managed_by: customer
    related:
      type: application
      match:
        name: { ref: tags.application }
      require:
        status: active
        tier: { in: { param: tiers } }
    region:
      equals:
        lookup: { type: application, match: { name: { ref: tags.application } }, path: primary_region }
require:
  encryption.at_rest.key_regions:
    contains:
      lookup: { type: application, match: { name: { ref: tags.application } }, path: dr_region }
message: "{{ name | default: '(unnamed)' }} ({{ tags.application }}) is encrypted with {{ encryption.at_rest.key_id | default: 'an unknown key' }}, usable only in {{ encryption.at_rest.key_regions | join: ', ' | default: 'no known region' }} — not in the DR region"
params:
  tiers: [tier0, tier1]
param_docs:
  tiers: Application tiers whose keys must exist in the DR region.

"""####),
        ("builtin/key-replication/key-replication.test.yaml", ####"""
# Test cases of the key-replication policies (run with `assay test policies`). The inventory's
# linker sets encryption.at_rest.key_regions (where the store's key can decrypt); the tests give it.
version: 1
as_of: 2026-11-27
tests:
  - name: replicated data uses a multi-region key present in every destination region
    policy: key_replication.destinations
    documents:
      - { id: mrk, type: kms.key, region: eu-west-1, kms: { multi_region: true, replica_regions: [eu-central-1] } }
      - { id: single, type: kms.key, region: eu-west-1, kms: { multi_region: false } }
      - id: ledger
        type: storage.bucket
        region: eu-west-1
        replication: { mode: crr, regions: [eu-central-1] }
        encryption: { at_rest: { key_managed_by: customer, key_id: mrk, key_regions: [eu-central-1, eu-west-1] } }
      - id: lake
        type: storage.bucket
        region: eu-west-1
        replication: { mode: crr, regions: [us-east-1] }
        encryption: { at_rest: { key_managed_by: customer, key_id: single, key_regions: [eu-west-1] } }
      - id: second-destination-without-replica
        type: database.table
        region: eu-west-1
        replication: { mode: global-table, regions: [eu-central-1, eu-north-1] }
        encryption: { at_rest: { key_managed_by: customer, key_id: mrk, key_regions: [eu-central-1, eu-west-1] } }
      - id: single-region-key-same-region
        type: database.instance
        region: eu-west-1
        replication: { mode: read-replica, regions: [eu-west-1] }
        encryption: { at_rest: { key_managed_by: customer, key_id: single, key_regions: [eu-west-1] } }
      - id: key-not-in-inputs
        type: storage.bucket
        region: eu-west-1
        replication: { mode: crr, regions: [eu-central-1] }
        encryption: { at_rest: { key_managed_by: customer, key_id: elsewhere } }
      - id: geo-redundant-sku
        type: storage.account
        region: westeurope
        replication: { mode: geo-sku, regions: [northeurope] }
        encryption: { at_rest: { key_managed_by: customer, key_id: vault-key } }
      - id: provider-key
        type: storage.bucket
        region: eu-west-1
        replication: { mode: crr, regions: [us-east-1] }
        encryption: { at_rest: { key_managed_by: provider } }
      - id: analytics-copy
        type: storage.bucket
        region: eu-west-1
        replication: { mode: crr, regions: [eu-central-1] }
        encryption: { at_rest: { key_managed_by: customer, key_id: single, key_regions: [eu-west-1] } }
    waivers:
      - { policy: key_replication.*, resources: [analytics-copy], reason: Multi-region key migration scheduled (CHG-6001), owner: data-platform@acme.example, expires: 2027-02-28 }
    expect: { ledger: pass, lake: fail, second-destination-without-replica: fail, single-region-key-same-region: not_applicable, key-not-in-inputs: fail,
              geo-redundant-sku: not_applicable, provider-key: not_applicable, analytics-copy: waived, mrk: not_applicable }

  - name: tier-0/1 data stores have keys usable in the application's DR region
    policy: key_replication.dr_region
    documents:
      - { id: payments-api, type: application, name: payments-api, status: active, tier: tier0, primary_region: eu-west-1, dr_region: eu-central-1 }
      - { id: reporting, type: application, name: reporting, status: active, tier: tier3, primary_region: eu-west-1, dr_region: eu-central-1 }
      - { id: old-checkout, type: application, name: old-checkout, status: retired, tier: tier1, primary_region: eu-west-1, dr_region: eu-central-1 }
      - id: payments-db
        type: database.instance
        region: eu-west-1
        tags: { application: payments-api }
        encryption: { at_rest: { key_managed_by: customer, key_regions: [eu-central-1, eu-west-1] } }
      - id: payments-cache
        type: database.cluster
        region: eu-west-1
        tags: { application: payments-api }
        encryption: { at_rest: { key_managed_by: customer, key_regions: [eu-west-1] } }
      - id: payments-key-not-in-inputs
        type: storage.bucket
        region: eu-west-1
        tags: { application: payments-api }
        encryption: { at_rest: { key_managed_by: customer } }
      - id: payments-dr-copy
        type: storage.bucket
        region: eu-central-1
        tags: { application: payments-api }
        encryption: { at_rest: { key_managed_by: customer, key_regions: [eu-central-1] } }
      - id: payments-provider-key
        type: storage.bucket
        region: eu-west-1
        tags: { application: payments-api }
        encryption: { at_rest: { key_managed_by: provider } }
      - id: reporting-db
        type: database.instance
        region: eu-west-1
        tags: { application: reporting }
        encryption: { at_rest: { key_managed_by: customer, key_regions: [eu-west-1] } }
      - id: old-checkout-db
        type: database.instance
        region: eu-west-1
        tags: { application: old-checkout }
        encryption: { at_rest: { key_managed_by: customer, key_regions: [eu-west-1] } }
      - id: untagged-db
        type: database.instance
        region: eu-west-1
        encryption: { at_rest: { key_managed_by: customer, key_regions: [eu-west-1] } }
      - id: payments-ledger-archive
        type: storage.bucket
        region: eu-west-1
        tags: { application: payments-api }
        encryption: { at_rest: { key_managed_by: customer, key_regions: [eu-west-1] } }
    waivers:
      - { policy: key_replication.dr_region, resources: [payments-ledger-archive], reason: Archive re-encrypted under the multi-region key in January, owner: payments@acme.example, expires: 2027-01-31 }
    expect: { payments-db: pass, payments-cache: fail, payments-key-not-in-inputs: fail, payments-dr-copy: not_applicable, payments-provider-key: not_applicable,
              reporting-db: not_applicable, old-checkout-db: not_applicable, untagged-db: not_applicable, payments-ledger-archive: waived,
              payments-api: not_applicable }

"""####),
        ("builtin/key-replication/replicated-data.yaml", ####"""
version: 1
id: key_replication.destinations
title: Replicated data is encrypted with a multi-region key that has a replica in every destination region
severity: high
enforcement: hard
frameworks:
  soc2: [A1.2]
  iso27001_2022: [A.8.14, A.8.24]
  nist_800_53_r5: [SC-12(1)]
  dora: [Art.12]
description: >-
  A copy encrypted under a key that does not exist in the copy's region cannot be read there when
  the source region is down — the replica is useless exactly when it is needed. Customer-managed
  keys must be multi-region keys with a replica in every region the data is copied to. Applies to
  replication the customer configures (S3 cross-region replication, RDS read replicas, DynamoDB
  global tables, Aurora global databases) to another region; provider-managed geo-redundancy is out of scope.
remediation: >-
  Create the key as a multi-region key (or migrate to one), replicate it to every destination
  region, and point each destination's encryption at the local replica.
applies_to:
  types: [storage.bucket, storage.account, database.*, search.domain, analytics.dataset, messaging.*]
  where:
    replication.mode: { in: { param: replication_modes } }
    encryption.at_rest.key_managed_by: customer
    some:
      path: replication.regions
      require:
        "@": { not_equals: { ref: $.region } }
require:
  related:
    type: kms.key
    match:
      id: { ref: encryption.at_rest.key_id }
    require:
      kms.multi_region: true
  replication.regions: { subset_of: { ref: encryption.at_rest.key_regions } }
message: "{{ name | default: '(unnamed)' }} replicates to {{ replication.regions | join: ', ' | default: 'unknown regions' }}; its key {{ encryption.at_rest.key_id | default: '(unknown)' }} decrypts in {{ encryption.at_rest.key_regions | join: ', ' | default: 'no known region' }}"
params:
  replication_modes: [crr, read-replica, global-table, global-database]
param_docs:
  replication_modes: Replication modes the customer configures (see docs/inventory.md, replication.mode) whose keys must follow the copies.

"""####),
        ("builtin/logging/gcp-data-access.yaml", ####"""
version: 1
id: logging.audit.gcp_data_access
title: GCP projects record Data Access audit logs for all services
severity: medium
enforcement: soft
frameworks:
  soc2: [CC7.2]
  iso27001_2022: [A.8.15]
  pci_dss_4: ["10.2.1"]
  hipaa: [164.312(b)]
description: >-
  Google Cloud records Admin Activity audit logs in every project and cannot turn them off, but
  Data Access logs — who read or changed the data — are off by default. The project's IAM policy
  carries the setting (`auditConfigs` with `service: allServices` and its `auditLogConfigs[].logType`);
  the linking step reads it from the CAI IAM-policy export merged into the project
  (`audit.data_access_logs`). A project without an IAM policy in the inputs fails with that
  reason: export with `--content-type=iam-policy` too. Audit configs set on a folder or the
  organization are inherited but not read here (waive the projects they cover).
remediation: >-
  Enable Data Access audit logs for allServices (`google_project_iam_audit_config` with
  `service = "allServices"` and `audit_log_config` blocks for `DATA_READ` and `DATA_WRITE`), or set
  them once on the organization.
applies_to:
  types: [account.project]
  where:
    provider: gcp
require:
  audit.data_access_logs: { contains_all: { param: log_types } }
message: "project {{ name | default: '(unnamed)' }} records Data Access logs of types {{ audit.data_access_logs | join: ', ' | default: 'none (no IAM policy in the inputs, or no allServices audit config)' }}; required: {{ params.log_types | join: ', ' }}"
params:
  log_types: [DATA_READ, DATA_WRITE]
param_docs:
  log_types: Data Access log types the allServices audit config must enable (ADMIN_READ, DATA_READ, DATA_WRITE).

"""####),
        ("builtin/logging/logging.test.yaml", ####"""
# Test cases of the audit-logging policies (run with `assay test policies`). `!unknown` is a value
# the export does not know yet (Terraform "known after apply", or a destination not among the inputs).
#
# Cases named `public sample: …` are built from public real-world exports, listed with source,
# licence and transforms in policies/PUBLIC-SAMPLES.md; InventoryTests/PublicSampleCaseTests reads
# each file through Assay's reader and checks the facets the documents below carry. The trail
# `APJCCloudTrail` is AWS's own sample configuration item `AWS_Cloudtrail_Trail.json`
# (awslabs/aws-config-rdk, rdk/template/example_ci/, commit bb24bcab6aa948cceebd96d7826f45176c152fa0,
# Apache-2.0; in shared/external-data/resources/aws-config/rdk-example-ci/): multi-region, log-file
# validation on, delivered to a bucket that is not in the sample — so immutability and the log
# regions are unknown.
version: 1
as_of: 2026-11-27
tests:
  - name: every account and region with resources is recorded by a trail
    policy: logging.audit.trail_coverage
    documents:
      - { id: "aws:111122223333:eu-west-1", type: account.region, provider: aws, account: "111122223333", region: eu-west-1, applications: [payments-api] }
      - { id: "aws:111122223333:us-east-1", type: account.region, provider: aws, account: "111122223333", region: us-east-1, applications: [] }
      - { id: "aws:444455556666:eu-west-1", type: account.region, provider: aws, account: "444455556666", region: eu-west-1, applications: [reporting] }
      - { id: "aws:444455556666:eu-central-1", type: account.region, provider: aws, account: "444455556666", region: eu-central-1, applications: [] }
      - { id: "aws:777788889999:eu-west-1", type: account.region, provider: aws, account: "777788889999", region: eu-west-1, applications: [] }
      - { id: "aws:999900001111:eu-west-1", type: account.region, provider: aws, account: "999900001111", region: eu-west-1, applications: [] }
      - { id: "azure:8f4e:westeurope", type: account.region, provider: azure, account: 8f4e, region: westeurope, applications: [] }
      - { id: "azure:aaaa:westeurope", type: account.region, provider: azure, account: aaaa, region: westeurope, applications: [] }
      - { id: "gcp:acme:europe-west1", type: account.region, provider: gcp, account: acme, region: europe-west1, applications: [] }
      - { id: "aws:222233334444:eu-west-1", type: account.region, provider: aws, account: "222233334444", region: eu-west-1, applications: [sandbox] }
      # A multi-region trail covers every region of its account.
      - { id: org-wide, type: logging.trail, provider: aws, account: "111122223333", region: eu-west-1, audit: { all_regions: true, enabled: true } }
      # A single-region trail covers its home region only.
      - { id: reporting-trail, type: logging.trail, provider: aws, account: "444455556666", region: eu-west-1, audit: { all_regions: false } }
      # A stopped trail records nothing.
      - { id: stopped-trail, type: logging.trail, provider: aws, account: "777788889999", region: eu-west-1, audit: { all_regions: true, enabled: false } }
      # A planned trail whose logging is known only after apply.
      - { id: aws_cloudtrail.main, type: logging.trail, provider: aws, account: "999900001111", region: eu-west-1, audit: { all_regions: true, enabled: !unknown } }
      - { id: activity-log-export, type: logging.trail, provider: azure, account: 8f4e, region: global, audit: { all_regions: true, enabled: true } }
    waivers:
      - { policy: logging.audit.trail_coverage, resources: ["aws:222233334444:*"], reason: Sandbox account closed with CHG-4410, owner: platform@acme.example, expires: 2027-01-31 }
    expect: { "aws:111122223333:eu-west-1": pass, "aws:111122223333:us-east-1": pass, "aws:444455556666:eu-west-1": pass,
              "aws:444455556666:eu-central-1": fail, "aws:777788889999:eu-west-1": fail, "aws:999900001111:eu-west-1": unknown,
              "azure:8f4e:westeurope": pass, "azure:aaaa:westeurope": fail, "gcp:acme:europe-west1": not_applicable,
              "aws:222233334444:eu-west-1": waived, org-wide: not_applicable, reporting-trail: not_applicable, stopped-trail: not_applicable,
              aws_cloudtrail.main: not_applicable, activity-log-export: not_applicable }

  - name: an organization trail covers the member accounts
    policy: logging.audit.trail_coverage
    documents:
      - { id: "aws:555566667777:ap-southeast-1", type: account.region, provider: aws, account: "555566667777", region: ap-southeast-1 }
      - { id: organization-trail, type: logging.trail, provider: aws, account: "000011112222", region: us-east-1, audit: { all_regions: true, organization: true } }
    expect: { "aws:555566667777:ap-southeast-1": pass, organization-trail: not_applicable }

  - name: CloudTrail trails are multi-region
    policy: logging.audit.multi_region
    documents:
      - { id: eu-only, type: logging.trail, provider: aws, region: eu-west-1, audit: { all_regions: false } }
      - { id: aws_cloudtrail.planned, type: logging.trail, provider: aws, region: eu-west-1, audit: { all_regions: !unknown } }
      - { id: activity-log-export, type: logging.trail, provider: azure, region: global, audit: { all_regions: true } }
      - { id: legacy-eu-trail, type: logging.trail, provider: aws, region: eu-west-1, audit: { all_regions: false } }
    waivers:
      - { policy: logging.audit.multi_region, resources: [legacy-eu-trail], reason: Replaced by the organization trail in CHG-4502, owner: security@acme.example, expires: 2027-02-28 }
    expect: { eu-only: fail, aws_cloudtrail.planned: unknown,
              activity-log-export: not_applicable, legacy-eu-trail: waived }

  - name: trails validate their log files
    policy: logging.audit.log_validation
    documents:
      - { id: unvalidated, type: logging.trail, provider: aws, audit: { log_validation: false } }
      - { id: not-reported, type: logging.trail, provider: aws }
      - { id: aws_cloudtrail.planned, type: logging.trail, provider: aws, audit: { log_validation: !unknown } }
      - { id: activity-log-export, type: logging.trail, provider: azure, audit: { all_regions: true } }
      - { id: legacy-trail, type: logging.trail, provider: aws, audit: { log_validation: false } }
    waivers:
      - { policy: logging.audit.log_validation, resources: [legacy-trail], reason: Trail deleted with the legacy account in CHG-4502, owner: security@acme.example, expires: 2027-02-28 }
    expect: { unvalidated: fail, not-reported: fail, aws_cloudtrail.planned: unknown,
              activity-log-export: not_applicable, legacy-trail: waived }

  - name: audit logs land in immutable storage
    policy: logging.audit.immutable_storage
    documents:
      - { id: locked-bucket-trail, type: logging.trail, provider: aws, audit: { destination: acme-audit-logs, destination_immutable: true } }
      - { id: plain-bucket-trail, type: logging.trail, provider: aws, audit: { destination: acme-legacy-trail-logs, destination_immutable: false } }
      - { id: workspace-only, type: logging.trail, provider: azure, audit: { destination: /subscriptions/8f4e/resourceGroups/ops/providers/Microsoft.OperationalInsights/workspaces/ops, destination_immutable: false } }
      - { id: no-destination, type: logging.trail, provider: aws }
      - { id: siem-trail, type: logging.trail, provider: aws, audit: { destination: acme-siem-ingest, destination_immutable: false } }
    waivers:
      - { policy: logging.audit.immutable_storage, resources: [siem-trail], reason: Copy for the SIEM; the organization trail keeps the locked copy, owner: security@acme.example, expires: 2027-06-30 }
    expect: { locked-bucket-trail: pass, plain-bucket-trail: fail, workspace-only: fail,
              no-destination: fail, siem-trail: waived }

  - name: audit logs are kept in two regions
    policy: logging.audit.copied_to_second_region
    documents:
      - { id: replicated, type: logging.trail, provider: aws, audit: { log_regions: [eu-central-1, eu-west-1] } }
      - { id: one-region, type: logging.trail, provider: aws, audit: { log_regions: [eu-west-1] } }
      - { id: destination-elsewhere, type: logging.trail, provider: aws, audit: { log_regions: !unknown } }
      - { id: not-joined, type: logging.trail, provider: aws }
      - { id: siem-trail, type: logging.trail, provider: aws, audit: { log_regions: [eu-west-1] } }
    waivers:
      - { policy: logging.audit.copied_to_second_region, resources: [siem-trail], reason: Copy for the SIEM; the organization trail's logs replicate, owner: security@acme.example, expires: 2027-06-30 }
    expect: { replicated: pass, one-region: fail, destination-elsewhere: unknown, not-joined: fail, siem-trail: waived }

  - name: GCP projects record Data Access logs
    policy: logging.audit.gcp_data_access
    documents:
      - { id: all-types, type: account.project, provider: gcp, audit: { data_access_logs: [ADMIN_READ, DATA_READ, DATA_WRITE] } }
      - { id: writes-only, type: account.project, provider: gcp, audit: { data_access_logs: [DATA_WRITE] } }
      - { id: none-configured, type: account.project, provider: gcp, audit: { data_access_logs: [] } }
      - { id: no-iam-export, type: account.project, provider: gcp }
      - { id: planned-project, type: account.project, provider: gcp, audit: { data_access_logs: !unknown } }
      - { id: sandbox, type: account.project, provider: gcp, audit: { data_access_logs: [] } }
      - { id: azure-group, type: account.resource_group, provider: azure }
    waivers:
      - { policy: logging.audit.gcp_data_access, resources: [sandbox], reason: Sandbox holds no customer data, owner: platform@acme.example, expires: 2027-06-30 }
    expect: { all-types: pass, writes-only: fail, none-configured: fail, no-iam-export: fail, planned-project: unknown, sandbox: waived, azure-group: not_applicable }

  - name: "public sample: AWS Config RDK example CloudTrail trail, multi-region"
    policy: logging.audit.multi_region
    documents:
      - { id: "arn:aws:cloudtrail:ap-southeast-1:123456789012:trail/APJCCloudTrail", name: APJCCloudTrail, type: logging.trail, provider: aws, account: "212591712841", region: ap-southeast-1,
          audit: { all_regions: true, log_validation: true, organization: false, destination: mborch-apjc-cloudtrail-bucket, destination_immutable: !unknown, log_regions: !unknown } }
    expect: { "arn:aws:cloudtrail:ap-southeast-1:123456789012:trail/APJCCloudTrail": pass }

  - name: "public sample: AWS Config RDK example CloudTrail trail with isMultiRegionTrail set to false"
    policy: logging.audit.multi_region
    documents:
      - { id: "arn:aws:cloudtrail:ap-southeast-1:123456789012:trail/APJCCloudTrail", name: APJCCloudTrail, type: logging.trail, provider: aws, account: "212591712841", region: ap-southeast-1,
          audit: { all_regions: false, log_validation: false, organization: false, destination: mborch-apjc-cloudtrail-bucket, destination_immutable: !unknown, log_regions: !unknown } }
    expect: { "arn:aws:cloudtrail:ap-southeast-1:123456789012:trail/APJCCloudTrail": fail }

  - name: "public sample: AWS Config RDK example CloudTrail trail, log-file validation on"
    policy: logging.audit.log_validation
    documents:
      - { id: "arn:aws:cloudtrail:ap-southeast-1:123456789012:trail/APJCCloudTrail", name: APJCCloudTrail, type: logging.trail, provider: aws, account: "212591712841", region: ap-southeast-1,
          audit: { all_regions: true, log_validation: true, organization: false, destination: mborch-apjc-cloudtrail-bucket, destination_immutable: !unknown, log_regions: !unknown } }
    expect: { "arn:aws:cloudtrail:ap-southeast-1:123456789012:trail/APJCCloudTrail": pass }

  - name: "public sample: AWS Config RDK example CloudTrail trail with logFileValidationEnabled set to false"
    policy: logging.audit.log_validation
    documents:
      - { id: "arn:aws:cloudtrail:ap-southeast-1:123456789012:trail/APJCCloudTrail", name: APJCCloudTrail, type: logging.trail, provider: aws, account: "212591712841", region: ap-southeast-1,
          audit: { all_regions: false, log_validation: false, organization: false, destination: mborch-apjc-cloudtrail-bucket, destination_immutable: !unknown, log_regions: !unknown } }
    expect: { "arn:aws:cloudtrail:ap-southeast-1:123456789012:trail/APJCCloudTrail": fail }

  - name: "public sample: AWS Config RDK example CloudTrail trail, log bucket not in the sample (immutability)"
    policy: logging.audit.immutable_storage
    documents:
      - { id: "arn:aws:cloudtrail:ap-southeast-1:123456789012:trail/APJCCloudTrail", name: APJCCloudTrail, type: logging.trail, provider: aws, account: "212591712841", region: ap-southeast-1,
          audit: { all_regions: true, log_validation: true, organization: false, destination: mborch-apjc-cloudtrail-bucket, destination_immutable: !unknown, log_regions: !unknown } }
    expect: { "arn:aws:cloudtrail:ap-southeast-1:123456789012:trail/APJCCloudTrail": unknown }

  - name: "public sample: AWS Config RDK example CloudTrail trail, log bucket not in the sample (log regions)"
    policy: logging.audit.copied_to_second_region
    documents:
      - { id: "arn:aws:cloudtrail:ap-southeast-1:123456789012:trail/APJCCloudTrail", name: APJCCloudTrail, type: logging.trail, provider: aws, account: "212591712841", region: ap-southeast-1,
          audit: { all_regions: true, log_validation: true, organization: false, destination: mborch-apjc-cloudtrail-bucket, destination_immutable: !unknown, log_regions: !unknown } }
    expect: { "arn:aws:cloudtrail:ap-southeast-1:123456789012:trail/APJCCloudTrail": unknown }

  # Two items of the RDK set: the trail (account 212591712841) and a security group of account
  # 264683526309, which no trail of the sample records.
  - name: "public sample: AWS Config RDK example trail and security group of two accounts, trail coverage"
    policy: logging.audit.trail_coverage
    documents:
      - { id: "aws:212591712841:ap-southeast-1", name: 212591712841 ap-southeast-1, type: account.region, provider: aws, account: "212591712841", region: ap-southeast-1, applications: [] }
      - { id: "aws:264683526309:us-east-1", name: 264683526309 us-east-1, type: account.region, provider: aws, account: "264683526309", region: us-east-1, applications: [] }
      - { id: "arn:aws:cloudtrail:ap-southeast-1:123456789012:trail/APJCCloudTrail", name: APJCCloudTrail, type: logging.trail, provider: aws, account: "212591712841", region: ap-southeast-1,
          audit: { all_regions: true, log_validation: true, organization: false, destination: mborch-apjc-cloudtrail-bucket, destination_immutable: !unknown, log_regions: !unknown } }
    expect: { "aws:212591712841:ap-southeast-1": pass, "aws:264683526309:us-east-1": fail, "arn:aws:cloudtrail:ap-southeast-1:123456789012:trail/APJCCloudTrail": not_applicable }

  # forseti-security's mock Cloud Asset Inventory: four projects; 1041 and 1042 have an allServices
  # audit config with every log type, 1043 and 1044 an IAM policy without audit configs.
  - name: "public sample: forseti CAI projects and IAM policies, Data Access logs"
    policy: logging.audit.gcp_data_access
    documents:
      - { id: "//cloudresourcemanager.googleapis.com/projects/1041", name: Project 1, type: account.project, provider: gcp, account: "1041", audit: { data_access_logs: [ADMIN_READ, DATA_READ, DATA_WRITE] } }
      - { id: "//cloudresourcemanager.googleapis.com/projects/1042", name: Project 2, type: account.project, provider: gcp, account: "1042", audit: { data_access_logs: [ADMIN_READ, DATA_READ, DATA_WRITE] } }
      - { id: "//cloudresourcemanager.googleapis.com/projects/1043", name: Project 3, type: account.project, provider: gcp, account: "1043", audit: { data_access_logs: [] } }
      - { id: "//cloudresourcemanager.googleapis.com/projects/1044", name: Project 4, type: account.project, provider: gcp, account: "1044", audit: { data_access_logs: [] } }
    expect: { "//cloudresourcemanager.googleapis.com/projects/1041": pass, "//cloudresourcemanager.googleapis.com/projects/1042": pass,
              "//cloudresourcemanager.googleapis.com/projects/1043": fail, "//cloudresourcemanager.googleapis.com/projects/1044": fail }

"""####),
        ("builtin/logging/trail-coverage.yaml", ####"""
version: 1
id: logging.audit.trail_coverage
title: Every account and region the inventory covers is recorded by an audit trail
severity: high
enforcement: hard
frameworks:
  soc2: [CC7.2]
  iso27001_2022: [A.8.15]
  pci_dss_4: ["10.2.1"]
  hipaa: [164.312(b)]
  dora: [Art.10]
description: >-
  Without an audit trail, nobody can say who changed or deleted what — during an incident, a
  failover or an audit. Each AWS account and region, and each Azure subscription and region, in
  which the live inventory (AWS Config, Resource Graph, CAI) found resources is an `account.region`
  document; it passes when a logging audit trail of the same account records that region: a
  CloudTrail trail that is multi-region or homed in that region, or an organization-wide
  multi-region trail; an Azure diagnostic setting of the subscription that exports the activity
  log (subscription-wide). A stopped trail (`audit.enabled: false`) does not count. An account with
  no trail at all in the exports fails for each of its regions — never a silent pass. Limits: a
  trail of the management account that records the member accounts is only seen when its
  organization flag is exported; Google Cloud records Admin Activity audit logs in every project
  by default (see `logging.audit.gcp_data_access`), so GCP projects are not assessed here.
remediation: >-
  Create a multi-region trail in the account (`aws cloudtrail create-trail --is-multi-region-trail`,
  `aws_cloudtrail` with `is_multi_region_trail = true`), or an organization trail from the
  management account; for Azure, add a subscription diagnostic setting exporting the activity log
  (`az monitor diagnostic-settings subscription create`, `azurerm_monitor_diagnostic_setting` with
  the subscription as target).
applies_to:
  types: [account.region]
  where:
    provider: { in: [aws, azure] }
require:
  any:
    - related:
        type: logging.trail
        match:
          account: { ref: account }
        require:
          audit.enabled: { equals: true, default: true }
          any:
            - audit.all_regions: true
            - region: { ref: $.region }
    - related:
        type: logging.trail
        match:
          provider: { ref: provider }
          audit.organization: true
        require:
          audit.enabled: { equals: true, default: true }
          audit.all_regions: true
message: "{{ provider }} account {{ account }} has resources in {{ region }} (applications: {{ applications | join: ', ' | default: 'none tagged' }}) but no logging audit trail records that region: changes there leave no audit record"

"""####),
        ("builtin/logging/trail-immutable-storage.yaml", ####"""
version: 1
id: logging.audit.immutable_storage
title: Audit logs are delivered to immutable storage
severity: high
enforcement: hard
frameworks:
  soc2: [CC7.2]
  iso27001_2022: [A.8.15]
  pci_dss_4: ["10.3.2", "10.3.3"]
  hipaa: [164.312(b)]
  dora: [Art.12]
description: >-
  An intruder with administrator rights — or ransomware using them — deletes the audit logs
  first. Logs in immutable storage survive that: S3 Object Lock on the trail's bucket, an Azure
  storage account with immutable storage (version-level immutability or an account immutability
  policy), a GCS bucket with a locked retention policy. The linking step joins each trail to its
  destination among the inputs (`audit.destination` → the bucket or storage account) and copies
  the destination's `storage.immutable`; a destination that is not among the inputs, or whose
  export does not say, gives an *unknown* verdict — export the log bucket too. Log Analytics
  workspaces as the only destination are not immutable storage and fail.
remediation: >-
  Deliver the logs to a bucket with S3 Object Lock in compliance mode and a default retention
  (`aws_s3_bucket` `object_lock_enabled = true` plus `aws_s3_bucket_object_lock_configuration`), or
  to an Azure storage account with a locked immutability policy; keep the retention at least the
  audit log retention you must meet (PCI DSS: 12 months).
applies_to:
  types: [logging.trail]
require:
  audit.destination_immutable: true
message: "trail {{ name | default: '(unnamed)' }} delivers to {{ audit.destination | default: 'no destination reported' }}, which is not immutable storage: an administrator (or an attacker with those rights) can delete the audit record"

"""####),
        ("builtin/logging/trail-log-validation.yaml", ####"""
version: 1
id: logging.audit.log_validation
title: CloudTrail trails validate their log files
severity: medium
enforcement: soft
frameworks:
  soc2: [CC7.2]
  iso27001_2022: [A.8.15]
  pci_dss_4: ["10.3.2", "10.3.4"]
  hipaa: [164.312(c)(1)]
description: >-
  Log-file validation makes CloudTrail deliver signed digest files, so anyone can prove that a
  delivered log was not modified or deleted afterwards (`aws cloudtrail validate-logs`). Without
  it, an audit trail cannot show its own integrity. Every CloudTrail trail is assessed
  (`LogFileValidationEnabled`, `enable_log_file_validation`; off when the export omits it, which is
  CloudTrail's default). Azure activity logs have no equivalent and are not assessed.
remediation: >-
  Turn validation on: `aws cloudtrail update-trail --name TRAIL --enable-log-file-validation`, or
  `enable_log_file_validation = true` on `aws_cloudtrail`.
applies_to:
  types: [logging.trail]
  where:
    provider: aws
require:
  audit.log_validation: true
message: "trail {{ name | default: '(unnamed)' }} does not validate its log files: tampering with delivered logs would go unnoticed"

"""####),
        ("builtin/logging/trail-multi-region.yaml", ####"""
version: 1
id: logging.audit.multi_region
title: CloudTrail trails record every region
severity: medium
enforcement: soft
frameworks:
  soc2: [CC7.2]
  iso27001_2022: [A.8.15]
  pci_dss_4: ["10.2.1"]
description: >-
  A single-region trail misses everything done in the other regions — including a region an
  attacker or a mistaken script uses precisely because nobody watches it, and the DR region until
  the day of the failover. A multi-region trail (`IsMultiRegionTrail`, `is_multi_region_trail`) also
  covers regions enabled later. Every CloudTrail trail is assessed; `logging.audit.trail_coverage`
  checks that each account and region is recorded at all.
remediation: >-
  Make the trail multi-region: `aws cloudtrail update-trail --name TRAIL --is-multi-region-trail`,
  or `is_multi_region_trail = true` on `aws_cloudtrail`.
applies_to:
  types: [logging.trail]
  where:
    provider: aws
require:
  audit.all_regions: true
message: "trail {{ name | default: '(unnamed)' }} records only {{ region | default: 'its home region' }}: activity in every other region goes unrecorded"

"""####),
        ("builtin/logging/trail-second-region.yaml", ####"""
version: 1
id: logging.audit.copied_to_second_region
title: Audit logs are kept in a second region
severity: medium
enforcement: soft
frameworks:
  soc2: [CC7.2, A1.2]
  iso27001_2022: [A.8.15, A.8.13]
  pci_dss_4: ["10.3.3"]
  dora: [Art.12]
description: >-
  Audit logs in one region are lost with that region — exactly when the incident review needs
  them, and observability must not depend on the region that failed. The linking step follows
  each trail to its destination bucket and lists where the logs are
  (`audit.log_regions`: the bucket's region plus the regions its replication rules copy to).
  Two or more regions pass; a destination not among the inputs, or whose replication
  destinations cannot be placed, gives an *unknown* verdict. Azure storage accounts count their
  geo-redundant secondary (`GRS`/`GZRS` SKUs) through `replication.regions`.
remediation: >-
  Replicate the log bucket to a bucket in the DR region (S3 replication with `aws_s3_bucket_replication_configuration`,
  Object Lock enabled on the destination too), or use a geo-redundant storage account.
applies_to:
  types: [logging.trail]
require:
  audit.log_regions: { length: { gte: 2 } }
message: "trail {{ name | default: '(unnamed)' }} keeps its logs only in {{ audit.log_regions | join: ', ' | default: 'an unknown region' }}: a regional outage takes the audit record with it"

"""####),
        ("builtin/network/ingress-sensitive-ports.yaml", ####"""
version: 1
id: network.ingress.sensitive_ports
title: Admin and database ports are not open to the internet
severity: high
enforcement: hard
frameworks:
  soc2: [CC6.6]
  iso27001_2022: [A.8.20]
  nist_800_53_r5: [SC-7, CM-7]
  pci_dss_4: ["1.4.2"]
  dora: [Art.9]
description: >-
  SSH, RDP and database listeners reachable from the whole internet are scanned within minutes
  and brute-forced or exploited as soon as a weakness is published; an exposed database also
  bypasses every application control in front of it. No rule of a security group, NSG or firewall
  allows ingress on an admin or database port (a port range covering the port counts) from a
  public address block (0.0.0.0/0, ::/0 or any other public range). Rules that name only other
  security groups or prefix lists carry no CIDR block and pass.
remediation: >-
  Restrict the rule's source to the private ranges, VPN or bastion that need the port (or to
  another security group), or remove the rule and reach the host through a session manager
  (SSM Session Manager, Azure Bastion, IAP TCP forwarding).
applies_to:
  types: [network.security_group, network.security_group_rule]
require:
  every:
    path: network.rules
    where:
      direction: ingress
      action: allow
      protocol: { in: { param: protocols } }
      ports: { overlaps: { param: ports } }
    require:
      sources: { is_public_cidr: false }
message: "{{ name | default: '(unnamed)' }} allows ingress on an admin or database port from a public address block ({{ type }})"
params:
  ports: [22, 3389, 1433, 1521, 3306, 5432, 6379, 9200, 11211, 27017]
  protocols: [tcp, all]
param_docs:
  ports: Ports (or [low, high] ranges) that must never be reachable from a public address block — admin (SSH 22, RDP 3389) and database (SQL Server 1433, Oracle 1521, MySQL 3306, PostgreSQL 5432, Redis 6379, Elasticsearch 9200, Memcached 11211, MongoDB 27017).
  protocols: Normalized protocols the ports are checked for (`all` is a rule for every protocol).

"""####),
        ("builtin/network/network.test.yaml", ####"""
# Test cases of the network policies (run with `assay test policies`). `!unknown` is a value the
# export does not know yet (Terraform "known after apply").
#
# Cases named `public sample: …` are built from public real-world exports, listed with source,
# licence and transforms in policies/PUBLIC-SAMPLES.md; InventoryTests/PublicSampleCaseTests (and
# NetworkRuleTests for the RDK group) read each file through Assay's reader and check the facets
# the documents carry.
version: 1
as_of: 2026-11-27
tests:
  - name: admin and database ports closed to the internet
    policy: network.ingress.sensitive_ports
    documents:
      - id: web-https-only
        type: network.security_group
        network: { rules: [ { direction: ingress, action: allow, protocol: tcp, ports: { from: 443, to: 443 }, sources: [0.0.0.0/0, "::/0"] },
                            { direction: egress, action: allow, protocol: all, ports: { from: 0, to: 65535 }, destinations: [0.0.0.0/0] } ] }
      - id: ssh-from-vpn
        type: network.security_group
        network: { rules: [ { direction: ingress, action: allow, protocol: tcp, ports: { from: 22, to: 22 }, sources: [10.20.0.0/16, 192.168.8.0/24] } ] }
      - id: ssh-from-anywhere
        type: network.security_group
        network: { rules: [ { direction: ingress, action: allow, protocol: tcp, ports: { from: 22, to: 22 }, sources: [0.0.0.0/0] } ] }
      - id: postgres-from-ipv6-anywhere
        type: network.security_group
        network: { rules: [ { direction: ingress, action: allow, protocol: tcp, ports: { from: 5432, to: 5432 }, sources: ["::/0"] } ] }
      # Port ranges covering a port count; the boundaries around 22.
      - id: range-20-to-21
        type: network.security_group
        network: { rules: [ { direction: ingress, action: allow, protocol: tcp, ports: { from: 20, to: 21 }, sources: [0.0.0.0/0] } ] }
      - id: range-20-to-22
        type: network.security_group
        network: { rules: [ { direction: ingress, action: allow, protocol: tcp, ports: { from: 20, to: 22 }, sources: [0.0.0.0/0] } ] }
      - id: range-23-to-1432
        type: network.security_group
        network: { rules: [ { direction: ingress, action: allow, protocol: tcp, ports: { from: 23, to: 1432 }, sources: [0.0.0.0/0] } ] }
      - id: all-traffic-from-a-public-block
        type: network.security_group
        network: { rules: [ { direction: ingress, action: allow, protocol: all, ports: { from: 0, to: 65535 }, sources: [8.8.8.0/24] } ] }
      - id: udp-and-icmp-only
        type: network.security_group
        network: { rules: [ { direction: ingress, action: allow, protocol: udp, ports: { from: 22, to: 22 }, sources: [0.0.0.0/0] },
                            { direction: ingress, action: allow, protocol: icmp, sources: [0.0.0.0/0] } ] }
      - id: rdp-denied-by-nsg-rule
        type: network.security_group
        network: { rules: [ { direction: ingress, action: deny, protocol: tcp, ports: { from: 3389, to: 3389 }, sources: [0.0.0.0/0] } ] }
      - id: group-reference-only
        type: network.security_group
        network: { rules: [ { direction: ingress, action: allow, protocol: tcp, ports: { from: 3306, to: 3306 }, sources: [] } ] }
      - id: separate-rule-resource
        type: network.security_group_rule
        network: { rules: [ { direction: ingress, action: allow, protocol: tcp, ports: { from: 3389, to: 3389 }, sources: [0.0.0.0/0] } ] }
      - id: no-rules
        type: network.security_group
        network: { rules: [] }
      - id: rules-not-reported
        type: network.security_group
      # Terraform plan: the CIDR blocks, or the whole rule list, are known only after apply.
      - id: sources-after-apply
        type: network.security_group
        network: { rules: [ { direction: ingress, action: allow, protocol: tcp, ports: { from: 22, to: 22 }, sources: !unknown } ] }
      - id: rules-after-apply
        type: network.security_group
        network: { rules: [ { direction: ingress, action: !unknown, protocol: !unknown, ports: !unknown, sources: !unknown } ] }
      - id: egress-after-apply
        type: network.security_group
        network: { rules: [ { direction: ingress, action: allow, protocol: tcp, ports: { from: 443, to: 443 }, sources: [0.0.0.0/0] },
                            { direction: egress, action: !unknown, protocol: !unknown, ports: !unknown, destinations: !unknown } ] }
      - id: lab-bastion
        type: network.security_group
        network: { rules: [ { direction: ingress, action: allow, protocol: tcp, ports: { from: 22, to: 22 }, sources: [0.0.0.0/0] } ] }
      - id: bucket
        type: storage.bucket
    waivers:
      - { policy: network.ingress.sensitive_ports, resources: [lab-bastion], reason: Training lab torn down after the workshop, owner: sre@acme.example, expires: 2026-12-15 }
    expect: { web-https-only: pass, ssh-from-vpn: pass, ssh-from-anywhere: fail, postgres-from-ipv6-anywhere: fail, range-20-to-21: pass, range-20-to-22: fail,
              range-23-to-1432: pass, all-traffic-from-a-public-block: fail, udp-and-icmp-only: pass, rdp-denied-by-nsg-rule: pass, group-reference-only: pass,
              separate-rule-resource: fail, no-rules: pass, rules-not-reported: fail, sources-after-apply: unknown, rules-after-apply: unknown, egress-after-apply: pass,
              lab-bastion: waived, bucket: not_applicable }

  - name: the checked ports are a parameter
    policy: network.ingress.sensitive_ports
    params: { ports: [[8000, 8100]] }
    documents:
      - id: ssh-open
        type: network.security_group
        network: { rules: [ { direction: ingress, action: allow, protocol: tcp, ports: { from: 22, to: 22 }, sources: [0.0.0.0/0] } ] }
      - id: admin-console-open
        type: network.security_group
        network: { rules: [ { direction: ingress, action: allow, protocol: tcp, ports: { from: 8080, to: 8080 }, sources: [0.0.0.0/0] } ] }
      - id: admin-console-private
        type: network.security_group
        network: { rules: [ { direction: ingress, action: allow, protocol: tcp, ports: { from: 8080, to: 8080 }, sources: [10.0.0.0/8] } ] }
      - id: legacy-admin
        type: network.security_group
        network: { rules: [ { direction: ingress, action: allow, protocol: tcp, ports: { from: 8000, to: 8000 }, sources: [0.0.0.0/0] } ] }
    waivers:
      - { policy: network.ingress.sensitive_ports, resources: [legacy-admin], reason: Decommissioned in CHG-2211, owner: platform@acme.example, expires: 2027-01-31 }
    expect: { ssh-open: pass, admin-console-open: fail, admin-console-private: pass, legacy-admin: waived }

  - name: primary and DR rules of an application match
    policy: network.rules.primary_dr_consistent
    documents:
      # What the linking step gives two groups of payments-api: the DR group lacks the partner range.
      - { id: payments-sg-eu-west-1, name: payments-sg, type: network.security_group, region: eu-west-1, tags: { environment: prod, application: payments-api },
          network: { rule_keys: ["ingress tcp 443 0.0.0.0/0", "ingress tcp 5432 private", "ingress tcp 8443 198.51.200.0/24"],
                     counterparts: ["payments-sg (eu-central-1)"], counterpart_rule_keys: ["ingress tcp 443 0.0.0.0/0", "ingress tcp 5432 private"] } }
      - { id: payments-sg-eu-central-1, name: payments-sg, type: network.security_group, region: eu-central-1, tags: { environment: dr, application: payments-api },
          network: { rule_keys: ["ingress tcp 443 0.0.0.0/0", "ingress tcp 5432 private"],
                     counterparts: ["payments-sg (eu-west-1)"], counterpart_rule_keys: ["ingress tcp 443 0.0.0.0/0", "ingress tcp 5432 private", "ingress tcp 8443 198.51.200.0/24"] } }
      # The DR group opens SSH to the internet, the primary does not.
      - { id: checkout-sg-dr, name: checkout-sg, type: network.security_group, region: eu-central-1, tags: { environment: dr, application: checkout-web },
          network: { rule_keys: ["ingress tcp 22 0.0.0.0/0", "ingress tcp 443 0.0.0.0/0"], counterparts: ["checkout-sg (eu-west-1)"],
                     counterpart_rule_keys: ["ingress tcp 443 0.0.0.0/0"] } }
      - { id: one-region-sg, type: network.security_group, region: eu-west-1, tags: { environment: prod, application: reporting }, network: { rule_keys: ["ingress tcp 443 0.0.0.0/0"] } }
      - { id: planned-sg, type: network.security_group, region: eu-central-1, tags: { environment: dr, application: identity },
          network: { rule_keys: !unknown, counterparts: ["identity-sg (eu-west-1)"], counterpart_rule_keys: ["ingress tcp 443 0.0.0.0/0"] } }
      - { id: dev-sg, type: network.security_group, region: eu-west-1, tags: { environment: dev, application: payments-api },
          network: { rule_keys: ["ingress tcp 22 0.0.0.0/0"], counterparts: ["payments-sg (eu-central-1)"], counterpart_rule_keys: [] } }
      - { id: portal-sg-dr, name: portal-sg, type: network.security_group, region: eu-central-1, tags: { environment: dr, application: customer-portal },
          network: { rule_keys: ["ingress tcp 443 0.0.0.0/0", "ingress tcp 9090 private"], counterparts: ["portal-sg (eu-west-1)"],
                     counterpart_rule_keys: ["ingress tcp 443 0.0.0.0/0"] } }
    waivers:
      - { policy: network.rules.primary_dr_consistent, resources: [portal-sg-dr], reason: DR-only replication monitor on 9090, owner: web@acme.example, expires: 2027-03-31 }
    expect: { payments-sg-eu-west-1: fail, payments-sg-eu-central-1: pass, checkout-sg-dr: fail, one-region-sg: not_applicable, planned-sg: unknown,
              dev-sg: not_applicable, portal-sg-dr: waived }

  # AWS's own sample configuration item (awslabs/aws-config-rdk, rdk/template/example_ci/AWS_EC2_SecurityGroup.json):
  # group launch-wizard-7 opens tcp 22 to 0.0.0.0/0. The item has no resourceName: the name is its groupName.
  - name: "public sample: AWS Config RDK example security group launch-wizard-7"
    policy: network.ingress.sensitive_ports
    documents:
      - id: "arn:aws:ec2:us-east-1:264683526309:security-group/sg-1d56fc66"
        name: launch-wizard-7
        type: network.security_group
        provider: aws
        network: { rules: [ { direction: ingress, action: allow, protocol: tcp, ports: { from: 22, to: 22 }, sources: [0.0.0.0/0] },
                            { direction: egress, action: allow, protocol: all, ports: { from: 0, to: 65535 }, destinations: [0.0.0.0/0] } ] }
    expect: { "arn:aws:ec2:us-east-1:264683526309:security-group/sg-1d56fc66": fail }

  # forseti-security's mock Cloud Asset Inventory: the default firewalls of two projects.
  - name: "public sample: forseti CAI default firewalls of two projects"
    policy: network.ingress.sensitive_ports
    documents:
      - { id: "//compute.googleapis.com/projects/project1/global/firewalls/default-allow-https-lb", name: default-allow-https-lb, type: network.security_group, provider: gcp,
          network: { rules: [ { direction: ingress, action: allow, protocol: tcp, ports: { from: 80, to: 80 }, sources: [130.211.0.0/22, 35.191.0.0/16] }, { direction: ingress, action: allow, protocol: tcp, ports: { from: 443, to: 443 }, sources: [130.211.0.0/22, 35.191.0.0/16] } ] } }
      - { id: "//compute.googleapis.com/projects/project1/global/firewalls/default-allow-ssh", name: default-allow-ssh, type: network.security_group, provider: gcp,
          network: { rules: [ { direction: ingress, action: allow, protocol: tcp, ports: { from: 22, to: 22 }, sources: [0.0.0.0/0] } ] } }
      - { id: "//compute.googleapis.com/projects/project1/global/firewalls/default-allow-internal", name: default-allow-internal, type: network.security_group, provider: gcp,
          network: { rules: [ { direction: ingress, action: allow, protocol: tcp, ports: { from: 22, to: 22 }, sources: [10.0.0.0/8] }, { direction: ingress, action: allow, protocol: icmp, sources: [10.0.0.0/8] } ] } }
      - { id: "//compute.googleapis.com/projects/project2/global/firewalls/default-allow-icmp", name: default-allow-icmp, type: network.security_group, provider: gcp,
          network: { rules: [ { direction: ingress, action: allow, protocol: icmp, sources: [0.0.0.0/0] } ] } }
      - { id: "//compute.googleapis.com/projects/project2/global/firewalls/default-allow-rdp", name: default-allow-rdp, type: network.security_group, provider: gcp,
          network: { rules: [ { direction: ingress, action: allow, protocol: tcp, ports: { from: 3389, to: 3389 }, sources: [0.0.0.0/0] } ] } }
      - { id: "//compute.googleapis.com/projects/project2/global/firewalls/default-allow-ssh", name: default-allow-ssh, type: network.security_group, provider: gcp,
          network: { rules: [ { direction: ingress, action: allow, protocol: tcp, ports: { from: 22, to: 22 }, sources: [0.0.0.0/0] } ] } }
      - { id: "//compute.googleapis.com/projects/project2/global/firewalls/default-allow-internal", name: default-allow-internal, type: network.security_group, provider: gcp,
          network: { rules: [ { direction: ingress, action: allow, protocol: udp, ports: { from: 1, to: 65535 }, sources: [10.0.0.0/8] }, { direction: ingress, action: allow, protocol: tcp, ports: { from: 1, to: 65535 }, sources: [10.0.0.0/8] }, { direction: ingress, action: allow, protocol: icmp, sources: [10.0.0.0/8] } ] } }
    expect: { "//compute.googleapis.com/projects/project1/global/firewalls/default-allow-https-lb": pass,
              "//compute.googleapis.com/projects/project1/global/firewalls/default-allow-ssh": fail,
              "//compute.googleapis.com/projects/project1/global/firewalls/default-allow-internal": pass,
              "//compute.googleapis.com/projects/project2/global/firewalls/default-allow-icmp": pass,
              "//compute.googleapis.com/projects/project2/global/firewalls/default-allow-rdp": fail,
              "//compute.googleapis.com/projects/project2/global/firewalls/default-allow-ssh": fail,
              "//compute.googleapis.com/projects/project2/global/firewalls/default-allow-internal": pass }

"""####),
        ("builtin/network/primary-dr-consistent.yaml", ####"""
version: 1
id: network.rules.primary_dr_consistent
title: An application's firewall rules in its DR region match those in its primary region
severity: medium
enforcement: soft
frameworks:
  soc2: [A1.2, CC8.1]
  iso27001_2022: [A.8.14, A.8.20]
  nist_800_53_r5: [CM-2, CP-7]
  pci_dss_4: ["1.2.8"]
description: >-
  A failover that lands on security groups missing a rule fails on the day it is needed (the
  application cannot reach its database, the load balancer refuses the partner's range); a DR
  region with a rule the primary lacks is an exposure nobody reviews. The linking step groups the
  security groups, NSGs and firewalls of each application (`application` tag) and provider by
  region, and gives each group the rules of the same application's groups in the other regions
  (`network.counterparts`, `network.counterpart_rule_keys`). Every allowed rule of a group —
  direction, protocol, ports and each peer block, private blocks compared as `private` because
  regions use different address plans — must appear among its counterparts' rules; the check runs
  in both directions, so a rule present in one region and missing in the other is a finding
  naming the group, its region and the groups it was compared with. Limits: rules are compared as
  a whole per application, not group by group; peers that are other security groups or service
  tags are not compared; an application with groups in one region only is not assessed.
remediation: >-
  Create both regions' rules from one Terraform module (the region as a variable), or add the
  missing rule to the region that lacks it — or remove it from the one that should not have it.
applies_to:
  types: [network.security_group]
  where:
    tags.environment: { in: { param: environments } }
    network.counterparts: { empty: false }
require:
  network.rule_keys: { subset_of: { ref: network.counterpart_rule_keys } }
message: "{{ name | default: '(unnamed)' }} ({{ region }}) of {{ tags.application }} allows {{ network.rule_keys | missing_from: 'network.counterpart_rule_keys' | join: '; ' }}, which {{ network.counterparts | join: ', ' }} do not"
params:
  environments: [prod, dr]
param_docs:
  environments: Environment tag values whose security groups are compared.

"""####),
        ("builtin/operations/documents-review-age.yaml", ####"""
version: 1
id: operations.documents.review_age
title: Runbooks, continuity plans and incident playbooks are reviewed within their application tier's cycle
severity: medium
enforcement: soft
frameworks:
  soc2: [CC7.4, CC7.5]
  iso27001_2022: [A.5.24, A.5.37]
  nist_800_53_r5: [CP-2]
  pci_dss_4: ["12.10.2"]
  hipaa: [164.308(a)(7)(ii)(D)]
  dora: [Art.11]
description: >-
  Procedures rot: hosts are renamed, regions added, people leave. A runbook, business-continuity
  plan or incident-response playbook (`ops.runbook`, `ops.continuity_plan`,
  `ops.incident_playbook`) must have been reviewed within the cycle of its application's tier —
  by default six months for tier 0/1 and a year for tier 2/3 (PCI DSS 12.10.2 asks yearly for
  the incident-response plan). The tier is the application register's; a document of an
  application without a tier, or of one the register does not hold, is unknown. Retired
  applications' documents are not assessed. The register records the review date; whether the
  review was more than a signature is beyond any export.
remediation: >-
  Review the document with the application's owner (walk it against the current architecture
  and contacts), publish a new version and record `last_review_date`.
applies_to:
  types: [ops.runbook, ops.continuity_plan, ops.incident_playbook]
  where:
    application_status: { not_equals: retired }
require:
  last_review_date: { within_days: { param: max_review_age_days, key: application_tier } }
message: "{{ type }} {{ id }} of {{ application }} ({{ application_tier }}): last review {{ last_review_date | default: 'never' }}, beyond its tier's cycle of {{ params.max_review_age_days | entry_for: 'application_tier' | default: '(none)' }} days"
unknown_message: "{{ type }} {{ id }}: the review cycle depends on the tier of {{ application }}, which the application register does not give"
params:
  max_review_age_days: { tier0: 180, tier1: 180, tier2: 365, tier3: 365 }
param_docs:
  max_review_age_days: Maximum age in days of the last review, per application tier.

"""####),
        ("builtin/operations/documents-test-age.yaml", ####"""
version: 1
id: operations.documents.test_age
title: Runbooks, continuity plans and incident playbooks are exercised within their application tier's cycle
severity: medium
enforcement: soft
frameworks:
  soc2: [A1.3]
  iso27001_2022: [A.5.30]
  nist_800_53_r5: [CP-4]
  pci_dss_4: ["12.10.2"]
  hipaa: [164.308(a)(7)(ii)(D)]
  dora: [Art.11]
description: >-
  A procedure nobody has followed since it was written fails on its first real use. Every
  runbook, business-continuity plan and incident-response playbook must have been exercised — a
  failover, a continuity exercise, a tabletop — within the cycle of its application's tier: by
  default six months for tier 0, a year for tiers 1 and 2, two years for tier 3. A document never
  tested (no `last_test_date`) fails. Unknown when the application has no tier or is not in the
  register. The register records the exercise date; what the exercise covered and found is in the
  DR test log (`dr.test`) and beyond this policy.
remediation: >-
  Exercise the document (a DR test following the runbook, a continuity exercise, an incident
  tabletop), fix what the exercise found, and record `last_test_date`.
applies_to:
  types: [ops.runbook, ops.continuity_plan, ops.incident_playbook]
  where:
    application_status: { not_equals: retired }
require:
  last_test_date: { within_days: { param: max_test_age_days, key: application_tier } }
message: "{{ type }} {{ id }} of {{ application }} ({{ application_tier }}): last exercise {{ last_test_date | default: 'never' }}, beyond its tier's cycle of {{ params.max_test_age_days | entry_for: 'application_tier' | default: '(none)' }} days"
unknown_message: "{{ type }} {{ id }}: the exercise cycle depends on the tier of {{ application }}, which the application register does not give"
params:
  max_test_age_days: { tier0: 180, tier1: 365, tier2: 365, tier3: 730 }
param_docs:
  max_test_age_days: Maximum age in days of the last exercise, per application tier.

"""####),
        ("builtin/operations/operations.test.yaml", ####"""
# Test cases of the operational-document policies (run with `assay test policies`).
# `application_tier` and `application_status` are what the pipeline copies from the application
# register onto each document (docs/registers.md, "Operational documents"); tests give them.
# `!unknown` is the tier of an application the register does not hold, or holds without a tier.
#
# Public case: PagerDuty's incident-response process, PagerDuty/incident-response-docs
# (https://response.pagerduty.com, Apache-2.0), recorded as an `ops.incident_playbook` of a tier-0
# application; its version is the repository commit the record was read at (0f1fc741); the review
# and exercise dates are ours (the repository does not publish them).
version: 1
as_of: 2026-11-27
tests:
  - name: tier-0/1 applications have a runbook
    policy: operations.runbook.present
    documents:
      - { id: payments, type: application, name: payments, status: active, tier: tier0 }
      - { id: checkout, type: application, name: checkout, status: active, tier: tier1 }
      - { id: playbook-only, type: application, name: playbook-only, status: active, tier: tier1 }
      - { id: reporting, type: application, name: reporting, status: active, tier: tier2 }
      - { id: retired, type: application, name: retired, status: retired, tier: tier0 }
      - { id: tier-not-known, type: application, name: tier-not-known, status: active, tier: !unknown }
      - { id: new-service, type: application, name: new-service, status: active, tier: tier1 }
      - { id: payments/failover, type: ops.runbook, application: payments, version: "7.2", last_review_date: "2026-09-30" }
      - { id: playbook-only/incident, type: ops.incident_playbook, application: playbook-only, version: "1.0", last_review_date: "2026-09-30" }
      - { id: pagerduty-incident-response, type: ops.incident_playbook, application: payments, owner: PagerDuty, version: "0f1fc741",
          title: PagerDuty Incident Response Documentation, last_review_date: "2026-10-01", last_test_date: "2026-10-15" }
    waivers:
      - { policy: operations.runbook.present, resources: [new-service], reason: Runbook written during the launch readiness review on 2026-12-10, owner: platform@acme.example, expires: 2026-12-15 }
    expect: { payments: pass, checkout: fail, playbook-only: fail, reporting: not_applicable, retired: not_applicable, tier-not-known: unknown,
              new-service: waived }

  - name: documents are reviewed within their tier's cycle
    policy: operations.documents.review_age
    documents:
      - { id: tier0-recent, type: ops.runbook, application: a, application_status: active, application_tier: tier0, last_review_date: "2026-09-30" }
      - { id: tier0-at-limit, type: ops.runbook, application: a, application_status: active, application_tier: tier0, last_review_date: "2026-05-31" }
      - { id: tier0-one-day-over, type: ops.runbook, application: a, application_status: active, application_tier: tier0, last_review_date: "2026-05-30" }
      - { id: tier2-old, type: ops.continuity_plan, application: b, application_status: active, application_tier: tier2, last_review_date: "2025-12-01" }
      - { id: tier2-too-old, type: ops.continuity_plan, application: b, application_status: active, application_tier: tier2, last_review_date: "2025-11-26" }
      - { id: never-reviewed, type: ops.incident_playbook, application: a, application_status: active, application_tier: tier1 }
      - { id: unregistered-app, type: ops.runbook, application: payment-api, application_status: unregistered, application_tier: !unknown, last_review_date: "2026-09-30" }
      - { id: retired-app, type: ops.runbook, application: old, application_status: retired, application_tier: tier3, last_review_date: "2020-01-01" }
      - { id: pagerduty-incident-response, type: ops.incident_playbook, application: payments, application_status: active, application_tier: tier0,
          owner: PagerDuty, version: "0f1fc741", last_review_date: "2026-10-01", last_test_date: "2026-10-15" }
      - { id: rewrite-pending, type: ops.runbook, application: a, application_status: active, application_tier: tier0, last_review_date: "2026-01-05" }
      - { id: application, type: application, name: a, status: active, tier: tier0 }
    waivers:
      - { policy: operations.documents.review_age, resources: [rewrite-pending], reason: Replaced by the new platform runbook (DOC-51) this month, owner: sre@acme.example, expires: 2026-12-31 }
    expect: { tier0-recent: pass, tier0-at-limit: pass, tier0-one-day-over: fail, tier2-old: pass, tier2-too-old: fail, never-reviewed: fail,
              unregistered-app: unknown, retired-app: not_applicable, pagerduty-incident-response: pass, rewrite-pending: waived, application: not_applicable }

  - name: documents are exercised within their tier's cycle
    policy: operations.documents.test_age
    documents:
      - { id: tier0-exercised, type: ops.runbook, application: a, application_status: active, application_tier: tier0, last_test_date: "2026-10-14" }
      - { id: tier0-stale, type: ops.continuity_plan, application: a, application_status: active, application_tier: tier0, last_test_date: "2025-09-15" }
      - { id: tier1-at-limit, type: ops.runbook, application: b, application_status: active, application_tier: tier1, last_test_date: "2025-11-27" }
      - { id: tier1-one-day-over, type: ops.runbook, application: b, application_status: active, application_tier: tier1, last_test_date: "2025-11-26" }
      - { id: tier3-two-years, type: ops.runbook, application: c, application_status: active, application_tier: tier3, last_test_date: "2025-01-10" }
      - { id: never-tested, type: ops.runbook, application: b, application_status: active, application_tier: tier2, last_review_date: "2026-08-20" }
      - { id: no-tier, type: ops.incident_playbook, application: d, application_status: active, application_tier: !unknown, last_test_date: "2026-07-01" }
      - { id: retired-app, type: ops.runbook, application: old, application_status: retired, application_tier: tier3 }
      - { id: pagerduty-incident-response, type: ops.incident_playbook, application: payments, application_status: active, application_tier: tier0,
          owner: PagerDuty, version: "0f1fc741", last_review_date: "2026-10-01", last_test_date: "2026-10-15" }
      - { id: exercise-booked, type: ops.continuity_plan, application: a, application_status: active, application_tier: tier0, last_test_date: "2026-02-01" }
    waivers:
      - { policy: operations.documents.test_age, resources: [exercise-booked], reason: Continuity exercise booked for 2026-12-08, owner: commerce-ops@acme.example, expires: 2026-12-20 }
    expect: { tier0-exercised: pass, tier0-stale: fail, tier1-at-limit: pass, tier1-one-day-over: fail, tier3-two-years: pass, never-tested: fail,
              no-tier: unknown, retired-app: not_applicable, pagerduty-incident-response: pass, exercise-booked: waived }

  # Public sample (policies/PUBLIC-SAMPLES.md): the GOV.UK developer docs' runbook for the
  # email-alert-api health-check alert, alphagov/govuk-developer-docs
  # source/manual/alerts/email-alert-api-app-healthcheck-not-ok.html.md (MIT, commit 08a1bb25), kept in
  # Tests/ResilienceTests/Fixtures/public-samples. Its front matter is the record (owner_slack → owner,
  # last_reviewed_on → last_review_date; the application is the first word of the title); it records no
  # exercise. The application's register entry (active, tier 1) is ours.
  # Tests/ResilienceTests/PublicSampleOperationsTests.swift maps the page and checks these fields.
  - name: "public sample: GOV.UK email-alert-api runbook, last reviewed 2018-08-31"
    policy: operations.documents.review_age
    documents:
      - { id: source/manual/alerts/email-alert-api-app-healthcheck-not-ok, type: ops.runbook, application: email-alert-api, owner: "#govuk-2ndline",
          title: email-alert-api app healthcheck not ok, last_review_date: "2018-08-31", application_tier: tier1, application_status: active }
    expect: { source/manual/alerts/email-alert-api-app-healthcheck-not-ok: fail }
  # The same page as of three months after its review (its own `review_in` is 6 months): current then.
  - name: "public sample: GOV.UK email-alert-api runbook, as of 2018-12-01"
    policy: operations.documents.review_age
    as_of: 2018-12-01
    documents:
      - { id: source/manual/alerts/email-alert-api-app-healthcheck-not-ok, type: ops.runbook, application: email-alert-api, owner: "#govuk-2ndline",
          title: email-alert-api app healthcheck not ok, last_review_date: "2018-08-31", application_tier: tier1, application_status: active }
    expect: { source/manual/alerts/email-alert-api-app-healthcheck-not-ok: pass }
  - name: "public sample: GOV.UK email-alert-api runbook, no exercise recorded"
    policy: operations.documents.test_age
    documents:
      - { id: source/manual/alerts/email-alert-api-app-healthcheck-not-ok, type: ops.runbook, application: email-alert-api, owner: "#govuk-2ndline",
          title: email-alert-api app healthcheck not ok, last_review_date: "2018-08-31", application_tier: tier1, application_status: active }
    expect: { source/manual/alerts/email-alert-api-app-healthcheck-not-ok: fail }
  - name: "public sample: GOV.UK email-alert-api runbook present"
    policy: operations.runbook.present
    documents:
      - { id: email-alert-api, type: application, name: email-alert-api, status: active, tier: tier1 }
      - { id: source/manual/alerts/email-alert-api-app-healthcheck-not-ok, type: ops.runbook, application: email-alert-api, owner: "#govuk-2ndline",
          title: email-alert-api app healthcheck not ok, last_review_date: "2018-08-31", application_tier: tier1, application_status: active }
    expect: { email-alert-api: pass, source/manual/alerts/email-alert-api-app-healthcheck-not-ok: not_applicable }

"""####),
        ("builtin/operations/runbook-present.yaml", ####"""
version: 1
id: operations.runbook.present
title: Tier-0/1 applications have a recovery runbook
severity: high
enforcement: hard
frameworks:
  soc2: [CC7.5]
  iso27001_2022: [A.5.37, A.5.30]
  nist_800_53_r5: [CP-2]
  hipaa: [164.308(a)(7)(ii)(B)]
  dora: [Art.11]
description: >-
  A failover that lives only in the heads of two engineers is not a procedure an auditor can
  test, nor one the on-call engineer can follow at 3 a.m. Every active tier-0 or tier-1
  application of the register has at least one runbook record (`ops.runbook`, naming the
  application) in the operational-documents register. Whether the runbook is current and
  exercised is `operations.documents.review_age` and `operations.documents.test_age`; what it
  says is beyond any export.
remediation: >-
  Write the recovery runbook (failover, failback, data validation, communication) with the
  application's owner and add it to the operational-documents register with its owner, version
  and review date.
applies_to:
  types: [application]
  where:
    status: active
    tier: { in: { param: tiers } }
require:
  related:
    type: ops.runbook
    match:
      application: { ref: name }
    min: 1
message: "{{ name }} ({{ tier }}) has no runbook in the operational-documents register"
params:
  tiers: [tier0, tier1]
param_docs:
  tiers: Application tiers that must have a runbook.

"""####),
        ("builtin/residency/backup-copies.yaml", ####"""
version: 1
id: residency.backup.copies
title: Backup copies of classified data stay in the jurisdictions its classification allows
severity: high
enforcement: hard
frameworks:
  iso27001_2022: [A.5.31, A.5.34]
  nist_800_53_r5: [SA-9(5)]
  gdpr: [Art.44]
description: >-
  Backup copy rules (AWS Backup copy actions, RDS automated-backup replication) move full copies
  of the data to another region, usually chosen for distance rather than jurisdiction. The class
  of the data is the one the application register records for the application the plan or
  database belongs to (its `application` tag): a backup plan's own tag describes the plan, not the
  data it copies. The destinations are the regions of the copy actions' vaults as the export shows
  them; when a destination is not shown (not known until apply, or no region in its identifier)
  the verdict is unknown, never a pass.
remediation: >-
  Change the copy destination to a vault in a region of an allowed jurisdiction and expire the
  copies made elsewhere; tag the plan with the `application` whose data it protects.
applies_to:
  types: [backup.plan, database.*]
  where:
    backup.copy_regions: { exists: true }
    related:
      type: application
      match: { name: { ref: tags.application } }
      require:
        data_classification: { in: { param: classifications } }
require:
  related:
    type: application
    match: { name: { ref: $.tags.application } }
    require:
      $.backup.copy_regions: { jurisdiction_in: { param: allowed_jurisdictions, key: data_classification } }
message: "backups of {{ tags.application }}'s data ({{ name | default: '(unnamed)' }}, classified by the application register) are copied to {{ backup.copy_regions | join: ', ' }}, outside the jurisdictions its class allows"
params:
  classifications: [confidential, restricted]
  allowed_jurisdictions:
    confidential: [EU, UK, CH]
    restricted: [EU]
param_docs:
  classifications: Data classes (the register's data_classification) whose backup copies are restricted (each needs an entry in allowed_jurisdictions).
  allowed_jurisdictions: Allowed jurisdictions per data class (keep in step with residency.data.location).

"""####),
        ("builtin/residency/data-location.yaml", ####"""
version: 1
id: residency.data.location
title: Classified data is stored in the jurisdictions its classification allows
severity: high
enforcement: hard
frameworks:
  iso27001_2022: [A.5.31, A.5.34]
  nist_800_53_r5: [SA-9(5)]
  gdpr: [Art.44]
description: >-
  Data protection law, customer contracts and sector regulators bind confidential and restricted
  data to jurisdictions; a bucket created in the wrong region, or in a multi-region location that
  spans another jurisdiction (Cloud Storage `US`, `ASIA`), is an unlawful transfer the day data
  lands in it. Multi- and dual-region codes count by every member region (the region catalog).
remediation: >-
  Move the data to a region of an allowed jurisdiction (create the store there, copy, delete the
  old one), or reclassify the data with its owner if the classification is wrong.
applies_to:
  types: [storage.bucket, storage.account, database.*, compute.volume, search.domain, analytics.dataset, messaging.*]
  where:
    tags.data-classification: { in: { param: classifications } }
require:
  region: { jurisdiction_in: { param: allowed_jurisdictions, key: tags.data-classification } }
message: "{{ tags.data-classification }} data in {{ name | default: '(unnamed)' }} is stored in {{ region }} (jurisdictions {{ jurisdictions | join: ', ' | default: 'unknown' }})"
params:
  classifications: [confidential, restricted]
  allowed_jurisdictions:
    confidential: [EU, UK, CH]
    restricted: [EU]
param_docs:
  classifications: Data classes whose location is restricted (each needs an entry in allowed_jurisdictions).
  allowed_jurisdictions: Allowed jurisdictions (EU, UK, CH, US, … from the region catalog) per data class.

"""####),
        ("builtin/residency/replication-destinations.yaml", ####"""
version: 1
id: residency.replication.destinations
title: Replicas of classified data stay in the jurisdictions its classification allows
severity: high
enforcement: hard
frameworks:
  iso27001_2022: [A.5.31, A.5.34]
  nist_800_53_r5: [SA-9(5)]
  gdpr: [Art.44]
description: >-
  Cross-region replication copies every object to the destination region: a compliant primary
  that replicates to another jurisdiction transfers the data just the same. Destinations are the
  regions the inventory resolved (S3 destination buckets, DynamoDB and RDS replicas, Azure
  secondary regions, the member regions of Cloud Storage multi- and dual-regions).
remediation: >-
  Point the replication rule at a destination in an allowed jurisdiction (pair EU regions with EU
  regions) and delete the copies made outside it.
applies_to:
  types: [storage.bucket, storage.account, database.*, search.domain, analytics.dataset, messaging.*]
  where:
    replication.enabled: true
    tags.data-classification: { in: { param: classifications } }
require:
  replication.regions: { jurisdiction_in: { param: allowed_jurisdictions, key: tags.data-classification } }
message: "{{ tags.data-classification }} data in {{ name | default: '(unnamed)' }} replicates to {{ replication.regions | join: ', ' | default: 'unknown regions' }}"
params:
  classifications: [confidential, restricted]
  allowed_jurisdictions:
    confidential: [EU, UK, CH]
    restricted: [EU]
param_docs:
  classifications: Data classes whose replicas are restricted (each needs an entry in allowed_jurisdictions).
  allowed_jurisdictions: Allowed jurisdictions per data class (keep in step with residency.data.location).

"""####),
        ("builtin/residency/residency.test.yaml", ####"""
# Test cases of the data-residency policies (run with `assay test policies`). Jurisdictions come
# from the region catalog: eu-west-1 Ireland (EU), eu-west-2 London (UK), us-east-1 (US), GCS `EU`
# and `US` multi-regions, `EUR4` = Finland + Netherlands.
version: 1
as_of: 2026-11-27
tests:
  - name: classified data sits in the jurisdictions of its class
    policy: residency.data.location
    documents:
      - { id: restricted-eu, type: storage.bucket, region: eu-west-1, tags: { data-classification: restricted } }
      - { id: restricted-us, type: storage.bucket, region: us-east-1, tags: { data-classification: restricted } }
      - { id: restricted-uk, type: database.instance, region: eu-west-2, tags: { data-classification: restricted } }
      - { id: confidential-uk, type: database.instance, region: eu-west-2, tags: { data-classification: confidential } }
      - { id: gcs-eu-multi-region, type: storage.bucket, region: EU, tags: { data-classification: restricted } }
      - { id: gcs-us-multi-region, type: storage.bucket, region: US, tags: { data-classification: restricted } }
      - { id: gcs-eur4, type: storage.bucket, region: EUR4, tags: { data-classification: restricted } }
      - { id: azure-eastus, type: storage.account, region: eastus, tags: { data-classification: confidential } }
      - { id: internal-us, type: storage.bucket, region: us-east-1, tags: { data-classification: internal } }
      - { id: unknown-region, type: storage.bucket, region: atlantis-1, tags: { data-classification: restricted } }
      - { id: us-pilot, type: storage.bucket, region: us-west-2, tags: { data-classification: confidential } }
    waivers:
      - { policy: residency.data.location, resources: [us-pilot], reason: SCC-covered pilot approved by the DPO, owner: dpo@acme.example, expires: 2027-03-31 }
    expect: { restricted-eu: pass, restricted-us: fail, restricted-uk: fail, confidential-uk: pass, gcs-eu-multi-region: pass,
              gcs-us-multi-region: fail, gcs-eur4: pass, azure-eastus: fail, internal-us: not_applicable, unknown-region: error, us-pilot: waived }

  - name: the allowed jurisdictions per class are a parameter
    policy: residency.data.location
    params: { allowed_jurisdictions: { confidential: [EU, UK, CH, US], restricted: [EU, UK] } }
    documents:
      - { id: restricted-uk, type: database.instance, region: eu-west-2, tags: { data-classification: restricted } }
      - { id: confidential-us, type: storage.bucket, region: us-east-1, tags: { data-classification: confidential } }
      - { id: restricted-us, type: storage.bucket, region: us-east-1, tags: { data-classification: restricted } }
    expect: { restricted-uk: pass, confidential-us: pass, restricted-us: fail }

  - name: replicas stay in the jurisdictions of the class
    policy: residency.replication.destinations
    documents:
      - { id: eu-to-eu, type: storage.bucket, region: eu-west-1, replication: { enabled: true, regions: [eu-central-1] }, tags: { data-classification: restricted } }
      - { id: eu-to-us, type: storage.bucket, region: eu-west-1, replication: { enabled: true, regions: [us-east-1] }, tags: { data-classification: restricted } }
      - { id: one-of-two-outside, type: database.table, region: eu-west-1, replication: { enabled: true, regions: [eu-central-1, us-west-2] }, tags: { data-classification: confidential } }
      - { id: confidential-to-uk, type: database.instance, region: eu-west-1, replication: { enabled: true, regions: [eu-west-2] }, tags: { data-classification: confidential } }
      - { id: gcs-us, type: storage.bucket, region: US, replication: { enabled: true, regions: [us-central1, us-east1] }, tags: { data-classification: restricted } }
      - { id: not-replicated, type: storage.bucket, region: us-east-1, replication: { enabled: false }, tags: { data-classification: restricted } }
      - { id: internal, type: storage.bucket, region: eu-west-1, replication: { enabled: true, regions: [us-east-1] }, tags: { data-classification: internal } }
      - { id: dr-test-copy, type: storage.bucket, region: eu-west-1, replication: { enabled: true, regions: [us-east-2] }, tags: { data-classification: restricted } }
    waivers:
      - { policy: residency.replication.destinations, resources: [dr-test-copy], reason: Synthetic data only during the failover rehearsal, owner: sre@acme.example, expires: 2026-12-05 }
    expect: { eu-to-eu: pass, eu-to-us: fail, one-of-two-outside: fail, confidential-to-uk: pass, gcs-us: fail, not-replicated: not_applicable,
              internal: not_applicable, dr-test-copy: waived }

  - name: backup copies stay in the jurisdictions of the class the register gives the data
    policy: residency.backup.copies
    documents:
      - { id: payments, type: application, name: payments, data_classification: restricted }
      - { id: checkout, type: application, name: checkout, data_classification: confidential }
      - { id: catalog, type: application, name: catalog, data_classification: internal }
      - { id: copies-to-frankfurt, type: backup.plan, region: eu-west-1, backup: { copy_regions: [eu-central-1] }, tags: { application: payments } }
      - { id: copies-to-virginia, type: backup.plan, region: eu-west-1, backup: { copy_regions: [us-east-1] }, tags: { application: payments } }
      - { id: plan-tagged-internal, type: backup.plan, region: eu-west-1, backup: { copy_regions: [us-east-1] }, tags: { application: payments, data-classification: internal } }
      - { id: rds-copies-to-london, type: database.instance, region: eu-west-1, backup: { copy_regions: [eu-west-2] }, tags: { application: checkout } }
      - { id: restricted-to-london, type: backup.plan, region: eu-west-1, backup: { copy_regions: [eu-west-2] }, tags: { application: payments } }
      - { id: no-copies, type: backup.plan, region: eu-west-1, backup: { copy_regions: [] }, tags: { application: payments } }
      - { id: rds-without-copies, type: database.instance, region: eu-west-1, tags: { application: payments } }
      - { id: internal-plan, type: backup.plan, region: eu-west-1, backup: { copy_regions: [us-east-1] }, tags: { application: catalog, data-classification: restricted } }
      - { id: unregistered-plan, type: backup.plan, region: eu-west-1, backup: { copy_regions: [us-east-1] }, tags: { application: nobody, data-classification: restricted } }
      - { id: migration-plan, type: backup.plan, region: eu-west-1, backup: { copy_regions: [ca-central-1] }, tags: { application: checkout } }
    waivers:
      - { policy: residency.*, resources: [migration-plan], reason: Copy rule removed in CHG-4410 this week, owner: platform@acme.example, expires: 2026-12-04 }
    expect: { copies-to-frankfurt: pass, copies-to-virginia: fail, plan-tagged-internal: fail, rds-copies-to-london: pass, restricted-to-london: fail,
              no-copies: pass, rds-without-copies: not_applicable, internal-plan: not_applicable, unregistered-plan: not_applicable,
              migration-plan: waived, payments: not_applicable, checkout: not_applicable, catalog: not_applicable }

"""####),
        ("builtin/resilience/alarms-per-region.yaml", ####"""
version: 1
id: resilience.monitoring.alarms_per_region
title: Every region an application runs in has alarms
severity: medium
enforcement: soft
frameworks:
  soc2: [CC7.2, A1.2]
  iso27001_2022: [A.8.16]
  dora: [Art.10]
description: >-
  Observability must not depend on one region: after a failover the DR region carries the load,
  and nobody notices its queues backing up if every alarm watches the primary. Each account and
  region where the live inventory found resources tagged with an application (`account.region`
  documents, `applications`) must hold at least one alarm of the same account: a CloudWatch alarm
  in that region (alarms are regional), or — Azure metric alerts and Cloud Monitoring alert
  policies being global resources — an alert of the subscription or project. Alarms whose actions
  are disabled (`monitoring.actions_enabled: false`) do not count. Limits: the check shows that
  alarms exist, not that they watch the right signals; Cloud Monitoring alert policies are only
  seen when CAI exports `monitoring.googleapis.com/AlertPolicy`.
remediation: >-
  Deploy the same alarms to every region the application runs in (CloudWatch alarms per region —
  the DR region included — from the same Terraform module; Azure metric alerts scoped to the DR
  resources; Cloud Monitoring alert policies), with actions that reach the on-call rota.
applies_to:
  types: [account.region]
  where:
    applications: { empty: false }
require:
  any:
    - related:
        type: monitoring.alarm
        match:
          account: { ref: account }
          region: { ref: region }
        require:
          monitoring.actions_enabled: { equals: true, default: true }
    - related:
        type: monitoring.alarm
        match:
          account: { ref: account }
          region: global
        require:
          monitoring.actions_enabled: { equals: true, default: true }
message: "{{ provider }} account {{ account }} runs {{ applications | join: ', ' }} in {{ region }} with no alarm there: an outage or backlog in that region goes unnoticed"

"""####),
        ("builtin/resilience/backup-cold-tier.yaml", ####"""
version: 1
id: resilience.backup.long_term_cold_tier
title: Production backup plans keep a long-term tier, in cold storage
severity: medium
enforcement: soft
frameworks:
  iso27001_2022: [A.8.13]
  nist_800_53_r5: [CP-9]
  hipaa: [164.308(a)(7)(ii)(A)]
  dora: [Art.12]
description: >-
  Audits, litigation holds and slow-burning corruption need copies older than the daily rotation:
  a plan keeps at least one tier for a year or more. Keeping those copies in warm storage costs
  several times the cold price, so every tier retained beyond the warm window moves to cold
  storage within it.
remediation: >-
  Add a monthly or yearly rule with a long retention to the backup plan and a lifecycle that moves
  its recovery points to cold storage (MoveToColdStorageAfterDays) within the warm window.
applies_to:
  types: [backup.plan]
  where:
    tags.environment: { in: { param: environments } }
require:
  some:
    path: backup.tiers
    require:
      retention_days: { gte: { param: long_retention_days } }
  every:
    path: backup.tiers
    default: []
    where:
      retention_days: { gt: { param: max_warm_days } }
    require:
      cold_after_days: { lte: { param: max_warm_days } }
message: "backup plan {{ name | default: '(unnamed)' }}: the longest retention is {{ backup.retention_days | default: 0 }} days, cold storage after {{ backup.cold_storage_after_days | default: 'never' }}"
params:
  environments: [prod]
  long_retention_days: 365
  max_warm_days: 90
param_docs:
  environments: Environment tag values whose backup plans are assessed.
  long_retention_days: Retention in days of the long-term tier every plan needs.
  max_warm_days: Tiers retained longer than this many days must move to cold storage within it.

"""####),
        ("builtin/resilience/backup-cross-region.yaml", ####"""
version: 1
id: resilience.backup.cross_region_copy
title: Production backup plans copy their recovery points to another region
severity: medium
enforcement: soft
frameworks:
  soc2: [A1.2]
  iso27001_2022: [A.8.13]
  nist_800_53_r5: [CP-6, CP-6(1), CP-9]
  hipaa: [164.308(a)(7)(ii)(A)]
  dora: [Art.12]
description: >-
  Backups in the same region as the data share its fate in a regional outage and are the first
  target of an attacker with access to the region. A copy action to a vault in another region
  keeps a restorable copy out of the blast radius.
remediation: Add a copy action to each backup rule targeting a vault in another region (of an allowed jurisdiction).
applies_to:
  types: [backup.plan]
  where:
    tags.environment: { in: { param: environments } }
require:
  some:
    path: backup.copy_regions
    require:
      "@": { not_equals: { ref: $.region } }
message: "backup plan {{ name | default: '(unnamed)' }} in {{ region }} copies to {{ backup.copy_regions | join: ', ' | default: 'no other region' }}"
params:
  environments: [prod]
param_docs:
  environments: Environment tag values whose backup plans are assessed.

"""####),
        ("builtin/resilience/backup-enabled.yaml", ####"""
version: 1
id: resilience.backup.enabled
title: Every database takes automated backups
severity: high
enforcement: hard
frameworks:
  soc2: [A1.2]
  iso27001_2022: [A.8.13]
  nist_800_53_r5: [CP-9]
  hipaa: [164.308(a)(7)(ii)(A)]
  dora: [Art.12]
description: >-
  A database without automated backups cannot be restored after a bad migration, a deleted
  table or ransomware — whatever its environment tag says: untagged and mis-tagged databases
  hold production data too, and "dev" copies are often the only copy of a migration's input.
  Unlike the retention and point-in-time policies, which assess production databases against
  their thresholds, this one applies to every database instance, cluster and warehouse: automated
  backups must be on (RDS and Redshift retention above 0 days, Cloud SQL backups enabled, Azure
  flexible-server backups reported). A database whose export does not say fails, naming it.
remediation: >-
  Turn on automated backups: set `backup_retention_period` (RDS, Aurora, DocumentDB, Neptune) or
  `automated_snapshot_retention_period` (Redshift) to at least 1 day — 7 or more for production —,
  `settings.backup_configuration.enabled = true` (Cloud SQL), or waive a database that is rebuilt
  from another source, with its owner and an expiry.
applies_to:
  types: [database.instance, database.cluster, database.warehouse]
require:
  backup.enabled: true
message: "{{ type }} {{ name | default: '(unnamed)' }} takes no automated backups (backups enabled: {{ backup.enabled | default: 'not reported' }}; retention in days: {{ backup.retention_days | default: 'not reported' }})"

"""####),
        ("builtin/resilience/backup-plan-coverage.yaml", ####"""
version: 1
id: resilience.backup.plan_coverage
title: Data stores of tier-0/1 applications are in a backup plan
severity: high
enforcement: hard
frameworks:
  soc2: [A1.2]
  iso27001_2022: [A.8.13]
  nist_800_53_r5: [CP-9]
  hipaa: [164.308(a)(7)(ii)(A)]
  dora: [Art.12]
description: >-
  Automated database backups live and die with the database's account and region, and buckets and
  volumes have none at all. A backup plan (AWS Backup) keeps copies under its own retention, vault
  and copy rules. Every production data store — database instance, cluster, table and warehouse,
  bucket, volume — of an active tier-0/1 application (joined through the `application` tag) must
  be selected by a backup plan: the linking step follows each Backup selection
  (`AWS::Backup::BackupSelection`, `aws_backup_selection`) to the resources it names by ARN
  (wildcards allowed) or by one of its tags (`ListOfTags`, `selection_tag`), with every condition
  met (`StringEquals`, `StringNotEquals`, `StringLike`, `StringNotLike`) and not excluded by its
  `NotResources`, and lists the plans on each (`backup.plans`). A store is in no plan only when the
  inputs could show its selections: when they hold no Backup selection at all (an export that
  does not record them), or none of the store's account while every selection names its account,
  the store is reported as not known, with the reason (`backup.plans_unknown_reason`), never as
  unprotected. Limits: only AWS Backup is read (Azure Backup and GCP Backup and DR policies are
  not in the exports, so Azure and GCP stores are not assessed); a selection whose plan is not
  among the inputs still counts, named by its plan id; a Terraform selection names no account, so
  with one among the inputs every AWS store is judged.
remediation: >-
  Add the store to a backup plan: tag it with the plan's selection tag (e.g. `backup-plan: daily`),
  or list its ARN in an `aws_backup_selection` of the plan.
applies_to:
  types: [database.instance, database.cluster, database.table, database.warehouse, storage.bucket, compute.volume]
  where:
    provider: aws
    tags.environment: { in: { param: environments } }
    related:
      type: application
      match:
        name: { ref: tags.application }
      require:
        status: active
        tier: { in: { param: tiers } }
require:
  backup.plans: { length: { gte: 1 } }
message: "{{ type }} {{ name | default: '(unnamed)' }} of {{ tags.application }} is in no backup plan: no copy outside its own account and region protects it"
unknown_message: "whether {{ type }} {{ name | default: '(unnamed)' }} of {{ tags.application }} is in a backup plan is not known: {{ backup.plans_unknown_reason | default: 'its selections are known only after apply' }}"
params:
  environments: [prod]
  tiers: [tier0, tier1]
param_docs:
  environments: Environment tag values whose data stores are assessed.
  tiers: Application tiers whose data stores must be in a backup plan.

"""####),
        ("builtin/resilience/backup-retention-per-tier.yaml", ####"""
version: 1
id: resilience.backup.retention_per_tier
title: Backups of tier-0/1 data are kept as long as their tier requires
severity: medium
enforcement: soft
frameworks:
  soc2: [A1.2]
  iso27001_2022: [A.8.13]
  nist_800_53_r5: [CP-9]
  hipaa: [164.308(a)(7)(ii)(A)]
  dora: [Art.12]
description: >-
  The more critical the application, the longer corruption may go unnoticed before someone must
  restore from before it, and the longer regulators expect the history. Each production data store
  of an active application (joined through the `application` tag) must keep backups at least
  `min_retention_days` of its tier: the longer of its own automated backups
  (`backup.retention_days`) and the backup plans covering it (`backup.plan_retention_days`, from
  the linking step). A store whose retention is not reported by either fails; one whose own
  backups fall short while the inputs cannot show its backup plans (no Backup selection of its
  account among them, `backup.plans_unknown_reason`) is reported as not known. Buckets and volumes
  are assessed on AWS only: their backups are AWS Backup plans, and Azure Backup and GCP Backup and
  DR are not in the exports.
remediation: >-
  Raise the retention of the store's automated backups, or add it to a backup plan whose rules keep
  recovery points for the tier's minimum.
applies_to:
  types: [database.instance, database.cluster, database.table, database.warehouse, storage.bucket, compute.volume]
  where:
    tags.environment: { in: { param: environments } }
    # Buckets and volumes have backups only through AWS Backup plans among the exports read.
    any:
      - type: { starts_with: database. }
      - provider: aws
    related:
      type: application
      match:
        name: { ref: tags.application }
      require:
        status: active
        tier: { in: { param: tiers } }
require:
  related:
    type: application
    match:
      name: { ref: tags.application }
    require:
      any:
        - $.backup.retention_days: { gte: { param: min_retention_days, key: tier } }
        - $.backup.plan_retention_days: { gte: { param: min_retention_days, key: tier } }
message: "{{ type }} {{ name | default: '(unnamed)' }} of {{ tags.application }} keeps backups {{ backup.retention_days | default: 'no' }} days (own) / {{ backup.plan_retention_days | default: 'no' }} days (backup plans); its tier requires more"
unknown_message: "how long {{ type }} {{ name | default: '(unnamed)' }} of {{ tags.application }} keeps backups is not known ({{ backup.retention_days | default: 'no' }} days of its own): {{ backup.plans_unknown_reason | default: 'a retention is known only after apply' }}"
params:
  environments: [prod]
  tiers: [tier0, tier1]
  min_retention_days: { tier0: 35, tier1: 35, tier2: 14, tier3: 7 }
param_docs:
  environments: Environment tag values whose data stores are assessed.
  tiers: Application tiers whose data stores are assessed.
  min_retention_days: Minimum backup retention in days per application tier.

"""####),
        ("builtin/resilience/backup-retention.yaml", ####"""
version: 1
id: resilience.backup.retention
title: Production backups are retained long enough to recover from late-detected corruption
severity: medium
enforcement: soft
frameworks:
  soc2: [A1.2]
  iso27001_2022: [A.8.13]
  nist_800_53_r5: [CP-9]
  hipaa: [164.308(a)(7)(ii)(A)]
  dora: [Art.12]
description: >-
  Corruption and ransomware are often found weeks after they start; backups that expire sooner
  only hold corrupted copies. Backup plans carry the organisation's long-term copies and keep at
  least five weeks; database automated backups (the point-in-time window) keep at least a week.
  A database whose backups are off has no retention at all and fails.
remediation: >-
  Raise the retention (RDS `BackupRetentionPeriod`, Cloud SQL retained backups, Azure backup
  retention days, the backup plan rule's DeleteAfterDays) to at least the minimum below.
applies_to:
  types: [backup.plan, database.instance, database.cluster]
  where:
    tags.environment: { in: { param: environments } }
require:
  backup.retention_days: { gte: { param: min_retention_days, key: type } }
message: "{{ type }} {{ name | default: '(unnamed)' }} keeps backups for {{ backup.retention_days | default: 'no' }} days"
params:
  environments: [prod]
  min_retention_days: { backup.plan: 35, default: 7 }
param_docs:
  environments: Environment tag values whose backups are assessed.
  min_retention_days: Minimum retention in days per resource type (`default` for the others).

"""####),
        ("builtin/resilience/backup-vault-lock.yaml", ####"""
version: 1
id: resilience.backup.vault_lock
title: Backup vaults are locked
severity: high
enforcement: hard
frameworks:
  soc2: [A1.2]
  iso27001_2022: [A.8.13]
  nist_800_53_r5: [CP-9]
  pci_dss_4: ["10.3.3"]
  dora: [Art.12]
description: >-
  Ransomware operators and disgruntled administrators delete the backups before they strike.
  A vault lock (AWS Backup Vault Lock) refuses deletion of recovery points before their retention
  ends and refuses shortening it — in compliance mode even to the account root. Every backup vault
  must be locked (`backup.vault_locked`: Config `LockConfiguration` / the Backup API's `Locked`;
  Terraform `aws_backup_vault_lock_configuration`, joined to its vault by name — a Terraform vault
  without one is unlocked; Azure Recovery Services and Backup vaults: immutability
  (`securitySettings.immutabilitySettings.state`) `Locked`, or `Unlocked` — immutable but
  reversible, as AWS governance mode — counts as locked, `Disabled` does not, and a row without
  the state is unknown). A vault whose export says nothing about its lock is reported, not
  passed.
remediation: >-
  Lock the vault (`aws backup put-backup-vault-lock-configuration --backup-vault-name VAULT
  --min-retention-days 7 --changeable-for-days 3`, or `aws_backup_vault_lock_configuration`), after
  checking the plans' retention fits the lock's bounds. On Azure, enable immutability on the
  Recovery Services or Backup vault (`az backup vault update --immutability-state Unlocked`, then
  `Locked` once the policies' retention is settled).
applies_to:
  types: [backup.vault]
require:
  backup.vault_locked: true
message: "backup vault {{ name | default: '(unnamed)' }} is not locked: whoever holds backup administration rights can delete every recovery point in it"

"""####),
        ("builtin/resilience/critical-data-replicated.yaml", ####"""
version: 1
id: resilience.replication.critical_data
title: Production data stores of tier-0/1 applications are replicated to another region
severity: high
enforcement: hard
frameworks:
  soc2: [A1.2]
  iso27001_2022: [A.8.14]
  nist_800_53_r5: [CP-6, CP-6(1)]
  hipaa: [164.308(a)(7)(ii)(B)]
  dora: [Art.11, Art.12]
description: >-
  Tier-0/1 recovery point objectives are minutes; only continuous replication to another region
  meets them in a regional outage — nightly backups lose a day. Every production data store of an
  active tier-0/1 application (joined through the `application` tag) has at least one replica
  outside its own region (cross-region replication, read replicas, global tables, geo-redundant
  storage, multi- and dual-region locations).
remediation: >-
  Configure cross-region replication to the application's DR region (S3 CRR, RDS/Aurora
  cross-region replica or global database, DynamoDB global table, geo-redundant SKU).
applies_to:
  types: [storage.bucket, storage.account, database.instance, database.cluster, database.table, database.warehouse]
  where:
    tags.environment: { in: { param: environments } }
    related:
      type: application
      match:
        name: { ref: tags.application }
      require:
        status: active
        tier: { in: { param: tiers } }
require:
  some:
    path: replication.regions
    require:
      "@": { not_equals: { ref: $.region } }
message: "{{ type }} {{ name | default: '(unnamed)' }} of {{ tags.application }} in {{ region }} has no replica in another region (replicas: {{ replication.regions | join: ', ' | default: 'none' }})"
params:
  environments: [prod]
  tiers: [tier0, tier1]
param_docs:
  environments: Environment tag values whose data stores are assessed.
  tiers: Application tiers whose data must be replicated.

"""####),
        ("builtin/resilience/database-multi-az.yaml", ####"""
version: 1
id: resilience.database.multi_az
title: Production databases run across availability zones
severity: high
enforcement: hard
frameworks:
  soc2: [A1.2]
  iso27001_2022: [A.8.14]
  nist_800_53_r5: [SC-36]
  dora: [Art.11]
description: >-
  A single-zone database goes down with its zone and with every maintenance reboot; a standby in
  another zone fails over in a minute or two without data loss. Zone failures are far more common
  than regional ones, so this is the first line of resilience for any production database.
remediation: >-
  Enable Multi-AZ (RDS), regional availability (Cloud SQL `availabilityType: REGIONAL`) or
  zone-redundant high availability (Azure flexible server).
applies_to:
  types: [database.instance, database.cluster]
  where:
    tags.environment: { in: { param: environments } }
require:
  database.multi_az: true
message: "production database {{ name | default: '(unnamed)' }} runs in a single zone"
params:
  environments: [prod]
param_docs:
  environments: Environment tag values whose databases are assessed.

"""####),
        ("builtin/resilience/database-pitr.yaml", ####"""
version: 1
id: resilience.database.pitr
title: Production databases can be restored to a point in time
severity: high
enforcement: hard
frameworks:
  soc2: [A1.2]
  iso27001_2022: [A.8.13]
  nist_800_53_r5: [CP-9, CP-10]
  hipaa: [164.308(a)(7)(ii)(A)]
  dora: [Art.12]
description: >-
  Snapshots restore to the last snapshot; point-in-time recovery restores to the second before
  the bad migration or the ransomware. Without it the recovery point of a corruption incident is
  up to a day. Sources that report automated backups but no separate PITR flag (Azure flexible
  servers, whose automated backups always allow point-in-time restore) pass while backups are on.
remediation: >-
  Turn on automated backups with point-in-time recovery (RDS backup retention > 0, DynamoDB PITR,
  Cloud SQL point-in-time recovery / binary logging, Cosmos DB continuous backup mode).
applies_to:
  types: [database.instance, database.cluster, database.table]
  where:
    tags.environment: { in: { param: environments } }
require:
  any:
    - backup.pitr: true
    - backup.pitr: { exists: false }
      backup.enabled: true
message: "production database {{ name | default: '(unnamed)' }} has no point-in-time recovery (backups enabled: {{ backup.enabled | default: 'unknown' }})"
params:
  environments: [prod]
param_docs:
  environments: Environment tag values whose databases are assessed.

"""####),
        ("builtin/resilience/deletion-protection.yaml", ####"""
version: 1
id: resilience.deletion_protection.critical
title: Databases and load balancers of tier-0/1 applications are protected against deletion
severity: high
enforcement: hard
frameworks:
  soc2: [A1.2]
  nist_800_53_r5: [CM-3]
  dora: [Art.9]
description: >-
  One mistaken `terraform destroy`, console click or compromised pipeline deletes a production
  database or the load balancer in front of an application — an outage measured in the restore
  time, not the failover time. Deletion protection makes deletion a two-step change. Every
  production database instance, cluster and load balancer of an active tier-0/1 application
  (joined through the `application` tag) has it on (RDS/Aurora `DeletionProtection`, Cloud SQL
  `settings.deletionProtectionEnabled`, ELBv2 `deletion_protection.enabled`). Azure protects
  resources with management locks, which the exports do not carry: Azure resources are not
  assessed.
remediation: >-
  Turn on deletion protection: `deletion_protection = true` (aws_db_instance, aws_rds_cluster),
  `enable_deletion_protection = true` (aws_lb), `settings.deletion_protection_enabled = true`
  (google_sql_database_instance); for Azure, add a CanNotDelete management lock.
applies_to:
  types: [database.instance, database.cluster, network.load_balancer]
  where:
    provider: { not_equals: azure }
    tags.environment: { in: { param: environments } }
    related:
      type: application
      match:
        name: { ref: tags.application }
      require:
        status: active
        tier: { in: { param: tiers } }
require:
  any:
    - database.deletion_protection: true
    - network.deletion_protection: true
message: "{{ type }} {{ name | default: '(unnamed)' }} of {{ tags.application }} has no deletion protection on: one mistaken delete is an outage as long as the restore"
params:
  environments: [prod]
  tiers: [tier0, tier1]
param_docs:
  environments: Environment tag values whose databases and load balancers are assessed.
  tiers: Application tiers whose databases and load balancers must be protected.

"""####),
        ("builtin/resilience/dependencies-cycle.yaml", ####"""
version: 1
id: resilience.dependencies.cycle
title: Hard dependencies between applications form no cycle
severity: high
enforcement: hard
frameworks:
  iso27001_2022: [A.5.30]
  nist_800_53_r5: [CP-2, CP-10]
  hipaa: [164.308(a)(7)(ii)(B)]
  dora: [Art.11]
description: >-
  Recovery runs in dependency order: the applications an application hard-depends on come back
  first. When hard dependencies form a cycle (a → b → a), no member can be recovered first; a
  regional failover then needs an untested manual bootstrap, the kind of step that turns a
  one-hour RTO into a day. The cycle is printed as the shortest path from the application back to
  itself. Unknown when the application's hard-dependency closure reaches an id the register does
  not hold (a cycle through it cannot be seen).
remediation: >-
  Break the cycle: make one of the edges soft (the application starts and serves without the
  other, e.g. reads from a cache or queues its writes) and record it as `kind: soft`, or merge the
  applications into one recovery unit with one tier and one runbook.
applies_to:
  types: [application]
  where:
    status: active
require:
  dependencies.cycle: { empty: true }
message: "{{ name }} is on a cycle of hard dependencies: {{ dependencies.cycle }}; none of them can be recovered first"
unknown_message: "whether {{ name }} is on a dependency cycle is not known: {{ dependencies.cycle_unknown_reason | default: 'its dependencies are not known' }}"

"""####),
        ("builtin/resilience/dependencies-effective-rto.yaml", ####"""
version: 1
id: resilience.dependencies.effective_rto
title: Applications can be recovered within their RTO target through their hard dependencies
severity: high
enforcement: hard
frameworks:
  soc2: [A1.2]
  iso27001_2022: [A.5.30]
  nist_800_53_r5: [CP-2, CP-10]
  hipaa: [164.308(a)(7)(ii)(B)]
  dora: [Art.11]
description: >-
  An application is back only when everything it hard-depends on is back. Its effective RTO is
  the longest capability RTO (the downtime model's recovery time: tested, else declared RTO after
  the decay for the last test's age, plus the declaration delay) over the application and every
  application it reaches through hard dependencies — recoveries are assumed to run in parallel, so
  this is a lower bound; sequential recovery only adds. It must be within the application's RTO
  target (the register's, else its tier's default). Applies to applications with at least one
  hard dependency (the others are `dr.strategy.meets_targets`'s). Unknown, with the reason, when a
  member of the closure has no DR strategy, only a strategy's default RTO, or is not in the
  register.
remediation: >-
  Improve the slowest dependency named in the message (a faster DR strategy, or a tested
  recovery procedure), make the dependency soft (the application serves in a degraded mode without
  it), or agree a longer RTO target with the business owner.
applies_to:
  types: [application]
  where:
    status: active
    dependencies.hard: { empty: false }
require:
  dependencies.effective_rto_hours: { lte: { ref: dependencies.rto_target_hours } }
message: "{{ name }} is recovered in {{ dependencies.effective_rto_hours }} h at best through its hard dependencies (slowest: {{ dependencies.rto_bottleneck }}), beyond its RTO target of {{ dependencies.rto_target_hours }} h"
unknown_message: "the effective RTO of {{ name }} is not known: {{ dependencies.effective_rto_unknown_reason | default: 'the RTO target is not known (no register target and no downtime model)' }}"

"""####),
        ("builtin/resilience/dependencies-known.yaml", ####"""
version: 1
id: resilience.dependencies.known
title: Dependencies name active applications of the register
severity: medium
enforcement: soft
frameworks:
  iso27001_2022: [A.5.9]
  nist_800_53_r5: [CM-8]
  dora: [Art.8]
description: >-
  A `depends_on` entry that names no application of the register — a typo, a service never
  registered, or one since retired — hides a dependency from every other check: its tier, its
  DR strategy and its recovery time are unknown, and the composite availability and effective RTO
  of the application become unknown too. Each id must be the `name` of an active application;
  the message suggests the closest registered name.
remediation: >-
  Correct the id in `depends_on` (the message suggests the closest name), add the missing
  application to the register with its owner, tier and DR strategy, or remove the dependency on
  the retired application.
applies_to:
  types: [application]
  where:
    status: active
require:
  dependencies.unresolved: { empty: true }
message: "{{ name }} depends on {{ dependencies.unresolved | join: ', ' }}: the register does not hold it as an active application, so its tier and recovery are unchecked"

"""####),
        ("builtin/resilience/dependencies-tier-inversion.yaml", ####"""
version: 1
id: resilience.dependencies.tier_inversion
title: Applications do not hard-depend on applications of a lower tier
severity: high
enforcement: hard
frameworks:
  soc2: [A1.2]
  iso27001_2022: [A.5.30]
  nist_800_53_r5: [CP-2, RA-9]
  hipaa: [164.308(a)(7)(ii)(E)]
  dora: [Art.8]
description: >-
  An application is never more available, nor recovered sooner, than the applications it cannot
  run without. A tier-0 payment service that hard-depends on a tier-2 catalogue inherits the
  catalogue's DR strategy, test cadence and recovery time, whatever its own register entry
  promises. Every hard dependency of an active application (the register's `depends_on`, kind
  `hard` by default) must be of the same or a more critical tier. Soft dependencies (the
  application degrades but keeps serving) are not assessed. Unknown when the application or a
  hard dependency has no tier in the register, or a hard dependency is not an active application
  of it.
remediation: >-
  Raise the dependency to the application's tier (DR strategy, test cadence and RTO of that tier),
  make the dependency soft (a cache, a queue or a degraded mode that keeps the application
  serving without it) and record it as `kind: soft`, or lower the application's tier with the
  business owner.
applies_to:
  types: [application]
  where:
    status: active
require:
  dependencies.tier_inversions: { empty: true }
message: "{{ name }} ({{ tier }}) hard-depends on lower-tier {{ dependencies.tier_inversions | join: ', ' }}: it can be no more available, nor recovered sooner, than they are"
unknown_message: "the tier inversion of {{ name }} cannot be judged: {{ dependencies.tier_unknown_reason | default: 'a tier is not known' }}"

"""####),
        ("builtin/resilience/dependencies.test.yaml", ####"""
# Test cases of the dependency and SLO policies (run with `assay test policies`). The
# `dependencies.` and `availability.` fields are the ones the pipeline derives from the register's
# `depends_on` and the downtime model (docs/downtime-model.md, "Dependencies and availability");
# tests give them. `!unknown` is a figure that cannot be known (a placeholder, an id outside the register).
#
# Public samples ("public sample: Online Boutique …", policies/PUBLIC-SAMPLES.md): the service graph
# of Google's Online Boutique, GoogleCloudPlatform/microservices-demo, release/kubernetes-manifests.yaml
# (Apache-2.0, kept in Tests/ResilienceTests/Fixtures/public-samples): each Deployment is an
# application and each container variable `*_ADDR` naming another Deployment (`host:port`) a
# dependency — frontend → productcatalog, currency, cart, recommendation, shipping, checkout, ad;
# checkoutservice → productcatalog, shipping, payment, email, currency, cart; recommendation →
# productcatalog; cartservice → redis-cart; loadgenerator → frontend. Tiers are ours (payment,
# checkout, frontend tier 0; cart, redis-cart, catalogue, currency, shipping tier 1; email,
# recommendation tier 2; ad, loadgenerator tier 3), as are the kinds (the frontend serves without
# ads and recommendations: soft) and the recovery figures. Tests/ResilienceTests/
# PublicSampleDependencyTests.swift reads the manifest and derives these fields.
version: 1
as_of: 2026-11-27
tests:
  - name: no hard dependency on a lower tier
    policy: resilience.dependencies.tier_inversion
    documents:
      - { id: same-tier, type: application, name: same-tier, status: active, tier: tier1, dependencies: { hard: [db], tier_inversions: [] } }
      - { id: more-critical, type: application, name: more-critical, status: active, tier: tier2, dependencies: { hard: [identity], tier_inversions: [] } }
      - { id: inverted, type: application, name: inverted, status: active, tier: tier0, dependencies: { hard: [catalog], tier_inversions: ["'catalog' (tier2)"] } }
      - { id: tier-missing, type: application, name: tier-missing, status: active, tier: tier0,
          dependencies: { hard: [reports], tier_inversions: !unknown, tier_unknown_reason: "its hard dependency 'reports' has no tier in the register" } }
      - { id: retired, type: application, name: retired, status: retired, tier: tier0, dependencies: { tier_inversions: ["'x' (tier3)"] } }
      - { id: migrating, type: application, name: migrating, status: active, tier: tier0, dependencies: { hard: [legacy-auth], tier_inversions: ["'legacy-auth' (tier2)"] } }
    waivers:
      - { policy: resilience.dependencies.tier_inversion, resources: [migrating], reason: Moves to the tier-0 identity platform in Q1 (PRJ-88), owner: platform@acme.example, expires: 2027-03-31 }
    expect: { same-tier: pass, more-critical: pass, inverted: fail, tier-missing: unknown, retired: not_applicable, migrating: waived }

  - name: "public sample: Online Boutique, tier inversions"
    policy: resilience.dependencies.tier_inversion
    documents:
      - { id: checkoutservice, type: application, name: checkoutservice, status: active, tier: tier0,
          dependencies: { hard: [productcatalogservice, shippingservice, paymentservice, emailservice, currencyservice, cartservice],
                          tier_inversions: ["'productcatalogservice' (tier1)", "'shippingservice' (tier1)", "'emailservice' (tier2)", "'currencyservice' (tier1)", "'cartservice' (tier1)"] } }
      - { id: frontend, type: application, name: frontend, status: active, tier: tier0,
          dependencies: { hard: [productcatalogservice, currencyservice, cartservice, shippingservice, checkoutservice], soft: [recommendationservice, adservice],
                          tier_inversions: ["'productcatalogservice' (tier1)", "'currencyservice' (tier1)", "'cartservice' (tier1)", "'shippingservice' (tier1)"] } }
      - { id: cartservice, type: application, name: cartservice, status: active, tier: tier1, dependencies: { hard: [redis-cart], tier_inversions: [] } }
      - { id: recommendationservice, type: application, name: recommendationservice, status: active, tier: tier2,
          dependencies: { hard: [productcatalogservice], tier_inversions: [] } }
    expect: { checkoutservice: fail, frontend: fail, cartservice: pass, recommendationservice: pass }

  - name: no cycle of hard dependencies
    policy: resilience.dependencies.cycle
    documents:
      - { id: chain, type: application, name: chain, status: active, dependencies: { hard: [db] } }
      - { id: no-dependencies, type: application, name: no-dependencies, status: active, dependencies: { hard: [] } }
      - { id: two-way, type: application, name: two-way, status: active, dependencies: { hard: [peer], cycle: "two-way → peer → two-way" } }
      - { id: self, type: application, name: self, status: active, dependencies: { hard: [self], cycle: "self → self" } }
      - { id: through-typo, type: application, name: through-typo, status: active,
          dependencies: { hard: [identity-svc], cycle: !unknown, cycle_unknown_reason: "'through-typo' hard-depends on 'identity-svc', which is not in the register" } }
      - { id: retired, type: application, name: retired, status: retired, dependencies: { cycle: "retired → x → retired" } }
      - { id: shared-ledger, type: application, name: shared-ledger, status: active, dependencies: { hard: [billing], cycle: "shared-ledger → billing → shared-ledger" } }
    waivers:
      - { policy: resilience.dependencies.cycle, resources: [shared-ledger], reason: Ledger split into its own recovery unit in PRJ-91, owner: finance-it@acme.example, expires: 2027-02-28 }
    expect: { chain: pass, no-dependencies: pass, two-way: fail, self: fail, through-typo: unknown, retired: not_applicable, shared-ledger: waived }

  - name: "public sample: Online Boutique, cycles"
    policy: resilience.dependencies.cycle
    documents:
      # The call graph is acyclic: no application carries a cycle.
      - { id: frontend, type: application, name: frontend, status: active,
          dependencies: { hard: [productcatalogservice, currencyservice, cartservice, shippingservice, checkoutservice], soft: [recommendationservice, adservice],
                          closure: [productcatalogservice, currencyservice, cartservice, shippingservice, checkoutservice, redis-cart, paymentservice, emailservice] } }
      - { id: loadgenerator, type: application, name: loadgenerator, status: active, dependencies: { hard: [frontend] } }
      - { id: cartservice, type: application, name: cartservice, status: active, dependencies: { hard: [redis-cart] } }
    expect: { frontend: pass, loadgenerator: pass, cartservice: pass }

  - name: dependencies name active applications of the register
    policy: resilience.dependencies.known
    documents:
      - { id: resolved, type: application, name: resolved, status: active, dependencies: { hard: [db], unresolved: [] } }
      - { id: typo, type: application, name: typo, status: active,
          dependencies: { hard: [identity-svc], unresolved: ["'identity-svc' (not in the register; did you mean 'identity-service'?)"] } }
      - { id: on-retired, type: application, name: on-retired, status: active, dependencies: { soft: [legacy-reporting], unresolved: ["'legacy-reporting' (retired)"] } }
      - { id: not-read, type: application, name: not-read, status: active, dependencies: { unresolved: !unknown } }
      - { id: retired, type: application, name: retired, status: retired, dependencies: { unresolved: ["'x' (not in the register)"] } }
      - { id: vendor-api, type: application, name: vendor-api, status: active, dependencies: { hard: [stripe], unresolved: ["'stripe' (not in the register)"] } }
    waivers:
      - { policy: resilience.dependencies.known, resources: [vendor-api], reason: Third-party API outside the register; its SLA is tracked in the vendor register, owner: payments@acme.example, expires: 2027-06-30 }
    expect: { resolved: pass, typo: fail, on-retired: fail, not-read: unknown, retired: not_applicable, vendor-api: waived }

  - name: "public sample: Online Boutique, known ids"
    policy: resilience.dependencies.known
    documents:
      # Every call names a Deployment of the manifest.
      - { id: checkoutservice, type: application, name: checkoutservice, status: active,
          dependencies: { hard: [productcatalogservice, shippingservice, paymentservice, emailservice, currencyservice, cartservice], unresolved: [] } }
      - { id: frontend, type: application, name: frontend, status: active,
          dependencies: { hard: [productcatalogservice, currencyservice, cartservice, shippingservice, checkoutservice], soft: [recommendationservice, adservice],
                          unresolved: [] } }
      - { id: cartservice, type: application, name: cartservice, status: active, dependencies: { hard: [redis-cart], unresolved: [] } }
    expect: { checkoutservice: pass, frontend: pass, cartservice: pass }

  - name: the effective RTO through hard dependencies is within the target
    policy: resilience.dependencies.effective_rto
    documents:
      - { id: fast-enough, type: application, name: fast-enough, status: active,
          dependencies: { hard: [db], effective_rto_hours: 0.5, rto_bottleneck: db, rto_target_hours: 1 } }
      - { id: at-limit, type: application, name: at-limit, status: active,
          dependencies: { hard: [db], effective_rto_hours: 1, rto_bottleneck: db, rto_target_hours: 1 } }
      - { id: one-step-beyond, type: application, name: one-step-beyond, status: active,
          dependencies: { hard: [db], effective_rto_hours: 1.01, rto_bottleneck: db, rto_target_hours: 1 } }
      - { id: slow-dependency, type: application, name: slow-dependency, status: active,
          dependencies: { hard: [catalog-search], effective_rto_hours: 11.88, rto_bottleneck: catalog-search, rto_target_hours: 1 } }
      - { id: default-only, type: application, name: default-only, status: active,
          dependencies: { hard: [batch], effective_rto_hours: !unknown, effective_rto_unknown_reason: "'batch': its RTO is only the strategy's default (never tested, none declared)", rto_target_hours: 4 } }
      - { id: no-target, type: application, name: no-target, status: active, dependencies: { hard: [db], effective_rto_hours: 2, rto_target_hours: !unknown } }
      - { id: no-hard-dependencies, type: application, name: no-hard-dependencies, status: active, dependencies: { hard: [], effective_rto_hours: 9, rto_target_hours: 1 } }
      - { id: retired, type: application, name: retired, status: retired, dependencies: { hard: [db], effective_rto_hours: 9, rto_target_hours: 1 } }
      - { id: replatforming, type: application, name: replatforming, status: active,
          dependencies: { hard: [old-db], effective_rto_hours: 6, rto_bottleneck: old-db, rto_target_hours: 1 } }
    waivers:
      - { policy: resilience.dependencies.effective_rto, resources: [replatforming], reason: Database moves to Aurora Global in January (CHG-3312), owner: hr-it@acme.example, expires: 2027-01-31 }
    expect: { fast-enough: pass, at-limit: pass, one-step-beyond: fail, slow-dependency: fail, default-only: unknown, no-target: unknown,
              no-hard-dependencies: not_applicable, retired: not_applicable, replatforming: waived }

  - name: "public sample: Online Boutique, effective RTO"
    policy: resilience.dependencies.effective_rto
    documents:
      # The closures are the manifest's; the recovery hours and targets are ours. Checkout is back
      # when the slowest of its hard closure (six calls and the cart's Redis) is.
      - { id: checkoutservice, type: application, name: checkoutservice, status: active,
          dependencies: { hard: [productcatalogservice, shippingservice, paymentservice, emailservice, currencyservice, cartservice],
                          closure: [productcatalogservice, shippingservice, paymentservice, emailservice, currencyservice, cartservice, redis-cart],
                          effective_rto_hours: 0.75, rto_bottleneck: emailservice, rto_target_hours: 0.25 } }
      - { id: cartservice, type: application, name: cartservice, status: active,
          dependencies: { hard: [redis-cart], closure: [redis-cart], effective_rto_hours: 0.5, rto_target_hours: 1 } }
    expect: { checkoutservice: fail, cartservice: pass }

  - name: the model's availability of the current strategy meets the SLO
    policy: resilience.slo.model_availability
    documents:
      - { id: meets, type: application, name: meets, status: active, slo_availability: 99.9,
          availability: { composite: 0.9995, composite_text: "99.95 %", implied: 0.9995, implied_text: "99.95 %", slo: 0.999, slo_text: "99.90 %" } }
      - { id: at-limit, type: application, name: at-limit, status: active, slo_availability: 99.95,
          availability: { composite: 0.9995, composite_text: "99.95 %", slo: 0.9995, slo_text: "99.95 %" } }
      # The issue's case: a tier-0 SLO of 99.99 % that the model puts at 99.93 %.
      - { id: tier0-short, type: application, name: tier0-short, status: active, tier: tier0, slo_availability: 99.99,
          availability: { composite: 0.9993, composite_text: "99.93 %", implied: 0.9996, implied_text: "99.96 %", slo: 0.9999, slo_text: "99.99 %" } }
      - { id: placeholders, type: application, name: placeholders, status: active, slo_availability: 99.9,
          availability: { composite: !unknown, composite_unknown_reason: "its availability rests on the placeholder incident scenarios (declare scenarios in the register)", slo: 0.999, slo_text: "99.90 %" } }
      - { id: no-slo, type: application, name: no-slo, status: active, availability: { composite: 0.99 } }
      - { id: retired, type: application, name: retired, status: retired, slo_availability: 99.99, availability: { composite: 0.99, slo: 0.9999 } }
      # Public: Azure Architecture Center, resiliency overview (MicrosoftDocs/architecture-center,
      # docs/resiliency/index.md, CC BY 4.0): a web app at 99.95 % on a database at 99.99 % composes to
      # 99.95 % × 99.99 % = 99.94005 % — short of a 99.95 % SLO, within a 99.9 % one.
      - { id: web-on-sql-slo-9995, type: application, name: web-on-sql-slo-9995, status: active, slo_availability: 99.95,
          availability: { composite: 0.99940005, composite_text: "99.94 %", implied: 0.9995, implied_text: "99.95 %", slo: 0.9995, slo_text: "99.95 %" } }
      - { id: web-on-sql-slo-999, type: application, name: web-on-sql-slo-999, status: active, slo_availability: 99.9,
          availability: { composite: 0.99940005, composite_text: "99.94 %", implied: 0.9995, implied_text: "99.95 %", slo: 0.999, slo_text: "99.90 %" } }
      - { id: renegotiating, type: application, name: renegotiating, status: active, slo_availability: 99.99,
          availability: { composite: 0.9991, composite_text: "99.91 %", slo: 0.9999, slo_text: "99.99 %" } }
    waivers:
      - { policy: resilience.slo.model_availability, resources: [renegotiating], reason: SLO lowered to 99.9 % in the 2027 contract (signed Jan 2027), owner: portal@acme.example, expires: 2027-01-31 }
    expect: { meets: pass, at-limit: pass, tier0-short: fail, placeholders: unknown, no-slo: not_applicable, retired: not_applicable,
              web-on-sql-slo-9995: fail, web-on-sql-slo-999: pass, renegotiating: waived }

  # Public sample (policies/PUBLIC-SAMPLES.md): the example SLO of the OpenSLO specification,
  # OpenSLO/OpenSLO examples/budgeting-method/timeslices-slo.yaml (Apache-2.0, commit 0c3036a4), kept in
  # Tests/ResilienceTests/Fixtures/public-samples: service `web-availability`, objectives 0.995
  # ("Internal objective") and 0.99 ("SLA"). The strictest, as the percentage the register takes, is
  # `slo_availability: 99.5`. The tier, DR strategy (warm standby, 0.2 h) and incident scenarios
  # behind the model's 99.98 % are ours; Tests/ResilienceTests/PublicSampleSLOTests.swift maps the
  # file, runs the model (2,000 trials) and checks these fields.
  - name: "public sample: OpenSLO timeslices SLO, 99.5 % objective"
    policy: resilience.slo.model_availability
    documents:
      - { id: web-availability, type: application, name: web-availability, status: active, tier: tier1, slo_availability: 99.5,
          availability: { composite: 0.9998666932089652, composite_text: "99.98 %", implied: 0.9998666932089652, implied_text: "99.98 %",
                          slo: 0.995, slo_text: "99.50 %" } }
    expect: { web-availability: pass }

"""####),
        ("builtin/resilience/dns-failover-health-check.yaml", ####"""
version: 1
id: resilience.dns.failover_health_check
title: Primary failover DNS records have a health check
severity: high
enforcement: hard
frameworks:
  soc2: [A1.2]
  iso27001_2022: [A.8.14]
  nist_800_53_r5: [CP-7]
  dora: [Art.11]
description: >-
  DNS failover moves traffic to the secondary only when the primary is reported unhealthy: a
  primary record without a health check is always considered healthy, so the failover pair never
  fails over and the DR region stays idle during an outage. Every primary failover record that
  is not an alias names a health check (Route 53 `HealthCheckId`, Terraform `health_check_id`).
  Alias primaries may use the target's health (EvaluateTargetHealth), which the exports do not
  carry, and are not assessed; a health check id known only after apply is *unknown*.
remediation: >-
  Create a health check on the primary endpoint (HTTPS on the application's health path) and
  attach it to the PRIMARY failover record; for alias records, turn on EvaluateTargetHealth.
applies_to:
  types: [dns.record]
  where:
    dns.routing: failover
    dns.failover_role: PRIMARY
    dns.alias: { not_equals: true, default: false }
require:
  dns.health_check: { empty: false }
message: "primary failover record {{ id }} has no health check: it is never reported unhealthy, so traffic never fails over"

"""####),
        ("builtin/resilience/dns-failover-ttl.yaml", ####"""
version: 1
id: resilience.dns.failover_ttl
title: Failover DNS records have a TTL of at most 60 seconds
severity: medium
enforcement: soft
frameworks:
  iso27001_2022: [A.8.14]
  nist_800_53_r5: [CP-7]
  dora: [Art.11]
description: >-
  Resolvers keep answering with the failed primary until the TTL expires: a 300-second TTL adds
  five minutes to every failover, on top of health-check detection — more than a tier-0 RTO
  allows. Alias records take the target's TTL and are not assessed.
remediation: Lower the TTL of both failover records (primary and secondary) to 60 seconds or less.
applies_to:
  types: [dns.record]
  where:
    dns.routing: failover
    dns.alias: { not_equals: true, default: false }
require:
  dns.ttl: { lte: { param: max_ttl_seconds } }
message: "failover record {{ id }} ({{ dns.failover_role | default: 'role unknown' }}) has TTL {{ dns.ttl | default: 'unknown' }} s"
params:
  max_ttl_seconds: 60
param_docs:
  max_ttl_seconds: Longest accepted TTL of a failover record, in seconds.

"""####),
        ("builtin/resilience/queue-dead-letter.yaml", ####"""
version: 1
id: resilience.queue.dead_letter
title: Production queues have a dead-letter queue
severity: medium
enforcement: soft
frameworks:
  soc2: [A1.2]
  iso27001_2022: [A.8.14]
  nist_800_53_r5: [CP-10]
description: >-
  A message a consumer cannot process is retried until it expires — blocking the queue for the
  messages behind it (FIFO) or silently dropping it after the retention period. A dead-letter
  queue keeps such messages for inspection and replay, so a failover or a bad deploy does not lose
  orders. Every production SQS queue and Pub/Sub subscription needs one (SQS `RedrivePolicy`
  `deadLetterTargetArn` / `redrive_policy`; Pub/Sub `deadLetterPolicy.deadLetterTopic`), except
  the dead-letter queues themselves (the linking step marks a queue that receives another queue's
  failures, `messaging.dead_letter_for`). A plan whose redrive policy is known only after apply
  gives *unknown* (the provider also computes it when a separate resource sets it). A Terraform
  queue whose redrive policy is set by a
  separate `aws_sqs_queue_redrive_policy` resource is not joined and fails — waive it. Azure
  Service Bus queues always have a dead-letter sub-queue and are not in the exports.
remediation: >-
  Add a redrive policy (`redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.dlq.arn,
  maxReceiveCount = 5 })`), or a `dead_letter_policy` on the Pub/Sub subscription; alarm on the
  dead-letter queue's depth.
applies_to:
  types: [messaging.queue]
  where:
    tags.environment: { in: { param: environments } }
    messaging.dead_letter_for: { exists: false }
require:
  messaging.dead_letter_target: { empty: false }
message: "queue {{ name | default: '(unnamed)' }} has no dead-letter queue: messages its consumers cannot process are retried until they expire and are lost"
params:
  environments: [prod]
param_docs:
  environments: Environment tag values whose queues are assessed.

"""####),
        ("builtin/resilience/resilience.test.yaml", ####"""
# Test cases of the resilience policies (run with `assay test policies`).
version: 1
as_of: 2026-11-27
tests:
  - name: backup retention per resource type
    policy: resilience.backup.retention
    documents:
      - { id: plan-35-days, type: backup.plan, tags: { environment: prod }, backup: { retention_days: 35 } }
      - { id: plan-7-days, type: backup.plan, tags: { environment: prod }, backup: { retention_days: 7 } }
      - { id: db-7-days, type: database.instance, tags: { environment: prod }, backup: { retention_days: 7 } }
      - { id: db-1-day, type: database.instance, tags: { environment: prod }, backup: { retention_days: 1 } }
      - { id: db-backups-off, type: database.cluster, tags: { environment: prod }, backup: { enabled: false } }
      - { id: dev-db, type: database.instance, tags: { environment: dev }, backup: { retention_days: 1 } }
      - { id: bucket, type: storage.bucket, tags: { environment: prod } }
      - { id: legacy-plan, type: backup.plan, tags: { environment: prod }, backup: { retention_days: 14 } }
    waivers:
      - { policy: resilience.backup.retention, resources: [legacy-plan], reason: Plan retired with legacy reporting in Q1, owner: bi-team@acme.example, expires: 2027-03-31 }
    expect: { plan-35-days: pass, plan-7-days: fail, db-7-days: pass, db-1-day: fail, db-backups-off: fail, dev-db: not_applicable, bucket: not_applicable,
              legacy-plan: waived }

  - name: a long-term tier, in cold storage
    policy: resilience.backup.long_term_cold_tier
    documents:
      - id: daily-and-archive
        type: backup.plan
        tags: { environment: prod }
        backup: { tiers: [ { name: daily, retention_days: 35 }, { name: monthly, retention_days: 2555, cold_after_days: 90 } ] }
      - id: weekly-only
        type: backup.plan
        tags: { environment: prod }
        backup: { tiers: [ { name: weekly, retention_days: 7 } ] }
      - id: yearly-warm
        type: backup.plan
        tags: { environment: prod }
        backup: { tiers: [ { name: yearly, retention_days: 400 } ] }
      - id: yearly-cold-late
        type: backup.plan
        tags: { environment: prod }
        backup: { tiers: [ { name: yearly, retention_days: 400, cold_after_days: 180 } ] }
      - id: no-rules
        type: backup.plan
        tags: { environment: prod }
      - id: dev-plan
        type: backup.plan
        tags: { environment: dev }
        backup: { tiers: [ { name: daily, retention_days: 7 } ] }
      - id: compliance-vault-plan
        type: backup.plan
        tags: { environment: prod }
        backup: { tiers: [ { name: daily, retention_days: 30 } ] }
    waivers:
      - { policy: resilience.backup.long_term_cold_tier, resources: [compliance-vault-plan], reason: Long-term copies kept by the vault's own policy, owner: platform@acme.example, expires: 2027-06-30 }
    expect: { daily-and-archive: pass, weekly-only: fail, yearly-warm: fail, yearly-cold-late: fail, no-rules: fail, dev-plan: not_applicable,
              compliance-vault-plan: waived }

  - name: backup copies in another region
    policy: resilience.backup.cross_region_copy
    documents:
      - { id: copies-to-frankfurt, type: backup.plan, region: eu-west-1, tags: { environment: prod }, backup: { copy_regions: [eu-central-1] } }
      - { id: no-copies, type: backup.plan, region: eu-west-1, tags: { environment: prod }, backup: { copy_regions: [] } }
      - { id: copies-same-region, type: backup.plan, region: eu-west-1, tags: { environment: prod }, backup: { copy_regions: [eu-west-1] } }
      - { id: copies-not-reported, type: backup.plan, region: eu-west-1, tags: { environment: prod } }
      - { id: dev-plan, type: backup.plan, region: eu-west-1, tags: { environment: dev }, backup: { copy_regions: [] } }
      - { id: vault-lock-plan, type: backup.plan, region: eu-west-1, tags: { environment: prod }, backup: { copy_regions: [] } }
    waivers:
      - { policy: resilience.backup.cross_region_copy, resources: [vault-lock-plan], reason: Copies made by the organization-level plan, owner: platform@acme.example, expires: 2027-06-30 }
    expect: { copies-to-frankfurt: pass, no-copies: fail, copies-same-region: fail, copies-not-reported: fail, dev-plan: not_applicable,
              vault-lock-plan: waived }

  - name: tier-0/1 production data replicated to another region
    policy: resilience.replication.critical_data
    documents:
      - { id: payments-api, type: application, name: payments-api, status: active, tier: tier0 }
      - { id: reporting, type: application, name: reporting, status: active, tier: tier3 }
      - { id: old-checkout, type: application, name: old-checkout, status: retired, tier: tier1 }
      - { id: ledger, type: storage.bucket, region: eu-west-1, tags: { environment: prod, application: payments-api }, replication: { enabled: true, regions: [eu-central-1] } }
      - { id: payments-db, type: database.instance, region: eu-west-1, tags: { environment: prod, application: payments-api }, replication: { enabled: false } }
      - { id: archive-dual-region, type: storage.bucket, region: EUR4, tags: { environment: prod, application: payments-api }, replication: { enabled: true, regions: [europe-north1, europe-west4] } }
      - { id: same-region-copy, type: storage.bucket, region: eu-west-1, tags: { environment: prod, application: payments-api }, replication: { enabled: true, regions: [eu-west-1] } }
      - { id: reporting-db, type: database.instance, region: eu-west-1, tags: { environment: prod, application: reporting } }
      - { id: old-checkout-db, type: database.instance, region: eu-west-1, tags: { environment: prod, application: old-checkout } }
      - { id: payments-dev-bucket, type: storage.bucket, region: eu-west-1, tags: { environment: dev, application: payments-api } }
      - { id: payments-volume, type: compute.volume, region: eu-west-1, tags: { environment: prod, application: payments-api } }
      - { id: payments-sessions, type: database.table, region: eu-west-1, tags: { environment: prod, application: payments-api } }
    waivers:
      - { policy: resilience.replication.critical_data, resources: [payments-sessions], reason: Sessions are rebuilt on failover by design, owner: payments@acme.example, expires: 2027-06-30 }
    expect: { ledger: pass, payments-db: fail, archive-dual-region: pass, same-region-copy: fail, reporting-db: not_applicable, old-checkout-db: not_applicable,
              payments-dev-bucket: not_applicable, payments-volume: not_applicable, payments-sessions: waived, payments-api: not_applicable }

  - name: failover records with short TTLs
    policy: resilience.dns.failover_ttl
    documents:
      - { id: api-primary, type: dns.record, dns: { routing: failover, failover_role: PRIMARY, ttl: 60, alias: false } }
      - { id: portal-primary, type: dns.record, dns: { routing: failover, failover_role: PRIMARY, ttl: 300, alias: false } }
      - { id: ttl-61, type: dns.record, dns: { routing: failover, failover_role: SECONDARY, ttl: 61 } }
      - { id: checkout-alias, type: dns.record, dns: { routing: failover, failover_role: PRIMARY, alias: true } }
      - { id: www-simple, type: dns.record, dns: { routing: simple, ttl: 3600 } }
      - { id: ttl-not-reported, type: dns.record, dns: { routing: failover, failover_role: PRIMARY } }
      - { id: status-page, type: dns.record, dns: { routing: failover, failover_role: SECONDARY, ttl: 120 } }
    waivers:
      - { policy: resilience.dns.failover_ttl, resources: [status-page], reason: Third-party status page fixes the TTL, owner: sre@acme.example, expires: 2027-01-31 }
    expect: { api-primary: pass, portal-primary: fail, ttl-61: fail, checkout-alias: not_applicable, www-simple: not_applicable, ttl-not-reported: fail,
              status-page: waived }

  - name: production databases across zones
    policy: resilience.database.multi_az
    documents:
      - { id: payments-db, type: database.instance, tags: { environment: prod }, database: { multi_az: true } }
      - { id: checkout-db, type: database.instance, tags: { environment: prod }, database: { multi_az: false } }
      - { id: cluster-not-reported, type: database.cluster, tags: { environment: prod } }
      - { id: dev-db, type: database.instance, tags: { environment: dev }, database: { multi_az: false } }
      - { id: sessions-table, type: database.table, tags: { environment: prod } }
      - { id: reporting-db, type: database.instance, tags: { environment: prod }, database: { multi_az: false } }
    waivers:
      - { policy: resilience.database.multi_az, resources: [reporting-db], reason: Read-only reporting copy rebuilt from the lake, owner: bi-team@acme.example, expires: 2027-03-31 }
    expect: { payments-db: pass, checkout-db: fail, cluster-not-reported: fail, dev-db: not_applicable, sessions-table: not_applicable, reporting-db: waived }

  - name: production databases restore to a point in time
    policy: resilience.database.pitr
    documents:
      - { id: rds-pitr, type: database.instance, tags: { environment: prod }, backup: { enabled: true, pitr: true } }
      - { id: rds-no-backups, type: database.instance, tags: { environment: prod }, backup: { enabled: false, pitr: false } }
      - { id: azure-flexible, type: database.instance, tags: { environment: prod }, backup: { enabled: true } }
      - { id: nothing-reported, type: database.cluster, tags: { environment: prod } }
      - { id: table-pitr, type: database.table, tags: { environment: prod }, backup: { pitr: true } }
      - { id: table-no-pitr, type: database.table, tags: { environment: prod }, backup: { pitr: false } }
      - { id: dev-db, type: database.instance, tags: { environment: dev }, backup: { enabled: false, pitr: false } }
      - { id: cache-table, type: database.table, tags: { environment: prod }, backup: { pitr: false } }
    waivers:
      - { policy: resilience.database.pitr, resources: [cache-table], reason: Cache rebuilt from the catalog on restore, owner: catalog@acme.example, expires: 2027-06-30 }
    expect: { rds-pitr: pass, rds-no-backups: fail, azure-flexible: pass, nothing-reported: fail, table-pitr: pass, table-no-pitr: fail, dev-db: not_applicable,
              cache-table: waived }

  - name: automated backups on for every database, whatever its tags
    policy: resilience.backup.enabled
    documents:
      - { id: prod-db, type: database.instance, tags: { environment: prod }, backup: { enabled: true, retention_days: 7 } }
      - { id: one-day, type: database.instance, backup: { enabled: true, retention_days: 1 } }
      # A Terraform aws_db_instance with backup_retention_period = 0 and a dev tag: fails anyway.
      - { id: aws_db_instance.scratch, type: database.instance, tags: { environment: dev }, backup: { enabled: false, retention_days: 0, pitr: false } }
      - { id: untagged-cluster, type: database.cluster, backup: { enabled: false } }
      - { id: warehouse-off, type: database.warehouse, backup: { enabled: false, retention_days: 0 } }
      - { id: not-reported, type: database.instance }
      - { id: aws_db_instance.new, type: database.instance, backup: { enabled: !unknown, retention_days: !unknown } }
      - { id: sessions-table, type: database.table, backup: { pitr: false } }
      - { id: replica-of-payments, type: database.instance, backup: { enabled: false, retention_days: 0 } }
    waivers:
      - { policy: resilience.backup.enabled, resources: [replica-of-payments], reason: Read replica; backups are taken on the source instance, owner: payments@acme.example, expires: 2027-06-30 }
    expect: { prod-db: pass, one-day: pass, aws_db_instance.scratch: fail, untagged-cluster: fail, warehouse-off: fail, not-reported: fail, aws_db_instance.new: unknown,
              sessions-table: not_applicable, replica-of-payments: waived }

  - name: primary failover records have a health check
    policy: resilience.dns.failover_health_check
    documents:
      - { id: api-primary, type: dns.record, dns: { routing: failover, failover_role: PRIMARY, ttl: 60, alias: false, health_check: 3c9d2f1e-8a7b-4c6d-9e5f-1a2b3c4d5e6f } }
      - { id: status-primary, type: dns.record, dns: { routing: failover, failover_role: PRIMARY, ttl: 60, alias: false } }
      - { id: empty-health-check, type: dns.record, dns: { routing: failover, failover_role: PRIMARY, health_check: "" } }
      - { id: role-not-reported, type: dns.record, dns: { routing: failover, health_check: "" } }
      - { id: api-secondary, type: dns.record, dns: { routing: failover, failover_role: SECONDARY, ttl: 60, alias: false } }
      - { id: checkout-alias, type: dns.record, dns: { routing: failover, failover_role: PRIMARY, alias: true } }
      - { id: www-simple, type: dns.record, dns: { routing: simple, ttl: 3600 } }
      - { id: planned-primary, type: dns.record, dns: { routing: failover, failover_role: PRIMARY, alias: false, health_check: !unknown } }
      - { id: maintenance-primary, type: dns.record, dns: { routing: failover, failover_role: PRIMARY, alias: false } }
    waivers:
      - { policy: resilience.dns.failover_health_check, resources: [maintenance-primary], reason: Maintenance page; the pair is switched by hand, owner: sre@acme.example, expires: 2027-01-31 }
    expect: { api-primary: pass, status-primary: fail, empty-health-check: fail, role-not-reported: not_applicable, api-secondary: not_applicable,
              checkout-alias: not_applicable, www-simple: not_applicable, planned-primary: unknown, maintenance-primary: waived }

  - name: deletion protection on tier-0/1 databases and load balancers
    policy: resilience.deletion_protection.critical
    documents:
      - { id: payments-api, type: application, name: payments-api, status: active, tier: tier0 }
      - { id: reporting, type: application, name: reporting, status: active, tier: tier3 }
      - { id: payments-db, type: database.instance, provider: aws, tags: { environment: prod, application: payments-api }, database: { deletion_protection: true } }
      - { id: payments-alb, type: network.load_balancer, provider: aws, tags: { environment: prod, application: payments-api }, network: { deletion_protection: true } }
      - { id: payments-cluster, type: database.cluster, provider: aws, tags: { environment: prod, application: payments-api }, database: { deletion_protection: false } }
      - { id: payments-nlb, type: network.load_balancer, provider: aws, tags: { environment: prod, application: payments-api }, network: { deletion_protection: false } }
      - { id: payments-sql, type: database.instance, provider: gcp, tags: { environment: prod, application: payments-api } }
      - { id: aws_db_instance.payments_next, type: database.instance, provider: aws, tags: { environment: prod, application: payments-api }, database: { deletion_protection: !unknown } }
      - { id: payments-pg-azure, type: database.instance, provider: azure, tags: { environment: prod, application: payments-api } }
      - { id: reporting-db, type: database.instance, provider: aws, tags: { environment: prod, application: reporting }, database: { deletion_protection: false } }
      - { id: payments-dev-db, type: database.instance, provider: aws, tags: { environment: dev, application: payments-api }, database: { deletion_protection: false } }
      - { id: payments-migration-db, type: database.instance, provider: aws, tags: { environment: prod, application: payments-api }, database: { deletion_protection: false } }
    waivers:
      - { policy: resilience.deletion_protection.critical, resources: [payments-migration-db], reason: Temporary copy for the Q1 migration (deleted after cutover), owner: payments@acme.example, expires: 2027-03-31 }
    expect: { payments-db: pass, payments-alb: pass, payments-cluster: fail, payments-nlb: fail, payments-sql: fail, aws_db_instance.payments_next: unknown,
              payments-pg-azure: not_applicable, reporting-db: not_applicable, payments-dev-db: not_applicable, payments-migration-db: waived,
              payments-api: not_applicable }

  - name: production scaling groups span two zones
    policy: resilience.scaling_group.multi_zone
    documents:
      - { id: checkout-web-asg, type: compute.scaling_group, tags: { environment: prod }, compute: { zones: [eu-west-1a, eu-west-1b, eu-west-1c] } }
      - { id: payments-asg, type: compute.scaling_group, tags: { environment: prod }, compute: { zones: [eu-west-1a, eu-west-1b] } }
      - { id: regional-vmss, type: compute.scaling_group, tags: { environment: prod }, compute: { zones: [] } }
      - { id: zones-not-reported, type: compute.scaling_group, tags: { environment: prod } }
      - { id: aws_autoscaling_group.next, type: compute.scaling_group, tags: { environment: prod }, compute: { zones: !unknown } }
      - { id: dev-asg, type: compute.scaling_group, tags: { environment: dev }, compute: { zones: [eu-west-1a] } }
      - { id: batch-asg, type: compute.scaling_group, tags: { environment: prod }, compute: { zones: [eu-west-1a] } }
    waivers:
      - { policy: resilience.scaling_group.multi_zone, resources: [batch-asg], reason: Nightly batch re-runs after a zone outage, owner: data@acme.example, expires: 2027-03-31 }
    expect: { checkout-web-asg: pass, regional-vmss: fail,
              zones-not-reported: fail, aws_autoscaling_group.next: unknown, dev-asg: not_applicable, batch-asg: waived, payments-asg: pass }

  - name: tier-0/1 scaling groups have a second region or a standby
    policy: resilience.scaling_group.second_region
    documents:
      - { id: payments-api, type: application, name: payments-api, status: active, tier: tier0, dr: { strategy: pilot_light } }
      - { id: checkout-web, type: application, name: checkout-web, status: active, tier: tier1, dr: { strategy: pilot_light } }
      - { id: portal, type: application, name: portal, status: active, tier: tier1, dr: { strategy: warm_standby } }
      - { id: reporting, type: application, name: reporting, status: active, tier: tier3 }
      - { id: search-api, type: application, name: search-api, status: active, tier: tier1, dr: { strategy: pilot_light } }
      - { id: payments-asg-eu-west-1, type: compute.scaling_group, region: eu-west-1, tags: { environment: prod, application: payments-api } }
      - { id: payments-asg-eu-central-1, type: compute.scaling_group, region: eu-central-1, tags: { environment: prod, application: payments-api } }
      - { id: checkout-asg, type: compute.scaling_group, region: eu-west-1, tags: { environment: prod, application: checkout-web } }
      - { id: portal-asg, type: compute.scaling_group, region: eu-west-1, tags: { environment: prod, application: portal } }
      - { id: reporting-asg, type: compute.scaling_group, region: eu-west-1, tags: { environment: prod, application: reporting } }
      - { id: search-asg, type: compute.scaling_group, region: eu-west-1, tags: { environment: prod, application: search-api } }
      - { id: planned-search-asg, type: compute.scaling_group, region: !unknown, tags: { environment: prod, application: search-api } }
      - { id: checkout-batch-asg, type: compute.scaling_group, region: eu-west-1, tags: { environment: prod, application: checkout-web } }
    waivers:
      - { policy: resilience.scaling_group.second_region, resources: [checkout-batch-asg], reason: Batch re-run in the DR region from the image after failover, owner: checkout@acme.example, expires: 2027-03-31 }
    expect: { payments-asg-eu-west-1: pass, payments-asg-eu-central-1: pass, checkout-asg: fail, portal-asg: pass, reporting-asg: not_applicable,
              search-asg: unknown, planned-search-asg: unknown, payments-api: not_applicable, checkout-web: not_applicable, portal: not_applicable,
              reporting: not_applicable, search-api: not_applicable, checkout-batch-asg: waived }

  # Real-world case: the "Dead-letter queue" example of the aws_sqs_queue documentation
  # (hashicorp/terraform-provider-aws, website/docs/r/sqs_queue.html.markdown, commit
  # 01f431114674c27cf790fafb67ac274bf8f765e1, MPL-2.0) as the linking step reads its state: the
  # queue's redrive policy names the dead-letter queue, which learns whom it serves. The example has
  # no environment tag; `environment: prod` is added so the policy assesses it.
  - name: production queues have a dead-letter queue
    policy: resilience.queue.dead_letter
    documents:
      - { id: "arn:aws:sqs:us-east-1:123456789012:terraform-example-queue", name: terraform-example-queue, type: messaging.queue, tags: { environment: prod },
          messaging: { dead_letter_target: "arn:aws:sqs:us-east-1:123456789012:terraform-example-deadletter-queue" } }
      - { id: "arn:aws:sqs:us-east-1:123456789012:terraform-example-deadletter-queue", name: terraform-example-deadletter-queue, type: messaging.queue,
          tags: { environment: prod }, messaging: { dead_letter_for: ["arn:aws:sqs:us-east-1:123456789012:terraform-example-queue"] } }
      - { id: orders, type: messaging.queue, tags: { environment: prod }, messaging: { dead_letter_target: "arn:aws:sqs:eu-west-1:111122223333:orders-dlq" } }
      - { id: orders-dlq, type: messaging.queue, tags: { environment: prod }, messaging: { dead_letter_for: [orders] } }
      - { id: notifications, type: messaging.queue, tags: { environment: prod } }
      - { id: aws_sqs_queue.events, type: messaging.queue, tags: { environment: prod }, messaging: { dead_letter_target: !unknown } }
      - { id: pubsub-sub, type: messaging.queue, tags: { environment: prod }, messaging: { dead_letter_target: projects/acme/topics/dead-letters } }
      - { id: dev-queue, type: messaging.queue, tags: { environment: dev } }
      - { id: fire-and-forget, type: messaging.queue, tags: { environment: prod } }
    waivers:
      - { policy: resilience.queue.dead_letter, resources: [fire-and-forget], reason: Metrics fan-out; lost messages are acceptable, owner: sre@acme.example, expires: 2027-06-30 }
    expect: { "arn:aws:sqs:us-east-1:123456789012:terraform-example-queue": pass, "arn:aws:sqs:us-east-1:123456789012:terraform-example-deadletter-queue": not_applicable,
              orders: pass, orders-dlq: not_applicable, notifications: fail, aws_sqs_queue.events: unknown, pubsub-sub: pass, dev-queue: not_applicable,
              fire-and-forget: waived }

  - name: alarms in every region an application runs in
    policy: resilience.monitoring.alarms_per_region
    documents:
      - { id: "aws:111:eu-west-1", type: account.region, provider: aws, account: "111", region: eu-west-1, applications: [payments-api] }
      - { id: "aws:111:eu-central-1", type: account.region, provider: aws, account: "111", region: eu-central-1, applications: [payments-api] }
      - { id: "aws:111:us-east-1", type: account.region, provider: aws, account: "111", region: us-east-1, applications: [] }
      - { id: "aws:111:eu-north-1", type: account.region, provider: aws, account: "111", region: eu-north-1, applications: [reporting] }
      - { id: "aws:111:eu-south-1", type: account.region, provider: aws, account: "111", region: eu-south-1, applications: [reporting] }
      - { id: "azure:8f4e:northeurope", type: account.region, provider: azure, account: 8f4e, region: northeurope, applications: [payments-api] }
      - { id: "gcp:acme:europe-west3", type: account.region, provider: gcp, account: acme, region: europe-west3, applications: [identity-service] }
      - { id: cpu-alarm, type: monitoring.alarm, provider: aws, account: "111", region: eu-west-1, monitoring: { actions_enabled: true } }
      - { id: muted-alarm, type: monitoring.alarm, provider: aws, account: "111", region: eu-north-1, monitoring: { actions_enabled: false } }
      - { id: planned-alarm, type: monitoring.alarm, provider: aws, account: "111", region: eu-south-1, monitoring: { actions_enabled: !unknown } }
      - { id: metric-alert, type: monitoring.alarm, provider: azure, account: 8f4e, region: global }
      - { id: "aws:222:eu-west-1", type: account.region, provider: aws, account: "222", region: eu-west-1, applications: [sandbox] }
    waivers:
      - { policy: resilience.monitoring.alarms_per_region, resources: ["aws:222:*"], reason: Sandbox account closed with CHG-4410, owner: platform@acme.example, expires: 2027-01-31 }
    expect: { "aws:111:eu-west-1": pass, "aws:111:eu-central-1": fail, "aws:111:us-east-1": not_applicable, "aws:111:eu-north-1": fail,
              "aws:111:eu-south-1": unknown, "azure:8f4e:northeurope": pass, "gcp:acme:europe-west3": fail, cpu-alarm: not_applicable,
              muted-alarm: not_applicable, planned-alarm: not_applicable, metric-alert: not_applicable, "aws:222:eu-west-1": waived }

  - name: tier-0/1 data stores are in a backup plan
    policy: resilience.backup.plan_coverage
    documents:
      - { id: payments-api, type: application, name: payments-api, status: active, tier: tier0 }
      - { id: reporting, type: application, name: reporting, status: active, tier: tier3 }
      - { id: ledger, type: storage.bucket, provider: aws, tags: { environment: prod, application: payments-api }, backup: { plans: [acme-prod-daily] } }
      - { id: payments-db, type: database.instance, provider: aws, tags: { environment: prod, application: payments-api }, backup: { enabled: true, retention_days: 7 } }
      - { id: payments-volume, type: compute.volume, provider: aws, tags: { environment: prod, application: payments-api } }
      - { id: aws_dynamodb_table.sessions, type: database.table, provider: aws, tags: { environment: prod, application: payments-api }, backup: { plans: !unknown } }
      - { id: payments-sql, type: database.instance, provider: gcp, tags: { environment: prod, application: payments-api } }
      - { id: reporting-db, type: database.instance, provider: aws, tags: { environment: prod, application: reporting } }
      - { id: payments-scratch, type: storage.bucket, provider: aws, tags: { environment: prod, application: payments-api } }
      # Exports that cannot show a plan: no Backup selection among the inputs at all, or none of
      # the store's account (the linking step sets the reason); not known, never "in no plan".
      - { id: payments-archive, type: storage.bucket, provider: aws, account: "111122223333", tags: { environment: prod, application: payments-api },
          backup: { plans: !unknown, plan_retention_days: !unknown,
                    plans_unknown_reason: "the inputs hold no AWS Backup selection (AWS::Backup::BackupSelection in an AWS Config export, aws_backup_selection in a Terraform plan or state), so the plans that take it cannot be told" } }
      - { id: payments-replica, type: database.instance, provider: aws, account: "444455556666", tags: { environment: prod, application: payments-api },
          backup: { plans: !unknown, plan_retention_days: !unknown,
                    plans_unknown_reason: "the inputs hold AWS Backup selections of account 111122223333 only, none of account 444455556666 (a selection covers its own account's resources only)" } }
    waivers:
      - { policy: resilience.backup.plan_coverage, resources: [payments-scratch], reason: Scratch space rebuilt from the ledger, owner: payments@acme.example, expires: 2027-06-30 }
    expect: { ledger: pass, payments-db: fail, payments-volume: fail, aws_dynamodb_table.sessions: unknown, payments-sql: not_applicable, reporting-db: not_applicable,
              payments-scratch: waived, payments-api: not_applicable, reporting: not_applicable, payments-archive: unknown, payments-replica: unknown }

  # Public sample (policies/PUBLIC-SAMPLES.md): AWS's sample configuration item of an RDS instance
  # (awslabs/aws-config-rdk, rdk/template/example_ci/AWS_RDS_DBInstance.json, Apache-2.0) and Cloud
  # Custodian's recorded GetBackupPlan answer (plan "test", tests/data/placebo/test_backup_augment,
  # Apache-2.0), read and linked by Tests/InventoryTests/BackupPublicSampleTests.swift. Transform: the
  # item's `workload-type: production` tag kept, `environment: prod` and `application: rdk-sample-db`
  # added for the join; the application and its tier are ours. No Backup selection is in either
  # export (a plan without its selections), so whether a plan takes the instance cannot be told:
  # not known, with the reason the linking step gives, rather than "in no backup plan".
  - name: "public sample: AWS Config RDK RDS instance, exports without backup selections"
    policy: resilience.backup.plan_coverage
    documents:
      - { id: rdk-sample-db, type: application, name: rdk-sample-db, status: active, tier: tier0 }
      - { id: "arn:aws:rds:us-east-1:264683526309:db:myrdstest", type: database.instance, provider: aws, account: "264683526309", name: myrdstest,
          tags: { workload-type: production, environment: prod, application: rdk-sample-db },
          backup: { enabled: true, retention_days: 7, pitr: true, plans: !unknown, plan_retention_days: !unknown,
                    plans_unknown_reason: "the inputs hold no AWS Backup selection (AWS::Backup::BackupSelection in an AWS Config export, aws_backup_selection in a Terraform plan or state), so the plans that take it cannot be told" } }
      - { id: "arn:aws:backup:us-east-1:644160558196:backup-plan:14c4daac-b199-45ce-8644-c541734ebd14", type: backup.plan, provider: aws, name: test,
          backup: { retention_days: 180 } }
    expect: { "arn:aws:rds:us-east-1:264683526309:db:myrdstest": unknown, rdk-sample-db: not_applicable,
              "arn:aws:backup:us-east-1:644160558196:backup-plan:14c4daac-b199-45ce-8644-c541734ebd14": not_applicable }

  # Real-world case: `example_backup_vault` is locked by the example of the
  # aws_backup_vault_lock_configuration documentation (hashicorp/terraform-provider-aws,
  # website/docs/r/backup_vault_lock_configuration.html.markdown, commit
  # 0df5cda10cb35b69e02797a3e178a9a512ad7417, MPL-2.0): min_retention_days 7, joined to its vault by name.
  - name: backup vaults are locked
    policy: resilience.backup.vault_lock
    documents:
      - { id: aws_backup_vault.example, name: example_backup_vault, type: backup.vault, backup: { vault_locked: true, vault_min_retention_days: 7 } }
      - { id: acme-prod-vault, type: backup.vault, backup: { vault_locked: true, vault_min_retention_days: 7 } }
      - { id: acme-legacy-vault, type: backup.vault, backup: { vault_locked: false } }
      - { id: not-reported, type: backup.vault }
      - { id: aws_backup_vault.next, type: backup.vault, backup: { vault_locked: !unknown } }
      - { id: plan, type: backup.plan }
      - { id: migration-vault, type: backup.vault, backup: { vault_locked: false } }
    waivers:
      - { policy: resilience.backup.vault_lock, resources: [migration-vault], reason: Emptied and deleted after the vault migration, owner: platform@acme.example, expires: 2027-01-31 }
    expect: { aws_backup_vault.example: pass, acme-prod-vault: pass, acme-legacy-vault: fail, not-reported: fail, aws_backup_vault.next: unknown, plan: not_applicable, migration-vault: waived }

  # Public sample: the three Azure Backup vaults of PSRule for Azure's test data (Azure/PSRule.Rules.Azure,
  # tests/PSRule.Rules.Azure.Tests/Resources.BV.json, MIT; a Get-AzResource export read by the Azure
  # reader): vault-A states no immutability (unknown), vault-B `Disabled` (fail), vault-C `Locked` (pass).
  # PSRule fails vault-A; Assay cannot tell from the row whether the API version carried the setting.
  - name: "public sample: PSRule Azure Backup vaults, immutability not stated, disabled and locked"
    policy: resilience.backup.vault_lock
    documents:
      - { id: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-test/providers/Microsoft.DataProtection/backupVaults/vault-A,
          type: backup.vault, provider: azure, account: 00000000-0000-0000-0000-000000000000, region: westeurope, name: vault-A,
          native_type: microsoft.dataprotection/backupvaults, backup: { vault_locked: !unknown } }
      - { id: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-test/providers/Microsoft.DataProtection/backupVaults/vault-B,
          type: backup.vault, provider: azure, account: 00000000-0000-0000-0000-000000000000, region: westeurope, name: vault-B,
          native_type: microsoft.dataprotection/backupvaults, backup: { vault_locked: false } }
      - { id: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-test/providers/Microsoft.DataProtection/backupVaults/vault-C,
          type: backup.vault, provider: azure, account: 00000000-0000-0000-0000-000000000000, region: westeurope, name: vault-C,
          native_type: microsoft.dataprotection/backupvaults, backup: { vault_locked: true } }
    expect:
      /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-test/providers/Microsoft.DataProtection/backupVaults/vault-A: unknown
      /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-test/providers/Microsoft.DataProtection/backupVaults/vault-B: fail
      /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-test/providers/Microsoft.DataProtection/backupVaults/vault-C: pass

  # Public sample: the Recovery Services vault of the `Vaults_Get` example in Azure's REST API
  # specification (Azure/azure-rest-api-specs, .../RecoveryServices/examples/2025-02-01/GETVault.json, MIT;
  # its 200 response body): immutability `Disabled`.
  - name: "public sample: Azure REST API example Recovery Services vault, immutability disabled"
    policy: resilience.backup.vault_lock
    documents:
      - { id: /subscriptions/77777777-b0c6-47a2-b37c-d8e65a629c18/resourceGroups/Default-RecoveryServices-ResourceGroup/providers/Microsoft.RecoveryServices/vaults/swaggerExample,
          type: backup.vault, provider: azure, account: 77777777-b0c6-47a2-b37c-d8e65a629c18, region: westus, name: swaggerExample,
          native_type: microsoft.recoveryservices/vaults, tags: { TestUpdatedKey: TestUpdatedValue }, backup: { vault_locked: false } }
    expect:
      /subscriptions/77777777-b0c6-47a2-b37c-d8e65a629c18/resourceGroups/Default-RecoveryServices-ResourceGroup/providers/Microsoft.RecoveryServices/vaults/swaggerExample: fail

  - name: backup retention per application tier
    policy: resilience.backup.retention_per_tier
    documents:
      - { id: payments-api, type: application, name: payments-api, status: active, tier: tier0 }
      - { id: checkout-web, type: application, name: checkout-web, status: active, tier: tier1 }
      - { id: reporting, type: application, name: reporting, status: active, tier: tier3 }
      - { id: ledger, type: storage.bucket, provider: aws, tags: { environment: prod, application: payments-api }, backup: { plans: [daily], plan_retention_days: 35 } }
      - { id: gcs-archive, type: storage.bucket, provider: gcp, tags: { environment: prod, application: payments-api } }
      - { id: payments-db, type: database.instance, tags: { environment: prod, application: payments-api }, backup: { retention_days: 7, plan_retention_days: 2555 } }
      - { id: checkout-db, type: database.instance, tags: { environment: prod, application: checkout-web }, backup: { retention_days: 7 } }
      - { id: checkout-volume, type: compute.volume, provider: aws, tags: { environment: prod, application: checkout-web } }
      - { id: aws_db_instance.checkout_next, type: database.instance, tags: { environment: prod, application: checkout-web }, backup: { retention_days: !unknown } }
      - { id: reporting-db, type: database.instance, tags: { environment: prod, application: reporting }, backup: { retention_days: 1 } }
      - { id: checkout-cache, type: database.table, tags: { environment: prod, application: checkout-web }, backup: { retention_days: 1 } }
      # No Backup selection among the inputs: the plans' retention is not known. Own backups short
      # of the tier's days leave the verdict open; own backups long enough decide it.
      - { id: checkout-archive, type: storage.bucket, provider: aws, tags: { environment: prod, application: checkout-web },
          backup: { plans: !unknown, plan_retention_days: !unknown, plans_unknown_reason: "the inputs hold no AWS Backup selection (AWS::Backup::BackupSelection in an AWS Config export, aws_backup_selection in a Terraform plan or state), so the plans that take it cannot be told" } }
      - { id: checkout-orders, type: database.instance, provider: aws, tags: { environment: prod, application: checkout-web },
          backup: { retention_days: 35, plans: !unknown, plan_retention_days: !unknown, plans_unknown_reason: "the inputs hold no AWS Backup selection (AWS::Backup::BackupSelection in an AWS Config export, aws_backup_selection in a Terraform plan or state), so the plans that take it cannot be told" } }
    waivers:
      - { policy: resilience.backup.retention_per_tier, resources: [checkout-cache], reason: Cache rebuilt from checkout-db, owner: checkout@acme.example, expires: 2027-06-30 }
    expect: { gcs-archive: not_applicable, checkout-cache: waived, ledger: pass, payments-db: pass, checkout-db: fail, checkout-volume: fail, aws_db_instance.checkout_next: unknown, reporting-db: not_applicable,
              payments-api: not_applicable, checkout-web: not_applicable, reporting: not_applicable, checkout-archive: unknown, checkout-orders: pass }

  # Public sample: the same RDS instance (see "public sample: AWS Config RDK RDS instance, exports
  # without backup selections" above): 7 days of automated backups, short of tier 0's 35 days, and
  # backup plans the exports cannot show (they hold no selection): not known. As a tier-3 store,
  # its own 7 days meet the tier's 7 whatever the plans keep.
  - name: "public sample: AWS Config RDK RDS instance, 7 days of automated backups"
    policy: resilience.backup.retention_per_tier
    documents:
      - { id: rdk-sample-db, type: application, name: rdk-sample-db, status: active, tier: tier0 }
      - { id: "arn:aws:rds:us-east-1:264683526309:db:myrdstest", type: database.instance, provider: aws, account: "264683526309", name: myrdstest,
          tags: { workload-type: production, environment: prod, application: rdk-sample-db },
          backup: { enabled: true, retention_days: 7, pitr: true, plans: !unknown, plan_retention_days: !unknown,
                    plans_unknown_reason: "the inputs hold no AWS Backup selection (AWS::Backup::BackupSelection in an AWS Config export, aws_backup_selection in a Terraform plan or state), so the plans that take it cannot be told" } }
    expect: { "arn:aws:rds:us-east-1:264683526309:db:myrdstest": unknown, rdk-sample-db: not_applicable }

  - name: "public sample: AWS Config RDK RDS instance, 7 days of automated backups, as a tier-3 store"
    policy: resilience.backup.retention_per_tier
    params: { tiers: [tier0, tier1, tier3] }
    documents:
      - { id: rdk-sample-db, type: application, name: rdk-sample-db, status: active, tier: tier3 }
      - { id: "arn:aws:rds:us-east-1:264683526309:db:myrdstest", type: database.instance, provider: aws, account: "264683526309", name: myrdstest,
          tags: { workload-type: production, environment: prod, application: rdk-sample-db },
          backup: { enabled: true, retention_days: 7, pitr: true, plans: !unknown, plan_retention_days: !unknown,
                    plans_unknown_reason: "the inputs hold no AWS Backup selection (AWS::Backup::BackupSelection in an AWS Config export, aws_backup_selection in a Terraform plan or state), so the plans that take it cannot be told" } }
    expect: { "arn:aws:rds:us-east-1:264683526309:db:myrdstest": pass, rdk-sample-db: not_applicable }

  # Cases named `public sample: …` are built from public real-world exports, listed with source,
  # licence and transforms in policies/PUBLIC-SAMPLES.md; InventoryTests/PublicSampleCaseTests reads
  # each file through Assay's reader and checks the facets the documents carry. `sample-app` is an
  # entry of our own register: the public items carry no application tag, so the test adds
  # `environment: prod` and `application: sample-app` at read time where a policy joins the register.
  - name: "public sample: AWS Config RDK example databases and forseti Cloud SQL instances, automated backups"
    policy: resilience.backup.enabled
    documents:
      - { id: "arn:aws:rds:us-east-1:264683526309:db:myrdstest", name: myrdstest, type: database.instance, backup: { enabled: true, retention_days: 7 } }
      - { id: "arn:aws:rds:us-east-2:123456789012:cluster:test", type: database.cluster, backup: { enabled: true, retention_days: 1 } }
      - { id: "arn:aws:redshift:us-west-2:382822795712:cluster:cluster-with-kms", type: database.warehouse, backup: { enabled: true, retention_days: 1 } }
      - { id: "//cloudsql.googleapis.com/projects/project1/instances/forseti", type: database.instance, backup: { enabled: true } }
      - { id: "//cloudsql.googleapis.com/projects/project2/instances/forseti", type: database.instance, backup: { enabled: true } }
    expect: { "arn:aws:rds:us-east-1:264683526309:db:myrdstest": pass, "arn:aws:rds:us-east-2:123456789012:cluster:test": pass, "arn:aws:redshift:us-west-2:382822795712:cluster:cluster-with-kms": pass, "//cloudsql.googleapis.com/projects/project1/instances/forseti": pass,
              "//cloudsql.googleapis.com/projects/project2/instances/forseti": pass }

  - name: "public sample: AWS Config RDK example RDS instance with backupRetentionPeriod set to 0"
    policy: resilience.backup.enabled
    documents:
      - { id: "arn:aws:rds:us-east-1:264683526309:db:myrdstest", name: myrdstest, type: database.instance, backup: { enabled: false, retention_days: 0 } }
    expect: { "arn:aws:rds:us-east-1:264683526309:db:myrdstest": fail }

  - name: "public sample: Route 53 API example failover records"
    policy: resilience.dns.failover_health_check
    documents:
      - { id: route53/example.com/A/Ohio region, type: dns.record, dns: { routing: failover, failover_role: PRIMARY, ttl: 60, alias: false, health_check: abcdef11-2222-3333-4444-555555fedcba } }
      - { id: route53/example.com/A/Oregon region, type: dns.record, dns: { routing: failover, failover_role: SECONDARY, ttl: 60, alias: false, health_check: abcdef66-7777-8888-9999-000000fedcba } }
    expect: { route53/example.com/A/Ohio region: pass, route53/example.com/A/Oregon region: not_applicable }

  - name: "public sample: Route 53 API example failover records with the primary's HealthCheckId removed"
    policy: resilience.dns.failover_health_check
    documents:
      - { id: route53/example.com/A/Ohio region, type: dns.record, dns: { routing: failover, failover_role: PRIMARY, ttl: 60, alias: false } }
      - { id: route53/example.com/A/Oregon region, type: dns.record, dns: { routing: failover, failover_role: SECONDARY, ttl: 60, alias: false, health_check: abcdef66-7777-8888-9999-000000fedcba } }
    expect: { route53/example.com/A/Ohio region: fail, route53/example.com/A/Oregon region: not_applicable }

  - name: "public sample: AWS Config RDK example auto-scaling group asg1 in one zone"
    policy: resilience.scaling_group.multi_zone
    documents:
      - { id: "arn:aws:autoscaling:us-east-2:123456789012:autoScalingGroup:test:autoScalingGroupName/asg1", name: asg1, type: compute.scaling_group, region: us-east-2, tags: { environment: prod, application: sample-app }, compute: { zones: [us-east-2a] } }
    expect: { "arn:aws:autoscaling:us-east-2:123456789012:autoScalingGroup:test:autoScalingGroupName/asg1": fail }

  # The tier-1 application of our register runs pilot light (no standby compute): the RDK group is
  # its only scaling group, in us-east-2.
  - name: "public sample: AWS Config RDK example auto-scaling group asg1 as a tier-1 application's only group"
    policy: resilience.scaling_group.second_region
    documents:
      - { id: sample-app, type: application, name: sample-app, status: active, tier: tier1, dr: { strategy: pilot_light } }
      - { id: "arn:aws:autoscaling:us-east-2:123456789012:autoScalingGroup:test:autoScalingGroupName/asg1", name: asg1, type: compute.scaling_group, region: us-east-2, tags: { environment: prod, application: sample-app }, compute: { zones: [us-east-2a] } }
    expect: { "arn:aws:autoscaling:us-east-2:123456789012:autoScalingGroup:test:autoScalingGroupName/asg1": fail, sample-app: not_applicable }

  - name: "public sample: Cloud Custodian's recorded SQS queues, no redrive policy"
    policy: resilience.queue.dead_letter
    documents:
      - { id: "arn:aws:sqs:us-east-1:644160558196:test-kms-alias", type: messaging.queue, tags: { environment: prod } }
      - { id: "arn:aws:sqs:us-east-1:644160558196:test-kms-id", type: messaging.queue, tags: { environment: prod } }
      - { id: "arn:aws:sqs:us-east-1:644160558196:test-kms-no-alias", type: messaging.queue, tags: { environment: prod } }
    expect: { "arn:aws:sqs:us-east-1:644160558196:test-kms-alias": fail, "arn:aws:sqs:us-east-1:644160558196:test-kms-id": fail, "arn:aws:sqs:us-east-1:644160558196:test-kms-no-alias": fail }

  # The load balancer and the RDS instance are in account 264683526309, the cluster in 123456789012;
  # the 2016 instance item predates the DeletionProtection field, so the export does not say.
  - name: "public sample: AWS Config RDK example load balancer, RDS instance and Aurora cluster of a tier-0 application"
    policy: resilience.deletion_protection.critical
    documents:
      - { id: sample-app, type: application, name: sample-app, status: active, tier: tier0 }
      - { id: "arn:aws:elasticloadbalancing:us-east-1:264683526309:loadbalancer/app/MyALB/268aa84731d32825", name: MyALB, type: network.load_balancer, provider: aws, tags: { environment: prod, application: sample-app }, network: { deletion_protection: false } }
      - { id: "arn:aws:rds:us-east-2:123456789012:cluster:test", type: database.cluster, provider: aws, tags: { environment: prod, application: sample-app }, database: { deletion_protection: false } }
      - { id: "arn:aws:rds:us-east-1:264683526309:db:myrdstest", name: myrdstest, type: database.instance, provider: aws, tags: { environment: prod, application: sample-app, workload-type: production } }
    expect: { "arn:aws:elasticloadbalancing:us-east-1:264683526309:loadbalancer/app/MyALB/268aa84731d32825": fail, "arn:aws:rds:us-east-2:123456789012:cluster:test": fail, "arn:aws:rds:us-east-1:264683526309:db:myrdstest": fail, sample-app: not_applicable }

  # The RDK alarm qwd watches the RDK instance of account 681361479661 in us-east-1; the RDK security
  # group is in account 264683526309, same region, where the sample has no alarm.
  - name: "public sample: AWS Config RDK example alarm, instance and security group of two accounts, alarms per region"
    policy: resilience.monitoring.alarms_per_region
    documents:
      - { id: "aws:264683526309:us-east-1", type: account.region, provider: aws, account: "264683526309", region: us-east-1, applications: [sample-app] }
      - { id: "aws:681361479661:us-east-1", type: account.region, provider: aws, account: "681361479661", region: us-east-1, applications: [sample-app] }
      - { id: "arn:aws:cloudwatch:us-east-1:681361479661:alarm:qwd", name: qwd, type: monitoring.alarm, provider: aws, account: "681361479661", region: us-east-1,
          monitoring: { actions_enabled: true } }
    expect: { "aws:264683526309:us-east-1": fail, "aws:681361479661:us-east-1": pass, "arn:aws:cloudwatch:us-east-1:681361479661:alarm:qwd": not_applicable }

"""####),
        ("builtin/resilience/scaling-group-multi-zone.yaml", ####"""
version: 1
id: resilience.scaling_group.multi_zone
title: Production scaling groups span at least two zones
severity: high
enforcement: hard
frameworks:
  soc2: [A1.2]
  iso27001_2022: [A.8.14]
  nist_800_53_r5: [CP-7, SC-36]
  dora: [Art.11]
description: >-
  A scaling group confined to one availability zone goes down with that zone, however many
  instances it runs: the cheapest single point of failure to remove. Every production auto-scaling
  group, VM scale set and managed instance group must spread over at least `min_zones` zones
  (`compute.zones`: AWS `AvailabilityZones` / `availability_zones`; Azure `zones`, none for a
  regional scale set; GCP a zonal group's zone or a regional group's `distributionPolicy.zones`).
  A Terraform auto-scaling group placed only by `vpc_zone_identifier` in a plan names subnets, not
  zones: its zones are not reported, and it fails until a state or live export shows them.
remediation: >-
  Spread the group: subnets in at least two availability zones (`vpc_zone_identifier`), `zones =
  ["1", "2", "3"]` on the scale set, a regional managed instance group
  (`google_compute_region_instance_group_manager`).
applies_to:
  types: [compute.scaling_group]
  where:
    tags.environment: { in: { param: environments } }
require:
  compute.zones: { length: { gte: { param: min_zones } } }
message: "scaling group {{ name | default: '(unnamed)' }} runs in zones: {{ compute.zones | join: ', ' | default: 'none reported' }}: fewer than {{ params.min_zones }} zones, so one zone's outage stops it"
params:
  environments: [prod]
  min_zones: 2
param_docs:
  environments: Environment tag values whose scaling groups are assessed.
  min_zones: Minimum number of zones a scaling group must span.

"""####),
        ("builtin/resilience/scaling-group-second-region.yaml", ####"""
version: 1
id: resilience.scaling_group.second_region
title: Tier-0/1 applications run their scaling groups in a second region, or keep a standby
severity: high
enforcement: hard
frameworks:
  soc2: [A1.2]
  iso27001_2022: [A.8.14]
  nist_800_53_r5: [CP-7]
  dora: [Art.11]
description: >-
  Zones protect against a data-centre failure, not against a regional one. For the applications
  whose downtime costs the most (tier 0 and 1 in the register, active), each production scaling
  group must have a counterpart — a scaling group of the same application (`application` tag) in
  another region — unless the register declares a standby strategy that brings compute up
  elsewhere (`dr.strategy` in `standby_strategies`). Scaling groups are joined to the register
  through their `application` tag; the counterpart may be in any export (live or Terraform).
remediation: >-
  Run a scaling group of the application in its DR region (`dr_region` of the register; min size 0
  is enough for a pilot light with pre-baked images), or record the standby strategy in the
  application register.
applies_to:
  types: [compute.scaling_group]
  where:
    tags.environment: { in: { param: environments } }
    related:
      type: application
      match:
        name: { ref: tags.application }
      require:
        status: active
        tier: { in: { param: tiers } }
require:
  any:
    - related:
        type: compute.scaling_group
        match:
          tags.application: { ref: tags.application }
        require:
          region: { not_equals: { ref: $.region } }
    - related:
        type: application
        match:
          name: { ref: tags.application }
        require:
          dr.strategy: { in: { param: standby_strategies } }
message: "{{ tags.application }} ({{ region }}) has no scaling group in another region and its register entry declares no standby strategy: a regional outage stops it until compute is rebuilt"
params:
  environments: [prod]
  tiers: [tier0, tier1]
  standby_strategies: [warm_standby, active_active]
param_docs:
  environments: Environment tag values whose scaling groups are assessed.
  tiers: Application tiers that need a second region or a standby.
  standby_strategies: Register DR strategies that keep compute ready in another region.

"""####),
        ("builtin/resilience/slo-model-availability.yaml", ####"""
version: 1
id: resilience.slo.model_availability
title: The downtime model's availability of the current DR strategy meets the application's SLO
severity: high
enforcement: soft
frameworks:
  soc2: [A1.2]
  iso27001_2022: [A.5.30]
  nist_800_53_r5: [CP-2]
  dora: [Art.11]
description: >-
  An availability SLO is a promise the recovery design has to be able to keep. The downtime
  model turns the application's incident scenarios and its current DR strategy (failover success
  probability and recovery time after the last test) into an implied availability, 1 − expected
  downtime per year / 8,760 h (DOWNTIME-MODEL §B.6); through its hard dependencies it composes
  serially (the product over the application and every application it hard-depends on). That
  composite figure must reach the register's `slo_availability` (a percentage). A tier-0 SLO of
  99.99 % with a strategy the model puts at 99.93 % fails, with both figures. Applies to active
  applications that state an SLO. Unknown, with the reason, when a figure rests on the
  placeholder incident scenarios (the register declares none) or the model did not run: a
  placeholder is no evidence either way.
remediation: >-
  Close the gap the message shows: a faster or more reliable DR strategy (the downtime report
  compares the options and their cost), more frequent DR tests (fresher tests raise the failover
  success probability), fewer or shorter incidents, more available hard dependencies — or agree a
  lower SLO with the business owner.
applies_to:
  types: [application]
  where:
    status: active
    slo_availability: { exists: true }
require:
  availability.composite: { gte: { ref: availability.slo } }
message: "{{ name }}: SLO {{ availability.slo_text }}, but the downtime model implies {{ availability.composite_text }} for its current strategy with its hard dependencies ({{ availability.implied_text | default: 'unknown' }} on its own)"
unknown_message: "the availability of {{ name }} against its SLO of {{ availability.slo_text }} is not known: {{ availability.composite_unknown_reason | default: 'no implied availability' }}"

"""####),
        ("builtin/tagging/data-classification-allowed-values.yaml", ####"""
version: 1
id: tagging.data_classification.allowed_values
title: The data-classification tag uses the classification scheme
severity: medium
enforcement: soft
frameworks:
  soc2: [C1.1]
  iso27001_2022: [A.5.12, A.5.13]
  nist_800_53_r5: [RA-2]
description: >-
  Customer-key, residency and key-replication policies select data by its classification. A label
  outside the scheme (`secret`, `PII`, `Confidential`) is not recognised by any of them, so the data
  it marks gets the protection of unclassified data.
remediation: Relabel the resource with a class of the scheme (ask the data owner which one applies).
applies_to:
  where:
    provider: { exists: true }
    tags.data-classification: { exists: true }
require:
  tags.data-classification: { in: { param: classifications } }
message: "{{ name | default: '(unnamed)' }} is labelled '{{ tags.data-classification }}'; the scheme has {{ params.classifications | join: ', ' }}"
params:
  classifications: [public, internal, confidential, restricted]
param_docs:
  classifications: The classification scheme, least to most sensitive.

"""####),
        ("builtin/tagging/dr-application.yaml", ####"""
version: 1
id: tagging.dr.application
title: DR resources name the active application they protect
severity: medium
enforcement: soft
frameworks:
  iso27001_2022: [A.5.9]
  nist_800_53_r5: [CM-8]
  dora: [Art.8]
description: >-
  A DR copy that cannot be traced to an application in the register is never tested with it,
  never priced against it and never deleted when the application is retired: it keeps data
  (and costs) without an owner.
remediation: >-
  Tag the resource with the `application` it protects (the register's `name`), add the
  application to the register, or delete the copy if its application is retired.
applies_to:
  where:
    provider: { exists: true }
    tags.environment: { param: dr_environment }
require:
  related:
    type: application
    match:
      name: { ref: tags.application }
    require:
      status: active
message: "DR resource {{ name | default: '(unnamed)' }} names application '{{ tags.application | default: 'none' }}', which is not an active application in the register"
params:
  dr_environment: dr
param_docs:
  dr_environment: Value of the environment tag that marks DR resources.

"""####),
        ("builtin/tagging/environment-allowed-values.yaml", ####"""
version: 1
id: tagging.environment.allowed_values
title: The environment tag uses the agreed vocabulary
severity: low
enforcement: soft
frameworks:
  iso27001_2022: [A.5.9]
  nist_800_53_r5: [CM-8]
description: >-
  Policies, budgets and DR rules select resources by environment: `prod` gets multi-AZ and backup
  rules, `dr` is matched against the application register and priced against production. A value
  outside the vocabulary (`production`, `Prod`, `test2`) silently drops the resource out of all of
  them.
remediation: Set the environment tag to one of the allowed values, or add the new environment to the parameter.
applies_to:
  where:
    provider: { exists: true }
    tags.environment: { exists: true }
require:
  tags.environment: { in: { param: environments } }
message: "{{ name | default: '(unnamed)' }} has environment '{{ tags.environment }}'; allowed: {{ params.environments | join: ', ' }}"
params:
  environments: [prod, staging, dev, dr]
param_docs:
  environments: Allowed values of the environment tag.

"""####),
        ("builtin/tagging/required-keys.yaml", ####"""
version: 1
id: tagging.required_keys
title: Cloud resources carry the required tags
severity: medium
enforcement: soft
frameworks:
  soc2: [CC6.1]
  iso27001_2022: [A.5.9, A.5.12, A.5.13]
  nist_800_53_r5: [CM-8]
  pci_dss_4: ["12.5.1"]
  dora: [Art.8]
description: >-
  Tags are how the estate answers "whose is this, what is it for, how sensitive is it, who pays":
  the owner gets the finding, the environment decides which controls apply, the data classification
  drives encryption and residency, the application links the resource to the register's tier and
  DR strategy, and the cost center allocates its spend. An untagged resource escapes all of them.
remediation: >-
  Add the missing tags to the resource (AWS tags, Azure tags, GCP labels — lower-case keys), and
  enforce them at creation with a tag policy, an Azure Policy or an organization constraint.
applies_to:
  types:
    - storage.bucket
    - storage.account
    - database.*
    - compute.*
    - container.cluster
    - kms.key
    - network.load_balancer
    - cdn.distribution
    - search.domain
    - backup.plan
    - messaging.*
    - secrets.secret
    - analytics.dataset
    - dns.zone
  where:
    provider: { exists: true }
    # Keys the provider manages (alias/aws/…) cannot be tagged by the customer.
    kms.managed_by: { not_equals: provider, default: customer }
require:
  tags: { contains_all: { param: required_tags }, default: {} }
message: "{{ type }} {{ name | default: '(unnamed)' }} is missing tags: {{ params.required_tags | missing_from: 'tags' | join: ', ' }} (it has: {{ tags | join: ', ' | default: 'no tags' }})"
params:
  required_tags: [owner, environment, cost-center, data-classification, application]
param_docs:
  required_tags: Tag keys every taggable cloud resource must carry (GCP labels count as tags).

"""####),
        ("builtin/tagging/tagging.test.yaml", ####"""
# Test cases of the tagging policies (run with `assay test policies`).
version: 1
as_of: 2026-11-27
tests:
  - name: every taggable cloud resource carries the five required tags
    policy: tagging.required_keys
    documents:
      - { id: tagged, type: storage.bucket, provider: aws, tags: { owner: a@x, environment: prod, cost-center: CC-1, data-classification: internal, application: shop } }
      - { id: no-owner, type: database.instance, provider: aws, tags: { environment: prod, cost-center: CC-1, data-classification: internal, application: shop } }
      - { id: untagged, type: compute.volume, provider: gcp }
      - { id: empty-tags, type: kms.key, provider: aws, kms: { managed_by: customer }, tags: {} }
      - { id: aws-managed-key, type: kms.key, provider: aws, kms: { managed_by: provider } }
      - { id: listener, type: network.listener, provider: aws }
      - { id: register-record, type: application, name: shop }
      - { id: not-cloud, type: storage.bucket, tags: {} }
      - { id: legacy, type: storage.bucket, provider: aws, tags: { owner: a@x, environment: prod, data-classification: internal, application: shop } }
    waivers:
      - { policy: tagging.required_keys, resources: [legacy], reason: Cost center assigned in FIN-88, owner: finops@acme.example, expires: 2026-12-31 }
    expect: { tagged: pass, no-owner: fail, untagged: fail, empty-tags: fail, aws-managed-key: not_applicable, listener: not_applicable,
              register-record: not_applicable, not-cloud: not_applicable, legacy: waived }

  - name: the required keys are a parameter
    policy: tagging.required_keys
    params: { required_tags: [owner, application] }
    documents:
      - { id: two-tags, type: storage.bucket, provider: aws, tags: { owner: a@x, application: shop } }
      - { id: one-tag, type: storage.bucket, provider: aws, tags: { owner: a@x } }
    expect: { two-tags: pass, one-tag: fail }

  - name: environment values come from the vocabulary
    policy: tagging.environment.allowed_values
    documents:
      - { id: prod, type: storage.bucket, provider: aws, tags: { environment: prod } }
      - { id: dr, type: compute.instance, provider: azure, tags: { environment: dr } }
      - { id: production, type: storage.bucket, provider: aws, tags: { environment: production } }
      - { id: capitalised, type: storage.bucket, provider: aws, tags: { environment: Prod } }
      - { id: untagged, type: storage.bucket, provider: aws, tags: {} }
      - { id: register-record, type: application, tags: { environment: nonsense } }
      - { id: sandbox, type: storage.bucket, provider: gcp, tags: { environment: sandbox } }
    waivers:
      - { policy: tagging.environment.allowed_values, resources: [sandbox], reason: Sandbox project closes in December, owner: platform@acme.example, expires: 2026-12-20 }
    expect: { prod: pass, dr: pass, production: fail, capitalised: fail, untagged: not_applicable, register-record: not_applicable, sandbox: waived }

  - name: data-classification values come from the scheme
    policy: tagging.data_classification.allowed_values
    documents:
      - { id: restricted, type: storage.bucket, provider: aws, tags: { data-classification: restricted } }
      - { id: public, type: storage.bucket, provider: gcp, tags: { data-classification: public } }
      - { id: secret, type: storage.bucket, provider: aws, tags: { data-classification: secret } }
      - { id: capitalised, type: storage.bucket, provider: aws, tags: { data-classification: Confidential } }
      - { id: unlabelled, type: storage.bucket, provider: aws, tags: { owner: a@x } }
      - { id: pii, type: storage.bucket, provider: aws, tags: { data-classification: pii } }
    waivers:
      - { policy: tagging.data_classification.*, resources: [pii], reason: Relabelling after the DPIA, owner: dpo@acme.example, expires: 2027-01-15 }
    expect: { restricted: pass, public: pass, secret: fail, capitalised: fail, unlabelled: not_applicable, pii: waived }

  - name: DR resources name an active application of the register
    policy: tagging.dr.application
    documents:
      - { id: payments-api, type: application, name: payments-api, status: active }
      - { id: legacy-reporting, type: application, name: legacy-reporting, status: retired }
      - { id: dr-payments, type: storage.bucket, provider: aws, tags: { environment: dr, application: payments-api } }
      - { id: dr-retired-app, type: storage.bucket, provider: aws, tags: { environment: dr, application: legacy-reporting } }
      - { id: dr-unknown-app, type: kms.key, provider: aws, tags: { environment: dr, application: old-billing } }
      - { id: dr-no-app, type: storage.account, provider: azure, tags: { environment: dr } }
      - { id: prod-bucket, type: storage.bucket, provider: aws, tags: { environment: prod, application: nowhere } }
      - { id: dr-migrating, type: storage.bucket, provider: aws, tags: { environment: dr, application: checkout-v2 } }
    waivers:
      - { policy: tagging.dr.application, resources: [dr-migrating], reason: checkout-v2 enters the register at launch, owner: checkout@acme.example, expires: 2027-02-01 }
    expect: { dr-payments: pass, dr-retired-app: fail, dr-unknown-app: fail, dr-no-app: fail, prod-bucket: not_applicable,
              dr-migrating: waived, payments-api: not_applicable }

"""####),
    ]
}
