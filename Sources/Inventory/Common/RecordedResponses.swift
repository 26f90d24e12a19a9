import PolicyEngine

/// Unwraps API responses saved by recording tools, so that a response kept for a test or an
/// audit reads like the plain CLI output: boto "placebo" files (`{"status_code": 200, "data":
/// {…}}`, used by Cloud Custodian) and VCR cassettes (`{"interactions": [{"response": {"body":
/// {"data": …}}}]}`, used by the Azure SDK tests).
enum RecordedResponses {
    /// One API document with the JSON pointer of where it sits in the file.
    struct Document {
        /// Pointer prefix of the document (`""` for the file itself, `/data` inside placebo).
        var pointer: String
        /// The document.
        var value: Value
    }

    /// The documents in a parsed file: the file itself, or the recorded responses inside it.
    static func documents(in root: Value) -> [Document] {
        if root.at("status_code") != nil, let data = root.at("data"), data.objectValue != nil {
            return [Document(pointer: "/data", value: data)]
        }
        if let interactions = root.at("interactions")?.arrayValue, root.at("version") != nil {
            var documents: [Document] = []
            for (index, interaction) in interactions.enumerated() {
                guard let body = interaction.at("response", "body") else { continue }
                if let data = body.at("data"), data.objectValue != nil || data.arrayValue != nil {
                    documents.append(Document(pointer: "/interactions/\(index)/response/body/data", value: data))
                } else if let text = body.at("string") {
                    let decoded = EmbeddedJSON.decode(text)
                    if decoded.objectValue != nil || decoded.arrayValue != nil {
                        documents.append(Document(pointer: "/interactions/\(index)/response/body/string", value: decoded))
                    }
                }
            }
            return documents
        }
        return [Document(pointer: "", value: root)]
    }

    /// True when a detection sample looks like a recording (placebo or cassette).
    static func isRecording(_ sample: DetectionSample) -> Bool {
        let keys = Set(sample.rootKeys)
        return (keys.contains("status_code") && keys.contains("data")) || (keys.contains("interactions") && keys.contains("version"))
    }
}
