import Foundation
import Testing

extension ExternalTool {
  /// Headless Neovim, whose built-in LSP client is the real client of the end-to-end test.
  static let neovim = ExternalTool(name: "Neovim (nvim)", isAvailable: succeeds("nvim", "--version"))
}

/// The end-to-end test with a real client: headless Neovim opens a copy of the example zone with
/// `spfkit lsp` attached and shows the findings of `lint --zone` at the same places; its quick fix,
/// a hand edit and a hover work. Skipped without nvim unless `CI=true`.
@Suite(.enabled(if: ExternalTool.neovim.testsEnabled, ExternalTool.neovim.skipNote))
struct NeovimLSPTests {
  @Test func neovimShowsTheLintFindingsAndAppliesAQuickFix() async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let zone = try LSPExampleZone(copiedTo: scratch)
    let findings = try await zone.lintFindings()
    let fixLine = try #require(findings.first { $0.code == "SPF006" }?.line)
    let editLine = try #require(findings.first { $0.code == "SPF104" }?.line)
    let hoverLine = try #require(zone.lines.firstIndex { $0.contains("include:_spf.mailhost.example") }) + 1
    try scratch.write("attach.lua", Self.script)
    var environment = ProcessInfo.processInfo.environment
    environment.merge([
      "SPFKIT_BIN": SPFKitProcess.binary.path, "ZONE": zone.path, "RESULT": scratch.path("result.json"),
      "FIX_LINE": "\(fixLine)", "FIX_CODE": "SPF006", "EDIT_LINE": "\(editLine)", "HOVER_LINE": "\(hoverLine)",
    ]) { $1 }
    let run = try await ChildRun.run(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["nvim", "--headless", "--clean", "-c", "luafile \(scratch.path("attach.lua"))"], environment: environment)
    #expect(run.status == 0, "nvim: \(run.stderr)")
    let data = try Data(contentsOf: URL(fileURLWithPath: scratch.path("result.json")))
    let result = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(result["error"] == nil, "\(result["error"] ?? "")")
    #expect(result["attached"] as? Bool == true)
    // Neovim converts positions to byte columns: they equal lint's 1-based UTF-8 columns.
    func shown(_ key: String) -> [LSPExampleZone.Finding] {
      (result[key] as? [[String: Any]] ?? []).compactMap { item in
        guard let code = item["code"] as? String, let line = item["line"] as? Int, let column = item["column"] as? Int
        else { return nil }
        return LSPExampleZone.Finding(code: code, line: line, column: column)
      }
    }
    #expect(Set(shown("diagnostics")) == Set(findings) && shown("diagnostics").count == findings.count)
    let actions = result["actions"] as? [String] ?? []
    #expect(actions.contains { $0.hasPrefix("replace 'ipv4:81.8.0.0/16' with 'ip4:81.8.0.0/16'") })
    #expect(actions.contains("disable SPF006 for this record"))
    let fixed = result["fixedLine"] as? String ?? ""
    #expect(fixed.contains(" ip4:81.8.0.0/16 -all") && !fixed.contains("ipv4:"))
    #expect(result["fixCleared"] as? Bool == true)
    #expect(result["editCleared"] as? Bool == true)
    let remaining = findings.filter { !($0.code == "SPF006" && $0.line == fixLine) && $0.code != "SPF104" }
    #expect(Set(shown("finalDiagnostics")) == Set(remaining))
    let hover = result["hover"] as? String ?? ""
    #expect(hover.contains("`include:_spf.mailhost.example`") && hover.contains("lookup 2 of 2"))
  }

  /// The client side: attach, read diagnostics, apply the preferred quick fix, edit a line, hover.
  /// Neovim 0.7 (Debian 12) has no `vim.lsp.start`: `start_client` and `buf_attach_client` instead.
  static let script = """
    -- Attaches `spfkit lsp` to a zone file, exercises diagnostics, a quick fix and a hover, and writes
    -- what the client saw as JSON. Arguments come from the environment: SPFKIT_BIN, ZONE, RESULT.
    local result = {}
    local function finish(status)
      local file = io.open(os.getenv('RESULT'), 'w')
      file:write(vim.fn.json_encode(result))
      file:close()
      vim.cmd(status == 0 and 'qa!' or 'cq!')
    end
    local function codes(buffer)
      local list = {}
      for _, d in ipairs(vim.diagnostic.get(buffer)) do
        table.insert(list, { code = d.code, line = d.lnum + 1, column = d.col + 1 })
      end
      return list
    end
    local function has(buffer, code, line)
      for _, d in ipairs(vim.diagnostic.get(buffer)) do
        if d.code == code and (line == nil or d.lnum + 1 == line) then return true end
      end
      return false
    end
    local ok, failure = pcall(function()
      vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('ZONE')))
      local buffer = vim.api.nvim_get_current_buf()
      local client = vim.lsp.start_client({ name = 'spfkit', cmd = { os.getenv('SPFKIT_BIN'), 'lsp' },
        root_dir = vim.fn.fnamemodify(os.getenv('ZONE'), ':h') })
      vim.lsp.buf_attach_client(buffer, client)
      result.attached = vim.wait(20000, function() return #vim.diagnostic.get(buffer) > 0 end, 20)
      result.diagnostics = codes(buffer)
      -- The quick fixes on the line of the SPF006 finding.
      local line = tonumber(os.getenv('FIX_LINE'))
      local params = { textDocument = { uri = vim.uri_from_bufnr(buffer) },
        range = { start = { line = line - 1, character = 0 }, ['end'] = { line = line - 1, character = 200 } },
        context = { diagnostics = {} } }
      local responses = vim.lsp.buf_request_sync(buffer, 'textDocument/codeAction', params, 10000) or {}
      result.actions = {}
      local fix
      for _, response in pairs(responses) do
        for _, action in ipairs(response.result or {}) do
          table.insert(result.actions, action.title)
          if action.isPreferred and fix == nil then fix = action end
        end
      end
      if fix then vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16') end
      result.fixedLine = vim.api.nvim_buf_get_lines(buffer, line - 1, line, false)[1]
      result.fixCleared = vim.wait(20000, function() return not has(buffer, os.getenv('FIX_CODE'), line) end, 20)
      -- A hand edit: the line of the SPF104 finding, '?all' made '-all'.
      local edit = tonumber(os.getenv('EDIT_LINE'))
      local text = vim.api.nvim_buf_get_lines(buffer, edit - 1, edit, false)[1]
      vim.api.nvim_buf_set_lines(buffer, edit - 1, edit, false, { (text:gsub('%?all', '-all')) })
      result.editCleared = vim.wait(20000, function() return not has(buffer, 'SPF104', edit) end, 20)
      result.finalDiagnostics = codes(buffer)
      -- A hover on the first character of the hover line's 'include:' term.
      local hoverLine = tonumber(os.getenv('HOVER_LINE'))
      local hoverText = vim.api.nvim_buf_get_lines(buffer, hoverLine - 1, hoverLine, false)[1]
      local column = hoverText:find('include:', 1, true) - 1
      local hovers = vim.lsp.buf_request_sync(buffer, 'textDocument/hover',
        { textDocument = { uri = vim.uri_from_bufnr(buffer) }, position = { line = hoverLine - 1, character = column } },
        10000) or {}
      for _, response in pairs(hovers) do
        if response.result then result.hover = response.result.contents.value end
      end
    end)
    if not ok then result.error = tostring(failure) end
    finish(ok and 0 or 1)
    """
}
