import Foundation
import Testing

/// Placeholder so the CLI test target builds; replaced by the real harness.
struct CLIHarnessTests {
  @Test func placeholder() { #expect(Bool(true)) }
}
