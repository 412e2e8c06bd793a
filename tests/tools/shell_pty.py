#!/usr/bin/env python3
"""Drives `ecg shell` through a pseudo-terminal, as a person would: Enter on a
complete one-line query, Tab completion, Ctrl-C at the prompt and during a
running query, history written as each query runs, and bare `help`.
Usage: shell_pty.py ECG DB HOME. Exits non-zero with a message on failure."""
import os
import pty
import select
import sys
import time

ecg, db, home = sys.argv[1:4]
env = dict(os.environ, HOME=home, TERM="xterm", COLUMNS="100")
pid, fd = pty.fork()
if pid == 0:
    os.execvpe(ecg, [ecg, "--db", db, "shell", "--timeout-ms", "120000",
                     "--max-expansions", "100000000000"], env)

buf = b""
seen = b""


def expect(what, timeout=20):
    """Reads until `what` appears after the previous match."""
    global buf, seen
    want = what.encode()
    end = time.time() + timeout
    while want not in buf:
        left = end - time.time()
        if left <= 0:
            sys.exit("timed out waiting for %r; screen so far:\n%s" % (what, buf.decode("utf-8", "replace")))
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                sys.exit("shell ended waiting for %r:\n%s" % (what, buf.decode("utf-8", "replace")))
            buf += chunk
    seen += buf[:buf.index(want) + len(want)]
    buf = buf[buf.index(want) + len(want):]


def send(text):
    os.write(fd, text.encode())


expect("ecg> ")
# A complete one-line query runs on Enter.
send("entity | where name = \"ACME Corp\" | count\r")
expect("(1 row)")
expect("ecg> ")
# History is written as the query runs, not only on exit.
hist = open(os.path.join(home, ".ecg_history")).read()
if "ACME Corp" not in hist:
    sys.exit("history not saved after the query: %r" % hist)
# Tab completes a kind and a keyword.
send("artic\t| cou\t\r")
expect("(1 row)")
expect("ecg> ")
# Ctrl-C at the prompt clears the line; the next query runs alone.
send("entity | where contry\x03")
expect("ecg> ")
send("entity | where name = \"ACME Corp\" | count\r")
expect("(1 row)")
expect("ecg> ")
# An incomplete query continues on the next line.
send("entity | where\r")
expect("...> ")
send("name = \"ACME Corp\" | count\r")
expect("(1 row)")
expect("ecg> ")
# `help` is the shell's help, not a vertex kind.
send("help\r")
expect(".schema")
expect("ecg> ")
# Ctrl-C cancels a running query and the shell stays.
send("entity" + " -- *" * 14 + " | count\r")
time.sleep(1.5)
start = time.time()
send("\x03")
expect("query cancelled", timeout=30)
if time.time() - start > 10:
    sys.exit("cancel took %.1f s" % (time.time() - start))
expect("ecg> ")
send("entity | where name = \"ACME Corp\" | count\r")
expect("(1 row)")
send(".quit\r")
_, status = os.waitpid(pid, 0)
if os.WEXITSTATUS(status) != 0:
    sys.exit("shell exited %d" % os.WEXITSTATUS(status))
print("ok")
