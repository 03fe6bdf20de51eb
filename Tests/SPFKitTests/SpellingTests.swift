import Testing

@testable import SPFKit

/// "Did you mean ...?": near enough to be plausible, relative to the word's length.
struct SpellingTests {
  static let mechanisms = MechanismKind.allCases.map(\.rawValue).filter { $0.count >= 3 }

  @Test(arguments: [
    ("inclde", "include"), ("icnlude", "include"), ("exsits", "exists"), ("ip5", "ip4"), ("ALL", "all"),
    ("ptrr", "ptr"),
  ])
  func nearWordsAreSuggested(_ word: String, _ expected: String) {
    #expect(Spelling.nearest(to: word, among: Self.mechanisms) == expected)
  }

  @Test(arguments: ["gpg", "mp3", "spf", "foo", "redirect"])
  func farWordsAreNot(_ word: String) {
    #expect(Spelling.nearest(to: word, among: Self.mechanisms) == nil)
  }

  @Test func subcommands() {
    let names = ["lint", "merge", "generate", "check", "aggregate", "flatten", "helo", "explain"]
    #expect(Spelling.nearest(to: "lnt", among: names) == "lint")
    #expect(Spelling.nearest(to: "flaten", among: names) == "flatten")
    #expect(Spelling.nearest(to: "xyz", among: names) == nil)
  }
}
