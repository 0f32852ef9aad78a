import DNSLintModel

/// CoreDNS answering one server block's queries over time: `cache`, `autopath`, `kubernetes` and `forward`
/// in the order the release's plugin.cfg runs them. Follows plugin/autopath/autopath.go (ServeDNS: walk the
/// pod's search path, skip NXDOMAIN, CNAME the first other answer to the asked name, else the first reply),
/// plugin/kubernetes/autopath.go (the search path from the namespace of the pod that owns the client IP)
/// and plugin/cache (key: name and type only; TTL between the floors and caps; TC answers never stored),
/// all at v1.11.1 and v1.14.7.
package final class CoreDNSServer {
    /// Who asks: the pod's namespace, and the namespace CoreDNS maps its IP to (another one after IP reuse).
    package struct Client: Sendable, Hashable {
        package var namespace: String
        package var mappedNamespace: String?
        package var ednsBufferSize: Int?

        package init(namespace: String, mappedNamespace: String?, ednsBufferSize: Int? = nil) {
            self.namespace = namespace
            self.mappedNamespace = mappedNamespace
            self.ednsBufferSize = ednsBufferSize
        }
    }

    /// A cache entry as the timeline shows it.
    package struct CacheEntry: Sendable, Hashable {
        package var reply: ServerReply
        package var storedAt: Double
        package var expiresAt: Double
        /// Whether autopath built the answer (a CNAME from the asked name to a search-path expansion).
        package var viaAutopath: Bool
        var size: Int?
        var partialAnswerCount = 0
        var hits: [Double] = []
    }

    package struct CacheKey: Sendable, Hashable, Comparable {
        package var name: String
        package var type: ClientQuery.QueryType
        package static func < (lhs: CacheKey, rhs: CacheKey) -> Bool { (lhs.name, lhs.type.rawValue) < (rhs.name, rhs.type.rawValue) }
    }

    let setup: CoreDNSSetup
    let upstream: Upstream
    private(set) var cache: [CacheKey: CacheEntry] = [:]
    /// Every entry stored, in order: the timeline's bars.
    private(set) package var stored: [(key: CacheKey, entry: CacheEntry)] = []

    package init(setup: CoreDNSSetup, upstream: Upstream) {
        self.setup = setup
        self.upstream = upstream
    }

    package func entry(_ key: CacheKey, at time: Double) -> CacheEntry? {
        guard let entry = cache[key], entry.expiresAt > time else { return nil }
        return entry
    }

    /// One query from `client` at `time`.
    package func serve(_ query: ClientQuery, from client: Client, at time: Double) -> ServerReply {
        let key = CacheKey(name: query.name, type: query.type)
        var reply: Reply
        if setup.cacheInFrontOfAutopath {
            reply = cached(key, from: client, at: time) { autopath(query, from: client, at: time) }
        } else {
            // 1.14.7: autopath first; each name it tries goes through the cache on its own.
            reply = autopath(query, from: client, at: time)
        }
        // The server truncates any answer over a non-EDNS client's 512 bytes, whatever came from where.
        if query.transport == .udp, let size = reply.size, size > (client.ednsBufferSize ?? 512) {
            reply.server.truncated = true
            reply.server.addresses = []
            reply.server.answerCount = reply.partialAnswerCount
        }
        return reply.server
    }

    /// A reply with what the truncation needs.
    struct Reply {
        var server: ServerReply
        var size: Int?
        var ttl: UInt32
        var viaAutopath = false
        /// The records that fit in 512 bytes before the addresses: the CNAMEs.
        var partialAnswerCount: Int
    }

    private func cached(_ key: CacheKey, from client: Client, at time: Double, _ compute: () -> Reply) -> Reply {
        guard let settings = setup.cache else { return compute() }
        if var entry = cache[key] {
            let stale = settings.serveStale.map { entry.expiresAt + Double($0) > time } ?? false
            if entry.expiresAt > time || stale {
                entry.hits.append(time)
                cache[key] = entry
                if entry.expiresAt <= time || prefetchDue(entry, settings: settings, at: time) {
                    // serve_stale and prefetch refresh the entry with this client's query.
                    store(key, compute(), at: time)
                }
                return Reply(server: entry.reply, size: entry.size, ttl: 0, viaAutopath: entry.viaAutopath,
                             partialAnswerCount: entry.partialAnswerCount)
            }
        }
        let reply = compute()
        store(key, reply, at: time)
        return reply
    }

    private func prefetchDue(_ entry: CacheEntry, settings: CoreDNSSetup.CacheSettings, at time: Double) -> Bool {
        guard let prefetch = settings.prefetch else { return false }
        let recent = entry.hits.filter { $0 > time - Double(prefetch.duration) }.count
        let left = (entry.expiresAt - time) / max(entry.expiresAt - entry.storedAt, 1)
        return recent >= prefetch.amount && left * 100 <= Double(prefetch.percentage)
    }

    private func store(_ key: CacheKey, _ reply: Reply, at time: Double) {
        guard let settings = setup.cache, !reply.server.truncated, reply.server.rcode != nil else { return }
        let denial = reply.server.rcode == .nxDomain || (reply.server.rcode == .noError && reply.server.answerCount == 0)
        guard reply.server.rcode == .noError || reply.server.rcode == .nxDomain else { return }
        let ttl = denial ? min(max(reply.ttl, settings.denialFloor), settings.denialCap)
                         : min(max(reply.ttl, settings.successFloor), settings.successCap)
        let entry = CacheEntry(reply: reply.server, storedAt: time, expiresAt: time + Double(ttl), viaAutopath: reply.viaAutopath,
                               size: reply.size, partialAnswerCount: reply.partialAnswerCount)
        cache[key] = entry
        stored.append((key, entry))
    }

    /// autopath: for a query whose name ends in the first domain of the search path CoreDNS builds for the
    /// client's IP, try the path on the server and answer with a CNAME to the first non-NXDOMAIN expansion.
    private func autopath(_ query: ClientQuery, from client: Client, at time: Double) -> Reply {
        guard setup.autopath, let namespace = client.mappedNamespace,
              let zone = setup.clusterZones.first(where: { query.name.hasSuffix("." + $0) }) else {
            return afterAutopath(query, from: client, at: time)
        }
        let search = ["\(namespace).svc.\(zone)", "svc.\(zone)", zone] + setup.hostSearch.map { $0.hasSuffix(".") ? $0 : $0 + "." } + [""]
        guard query.name.hasSuffix("." + search[0]) else { return afterAutopath(query, from: client, at: time) }
        let base = String(query.name.dropLast(search[0].count + 1))
        var first: Reply?
        for domain in search {
            let name = domain.isEmpty ? base + "." : "\(base).\(domain)"
            var expanded = query
            expanded.name = name
            let reply = afterAutopath(expanded, from: client, at: time)
            if first == nil { first = reply }
            if reply.server.rcode == .nxDomain { continue }
            var answer = reply
            // cnamer: the asked name becomes a CNAME to the expansion that answered (when it is another name).
            if name != query.name { answer.server.answerCount += 1; answer.partialAnswerCount += 1 }
            answer.viaAutopath = true
            return answer
        }
        return first ?? afterAutopath(query, from: client, at: time)
    }

    /// What runs after autopath: on 1.14.7 the cache, then kubernetes or forward; before, only the latter.
    private func afterAutopath(_ query: ClientQuery, from client: Client, at time: Double) -> Reply {
        if setup.cacheInFrontOfAutopath { return resolve(query) }
        return cached(CacheKey(name: query.name, type: query.type), from: client, at: time) { resolve(query) }
    }

    /// kubernetes for the cluster zones (no service data: NXDOMAIN with its TTL as the SOA minimum), else forward.
    private func resolve(_ query: ClientQuery) -> Reply {
        if setup.clusterZones.contains(where: { query.name == $0 || query.name.hasSuffix("." + $0) }) {
            return Reply(server: .nxDomain, size: nil, ttl: setup.clusterTTL, partialAnswerCount: 0)
        }
        guard setup.forward != nil else { return Reply(server: ServerReply(rcode: .refused), size: nil, ttl: 0, partialAnswerCount: 0) }
        let answer = upstream.answer(query.name, query.type)
        let partial = answer.reply.answerCount - answer.reply.addresses.count
        if let size = answer.size, size > 512, setup.losesTruncation {
            // Before 1.8.0 forward could hand back an upstream-truncated answer with TC cleared: the CNAMEs
            // without the addresses, cached and served to UDP and TCP clients alike.
            return Reply(server: ServerReply(rcode: answer.reply.rcode, answerCount: partial), size: nil, ttl: answer.ttl,
                         partialAnswerCount: partial)
        }
        return Reply(server: answer.reply, size: answer.size, ttl: answer.ttl, partialAnswerCount: partial)
    }
}
