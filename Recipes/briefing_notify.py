#!/usr/bin/env python3
"""Messages about a finished `briefing run`, for the hook recipes beside this file.

Reads the hook environment that `briefing run` sets (BRIEFING_STATUS, BRIEFING_MANIFEST,
BRIEFING_OUTPUT, BRIEFING_SUMMARY, BRIEFING_PERIOD, BRIEFING_RUN_ID, BRIEFING_FAILED_UNITS,
BRIEFING_INDEX) and the recipe's own settings (see Recipes/README.md), and prints:

  mail success      an RFC 5322 message with the run's files attached (MIME), for `sendmail -t`
  mail failure      an RFC 5322 message saying why the run failed
  webhook           the JSON body of a chat message (企业微信, 钉钉 or Slack-style)
  webhook-url       the URL to post it to (钉钉 with a signature when BRIEFING_DINGTALK_SECRET is set)
  webhook-reply     reads the server's reply on stdin; exits 1 when it reports an error

Python 3 standard library only. Exit status 64 for a missing or wrong setting.
"""

import base64
import email.policy
import email.utils
import fnmatch
import hashlib
import hmac
import json
import mimetypes
import os
import sys
import time
import urllib.parse
from email.message import EmailMessage

# Most findings listed in a message; the rest are counted.
MAX_FINDINGS = 20
# 企业微信 rejects text messages over 2048 bytes.
WECOM_MAX_BYTES = 2048


def fail(text):
    print("briefing_notify: " + text, file=sys.stderr)
    sys.exit(64)


def env(name, default=""):
    return os.environ.get(name, default)


def manifest():
    """The run's manifest as a dict; empty when the run wrote none."""
    path = env("BRIEFING_MANIFEST")
    if not path:
        return {}
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as error:
        fail(f"cannot read the manifest {path}: {error}")


def where_to_open():
    """BRIEFING_INDEX_URL (the page as your web server shows it), else the page's path."""
    return env("BRIEFING_INDEX_URL") or env("BRIEFING_INDEX") or env("BRIEFING_OUTPUT")


def location(finding):
    place = finding.get("location") or {}
    parts = [place.get("file")] + [str(place[key]) for key in ("line", "column") if place.get(key) is not None]
    return ":".join(part for part in parts if part)


def finding_lines(record):
    findings = [f for f in record.get("findings", []) if f.get("severity") == "error"]
    lines = []
    for finding in findings[:MAX_FINDINGS]:
        message = finding.get("message", {})
        place = location(finding)
        lines.append(f"- {place + ': ' if place else ''}{message.get('text', '')} [{message.get('code', '')}]")
    if len(findings) > MAX_FINDINGS:
        lines.append(f"- … {len(findings) - MAX_FINDINGS} more in the manifest")
    return lines


# MARK: - Text


def succeeded():
    return env("BRIEFING_STATUS") == "ok"


def headline(record):
    period = env("BRIEFING_PERIOD") or record.get("period") or ""
    if succeeded():
        count = len(record.get("outputs", []))
        return f"简报已发布 Briefing published: {period} · {count} 个文件 files"
    return f"简报运行失败 Briefing run failed: {env('BRIEFING_STATUS', 'unknown')} {period}".rstrip()


def text(record):
    """The message every recipe sends: headline, summary, failures, where to look."""
    lines = [headline(record)]
    if env("BRIEFING_RUN_ID"):
        lines.append(f"运行 Run: {env('BRIEFING_RUN_ID')}")
    if not succeeded():
        if env("BRIEFING_SUMMARY"):
            lines.append(env("BRIEFING_SUMMARY"))
        units = [name for name in env("BRIEFING_FAILED_UNITS").split("\n") if name]
        if units:
            shown = ", ".join(units[:10]) + (f" … (+{len(units) - 10})" if len(units) > 10 else "")
            lines.append(f"未发布 Not published: {shown}")
        found = finding_lines(record)
        if found:
            lines.append("问题 Findings:")
            lines += found
    lines.append(f"打开 Open: {where_to_open()}")
    return "\n".join(lines)


# MARK: - Mail


def attachments(record):
    """(path, bytes) of the outputs matching BRIEFING_MAIL_ATTACH (default `*.pdf`), up to
    BRIEFING_MAIL_MAX_MB (default 10) in all; and the names left out for size."""
    patterns = env("BRIEFING_MAIL_ATTACH", "*.pdf").split()
    try:
        budget = float(env("BRIEFING_MAIL_MAX_MB", "10")) * 1024 * 1024
    except ValueError:
        fail("BRIEFING_MAIL_MAX_MB must be a number of megabytes")
    chosen, left_out = [], []
    for output in record.get("outputs", []):
        path = output["path"]
        if not any(fnmatch.fnmatch(path, pattern) for pattern in patterns):
            continue
        if output["size"] > budget:
            left_out.append(path)
            continue
        with open(os.path.join(env("BRIEFING_OUTPUT"), path), "rb") as handle:
            chosen.append((path, handle.read()))
        budget -= output["size"]
    return chosen, left_out


def mail(kind):
    recipients = env("BRIEFING_MAIL_TO")
    if not recipients:
        fail("set BRIEFING_MAIL_TO to the recipients (comma-separated)")
    record = manifest()
    message = EmailMessage(policy=email.policy.SMTP)
    message["To"] = recipients
    if env("BRIEFING_MAIL_FROM"):
        message["From"] = env("BRIEFING_MAIL_FROM")
    message["Subject"] = env("BRIEFING_MAIL_SUBJECT") or headline(record)
    message["Date"] = email.utils.formatdate(localtime=True)
    message["Message-ID"] = email.utils.make_msgid(domain="briefing.invalid")
    body = text(record)
    files, left_out = attachments(record) if kind == "success" else ([], [])
    if files:
        body += "\n\n附件 Attached:\n" + "\n".join(f"- {path}" for path, _ in files)
    if left_out:
        body += "\n\n未附上（超过 BRIEFING_MAIL_MAX_MB）Not attached (over BRIEFING_MAIL_MAX_MB):\n"
        body += "\n".join(f"- {path}" for path in left_out)
    message.set_content(body + "\n")
    names = [os.path.basename(path) for path, _ in files]
    for (path, data), name in zip(files, names):
        if names.count(name) > 1:
            name = path.replace("/", "_")  # two layouts' sheets may share a file name
        kind_of = (mimetypes.guess_type(path)[0] or "application/octet-stream").split("/")
        message.add_attachment(data, maintype=kind_of[0], subtype=kind_of[1], filename=name)
    sys.stdout.buffer.write(message.as_bytes())


# MARK: - Webhook


def webhook_kind():
    kind = env("BRIEFING_WEBHOOK_KIND", "slack")
    if kind not in ("wecom", "dingtalk", "slack"):
        fail(f"BRIEFING_WEBHOOK_KIND must be wecom, dingtalk or slack (got '{kind}')")
    return kind


def webhook():
    kind = webhook_kind()
    content = text(manifest())
    if kind == "wecom":
        encoded = content.encode("utf-8")
        if len(encoded) > WECOM_MAX_BYTES:
            content = encoded[: WECOM_MAX_BYTES - 4].decode("utf-8", "ignore") + " …"
        body = {"msgtype": "text", "text": {"content": content}}
    elif kind == "dingtalk":
        body = {"msgtype": "text", "text": {"content": content}}
    else:
        body = {"text": content}
    sys.stdout.write(json.dumps(body, ensure_ascii=False) + "\n")


def webhook_url():
    url = env("BRIEFING_WEBHOOK_URL")
    if not url:
        fail("set BRIEFING_WEBHOOK_URL to the chat robot's webhook address")
    secret = env("BRIEFING_DINGTALK_SECRET")
    if webhook_kind() == "dingtalk" and secret:
        # 钉钉 "加签": HMAC-SHA256 of "<timestamp ms>\n<secret>" keyed with the secret, base64, URL-encoded.
        stamp = str(int(time.time() * 1000))
        digest = hmac.new(secret.encode(), f"{stamp}\n{secret}".encode(), hashlib.sha256).digest()
        sign = urllib.parse.quote_plus(base64.b64encode(digest))
        url += ("&" if "?" in url else "?") + f"timestamp={stamp}&sign={sign}"
    print(url)


def webhook_reply():
    """企业微信 and 钉钉 answer HTTP 200 with {"errcode": n, "errmsg": …}; n ≠ 0 is a failure."""
    reply = sys.stdin.read()
    try:
        answer = json.loads(reply)
    except ValueError:
        return  # Slack-style servers answer "ok"
    if isinstance(answer, dict) and answer.get("errcode", 0) != 0:
        print(f"briefing_notify: the webhook refused the message: {reply.strip()}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    commands = {
        ("mail", "success"): lambda: mail("success"),
        ("mail", "failure"): lambda: mail("failure"),
        ("webhook",): webhook,
        ("webhook-url",): webhook_url,
        ("webhook-reply",): webhook_reply,
    }
    command = commands.get(tuple(sys.argv[1:]))
    if command is None:
        fail("usage: briefing_notify.py mail success|failure | webhook | webhook-url | webhook-reply")
    command()
