"""Holds flock(2) on a file, as ggcode does, until its standard input closes.

It opens PATH with O_RDWR|O_CREAT, mode 0600 (ggcode's flags), takes LOCK_EX, prints "locked",
and releases the lock (by exiting) once standard input reaches its end.

usage: flock-holder.py PATH
"""
import fcntl
import os
import sys

fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
print("locked", flush=True)
sys.stdin.read()
