#!/usr/bin/env python3
"""AWS Config snapshot generator for the inventory reader benchmark.

Emits a `deliver-config-snapshot` file ({"fileVersion", "configSnapshotId",
"configurationItems": [...]}) holding the AWS resources of shared/bench/gen_inventory.py
(same seed, same resource mix as its tfplan format: S3 buckets, EBS volumes, RDS instances,
ELBv2 listeners) as configuration items in the snapshot spelling (ARN, awsAccountId,
configurationItemVersion 1.3, supplementaryConfiguration for S3). Standard library only;
the same arguments give identical bytes.

Usage:
    python3 Benchmarks/InventoryBench/gen_config_snapshot.py --resources 1000000 --out /tmp/bench-data/config-1m.json
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "shared", "bench"))
import gen_inventory  # noqa: E402  (the shared generator: resources, regions, tags)

CONFIG_TYPES = {"aws_s3_bucket": "AWS::S3::Bucket", "aws_ebs_volume": "AWS::EC2::Volume",
                "aws_db_instance": "AWS::RDS::DBInstance", "aws_lb_listener": "AWS::ElasticLoadBalancingV2::Listener"}


def item(index, resource):
    values = gen_inventory.tf_values(resource)
    rtype = CONFIG_TYPES[resource["type"]]
    region, account, name = resource["region"], resource["account"], resource["name"]
    supplementary = {}
    if rtype == "AWS::S3::Bucket":
        arn = "arn:aws:s3:::%s" % name
        configuration = {"name": name, "owner": {"displayName": None, "id": "%064x" % index},
                         "creationDate": "2024-06-01T10:00:00.000Z"}
        supplementary = {
            "BucketVersioningConfiguration": {"status": "Enabled" if values["versioning"][0]["enabled"] else "Off",
                                              "isMfaDeleteEnabled": None},
            "BucketPolicy": {"policyText": None},
            "IsRequesterPaysEnabled": False,
        }
        rules = values["server_side_encryption_configuration"]
        if rules:
            default = rules[0]["rule"][0]["apply_server_side_encryption_by_default"][0]
            supplementary["ServerSideEncryptionConfiguration"] = {"rules": [{
                "applyServerSideEncryptionByDefault": {"sseAlgorithm": default["sse_algorithm"],
                                                       "kmsMasterKeyID": default["kms_master_key_id"]},
                "bucketKeyEnabled": True}]}
        zone = "Regional"
    elif rtype == "AWS::EC2::Volume":
        volume = "vol-%017x" % index
        arn = "arn:aws:ec2:%s:%s:volume/%s" % (region, account, volume)
        configuration = {"volumeId": volume, "size": values["size"], "availabilityZone": values["availability_zone"],
                         "state": "in-use", "volumeType": values["type"], "iops": values["iops"],
                         "encrypted": bool(values["encrypted"]), "kmsKeyId": values["kms_key_id"]}
        zone = values["availability_zone"]
    elif rtype == "AWS::RDS::DBInstance":
        arn = "arn:aws:rds:%s:%s:db:%s" % (region, account, name)
        configuration = {"dBInstanceIdentifier": name, "engine": values["engine"], "engineVersion": values["engine_version"],
                         "dBInstanceClass": values["instance_class"], "allocatedStorage": values["allocated_storage"],
                         "backupRetentionPeriod": values["backup_retention_period"], "multiAZ": values["multi_az"],
                         "storageEncrypted": bool(values["storage_encrypted"]), "kmsKeyId": values["kms_key_id"],
                         "deletionProtection": values["deletion_protection"], "publiclyAccessible": False, "dBInstanceArn": arn}
        zone = "Multiple Availability Zones" if values["multi_az"] else region + "a"
    else:
        arn = values["load_balancer_arn"].replace(":loadbalancer/", ":listener/") + "/%016x" % index
        configuration = {"ListenerArn": arn, "LoadBalancerArn": values["load_balancer_arn"], "Port": values["port"],
                         "Protocol": values["protocol"],
                         "DefaultActions": [{"Type": "forward", "TargetGroupArn": values["default_action"][0]["target_group_arn"]}]}
        if values["ssl_policy"]:
            configuration["SslPolicy"] = values["ssl_policy"]
            configuration["Certificates"] = [{"CertificateArn": values["certificate_arn"]}]
        zone = "Regional"
    return {
        "relatedEvents": [], "relationships": [], "configuration": configuration, "supplementaryConfiguration": supplementary,
        "tags": values["tags"], "configurationItemVersion": "1.3", "configurationItemCaptureTime": "2025-01-01T00:00:00.000Z",
        "configurationStateId": 1735689600000 + index, "awsAccountId": account, "configurationItemStatus": "OK",
        "resourceType": rtype, "resourceId": arn.rsplit("/", 1)[-1].rsplit(":", 1)[-1], "resourceName": name, "ARN": arn,
        "awsRegion": region, "availabilityZone": zone, "configurationStateMd5Hash": "",
        "resourceCreationTime": "2024-06-01T10:00:00.000Z",
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--resources", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", default="-", help="file ('-' = stdout)")
    args = parser.parse_args()
    out = sys.stdout if args.out == "-" else open(args.out, "w", buffering=1 << 20)
    out.write('{"fileVersion":"1.0","configSnapshotId":"00000000-0000-4000-8000-%012d","configurationItems":[\n' % args.seed)
    for index, resource in enumerate(gen_inventory.iter_resources(args.resources, args.seed, aws_only=True)):
        if index:
            out.write(",\n")
        out.write(json.dumps(item(index, resource), separators=(",", ":")))
    out.write("\n]}\n")
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
