import Foundation
import Testing

/// Zone-file checks before a commit: the pre-commit framework's hook (`.pre-commit-hooks.yaml`, this
/// repository as its source) and the plain Git hook `Examples/git-hooks/pre-commit`.
@Suite struct PreCommitTests {
  /// A zone with two SPF records at its apex (SPF001), and its fix.
  static let badZone = "$ORIGIN example.com.\n@ 300 IN TXT \"v=spf1 mx -all\"\n$INCLUDE more.inc\n"
  static let moreRecords = "@ 300 IN TXT \"v=spf1 ip4:81.6.7.8 -all\"\n"
  static let fixedRecords = "@ 300 IN TXT \"google-site-verification=abc\"\n"

  /// Runs git in `repository`; fails the test when git fails.
  @discardableResult
  static func git(_ arguments: [String], in repository: URL, environment: [String: String] = [:]) async throws
    -> SPFKitProcess.Output
  {
    let run = try await ToolProcess.run(["git"] + arguments, directory: repository, environment: environment)
    try #require(run.status == 0, "git \(arguments.joined(separator: " ")): \(run.stderr)")
    return run
  }

  @Test(.enabled(if: ExternalTool.git.isAvailable, "git is not installed"))
  func gitHookStopsACommitWithErrorsInStagedZones() async throws {
    let scratch = try ScratchDirectory("spfkit-git-hook")
    defer { scratch.remove() }
    let repository = scratch.url
    try await Self.git(["init", "-q"], in: repository)
    let hook = SPFKitProcess.packageRoot.appendingPathComponent("Examples/git-hooks/pre-commit")
    try FileManager.default.copyItem(at: hook, to: repository.appendingPathComponent(".git/hooks/pre-commit"))
    try scratch.write("zones/example.com.zone", Self.badZone)
    try scratch.write("zones/more.inc", Self.moreRecords)
    try scratch.write("notes.txt", "not a zone: never linted\n")
    try await Self.git(["add", "-A"], in: repository)
    let environment = ["SPFKIT": SPFKitProcess.binary.path]
    func commit() async throws -> SPFKitProcess.Output {
      try await ToolProcess.run(
        ["git", "commit", "-q", "-m", "zones"], directory: repository, environment: environment)
    }

    let refused = try await commit()
    #expect(refused.status != 0)
    let output = refused.stdout + refused.stderr
    #expect(output.contains("zones/more.inc:1:15: error[SPF001] 'example.com' publishes 2 SPF records"), "\(output)")
    #expect(output.contains("spfkit found problems in the staged zone files"))

    try scratch.write("zones/more.inc", Self.fixedRecords)
    #expect(try await commit().status != 0, "the fix is not staged: the index is what gets committed")

    try await Self.git(["add", "-A"], in: repository)
    let accepted = try await commit()
    #expect(accepted.status == 0, "\(accepted.stdout)\(accepted.stderr)")
  }

  /// pre-commit clones this repository (a throwaway commit of its working tree), builds it with
  /// `swift build -c release` and runs the `spfkit-lint` hook. Its build is cached under
  /// `.build/pre-commit-test/home` and reused while the working tree is unchanged (the throwaway commit
  /// then has the same hash); a changed tree costs one release build, about a minute on two cores.
  @Test(
    .enabled(if: ExternalTool.preCommit.testsEnabled && ExternalTool.git.isAvailable, ExternalTool.preCommit.skipNote),
    .timeLimit(.minutes(20)))
  func preCommitHookFromThisRepository() async throws {
    try #require(ExternalTool.preCommit.isAvailable, "pre-commit is not installed: CI=true requires it")
    let root = SPFKitProcess.packageRoot.appendingPathComponent(".build/pre-commit-test")
    let (source, revision) = try await Self.commitWorkingTree(to: root.appendingPathComponent("source"))
    let consumer = root.appendingPathComponent("consumer")
    try? FileManager.default.removeItem(at: consumer)
    try FileManager.default.createDirectory(at: consumer, withIntermediateDirectories: true)
    try await Self.git(["init", "-q"], in: consumer)
    let config = """
      repos:
        - repo: \(source.path)
          rev: \(revision)
          hooks:
            - id: spfkit-lint

      """
    let files: [String: String] = [
      ".pre-commit-config.yaml": config, "dns/example.com.zone": Self.badZone, "dns/more.inc": Self.moreRecords,
      "dns/db.example.org": "$ORIGIN example.org.\n@ 300 IN TXT \"v=spf1 -all\"\n",
      "notes.txt": "not a zone: never linted\n",
    ]
    for (name, text) in files {
      let url = consumer.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    try await Self.git(["add", "-A"], in: consumer)
    let home = ["PRE_COMMIT_HOME": root.appendingPathComponent("home").path]
    // At the lowest priority: its release build must not slow the tests that time themselves.
    func run() async throws -> SPFKitProcess.Output {
      try await ToolProcess.run(
        ["nice", "-n", "19", "pre-commit", "run", "--all-files"], directory: consumer, environment: home)
    }

    let failed = try await run()
    #expect(failed.status == 1, "\(failed.stdout)\(failed.stderr)")
    #expect(failed.stdout.contains("dns/more.inc:1:15: error[SPF001] 'example.com' publishes 2 SPF records"))
    #expect(failed.stdout.contains("spfkit lint (SPF records in zone files)"))

    try Data(Self.fixedRecords.utf8).write(to: consumer.appendingPathComponent("dns/more.inc"))
    try await Self.git(["add", "-A"], in: consumer)
    let passed = try await run()
    #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
    #expect(passed.stdout.contains("Passed"))
    // Builds of earlier revisions are no longer named by any config: drop them.
    _ = try await ToolProcess.run(["pre-commit", "gc"], directory: consumer, environment: home)
  }

  @Test(.enabled(if: ExternalTool.preCommit.testsEnabled, ExternalTool.preCommit.skipNote))
  func manifestAndExampleConfigAreValid() async throws {
    try #require(ExternalTool.preCommit.isAvailable, "pre-commit is not installed: CI=true requires it")
    let root = SPFKitProcess.packageRoot
    for arguments in [
      ["validate-manifest", ".pre-commit-hooks.yaml"], ["validate-config", "Examples/pre-commit-config.yaml"],
    ] {
      let run = try await ToolProcess.run(["pre-commit"] + arguments, directory: root)
      #expect(run.status == 0, "\(arguments): \(run.stdout)\(run.stderr)")
    }
  }

  /// The example configuration works as written: `rev: main` names a commit, and `pre-commit autoupdate`
  /// pins it to that commit's hash (the repository has no release tags).
  @Test(
    .enabled(if: ExternalTool.preCommit.testsEnabled && ExternalTool.git.isAvailable, ExternalTool.preCommit.skipNote))
  func exampleConfigPinsToACommitWithAutoupdate() async throws {
    try #require(ExternalTool.preCommit.isAvailable, "pre-commit is not installed: CI=true requires it")
    let root = SPFKitProcess.packageRoot.appendingPathComponent(".build/pre-commit-test")
    let (source, revision) = try await Self.commitWorkingTree(to: root.appendingPathComponent("autoupdate-source"))
    try await Self.git(["branch", "-M", "main"], in: source)
    let scratch = try ScratchDirectory("spfkit-autoupdate")
    defer { scratch.remove() }
    try await Self.git(["init", "-q"], in: scratch.url)
    let example = try String(
      contentsOf: SPFKitProcess.packageRoot.appendingPathComponent("Examples/pre-commit-config.yaml"), encoding: .utf8)
    try #require(example.contains("rev: main "), "the example starts from the main branch")
    try scratch.write(
      ".pre-commit-config.yaml", example.replacingOccurrences(of: "https://example.com/spfkit.git", with: source.path))
    let home = ["PRE_COMMIT_HOME": root.appendingPathComponent("home").path]
    let update = try await ToolProcess.run(["pre-commit", "autoupdate"], directory: scratch.url, environment: home)
    #expect(update.status == 0, "\(update.stdout)\(update.stderr)")
    let pinned = try String(contentsOf: scratch.url.appendingPathComponent(".pre-commit-config.yaml"), encoding: .utf8)
    #expect(pinned.contains("rev: \(revision)"), "\(pinned)")
  }

  /// Commits the files of the working tree (tracked, and untracked ones Git does not ignore) to a fresh
  /// repository at `directory`, with a fixed author and date: the same tree gives the same hash.
  static func commitWorkingTree(to directory: URL) async throws -> (URL, String) {
    let root = SPFKitProcess.packageRoot
    let listed = try await git(["ls-files", "-z", "--cached", "--others", "--exclude-standard"], in: root)
    try? FileManager.default.removeItem(at: directory)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for path in Set(listed.stdout.split(separator: "\0").map(String.init)).sorted() {
      let from = root.appendingPathComponent(path)
      guard FileManager.default.fileExists(atPath: from.path) else { continue }  // deleted, not yet staged
      let to = directory.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
      try FileManager.default.copyItem(at: from, to: to)
    }
    try await git(["init", "-q"], in: directory)
    try await git(["add", "-A"], in: directory)
    try await git(["commit", "-q", "--no-verify", "-m", "working tree of spfkit under test"], in: directory)
    let head = try await git(["rev-parse", "HEAD"], in: directory)
    return (directory, head.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
  }
}
