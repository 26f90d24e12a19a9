public import PolicyEngine

/// The cloud inventory readers, for the command line to register next to the record readers.
/// Each scores files on content (60–100 when it recognises its format, above the generic JSON
/// record reader's 10–20) and reads when forced with `format:`.
public enum InventoryReaders {
    /// One reader per inventory format.
    public static func all() -> [any ExportReader] {
        [
            AWSConfigReader(),
            TerraformPlanReader(),
            TerraformStateReader(),
            GCPAssetInventoryReader(),
            AzureResourceGraphReader(),
            IAMCredentialReportReader(),
            Route53RecordSetReader(),
        ]
    }

    /// The reader of a format, for forced reads; nil for formats that are not inventory exports.
    public static func reader(for format: InputFormat) -> (any ExportReader)? {
        all().first { $0.format == format }
    }
}
