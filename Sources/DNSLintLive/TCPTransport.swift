import DNSLintModel
import LDNS
import NIOCore
import NIOPosix

/// One query per TCP connection (RFC 7766 framing): used after a truncated UDP answer.
struct TCPTransport: Sendable {
    let group: any EventLoopGroup
    let counters: ProbeCounters

    func query(_ query: OutgoingQuery) async -> QueryReply {
        let id = UInt16.random(in: 0...UInt16.max)
        let bytes: [UInt8]
        do {
            bytes = try QueryBuilder.query(name: query.name, type: query.type, id: id,
                                           recursionDesired: query.recursionDesired, edns: query.edns)
        } catch {
            return .error("cannot encode the query: \(error.message)")
        }
        counters.queries.add(1, ordering: .relaxed)
        let loop = group.next()
        let reply = loop.makePromise(of: QueryReply.self)
        let name = query.name
        let type = query.type
        let timer = loop.scheduleTask(in: query.timeout) { reply.succeed(.timeout) }
        let connect = ClientBootstrap(group: loop)
            .connectTimeout(query.timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        TCPQueryHandler(id: id, name: name, type: type, reply: reply))
                }
            }
            .connect(to: query.server.socketAddress)
        connect.whenComplete { result in
            switch result {
            case .success(let channel):
                var frame = channel.allocator.buffer(capacity: bytes.count + 2)
                frame.writeInteger(UInt16(bytes.count))
                frame.writeBytes(bytes)
                channel.writeAndFlush(frame, promise: nil)
                reply.futureResult.whenComplete { _ in
                    timer.cancel()
                    channel.close(promise: nil)
                }
            case .failure(let error):
                timer.cancel()
                reply.succeed(.error("TCP connection to \(query.server) failed: \(Self.describe(error))"))
            }
        }
        let result = (try? await reply.futureResult.get()) ?? .error("TCP connection closed")
        switch result {
        case .response: counters.responses.add(1, ordering: .relaxed)
        case .timeout: counters.timeouts.add(1, ordering: .relaxed)
        case .malformed: counters.malformed.add(1, ordering: .relaxed)
        case .error: break
        }
        return result
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? NIOConnectionError, let first = error.connectionErrors.first {
            return describe(first.error)
        }
        if let error = error as? IOError { return "\(error.description)" }
        if error is ChannelError { return "\(error)" }
        return "\(error)"
    }
}

/// Reads one length-prefixed DNS message and completes the promise.
final class TCPQueryHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private var received: ByteBuffer?
    private let id: UInt16
    private let name: [UInt8]
    private let type: RRType
    private let reply: EventLoopPromise<QueryReply>

    init(id: UInt16, name: [UInt8], type: RRType, reply: EventLoopPromise<QueryReply>) {
        self.id = id
        self.name = name
        self.type = type
        self.reply = reply
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var chunk = unwrapInboundIn(data)
        if received == nil {
            received = chunk
        } else {
            received!.writeBuffer(&chunk)
        }
        guard var buffer = received, let length = buffer.getInteger(at: buffer.readerIndex, as: UInt16.self),
              buffer.readableBytes >= Int(length) + 2 else { return }
        buffer.moveReaderIndex(forwardBy: 2)
        let outcome: QueryReply = buffer.withUnsafeReadableBytes { all in
            let bytes = UnsafeRawBufferPointer(rebasing: all.prefix(Int(length)))
            guard DNSMessage.peekID(bytes) == id else { return .malformed("the reply carries another query id") }
            switch DNSMessage.decodeResult(bytes) {
            case .success(let message):
                guard matches(message, name: name, type: type) else { return .malformed("the reply answers another question") }
                return .response(message)
            case .failure(let error):
                return .malformed(error.message)
            }
        }
        reply.succeed(outcome)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        reply.succeed(.error("the server closed the TCP connection without a full answer"))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        reply.succeed(.error("TCP error: \(TCPTransport.describe(error))"))
        context.close(promise: nil)
    }
}
