import Testing
@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting

@Suite struct CorefileParserTests {
    @Test func keysDirectivesAndPositions() {
        let (corefile, issues) = parseCorefile("""
            # leading comment
            .:53 example.org:5353 tls://secure.example:853 {
                errors
            \tforward . 8.8.8.8 9.9.9.9 {
                    policy sequential # trailing comment
                }
                cache 30
            }
            """)
        #expect(issues.isEmpty)
        #expect(corefile.serverBlocks.count == 1)
        let block = corefile.serverBlocks[0]
        #expect(block.keys.map(\.text) == [".:53", "example.org:5353", "tls://secure.example:853"])
        #expect(block.keys.map(\.port) == [53, 5353, 853])
        #expect(block.keys.map(\.transport) == [.dns, .dns, .tls])
        #expect(block.keys[1].zone == DNSName("example.org."))
        #expect(block.keys[1].location.line == 2 && block.keys[1].location.column == 6)
        #expect(block.directives.map(\.name) == ["errors", "forward", "cache"])
        let forward = block.directives[1]
        #expect(forward.args == [".", "8.8.8.8", "9.9.9.9"])
        #expect(forward.location.line == 4 && forward.location.column == 2)
        #expect(forward.arguments[2].location.column == 20)
        #expect(forward.hasBlock)
        #expect(forward.option("policy")?.args == ["sequential"])
        #expect(forward.option("policy")?.location.line == 5)
        #expect(block.directive("cache")?.args == ["30"])
    }

    @Test func defaultPortsPerTransport() {
        let (corefile, issues) = parseCorefile("""
            dns://a.example grpc://b.example https://c.example quic://d.example https3://e.example example.com {
                whoami
            }
            """)
        #expect(issues.isEmpty)
        #expect(corefile.serverBlocks[0].keys.map(\.port) == [53, 443, 443, 853, 443, 53])
    }

    @Test func quotedStringsAndEscapes() {
        let (corefile, issues) = parseCorefile(#"""
            . {
                log . "{remote} said \"hi\" to {name}" 
                template IN TXT {
                    answer "{{ .Name }} 60 IN TXT \"a b\\c\""
                }
            }
            """#)
        #expect(issues.isEmpty)
        let log = corefile.serverBlocks[0].directives[0]
        #expect(log.args == [".", #"{remote} said "hi" to {name}"#])
        #expect(log.arguments[1].quoted)
        let answer = corefile.serverBlocks[0].directives[1].option("answer")
        #expect(answer?.args == [#"{{ .Name }} 60 IN TXT "a b\\c""#])
    }

    @Test func quotedStringSpanningLinesKeepsLineCount() {
        let (corefile, _) = parseCorefile("""
            . {
                hosts {
                    "multi
            line"
                }
                cache
            }
            """)
        #expect(corefile.serverBlocks[0].directives.last?.name == "cache")
        #expect(corefile.serverBlocks[0].directives.last?.location.line == 6)
    }

    @Test func commentGluedToWordEndsTheWord() {
        let (corefile, _) = parseCorefile(". {\n    errors#not a comment start? it is\n    cache\n}\n")
        #expect(corefile.serverBlocks[0].directives.map(\.name) == ["errors", "cache"])
    }

    @Test func snippetsExpandInPlaceAndKeepTheirLines() {
        let (corefile, issues) = parseCorefile("""
            (common) {
                errors
                cache 30
            }
            . {
                import common
                forward . 1.1.1.1
            }
            """)
        #expect(issues.isEmpty)
        let names = corefile.serverBlocks[0].directives.map(\.name)
        #expect(names == ["errors", "cache", "forward"])
        #expect(corefile.serverBlocks[0].directives[1].location.line == 3)
        #expect(corefile.serverBlocks.count == 1)
    }

    @Test func selfImportingSnippetStops() {
        let (corefile, issues) = parseCorefile("""
            (loop) {
                errors
                import loop
            }
            . {
                import loop
            }
            """)
        #expect(corefile.serverBlocks.count == 1)
        #expect(issues.contains { $0.message.contains("import itself") })
    }

    /// A large snippet that imports itself stops at the token budget, not after a thousand splices of a
    /// growing token array (found by the corefile fuzz target as a timeout).
    @Test func selfImportingLargeSnippetStopsAtTheTokenBudget() {
        let words = (0..<200).map { "w\($0)" }.joined(separator: " ")
        let (corefile, issues) = parseCorefile("(loop) {\n    errors \(words)\n    import loop\n}\n.:53 {\n    import loop\n}\n")
        let budget = issues.filter { $0.message.contains("tokens; does 'loop' import itself?") }
        #expect(budget.count == 1)
        #expect(budget.first?.location.line == 3)
        #expect(budget.first?.message.hasPrefix("imports add more than 20000 tokens") == true)
        // The expansion stopped inside the budget: 20,000 tokens make at most 98 copies of the 203-token snippet.
        #expect(corefile.serverBlocks.count == 1)
        #expect((1...98).contains(corefile.serverBlocks[0].directives.count { $0.name == "errors" }))
    }

    @Test func unclosedBlockPointsAtItsBrace() {
        let (_, issues) = parseCorefile(".:53 {\n    errors\n    forward . 8.8.8.8 {\n        policy random\n")
        #expect(issues.count == 2)
        #expect(issues.map(\.location.line).sorted() == [1, 3])
        #expect(issues.allSatisfy { $0.message.contains("expected '}'") })
        #expect(issues.first { $0.location.line == 3 }?.location.column == 23)
    }

    @Test func braceOnDirectiveLine() {
        let (corefile, issues) = parseCorefile(".:53 {\n    errors }\n. :54 {\n  whoami\n}\n")
        #expect(issues.count >= 1)
        #expect(issues[0].location.line == 2 && issues[0].location.column == 12)
        #expect(issues[0].message.contains("expected a line break before '}'"))
        #expect(corefile.serverBlocks.first?.directives.map(\.name) == ["errors"])
    }

    @Test func wordsAfterNestedBlockBrace() {
        let (_, issues) = parseCorefile(". {\n    health {\n        lameduck 5s\n    } extra\n}\n")
        #expect(issues.count == 1)
        #expect(issues[0].location.line == 4 && issues[0].location.column == 7)
    }

    @Test func strayClosingBraceAtTopLevel() {
        let (corefile, issues) = parseCorefile(". {\n    whoami\n}\n}\nexample.org {\n    whoami\n}\n")
        #expect(issues.count == 1)
        #expect(issues[0].location.line == 4)
        #expect(corefile.serverBlocks.count == 2)
    }

    @Test func unterminatedQuote() {
        let (_, issues) = parseCorefile(". {\n    log \"unterminated\n    whoami\n}\n")
        #expect(issues.contains { $0.location.line == 2 && $0.location.column == 9 && $0.message.contains("never closes") })
    }

    @Test func badServerKeys() {
        let (_, issues) = parseCorefile("""
            :53 {
                whoami
            }
            example.org:abc {
                whoami
            }
            foo://example.org {
                whoami
            }
            bücher.example {
                whoami
            }
            example.org:70000 {
                whoami
            }
            10.0.0.0/8 fd00::/8 {
                whoami
            }
            """)
        #expect(issues.map(\.location.line) == [1, 4, 7, 10, 13])
        #expect(issues[2].message.contains("unknown scheme"))
        #expect(issues[3].message.contains("xn--"))
    }

    @Test func reverseZonesFromCIDRKeys() {
        let (corefile, _) = parseCorefile("10.0.0.0/8 192.168.0.0/23 fd00::/8 {\n    whoami\n}\n")
        let zones = corefile.serverBlocks[0].keys.map { $0.zones.map(\.text) }
        #expect(zones[0] == ["10.in-addr.arpa."])
        #expect(zones[1] == ["0.168.192.in-addr.arpa.", "1.168.192.in-addr.arpa."])
        #expect(zones[2] == ["d.f.ip6.arpa."])
    }

    @Test func keysContinueAfterTrailingComma() {
        let (corefile, issues) = parseCorefile("a.example,\nb.example {\n    whoami\n}\n")
        #expect(issues.isEmpty)
        #expect(corefile.serverBlocks[0].keys.map(\.text) == ["a.example", "b.example"])
    }

    @Test func bracelessSingleServer() {
        let (corefile, issues) = parseCorefile("example.org\nwhoami\nlog\n")
        #expect(issues.isEmpty)
        #expect(corefile.serverBlocks[0].directives.map(\.name) == ["whoami", "log"])
    }

    @Test func environmentReferencesAreKept() {
        let (corefile, issues) = parseCorefile("{$ZONE}:53 {\n    forward . {$UPSTREAM} {%DNS2%}\n}\n")
        #expect(issues.isEmpty)
        #expect(corefile.serverBlocks[0].keys[0].isPlaceholder)
        #expect(corefile.serverBlocks[0].directives[0].arguments[1].isUnknownValue)
        #expect(corefile.serverBlocks[0].directives[0].arguments[2].isUnknownValue)
        #expect(!corefile.isTemplate)
    }

    @Test func templatePlaceholdersGiveOneNote() {
        let (corefile, issues) = parseCorefile("""
            .:53 {
                kubernetes CLUSTER_DOMAIN REVERSE_CIDRS {
                  pods insecure
                }FEDERATIONS
                forward . UPSTREAMNAMESERVER
                cache 30
            }STUBDOMAINS
            __PILLAR__DNS__DOMAIN__:53 {
                bind __PILLAR__LOCAL__DNS__ __PILLAR__DNS__SERVER__
                kubernetes %{CLUSTER_DOMAIN}%
            }
            """)
        #expect(issues.count == 1)
        #expect(issues[0].kind == .template && issues[0].severity == .note)
        #expect(issues[0].location.line == 2)
        #expect(corefile.placeholders.map(\.text) == ["CLUSTER_DOMAIN", "REVERSE_CIDRS", "FEDERATIONS", "UPSTREAMNAMESERVER",
                                                       "STUBDOMAINS", "__PILLAR__DNS__DOMAIN__", "__PILLAR__LOCAL__DNS__",
                                                       "__PILLAR__DNS__SERVER__", "%{CLUSTER_DOMAIN}%"])
        #expect(corefile.serverBlocks.count == 2)
        #expect(corefile.serverBlocks[0].directives.map(\.name) == ["kubernetes", "forward", "cache"])
        #expect(corefile.serverBlocks[1].keys[0].isPlaceholder)
    }

    @Test func byteOrderMarkAndCarriageReturns() {
        let (corefile, issues) = parseCorefile("\u{FEFF}.:53 {\r\n    whoami\r\n}\r\n")
        #expect(issues.isEmpty)
        #expect(corefile.serverBlocks[0].keys[0].location.column == 1)
        #expect(corefile.serverBlocks[0].directives[0].location.line == 2)
    }

    @Test func invalidUTF8IsReportedAndSurvived() {
        var bytes = Array(". {\n    whoami ".utf8)
        bytes += [0xC3, 0x28, 0x0A, 0x7D, 0x0A]
        let source = CorefileSource(path: "Corefile", includedFrom: [], lineMap: nil, columnOffset: 0, directory: nil, displayDirectory: nil)
        let (corefile, issues) = CorefileParser.parse(bytes, source: source, policy: .init(followFiles: false, allowOutside: false))
        #expect(corefile.serverBlocks.count == 1)
        #expect(issues.count == 1 && issues[0].location.line == 2 && issues[0].severity == .warning)
    }

    @Test func embeddedLocationsMapToHostFile() {
        let result = CorefileLoader().loadEmbedded(text: ".:53 {\n    errors }\n}\n", path: "cm.yaml", lineMap: [10, 11, 12],
                                                   columnOffset: 4, options: LintOptions())
        let corefile = result.inputs.first as? Corefile
        #expect(corefile?.serverBlocks[0].keys[0].location == SourceLocation(path: "cm.yaml", line: 10, column: 5))
        #expect(corefile?.isEmbedded == true)
        #expect(result.findings.first?.location?.line == 11)
        #expect(result.findings.first?.location?.column == 16)
        #expect(result.findings.first?.ruleCode == "DNS0002")
    }
}
