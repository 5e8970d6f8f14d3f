#!/bin/sh
# on_failure recipe: mails why the run failed (status, the one-line summary, the findings with
# file:line:column, the units not published) through msmtp or any sendmail-compatible client.
#
#   on_failure: /opt/briefing/Recipes/mail-on-failure.sh
#
# Settings: BRIEFING_MAIL_TO (required), BRIEFING_MAIL_FROM, BRIEFING_MAIL_SUBJECT,
# BRIEFING_INDEX_URL and BRIEFING_SENDMAIL, as for mail-on-success.sh. Nothing is attached.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
message=$(mktemp)
trap 'rm -f "$message"' EXIT
python3 "$here/briefing_notify.py" mail failure >"$message"
# shellcheck disable=SC2086 # BRIEFING_SENDMAIL is a command with its arguments
${BRIEFING_SENDMAIL:-msmtp} -t <"$message"
