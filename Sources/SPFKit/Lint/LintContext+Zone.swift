extension LintContext {
  /// The facts of one owner's records read from a zone file: their text, the owner as the name,
  /// their types and suppression comments.
  ///
  /// - Parameter zoneRecords: records of one owner, in file order; the first one's owner names them.
  public init(zoneRecords: [ZoneRecord]) {
    self.init(
      records: zoneRecords.map(\.txt), name: zoneRecords.first?.owner.lintName, zone: ZoneFacts(zoneRecords))
  }

  /// The records in the TXT answer at the name: all of them, less SPF (type 99) records of a zone,
  /// which receivers never query (RFC 7208 §3.1, §4.5).
  var txtRecords: [LintedRecord] {
    guard let zone, records.contains(where: { !zone.isTXT($0.index) }) else { return records }
    return records.filter { zone.isTXT($0.index) }
  }
}

extension ZoneName {
  /// The name as lint shows it: as written with the origin applied, without the final dot
  /// (`example.com`); the root stays `.`.
  public var lintName: String {
    // UTF-8 counts: String.count walks the characters.
    text.utf8.count > 1 && text.utf8.last == 0x2E ? String(decoding: text.utf8.dropLast(), as: UTF8.self) : text
  }
}
