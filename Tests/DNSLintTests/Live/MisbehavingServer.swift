import Foundation
import LDNS
#if canImport(Glibc)
import Glibc
#endif

/// A UDP name server on 127.0.0.1 that makes the mistakes real servers don't, chosen by the first
/// label of the question that names one:
/// - `tc`: TC set and no answer; nothing listens on TCP, so the retry is refused.
/// - `split`: NXDOMAIN for A, NOERROR (no data) for AAAA.
/// - `garbage`: the right id followed by bytes that do not decode.
/// - `silent`: no reply at all.
/// - `wrongid`: a correct answer under another query id.
/// - `loop`: an answer whose owner name is a compression pointer to itself.
/// - `noedns`: an answer without OPT even to EDNS queries.
/// - `bytype`: A answered with a CNAME to host.bad.test., AAAA with the name's own AAAA (CNAME beside other data).
/// - `ttls`: two A records of one RRset with TTLs 300 and 600.
/// - `big`: 180 A records (a reply of about 2.9 KB, whatever the query's EDNS size), TC clear.
/// - anything else: NOERROR with A 192.0.2.1 (AAAA: no data), OPT when the query had EDNS.
final class MisbehavingServer: @unchecked Sendable {
    let port: UInt16
    private let fd: Int32
    private let stopped = NSLock()
    private var running = true
    private var thread: Thread?

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        var address = Loopback.address(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0 else { throw HarnessError("cannot bind the misbehaving server") }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        var tv = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        self.fd = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in serve() }
        self.thread = thread
        thread.start()
    }

    deinit { stop() }

    func stop() {
        stopped.lock()
        let wasRunning = running
        running = false
        stopped.unlock()
        if wasRunning {
            usleep(200_000)
            close(fd)
        }
    }

    private var isRunning: Bool {
        stopped.lock()
        defer { stopped.unlock() }
        return running
    }

    private func serve() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while isRunning {
            var peer = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let count = withUnsafeMutablePointer(to: &peer) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { recvfrom(fd, &buffer, buffer.count, 0, $0, &length) }
            }
            guard count > 0, let reply = Self.reply(to: Array(buffer[0..<count])) else { continue }
            _ = reply.withUnsafeBytes { bytes in
                withUnsafePointer(to: &peer) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { sendto(fd, bytes.baseAddress, bytes.count, 0, $0, length) }
                }
            }
        }
    }

    static func reply(to query: [UInt8]) -> [UInt8]? {
        guard let message = try? DNSMessage.decode(query), let question = message.question else { return nil }
        let keywords = ["tc", "split", "garbage", "silent", "wrongid", "loop", "noedns", "bytype", "ttls", "dnameonly", "big"]
        let labels = WireName.text(question.name).lowercased().split(separator: ".").map(String.init)
        let label = labels.first(where: keywords.contains) ?? ""
        let questionEnd = 12 + question.name.count + 4
        var header = Array(query[0..<2])
        let echo = Array(query[12..<questionEnd])
        let opt: [UInt8] = message.hasOPT ? [0, 0, 41, 0x04, 0xd0, 0, 0, 0, 0, 0, 0] : []
        func packet(flags: UInt16, rcode: UInt8, answers: [[UInt8]], withOPT: Bool = true) -> [UInt8] {
            let extra = withOPT && !opt.isEmpty
            var out = header
            let word = flags | 0x8000 | (message.recursionDesired ? 0x0100 : 0) | 0x0080 | UInt16(rcode)
            out += [UInt8(word >> 8), UInt8(word & 0xff), 0, 1, 0, UInt8(answers.count), 0, 0, 0, extra ? 1 : 0]
            out += echo
            for answer in answers { out += answer }
            if extra { out += opt }
            return out
        }
        // Owner as a pointer to the question name at offset 12, type, class IN, TTL 300, rdata.
        let aRecord: [UInt8] = [0xc0, 12, 0, 1, 0, 1, 0, 0, 1, 0x2c, 0, 4, 192, 0, 2, 1]
        let answers = question.type == .a ? [aRecord] : []
        switch label {
        case "tc": return packet(flags: 0x0200, rcode: 0, answers: [])
        case "split": return packet(flags: 0x0400, rcode: question.type == .a ? 3 : 0, answers: [])
        case "garbage": return header + [0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0, 0x3f, 0xff]
        case "silent": return nil
        case "wrongid":
            header = [header[0] ^ 0xff, header[1]]
            return packet(flags: 0x0400, rcode: 0, answers: answers)
        case "loop":
            // The answer's owner points at itself: offset of the answer section start.
            let selfPointer = UInt8(questionEnd)
            return packet(flags: 0x0400, rcode: 0, answers: [[0xc0, selfPointer, 0, 1, 0, 1, 0, 0, 1, 0x2c, 0, 4, 192, 0, 2, 1]])
        case "noedns": return packet(flags: 0x0400, rcode: 0, answers: answers, withOPT: false)
        case "bytype":
            let target: [UInt8] = [4] + Array("host".utf8) + [3] + Array("bad".utf8) + [4] + Array("test".utf8) + [0]
            let cname: [UInt8] = [0xc0, 12, 0, 5, 0, 1, 0, 0, 1, 0x2c, 0, UInt8(target.count)] + target
            let aaaa: [UInt8] = [0xc0, 12, 0, 28, 0, 1, 0, 0, 1, 0x2c, 0, 16, 0x20, 0x01, 0x0d, 0xb8] + [UInt8](repeating: 0, count: 11) + [1]
            return packet(flags: 0x0400, rcode: 0, answers: question.type == .a ? [cname] : question.type == .aaaa ? [aaaa] : [])
        case "big":
            let many = (0..<180).map { index -> [UInt8] in [0xc0, 12, 0, 1, 0, 1, 0, 0, 1, 0x2c, 0, 4, 10, 0, UInt8(index / 256), UInt8(index % 256)] }
            return packet(flags: 0x0400, rcode: 0, answers: question.type == .a ? many : [])
        case "ttls":
            let second: [UInt8] = [0xc0, 12, 0, 1, 0, 1, 0, 0, 2, 0x58, 0, 4, 192, 0, 2, 2]
            return packet(flags: 0x0400, rcode: 0, answers: question.type == .a ? [aRecord, second] : [])
        case "dnameonly":
            // A DNAME at `dnameonly.<rest>` to `moved.test.`, without the CNAME a server synthesizes from it.
            guard let index = labels.firstIndex(of: "dnameonly") else { return nil }
            let owner = Array(question.name.dropFirst(labels.prefix(index).reduce(0) { $0 + $1.utf8.count + 1 }))
            let target: [UInt8] = [5] + Array("moved".utf8) + [4] + Array("test".utf8) + [0]
            let dname: [UInt8] = owner + [0, 39, 0, 1, 0, 0, 1, 0x2c, 0, UInt8(target.count)] + target
            return packet(flags: 0x0400, rcode: 0, answers: [dname])
        default: return packet(flags: 0x0400, rcode: 0, answers: answers)
        }
    }
}
