#!/bin/sh
# on_success / on_failure recipe: posts what the run did to a chat robot's webhook
# (企业微信 group robot, 钉钉 custom robot, or a Slack-style {"text": …} incoming webhook).
#
#   on_success: /opt/briefing/Recipes/webhook.sh
#   on_failure: /opt/briefing/Recipes/webhook.sh
#
# Settings:
#   BRIEFING_WEBHOOK_URL      the robot's webhook address (required)
#   BRIEFING_WEBHOOK_KIND     wecom | dingtalk | slack (default: slack)
#   BRIEFING_DINGTALK_SECRET  钉钉 "加签" secret: the URL gets timestamp and sign
#   BRIEFING_WEBHOOK_TIMEOUT  seconds for the request (default: 30)
#   BRIEFING_INDEX_URL        address of index.html on your web server, put in the text
# The JSON is written by python3's json module. Exits non-zero when the request fails or the
# robot answers with an errcode other than 0 (企业微信 and 钉钉 answer HTTP 200 even then).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
payload=$(mktemp)
reply=$(mktemp)
trap 'rm -f "$payload" "$reply"' EXIT
python3 "$here/briefing_notify.py" webhook >"$payload"
url=$(python3 "$here/briefing_notify.py" webhook-url)
if ! curl -sS --fail-with-body --max-time "${BRIEFING_WEBHOOK_TIMEOUT:-30}" \
  -H 'Content-Type: application/json; charset=utf-8' --data-binary @"$payload" -o "$reply" "$url"; then
  cat "$reply" >&2
  exit 1
fi
python3 "$here/briefing_notify.py" webhook-reply <"$reply"
