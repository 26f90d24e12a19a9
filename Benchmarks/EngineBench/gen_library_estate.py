#!/usr/bin/env python3
"""Deterministic generator of a large estate in Assay's normalized model, for benchmarking the
built-in policy library (policies/) with EngineBench.

../shared/bench/gen_inventory.py writes native type names (aws_s3_bucket) and its own field names,
so most library policies find nothing in scope there. This script writes the documents the
inventory readers and registers produce (docs/inventory.md, docs/registers.md,
docs/downtime-model.md): storage.bucket, database.*, kms.key, network.listener, dns.record,
identity.principal, backup.plan, application, dr.test, access.review, ... with the facets the
policies read, modelled on the example estate in fixtures/ (same regions, tag vocabulary, mix of
compliant and violating resources). Dates are relative to EngineBench's as-of date, 2025-01-01.

Usage:
    python3 Benchmarks/EngineBench/gen_library_estate.py --resources 100000 --seed 7 --out /tmp/bench-data/estate-100k.json
    .build/release/EngineBench /tmp/bench-data/estate-100k.json --policies policies

Output: a JSON array, one document per line. Same arguments => identical bytes.
"""
import argparse
import datetime
import json
import random

AS_OF = datetime.date(2025, 1, 1)
EU_REGIONS = ["eu-west-1", "eu-central-1", "eu-north-1", "eu-west-3"]
OTHER_REGIONS = ["us-east-1", "us-west-2", "eu-west-2"]
AZURE_REGIONS = ["westeurope", "northeurope", "eastus"]
GCS_LOCATIONS = ["EU", "EUR4", "europe-west1", "US"]
CLASSES = ["public", "internal", "confidential", "restricted"]
ENVIRONMENTS = ["prod", "prod", "prod", "staging", "dev", "dr"]
TIERS = ["tier0", "tier1", "tier2", "tier3"]
STRATEGIES = ["backup_restore", "pilot_light", "warm_standby", "active_active"]

# Share of each document kind (per 1000).
KINDS = [
    ("storage.bucket", 180), ("storage.account", 60), ("database.instance", 80), ("database.cluster", 20),
    ("database.table", 40), ("compute.volume", 150), ("kms.key", 80), ("network.listener", 80),
    ("cdn.distribution", 20), ("search.domain", 10), ("backup.plan", 20), ("identity.principal", 100),
    ("dns.record", 80), ("access.review", 40), ("dr.test", 20),
]


def day(offset):
    return (AS_OF - datetime.timedelta(days=offset)).isoformat()


class Estate:
    def __init__(self, seed, applications):
        self.random = random.Random(seed)
        self.applications = [f"app-{index:04d}" for index in range(applications)]

    def pick(self, items):
        return self.random.choice(items)

    def chance(self, probability):
        return self.random.random() < probability

    def tags(self, application, classification=None):
        tags = {"owner": f"{application}@example.com", "environment": self.pick(ENVIRONMENTS), "cost-center": f"CC-{self.random.randint(1000, 9999)}",
                "data-classification": classification or self.pick(CLASSES), "application": application}
        if self.chance(0.05):
            del tags[self.pick(["owner", "cost-center", "data-classification"])]
        return tags

    def key_facets(self, region):
        managed = "customer" if self.chance(0.7) else "provider"
        regions = sorted({region, self.pick(EU_REGIONS)}) if managed == "customer" and self.chance(0.6) else [region]
        return {"enabled": not self.chance(0.03), "key_managed_by": managed, "key_id": f"key-{self.random.randint(0, 9999):04d}", "key_regions": regions}

    def document(self, kind, index):
        application = self.pick(self.applications)
        region = self.pick(EU_REGIONS) if self.chance(0.9) else self.pick(OTHER_REGIONS)
        document = {"id": f"{kind}/{index:07d}", "type": kind, "provider": "aws", "name": f"{kind.split('.')[-1]}-{index:07d}",
                    "region": region, "account": "111122223333"}
        builder = getattr(self, kind.replace(".", "_"))
        builder(document, application, region, index)
        return document

    # MARK: - Cloud resources

    def storage_bucket(self, document, application, region, index):
        if self.chance(0.2):
            document.update(provider="gcp", region=self.pick(GCS_LOCATIONS))
        document["tags"] = self.tags(application)
        document["encryption"] = {"at_rest": self.key_facets(region), "in_transit": {"https_only": self.chance(0.9)}}
        replicated = self.chance(0.4)
        document["replication"] = {"enabled": replicated, "mode": "crr", "regions": [self.pick(EU_REGIONS + OTHER_REGIONS)] if replicated else []}
        document["storage"] = {"versioning": self.chance(0.8)}

    def storage_account(self, document, application, region, index):
        document.update(provider="azure", region=self.pick(AZURE_REGIONS))
        document["tags"] = self.tags(application)
        document["encryption"] = {"at_rest": {"enabled": True, "key_managed_by": self.pick(["customer", "provider"])},
                                  "in_transit": {"https_only": self.chance(0.9), "min_tls": self.pick(["1.0", "1.2", "1.2", "1.2"])}}
        document["replication"] = {"enabled": self.chance(0.5), "mode": "geo-sku", "regions": ["northeurope"]}

    def database(self, document, application, region):
        document["tags"] = self.tags(application)
        document["encryption"] = {"at_rest": self.key_facets(region)}
        document["database"] = {"multi_az": self.chance(0.8), "engine": "postgres", "tls_enforced": self.chance(0.9)}
        document["backup"] = {"enabled": True, "pitr": self.chance(0.9), "retention_days": self.pick([1, 7, 14, 35])}
        replicated = self.chance(0.3)
        document["replication"] = {"enabled": replicated, "mode": "read-replica", "regions": [self.pick(EU_REGIONS)] if replicated else []}

    def database_instance(self, document, application, region, index):
        self.database(document, application, region)

    def database_cluster(self, document, application, region, index):
        self.database(document, application, region)

    def database_table(self, document, application, region, index):
        document["tags"] = self.tags(application)
        document["encryption"] = {"at_rest": self.key_facets(region)}
        document["backup"] = {"pitr": self.chance(0.8)}
        document["replication"] = {"enabled": self.chance(0.3), "mode": "global-table", "regions": [self.pick(EU_REGIONS)]}

    def compute_volume(self, document, application, region, index):
        document["tags"] = self.tags(application)
        document["encryption"] = {"at_rest": self.key_facets(region)}

    def kms_key(self, document, application, region, index):
        document["id"] = f"key-{index % 10000:04d}" if index < 10000 else document["id"]
        document["tags"] = self.tags(application)
        multi = self.chance(0.4)
        document["kms"] = {"managed_by": "customer" if self.chance(0.9) else "provider", "multi_region": multi,
                           "role": "primary" if multi else "single", "rotation_enabled": self.chance(0.85),
                           "replica_regions": [self.pick(EU_REGIONS)] if multi else []}

    def network_listener(self, document, application, region, index):
        https = self.chance(0.7)
        document["encryption"] = {"in_transit": {"protocol": "HTTPS" if https else "HTTP", "port": 443 if https else 80,
                                                 "https_only": https or self.chance(0.5)}}
        if https:
            document["encryption"]["in_transit"]["min_tls"] = self.pick(["1.0", "1.2", "1.2", "1.3"])

    def cdn_distribution(self, document, application, region, index):
        document.update(region="global", tags=self.tags(application))
        document["encryption"] = {"in_transit": {"https_only": self.chance(0.85), "min_tls": self.pick(["1.0", "1.2", "1.2"])}}

    def search_domain(self, document, application, region, index):
        document["tags"] = self.tags(application)
        document["encryption"] = {"at_rest": self.key_facets(region), "in_transit": {"https_only": True, "min_tls": self.pick(["1.0", "1.2"])}}

    def backup_plan(self, document, application, region, index):
        document["tags"] = self.tags(application)
        long_term = self.chance(0.7)
        tiers = [{"name": "daily", "retention_days": 35}]
        if long_term:
            tiers.append({"name": "monthly", "retention_days": 2555, "cold_after_days": self.pick([90, 90, 180])})
        document["backup"] = {"enabled": True, "retention_days": 2555 if long_term else 35, "tiers": tiers,
                              "copy_regions": [self.pick(EU_REGIONS + OTHER_REGIONS)] if self.chance(0.7) else []}

    def identity_principal(self, document, application, region, index):
        document.update(region="global", tags=self.tags(application))
        role = self.chance(0.4)
        identity = {"principal_type": "role" if role else "user", "privileged": self.chance(0.1),
                    "created_at": day(self.random.randint(10, 2000)), "last_used_at": day(self.random.randint(0, 400))}
        if self.chance(0.7):
            identity["last_reviewed_at"] = day(self.random.randint(0, 200))
        if not role:
            identity.update(password_enabled=self.chance(0.5), mfa_active=self.chance(0.8),
                            password_last_used_at=day(self.random.randint(0, 300)),
                            access_keys=[{"active": self.chance(0.7), "last_used_at": day(self.random.randint(0, 300)),
                                          "last_rotated_at": day(self.random.randint(0, 900))}])
        document["identity"] = identity

    def dns_record(self, document, application, region, index):
        document.update(region="global")
        failover = self.chance(0.3)
        alias = self.chance(0.2)
        document["dns"] = {"record_type": "A", "routing": "failover" if failover else "simple", "alias": alias}
        if failover:
            document["dns"]["failover_role"] = self.pick(["PRIMARY", "SECONDARY"])
        if not alias:
            document["dns"]["ttl"] = self.pick([30, 60, 60, 300, 3600])

    # MARK: - Registers

    def access_review(self, document, application, region, index):
        principal = f"arn:aws:iam::111122223333:user/user-{index:07d}"
        document.clear()
        document.update(id=principal, type="access.review", principal=principal, privileged=self.chance(0.2),
                        environments=self.random.sample(["prod", "dr", "staging", "dev"], self.random.randint(1, 2)),
                        last_reviewed_at=day(self.random.randint(0, 300)))

    def dr_test(self, document, application, region, index):
        date = day(self.random.randint(0, 500))
        document.clear()
        document.update(id=f"{application}/{date}/{index}", type="dr.test", application=application, date=date,
                        test_type=self.pick(["full_failover", "partial", "tabletop"]), result="pass" if self.chance(0.85) else "fail")

    def application(self, name, index):
        """The register record of one application; resources name it in their `application` tag."""
        tested = self.chance(0.8)
        last = day(self.random.randint(0, 400))
        dr = {"strategy": self.pick(STRATEGIES), "meets_rto": self.chance(0.8), "meets_rpo": self.chance(0.85)}
        if tested:
            passed = self.chance(0.85)
            dr.update(last_test_date=last, last_test_result="pass" if passed else "fail")
            if passed or self.chance(0.5):
                dr["last_successful_test_date"] = last if passed else day(self.random.randint(400, 800))
        return {"id": name, "type": "application", "name": name, "status": "active" if self.chance(0.95) else "retired",
                "tier": self.pick(TIERS), "primary_region": self.pick(EU_REGIONS), "dr_region": self.pick(EU_REGIONS), "dr": dr}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--resources", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", required=True)
    arguments = parser.parse_args()
    estate = Estate(arguments.seed, applications=max(10, arguments.resources // 500))
    weights = [weight for _, weight in KINDS]
    kinds = [kind for kind, _ in KINDS]
    with open(arguments.out, "w", encoding="utf-8") as out:
        out.write("[\n")
        for index in range(arguments.resources):
            if index < len(estate.applications):
                document = estate.application(estate.applications[index], index)
            else:
                document = estate.document(estate.random.choices(kinds, weights)[0], index)
            out.write(json.dumps(document, separators=(",", ":"), sort_keys=True))
            out.write(",\n" if index + 1 < arguments.resources else "\n")
        out.write("]\n")


if __name__ == "__main__":
    main()
