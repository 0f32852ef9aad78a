import Foundation
import Testing

/// A real name server process started for a test: NSD (authoritative) or Unbound (recursive),
/// unprivileged, on a kernel-chosen 127.0.0.1 port, stopped when the test ends.
final class ServerProcess: @unchecked Sendable {
    let port: UInt16
    let folder: URL
    private let process: Process

    private init(port: UInt16, folder: URL, process: Process) {
        self.port = port
        self.folder = folder
        self.process = process
    }

    deinit { stop() }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Fails the test (never skips) when a server binary is missing: CI installs it with apt.
    static func binary(_ path: String, package: String) throws -> URL {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw HarnessError("\(path) is missing: install the Debian package `\(package)` (apt-get install \(package)); CI installs it")
        }
        return URL(fileURLWithPath: path)
    }

    /// NSD serving the live fixture zones, with rate limiting off (Debian enables RRL) and AXFR to loopback.
    static func nsd(zones: [String]) throws -> ServerProcess {
        let binary = try binary("/usr/sbin/nsd", package: "nsd")
        let folder = TestPaths.temporaryFolder()
        let port = Loopback.freePort()
        var config = """
            server:
              ip-address: 127.0.0.1@\(port)
              username: ""
              chroot: ""
              database: ""
              zonesdir: "\(folder.path)"
              pidfile: "\(folder.path)/nsd.pid"
              xfrdfile: "\(folder.path)/xfrd.state"
              zonelistfile: "\(folder.path)/zone.list"
              xfrdir: "\(folder.path)"
              logfile: "\(folder.path)/nsd.log"
              rrl-ratelimit: 0
              server-count: 1
              verbosity: 1
            remote-control:
              control-enable: no

            """
        for zone in zones {
            let file = "\(zone).zone"
            try FileManager.default.copyItem(at: TestPaths.fixtures("live").appendingPathComponent(file),
                                              to: folder.appendingPathComponent(file))
            config += "zone:\n  name: \(zone)\n  zonefile: \(file)\n  provide-xfr: 127.0.0.1 NOKEY\n"
        }
        try Data(config.utf8).write(to: folder.appendingPathComponent("nsd.conf"))
        let server = try start(binary, ["-d", "-c", folder.appendingPathComponent("nsd.conf").path], port: port, folder: folder)
        guard Loopback.waitUntilAnswering(port: port, name: "ns1.\(zones[0])", recursion: false) else {
            let log = (try? String(contentsOf: folder.appendingPathComponent("nsd.log"), encoding: .utf8)) ?? ""
            server.stop()
            throw HarnessError("NSD did not answer on 127.0.0.1:\(port): \(log)")
        }
        return server
    }

    /// Unbound as a recursive resolver forwarding everything to `upstream` (no root hints, no DNSSEC).
    static func unbound(forwardingTo upstream: UInt16) throws -> ServerProcess {
        let binary = try binary("/usr/sbin/unbound", package: "unbound")
        let folder = TestPaths.temporaryFolder()
        let port = Loopback.freePort()
        let config = """
            server:
              interface: 127.0.0.1@\(port)
              port: \(port)
              do-daemonize: no
              username: ""
              chroot: ""
              directory: "\(folder.path)"
              pidfile: "\(folder.path)/unbound.pid"
              logfile: "\(folder.path)/unbound.log"
              use-syslog: no
              do-ip6: no
              do-not-query-localhost: no
              module-config: "iterator"
              qname-minimisation: no
              num-threads: 1
              access-control: 127.0.0.0/8 allow
            remote-control:
              control-enable: no
            forward-zone:
              name: "."
              forward-addr: 127.0.0.1@\(upstream)

            """
        try Data(config.utf8).write(to: folder.appendingPathComponent("unbound.conf"))
        let server = try start(binary, ["-d", "-c", folder.appendingPathComponent("unbound.conf").path], port: port, folder: folder)
        guard Loopback.waitUntilAnswering(port: port, name: "ok.incident.test") else {
            let log = (try? String(contentsOf: folder.appendingPathComponent("unbound.log"), encoding: .utf8)) ?? ""
            server.stop()
            throw HarnessError("Unbound did not answer on 127.0.0.1:\(port): \(log)")
        }
        return server
    }

    private static func start(_ binary: URL, _ arguments: [String], port: UInt16, folder: URL) throws -> ServerProcess {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return ServerProcess(port: port, folder: folder, process: process)
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
