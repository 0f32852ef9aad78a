import DNSLintModel
import LDNS
import NIOCore

/// The pending-query table of one socket. Lives on its channel's event loop only.
final class UDPQueryHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    typealias OutboundOut = AddressedEnvelope<ByteBuffer>

    private struct Pending {
        var name: [UInt8]
        var type: RRType
        var server: SocketAddress
        var reply: ReplyTarget
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
            entry.reply.deliver(.error("socket closed"))
        }
        pending.removeAll()
    }

    func send(_ query: OutgoingQuery, reply: ReplyTarget) {
        guard let context, pending.count < 65_000 else {
            reply.deliver(.error("no free query id on this socket"))
            return
        }
        var id = ids.next()
        while pending[id] != nil { id = ids.next() }
        let template: QueryTemplate
        do {
            template = try self.template(query)
        } catch {
            reply.deliver(.error("cannot encode the query: \(error.message)"))
            return
        }
        let server = query.server.socketAddress
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        pending[id] = Pending(name: query.name, type: query.type, server: server, reply: reply,
                              deadline: .now() + query.timeout)
        counters.queries.add(1, ordering: .relaxed)
        // The bytes the template test holds to ldns' own.
        let buffer = context.channel.allocator.buffer(bytes: template.query(name: query.name, id: id))
        context.write(wrapOutboundOut(AddressedEnvelope(remoteAddress: server, data: buffer)), promise: nil)
        // One flush per event-loop turn: queries written in the same turn leave in one sendmmsg.
        if !flushScheduled {
            flushScheduled = true
            context.eventLoop.execute { handler.value.flushPending() }
        }
    }

    private var flushScheduled = false

    /// ldns' query for the root name per type and flags, made once per socket; each query splices its name in.
    private var templates: [Int: QueryTemplate] = [:]

    private func template(_ query: OutgoingQuery) throws(LDNSError) -> QueryTemplate {
        let key = Int(query.type.rawValue) << 2 | (query.recursionDesired ? 2 : 0) | (query.edns ? 1 : 0)
        if let known = templates[key] { return known }
        let made = try QueryTemplate(type: query.type, recursionDesired: query.recursionDesired, edns: query.edns)
        templates[key] = made
        return made
    }

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
            entry.reply.deliver(.timeout)
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
                entry.reply.deliver(.malformed(error.message))
                return
            }
            guard matches(message, name: entry.name, type: entry.type) else {
                counters.mismatched.add(1, ordering: .relaxed)
                return
            }
            pending[id] = nil
            counters.responses.add(1, ordering: .relaxed)
            entry.reply.deliver(.response(message))
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // ICMP port unreachable and similar arrive here on connectionless sockets; the query times out.
    }
}

/// Who waits for a query's reply: one task, or a batch sent together that is resumed once its last reply
/// (or give-up) is in.
enum ReplyTarget {
    case single(UnsafeContinuation<QueryReply, Never>)
    case batch(ReplyBatch, index: Int)

    /// Hands over the reply; called exactly once per query, on the socket's loop.
    func deliver(_ reply: QueryReply) {
        switch self {
        case .single(let continuation): continuation.resume(returning: reply)
        case .batch(let batch, let index): batch.deliver(reply, at: index)
        }
    }
}

/// The replies to a batch of queries sent on one socket, with when each came: one continuation for the
/// batch instead of a child task and a continuation per query.
/// Unchecked: made by the sending task, then touched only on the socket's event loop until it resumes
/// that task with the replies.
final class ReplyBatch: @unchecked Sendable {
    private var replies: [(QueryReply, ContinuousClock.Instant)?]
    private var remaining: Int
    private let continuation: UnsafeContinuation<[(QueryReply, ContinuousClock.Instant)], Never>

    init(count: Int, continuation: UnsafeContinuation<[(QueryReply, ContinuousClock.Instant)], Never>) {
        replies = Array(repeating: nil, count: count)
        remaining = count
        self.continuation = continuation
    }

    func deliver(_ reply: QueryReply, at index: Int) {
        guard replies[index] == nil else { return }
        replies[index] = (reply, .now)
        remaining -= 1
        guard remaining == 0 else { return }
        var all: [(QueryReply, ContinuousClock.Instant)] = []
        all.reserveCapacity(replies.count)
        for reply in replies { if let reply { all.append(reply) } }
        continuation.resume(returning: all)
    }
}
