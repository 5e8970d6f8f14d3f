import Foundation

// MARK: - Receivers on 127.0.0.1 for the recipe tests

/// An SMTP server (Debian's `python3-aiosmtpd`) and a webhook endpoint (`http.server`) that keep
/// what they receive as JSON files in a folder, written before they answer, so a recipe that
/// exited has its message on disk. Parsing is Python's own `email` and `json` modules, not the
/// recipe helper's code.
enum Receivers {
  static var smtpAvailable: Bool {
    FileManager.default.isExecutableFile(atPath: "/usr/bin/msmtp")
      && ((try? CLI.shell(["-c", "import aiosmtpd"], shell: LoopbackServer.python).status) == 0)
  }
  static let smtpMissing =
    "SKIPPED: msmtp or python3-aiosmtpd is not installed, so the mail recipes were not tried (apt-get install msmtp python3-aiosmtpd, or run `make test`)"
  static var curlAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") }
  static let curlMissing = "SKIPPED: curl is not installed, so the webhook recipe was not tried (apt-get install curl, or run `make test`)"

  /// Each message as `NNN.json`: envelope (`from`, `to`), `subject` (decoded), `body` (the
  /// text part, lines ending in `\n`), `attachments` (`filename`, `type`, `size`, `sha256`).
  static let smtp = #"""
    import asyncio, email, email.policy, hashlib, json, os, sys
    from aiosmtpd.smtp import SMTP
    folder = sys.argv[1]
    class Keep:
        async def handle_DATA(self, server, session, envelope):
            number = len([name for name in os.listdir(folder) if name.endswith(".json")])
            message = email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default)
            record = {
                "from": envelope.mail_from, "to": envelope.rcpt_tos, "subject": str(message["subject"]),
                "body": message.get_body(("plain",)).get_content().replace("\r\n", "\n"),
                "attachments": [{"filename": part.get_filename(), "type": part.get_content_type(),
                                 "size": len(part.get_payload(decode=True)),
                                 "sha256": hashlib.sha256(part.get_payload(decode=True)).hexdigest()}
                                for part in message.iter_attachments()]}
            with open(f"{folder}/.{number:03}.json", "w", encoding="utf-8") as handle:
                json.dump(record, handle, ensure_ascii=False)
            os.rename(f"{folder}/.{number:03}.json", f"{folder}/{number:03}.json")
            return "250 Message accepted"
    async def main():
        server = await asyncio.get_running_loop().create_server(lambda: SMTP(Keep()), "127.0.0.1", 0)
        print("listening on port", server.sockets[0].getsockname()[1], flush=True)
        await server.serve_forever()
    asyncio.run(main())
    """#

  /// Each POST as `NNN.json`: `path`, `query` (decoded), `contentType`, `body` (text), and with
  /// a 钉钉 secret given, `signOK` (the `sign` matches `timestamp`). Answers `status` and `reply`.
  static let webhook = #"""
    import base64, hashlib, hmac, http.server, json, os, sys, urllib.parse
    folder, status, reply, secret = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    class Keep(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            url = urllib.parse.urlsplit(self.path)
            query = {key: values[0] for key, values in urllib.parse.parse_qs(url.query).items()}
            record = {"path": url.path, "query": query, "contentType": self.headers["Content-Type"], "body": body.decode("utf-8")}
            if secret:
                digest = hmac.new(secret.encode(), f"{query.get('timestamp', '')}\n{secret}".encode(), hashlib.sha256).digest()
                record["signOK"] = query.get("sign") == base64.b64encode(digest).decode()
            number = len([name for name in os.listdir(folder) if name.endswith(".json")])
            with open(f"{folder}/{number:03}.json", "w", encoding="utf-8") as handle:
                json.dump(record, handle, ensure_ascii=False)
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(reply.encode())
        def log_message(self, *arguments):
            pass
    server = http.server.HTTPServer(("127.0.0.1", 0), Keep)
    print("listening on port", server.server_address[1], flush=True)
    server.serve_forever()
    """#

  /// A started receiver and the folder it keeps its records in.
  struct Running {
    let server: LoopbackServer
    let folder: String

    /// The records received so far, in order.
    func records() throws -> [[String: Any]] {
      try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
        .sorted().map { name in
          let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
          return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        }
    }
  }

  static func startSMTP(in scratch: String) throws -> Running {
    let folder = scratch + "/received"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return Running(server: try LoopbackServer(python: ["-c", smtp, folder], in: scratch), folder: folder)
  }

  static func startWebhook(in scratch: String, status: Int = 200, reply: String = #"{"errcode":0,"errmsg":"ok"}"#, secret: String = "")
    throws -> Running
  {
    let folder = scratch + "/received"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return Running(
      server: try LoopbackServer(python: ["-c", webhook, folder, "\(status)", reply, secret], in: scratch), folder: folder)
  }

  /// An msmtp configuration for the SMTP receiver: plain SMTP on loopback, no TLS, no auth;
  /// the sender is `briefing@example.org`. Returns its path (mode 0600, as msmtp wants).
  static func msmtprc(in scratch: String, port: Int) throws -> String {
    let path = scratch + "/msmtprc"
    try """
      defaults
      auth off
      tls off
      account default
      host 127.0.0.1
      port \(port)
      from briefing@example.org

      """.write(toFile: path, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    return path
  }
}
