import Foundation
import LDNS
#if canImport(Glibc)
import Glibc
#endif

/// Small blocking-socket helpers for the test servers; everything stays on 127.0.0.1.
enum Loopback {
    static let host = "127.0.0.1"

    static func address(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr(host)
        return address
    }

    /// A port free for both UDP and TCP right now, chosen by the kernel.
    static func freePort() -> UInt16 {
        for _ in 0..<20 {
            let udp = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
            defer { close(udp) }
            var address = Self.address(port: 0)
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(udp, $0, length) } }
            _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(udp, $0, &length) } }
            let port = UInt16(bigEndian: address.sin_port)
            let tcp = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(tcp) }
            var tcpAddress = Self.address(port: port)
            let bound = withUnsafePointer(to: &tcpAddress) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(tcp, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
            if bound == 0 { return port }
        }
        return 0
    }

    /// Sends one query and waits up to `timeout` for any reply; the reply's bytes or nil.
    static func ask(port: UInt16, name: String, type: RRType = .a, recursion: Bool = true, timeout: TimeInterval = 0.5) -> [UInt8]? {
        guard let wire = WireName.wire(fromText: name),
              let query = try? QueryBuilder.query(name: wire, type: type, id: 4242, recursionDesired: recursion, edns: false) else { return nil }
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd) }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int(timeout.truncatingRemainder(dividingBy: 1) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var address = Self.address(port: port)
        let sent = query.withUnsafeBytes { bytes in
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(fd, bytes.baseAddress, bytes.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard sent == query.count else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65535)
        let count = recv(fd, &buffer, buffer.count, 0)
        return count > 0 ? Array(buffer[0..<count]) : nil
    }

    /// Polls until the server answers `name`, up to `seconds`.
    static func waitUntilAnswering(port: UInt16, name: String, recursion: Bool = true, seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let reply = ask(port: port, name: name, recursion: recursion), (try? DNSMessage.decode(reply))?.rcode == 0 { return true }
            usleep(100_000)
        }
        return false
    }
}
