import Foundation
import Testing

@testable import spfkit

/// The output buffer: bytes reach the descriptor when the buffer fills and at `flush()`, not before.
@Suite struct OutputBufferTests {
  /// A pipe's ends; the read end is non-blocking so "nothing written yet" reads as empty.
  static func pipeEnds() -> (read: Int32, write: Int32) {
    var descriptors: [Int32] = [0, 0]
    _ = pipe(&descriptors)
    _ = fcntl(descriptors[0], F_SETFL, O_NONBLOCK)
    return (descriptors[0], descriptors[1])
  }

  static func available(_ descriptor: Int32) -> [UInt8] {
    var chunk = [UInt8](repeating: 0, count: 4096)
    let count = read(descriptor, &chunk, chunk.count)
    return count > 0 ? Array(chunk.prefix(count)) : []
  }

  @Test func bytesWaitForAFullBufferOrAFlush() {
    let (readEnd, writeEnd) = Self.pipeEnds()
    defer {
      close(readEnd)
      close(writeEnd)
    }
    let buffer = OutputBuffer(descriptor: writeEnd, capacity: 8)
    buffer.append("abc")
    buffer.append(decimal: -12)
    #expect(Self.available(readEnd).isEmpty, "7 bytes stay in the buffer of 8")
    buffer.append(StaticString("xy"))
    #expect(String(decoding: Self.available(readEnd), as: UTF8.self) == "abc-12xy", "the 8th byte writes it all")
    buffer.append(0x0A)
    buffer.flush()
    #expect(Self.available(readEnd) == [0x0A])
  }

  @Test func aFailedWriteIsRemembered() {
    let (readEnd, writeEnd) = Self.pipeEnds()
    close(readEnd)
    signal(SIGPIPE, SIG_IGN)
    let buffer = OutputBuffer(descriptor: writeEnd)
    buffer.append("lost")
    buffer.flush()
    #expect(buffer.writeError == EPIPE)
    close(writeEnd)
  }
}
