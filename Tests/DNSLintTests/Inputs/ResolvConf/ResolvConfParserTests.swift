@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting
import Foundation
import Testing

/// The parser and the two libc models, against behaviour documented in glibc's tst-resolv-res_init-skeleton.c
/// and musl's resolvconf.c.
@Suite struct ResolvConfParserTests {
    func parse(_ text: String) -> (conf: ResolvConf, issues: [ResolvConfIssue]) {
        ResolvConfParser.parse(text, path: "resolv.conf")
    }

    @Test func laterDomainOrSearchWinsAndOptionsAccumulateInGlibc() {
        let (conf, _) = parse("options ndots:3 use-vc\noptions edns0 ndots:2\ndomain corp.example\nsearch example.net corp.example.com example.com\nsearch example.org\nsearch\n")
        let glibc = conf.effective(for: .glibc)
        #expect(glibc.searchDomains == ["example.org"])
        #expect(glibc.searchLine?.location.line == 5)
        #expect(glibc.ndots == 2)
        #expect(glibc.has("use-vc") && glibc.has("edns0"))
        // musl: the empty `search` line clears the list, and only ndots/attempts/timeout exist.
        let musl = conf.effective(for: .musl)
        #expect(musl.searchDomains.isEmpty)
        #expect(musl.searchLine?.location.line == 6)
        #expect(musl.ndots == 2)
        #expect(musl.flags.isEmpty)
    }

    @Test func domainKeepsOneWordInGlibcAndAllInMusl() {
        let (conf, issues) = parse("search example.com example.org\nnameserver 192.0.2.1\ndomain example.net extra.example\n")
        #expect(conf.effective(for: .glibc).searchDomains == ["example.net"])
        #expect(conf.effective(for: .musl).searchDomains == ["example.net", "extra.example"])
        #expect(issues.map(\.location.line) == [3])
    }

    @Test func valuesAreClampedPerLibc() {
        let (conf, _) = parse("options use-vc timeout:999 attempts:999 ndots:99\nsearch example.com\n")
        let glibc = conf.effective(for: .glibc)
        #expect([glibc.ndots, glibc.timeout, glibc.attempts] as [Int] == [15, 30, 5])
        let musl = conf.effective(for: .musl)
        #expect([musl.ndots, musl.timeout, musl.attempts] as [Int] == [15, 60, 10])
    }

    @Test func defaultsWithoutOptions() {
        let effective = parse("nameserver 192.0.2.1\n").conf.effective(for: .glibc)
        #expect([effective.ndots, effective.timeout, effective.attempts] as [Int] == [1, 5, 2])
        #expect(effective.ndotsToken == nil)
    }

    @Test(arguments: [Libc.glibc, .musl])
    func onlyThreeNameserversAreUsed(_ libc: Libc) {
        let text = (1...8).map { "nameserver 192.0.2.\($0)\n" }.joined()
        let effective = parse(text).conf.effective(for: libc)
        #expect(effective.nameservers.map(\.text) == ["192.0.2.1", "192.0.2.2", "192.0.2.3"])
        #expect(effective.ignoredNameservers.count == 5)
        #expect(effective.ignoredNameservers.first?.location.line == 4)
    }

    @Test func garbageAfterAnAddressIsIgnoredButAPortIsNot() {
        let (conf, issues) = parse("nameserver 192.0.2.1 garbage\nnameserver 192.0.2.2:5353\nnameserver 192.0.2.3 5353\n")
        #expect(conf.effective(for: .glibc).nameservers.map(\.text) == ["192.0.2.1", "192.0.2.3"])
        #expect(issues.count == 1)
        #expect(issues.first?.location == SourceLocation(path: "resolv.conf", line: 2, column: 12))
        #expect(issues.first?.message.contains("port") == true)
    }

    @Test func glibcMatchesOptionPrefixesAndMuslIgnoresFlags() {
        let (conf, _) = parse("nameserver 192.0.2.1\noptions edns0x single-request-reopen rotate trust-ad\n")
        let glibc = conf.effective(for: .glibc)
        #expect(Set(glibc.flags.keys) == ["edns0", "single-request-reopen", "rotate", "trust-ad"])
        #expect(!glibc.has("single-request"))
        #expect(conf.effective(for: .musl).flags.isEmpty)
    }

    @Test func muslDropsLinesThatDoNotFitIn256Bytes() {
        // "search " is 7 bytes: 247 more make a 254-byte line (255 with its newline), the longest musl keeps.
        let fits = "search " + String(repeating: "a", count: 243) + ".com"
        let tooLong = fits + "x"
        #expect(fits.utf8.count == 254)
        #expect(parse(fits + "\n").conf.effective(for: .musl).searchDomains.count == 1)
        let dropped = parse(tooLong + "\n").conf.effective(for: .musl)
        #expect(dropped.searchDomains.isEmpty)
        #expect(dropped.droppedLines.count == 1)
        #expect(parse(tooLong + "\n").conf.effective(for: .glibc).searchDomains.count == 1)
    }

    @Test func muslFindsValuedOptionsAnywhereOnTheLine() {
        let effective = parse("options rotate ndots:4 timeout:3\n").conf.effective(for: .musl)
        #expect(effective.ndots == 4 && effective.timeout == 3)
        #expect(effective.ndotsToken?.location.column == 16)
    }

    @Test func tokensKeepLineAndColumnAcrossTabs() {
        let (conf, _) = parse("# comment\n\nsearch\tcorp.example.com  example.com\n")
        let search = conf.lines(.search).first
        #expect(search?.location.line == 3)
        #expect(search?.values.map(\.location.column) == [8, 26])
    }

    @Test func commentsAndBlankLinesAreNotDirectives() {
        let (conf, issues) = parse("# hash\n; semicolon\n   \n   # indented comment\nnameserver 192.0.2.1\n")
        #expect(conf.lines.count == 1)
        #expect(issues.isEmpty)
    }

    @Test func linesNoResolverAcceptsAreReportedWithColumns() {
        let (conf, issues) = parse("namserver 192.0.2.1\n  nameserver 192.0.2.2\nnameserver\nsearch corp.example.com # office\noptions ndots:x\nsortlist 300.1.2.3\n")
        #expect(issues.map(\.location.line) == [1, 2, 3, 4, 5, 6])
        #expect(issues[0].message.contains("did you mean nameserver"))
        #expect(issues[1].location.column == 3)
        #expect(issues[3].location.column == 25)
        #expect(conf.effective(for: .glibc).searchDomains == ["corp.example.com", "#", "office"])
        #expect(conf.effective(for: .glibc).nameservers.isEmpty)
    }

    @Test func carriageReturnsAreReportedOnce() {
        let (conf, issues) = parse("nameserver 192.0.2.1\r\nsearch example.com\r\n")
        #expect(issues.count == 1)
        #expect(issues.first?.severity == .warning)
        #expect(conf.effective(for: .glibc).searchDomains == ["example.com"])
    }

    @Test func placeholdersAreOneNoteNotACascade() {
        let (conf, issues) = parse("nameserver __PILLAR__DNS__SERVER__\nsearch %{CLUSTER_DOMAIN}%\n")
        #expect(issues.count == 1)
        #expect(issues.first?.severity == .note)
        #expect(issues.first?.message.hasPrefix("The file is a template: placeholders __PILLAR__DNS__SERVER__") == true)
        #expect(conf.effective(for: .glibc).nameservers.first?.isPlaceholder == true)
    }

    @Test func loaderRecognisesByNameAndContent() {
        func file(_ name: String, _ text: String) -> InputFile {
            InputFile(path: name, url: URL(fileURLWithPath: "/tmp/\(name)"), head: Array(text.utf8))
        }
        let loader = ResolvConfLoader()
        #expect(loader.recognize(file("resolv.conf", "")) == .byName)
        #expect(loader.recognize(file("pod.resolv.conf", "")) == .byName)
        #expect(loader.recognize(file("resolv.conf.bak", "")) == .byName)
        #expect(loader.recognize(file("dns.txt", "# hi\nnameserver 192.0.2.1\noptions ndots:2\n")) == .byContent)
        #expect(loader.recognize(file("db.example", "$ORIGIN example.\n@ IN SOA a b 1 2 3 4 5\n")) == .no)
        #expect(loader.recognize(file("Corefile", ".:53 {\n  forward . 8.8.8.8\n}\n")) == .no)
    }
}
