#!/usr/bin/env python3
"""Runs the standard `age` tool with a passphrase, as a person at a terminal would.

age reads passphrases only from a terminal, never from a pipe, so this gives it one (a pty)
and answers its prompts. Used by the journeys to prove Sightline's protected files open with
age, and that files age protects open in Sightline.

    age_tty.py encrypt IN OUT PASSPHRASE    age -p -o OUT IN
    age_tty.py decrypt IN OUT PASSPHRASE    age -d -o OUT IN
"""

import os
import pty
import sys


def run(args, passphrase):
    pid, terminal = pty.fork()
    if pid == 0:
        os.execvp("age", ["age", *args])
    seen = b""
    answered = 0
    while True:
        try:
            chunk = os.read(terminal, 1024)
        except OSError:  # the terminal closes when age exits
            break
        if not chunk:
            break
        seen += chunk
        # Each prompt ends with ": "; answer it once.
        if seen.count(b"passphrase") > answered and seen.rstrip(b" ").endswith(b":"):
            os.write(terminal, passphrase.encode() + b"\n")
            answered = seen.count(b"passphrase")
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.stderr.write(seen.decode(errors="replace"))
    return code


def main():
    action, source, target, passphrase = sys.argv[1:5]
    flag = {"encrypt": "-p", "decrypt": "-d"}[action]
    sys.exit(run([flag, "-o", target, source], passphrase))


if __name__ == "__main__":
    main()
