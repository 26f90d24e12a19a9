/// A document packed into one allocation of bytes: how a resource holds its document between
/// reading and evaluation.
///
/// A document as a `Value` tree is an allocation per object and array (a 32-byte header and
/// 24 bytes a member) and per string longer than fifteen bytes: about 890 bytes for a
/// resource of the benchmark estate, most of the memory of a run at a million resources. Packed, the same
/// document is about 400 bytes in one array: each value a tag byte, then its payload —
/// a string's UTF-8 after its length, a number's eight bytes, an object's members as interned key
/// numbers (`ObjectKey`) and values, an array's elements; objects and arrays carry their
/// member count and byte length, so that a lookup skips a member without reading it.
///
/// `unpacked()` gives back the document exactly as packed: every member in its stored order
/// (so `Fields` iterates, compares and writes as before), every number and decimal bit for bit.
/// `resolve` reads one value without unpacking the rest. Key numbers are the process's, so a
/// packed document never leaves the process (nothing writes or digests these bytes).
public struct PackedDocument: Sendable {
    /// The encoded document.
    @usableFromInline let bytes: [UInt8]

    /// Packs `value`.
    public init(packing value: Value) {
        let size = PackedLayout.size(of: value)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        bytes.appendWriting(maximumCount: size) { cursor in PackedLayout.write(value, to: &cursor) }
        self.bytes = bytes
    }

    /// A document of bytes already packed (`PackingScratch`).
    init(packedBytes: [UInt8]) { bytes = packedBytes }

    /// True when the document is an object.
    public var isObject: Bool { bytes[0] == PackedLayout.object }

    /// The number of bytes the packed document takes (without its array's header).
    var byteCount: Int { bytes.count }

    /// The document as a value tree, as it was packed.
    public func unpacked() -> Value {
        bytes.withByteView { view in
            var position = 0
            return PackedLayout.decode(view, at: &position)
        }
    }

    /// The value at `keys` from the top, with `FieldPath.resolve`'s rules: nil when a step is
    /// missing or its object is no object, or the value found is `null`; `.unknown` when an
    /// unknown value is met on the way. Only the value found is unpacked.
    public func resolve(_ keys: some Sequence<ObjectKey>) -> Value? {
        bytes.withByteView { view in
            var position = 0
            for key in keys {
                switch view[position] {
                case PackedLayout.object:
                    guard let member = PackedLayout.member(of: view, objectAt: position, key: key.number) else { return nil }
                    position = member
                case PackedLayout.unknown:
                    return .unknown
                default:
                    return nil
                }
            }
            if view[position] == PackedLayout.null { return nil }
            return PackedLayout.decode(view, at: &position)
        }
    }

    /// This document (an object) with its member `key` set to `value` as `Fields` sets it:
    /// replaced where it is, else added last. Nil when the document is no object, or the new
    /// member would make it larger than `Fields.linearLimit` (`Fields` sorts it then).
    public func settingMember(_ key: ObjectKey, to value: Value) -> PackedDocument? {
        bytes.withByteView { view -> PackedDocument? in
            guard view[0] == PackedLayout.object else { return nil }
            var position = 1
            let count = PackedLayout.readVarint(view, at: &position)
            _ = PackedLayout.readVarint(view, at: &position)
            let bodyStart = position
            var found: (valueStart: Int, valueEnd: Int)?
            for _ in 0..<count {
                let number = PackedLayout.readVarint(view, at: &position)
                let valueEnd = PackedLayout.skip(view, at: position)
                if UInt32(truncatingIfNeeded: number) == key.number { found = (position, valueEnd) }
                position = valueEnd
            }
            let bodyEnd = position
            guard found != nil || count < Fields.linearLimit else { return nil }
            let valueSize = PackedLayout.size(of: value)
            let body = bodyEnd - bodyStart + valueSize
                - (found.map { $0.valueEnd - $0.valueStart } ?? -PackedLayout.varintSize(Int(key.number)))
            let newCount = found == nil ? count + 1 : count
            let total = 1 + PackedLayout.varintSize(newCount) + PackedLayout.varintSize(body) + body
            var changed: [UInt8] = []
            changed.reserveCapacity(total)
            changed.appendWriting(maximumCount: total) { cursor in
                cursor.append(PackedLayout.object)
                PackedLayout.writeVarint(newCount, to: &cursor)
                PackedLayout.writeVarint(body, to: &cursor)
                if let found {
                    cursor.append(contentsOf: view.extracting(bodyStart..<found.valueStart))
                    PackedLayout.write(value, to: &cursor)
                    cursor.append(contentsOf: view.extracting(found.valueEnd..<bodyEnd))
                } else {
                    cursor.append(contentsOf: view.extracting(bodyStart..<bodyEnd))
                    PackedLayout.writeVarint(Int(key.number), to: &cursor)
                    PackedLayout.write(value, to: &cursor)
                }
            }
            return PackedDocument(packedBytes: changed)
        }
    }

    /// The member `key` of the document (an object) as stored, `null` included; nil when it has none.
    public func member(_ key: ObjectKey) -> Value? {
        bytes.withByteView { view -> Value? in
            guard view[0] == PackedLayout.object, var position = PackedLayout.member(of: view, objectAt: 0, key: key.number) else { return nil }
            return PackedLayout.decode(view, at: &position)
        }
    }

    /// True when the document is an object with a member `key` (even `null`).
    public func hasMember(_ key: ObjectKey) -> Bool {
        bytes.withByteView { view in
            view[0] == PackedLayout.object && PackedLayout.member(of: view, objectAt: 0, key: key.number) != nil
        }
    }
}

/// The byte layout of a packed document: one tag byte per value, then its payload.
///
/// | tag | value | payload |
/// |---|---|---|
/// | 0 | null | — |
/// | 1, 2 | false, true | — |
/// | 3 | unknown | — |
/// | 4 | number | the `Double`'s bit pattern, 8 bytes |
/// | 5 | decimal | the scaled integer, 16 bytes (high word, then low) |
/// | 6 | string | UTF-8 length (varint), the bytes |
/// | 7 | array | element count (varint), byte length of the elements (varint), the elements |
/// | 8 | object | member count (varint), byte length of the members (varint), each member's key number (varint) and value |
///
/// Varints are LEB128 (seven bits a byte, low bits first); 8-byte words are big-endian.
enum PackedLayout {
    static let null: UInt8 = 0
    static let falseValue: UInt8 = 1
    static let trueValue: UInt8 = 2
    static let unknown: UInt8 = 3
    static let number: UInt8 = 4
    static let decimal: UInt8 = 5
    static let string: UInt8 = 6
    static let array: UInt8 = 7
    static let object: UInt8 = 8

    // MARK: - Writing

    /// The number of bytes `value` packs into.
    static func size(of value: Value) -> Int {
        switch value {
        case .null, .bool, .unknown: return 1
        case .number: return 9
        case .decimal: return 17
        case .string(let text):
            let length = text.utf8.count
            return 1 + varintSize(length) + length
        case .array(let items):
            let body = bodySize(of: items)
            return 1 + varintSize(items.count) + varintSize(body) + body
        case .object(let fields):
            let body = bodySize(of: fields)
            return 1 + varintSize(fields.count) + varintSize(body) + body
        }
    }

    // Members and elements are read where they lie (`withElement`): iterating them copied
    // each, a reference count on every string and object of the document, twice.

    private static func bodySize(of items: [Value]) -> Int {
        items.withElementView { view in
            var body = 0
            for index in view.indices { body += view.withElement(at: index) { size(of: $0) } }
            return body
        }
    }

    private static func bodySize(of fields: Fields) -> Int {
        fields.members.withElementView { view in
            var body = 0
            for index in view.indices {
                body += view.withElement(at: index) { varintSize(Int($0.objectKey.number)) + size(of: $0.value) }
            }
            return body
        }
    }

    /// Writes `value` (exactly `size(of: value)` bytes).
    static func write(_ value: Value, to cursor: inout ByteCursor) {
        switch value {
        case .null: cursor.append(null)
        case .bool(let flag): cursor.append(flag ? trueValue : falseValue)
        case .unknown: cursor.append(unknown)
        case .number(let number):
            cursor.append(Self.number)
            cursor.append(bigEndian: number.bitPattern)
        case .decimal(let amount):
            cursor.append(decimal)
            cursor.append(bigEndian: UInt64(bitPattern: amount.high))
            cursor.append(bigEndian: amount.low)
        case .string(let text):
            cursor.append(string)
            text.withByteViewInPlace { bytes in
                writeVarint(bytes.count, to: &cursor)
                cursor.append(contentsOf: bytes)
            }
        case .array(let items):
            cursor.append(array)
            writeVarint(items.count, to: &cursor)
            writeVarint(bodySize(of: items), to: &cursor)
            items.withElementView { view in
                for index in view.indices { view.withElement(at: index) { write($0, to: &cursor) } }
            }
        case .object(let fields):
            cursor.append(object)
            writeVarint(fields.count, to: &cursor)
            writeVarint(bodySize(of: fields), to: &cursor)
            fields.members.withElementView { view in
                for index in view.indices {
                    view.withElement(at: index) { member in
                        writeVarint(Int(member.objectKey.number), to: &cursor)
                        write(member.value, to: &cursor)
                    }
                }
            }
        }
    }

    static func varintSize(_ value: Int) -> Int {
        var remaining = UInt(value) >> 7
        var size = 1
        while remaining != 0 {
            remaining >>= 7
            size += 1
        }
        return size
    }

    static func writeVarint(_ value: Int, to cursor: inout ByteCursor) {
        forEachVarintByte(of: value) { cursor.append($0) }
    }

    /// The bytes of `value` as a varint, in order (the one encoding every writer uses).
    @inline(__always) static func forEachVarintByte(of value: Int, _ body: (UInt8) -> Void) {
        var remaining = UInt(value)
        while remaining >= 0x80 {
            body(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        body(UInt8(truncatingIfNeeded: remaining))
    }

    // MARK: - Reading

    @inline(__always) static func readVarint(_ view: ByteView, at position: inout Int) -> Int {
        var byte = view[position]
        position &+= 1
        if byte < 0x80 { return Int(byte) }
        var value = Int(byte & 0x7F)
        var shift = 7
        repeat {
            byte = view[position]
            position &+= 1
            value |= Int(byte & 0x7F) << shift
            shift += 7
        } while byte >= 0x80
        return value
    }

    @inline(__always) static func readWord(_ view: ByteView, at position: Int) -> UInt64 {
        UInt64(bigEndian: view.loadUnaligned(fromByteOffset: position, as: UInt64.self))
    }

    /// The position just past the value at `position`.
    static func skip(_ view: ByteView, at position: Int) -> Int {
        var next = position + 1
        switch view[position] {
        case number: return next + 8
        case decimal: return next + 16
        case string:
            let length = readVarint(view, at: &next)
            return next + length
        case array, object:
            _ = readVarint(view, at: &next)
            let body = readVarint(view, at: &next)
            return next + body
        default: return next
        }
    }

    /// The position of the value of member `key` of the object at `position`, if it has one.
    static func member(of view: ByteView, objectAt position: Int, key: UInt32) -> Int? {
        var next = position + 1
        let count = readVarint(view, at: &next)
        _ = readVarint(view, at: &next)
        for _ in 0..<count {
            let number = readVarint(view, at: &next)
            if UInt32(truncatingIfNeeded: number) == key { return next }
            next = skip(view, at: next)
        }
        return nil
    }

    /// The value at `position`, unpacked; `position` moves past it.
    static func decode(_ view: ByteView, at position: inout Int) -> Value {
        let tag = view[position]
        position &+= 1
        switch tag {
        case null: return .null
        case falseValue: return .bool(false)
        case trueValue: return .bool(true)
        case number:
            let bits = readWord(view, at: position)
            position &+= 8
            return .number(Double(bitPattern: bits))
        case decimal:
            let high = Int64(bitPattern: readWord(view, at: position))
            let low = readWord(view, at: position + 8)
            position &+= 16
            return .decimal(FixedDecimal(scaled: Int128(high) << 64 | Int128(low)))
        case string:
            let length = readVarint(view, at: &position)
            let text = String(decoding: view.extracting(from: position, count: length), as: UTF8.self)
            position &+= length
            return .string(text)
        case array:
            let count = readVarint(view, at: &position)
            _ = readVarint(view, at: &position)
            var items: [Value] = []
            items.reserveCapacity(count)
            for _ in 0..<count { items.append(decode(view, at: &position)) }
            return .array(items)
        case object:
            let count = readVarint(view, at: &position)
            _ = readVarint(view, at: &position)
            var members: [Fields.Member] = []
            members.reserveCapacity(count)
            for _ in 0..<count {
                let key = ObjectKey(number: UInt32(truncatingIfNeeded: readVarint(view, at: &position)))
                members.append(Fields.Member(key, value: decode(view, at: &position)))
            }
            return .object(Fields(storedMembers: members))
        default:
            return .unknown
        }
    }
}
