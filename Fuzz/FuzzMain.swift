import Glibc

/// The fuzz targets. They share one binary, built once (the library takes minutes to build with
/// coverage and AddressSanitizer); `SPFKIT_FUZZ_TARGET` picks the one a run exercises, and each
/// target has its own corpus (`Fuzz/corpus/NAME`).
enum FuzzTarget: String, CaseIterable {
  /// TXT presentation, the record parser, the linter and its fixes: `RecordFuzzer`.
  case record
  /// The zone reader and the lint of each owner's records: `ZoneFuzzer`.
  case zone
  /// The DNS message decoder and answer matching: `DNSMessageFuzzer`.
  case dns

  /// The target the environment names; the run stops with a message when it names none.
  static let selected: FuzzTarget = {
    let name = getenv("SPFKIT_FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
      fatalError("set SPFKIT_FUZZ_TARGET to one of: \(allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return target
  }()

  func run(_ input: [UInt8]) {
    switch self {
    case .record: RecordFuzzer.run(input)
    case .zone: ZoneFuzzer.run(input)
    case .dns: DNSMessageFuzzer.run(input)
    }
  }
}

/// libFuzzer's entry point: one input, run through the selected target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  FuzzTarget.selected.run(FuzzCheck.bytes(data, size))
  return 0
}
