#!/bin/sh
# on_success recipe: mails the run's sheets (PDF attachments) through msmtp or any
# sendmail-compatible client.
#
#   on_success: /opt/briefing/Recipes/mail-on-success.sh
#
# Settings (environment of `briefing run`, e.g. in the crontab or the systemd unit):
#   BRIEFING_MAIL_TO       recipients, comma-separated (required)
#   BRIEFING_MAIL_FROM     From: header (default: the client adds its own, msmtp's `from`)
#   BRIEFING_MAIL_ATTACH   patterns of the output paths to attach (default: *.pdf)
#   BRIEFING_MAIL_MAX_MB   attachments in all at most this size; the others are named (default: 10)
#   BRIEFING_MAIL_SUBJECT  subject (default: 简报已发布 Briefing published: <period> · <n> files)
#   BRIEFING_INDEX_URL     address of index.html on your web server, put in the text
#   BRIEFING_SENDMAIL      the client, split at spaces (default: msmtp), e.g. "msmtp -a office";
#                          it gets -t and the message on standard input
# The message is built in full (python3, standard library) before the client starts.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
message=$(mktemp)
trap 'rm -f "$message"' EXIT
python3 "$here/briefing_notify.py" mail success >"$message"
# shellcheck disable=SC2086 # BRIEFING_SENDMAIL is a command with its arguments
${BRIEFING_SENDMAIL:-msmtp} -t <"$message"
