public import PolicyEngine

/// The post-read step over all resources of a run: joins that need more than one record, across
/// formats and files — the linker's passes, run in the order of `passes`, each a small type in
/// `Normalized/Linking/` conforming to `LinkPass`. Call it once after every input is read,
/// before evaluating:
///
/// 1. Supplements merge into every resource they describe (same `id`): IAM credential-report
///    rows into the AWS Config and Terraform users; CAI IAM-policy lines into the resource.
/// 2. Terraform S3 setting resources (`aws_s3_bucket_server_side_encryption_configuration`,
///    `…_replication_configuration`, `…_versioning`, `…_policy`) fold into their bucket of the same
///    plan, found by configuration reference or bucket name; their facets replace the bucket's.
/// 3. Azure SQL encryption protectors fold into their server (customer- or service-managed TDE key).
/// 4. Terraform RDS parameter groups set `database.tls_enforced` on the databases that use them
///    (`rds.force_ssl` / `require_secure_transport` = 1).
/// 5. KMS replica keys join their primary: the primary's `kms.replica_regions` gains the
///    replica's region, the replica learns the primary's region and rotation.
/// 6. S3 replication destinations (bucket ARNs, which carry no region) resolve to the
///    destination buckets' regions; a destination that is not among the inputs makes
///    `replication.regions` unknown (never a silent pass).
/// 7. Encrypted resources whose key is among the inputs get `encryption.at_rest.key_regions`
///    (the key's region plus its replicas) and the key's `managed_by`.
/// 8. The joins of `OperationalLinks` (audit-trail destinations, dead-letter queues, backup
///    selections, rule keys).
public enum InventoryNormalizer {
    /// The passes, in order: later passes read what earlier ones linked (key regions need the
    /// replica links of pass 5; bucket settings must be folded before replication resolves).
    static var passes: [any LinkPass.Type] {
        [
            SupplementMerge.self,
            BucketSettingsFold.self,
            EncryptionProtectorFold.self,
            ParameterGroupLink.self,
            ReplicaKeyLink.self,
            ReplicationRegionResolution.self,
            KeyRegionResolution.self,
        ]
    }

    /// The linked resources, in input order, without the records folded into others.
    public static func link(_ resources: consuming [Resource]) -> [Resource] {
        var linker = Linker(consume resources)
        for pass in passes { pass.run(&linker) }
        // Handed over as the last use (the linker lets go of it), so the operations joins update
        // the records in place instead of copying the array.
        let linked = linker.result
        linker = Linker([])
        return OperationalLinks.link(consume linked)
    }
}

/// One join across records of a run, applied to the linker's working state.
protocol LinkPass {
    /// Applies the pass: updates documents and marks records folded into others as removed.
    static func run(_ linker: inout Linker)
}
