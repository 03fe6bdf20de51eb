/// The process exit codes of every command (DESIGN "Command line").
enum ExitCode: Int32 {
  /// Success: nothing at or above the threshold.
  case success = 0
  /// Findings (errors, or warnings with `--strict`); for `check`, any result other than pass.
  case findings = 1
  /// Usage or input error.
  case usageError = 2
}

/// Why a command could not run: a usage mistake or bad input. Both exit 2.
enum CLIError: Error {
  /// A mistake in the command line; the message names the argument.
  case usage(String)
  /// Bad input: the message names the file and line.
  case input(String)
}
