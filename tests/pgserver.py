"""A throwaway PostgreSQL server for the tests (Debian's postgresql: initdb + pg_ctl), on a free port."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def _bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for d in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (d / name).exists():
            return str(d / name)
    return None


def available() -> str | None:
    """None when a server can be started here, else why not."""
    if not (_bin("initdb") and _bin("pg_ctl")):
        return "PostgreSQL's initdb and pg_ctl are not installed (apt-get install postgresql)"
    return None


class PgServer:
    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="explainer-pg-"))
        self.data = self.dir / "data"
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.as_postgres = os.geteuid() == 0          # postgres refuses to run as root
        if self.as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")

    def _run(self, *cmd: str) -> None:
        full = (["runuser", "-u", "postgres", "--"] if self.as_postgres else []) + list(cmd)
        subprocess.run(full, check=True, capture_output=True, timeout=120)

    def start(self) -> str:
        self._run(_bin("initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")
        self.resume()
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def halt(self) -> None:
        """Stop the server (as an outage would), keeping its data for ``resume``."""
        self._run(_bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def resume(self) -> None:
        """Start it (again) on the same port and data."""
        self._run(_bin("pg_ctl"), "-D", str(self.data), "-l", str(self.dir / "log"), "-w", "-o",
                  f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
                  "start")

    def stop(self) -> None:
        try:
            self._run(_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        except subprocess.CalledProcessError:      # already stopped (a test's outage)
            pass
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
