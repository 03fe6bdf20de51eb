import Testing

@testable import SPFKit

/// Record types as a zone line writes them: the common mnemonics matched on packed bytes, the
/// rest through the mnemonic table and RFC 3597 `TYPEnnn`.
@Suite struct ResourceRecordTypeTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var word: String
    var code: UInt16?
    var why: String
    var testDescription: String { why }
  }

  static let cases: [Case] = [
    Case(word: "A", code: 1, why: "A"),
    Case(word: "a", code: 1, why: "lowercase"),
    Case(word: "TxT", code: 16, why: "mixed case"),
    Case(word: "AAAA", code: 28, why: "four letters"),
    Case(word: "CNAME", code: 5, why: "five letters, the longest packed mnemonic"),
    Case(word: "spf", code: 99, why: "the obsolete SPF type"),
    Case(word: "caa", code: 257, why: "a code above 255"),
    Case(word: "MX", code: 15, why: "MX"),
    Case(word: "AAAAA", code: nil, why: "a mnemonic with one letter too many"),
    Case(word: "AA", code: nil, why: "a prefix of a mnemonic"),
    Case(word: "TX", code: nil, why: "a prefix of TXT"),
    Case(word: "T@T", code: nil, why: "a byte that folds to no letter"),
    Case(word: "DNSKEY", code: 48, why: "a mnemonic past the packed ones, from the table"),
    Case(word: "type16", code: 16, why: "RFC 3597 TYPEnnn"),
    Case(word: "TYPE016", code: nil, why: "TYPEnnn with a leading zero"),
    Case(word: "", code: nil, why: "empty"),
  ]

  @Test(arguments: cases) func code(_ example: Case) {
    #expect(ResourceRecordType.code(of: Array(example.word.utf8)) == example.code)
  }
}
