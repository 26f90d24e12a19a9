import PolicyEngine

/// Facts read from AWS IAM-style policy documents and key references, shared by the AWS Config
/// and Terraform readers.
enum AWSPolicyFacts {
    /// The statements of a policy document (a JSON string, an object, or a list of documents as
    /// Config writes inline IAM policies).
    static func statements(_ policy: Value?) -> [Value] {
        guard let policy else { return [] }
        let decoded = EmbeddedJSON.decode(policy)
        if case .array(let documents) = decoded { return documents.flatMap { statements($0) } }
        guard let statement = decoded.ci("Statement") else { return [] }
        return statement.elements
    }

    /// Whether a bucket policy refuses plain HTTP: a `Deny` statement conditioned on
    /// `aws:SecureTransport` being false. Nil when the policy is unknown.
    static func deniesInsecureTransport(_ policy: Value?) -> Value? {
        if policy?.isUnknown == true { return .unknown }
        let denied = statements(policy).contains { statement in
            guard statement.ci("Effect")?.text == "Deny", let condition = statement.ci("Condition") else { return false }
            for operatorName in ["Bool", "BoolIfExists"] {
                if let flag = condition.ci(operatorName, "aws:SecureTransport") {
                    let values = flag.arrayValue ?? [flag]
                    if values.contains(where: { $0.boolFacet == .bool(false) }) { return true }
                }
            }
            return false
        }
        return .bool(denied)
    }

    /// Whether any statement allows every action on every resource.
    static func grantsEverything(_ policy: Value?) -> Bool {
        statements(policy).contains { statement in
            guard statement.ci("Effect")?.text == "Allow" else { return false }
            let actions = statement.ci("Action").map { $0.arrayValue ?? [$0] } ?? []
            let resources = statement.ci("Resource").map { $0.arrayValue ?? [$0] } ?? []
            return actions.contains { $0.text == "*" } && resources.contains { $0.text == "*" }
        }
    }

    /// Whether a managed-policy ARN is AWS's `AdministratorAccess`.
    static func isAdministratorPolicy(_ arn: String?) -> Bool {
        arn?.hasSuffix(":policy/AdministratorAccess") == true
    }

    /// Who manages a KMS key, judged from how a resource references it: an `alias/aws/…` alias
    /// is an AWS-managed key; any other key id or ARN is taken as customer-managed until
    /// `InventoryNormalizer.link` finds the key itself and reads its `keyManager`.
    static func keyManagedBy(_ keyID: Value?) -> Value? {
        guard let keyID else { return nil }
        if keyID.isUnknown { return .unknown }
        guard let text = keyID.text else { return nil }
        return .string(text.includes("alias/aws/") ? "provider" : "customer")
    }
}
