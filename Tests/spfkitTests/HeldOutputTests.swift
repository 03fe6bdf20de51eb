import Testing

@testable import spfkit

/// `HeldOutput`: chunks past the memory limit wait in a temporary file and come back byte for byte,
/// in order, with their counts; results and input errors stay in memory.
@Suite struct HeldOutputTests {
  static func chunk(_ text: String, errors: Int = 0) -> LintPipeline.Chunk {
    var chunk = LintPipeline.Chunk(summary: LintSummary(threshold: .info))
    chunk.summary.inputErrors = errors
    chunk.segments = [.rendered(RenderedBytes(Array(text.utf8))), .rendered(RenderedBytes(Array("|".utf8)))]
    return chunk
  }

  static func released(_ held: inout HeldOutput) -> (text: String, errors: Int, segments: Int) {
    var text = ""
    var errors = 0
    var segments = 0
    held.release { chunk in
      errors += chunk.summary.inputErrors
      for segment in chunk.segments {
        segments += 1
        if case .rendered(let bytes) = segment { text += String(decoding: bytes, as: UTF8.self) }
      }
    }
    return (text, errors, segments)
  }

  @Test func chunksPastTheMemoryLimitGoToAFileAndComeBackInOrder() {
    var held = HeldOutput(memoryLimit: 100)
    var expected = ""
    for index in 0..<50 {
      let text = String(repeating: Character(String(index % 10)), count: 20 + index)
      held.add(Self.chunk(text, errors: 1))
      expected += text + "|"
      #expect(held.memoryBytes <= 100, "at most the limit in memory")
    }
    #expect(held.fileBytes > 1_000, "the rest in the file")
    #expect(held.memoryBytes + held.fileBytes == expected.utf8.count)
    let (text, errors, segments) = Self.released(&held)
    #expect(text == expected)
    #expect(errors == 50, "every chunk's counts, from memory or the file")
    #expect(segments == 100)
    #expect(held.isEmpty && held.fileBytes == 0 && held.memoryBytes == 0)
  }

  @Test func chunksWithAnInputErrorStayInMemory() {
    var held = HeldOutput(memoryLimit: 10)
    var chunk = Self.chunk("abcdefghijklmnop")
    chunk.segments.append(.inputError(LintInputError(source: "z", line: 1, column: 1, message: "m")))
    held.add(chunk)
    held.add(Self.chunk("qrstuvwxyz0123456789"))
    #expect(held.memoryBytes == 17 && held.fileBytes == 21)
    let (text, _, segments) = Self.released(&held)
    #expect(text == "abcdefghijklmnop|qrstuvwxyz0123456789|")
    #expect(segments == 5)
  }

  @Test func discardedOutputIsGone() {
    var held = HeldOutput(memoryLimit: 10)
    for _ in 0..<5 { held.add(Self.chunk("0123456789abcdef")) }
    #expect(held.fileBytes > 0)
    held.discard()
    #expect(held.isEmpty)
    held.add(Self.chunk("after"))
    #expect(Self.released(&held).text == "after|", "a discarded store holds again from nothing")
  }
}
