import DNSLintModel
import LDNS
import NIOCore
import NIOPosix
import Synchronization

/// Queries over several non-blocking UDP sockets with many queries in flight on each.
/// Every socket gets a kernel-chosen (randomised) source port; ids are random per query.
/// A reply is accepted only from the queried address with a pending id and the same question;
/// anything else is dropped and counted.
final class UDPTransport: Sendable {
    private let sockets: [NIOLoopBound<UDPQueryHandler>]
    private let socketsV6: [NIOLoopBound<UDPQueryHandler>]
    private let next = Atomic<Int>(0)
    private let channels: [any Channel]

    private init(sockets: [NIOLoopBound<UDPQueryHandler>], socketsV6: [NIOLoopBound<UDPQueryHandler>], channels: [any Channel]) {
        self.sockets = sockets
        self.socketsV6 = socketsV6
        self.channels = channels
    }

    /// Datagrams taken by one receive call.
    static let vectorRead = 16

    static func open(group: any EventLoopGroup, count: Int, counters: ProbeCounters, ipv6: Bool) async throws -> UDPTransport {
        var v4: [NIOLoopBound<UDPQueryHandler>] = []
        var v6: [NIOLoopBound<UDPQueryHandler>] = []
        var channels: [any Channel] = []
        for family in ipv6 ? ["0.0.0.0", "::"] : ["0.0.0.0"] {
            for _ in 0..<max(1, count) {
                let channel = try await DatagramBootstrap(group: group)
                    .channelOption(.socketOption(.so_rcvbuf), value: 4 << 20)
                    // Replies are read up to `vectorRead` at a time with one recvmmsg, each into a 4 KiB slot
                    // (a reply to a 1232-byte EDNS size fits; 2 KiB was the default before).
                    .channelOption(.datagramVectorReadMessageCount, value: Self.vectorRead)
                    .channelOption(.maxMessagesPerRead, value: 4)
                    .channelOption(.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: Self.vectorRead * 4096))
                    .channelInitializer { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(UDPQueryHandler(counters: counters))
                        }
                    }
                    .bind(host: family, port: 0).get()
                let bound = try await channel.eventLoop.submit {
                    NIOLoopBound(try channel.pipeline.syncOperations.handler(type: UDPQueryHandler.self), eventLoop: channel.eventLoop)
                }.get()
                channels.append(channel)
                if family == "::" { v6.append(bound) } else { v4.append(bound) }
            }
        }
        return UDPTransport(sockets: v4, socketsV6: v6, channels: channels)
    }

    func query(_ query: OutgoingQuery) async -> QueryReply {
        let pool = query.server.isIPv6 ? socketsV6 : sockets
        guard !pool.isEmpty else { return .error("no IPv6 socket for \(query.server)") }
        let turn = next.add(1, ordering: .relaxed).newValue
        // The socket's handler resumes the continuation exactly once (reply, timeout or close): a promise and
        // its future cost two more objects and a callback per query, on the path every query takes.
        return await withUnsafeContinuation { (reply: UnsafeContinuation<QueryReply, Never>) in
            Self.onSocket(of: pool, turn: turn) { $0.send(query, reply: .single(reply)) }
        }
    }

    /// Sends `queries` (all to servers of one address family) together on one socket and returns each one's
    /// reply with when it came, in order, once the last is in.
    func queryBatch(_ queries: [OutgoingQuery]) async -> [(QueryReply, ContinuousClock.Instant)] {
        guard let first = queries.first else { return [] }
        let pool = first.server.isIPv6 ? socketsV6 : sockets
        guard !pool.isEmpty else { return queries.map { (.error("no IPv6 socket for \($0.server)"), .now) } }
        let turn = next.add(1, ordering: .relaxed).newValue
        return await withUnsafeContinuation { continuation in
            let batch = ReplyBatch(count: queries.count, continuation: continuation)
            Self.onSocket(of: pool, turn: turn) { socket in
                for (index, query) in queries.enumerated() { socket.send(query, reply: .batch(batch, index: index)) }
            }
        }
    }

    /// Runs `body` on the turn's socket, on its loop.
    private static func onSocket(of pool: [NIOLoopBound<UDPQueryHandler>], turn: Int,
                                 _ body: @escaping @Sendable (UDPQueryHandler) -> Void) {
        let socket = pool[turn % pool.count]
        socket.eventLoop.execute { body(socket.value) }
    }

    func close() async {
        for channel in channels { try? await channel.close() }
    }
}

/// Counters shared by all sockets; bumped on event-loop threads, read at the end.
final class ProbeCounters: Sendable {
    let queries = Atomic<Int>(0)
    let responses = Atomic<Int>(0)
    let timeouts = Atomic<Int>(0)
    let mismatched = Atomic<Int>(0)
    let malformed = Atomic<Int>(0)
    let inFlight = Atomic<Int>(0)
}
