import DNSLintModel
import Foundation
import Testing

/// Runs a `ResolverScenario` through the real getaddrinfo of glibc (this system's) and of musl (`musl-gcc
/// -static`, Debian's musl-tools): `Tests/RealResolver/getaddrinfo.c` is built once per test run, then each
/// run starts `Tests/RealResolver/scripted_dns.py` inside `unshare -n -m`, which serves the scenario on
/// 127.0.0.1:53 in the new network namespace, bind-mounts its resolv.conf over /etc/resolv.conf and runs
/// the client there. Nothing leaves the namespace; every run has a wall-clock bound.
enum RealResolver {
    static let folder = TestPaths.packageRoot.appendingPathComponent("Tests/RealResolver")

    /// Why the real libcs cannot run here, or nil when they can.
    static var unavailable: String? { setup.failure }

    static var isAvailable: Bool { setup.failure == nil }

    /// The musl release the musl client is built with, from Debian's package (`1.2.3-1` gives [1, 2, 3]);
    /// nil when dpkg does not know it. Its TCP fallback depends on it (added in 1.2.4).
    static let muslVersion: [Int]? = {
        guard let dpkg = executable("dpkg-query"),
              let run = try? runBounded(["-W", "-f=${Version}", "musl"], seconds: 30, executable: URL(fileURLWithPath: dpkg)),
              run.status == 0 else { return nil }
        let release = run.stdout.split(separator: "-").first ?? ""
        let parts = release.split(separator: ".").compactMap { Int($0) }
        return parts.count == 3 ? parts : nil
    }()

    /// True when the musl client is older than 1.2.4, the release that added the TCP fallback after TC.
    static var muslLacksTCPFallback: Bool { muslVersion?.lexicographicallyPrecedes([1, 2, 4]) ?? false }

    static func run(_ scenario: ResolverScenario, _ libc: Libc) async throws -> ResolverRun {
        await slots.acquire()
        do {
            let run = try await offThePool { try runBlocking(scenario, libc) }
            await slots.release()
            return run
        } catch {
            await slots.release()
            throw error
        }
    }

    /// The scenario through both libcs.
    static func runBoth(_ scenario: ResolverScenario) async throws -> (glibc: ResolverRun, musl: ResolverRun) {
        async let glibc = run(scenario, .glibc)
        async let musl = run(scenario, .musl)
        return try await (glibc, musl)
    }

    private struct Setup: Sendable {
        var clients: [Libc: URL] = [:]
        /// `unshare` and its flags: plain as root, with a user namespace otherwise.
        var unshare: [String] = []
        var python = ""
        var failure: String?
    }

    private static let setup: Setup = prepare()

    private static func prepare() -> Setup {
        var setup = Setup()
        // The system python before any shim on PATH (pyenv's wrapper costs a bash run per start).
        let systemPython = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") ? "/usr/bin/python3" : nil
        guard let unshare = executable("unshare"), let gcc = executable("gcc"), let python = systemPython ?? executable("python3") else {
            setup.failure = "needs unshare, gcc and python3"
            return setup
        }
        guard let muslGCC = executable("musl-gcc") else {
            setup.failure = "needs musl-gcc (Debian: musl-tools; scripts/setup.sh --test installs it)"
            return setup
        }
        setup.python = python
        let build = TestPaths.temporaryFolder()
        let source = folder.appendingPathComponent("getaddrinfo.c").path
        // musl static: its dynamic loader is not on the system path; glibc dynamic: its NSS modules need it.
        let builds: [(Libc, String, [String])] = [(.glibc, gcc, []), (.musl, muslGCC, ["-static"])]
        for (libc, compiler, extra) in builds {
            let output = build.appendingPathComponent("getaddrinfo-\(libc.rawValue)")
            let run = try? runBounded(["-O1", "-Wall", "-Werror"] + extra + ["-o", output.path, source], seconds: 60,
                                      executable: URL(fileURLWithPath: compiler))
            guard let run, run.status == 0, !run.timedOut else {
                setup.failure = "cannot build the \(libc.rawValue) client: \(run?.stderr ?? "compiler did not run")"
                return setup
            }
            setup.clients[libc] = output
        }
        let script = folder.appendingPathComponent("scripted_dns.py").path
        for flags in [["-n", "-m"], ["-r", "-n", "-m"]] {
            let probe = try? runBounded(flags + [python, script, "--probe"], seconds: 30, executable: URL(fileURLWithPath: unshare))
            if let probe, probe.status == 0, probe.stdout.contains("\"ok\"") {
                setup.unshare = [unshare] + flags
                return setup
            }
        }
        setup.failure = "unshare -n -m is not permitted here (neither as root nor with a user namespace)"
        return setup
    }

    private static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private struct DriverOutput: Decodable {
        var status: Int
        var output: String
        var timedOut: Bool
        var seconds: Double
        var queries: [ObservedQuery]
    }

    /// At most two namespaces at a time: each run starts python and a client, and a burst of them on a
    /// two-core machine would stall the live tests that run beside these and measure timeouts. Waiting runs
    /// suspend instead of holding Dispatch threads, which `Process` needs to report that a child exited.
    private static let slots = Slots(2)

    private actor Slots {
        private var free: Int
        private var waiting: [CheckedContinuation<Void, Never>] = []

        init(_ count: Int) { free = count }

        func acquire() async {
            if free > 0 {
                free -= 1
                return
            }
            await withCheckedContinuation { waiting.append($0) }
        }

        func release() {
            if waiting.isEmpty {
                free += 1
            } else {
                waiting.removeFirst().resume()
            }
        }
    }

    private static func runBlocking(_ scenario: ResolverScenario, _ libc: Libc) throws -> ResolverRun {
        let setup = setup
        guard setup.failure == nil, let client = setup.clients[libc] else {
            throw HarnessError("real resolvers unavailable: \(setup.failure ?? "no \(libc.rawValue) client")")
        }
        let scratch = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let input = scratch.appendingPathComponent("scenario.json")
        // What the driver reads: the scenario plus the client to run.
        var object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(scenario)) as? [String: Any] ?? [:]
        object["client"] = client.path
        try JSONSerialization.data(withJSONObject: object).write(to: input)
        let script = folder.appendingPathComponent("scripted_dns.py").path
        let run = try runBounded(Array(setup.unshare.dropFirst()) + [setup.python, script, input.path],
                                 seconds: scenario.deadline + 30, executable: URL(fileURLWithPath: setup.unshare[0]))
        guard !run.timedOut, run.status == 0 else {
            throw HarnessError("scripted_dns.py failed (status \(run.status), timed out: \(run.timedOut)): \(run.stderr) \(run.stdout)")
        }
        let output = try JSONDecoder().decode(DriverOutput.self, from: Data(run.stdout.utf8))
        return ResolverRun(libc: libc, outcome: try outcome(output), queries: output.queries, seconds: output.seconds)
    }

    /// Reads the client's `ok` + address lines, or its `error EAI_X N: text` line.
    private static func outcome(_ output: DriverOutput) throws -> ResolverOutcome {
        if output.timedOut { return .timedOut }
        let lines = output.output.split(separator: "\n").map(String.init)
        if output.status == 0, lines.first == "ok" { return .addresses(Array(lines.dropFirst())) }
        if output.status == 1, let line = lines.first, line.hasPrefix("error "), let colon = line.firstIndex(of: ":") {
            let code = line.dropFirst("error ".count).split(separator: " ").first.map(String.init) ?? "?"
            return .failed(code: code, message: String(line[line.index(after: colon)...].dropFirst()))
        }
        throw HarnessError("unexpected client output (status \(output.status)): \(output.output)")
    }
}

extension Trait where Self == ConditionTrait {
    /// For tests that run the real glibc and musl resolvers: skipped, and saying why, where unshare is not
    /// permitted or musl-gcc, gcc or python3 is missing.
    static var needsRealResolvers: Self {
        .enabled("needs unshare -n -m (root or user namespaces), gcc, musl-gcc and python3") {
            // Building the clients takes a second or two: off the cooperative pool the live tests share.
            try await offThePool { RealResolver.isAvailable }
        }
    }
}
