import Foundation
import Inventory
import PolicyEngine
import Testing

/// The facets behind each `public sample: …` policy test case of the cloud-resource policies
/// (issue 14, topics 1–4; listed in `policies/PUBLIC-SAMPLES.md`): each test reads the public file
/// through Assay's real reader and linker and asserts exactly the values the YAML case's documents
/// carry, so a case cannot drift from its file. Transforms (a field turned off to make a failing
/// variant, tags naming an application of our register) are made here at read time and recorded
/// in PUBLIC-SAMPLES.md beside the case.
@Suite("Public-sample policy cases")
struct PublicSampleCaseTests {
    static let rdk = "aws-config/rdk-example-ci/"
    static let trail = "arn:aws:cloudtrail:ap-southeast-1:123456789012:trail/APJCCloudTrail"
    /// The application tags the register-joined cases add (the RDK items carry none).
    static let sampleAppTags = #""tags": {"environment": "prod", "application": "sample-app"}"#

    static func strings(_ values: [String]) -> Value { .array(values.map(Value.string)) }

    /// Reads a file after replacing text in it (a transform recorded in PUBLIC-SAMPLES.md); each
    /// text must occur in the file, so a changed sample cannot silently skip the transform.
    static func readTransformed(_ reader: any ExportReader, _ path: String, _ replacements: [(String, String)]) throws -> [Resource] {
        var text = String(decoding: try InventoryInput.plain(path).readAll(), as: UTF8.self)
        for (old, new) in replacements {
            try #require(text.contains(old), "'\(old)' is not in \(path)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        let name = path.split(separator: "/").last.map(String.init) ?? "sample.json"
        return try read(reader, Temporary.write(text, to: name, in: Temporary.folder()))
    }

    // MARK: - Audit logging

    @Test(.enabled(if: Samples.available, "../shared/external-data/resources is absent"))
    func rdkTrailAsReadAndTurnedOff() throws {
        let path = Samples.resource(Self.rdk + "AWS_Cloudtrail_Trail.json")
        let trail = try resource(Self.trail, in: InventoryNormalizer.link(try read(AWSConfigReader(), path)))
        #expect(trail.path("type") == .string("logging.trail"))
        #expect(trail.path("name") == .string("APJCCloudTrail"))
        #expect(trail.path("provider") == .string("aws"))
        #expect(trail.path("account") == .string("212591712841"))
        #expect(trail.path("region") == .string("ap-southeast-1"))
        #expect(trail.path("audit.all_regions") == .bool(true))
        #expect(trail.path("audit.log_validation") == .bool(true))
        #expect(trail.path("audit.organization") == .bool(false))
        #expect(trail.path("audit.enabled") == nil)
        #expect(trail.path("audit.destination") == .string("mborch-apjc-cloudtrail-bucket"))
        // The bucket is not among the inputs: immutability and log regions are unknown.
        #expect(trail.path("audit.destination_immutable") == .unknown)
        #expect(trail.path("audit.log_regions") == .unknown)
        // The failing variants: the same item with each flag set to false.
        let off = try Self.readTransformed(AWSConfigReader(), path, [
            (#""isMultiRegionTrail": true"#, #""isMultiRegionTrail": false"#),
            (#""logFileValidationEnabled": true"#, #""logFileValidationEnabled": false"#),
        ])
        let turnedOff = try resource(Self.trail, in: off)
        #expect(turnedOff.path("audit.all_regions") == .bool(false))
        #expect(turnedOff.path("audit.log_validation") == .bool(false))
    }

    @Test(.enabled(if: Samples.available, "../shared/external-data/resources is absent"))
    func rdkTrailCoversItsOwnAccountOnly() throws {
        // Two items of the RDK set from two accounts: the trail's, and a security group's.
        let config = AWSConfigReader()
        let linked = InventoryNormalizer.link(
            try read(config, Samples.resource(Self.rdk + "AWS_Cloudtrail_Trail.json")) + read(config, Samples.resource(Self.rdk + "AWS_EC2_SecurityGroup.json")))
        let scopes = OperationalLinks.accountRegions(linked)
        #expect(scopes.map(\.id) == ["aws:212591712841:ap-southeast-1", "aws:264683526309:us-east-1"])
        for scope in scopes {
            let (account, region) = (scope.document.path("account")?.stringValue ?? "", scope.document.path("region")?.stringValue ?? "")
            #expect(scope.document.path("name") == .string("\(account) \(region)"))
            #expect(scope.document.path("type") == .string("account.region"))
            #expect(scope.document.path("provider") == .string("aws"))
            #expect(scope.document.path("applications") == .array([]))
        }
        #expect(try resource("aws:264683526309:us-east-1", in: scopes).path("account") == .string("264683526309"))
        #expect(try resource("aws:264683526309:us-east-1", in: scopes).path("region") == .string("us-east-1"))
    }

    @Test(.enabled(if: Samples.available, "../shared/external-data/resources is absent"))
    func forsetiProjectsDataAccessLogs() throws {
        let reader = GCPAssetInventoryReader()
        let linked = InventoryNormalizer.link(
            try read(reader, Samples.resource("gcp-cai/forseti/mock_cai_resources.dump")) + read(reader, Samples.resource("gcp-cai/forseti/mock_cai_iam_policies.dump")))
        let projects = linked.filter { $0.type == "account.project" }
        #expect(projects.map(\.id).sorted() == (1041...1044).map { "//cloudresourcemanager.googleapis.com/projects/\($0)" })
        for number in 1041...1044 {
            let project = try resource("//cloudresourcemanager.googleapis.com/projects/\(number)", in: projects)
            #expect(project.path("provider") == .string("gcp"))
            #expect(project.path("account") == .string("\(number)"))
            #expect(project.path("name") == .string("Project \(number - 1040)"))
            // 1041 and 1042 carry an allServices audit config; 1043 and 1044 an IAM policy without one.
            let expected = number <= 1042 ? Self.strings(["ADMIN_READ", "DATA_READ", "DATA_WRITE"]) : .array([])
            #expect(project.path("audit.data_access_logs") == expected, "project \(number)")
        }
    }

    // MARK: - Network

    static func rule(_ protocolName: String, _ ports: (Double, Double)?, _ sources: [String]) -> Value {
        var fields = Fields()
        fields["direction"] = .string("ingress")
        fields["action"] = .string("allow")
        fields["protocol"] = .string(protocolName)
        if let ports { fields["ports"] = .object(Fields([("from", .number(ports.0)), ("to", .number(ports.1))])) }
        fields["sources"] = Self.strings(sources)
        return .object(fields)
    }

    @Test(.enabled(if: Samples.available, "../shared/external-data/resources is absent"))
    func forsetiFirewallRules() throws {
        let firewalls = try read(GCPAssetInventoryReader(), Samples.resource("gcp-cai/forseti/mock_cai_resources.dump")).filter { $0.type == "network.security_group" }
        let prefix = "//compute.googleapis.com/projects/"
        let expected: [(String, [Value])] = [
            ("project1/global/firewalls/default-allow-https-lb",
             [Self.rule("tcp", (80, 80), ["130.211.0.0/22", "35.191.0.0/16"]), Self.rule("tcp", (443, 443), ["130.211.0.0/22", "35.191.0.0/16"])]),
            ("project1/global/firewalls/default-allow-ssh", [Self.rule("tcp", (22, 22), ["0.0.0.0/0"])]),
            ("project1/global/firewalls/default-allow-internal", [Self.rule("tcp", (22, 22), ["10.0.0.0/8"]), Self.rule("icmp", nil, ["10.0.0.0/8"])]),
            ("project2/global/firewalls/default-allow-icmp", [Self.rule("icmp", nil, ["0.0.0.0/0"])]),
            ("project2/global/firewalls/default-allow-rdp", [Self.rule("tcp", (3389, 3389), ["0.0.0.0/0"])]),
            ("project2/global/firewalls/default-allow-ssh", [Self.rule("tcp", (22, 22), ["0.0.0.0/0"])]),
            ("project2/global/firewalls/default-allow-internal",
             [Self.rule("udp", (1, 65_535), ["10.0.0.0/8"]), Self.rule("tcp", (1, 65_535), ["10.0.0.0/8"]), Self.rule("icmp", nil, ["10.0.0.0/8"])]),
        ]
        #expect(firewalls.map(\.id) == expected.map { prefix + $0.0 })
        for (id, rules) in expected {
            let firewall = try resource(prefix + id, in: firewalls)
            #expect(firewall.path("network.rules") == .array(rules), "\(id)")
            #expect(firewall.path("name") == .string(String(id.split(separator: "/").last ?? "")))
            #expect(firewall.path("provider") == .string("gcp"))
        }
    }

    // MARK: - Backups and deletion protection

    @Test(.enabled(if: Samples.available, "../shared/external-data/resources is absent"))
    func databasesAutomatedBackups() throws {
        let config = AWSConfigReader()
        let instancePath = Samples.resource(Self.rdk + "AWS_RDS_DBInstance.json")
        let instance = try resource("arn:aws:rds:us-east-1:264683526309:db:myrdstest", in: try read(config, instancePath))
        #expect(instance.path("type") == .string("database.instance"))
        #expect(instance.path("name") == .string("myrdstest"))
        #expect(instance.path("backup.enabled") == .bool(true))
        #expect(instance.path("backup.retention_days") == .number(7))
        let cluster = try resource("arn:aws:rds:us-east-2:123456789012:cluster:test", in: try read(config, Samples.resource(Self.rdk + "AWS_RDS_DBCluster.json")))
        #expect(cluster.path("type") == .string("database.cluster"))
        #expect(cluster.path("backup.enabled") == .bool(true))
        #expect(cluster.path("backup.retention_days") == .number(1))
        let warehouse = try resource("arn:aws:redshift:us-west-2:382822795712:cluster:cluster-with-kms", in: try read(config, Samples.resource(Self.rdk + "AWS_Redshift_Cluster.json")))
        #expect(warehouse.path("type") == .string("database.warehouse"))
        #expect(warehouse.path("backup.enabled") == .bool(true))
        #expect(warehouse.path("backup.retention_days") == .number(1))
        let sql = try read(GCPAssetInventoryReader(), Samples.resource("gcp-cai/forseti/mock_cai_resources.dump")).filter { $0.type == "database.instance" }
        #expect(sql.map(\.id).sorted() == ["//cloudsql.googleapis.com/projects/project1/instances/forseti", "//cloudsql.googleapis.com/projects/project2/instances/forseti"])
        #expect(sql.allSatisfy { $0.document.path("backup.enabled") == .bool(true) })
        // The failing variant: the issue's case, retention 0 days.
        let off = try resource("arn:aws:rds:us-east-1:264683526309:db:myrdstest",
                               in: try Self.readTransformed(config, instancePath, [(#""backupRetentionPeriod": 7"#, #""backupRetentionPeriod": 0"#)]))
        #expect(off.path("backup.enabled") == .bool(false))
        #expect(off.path("backup.retention_days") == .number(0))
    }

    @Test(.enabled(if: Samples.available, "../shared/external-data/resources is absent"))
    func deletionProtectionOfSampleAppResources() throws {
        let config = AWSConfigReader()
        let balancer = try #require(try Self.readTransformed(config, Samples.resource(Self.rdk + "AWS_ElasticLoadBalancingV2_LoadBalancer.json"),
                                                              [(#""tags": {}"#, Self.sampleAppTags)]).first).document
        #expect(balancer.path("id") == .string("arn:aws:elasticloadbalancing:us-east-1:264683526309:loadbalancer/app/MyALB/268aa84731d32825"))
        #expect(balancer.path("type") == .string("network.load_balancer"))
        #expect(balancer.path("name") == .string("MyALB"))
        #expect(balancer.path("network.deletion_protection") == .bool(false))
        #expect(balancer.path("tags") == .object(Fields([("application", .string("sample-app")), ("environment", .string("prod"))])))
        let cluster = try #require(try Self.readTransformed(config, Samples.resource(Self.rdk + "AWS_RDS_DBCluster.json"),
                                                             [(#""tags": {}"#, Self.sampleAppTags)]).first).document
        #expect(cluster.path("database.deletion_protection") == .bool(false))
        #expect(cluster.path("tags") == balancer.path("tags"))
        #expect([balancer, cluster].allSatisfy { $0.path("provider") == .string("aws") })
        // The 2016 instance item predates the DeletionProtection field: not reported.
        let instance = try #require(try Self.readTransformed(config, Samples.resource(Self.rdk + "AWS_RDS_DBInstance.json"),
                                                              [(#""tags": {"#, #""tags": {"environment": "prod", "application": "sample-app", "#)]).first).document
        #expect(instance.path("database.deletion_protection") == nil)
        #expect(instance.path("provider") == .string("aws"))
        #expect(instance.path("tags") == .object(Fields([("application", .string("sample-app")), ("environment", .string("prod")),
                                                          ("workload-type", .string("production"))])))
    }

    /// Azure backup vaults' immutability as `backup.vault_locked`, from PSRule's test vaults
    /// (one Get-AzResource export: no state, `Disabled`, `Locked`) and the Recovery Services
    /// `Vaults_Get` example of Azure's REST API specification (`Disabled`).
    @Test func azureVaultImmutability() throws {
        let folder = Samples.packageRoot + "/Tests/InventoryTests/Fixtures/public-samples/"
        let vaults = InventoryNormalizer.link(try read(AzureResourceGraphReader(), folder + "psrule-backup-vaults.Resources.BV.json"))
        let prefix = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-test/providers/Microsoft.DataProtection/backupVaults/"
        #expect(vaults.map(\.id) == ["A", "B", "C"].map { prefix + "vault-" + $0 })
        let expected: [(String, Value)] = [("A", .unknown), ("B", .bool(false)), ("C", .bool(true))]
        for (name, locked) in expected {
            let vault = try resource(prefix + "vault-" + name, in: vaults)
            #expect(vault.path("type") == .string("backup.vault"))
            #expect(vault.path("native_type") == .string("microsoft.dataprotection/backupvaults"))
            #expect(vault.path("name") == .string("vault-" + name))
            #expect(vault.path("provider") == .string("azure"))
            #expect(vault.path("account") == .string("00000000-0000-0000-0000-000000000000"))
            #expect(vault.path("region") == .string("westeurope"))
            #expect(vault.path("backup.vault_locked") == locked, "vault-\(name)")
            #expect(vault.path("backup.vault_min_retention_days") == nil)
        }
        let recoveryServices = InventoryNormalizer.link(try read(AzureResourceGraphReader(), folder + "azure-recovery-services-vault.GETVault.json"))
        let id = "/subscriptions/77777777-b0c6-47a2-b37c-d8e65a629c18/resourceGroups/Default-RecoveryServices-ResourceGroup/providers/Microsoft.RecoveryServices/vaults/swaggerExample"
        #expect(recoveryServices.map(\.id) == [id])
        let vault = try resource(id, in: recoveryServices)
        #expect(vault.path("type") == .string("backup.vault"))
        #expect(vault.path("name") == .string("swaggerExample"))
        #expect(vault.path("region") == .string("westus"))
        #expect(vault.path("account") == .string("77777777-b0c6-47a2-b37c-d8e65a629c18"))
        #expect(vault.path("backup.vault_locked") == .bool(false))
        #expect(vault.path("tags") == .object(Fields([("TestUpdatedKey", .string("TestUpdatedValue"))])))
    }

    // MARK: - Failover readiness

    @Test func route53FailoverExampleRecords() throws {
        let path = Samples.packageRoot + "/Tests/InventoryTests/Fixtures/public-samples/route53-failover-examples.ListResourceRecordSets.json"
        let records = try read(Route53RecordSetReader(), path)
        #expect(records.map(\.id) == ["route53/example.com/A/Ohio region", "route53/example.com/A/Oregon region"])
        let primary = try resource("route53/example.com/A/Ohio region", in: records)
        #expect(primary.path("dns.routing") == .string("failover"))
        #expect(primary.path("dns.failover_role") == .string("PRIMARY"))
        #expect(primary.path("dns.alias") == .bool(false))
        #expect(primary.path("dns.ttl") == .number(60))
        #expect(primary.path("dns.health_check") == .string("abcdef11-2222-3333-4444-555555fedcba"))
        let secondary = try resource("route53/example.com/A/Oregon region", in: records)
        #expect(secondary.path("dns.failover_role") == .string("SECONDARY"))
        #expect(secondary.path("dns.routing") == .string("failover"))
        #expect(secondary.path("dns.alias") == .bool(false))
        #expect(secondary.path("dns.ttl") == .number(60))
        #expect(secondary.path("dns.health_check") == .string("abcdef66-7777-8888-9999-000000fedcba"))
        // The failing variant: the primary without its health check.
        let stripped = try Self.readTransformed(Route53RecordSetReader(), path, [(#""HealthCheckId": "abcdef11-2222-3333-4444-555555fedcba","#, "")])
        let unchecked = try resource("route53/example.com/A/Ohio region", in: stripped)
        #expect(unchecked.path("dns.failover_role") == .string("PRIMARY"))
        #expect(unchecked.path("dns.health_check") == nil)
    }

    @Test(.enabled(if: Samples.available, "../shared/external-data/resources is absent"))
    func rdkScalingGroupTaggedForSampleApp() throws {
        let groups = try Self.readTransformed(AWSConfigReader(), Samples.resource(Self.rdk + "AWS_AutoScaling_AutoScalingGroup.json"),
                                              [(#""tags": {}"#, Self.sampleAppTags)])
        let group = try resource("arn:aws:autoscaling:us-east-2:123456789012:autoScalingGroup:test:autoScalingGroupName/asg1", in: groups)
        #expect(group.path("type") == .string("compute.scaling_group"))
        #expect(group.path("name") == .string("asg1"))
        #expect(group.path("region") == .string("us-east-2"))
        #expect(group.path("compute.zones") == Self.strings(["us-east-2a"]))
        #expect(group.path("tags.environment") == .string("prod"))
        #expect(group.path("tags.application") == .string("sample-app"))
    }

    @Test(.enabled(if: Samples.available, "../shared/external-data/resources is absent"))
    func custodianQueuesWithoutRedrivePolicy() throws {
        let queues = InventoryNormalizer.link(try Self.readTransformed(
            AWSConfigReader(), Samples.resource("aws-config/select-resource-config/test_kms_key_related.config.SelectResourceConfig_1.json"),
            [(#"\"Tags\":{}"#, #"\"Tags\":{\"environment\":\"prod\"}"#)]))
        #expect(queues.map(\.id) == ["alias", "id", "no-alias"].map { "arn:aws:sqs:us-east-1:644160558196:test-kms-\($0)" })
        for queue in queues {
            #expect(queue.document.path("type") == .string("messaging.queue"))
            #expect(queue.document.path("tags.environment") == .string("prod"))
            #expect(queue.document.path("messaging.dead_letter_target") == nil)
            #expect(queue.document.path("messaging.dead_letter_for") == nil)
        }
    }

    @Test(.enabled(if: Samples.available, "../shared/external-data/resources is absent"))
    func alarmRegionsOfTwoAccounts() throws {
        // The RDK alarm watches the RDK instance (account 681361479661, us-east-1); the RDK
        // security group is in another account of the same region. Both are tagged for sample-app.
        let config = AWSConfigReader()
        let tagged = try Self.readTransformed(config, Samples.resource(Self.rdk + "AWS_EC2_Instance.json"), [(#""tags": {},"#, Self.sampleAppTags + ",")])
            + Self.readTransformed(config, Samples.resource(Self.rdk + "AWS_EC2_SecurityGroup.json"), [(#""tags": {},"#, Self.sampleAppTags + ",")])
        let alarms = try read(config, Samples.resource(Self.rdk + "AWS_CloudWatch_Alarm.json"))
        let linked = InventoryNormalizer.link(tagged + alarms)
        let scopes = OperationalLinks.accountRegions(linked)
        #expect(scopes.map(\.id) == ["aws:264683526309:us-east-1", "aws:681361479661:us-east-1"])
        for scope in scopes {
            #expect(scope.document.path("applications") == Self.strings(["sample-app"]))
            #expect(scope.document.path("provider") == .string("aws"))
            #expect(scope.document.path("region") == .string("us-east-1"))
            #expect(scope.id.hasPrefix("aws:" + (scope.document.path("account")?.stringValue ?? "-") + ":"))
        }
        let alarm = try resource("arn:aws:cloudwatch:us-east-1:681361479661:alarm:qwd", in: linked)
        #expect(alarm.path("type") == .string("monitoring.alarm"))
        #expect(alarm.path("name") == .string("qwd"))
        #expect(alarm.path("provider") == .string("aws"))
        #expect(alarm.path("account") == .string("681361479661"))
        #expect(alarm.path("region") == .string("us-east-1"))
        #expect(alarm.path("monitoring.actions_enabled") == .bool(true))
    }
}
