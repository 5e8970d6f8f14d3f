import Foundation
import Testing

/// `make install` into a scratch DESTDIR (reusing the built binary: `INSTALL_BIN`), then the
/// installed tool works from another folder with only `--data` and `--focus`, `man` shows every
/// command, bash completes commands, options and layout names, and `make uninstall` leaves the
/// scratch root empty.
@Suite(.serialized) struct InstallTests {
  @Test func installRenderFromAnotherFolderAndUninstall() throws {
    let root = try CLI.scratch() + "/root"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    let make = ["make", "-s", "--no-print-directory", "DESTDIR=\(root)", "PREFIX=/usr"]
    let install = try CLI.shell(["-c", (make + ["install", "INSTALL_BIN=\(CLI.binary)"]).joined(separator: " ")])
    #expect(install.status == 0, "\(install.stdout)\(install.stderr)")
    let usr = root + "/usr"

    // The installed binary, run from `/` with a copy of the sample outside the checkout.
    let sample = try CLI.scratch() + "/sample"
    try FileManager.default.copyItem(atPath: CLI.root + "/Samples/jiuquan-2024h1", toPath: sample)
    let out = try CLI.scratch() + "/out"
    let render = try CLI.shell([
      "-c", "cd / && '\(usr)/bin/briefing' render --data '\(sample)' --focus 肃州区 --out '\(out)' --dpi 0",
    ])
    #expect(render.status == 0, "\(render.stderr)")
    #expect(FileManager.default.fileExists(atPath: out + "/half-year-comparison-肃州区-2024-H1.pdf"))
    let fonts = try CLI.shell(["-c", "cd / && '\(usr)/bin/briefing' fonts"])
    #expect(fonts.stdout.contains("Briefing Sans CJK SC"), "the installed derived fonts: \(fonts.stdout)")

    let schema = try CLI.shell(["-c", "cd / && '\(usr)/bin/briefing' schema layout --path"])
    #expect(schema.stdout == usr + "/share/briefing/Schemas/layout.schema.json\n", "\(schema.stdout)\(schema.stderr)")

    // One man page with every command, no mdoc warnings, the Chinese of the help kept.
    let man = try CLI.shell(["-c", "MANWIDTH=100 man -l '\(usr)/share/man/man1/briefing.1'"])
    #expect(man.status == 0 && man.stderr.isEmpty, "\(man.stderr)")
    for command in ["render", "analyze", "run", "schedule", "validate", "dump-layout", "dump-scene", "fonts", "score", "import", "schema"] {
      let entry = man.stdout.split(separator: "\n").contains { $0.hasPrefix("     \(command) ") || $0 == "     \(command)" }
      #expect(entry, "man briefing lacks \(command)")
    }
    #expect(man.stdout.contains("--focus 肃州区"), "examples keep their Chinese")

    // bash: commands, options, and layout names through the binary's completion hook.
    func complete(_ line: String) throws -> [String] {
      let script = """
        source '\(usr)/share/bash-completion/completions/briefing'
        COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
        read -ra COMP_WORDS <<< "$COMP_LINE"; [[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        _briefing briefing "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
        printf '%s\\n' "${COMPREPLY[@]}"
        """
      let result = try CLI.shell(["-c", "cd / && PATH='\(usr)/bin':$PATH && " + script])
      return result.stdout.split(separator: "\n").map(String.init)
    }
    #expect(try complete("briefing ren") == ["render"])
    #expect(try complete("briefing render --lay") == ["--layout"])
    #expect(try complete("briefing render --layout ranking") == ["ranking-bulletin"])
    #expect(try complete("briefing validate --layout ").contains("half-year-comparison"))
    for shell in ["zsh/site-functions/_briefing", "fish/vendor_completions.d/briefing.fish"] {
      let text = try String(contentsOfFile: usr + "/share/" + shell, encoding: .utf8)
      #expect(text.contains("dump-layout") && text.contains("---completion"), "\(shell)")
    }

    let uninstall = try CLI.shell(["-c", (make + ["uninstall"]).joined(separator: " ")])
    #expect(uninstall.status == 0, "\(uninstall.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty, "left behind under \(root)")
  }
}
