"""A standard-library client of ``cleave serve`` (the JSON Lines protocol of docs/protocol.md).

One :class:`Client` owns one ``java -jar cleave.jar serve`` process. Each protocol operation is
one method; a failed request raises :class:`CleaveError` carrying the server's ``code`` and its
one-line ``message``, and the server keeps serving. Reads have a timeout, so a dead or hung
server is an error (:class:`CleaveTimeout`, :class:`ServerExited`), not a hang; after such an
error the process is ended and the client refuses further requests.

Requests can be pipelined: :meth:`Client.call_many` writes several request lines at once and
reads their responses in order, which is how the environments make one step cost one round
trip.
"""

import collections
import json
import os
import select
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union

__all__ = ["Client", "CleaveError", "CleaveTimeout", "ServerExited", "find_jar", "encode_json", "PROTOCOL_VERSION",
           "MAX_BATCH_REQUESTS",
           "BUILD_COMMAND"]

#: The protocol version this client speaks (``ping``'s ``protocolVersion``).
PROTOCOL_VERSION = 1

#: The most requests one ``batch`` request carries (the server's limit).
MAX_BATCH_REQUESTS = 4096

#: The README's build command, which writes ``cli/target/cleave.jar``.
BUILD_COMMAND = "./mvnw -B -q -DskipTests package -pl cli -am"

_JAR_IN_CHECKOUT = Path("cli") / "target" / "cleave.jar"


class CleaveError(Exception):
    """An error response of the server (or of the transport).

    :ivar code: the protocol's error code (``invalid_input``, ``bad_request``, ``parse_error``,
        ``unknown_op``, ``unknown_handle``, ``unsupported``, ``too_large``, ``limit``,
        ``internal``), or ``timeout`` / ``server_exited`` / ``protocol`` for transport failures.
    :ivar message: the one-line message naming the field and its value.
    :ivar request_id: the ``id`` of the failed request, if any.
    """

    def __init__(self, code: str, message: str, request_id: Any = None):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.request_id = request_id


class CleaveTimeout(CleaveError):
    """No response within the client's ``timeout_seconds``; the server process was ended."""


class ServerExited(CleaveError):
    """The server process ended (or closed its output) before answering."""


def find_jar(jar: Union[str, os.PathLike, None] = None) -> Path:
    """The Cleave jar: ``jar`` if given, else ``$CLEAVE_JAR``, else ``cli/target/cleave.jar`` in
    the current directory or one of its parents, else in a parent of this package's own folder.

    :raises FileNotFoundError: saying where it looked and how to build the jar.
    """
    if jar is not None:
        path = Path(jar)
        if not path.is_file():
            raise FileNotFoundError(f"jar: {str(jar)!r} does not exist")
        return path
    env = os.environ.get("CLEAVE_JAR")
    if env:
        path = Path(env)
        if not path.is_file():
            raise FileNotFoundError(f"CLEAVE_JAR: {env!r} does not exist")
        return path
    starts = [Path.cwd(), Path(__file__).resolve().parent]
    for start in starts:
        for folder in [start, *start.parents]:
            candidate = folder / _JAR_IN_CHECKOUT
            if candidate.is_file():
                return candidate
    raise FileNotFoundError(
        f"no Cleave jar: give Client(jar=...) or set CLEAVE_JAR, or build {_JAR_IN_CHECKOUT} with "
        f"`{BUILD_COMMAND}` (the README's first command) in the Cleave checkout; looked in "
        f"the parents of {starts[0]} and of {starts[1]}")


#: The receive buffer, bytes: one ``readv`` takes at most this much of a response.
_RECV_BYTES = 1 << 20

_monotonic = time.monotonic
_write = os.write
_readv = getattr(os, "readv", None)
_select = select.select if hasattr(select, "select") else None


_ENCODER = json.JSONEncoder(separators=(",", ":"), allow_nan=False)
_loads = json.loads


def _dumps(obj: Any) -> bytes:
    return _ENCODER.encode(obj).encode("utf-8") + b"\n"


def encode_json(obj: Any) -> bytes:
    """``obj`` as compact JSON bytes (no spaces; NaN and infinities refused), as the client sends it."""
    return _ENCODER.encode(obj).encode("utf-8")


class Client:
    """Starts ``java -jar <jar> serve`` and wraps every request of the protocol.

    :param jar: the Cleave jar (see :func:`find_jar` for the default search).
    :param java: the ``java`` executable (default: ``$JAVA_HOME/bin/java`` if set, else ``java``
        on the ``PATH``).
    :param java_options: extra JVM options, e.g. ``["-Xmx2g"]``.
    :param timeout_seconds: how long one read may wait for the server (default 60 s: a cold
        solve of a large instance, including JIT warm-up, stays well inside it).
    :param check_version: ping the server once and refuse a ``protocolVersion`` other than
        :data:`PROTOCOL_VERSION`.
    :param cwd: the server's working directory (default: this process's working directory).
    :param command: the whole server command instead of ``java ... -jar <jar> serve`` (e.g. a
        wrapper script); ``jar``, ``java`` and ``java_options`` are then ignored.

    Use it as a context manager, or call :meth:`close`. Not thread-safe: one client per thread.
    """

    def __init__(self, jar: Union[str, os.PathLike, None] = None, *, java: Optional[str] = None,
                 java_options: Sequence[str] = (), timeout_seconds: float = 60.0,
                 check_version: bool = True, cwd: Union[str, os.PathLike, None] = None,
                 command: Optional[Sequence[str]] = None):
        if command is None:
            self.jar: Optional[Path] = find_jar(jar)
            self.java = java or self._default_java()
            command = [self.java, *java_options, "-jar", str(self.jar), "serve"]
        else:
            self.jar, self.java = None, str(command[0])
        if timeout_seconds <= 0:
            raise ValueError(f"timeout_seconds: {timeout_seconds!r}, expected > 0")
        self.timeout_seconds = float(timeout_seconds)
        self._next_id = 0
        self._buffer = bytearray()
        self._broken: Optional[CleaveError] = None
        self._stderr_tail: collections.deque = collections.deque(maxlen=40)
        try:
            self._process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                             stderr=subprocess.PIPE, cwd=cwd, bufsize=0)
        except FileNotFoundError:
            raise FileNotFoundError(f"{self.java!r} not found; install a JDK 17 or newer or set JAVA_HOME") from None
        self._stdin = self._process.stdin
        self._in_fd = self._stdin.fileno()
        self._out_fd = self._process.stdout.fileno()
        self._recv = bytearray(_RECV_BYTES)
        self._recv_view = memoryview(self._recv)
        self._recv_list = [self._recv]
        self._stderr_thread = threading.Thread(target=self._drain_stderr, name="cleave-serve-stderr", daemon=True)
        self._stderr_thread.start()
        self._use_select = os.name == "posix"
        if not self._use_select:  # pragma: no cover - Windows: pipes cannot be selected
            import queue
            self._lines: "queue.Queue[Optional[bytes]]" = queue.Queue()
            threading.Thread(target=self._read_lines_thread, name="cleave-serve-stdout", daemon=True).start()
        self.server_info: Dict[str, Any] = {}
        if check_version:
            try:
                self.server_info = self.ping()
            except BaseException:
                self._kill()
                raise
            version = self.server_info.get("protocolVersion")
            if version != PROTOCOL_VERSION:
                self._kill()
                raise CleaveError("protocol", f"protocolVersion: {version!r}, this client speaks {PROTOCOL_VERSION}")

    @staticmethod
    def _default_java() -> str:
        home = os.environ.get("JAVA_HOME")
        if home:
            candidate = Path(home) / "bin" / ("java.exe" if os.name == "nt" else "java")
            if candidate.is_file():
                return str(candidate)
        return shutil.which("java") or "java"

    # ------------------------------------------------------------------ transport

    def _drain_stderr(self) -> None:
        stream = self._process.stderr
        for line in iter(stream.readline, b""):
            self._stderr_tail.append(line.decode("utf-8", "replace").rstrip())

    def _read_lines_thread(self) -> None:  # pragma: no cover - Windows only
        for line in iter(self._process.stdout.readline, b""):
            self._lines.put(line)
        self._lines.put(None)

    def stderr_tail(self) -> List[str]:
        """The last lines the server wrote to standard error (at most 40)."""
        return list(self._stderr_tail)

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def alive(self) -> bool:
        """Whether the server process is running and the client usable."""
        return self._broken is None and self._process.poll() is None

    def _fail(self, error: CleaveError) -> CleaveError:
        self._broken = error
        self._kill()
        return error

    def _exited(self, when: str) -> ServerExited:
        status = self._process.poll()
        tail = "; ".join(self.stderr_tail()[-3:])
        return ServerExited("server_exited", f"cleave serve ended {when} (exit status {status})"
                                             + (f"; its last words: {tail}" if tail else ""))

    def _exchange(self, payload: bytes, count: int) -> List[bytes]:
        """Writes ``payload`` (``count`` request lines) and reads ``count`` response lines,
        interleaving writes and reads so that a long pipeline cannot dead-lock on full pipes.

        Reads go into one preallocated 1 MiB buffer (``os.readv``): ``os.read(fd, 1 MiB)`` would
        allocate, fault in and free a fresh megabyte on every call, about 100 us per round trip.
        """
        if self._broken is not None:
            raise CleaveError(self._broken.code, f"client unusable after an earlier failure: {self._broken.message}")
        if self._process.returncode is not None or self._process.poll() is not None:
            raise self._fail(self._exited("before the request"))
        if not self._use_select:  # pragma: no cover
            return self._exchange_threads(payload, count)
        lines: List[bytes] = []
        buffer = self._buffer
        view = memoryview(payload)
        written = 0
        in_fd = self._in_fd
        out_fd = self._out_fd
        recv = self._recv
        recv_view = self._recv_view
        deadline = _monotonic() + self.timeout_seconds
        if len(payload) <= 65536:  # fits a pipe buffer: one blocking write, then read
            try:
                while written < len(payload):
                    written += _write(in_fd, view[written:])
            except OSError:
                raise self._fail(self._exited("while reading a request")) from None
        else:
            os.set_blocking(in_fd, False)
        try:
            while True:
                if buffer:
                    start = 0
                    while len(lines) < count:
                        end = buffer.find(b"\n", start)
                        if end < 0:
                            break
                        lines.append(bytes(buffer[start:end]))
                        start = end + 1
                    if start:
                        del buffer[:start]
                    if len(lines) >= count:
                        break
                remaining = deadline - _monotonic()
                if remaining <= 0:
                    raise self._fail(CleaveTimeout(
                        "timeout", f"no response from cleave serve within {self.timeout_seconds:g} s; "
                                   f"the server process was ended"))
                want_write = [in_fd] if written < len(payload) else []
                readable, writable, _ = _select([out_fd], want_write, [], remaining)
                if writable:
                    try:
                        written += _write(in_fd, view[written:written + 1048576])
                    except BlockingIOError:
                        pass
                    except OSError:
                        raise self._fail(self._exited("while reading a request")) from None
                    if written >= len(payload):
                        os.set_blocking(in_fd, True)
                if readable:
                    n = _readv(out_fd, self._recv_list)
                    if not n:
                        self._process.wait(timeout=5)
                        raise self._fail(self._exited("before answering"))
                    if not buffer and recv[n - 1] == 10 and count - len(lines) == 1 and \
                            recv.find(b"\n", 0, n) == n - 1:
                        lines.append(bytes(recv_view[:n - 1]))  # the usual case: exactly the one line awaited
                        break
                    buffer += recv_view[:n]
        finally:
            if written < len(payload) and self._broken is None:
                os.set_blocking(in_fd, True)
        return lines

    def _exchange_threads(self, payload: bytes, count: int) -> List[bytes]:  # pragma: no cover - Windows
        import queue
        writer = threading.Thread(target=lambda: (self._stdin.write(payload), self._stdin.flush()), daemon=True)
        writer.start()
        lines = []
        deadline = time.monotonic() + self.timeout_seconds
        while len(lines) < count:
            try:
                line = self._lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise self._fail(CleaveTimeout("timeout", f"no response within {self.timeout_seconds:g} s")) from None
            if line is None:
                raise self._fail(self._exited("before answering"))
            lines.append(line.rstrip(b"\r\n"))
        return lines

    def _decode(self, line: bytes, request_id: Any) -> Dict[str, Any]:
        try:
            response = _loads(line)
        except ValueError:
            raise self._fail(CleaveError("protocol", f"not a JSON response: {line[:200]!r}")) from None
        if not isinstance(response, dict) or response.get("id") != request_id:
            raise self._fail(CleaveError("protocol", f"response {str(response)[:200]} does not answer request id {request_id!r}"))
        return response

    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def send_raw(self, line: bytes) -> Dict[str, Any]:
        """Sends one raw line (a newline is appended) and returns the decoded response object
        without checking it, error responses included. For testing the server's robustness."""
        if b"\n" in line:
            raise ValueError("line: contains a newline; send one line at a time")
        (response,) = self._exchange(line + b"\n", 1)
        try:
            return json.loads(response)
        except ValueError:
            raise self._fail(CleaveError("protocol", f"not a JSON response: {response[:200]!r}")) from None

    def call_many_raw(self, lines: Sequence[bytes]) -> List[Any]:
        """Pipelines raw lines (no newline inside) and returns the decoded responses unchecked.
        For testing the server's robustness with malformed requests."""
        for line in lines:
            if b"\n" in line:
                raise ValueError("lines: a line contains a newline")
        if not lines:
            return []
        out = []
        for response in self._exchange(b"".join(line + b"\n" for line in lines), len(lines)):
            try:
                out.append(json.loads(response))
            except ValueError:
                raise self._fail(CleaveError("protocol", f"not a JSON response: {response[:200]!r}")) from None
        return out

    def request(self, op: str, **fields: Any) -> Dict[str, Any]:
        """Sends ``{"op": op, **fields}`` and returns the response's ``result``.

        Fields whose value is ``None`` are left out. :raises CleaveError: on an error response.
        """
        return self.call_many([dict(op=op, **fields)])[0]

    def call_many(self, requests: Iterable[Mapping[str, Any]], *, raise_errors: bool = True) -> List[Any]:
        """Pipelines requests: writes them all, then reads their responses in order.

        Each request is a mapping with ``op`` and its fields (``None`` values dropped; the
        ``id`` is set by the client). Returns the ``result`` objects; with ``raise_errors``
        the first error response raises :class:`CleaveError` after every response was read, so
        the stream stays in step; without it, errors are returned as :class:`CleaveError`
        objects in their place.
        """
        ids, parts = [], []
        for r in requests:
            body = {k: v for k, v in r.items() if v is not None}
            request_id = self._new_id()
            body["id"] = request_id
            ids.append(request_id)
            try:
                parts.append(_dumps(body))
            except (TypeError, ValueError) as e:
                raise ValueError(f"request {body.get('op')!r}: {e}") from None
        if not parts:
            return []
        return self._results(self._exchange(b"".join(parts), len(parts)), ids, raise_errors)

    def call_encoded(self, parts: Sequence[bytes], *, raise_errors: bool = True) -> List[Any]:
        """:meth:`call_many` for requests already encoded: each part is a request's JSON object
        *without its closing brace* (e.g. ``b'{"op":"optimum","handle":"h1"'``); the client
        appends the ``id`` and the brace. For callers that send the same requests on every step
        and keep them encoded (the environments)."""
        ids, chunks = [], []
        for part in parts:
            self._next_id += 1
            ids.append(self._next_id)
            chunks.append(part)
            chunks.append(b',"id":%d}\n' % self._next_id)
        if not ids:
            return []
        return self._results(self._exchange(b"".join(chunks), len(ids)), ids, raise_errors)

    def _results(self, lines: List[bytes], ids: List[int], raise_errors: bool) -> List[Any]:
        out: List[Any] = []
        for line, request_id in zip(lines, ids):
            response = self._decode(line, request_id)
            if response.get("ok") is True:
                out.append(response.get("result"))
            else:
                error = response.get("error") or {}
                out.append(CleaveError(str(error.get("code", "protocol")), str(error.get("message", response)),
                                       request_id))
        if raise_errors:
            for item in out:
                if isinstance(item, CleaveError):
                    raise item
        return out

    def batch(self, requests: Sequence[Mapping[str, Any]], *, raise_errors: bool = True) -> List[Any]:
        """``batch``: sends the requests inside one ``{"op": "batch", "requests": [...]}`` line
        (at most 4,096) and returns their ``result`` objects in order; the server answers each as
        if it came on its own line. Errors as in :meth:`call_many`. One line, one parse and one
        response line for all of them: how :class:`~cleave.envs.VectorPartitionEnv` steps its
        environments in one round trip.
        """
        parts = []
        for r in requests:
            body = {k: v for k, v in r.items() if v is not None}
            try:
                parts.append(encode_json(body)[:-1])
            except (TypeError, ValueError) as e:
                raise ValueError(f"request {body.get('op')!r}: {e}") from None
        return self.batch_encoded(parts, raise_errors=raise_errors)

    def batch_encoded(self, parts: Sequence[bytes], *, raise_errors: bool = True) -> List[Any]:
        """:meth:`batch` for requests encoded as in :meth:`call_encoded` (JSON objects without
        their closing brace; no ``id`` needed: responses come in request order)."""
        if not parts:
            return []
        if len(parts) > MAX_BATCH_REQUESTS:
            raise ValueError(f"requests: {len(parts)} requests, at most {MAX_BATCH_REQUESTS} in one batch")
        (result,) = self.call_encoded([b'{"op":"batch","requests":[' + b"},".join(parts) + b"}]"])
        responses = result.get("responses") if isinstance(result, dict) else None
        if not isinstance(responses, list) or len(responses) != len(parts):
            raise self._fail(CleaveError("protocol", f"batch of {len(parts)} requests answered with "
                                                     f"{str(responses)[:200]}"))
        out: List[Any] = []
        for response in responses:
            if isinstance(response, dict) and response.get("ok") is True:
                out.append(response.get("result"))
            else:
                error = (response.get("error") if isinstance(response, dict) else None) or {}
                out.append(CleaveError(str(error.get("code", "protocol")), str(error.get("message", response)),
                                       response.get("id") if isinstance(response, dict) else None))
        if raise_errors:
            for item in out:
                if isinstance(item, CleaveError):
                    raise item
        return out

    # ------------------------------------------------------------------ operations

    def ping(self) -> Dict[str, Any]:
        """``ping``: ``protocolVersion``, ``server``, ``handles``, ``maxRequestBytes``."""
        return self.request("ping")

    def load(self, instance: Optional[Mapping[str, Any]] = None, *, path: Union[str, os.PathLike, None] = None,
             zoo: Optional[Mapping[str, Any]] = None, multiuser: Optional[Mapping[str, Any]] = None) -> str:
        """``load`` exactly one source and return its handle (``"h1"``, ...).

        :param instance: an instance JSON object (a dict, as in an instance file).
        :param path: an instance file (relative paths are resolved here, not by the server).
        :param zoo: a zoo spec, e.g. ``{"model": "resnet50", "view": "layers", "network": "4g"}``.
        :param multiuser: a P4 generator spec, e.g. ``{"users": 20, "units": 16}``.
        """
        given = [x is not None for x in (instance, path, zoo, multiuser)]
        if sum(given) != 1:
            raise ValueError("load: give exactly one of instance, path, zoo, multiuser")
        if path is not None:
            path = str(Path(path).resolve())
        return self.load_info(instance=instance, path=path, zoo=zoo, multiuser=multiuser)["handle"]

    def load_info(self, **source: Any) -> Dict[str, Any]:
        """``load`` returning the whole result (``handle``, ``family``, ``name``)."""
        return self.request("load", **source)

    def describe(self, handle: str) -> Dict[str, Any]:
        """``describe``: family, sense, state, solvers, layers / cut vertices / exits / users."""
        return self.request("describe", handle=handle)

    def set(self, handle: str, state: Optional[Mapping[str, Any]] = None, **fields: Any) -> Dict[str, Any]:
        """``set``: change the state (fields as in the protocol, e.g. ``uplinkBitsPerSecond``);
        returns the full current state."""
        merged = dict(state or {})
        merged.update(fields)
        return self.request("set", handle=handle, state=merged)["state"]

    def solve(self, handle: str, solver: Optional[str] = None, *, time_limit_seconds: Optional[float] = None,
              seed: Optional[int] = None, threads: Optional[int] = None, plan: bool = True) -> Dict[str, Any]:
        """``solve`` with a solver id (default: the family's default exact solver); with
        ``plan=False`` the full plan is left out and only its ``cost`` breakdown given."""
        return self.request("solve", handle=handle, solver=solver, timeLimitSeconds=time_limit_seconds,
                            seed=seed, threads=threads, plan=None if plan else False)

    def evaluate(self, handle: str, action: Mapping[str, Any], *, state: Optional[Mapping[str, Any]] = None,
                 with_optimum: bool = False, plan: bool = True) -> Dict[str, Any]:
        """``evaluate``: price ``action`` (a compact action or a full plan) on the current state,
        after applying ``state`` if given; with ``with_optimum`` also the optimum and regret; with
        ``plan=False`` the full plan is left out and only its ``cost`` breakdown given."""
        return self.request("evaluate", handle=handle, action=action, state=state,
                            withOptimum=True if with_optimum else None, plan=None if plan else False)

    def optimum(self, handle: str, *, plan: bool = True) -> Dict[str, Any]:
        """``optimum``: the default exact solver's result on the current state (cached); with
        ``plan=False`` the full plan is left out and only its ``cost`` breakdown given."""
        return self.request("optimum", handle=handle, plan=None if plan else False)

    def map(self, handle: str, from_bits_per_second: float, to_bits_per_second: float, *,
            exits: Union[str, Sequence[str], None] = None) -> Dict[str, Any]:
        """``map``: every piece of the optimal cost over an uplink range (P1, P2)."""
        return self.request("map", handle=handle, fromBitsPerSecond=from_bits_per_second,
                            toBitsPerSecond=to_bits_per_second,
                            exits=list(exits) if exits is not None and not isinstance(exits, str) else exits)

    def close_handle(self, handle: str) -> List[str]:
        """``close`` one handle; returns the closed handles."""
        return self.request("close", handle=handle)["closed"]

    def close(self, timeout_seconds: float = 10.0) -> Optional[int]:
        """Ends the server: ``close`` without a handle, then closing its input; waits up to
        ``timeout_seconds`` for it to exit and kills it otherwise. Returns its exit status.
        Idempotent."""
        process = self._process
        if process.poll() is None and self._broken is None:
            try:
                self.request("close")
            except CleaveError:
                pass
        self._broken = self._broken or CleaveError("closed", "the client was closed")
        try:
            self._stdin.close()
        except (OSError, ValueError):
            pass
        try:
            process.wait(timeout=timeout_seconds)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        self._release_pipes()
        return process.returncode

    def _kill(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:  # pragma: no cover
                pass
        self._release_pipes()

    def _release_pipes(self) -> None:
        self._stderr_thread.join(timeout=1.0)
        for stream in (self._process.stdin, self._process.stdout, self._process.stderr):
            try:
                stream.close()
            except (OSError, ValueError):
                pass

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self):  # best effort: never leave a server behind
        try:
            if self._process.poll() is None:
                self._process.kill()
        except Exception:
            pass

    def __repr__(self) -> str:
        return f"Client(jar={str(self.jar)!r}, pid={self._process.pid}, alive={self.alive})"
