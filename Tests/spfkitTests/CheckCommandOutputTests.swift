import Foundation
import SPFKitTestSupport
import Testing

/// `spfkit check --trace` and `--format json` against the real `named` of `CheckFixture`.
@Suite(.enabled(if: NamedServer.testsEnabled, Comment(rawValue: NamedServer.skipNote)))
struct CheckCommandOutputTests {
  @Test func traceShowsEveryStepIndentedByDepthWithLookupCounts() async throws {
    let run = try await CheckFixture.check(["192.0.2.99", "spf.test", "--trace"])
    #expect(run.status == 1)
    let trace = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("trace") }
    #expect(
      trace.joined(separator: "\n") == """
        trace of check_host(192.0.2.99, spf.test, postmaster@spf.test), HELO spf.test:
            spf.test: (record): selected: v=spf1 ip4:198.51.100.0/24 include:_spf.spf.test include:vendor.spf.test \
        exp=exp.spf.test -all
            spf.test: ip4:198.51.100.0/24: not-matched: 192.0.2.99 is not in 198.51.100.0/24
            spf.test: include:_spf.spf.test: not-matched: the policy of '_spf.spf.test' gives softfail [lookup 1]
              _spf.spf.test: (record): selected: v=spf1 a:mail.spf.test mx:spf.test ~all
              _spf.spf.test: a:mail.spf.test: not-matched: 192.0.2.99 is in no network of the 1 addresses of \
        'mail.spf.test' [lookup 2]
              _spf.spf.test: mx:spf.test: not-matched: 192.0.2.99 is in no network of the 1 MX hosts of 'spf.test' \
        [lookup 3]
              _spf.spf.test: ~all: matched (softfail): 'all' matches every client
            spf.test: include:vendor.spf.test: not-matched: the policy of 'vendor.spf.test' gives neutral [lookup 4]
              vendor.spf.test: (record): selected: v=spf1 include:_n1.vendor.spf.test ?all
              vendor.spf.test: include:_n1.vendor.spf.test: not-matched: the policy of '_n1.vendor.spf.test' gives \
        fail [lookup 5]
                _n1.vendor.spf.test: (record): selected: v=spf1 ip4:203.0.113.0/24 -all
                _n1.vendor.spf.test: ip4:203.0.113.0/24: not-matched: 192.0.2.99 is not in 203.0.113.0/24
                _n1.vendor.spf.test: -all: matched (fail): 'all' matches every client
              vendor.spf.test: ?all: matched (neutral): 'all' matches every client
          * spf.test: -all: matched (fail): 'all' matches every client
            spf.test: exp=exp.spf.test: explained: 192.0.2.99 is not one of spf.test's senders

        """)
  }

  @Test func traceMarksTheTermThatCrossedTheLimit() async throws {
    let run = try await CheckFixture.check(["192.0.2.55", "deep.spf.test", "--trace"])
    #expect(run.status == 1)
    #expect(
      run.stdout.contains(
        """
          *     t3.spf.test: include:t4.spf.test: error (permerror): 'include:t4.spf.test' is DNS lookup 11: the \
        limit is 10 (RFC 7208 §4.6.4) [lookup 11]

        """))
  }

  /// The JSON document, parsed.
  static func json(_ arguments: [String]) async throws -> (status: Int32, document: [String: Any]) {
    let run = try await CheckFixture.check(arguments + ["--format", "json"])
    #expect(run.stderr.isEmpty)
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    return (run.status, try #require(object as? [String: Any]))
  }

  @Test func jsonHasTheResultTheDecidingTermTheCountsAndTheTrace() async throws {
    let (status, document) = try await Self.json(["192.0.2.99", "spf.test"])
    #expect(status == 1)
    #expect(document["version"] as? Int == 1)
    #expect(document["result"] as? String == "fail")
    #expect(document["reason"] as? String == "'-all' matched at spf.test")
    #expect(document["explanation"] as? String == "192.0.2.99 is not one of spf.test's senders")
    #expect((document["why"] as? String)?.hasSuffix("→ '-all' gives fail") == true)
    let request = try #require(document["request"] as? [String: Any])
    #expect(request["ip"] as? String == "192.0.2.99")
    #expect(request["sender"] as? String == "postmaster@spf.test")
    let deciding = try #require(document["deciding"] as? [String: Any])
    #expect(deciding["term"] as? String == "-all")
    #expect(deciding["domain"] as? String == "spf.test")
    #expect(deciding["depth"] as? Int == 0)
    #expect(document["lookups"] as? Int == 5)
    #expect(document["lookupLimit"] as? Int == 10)
    #expect(document["voidLookups"] as? Int == 0)
    #expect(document["queries"] as? Int == 8)
    let trace = try #require(document["trace"] as? [String: Any])
    let steps = try #require(trace["steps"] as? [[String: Any]])
    #expect(steps.count == 16)
    #expect(trace["decidingStep"] as? Int == deciding["step"] as? Int)
    let outcome = try #require(steps[deciding["step"] as? Int ?? 0]["outcome"] as? [String: Any])
    #expect(outcome["status"] as? String == "matched")
    #expect(outcome["result"] as? String == "fail")
  }

  @Test func jsonOfAPermerrorNamesTheInnermostTermAndThePath() async throws {
    let (status, document) = try await Self.json(["192.0.2.55", "deep.spf.test"])
    #expect(status == 1)
    #expect(document["result"] as? String == "permerror")
    #expect(document["explanation"] == nil, "keys whose value would be null are left out")
    let deciding = try #require(document["deciding"] as? [String: Any])
    #expect(deciding["term"] as? String == "include:t4.spf.test")
    #expect(deciding["domain"] as? String == "t3.spf.test")
    #expect(deciding["depth"] as? Int == 2)
    #expect(document["path"] as? [String] == ["deep.spf.test", "include:t2.spf.test", "include:t3.spf.test"])
    #expect(document["lookups"] as? Int == 11)
  }

  @Test func jsonOfAPassExitsZero() async throws {
    let (status, document) = try await Self.json(["203.0.113.7", "spf.test"])
    #expect(status == 0)
    #expect(document["result"] as? String == "pass")
  }
}
