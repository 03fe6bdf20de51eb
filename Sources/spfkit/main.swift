#if canImport(Glibc)
  import Glibc
#endif

// A closed pipe must end the program quietly with an error, not kill it with SIGPIPE mid-write.
signal(SIGPIPE, SIG_IGN)
let console = Console()
let code = await SPFKitCommand.main(Array(CommandLine.arguments.dropFirst()), console: console)
console.flushOutput()
exit(code.rawValue)
