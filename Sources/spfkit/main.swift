#if canImport(Glibc)
  import Glibc
#endif

// A closed pipe must end the program quietly with an error, not kill it with SIGPIPE mid-write; a
// file-size limit (`ulimit -f`) likewise a failed write with its message, not SIGXFSZ.
signal(SIGPIPE, SIG_IGN)
signal(SIGXFSZ, SIG_IGN)
let console = Console()
let code = await SPFKitCommand.main(Array(CommandLine.arguments.dropFirst()), console: console)
console.flushOutput()
exit(code.rawValue)
