import CLdns
#if canImport(Glibc)
import Glibc
#endif

/// Parses common record types field by field with ldns' own field parsers (`ldns_rdf_new_frm_str`),
/// skipping `ldns_rr_new_frm_str`'s per-call 64 KiB buffers and second tokenisation: the zone reader
/// has already split the record. Plain owner names and A/AAAA data, most of a large zone, are read here the
/// way ldns reads them, without its allocations. Anything unusual returns nil and the caller uses the full
/// ldns parser, so results and error messages stay ldns' own (tests check both paths agree).
struct FieldRecordParser {
    /// Types whose fields are all single tokens that ldns' field parsers read alone.
    static let fastTypes: Set<UInt16> = [1, 2, 5, 6, 12, 15, 16, 28, 33, 39]

    private var scratch: [CChar] = []
    private var starts: [Int] = []
    private var fields: [UnsafeMutablePointer<ldns_rdf>] = []
    private var rdata: [UInt8] = []
    /// A plain owner's wire form (`plainName`): the longest name and a byte to spare.
    private var ownerWire = [UInt8](repeating: 0, count: 256)
    private var mnemonics = MnemonicCache()

    mutating func parse(_ line: UnsafePointer<CChar>, defaultTTL: UInt32, origin: UnsafeMutablePointer<ldns_rdf>?,
                        _ body: (RecordView) -> Void) -> Bool {
        // Without an origin only absolute names are read here (`name` returns nil for others): ldns keeps a
        // relative name relative then, and the full parser says what that means.
        guard split(line) else { return false }
        defer {
            for field in fields { ldns_rdf_deep_free(field) }
            fields.removeAll(keepingCapacity: true)
        }
        // Borrow the token buffer so the closure below may use the other stored properties.
        var tokens = scratch
        scratch = []
        defer { scratch = tokens }
        return tokens.withUnsafeMutableBufferPointer { buffer -> Bool in
            let base = buffer.baseAddress!
            func token(_ index: Int) -> UnsafeMutablePointer<CChar> { base + starts[index] }
            var next = 1
            var ttl = defaultTTL == 0 ? 3600 : defaultTTL
            var rrClass: UInt16 = 1
            guard starts.count >= 3 else { return false }
            if isdigit(Int32(token(1).pointee)) != 0 {
                var end: UnsafePointer<CChar>?
                ttl = ldns_str2period(token(1), &end)
                next = 2
            }
            let classCode = mnemonics.classCode(token(next))
            if classCode != 0 {
                guard let code = UInt16(exactly: classCode) else { return false }
                rrClass = code
                next += 1
            }
            guard next < starts.count else { return false }
            // `TYPE70000` reads as a number past 16 bits: not a type, so the full parser reports it.
            guard let typeCode = UInt16(exactly: mnemonics.typeCode(token(next))),
                  FieldRecordParser.fastTypes.contains(typeCode), let descriptor = ldns_rr_descript(typeCode) else { return false }
            next += 1
            let count = starts.count - next
            guard count >= ldns_rr_descriptor_minimum(descriptor), count <= ldns_rr_descriptor_maximum(descriptor) else { return false }
            // ldns reads any owner starting with `@` as the origin (`@foo` too): the full parser keeps that its own.
            if token(0).pointee == CChar(UInt8(ascii: "@")), token(0)[1] != 0 { return false }
            // The owner: read here when it is a plain name (nearly always), else by ldns.
            var ldnsOwner: UnsafeMutablePointer<ldns_rdf>?
            let ownerLength = ownerWire.withUnsafeMutableBufferPointer { FieldRecordParser.plainName(token(0), origin: origin, into: $0.baseAddress!) }
            if ownerLength == nil {
                guard let owner = name(token(0), origin: origin) else { return false }
                fields.append(owner)
                ldnsOwner = owner
            }
            rdata.removeAll(keepingCapacity: true)
            var target: UnsafeMutablePointer<ldns_rdf>?
            let targetIndex = RRType(typeCode).targetFieldIndex
            for index in 0..<count {
                let fieldType = ldns_rr_descriptor_field_type(descriptor, index)
                let text = token(next + index)
                if fieldType == LDNS_RDF_TYPE_A || fieldType == LDNS_RDF_TYPE_AAAA {
                    // What ldns' own A and AAAA field parsers do (inet_pton), without their allocation.
                    guard FieldRecordParser.appendAddress(unquoted(text), v6: fieldType == LDNS_RDF_TYPE_AAAA, to: &rdata) else { return false }
                    continue
                }
                let field: UnsafeMutablePointer<ldns_rdf>?
                if fieldType == LDNS_RDF_TYPE_DNAME {
                    field = name(text, origin: origin)
                } else {
                    field = ldns_rdf_new_frm_str(fieldType, unquoted(text))
                }
                guard let field, let data = ldns_rdf_data(field) else { return false }
                fields.append(field)
                rdata.append(contentsOf: UnsafeBufferPointer(start: data, count: ldns_rdf_size(field)))
                if index == targetIndex { target = field }
            }
            func emit(_ ownerBytes: UnsafeBufferPointer<UInt8>) {
                rdata.withUnsafeBufferPointer { rdataBytes in
                    body(RecordView(owner: ownerBytes, type: RRType(typeCode), rrClass: rrClass, ttl: ttl, rdata: rdataBytes,
                                    target: target.map { UnsafeBufferPointer(start: ldns_rdf_data($0), count: ldns_rdf_size($0)) }))
                }
            }
            if let ldnsOwner {
                emit(UnsafeBufferPointer(start: ldns_rdf_data(ldnsOwner), count: ldns_rdf_size(ldnsOwner)))
            } else {
                ownerWire.withUnsafeBufferPointer { emit(UnsafeBufferPointer(rebasing: $0.prefix(ownerLength!))) }
            }
            return true
        }
    }

    /// A domain name field: `@` is the origin, relative names are completed with it (as ldns does); nil
    /// for either without an origin.
    private func name(_ text: UnsafeMutablePointer<CChar>, origin: UnsafeMutablePointer<ldns_rdf>?) -> UnsafeMutablePointer<ldns_rdf>? {
        if text.pointee == CChar(UInt8(ascii: "@")), text[1] == 0 { return origin.flatMap { ldns_rdf_clone($0) } }
        let absolute = ldns_dname_str_absolute(text)
        guard absolute || origin != nil, let rdf = ldns_dname_new_frm_str(text) else { return nil }
        if !absolute, let origin, ldns_dname_cat(rdf, origin) != LDNS_STATUS_OK {
            ldns_rdf_deep_free(rdf)
            return nil
        }
        return rdf
    }

    /// Appends the address `text` spells (dotted IPv4, or IPv6 when `v6`) in network order; false when it is
    /// not one, as `ldns_str2rdf_a` and `ldns_str2rdf_aaaa` decide it (both call inet_pton).
    private static func appendAddress(_ text: UnsafePointer<CChar>, v6: Bool, to rdata: inout [UInt8]) -> Bool {
        var address: (UInt64, UInt64) = (0, 0)
        let parsed = withUnsafeMutableBytes(of: &address) { inet_pton(v6 ? AF_INET6 : AF_INET, text, $0.baseAddress) == 1 }
        guard parsed else { return false }
        withUnsafeBytes(of: &address) { rdata.append(contentsOf: $0.prefix(v6 ? 16 : 4)) }
        return true
    }

    /// The wire form of a plain name, the one ldns would build (`name`), written straight into `wire`: labels
    /// of any bytes but `\\` between single dots, completed with the origin unless the name ends in a dot.
    /// Returns its length, or nil for anything else (`@`, escapes, the root, empty or long labels, a name past
    /// 255 octets, a relative name without an origin): `name` reads those. `wire` holds 256 bytes.
    private static func plainName(_ text: UnsafePointer<CChar>, origin: UnsafeMutablePointer<ldns_rdf>?,
                                  into wire: UnsafeMutablePointer<UInt8>) -> Int? {
        // wire[lengthAt] takes the length of the label being read; its bytes follow it.
        var lengthAt = 0
        var index = 0
        while true {
            let byte = UInt8(bitPattern: text[index])
            if byte == 0 || byte == UInt8(ascii: ".") {
                let length = index - lengthAt
                guard length > 0, length <= 63 else { return nil }
                wire[lengthAt] = UInt8(length)
                if byte == 0 || text[index + 1] == 0 { break }
                lengthAt = index + 1
                index += 1
                continue
            }
            guard byte != UInt8(ascii: "\\"), byte != UInt8(ascii: "@") || index > 0, index < 254 else { return nil }
            wire[index + 1] = byte
            index += 1
        }
        // The labels take the name's text length plus one (each dot became a length byte, and one leads).
        if text[index] != 0 {
            guard index + 2 <= 255 else { return nil }
            wire[index + 1] = 0
            return index + 2
        }
        guard let origin, let originData = ldns_rdf_data(origin) else { return nil }
        let originSize = ldns_rdf_size(origin)
        guard index + 1 + originSize <= 255 else { return nil }
        (wire + index + 1).update(from: originData, count: originSize)
        return index + 1 + originSize
    }

    /// A quoted string token without its quotes, as ldns hands character-strings to its field parser.
    private func unquoted(_ text: UnsafeMutablePointer<CChar>) -> UnsafeMutablePointer<CChar> {
        guard text.pointee == CChar(UInt8(ascii: "\"")) else { return text }
        let length = strlen(text)
        if length >= 2, text[length - 1] == CChar(UInt8(ascii: "\"")) { text[length - 1] = 0 }
        return text + 1
    }

    /// Splits at single spaces outside quotes. Backslashes are left to the full parser.
    /// Writes through a pointer into `scratch`, kept at least as long as the longest line so far (a token
    /// ends in a NUL where the line had a space, so the tokens never take more than the line and its NUL):
    /// appending to the array cost a capacity and uniqueness check per token and byte run.
    private mutating func split(_ line: UnsafePointer<CChar>) -> Bool {
        starts.removeAll(keepingCapacity: true)
        let length = strlen(line)
        if scratch.count < length + 1 { scratch = [CChar](repeating: 0, count: max(length + 1, 2 * scratch.count)) }
        return scratch.withUnsafeMutableBufferPointer { buffer -> Bool in
            let out = buffer.baseAddress!
            // Most lines hold no quote or backslash: copied whole, each space then becomes a token's end.
            if strpbrk(line, "\"\\") == nil {
                out.update(from: line, count: length + 1)
                var start = 0
                while start < length {
                    if out[start] == CChar(UInt8(ascii: " ")) {
                        out[start] = 0
                        start += 1
                        continue
                    }
                    starts.append(start)
                    guard let space = memchr(out + start, Int32(UInt8(ascii: " ")), length - start) else { break }
                    let end = out.distance(to: space.assumingMemoryBound(to: CChar.self))
                    out[end] = 0
                    start = end + 1
                }
                return true
            }
            var used = 0
            var index = 0
            var quoted = false
            var tokenOpen = false
            while index < length {
                let char = line[index]
                if char == CChar(UInt8(ascii: "\\")) { return false }
                if char == CChar(UInt8(ascii: "\"")) {
                    if !tokenOpen { starts.append(used); tokenOpen = true }
                    else if quoted { quoted = false; out[used] = char; used += 1; index += 1; continue }
                    quoted = true
                    out[used] = char
                    used += 1
                } else if char == CChar(UInt8(ascii: " ")) && !quoted {
                    if tokenOpen { out[used] = 0; used += 1; tokenOpen = false }
                } else {
                    if !tokenOpen { starts.append(used); tokenOpen = true }
                    // The rest of a plain run is copied whole (inside quotes a space is plain too).
                    var end = index + 1
                    while end < length {
                        let next = line[end]
                        if next == CChar(UInt8(ascii: "\\")) || next == CChar(UInt8(ascii: "\"")) { break }
                        if next == CChar(UInt8(ascii: " ")) && !quoted { break }
                        end += 1
                    }
                    (out + used).update(from: line + index, count: end - index)
                    used += end - index
                    index = end
                    continue
                }
                index += 1
            }
            if quoted { return false }
            out[used] = 0
            return true
        }
    }
}

/// What ldns says of the class and type tokens a zone spells, remembered: `ldns_get_rr_type_by_name` compares
/// the token with every type name it knows (about 450 instructions a record), and a zone spells a handful.
/// Tokens of up to seven bytes are kept, at most 32 of them; others are asked of ldns every time.
struct MnemonicCache {
    private var keys: [UInt64] = []
    private var classes: [UInt32] = []
    private var types: [UInt32] = []

    mutating func classCode(_ token: UnsafePointer<CChar>) -> UInt32 {
        guard let index = slot(token) else { return ldns_get_rr_class_by_name(token).rawValue }
        return classes[index]
    }

    mutating func typeCode(_ token: UnsafePointer<CChar>) -> UInt32 {
        guard let index = slot(token) else { return ldns_get_rr_type_by_name(token).rawValue }
        return types[index]
    }

    /// The token's entry, made on first sight; nil for a token too long to key or once the cache is full.
    private mutating func slot(_ token: UnsafePointer<CChar>) -> Int? {
        guard let key = Self.key(token) else { return nil }
        if let index = keys.firstIndex(of: key) { return index }
        guard keys.count < 32 else { return nil }
        keys.append(key)
        classes.append(ldns_get_rr_class_by_name(token).rawValue)
        types.append(ldns_get_rr_type_by_name(token).rawValue)
        return keys.count - 1
    }

    /// The token's bytes and its length in one word; nil past seven bytes.
    static func key(_ token: UnsafePointer<CChar>) -> UInt64? {
        var key: UInt64 = 0
        for index in 0..<8 {
            let byte = UInt8(bitPattern: token[index])
            if byte == 0 { return key | UInt64(index) << 56 }
            guard index < 7 else { return nil }
            key |= UInt64(byte) << (8 * UInt64(index))
        }
        return nil
    }
}
