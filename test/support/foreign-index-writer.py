"""A ggcode-style writer in a second process, for the lock interoperability test.

For each of COUNT new sessions it writes <id>.jsonl, then, holding flock(2) on index.json.flock
as newer ggcode does, reads index.json, adds the session's entry and replaces the file
atomically. It prints "ready" once started and "done" at the end.

usage: foreign-index-writer.py DIR PREFIX COUNT
"""
import fcntl
import json
import os
import random
import sys
import time


def replace_atomically(path, text):
    tmp = f"{path}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def add_entry(directory, entry):
    fd = os.open(os.path.join(directory, "index.json.flock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        index_path = os.path.join(directory, "index.json")
        try:
            with open(index_path, encoding="utf-8") as f:
                entries = json.load(f)
        except FileNotFoundError:
            entries = []
        entries.append(entry)
        replace_atomically(index_path, json.dumps(entries, indent=2))
    finally:
        os.close(fd)  # closing releases the flock


def main():
    directory, prefix, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    print("ready", flush=True)
    for i in range(count):
        sid = f"{prefix}-{i:04d}"
        meta = {"type": "meta", "session_id": sid, "title": sid, "created_at": "2026-01-01T00:00:00Z",
                "updated_at": "2026-01-01T00:00:00Z"}
        with open(os.path.join(directory, f"{sid}.jsonl"), "w", encoding="utf-8") as f:
            f.write(json.dumps(meta) + "\n")
        add_entry(directory, {"id": sid, "title": sid, "created_at": meta["created_at"],
                              "updated_at": meta["updated_at"], "msg_count": 0})
        time.sleep(random.uniform(0, 0.003))  # an agent between turns, not a tight loop
    print("done", flush=True)


main()
