import Synchronization

/// For every name of a zone, where its CNAME chain goes: the number of hops to the end, or a loop. Each name
/// has at most one CNAME, so the chains form a functional graph and one pass over it answers every name.
/// Computed on first use (only chains longer than the recording limit need it), once, under a lock.
final class CNAMETails: Sendable {
    enum Tail: Equatable {
        case ends(hops: Int)
        case loops
    }

    private let nameCount: Int
    /// -1: loops; otherwise hops to the end. Nil until first asked.
    private let lengths = Mutex<[Int32]?>(nil)

    init(nameCount: Int) {
        self.nameCount = nameCount
    }

    /// `target` gives a name's CNAME target as the walk follows it (nil: the chain ends there).
    func tail(from id: Int32, target: (Int32) -> Int32?) -> Tail {
        let length = lengths.withLock { cached -> Int32 in
            if cached == nil { cached = compute(target) }
            return Int(id) < cached!.count ? cached![Int(id)] : 0
        }
        return length < 0 ? .loops : .ends(hops: Int(length))
    }

    /// Iterative walk with three states per name: unseen, on the current path, settled.
    private func compute(_ target: (Int32) -> Int32?) -> [Int32] {
        let unseen: Int32 = -2, onPath: Int32 = -3, loops: Int32 = -1
        var result = [Int32](repeating: unseen, count: nameCount)
        var path: [Int32] = []
        for start in 0..<Int32(nameCount) where result[Int(start)] == unseen {
            var current = start
            var settledTail: Int32 = 0
            while true {
                let state = result[Int(current)]
                if state == onPath { settledTail = loops; break }
                if state != unseen { settledTail = state; break }
                result[Int(current)] = onPath
                path.append(current)
                guard let next = target(current), Int(next) < nameCount else { settledTail = -4; break }
                current = next
            }
            // Unwind: each name on the path is one hop further from the end than the next one.
            var tail = settledTail
            while let id = path.popLast() {
                if tail == -4 {
                    tail = 0
                } else if tail != loops {
                    tail += 1
                }
                result[Int(id)] = tail
            }
        }
        return result
    }
}
