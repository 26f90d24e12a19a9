import Inventory
import PolicyEngine
import Testing

/// The `network.rules` facet: security-group rules from AWS Config and Terraform, in one form
/// (`{direction, action, protocol, ports, sources | destinations}`), unknown where a plan is.
@Suite("Network rules")
struct NetworkRuleTests {
    static func rule(_ direction: String, _ protocolName: String, _ ports: (Double, Double)?, _ peers: [String]) -> Value {
        var fields = Fields()
        fields["direction"] = .string(direction)
        fields["action"] = .string("allow")
        fields["protocol"] = .string(protocolName)
        if let ports { fields["ports"] = .object(Fields([("from", .number(ports.0)), ("to", .number(ports.1))])) }
        fields[direction == "ingress" ? "sources" : "destinations"] = .array(peers.map(Value.string))
        return .object(fields)
    }

    @Test(.enabled(if: Samples.available, "../shared/external-data/resources is absent"))
    func rdkSecurityGroupOpensSSHToTheInternet() throws {
        // awslabs/aws-config-rdk example_ci (Apache-2.0): launch-wizard-7, tcp 22 from 0.0.0.0/0.
        let resources = try read(AWSConfigReader(), Samples.resource("aws-config/rdk-example-ci/AWS_EC2_SecurityGroup.json"))
        let group = try resource("arn:aws:ec2:us-east-1:264683526309:security-group/sg-1d56fc66", in: resources)
        #expect(group.path("type") == .string("network.security_group"))
        #expect(group.path("provider") == .string("aws"))
        // The item has no resourceName: the name is the configuration's groupName.
        #expect(group.path("name") == .string("launch-wizard-7"))
        #expect(group.path("network.rules") == .array([
            Self.rule("ingress", "tcp", (22, 22), ["0.0.0.0/0"]),
            Self.rule("egress", "all", (0, 65_535), ["0.0.0.0/0"]),
        ]))
    }

    @Test(.enabled(if: Samples.available, "../shared/external-data/resources is absent"))
    func rdkLoadBalancerDeletionProtection() throws {
        // awslabs/aws-config-rdk example_ci (Apache-2.0): MyALB, `deletion_protection.enabled` "false".
        let resources = try read(AWSConfigReader(), Samples.resource("aws-config/rdk-example-ci/AWS_ElasticLoadBalancingV2_LoadBalancer.json"))
        let balancer = try #require(resources.first).document
        #expect(balancer.path("type") == .string("network.load_balancer"))
        #expect(balancer.path("network.deletion_protection") == .bool(false))
    }

    @Test func exampleEstateSecurityGroups() throws {
        let resources = try read(AWSConfigReader(), Samples.fixture("aws-config-snapshot.json"))
        let web = try resource("arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0c4e6a8b1d3f5a7c9", in: resources)
        // ipRanges and ipv4Ranges repeat the same blocks: read once; a group reference adds no CIDR.
        #expect(web.path("network.rules") == .array([
            Self.rule("ingress", "tcp", (443, 443), ["0.0.0.0/0", "::/0"]),
            Self.rule("ingress", "tcp", (80, 80), ["0.0.0.0/0", "::/0"]),
            Self.rule("ingress", "tcp", (5432, 5432), ["10.20.0.0/16"]),
            Self.rule("egress", "all", (0, 65_535), ["0.0.0.0/0"]),
        ]))
        let legacy = try resource("arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0f1e2d3c4b5a69788", in: resources)
        let rules = try #require(legacy.path("network.rules")?.arrayValue)
        #expect(rules.count == 4)
        // ICMP has no ports.
        #expect(rules[2].path("protocol") == .string("icmp"))
        #expect(rules[2].path("ports") == nil)
    }

    @Test func terraformStateRulesInlineAndAsResources() throws {
        let state = #"""
            {"format_version": "1.0", "terraform_version": "1.9.8",
             "values": {"root_module": {"resources": [
               {"address": "aws_security_group.bastion", "mode": "managed", "type": "aws_security_group", "name": "bastion",
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "values": {"arn": "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-1", "name": "bastion",
                  "ingress": [{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": [],
                               "security_groups": [], "self": false, "prefix_list_ids": [], "description": ""},
                              {"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": [], "ipv6_cidr_blocks": ["::/0"],
                               "security_groups": [], "self": false, "prefix_list_ids": [], "description": ""}],
                  "egress": []}},
               {"address": "aws_security_group_rule.rdp", "mode": "managed", "type": "aws_security_group_rule", "name": "rdp",
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "values": {"type": "ingress", "from_port": 3389, "to_port": 3389, "protocol": "6", "cidr_blocks": ["203.0.113.0/24"],
                           "security_group_id": "sg-1"}},
               {"address": "aws_vpc_security_group_ingress_rule.db", "mode": "managed", "type": "aws_vpc_security_group_ingress_rule",
                "name": "db", "provider_name": "registry.terraform.io/hashicorp/aws",
                "values": {"arn": "arn:aws:ec2:eu-west-1:111122223333:security-group-rule/sgr-1", "ip_protocol": "tcp",
                           "from_port": 5432, "to_port": 5432, "cidr_ipv4": "10.0.0.0/16", "cidr_ipv6": null, "security_group_id": "sg-1"}},
               {"address": "aws_vpc_security_group_egress_rule.all", "mode": "managed", "type": "aws_vpc_security_group_egress_rule",
                "name": "all", "provider_name": "registry.terraform.io/hashicorp/aws",
                "values": {"ip_protocol": "-1", "from_port": null, "to_port": null, "cidr_ipv4": "0.0.0.0/0", "security_group_id": "sg-1"}}
             ]}}}
            """#
        let resources = try read(TerraformStateReader(), Temporary.write(state, to: "state.json", in: Temporary.folder()))
        let bastion = try resource("arn:aws:ec2:eu-west-1:111122223333:security-group/sg-1", in: resources)
        #expect(bastion.path("network.rules") == .array([
            Self.rule("ingress", "tcp", (22, 22), ["0.0.0.0/0"]),
            Self.rule("ingress", "all", (0, 65_535), ["::/0"]),
        ]))
        let rdp = try resource("aws_security_group_rule.rdp", in: resources)
        #expect(rdp.path("type") == .string("network.security_group_rule"))
        #expect(rdp.path("network.rules") == .array([Self.rule("ingress", "tcp", (3389, 3389), ["203.0.113.0/24"])]))
        let database = try resource("arn:aws:ec2:eu-west-1:111122223333:security-group-rule/sgr-1", in: resources)
        #expect(database.path("network.rules") == .array([Self.rule("ingress", "tcp", (5432, 5432), ["10.0.0.0/16"])]))
        let egress = try resource("aws_vpc_security_group_egress_rule.all", in: resources)
        #expect(egress.path("network.rules") == .array([Self.rule("egress", "all", (0, 65_535), ["0.0.0.0/0"])]))
    }

    @Test func terraformPlanRulesKnownOnlyAfterApply() throws {
        let plan = #"""
            {"format_version": "1.2", "terraform_version": "1.9.8",
             "resource_changes": [
               {"address": "aws_security_group.app", "mode": "managed", "type": "aws_security_group", "name": "app",
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "change": {"actions": ["create"], "before": null,
                  "after": {"name": "app", "ingress": [{"from_port": 22, "to_port": 22, "protocol": "tcp", "ipv6_cidr_blocks": [],
                             "security_groups": [], "self": false, "prefix_list_ids": [], "description": ""}]},
                  "after_unknown": {"ingress": [{"cidr_blocks": true}], "egress": true, "arn": true, "id": true}}},
               {"address": "aws_security_group.computed", "mode": "managed", "type": "aws_security_group", "name": "computed",
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "change": {"actions": ["create"], "before": null, "after": {"name": "computed"},
                  "after_unknown": {"ingress": true, "egress": true, "arn": true, "id": true}}}
             ]}
            """#
        let resources = try read(TerraformPlanReader(), Temporary.write(plan, to: "plan.json", in: Temporary.folder()))
        let app = try resource("aws_security_group.app", in: resources)
        let rules = try #require(app.path("network.rules")?.arrayValue)
        #expect(rules.count == 2)
        #expect(rules.first?.path("ports") == .object(Fields([("from", .number(22)), ("to", .number(22))])))
        #expect(rules.first?.path("sources") == .unknown)
        // Egress is computed at apply: one egress rule of unknown fields, which an ingress check filters out.
        #expect(rules.last?.path("direction") == .string("egress"))
        #expect(rules.last?.path("destinations") == .unknown)
        let computed = try resource("aws_security_group.computed", in: resources)
        let unknownRules = try #require(computed.path("network.rules")?.arrayValue)
        #expect(unknownRules.map { $0.path("direction") } == [.string("ingress"), .string("egress")])
        #expect(unknownRules.first?.path("sources") == .unknown)
        #expect(unknownRules.first?.path("ports") == .unknown)
    }

    @Test(.enabled(if: Samples.available, "../shared/external-data/resources is absent"))
    func forsetiFirewallsFromCloudAssetInventory() throws {
        // forseti-security mock CAI dump (Apache-2.0): default-allow-ssh opens tcp 22 to 0.0.0.0/0.
        let resources = try read(GCPAssetInventoryReader(), Samples.resource("gcp-cai/forseti/mock_cai_resources.dump"))
        let ssh = try resource("//compute.googleapis.com/projects/project1/global/firewalls/default-allow-ssh", in: resources)
        #expect(ssh.path("type") == .string("network.security_group"))
        #expect(ssh.path("network.rules") == .array([Self.rule("ingress", "tcp", (22, 22), ["0.0.0.0/0"])]))
        // Two ports of one protocol entry: two rules.
        let https = try resource("//compute.googleapis.com/projects/project1/global/firewalls/default-allow-https-lb", in: resources)
        #expect(https.path("network.rules") == .array([
            Self.rule("ingress", "tcp", (80, 80), ["130.211.0.0/22", "35.191.0.0/16"]),
            Self.rule("ingress", "tcp", (443, 443), ["130.211.0.0/22", "35.191.0.0/16"]),
        ]))
    }

    @Test func resourceGraphNetworkSecurityGroup() throws {
        let rows = #"""
            {"count": 1, "data": [{"id": "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/web-nsg",
              "name": "web-nsg", "type": "microsoft.network/networksecuritygroups", "location": "westeurope", "subscriptionId": "s1",
              "properties": {"securityRules": [
                {"name": "rdp", "properties": {"protocol": "Tcp", "sourcePortRange": "*", "destinationPortRange": "3389",
                  "sourceAddressPrefix": "Internet", "destinationAddressPrefix": "*", "access": "Allow", "priority": 100, "direction": "Inbound"}},
                {"name": "db", "properties": {"protocol": "*", "sourcePortRange": "*", "destinationPortRanges": ["1433", "5000-5100"],
                  "sourceAddressPrefixes": ["10.1.0.0/16", "VirtualNetwork"], "destinationAddressPrefix": "*", "access": "Allow", "priority": 110,
                  "direction": "Inbound"}},
                {"name": "deny-out", "properties": {"protocol": "Udp", "sourcePortRange": "*", "destinationPortRange": "*",
                  "sourceAddressPrefix": "*", "destinationAddressPrefix": "203.0.113.0/24", "access": "Deny", "priority": 4000, "direction": "Outbound"}}]}}]}
            """#
        let resources = try read(AzureResourceGraphReader(), Temporary.write(rows, to: "arg.json", in: Temporary.folder()))
        let group = try resource("/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/web-nsg", in: resources)
        var denied = Fields()
        denied["direction"] = .string("egress")
        denied["action"] = .string("deny")
        denied["protocol"] = .string("udp")
        denied["ports"] = .object(Fields([("from", .number(0)), ("to", .number(65_535))]))
        denied["destinations"] = .array([.string("203.0.113.0/24")])
        #expect(group.path("network.rules") == .array([
            Self.rule("ingress", "tcp", (3389, 3389), ["0.0.0.0/0", "::/0"]),
            Self.rule("ingress", "all", (1433, 1433), ["10.1.0.0/16"]),
            Self.rule("ingress", "all", (5000, 5100), ["10.1.0.0/16"]),
            .object(denied),
        ]))
    }

    @Test func terraformAzureAndGoogleRules() throws {
        let state = #"""
            {"format_version": "1.0", "terraform_version": "1.9.8",
             "values": {"root_module": {"resources": [
               {"address": "azurerm_network_security_group.app", "mode": "managed", "type": "azurerm_network_security_group", "name": "app",
                "provider_name": "registry.terraform.io/hashicorp/azurerm",
                "values": {"name": "app-nsg", "location": "westeurope", "security_rule": [
                  {"name": "ssh", "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_port_range": "*",
                   "destination_port_range": "22", "destination_port_ranges": [], "source_address_prefix": "*", "source_address_prefixes": [],
                   "destination_address_prefix": "*", "destination_address_prefixes": []}]}},
               {"address": "azurerm_network_security_rule.sql", "mode": "managed", "type": "azurerm_network_security_rule", "name": "sql",
                "provider_name": "registry.terraform.io/hashicorp/azurerm",
                "values": {"name": "sql", "priority": 120, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
                           "destination_port_range": "1433", "source_address_prefix": "10.0.0.0/8"}},
               {"address": "google_compute_firewall.rdp", "mode": "managed", "type": "google_compute_firewall", "name": "rdp",
                "provider_name": "registry.terraform.io/hashicorp/google",
                "values": {"name": "allow-rdp", "project": "p1", "direction": "INGRESS", "disabled": false, "source_ranges": ["0.0.0.0/0"],
                           "allow": [{"protocol": "tcp", "ports": ["3389"]}, {"protocol": "icmp", "ports": []}], "deny": []}},
               {"address": "google_compute_firewall.off", "mode": "managed", "type": "google_compute_firewall", "name": "off",
                "provider_name": "registry.terraform.io/hashicorp/google",
                "values": {"name": "off", "project": "p1", "direction": "INGRESS", "disabled": true, "source_ranges": ["0.0.0.0/0"],
                           "allow": [{"protocol": "all", "ports": []}]}}
             ]}}}
            """#
        let resources = try read(TerraformStateReader(), Temporary.write(state, to: "state.json", in: Temporary.folder()))
        let nsg = try resource("azurerm_network_security_group.app", in: resources)
        #expect(nsg.path("network.rules") == .array([Self.rule("ingress", "tcp", (22, 22), ["0.0.0.0/0", "::/0"])]))
        let sql = try resource("azurerm_network_security_rule.sql", in: resources)
        #expect(sql.path("type") == .string("network.security_group_rule"))
        #expect(sql.path("network.rules") == .array([Self.rule("ingress", "tcp", (1433, 1433), ["10.0.0.0/8"])]))
        let rdp = try resource("google_compute_firewall.rdp", in: resources)
        var icmp = Fields()
        icmp["direction"] = .string("ingress")
        icmp["action"] = .string("allow")
        icmp["protocol"] = .string("icmp")
        icmp["sources"] = .array([.string("0.0.0.0/0")])
        #expect(rdp.path("network.rules") == .array([Self.rule("ingress", "tcp", (3389, 3389), ["0.0.0.0/0"]), .object(icmp)]))
        // A disabled firewall enforces nothing.
        #expect(try resource("google_compute_firewall.off", in: resources).path("network.rules") == .array([]))
    }
}
