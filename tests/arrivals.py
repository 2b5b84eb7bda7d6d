"""When a request reached the test server: the kernel's receive time of its first bytes
(SO_TIMESTAMPNS), not the time a server thread got round to reading them.

Politeness tests measure gaps between request arrivals on the site's side. A stamp taken
in a server thread (after the accept loop, a thread start and the GIL) is late by however
long the thread waited, a few ms idle but tens or hundreds of ms on a loaded machine, and
a late stamp on one request shortens the gap after it: a polite crawler would look rude.
The kernel stamps each packet as it is received, whoever runs then.

Stamps are seconds on the wall clock (CLOCK_REALTIME, the kernel's clock for them), to be
compared with each other only. Where the kernel has no such option, time.time() at the
first read stands in.
"""

from __future__ import annotations

import socket
import struct
import time

# Linux's value on x86 and ARM (Python does not export the name).
SO_TIMESTAMPNS = getattr(socket, "SO_TIMESTAMPNS", 35)
_TIMESPEC = struct.Struct("qq")


def stamp_arrivals(listener: socket.socket) -> bool:
    """Ask the kernel to stamp what the listener's connections receive (accepted sockets
    inherit the option). False where it cannot."""
    try:
        listener.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
    except OSError:
        return False
    return True


def arrival_time(conn: socket.socket) -> float | None:
    """When the connection's first unread bytes arrived (waits for them; the bytes stay
    unread), or None when the peer closed without sending any."""
    try:
        data, ancillary, _, _ = conn.recvmsg(1, socket.CMSG_SPACE(_TIMESPEC.size),
                                             socket.MSG_PEEK)
    except OSError:
        return None
    if not data:
        return None
    for level, kind, value in ancillary:
        if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS:
            seconds, nanoseconds = _TIMESPEC.unpack(value[:_TIMESPEC.size])
            return seconds + nanoseconds / 1e9
    return time.time()
