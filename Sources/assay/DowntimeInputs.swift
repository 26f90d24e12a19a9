import Foundation
import PolicyEngine

// MARK: - Downtime input seam

/// Reads the application register and the DR test log for `assay downtime`.
///
/// A deliberately small reader (JSON arrays or `{"applications": [...], "dr_tests": [...]}`, and
/// CSV with a header row) so the command works on its own; the shared record readers replace this
/// body when the pipeline is wired together. Records with `type`, or with `application` and
/// `result` fields (a DR test), are classified; everything else is an application.
func loadDowntimeInputs(paths: [String]) throws -> (applications: [Resource], tests: [Resource]) {
    var applications: [Resource] = []
    var tests: [Resource] = []
    for path in paths {
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure.input("\(path): cannot read the file") }
        let bytes = [UInt8](data)
        let records = path.lowercased().hasSuffix(".csv") ? try csvRecords(bytes, path: path) : try jsonRecords(bytes, path: path)
        for (fields, source) in records {
            let resource = downtimeResource(fields, source: source, index: applications.count + tests.count)
            if resource.type == "dr.test" { tests.append(resource) } else { applications.append(resource) }
        }
    }
    return (applications, tests)
}

/// A record as a resource: DR tests get a synthetic id, applications their `name`. A DR test's own
/// `type` column (full_failover, partial, tabletop) moves to `test_type`, because a resource's
/// `type` field is its record type.
private func downtimeResource(_ record: Fields, source: SourceReference, index: Int) -> Resource {
    var fields = record
    // Absent and null members both count as missing.
    func has(_ key: String) -> Bool { fields[key].map { !$0.isNull } ?? false }
    let declared = fields["type"]?.stringValue
    let isTest = declared == "dr.test" || (declared != "application" && has("application") && has("result"))
    if isTest {
        if let declared, declared != "dr.test", !has("test_type") { fields["test_type"] = .string(declared) }
        let id = (fields["application"]?.keyText ?? "") + "@" + (fields["date"]?.keyText ?? "") + "#" + String(index)
        return Resource(id: id, type: "dr.test", document: .object(fields), source: source)
    }
    let id = fields["name"]?.keyText ?? fields["id"]?.keyText ?? "application-\(index)"
    return Resource(id: id, type: fields["type"]?.stringValue ?? "application", document: .object(fields), source: source)
}

private func jsonRecords(_ bytes: [UInt8], path: String) throws -> [(Fields, SourceReference)] {
    let document: Value
    do { document = try JSONParser.parse(bytes) } catch { throw CommandFailure.input("\(path):\(error.description)") }
    var lists: [(pointer: String, items: [Value])] = []
    if let items = document.arrayValue {
        lists.append(("", items))
    } else if let object = document.objectValue {
        for key in ["applications", "dr_tests", "tests"] {
            if let items = object[key]?.arrayValue { lists.append(("/" + key, items)) }
        }
    }
    guard !lists.isEmpty else { throw CommandFailure.input("\(path): expected a JSON array or an object with \"applications\" or \"dr_tests\"") }
    var records: [(Fields, SourceReference)] = []
    for list in lists {
        for (index, item) in list.items.enumerated() {
            guard let fields = item.objectValue else { throw CommandFailure.input("\(path)#\(list.pointer)/\(index): expected an object") }
            records.append((fields, SourceReference(file: path, pointer: "\(list.pointer)/\(index)")))
        }
    }
    return records
}

/// CSV with a header row; dotted headers (`dr.strategy`) become nested objects; cells stay strings.
private func csvRecords(_ bytes: [UInt8], path: String) throws -> [(Fields, SourceReference)] {
    let rows = parseCSV(String(decoding: bytes, as: UTF8.self))
    guard let header = rows.first?.cells else { return [] }
    var records: [(Fields, SourceReference)] = []
    for row in rows.dropFirst() where !(row.cells.count == 1 && row.cells[0].isEmpty) {
        guard row.cells.count == header.count else {
            throw CommandFailure.input("\(path):\(row.line): expected \(header.count) cells, got \(row.cells.count)")
        }
        var fields = Fields()
        for (name, cell) in zip(header, row.cells) where !cell.isEmpty {
            setNested(&fields, path: name.split(separator: ".").map(String.init), value: .string(cell))
        }
        records.append((fields, SourceReference(file: path, line: row.line)))
    }
    return records
}

private func setNested(_ fields: inout Fields, path: [String], value: Value) {
    guard let head = path.first else { return }
    if path.count == 1 {
        fields[head] = value
        return
    }
    var inner = fields[head]?.objectValue ?? Fields()
    setNested(&inner, path: Array(path.dropFirst()), value: value)
    fields[head] = .object(inner)
}

/// RFC 4180 rows with their 1-based starting line.
private func parseCSV(_ text: String) -> [(line: Int, cells: [String])] {
    var rows: [(line: Int, cells: [String])] = []
    var cells: [String] = []
    var cell = ""
    var quoted = false
    var line = 1
    var rowLine = 1
    var characters = Array(text.replacingOccurrences(of: "\r\n", with: "\n"))
    if characters.first == "\u{FEFF}" { characters.removeFirst() }
    var index = 0
    while index < characters.count {
        let character = characters[index]
        if quoted {
            if character == "\"" {
                if index + 1 < characters.count && characters[index + 1] == "\"" {
                    cell.append("\"")
                    index += 1
                } else {
                    quoted = false
                }
            } else {
                if character == "\n" { line += 1 }
                cell.append(character)
            }
        } else if character == "\"" {
            quoted = true
        } else if character == "," {
            cells.append(cell)
            cell = ""
        } else if character == "\n" {
            cells.append(cell)
            rows.append((rowLine, cells))
            cells = []
            cell = ""
            line += 1
            rowLine = line
        } else {
            cell.append(character)
        }
        index += 1
    }
    if !cell.isEmpty || !cells.isEmpty {
        cells.append(cell)
        rows.append((rowLine, cells))
    }
    return rows
}
