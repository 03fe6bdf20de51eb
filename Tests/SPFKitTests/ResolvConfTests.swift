import Foundation
import SPFKit
import Testing

@testable import SPFKitDNS

struct ResolvConfTests {
  @Test func readsNameserverLinesInOrder() {
    let text = """
      # generated
      search example.test
      nameserver 192.0.2.53
      nameserver\t2001:db8::53   # second
      ; comment
      nameserver fe80::1%eth0
      nameserver
      options timeout:1 attempts:2
      nameserver 198.51.100.53
      """
    let conf = ResolvConf(parsing: text)
    #expect(conf.servers.map(\.description) == ["192.0.2.53:53", "[2001:db8::53]:53", "198.51.100.53:53"])
    #expect(
      conf.skipped == [
        "6: 'fe80::1%eth0' is not an IPv4 or IPv6 address without a zone index", "7: nameserver without an address",
      ])
  }

  @Test func noNameserverMeansTheLocalMachine() {
    let conf = ResolvConf(parsing: "search example.test\n")
    #expect(conf.servers.isEmpty)
    #expect(conf.effectiveServers.map(\.description) == ["127.0.0.1:53"])
  }

  @Test func unreadableFileIsAnError() {
    #expect(throws: DNSConfigurationError("cannot read '/nonexistent/resolv.conf'")) {
      try ResolvConf.load(path: "/nonexistent/resolv.conf")
    }
  }

  @Test func loadsAFile() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("resolv-\(UUID().uuidString).conf").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data("nameserver 127.0.0.1\n".utf8)))
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(try ResolvConf.load(path: path).servers == [DNSServer(address: .v4(IPv4Address(127, 0, 0, 1)))])
  }
}
