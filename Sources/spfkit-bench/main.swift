import SPFKit

switch CommandLine.arguments.dropFirst().first {
case "zone":
  // spfkit-bench zone [LINES]: the zone reader against named-checkzone.
  do {
    try ZoneBench.run(lines: CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 1_000_000)
  } catch {
    print("zone: \(error)")
  }
default:
  print("bench")
}
