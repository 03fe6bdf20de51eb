import SPFKit

for arg in CommandLine.arguments.dropFirst() {
  let parsed = SPFParser.parse(arg)
  print(parsed.record)
  for issue in parsed.issues { print("  \(issue.kind) \(issue.span) \(issue.message) -> \(issue.suggestion ?? "-")") }
}
