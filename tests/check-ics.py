#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The calendar that `liaison --export-ics` writes, read by a parser that
# is not ours (the `icalendar` package): it parses, every event has what
# calendar programs need, no line is longer than 75 octets, and every
# event starts and ends exactly when the database says, with no passcode
# anywhere. Skipped (exit status 77) without the icalendar package.

import datetime
import os
import sqlite3
import subprocess
import sys
import tempfile

SKIP = 77

try:
    import icalendar
except ImportError:
    print("The Python package icalendar is not installed: skipped.")
    sys.exit(SKIP)


def fail(message):
    print("check-ics: " + message)
    sys.exit(1)


def run(binary, *arguments):
    env = dict(os.environ)
    # Headless, as scripts run it
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    result = subprocess.run([binary, *arguments], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        fail("%s failed (%d): %s" % (" ".join(arguments), result.returncode, result.stderr.strip()))
    if result.stderr:
        fail("%s wrote to stderr: %s" % (" ".join(arguments), result.stderr.strip()))
    return result.stdout


def utc(milliseconds):
    return datetime.datetime.fromtimestamp(milliseconds / 1000, tz=datetime.timezone.utc)


def as_utc(value, name, uid):
    when = value.dt
    if not isinstance(when, datetime.datetime) or when.tzinfo is None:
        fail("%s of %s is not a time in UTC: %r" % (name, uid, when))
    if when.utcoffset() != datetime.timedelta(0):
        fail("%s of %s is not in UTC: %r" % (name, uid, when))
    return when


def main():
    binary = os.environ.get("LIAISON_BINARY")
    if not binary:
        fail("LIAISON_BINARY is not set")

    with tempfile.TemporaryDirectory(prefix="liaison-ics-") as folder:
        database = os.path.join(folder, "office.db")
        calendar_path = os.path.join(folder, "seminars.ics")

        run(binary, "--database=" + database, "--demo")
        out = run(binary, "--database=" + database, "--export-ics=" + calendar_path)

        if (os.stat(calendar_path).st_mode & 0o777) != 0o600:
            fail("the calendar is readable by others")

        with open(calendar_path, "rb") as f:
            data = f.read()

        # Lines: CRLF only, at most 75 octets, whole UTF-8 characters
        if not data.endswith(b"\r\n"):
            fail("the calendar does not end in CRLF")
        for number, line in enumerate(data[:-2].split(b"\r\n"), start=1):
            if b"\n" in line or b"\r" in line:
                fail("line %d has a line break other than CRLF" % number)
            if len(line) > 75:
                fail("line %d is %d octets long" % (number, len(line)))
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                fail("line %d is not whole UTF-8" % number)

        try:
            calendar = icalendar.Calendar.from_ical(data)
        except Exception as error:
            fail("icalendar cannot parse the calendar: %s" % error)

        for name in ("VERSION", "PRODID"):
            if name not in calendar:
                fail("the calendar has no " + name)

        connection = sqlite3.connect("file:%s?mode=ro" % database, uri=True)
        try:
            rows = connection.execute(
                "SELECT uuid, start_utc, duration, status, passcode FROM seminar WHERE deleted_at IS NULL"
            ).fetchall()
        finally:
            connection.close()

        seminars = {uuid + "@liaison.jlgc.org": (start, duration, status) for uuid, start, duration, status, _ in rows}
        passcodes = [passcode for *_, passcode in rows if passcode]

        if not seminars:
            fail("the sample database has no seminars")
        if not passcodes:
            fail("the sample database has no passcodes to look for")
        for passcode in passcodes:
            if passcode.encode("utf-8") in data:
                fail("a passcode is in the calendar")

        expected_out = "Wrote %d seminars to %s.\n" % (len(seminars), calendar_path)
        if out != expected_out:
            fail("the command said %r, not %r" % (out, expected_out))

        statuses = {"planned": "TENTATIVE", "confirmed": "CONFIRMED", "held": "CONFIRMED", "cancelled": "CANCELLED"}
        seen = set()
        for event in calendar.walk("VEVENT"):
            for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
                if name not in event:
                    fail("an event has no " + name)

            uid = str(event["UID"])
            if uid in seen:
                fail("two events have the UID " + uid)
            seen.add(uid)
            if uid not in seminars:
                fail("the event %s is no seminar of the database" % uid)

            start, duration, status = seminars[uid]
            dtstart = as_utc(event["DTSTART"], "DTSTART", uid)
            dtend = as_utc(event["DTEND"], "DTEND", uid)
            as_utc(event["DTSTAMP"], "DTSTAMP", uid)
            if dtstart != utc(start):
                fail("%s starts at %s, not %s" % (uid, dtstart, utc(start)))
            if dtend != utc(start + duration * 60 * 1000):
                fail("%s ends at %s, not %s minutes after its start" % (uid, dtend, duration))
            if str(event.get("STATUS")) != statuses[status]:
                fail("%s has the status %s, not %s" % (uid, event.get("STATUS"), statuses[status]))
            if not str(event["SUMMARY"]).strip():
                fail("%s has no title" % uid)

        if seen != set(seminars):
            fail("%d seminars are missing from the calendar" % len(set(seminars) - seen))

    print("%d seminars checked" % len(seminars))


if __name__ == "__main__":
    main()
