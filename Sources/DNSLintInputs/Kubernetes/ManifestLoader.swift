import DNSLintModel
import LDNS
import Foundation

/// Reads Kubernetes manifests (YAML, several documents per file): each pod template becomes the
/// resolv.conf its pods get, and a ConfigMap's `data.Corefile` is linted as a Corefile in place.
package struct ManifestLoader: InputLoader {
    package init() {}
    package var kind: InputKind { .manifest }

    package func recognize(_ file: InputFile) -> Recognition {
        let name = file.fileName.lowercased()
        guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { return .no }
        let text = file.headText
        return text.contains("apiVersion:") && text.contains("kind:") ? .byName : .no
    }

    package func load(_ file: InputFile, options: LintOptions) throws(InputError) -> LoadResult {
        let data: [UInt8]
        switch RegularFile.read(file.url.path, limit: options.maxFileBytes) {
        case .success(let bytes): data = bytes
        case .failure(let failure): return LoadResult(issues: [.unreadable(path: file.path, reason: failure.reason)])
        }
        let path = file.path
        let text = String(decoding: data, as: UTF8.self)
        // YAML nests up to libyaml's limit of 1,000 levels; Yams recurses per level, so parse where the stack is deep.
        return LargeStack.run { ManifestReader.read(path: path, text: text, options: options) }
    }
}
