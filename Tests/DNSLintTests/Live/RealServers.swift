import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A real name server process started for a test: NSD (authoritative) or Unbound (recursive),
/// unprivileged, on a kernel-chosen 127.0.0.1 port, stopped when the test ends.
final class ServerProcess: @unchecked Sendable {
    let port: UInt16
    let folder: URL
    private let pid: pid_t
    private let lock = NSLock()
    private var stopped = false

    private init(port: UInt16, folder: URL, pid: pid_t) {
        self.port = port
        self.folder = folder
        self.pid = pid
    }

    deinit { stop() }

    /// SIGTERM to the server's process group (NSD forks workers), SIGKILL after 3 s, then reap.
    func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        kill(-pid, SIGTERM)
        var status: Int32 = 0
        for _ in 0..<30 {
            if waitpid(pid, &status, WNOHANG) == pid { break }
            usleep(100_000)
        }
        kill(-pid, SIGKILL)
        _ = waitpid(pid, &status, WNOHANG)
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
              # Never share the port with another test's Unbound (SO_REUSEPORT would split the queries).
              so-reuseport: no
              access-control: 127.0.0.0/8 allow
              # Unbound serves the special-use name test. itself (RFC 6761) unless told not to.
              local-zone: "test." nodefault
            remote-control:
              control-enable: no
            forward-zone:
              name: "."
              forward-addr: 127.0.0.1@\(upstream)

            """
        try Data(config.utf8).write(to: folder.appendingPathComponent("unbound.conf"))
        let server = try start(binary, ["-d", "-c", folder.appendingPathComponent("unbound.conf").path], port: port, folder: folder)
        // The probe asks a name no test audits: a cached answer would age while a loaded machine starts the
        // test, and tests compare the TTLs Unbound hands out.
        guard Loopback.waitUntilAnswering(port: port, name: "ns1.incident.test") else {
            let log = (try? String(contentsOf: folder.appendingPathComponent("unbound.log"), encoding: .utf8)) ?? ""
            server.stop()
            throw HarnessError("Unbound did not answer on 127.0.0.1:\(port): \(log)")
        }
        return server
    }

    /// posix_spawn with an empty signal mask and default handlers (test threads block SIGTERM, and a
    /// child would inherit that), in its own process group, output discarded.
    private static func start(_ binary: URL, _ arguments: [String], port: UInt16, folder: URL) throws -> ServerProcess {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGTERM)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGHUP)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([binary.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, binary.path, &actions, &attributes, argv, environ)
        guard result == 0 else { throw HarnessError("cannot start \(binary.path): error \(result)") }
        return ServerProcess(port: port, folder: folder, pid: pid)
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
