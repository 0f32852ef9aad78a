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

    static func open(group: any EventLoopGroup, count: Int, counters: ProbeCounters, ipv6: Bool) async throws -> UDPTransport {
        var v4: [NIOLoopBound<UDPQueryHandler>] = []
        var v6: [NIOLoopBound<UDPQueryHandler>] = []
        var channels: [any Channel] = []
        for family in ipv6 ? ["0.0.0.0", "::"] : ["0.0.0.0"] {
            for _ in 0..<max(1, count) {
                let channel = try await DatagramBootstrap(group: group)
                    .channelOption(.socketOption(.so_rcvbuf), value: 4 << 20)
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
        let socket = pool[next.add(1, ordering: .relaxed).newValue % pool.count]
        // The socket's handler resumes the continuation exactly once (reply, timeout or close): a promise and
        // its future cost two more objects and a callback per query, on the path every query takes.
        return await withUnsafeContinuation { (reply: UnsafeContinuation<QueryReply, Never>) in
            socket.eventLoop.execute {
                socket.value.send(query, reply: reply)
            }
        }
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

/// The pending-query table of one socket. Lives on its channel's event loop only.
final class UDPQueryHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    typealias OutboundOut = AddressedEnvelope<ByteBuffer>

    private struct Pending {
        var name: [UInt8]
        var type: RRType
        var server: SocketAddress
        var reply: UnsafeContinuation<QueryReply, Never>
        var deadline: NIODeadline
    }

    private var pending: [UInt16: Pending] = [:]
    private var ids = QueryIDs()
    private var context: ChannelHandlerContext?
    private let counters: ProbeCounters

    init(counters: ProbeCounters) { self.counters = counters }

    /// One sweep per socket replaces a timer per query (an allocation and a heap insert and cancel each).
    static let sweepInterval = TimeAmount.milliseconds(50)
    private var sweep: RepeatedTask?

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        sweep = context.eventLoop.scheduleRepeatedTask(initialDelay: Self.sweepInterval, delay: Self.sweepInterval) { _ in
            handler.value.expireOverdue()
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        sweep?.cancel()
        sweep = nil
        for (_, entry) in pending {
            entry.reply.resume(returning: .error("socket closed"))
        }
        pending.removeAll()
    }

    func send(_ query: OutgoingQuery, reply: UnsafeContinuation<QueryReply, Never>) {
        guard let context, pending.count < 65_000 else {
            reply.resume(returning: .error("no free query id on this socket"))
            return
        }
        var id = ids.next()
        while pending[id] != nil { id = ids.next() }
        let bytes: [UInt8]
        do {
            bytes = try QueryBuilder.query(name: query.name, type: query.type, id: id,
                                           recursionDesired: query.recursionDesired, edns: query.edns)
        } catch {
            reply.resume(returning: .error("cannot encode the query: \(error.message)"))
            return
        }
        let server = query.server.socketAddress
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        pending[id] = Pending(name: query.name, type: query.type, server: server, reply: reply,
                              deadline: .now() + query.timeout)
        counters.queries.add(1, ordering: .relaxed)
        let buffer = context.channel.allocator.buffer(bytes: bytes)
        context.write(wrapOutboundOut(AddressedEnvelope(remoteAddress: server, data: buffer)), promise: nil)
        // One flush per event-loop turn: queries written in the same turn leave in one sendmmsg.
        if !flushScheduled {
            flushScheduled = true
            context.eventLoop.execute { handler.value.flushPending() }
        }
    }

    private var flushScheduled = false

    private func flushPending() {
        flushScheduled = false
        context?.flush()
    }

    /// Answers `.timeout` for every query past its deadline (at most one sweep interval late).
    private func expireOverdue() {
        let now = NIODeadline.now()
        let overdue = pending.filter { $0.value.deadline <= now }
        for (id, entry) in overdue {
            pending[id] = nil
            counters.timeouts.add(1, ordering: .relaxed)
            entry.reply.resume(returning: .timeout)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        let buffer = envelope.data
        buffer.withUnsafeReadableBytes { bytes in
            guard let id = DNSMessage.peekID(bytes), let entry = pending[id], entry.server == envelope.remoteAddress else {
                counters.mismatched.add(1, ordering: .relaxed)
                return
            }
            let message: DNSMessage
            switch DNSMessage.decodeResult(bytes) {
            case .success(let decoded): message = decoded
            case .failure(let error):
                // Right source and id but undecodable: the query's answer is this garbage.
                pending[id] = nil
                counters.malformed.add(1, ordering: .relaxed)
                entry.reply.resume(returning: .malformed(error.message))
                return
            }
            guard matches(message, name: entry.name, type: entry.type) else {
                counters.mismatched.add(1, ordering: .relaxed)
                return
            }
            pending[id] = nil
            counters.responses.add(1, ordering: .relaxed)
            entry.reply.resume(returning: .response(message))
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // ICMP port unreachable and similar arrive here on connectionless sockets; the query times out.
    }
}
