"""The client's process handling against stand-in servers (no jar needed): timeouts, a server
that dies, garbage on its output, long pipelines, and the jar search."""

import os
import sys
import tempfile
import textwrap
import time
import unittest
from pathlib import Path
from unittest import mock

import support  # noqa: F401
from cleave import CleaveError, CleaveTimeout, Client, ServerExited, find_jar

ECHO_SERVER = textwrap.dedent("""
    import json, sys
    for line in sys.stdin:
        r = json.loads(line)
        if r.get("op") == "close" and "handle" not in r:
            print(json.dumps({"id": r["id"], "ok": True, "result": {"closed": []}}), flush=True)
            break
        if r.get("op") == "fail":
            print(json.dumps({"id": r["id"], "ok": False, "error": {"code": "invalid_input", "message": "x: 1"}}), flush=True)
            continue
        print(json.dumps({"id": r.get("id"), "ok": True, "result": {"echo": r, "pad": "p" * r.get("pad", 0)}}), flush=True)
""")


def stand_in(code, **kwargs):
    return Client(command=[sys.executable, "-c", code], check_version=False, **kwargs)


class TransportTest(unittest.TestCase):

    def test_request_and_error_response(self):
        with stand_in(ECHO_SERVER) as c:
            self.assertEqual(c.request("anything", x=1, skipped=None)["echo"], {"op": "anything", "x": 1, "id": 1})
            with self.assertRaises(CleaveError) as e:
                c.request("fail")
            self.assertEqual((e.exception.code, e.exception.message, e.exception.request_id), ("invalid_input", "x: 1", 2))
            self.assertTrue(c.alive, "an error response leaves the client usable")
            self.assertEqual(c.request("again")["echo"]["op"], "again")

    def test_long_pipeline_does_not_deadlock(self):
        # 300 requests of 1 KiB answered with 20 KiB each: far more than both pipe buffers
        with stand_in(ECHO_SERVER, timeout_seconds=60) as c:
            results = c.call_many([{"op": "x", "pad": 20000, "blob": "b" * 1024} for _ in range(300)])
            self.assertEqual(len(results), 300)
            self.assertTrue(all(len(r["pad"]) == 20000 for r in results))
            mixed = c.call_many([{"op": "x"}, {"op": "fail"}, {"op": "y"}], raise_errors=False)
            self.assertIsInstance(mixed[1], CleaveError)
            self.assertEqual(mixed[2]["echo"]["op"], "y")

    def test_silent_server_times_out_and_is_ended(self):
        c = stand_in("import time; time.sleep(120)", timeout_seconds=0.5)
        start = time.monotonic()
        with self.assertRaises(CleaveTimeout):
            c.request("ping")
        self.assertLess(time.monotonic() - start, 30)
        self.assertFalse(c.alive)
        with self.assertRaises(CleaveError) as e:
            c.request("ping")
        self.assertIn("unusable", e.exception.message)
        c.close()

    def test_dying_server_is_an_error_with_its_last_words(self):
        c = stand_in("import sys; sys.stdin.readline(); sys.stderr.write('boom\\n'); sys.stderr.flush(); sys.exit(3)")
        with self.assertRaises(ServerExited) as e:
            c.request("ping")
        self.assertIn("exit status 3", e.exception.message)
        self.assertIn("boom", e.exception.message)
        self.assertEqual(c.close(), 3)

    def test_garbage_and_wrong_id_are_protocol_errors(self):
        for code, expected in (("print('not json', flush=True)", "not a JSON response"),
                               ("print('{\"id\": 99, \"ok\": true}', flush=True)", "does not answer request id 1")):
            c = stand_in("import sys; sys.stdin.readline(); " + code + "; sys.stdin.readline()")
            with self.assertRaises(CleaveError) as e:
                c.request("ping")
            self.assertEqual(e.exception.code, "protocol")
            self.assertIn(expected, e.exception.message)
            c.close()

    def test_version_mismatch_is_refused(self):
        server = ECHO_SERVER.replace('"result": {"echo": r,', '"result": {"protocolVersion": 99, "echo": r,')
        with self.assertRaises(CleaveError) as e:
            Client(command=[sys.executable, "-c", server])
        self.assertIn("protocolVersion: 99", e.exception.message)

    def test_missing_executable(self):
        with self.assertRaises(FileNotFoundError):
            Client(command=["/nonexistent/java"], check_version=False)


class FindJarTest(unittest.TestCase):

    def test_explicit_env_and_missing(self):
        with tempfile.TemporaryDirectory() as d:
            jar = Path(d) / "cleave.jar"
            jar.write_bytes(b"PK")
            self.assertEqual(find_jar(jar), jar)
            with mock.patch.dict(os.environ, {"CLEAVE_JAR": str(jar)}):
                self.assertEqual(find_jar(), jar)
            with mock.patch.dict(os.environ, {"CLEAVE_JAR": str(Path(d) / "nope.jar")}):
                with self.assertRaises(FileNotFoundError) as e:
                    find_jar()
                self.assertIn("CLEAVE_JAR", str(e.exception))
            with self.assertRaises(FileNotFoundError):
                find_jar(Path(d) / "nope.jar")

    def test_walks_up_from_the_working_directory(self):
        with tempfile.TemporaryDirectory() as d:
            jar = Path(d) / "cli" / "target" / "cleave.jar"
            jar.parent.mkdir(parents=True)
            jar.write_bytes(b"PK")
            deep = Path(d) / "a" / "b"
            deep.mkdir(parents=True)
            env = {k: v for k, v in os.environ.items() if k != "CLEAVE_JAR"}
            with mock.patch.dict(os.environ, env, clear=True), mock.patch("pathlib.Path.cwd", return_value=deep):
                self.assertEqual(find_jar().resolve(), jar.resolve())

    def test_message_says_how_to_build(self):
        with tempfile.TemporaryDirectory() as d:
            env = {k: v for k, v in os.environ.items() if k != "CLEAVE_JAR"}
            with mock.patch.dict(os.environ, env, clear=True), \
                    mock.patch("pathlib.Path.cwd", return_value=Path(d)), \
                    mock.patch("cleave.client.__file__", str(Path(d) / "site" / "cleave" / "client.py")):
                with self.assertRaises(FileNotFoundError) as e:
                    find_jar()
            self.assertIn("./mvnw -B -q -DskipTests package -pl cli -am", str(e.exception))


if __name__ == "__main__":
    unittest.main()
