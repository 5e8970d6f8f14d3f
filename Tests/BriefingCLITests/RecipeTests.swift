import Foundation
import Testing
import TestSupport

// MARK: - Delivery recipes, end to end

/// `Recipes/mail-on-success.sh` and `mail-on-failure.sh` as hooks of a real `briefing run`,
/// sending through msmtp to an SMTP server on 127.0.0.1; the received message's subject, body
/// and attachment bytes are checked.
@Suite(.serialized, .enabled(if: Receivers.smtpAvailable, Comment(rawValue: Receivers.smtpMissing)))
struct MailRecipeTests {
  static let recipes = CLI.root + "/Recipes"

  /// A job folder with `hooks` and a running SMTP receiver, and the environment that points
  /// the recipes at it.
  static func setUp(hooks: String) throws -> (JobFolder, Receivers.Running, [String: String]) {
    let folder = try JobFolder(extra: hooks)
    let smtp = try Receivers.startSMTP(in: folder.path)
    let rc = try Receivers.msmtprc(in: folder.path, port: smtp.server.port)
    return (folder, smtp, [
      "BRIEFING_MAIL_TO": "stats@example.org, 主任 <director@example.org>",
      "BRIEFING_SENDMAIL": "msmtp -C \(rc)",
      "BRIEFING_INDEX_URL": "http://intranet.example.org/briefings/index.html",
    ])
  }

  static func sha256s(_ manifest: [String: Any], suffix: String) -> [String: String] {
    var found: [String: String] = [:]
    for output in manifest["outputs"] as? [[String: Any]] ?? [] {
      if let path = output["path"] as? String, path.hasSuffix(suffix) {
        found[(path as NSString).lastPathComponent] = output["sha256"] as? String
      }
    }
    return found
  }

  @Test func onSuccessMailsTheSheetsAsAttachments() throws {
    let (folder, smtp, environment) = try Self.setUp(hooks: "on_success: \(Self.recipes)/mail-on-success.sh\n")
    defer { smtp.server.stop() }
    let run = try folder.run(environment)
    #expect(run.status == 0, "\(run.stderr)")
    let received = try smtp.records()
    try #require(received.count == 1)
    let mail = received[0]
    #expect(mail["from"] as? String == "briefing@example.org")
    #expect(mail["to"] as? [String] == ["stats@example.org", "director@example.org"])
    #expect(mail["subject"] as? String == "简报已发布 Briefing published: 2024-H1 · 30 个文件 files")
    let body = mail["body"] as? String ?? ""
    #expect(body.contains("http://intranet.example.org/briefings/index.html"))
    #expect(body.contains("- half-year-comparison/肃州区-2024-H1.pdf"))
    let attachments = mail["attachments"] as? [[String: Any]] ?? []
    #expect(attachments.map { $0["type"] as? String } == ["application/pdf", "application/pdf"])
    var sent: [String: String] = [:]
    for attachment in attachments { sent[attachment["filename"] as? String ?? ""] = attachment["sha256"] as? String }
    let manifest = try folder.manifest()
    #expect(sent == Self.sha256s(manifest, suffix: ".pdf"), "the attachments are the published PDFs, byte for byte")
    #expect(sent.keys.sorted() == ["玉门市-2024-H1.pdf", "肃州区-2024-H1.pdf"])
    #expect((manifest["delivery"] as? [String: Any])?["status"] as? String == "delivered")
  }

  /// Over `BRIEFING_MAIL_MAX_MB` a file is named in the text instead of attached.
  @Test func attachmentsOverTheLimitAreNamedNotAttached() throws {
    let (folder, smtp, environment) = try Self.setUp(hooks: "on_success: \(Self.recipes)/mail-on-success.sh\n")
    defer { smtp.server.stop() }
    let run = try folder.run(environment.merging(["BRIEFING_MAIL_MAX_MB": "0.07"]) { $1 })
    #expect(run.status == 0, "\(run.stderr)")
    let mail = try #require(try smtp.records().first)
    let attachments = mail["attachments"] as? [[String: Any]] ?? []
    #expect(attachments.count == 1, "one 62 KiB sheet fits in 0.07 MB, the second does not")
    #expect((mail["body"] as? String ?? "").contains("Not attached (over BRIEFING_MAIL_MAX_MB):\n- half-year-comparison/"))
  }

  @Test func onFailureMailsTheFindingWithItsLocation() throws {
    let (folder, smtp, environment) = try Self.setUp(hooks: "on_failure: \(Self.recipes)/mail-on-failure.sh\n")
    defer { smtp.server.stop() }
    try folder.breakData()
    let run = try folder.run(environment)
    #expect(run.status == 65, "\(run.stderr)")
    let mail = try #require(try smtp.records().first)
    #expect(mail["subject"] as? String == "简报运行失败 Briefing run failed: invalid")
    let body = mail["body"] as? String ?? ""
    #expect(body.contains("briefing: run failed: invalid (exit 65): "), "BRIEFING_SUMMARY")
    #expect(body.contains("- " + folder.path + "/data/observations.csv:5:18: '12a.5' is not a number [bad-number]"))
    #expect(body.contains("Open: http://intranet.example.org/briefings/index.html"))
    #expect((mail["attachments"] as? [Any])?.isEmpty == true)
  }
}

/// `Recipes/webhook.sh` posting to an HTTP endpoint on 127.0.0.1: the JSON of each kind, JSON
/// escaping, 钉钉's signature, and a robot's refusal reported as a failed hook.
@Suite(.serialized, .enabled(if: Receivers.curlAvailable, Comment(rawValue: Receivers.curlMissing)))
struct WebhookRecipeTests {
  static let script = CLI.root + "/Recipes/webhook.sh"

  static func json(_ record: [String: Any]) throws -> [String: Any] {
    let body = try #require(record["body"] as? String)
    return try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
  }

  /// A 企业微信 robot as `on_success` of a real run.
  @Test func onSuccessPostsAWeComTextMessage() throws {
    let folder = try JobFolder(extra: "on_success: \(Self.script)\n")
    let receiver = try Receivers.startWebhook(in: folder.path)
    defer { receiver.server.stop() }
    let run = try folder.run([
      "BRIEFING_WEBHOOK_KIND": "wecom",
      "BRIEFING_WEBHOOK_URL": "http://127.0.0.1:\(receiver.server.port)/cgi-bin/webhook/send?key=abc-123",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let post = try #require(try receiver.records().first)
    #expect(post["path"] as? String == "/cgi-bin/webhook/send")
    #expect(post["query"] as? [String: String] == ["key": "abc-123"])
    #expect(post["contentType"] as? String == "application/json; charset=utf-8")
    let message = try Self.json(post)
    #expect(message["msgtype"] as? String == "text")
    let content = (message["text"] as? [String: Any])?["content"] as? String ?? ""
    #expect(content.hasPrefix("简报已发布 Briefing published: 2024-H1 · 30 个文件 files\n运行 Run: "))
    #expect(content.hasSuffix("打开 Open: " + folder.output + "/index.html"))
  }

  /// Quotes, backslashes, tabs, newlines and non-BMP characters arrive as they were sent.
  @Test func theTextIsEscapedForJSON() throws {
    let scratch = try TestScratch.folder("webhook")
    let receiver = try Receivers.startWebhook(in: scratch, reply: "ok")
    defer { receiver.server.stop() }
    let summary = "briefing: run failed: \"quoted\" back\\slash\ttab 中文 😀 </script>"
    let run = try CLI.shell([Self.script], shell: "/bin/sh", environment: [
      "BRIEFING_STATUS": "invalid", "BRIEFING_SUMMARY": summary, "BRIEFING_FAILED_UNITS": "a/x-2024-H1\nb/y 2024-H1",
      "BRIEFING_MANIFEST": "", "BRIEFING_PERIOD": "2024-H1", "BRIEFING_RUN_ID": "20240705-070000",
      "BRIEFING_INDEX_URL": "http://intranet/briefings/index.html?a=1&b=2",
      "BRIEFING_WEBHOOK_URL": "http://127.0.0.1:\(receiver.server.port)/hook",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let message = try Self.json(try #require(try receiver.records().first))
    #expect(message as? [String: String] == [
      "text": """
        简报运行失败 Briefing run failed: invalid 2024-H1
        运行 Run: 20240705-070000
        \(summary)
        未发布 Not published: a/x-2024-H1, b/y 2024-H1
        打开 Open: http://intranet/briefings/index.html?a=1&b=2
        """
    ])
  }

  /// A 钉钉 robot with 加签 as `on_failure`: the URL carries a valid signature.
  @Test func onFailurePostsASignedDingTalkMessage() throws {
    let folder = try JobFolder(extra: "on_failure: \(Self.script)\n")
    let receiver = try Receivers.startWebhook(in: folder.path, secret: "SEC0123456789abcdef")
    defer { receiver.server.stop() }
    try folder.breakData()
    let run = try folder.run([
      "BRIEFING_WEBHOOK_KIND": "dingtalk", "BRIEFING_DINGTALK_SECRET": "SEC0123456789abcdef",
      "BRIEFING_WEBHOOK_URL": "http://127.0.0.1:\(receiver.server.port)/robot/send?access_token=t0k",
    ])
    #expect(run.status == 65, "\(run.stderr)")
    let post = try #require(try receiver.records().first)
    #expect(post["signOK"] as? Bool == true)
    #expect((post["query"] as? [String: String])?["access_token"] == "t0k")
    let content = (try Self.json(post)["text"] as? [String: Any])?["content"] as? String ?? ""
    #expect(content.hasPrefix("简报运行失败 Briefing run failed: invalid\n"))
    #expect(content.contains("observations.csv:5:18: '12a.5' is not a number [bad-number]"))
  }

  /// 企业微信 and 钉钉 refuse with HTTP 200 and an errcode; a server error is a 5xx. Either way
  /// the hook fails, so the run reports it (77) and the next run delivers again.
  @Test(arguments: [(200, #"{"errcode":310000,"errmsg":"keywords not in content"}"#), (500, "upstream down")])
  func aRefusalFailsTheHook(status: Int, reply: String) throws {
    let folder = try JobFolder(extra: "on_success: \(Self.script)\n")
    let receiver = try Receivers.startWebhook(in: folder.path, status: status, reply: reply)
    defer { receiver.server.stop() }
    let run = try folder.run([
      "BRIEFING_WEBHOOK_KIND": "dingtalk", "BRIEFING_WEBHOOK_URL": "http://127.0.0.1:\(receiver.server.port)/robot/send",
    ])
    #expect(run.status == 77, "\(run.stderr)")
    #expect(run.stderr.contains(status == 200 ? "keywords not in content" : "upstream down"), "\(run.stderr)")
    #expect((try folder.manifest()["delivery"] as? [String: Any])?["status"] as? String == "failed")
  }
}
