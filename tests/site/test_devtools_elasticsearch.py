"""scripts/elasticsearch without a server: settings, the generated config, pid files, stopping, logs, the verbs.

The live server itself is tested in test_elasticsearch_server.py; these tests start no Elasticsearch and use
a cache folder of their own, so they never touch a server that is running.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from devtools.elasticsearch_server.distribution import Distribution, java_version
from devtools.elasticsearch_server.node import Node, last_lines
from devtools.elasticsearch_server.server_user import ServerUser
from devtools.elasticsearch_server.settings import Settings

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "elasticsearch"


def make_node(cache):
    return Node("bibnetz-dev-node", 9250, cache, cache / "data", cache / "logs", cache / "run")


def run_script(cache, *args, **environment):
    env = {**os.environ, "BIBNETZ_ES_CACHE": str(cache), "BIBNETZ_ES_PORT": "9259", **environment}
    return subprocess.run([SCRIPT, *args], env=env, capture_output=True, text=True, timeout=60, check=False)


def test_settings_defaults_and_layout(tmp_path):
    settings = Settings.from_environment({"BIBNETZ_ES_CACHE": str(tmp_path), "BIBNETZ_ES_PORT": ""})
    assert (settings.port, settings.version, settings.start_timeout) == (9200, "8.19.21", 120)
    assert settings.java_opts == "-Xms512m -Xmx512m"
    assert settings.distribution_dir == tmp_path / "8.19.21"
    assert (settings.data_dir, settings.logs_dir, settings.run_dir) == (
        tmp_path / "data",
        tmp_path / "logs",
        tmp_path / "run",
    )


@pytest.mark.parametrize("name", ["BIBNETZ_ES_PORT", "BIBNETZ_ES_START_TIMEOUT"])
def test_settings_refuse_what_is_not_a_number(name, capsys):
    with pytest.raises(SystemExit) as exited:
        Settings.from_environment({name: "92OO"})
    assert exited.value.code == 1
    assert f"ERROR: {name} must be" in capsys.readouterr().err


def test_elasticsearch_yml(tmp_path):
    yml = make_node(tmp_path).elasticsearch_yml({"discovery.type": "single-node"})
    settings = [line for line in yml.splitlines() if not line.startswith("#")]
    assert settings == [
        "cluster.name: bibnetz-dev",
        "node.name: bibnetz-dev-node",
        "discovery.type: single-node",
        "network.host: 127.0.0.1",
        "http.port: 9250",
        f"path.data: {tmp_path}/data",
        f"path.logs: {tmp_path}/logs",
        "xpack.security.enabled: false",
        "cluster.routing.allocation.disk.threshold_enabled: false",
        "action.destructive_requires_name: false",
    ]


def test_write_config_rewrites_run_and_keeps_data(tmp_path):
    config = tmp_path / "8.19.21" / "config"
    (config / "jvm.options.d").mkdir(parents=True)
    (config / "jvm.options").write_text("-XX:ErrorFile=hs_err_pid%p.log\n-Xlog:gc*:file=gc.log:utctime\n")
    node = make_node(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "index").write_text("kept")
    (tmp_path / "run").mkdir()
    (tmp_path / "run" / "stale").write_text("gone")

    node.write_config(
        Distribution("8.19.21", tmp_path / "8.19.21"),
        {"discovery.type": "single-node"},
        ServerUser("me", os.getuid(), os.getgid()),
    )

    logs = tmp_path / "logs"
    assert (node.config_dir / "jvm.options").read_text() == (
        f"-XX:ErrorFile={logs}/hs_err_pid%p.log\n-Xlog:gc*:file={logs}/gc.log:utctime\n"
    )
    assert (node.config_dir / "jvm.options.d" / "bibnetz.options").read_text() == (
        f"-XX:HeapDumpPath={logs}\n-XX:ReplayDataFile={logs}/replay_pid%p.log\n"
    )
    assert "http.port: 9250" in (node.config_dir / "elasticsearch.yml").read_text()
    assert node.port_file.read_text() == "9250\n"
    assert (tmp_path / "data" / "index").read_text() == "kept"
    assert not (tmp_path / "run" / "stale").exists() and (tmp_path / "run" / "tmp").is_dir()


def wait_for_exec(pid, text, seconds=10):
    """Until the child has exec'd: before that its command line is still this test run's."""
    deadline = time.monotonic() + seconds
    cmdline = Path(f"/proc/{pid}/cmdline")
    while text not in cmdline.read_bytes().decode(errors="replace") and time.monotonic() < deadline:
        time.sleep(0.01)


def test_a_pid_file_counts_only_for_a_process_that_names_the_cache(tmp_path):
    node = make_node(tmp_path)
    node.run_dir.mkdir()
    node.launcher_pid_file.write_text(f"{os.getpid()}\n")  # this test run: alive, but not one of ours
    assert not node.is_running()
    ours = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", f"{tmp_path}/marker"])
    try:
        wait_for_exec(ours.pid, f"{tmp_path}/marker")
        node.launcher_pid_file.write_text(f"{ours.pid}\n")
        assert node.is_running() and node.launcher_pid() == ours.pid
        node.stop()
        assert ours.wait(timeout=10) != 0
        assert not node.launcher_pid_file.exists()
    finally:
        ours.kill()
        ours.wait()


def test_last_lines_like_tail(tmp_path):
    log = tmp_path / "log"
    log.write_bytes(b"".join(b"line %d\n" % number for number in range(100_000)))
    assert last_lines(log, 2) == [b"line 99998", b"line 99999"]
    assert last_lines(log, 0) == []
    assert last_lines(tmp_path / "missing", 5) == []
    size = log.stat().st_size
    with open(log, "ab") as file:
        file.write(b"new 1\nnew 2\nnew 3")
    assert last_lines(log, 30, start=size) == [b"new 1", b"new 2", b"new 3"]


def test_java_version_from_the_release_file(tmp_path):
    (tmp_path / "release").write_text('IMPLEMENTOR="Eclipse Adoptium"\nJAVA_VERSION="25.0.1"\n')
    assert java_version(tmp_path) == 25
    assert java_version(tmp_path / "missing") is None


def test_verbs_without_a_server(tmp_path):
    assert run_script(tmp_path, "url").returncode == 1
    status = run_script(tmp_path, "status")
    assert (status.returncode, status.stdout) == (3, "not running\n")
    (tmp_path / "data").mkdir()
    assert run_script(tmp_path, "status").stdout == f"not running\ndata: {tmp_path}/data (kept)\n"
    logs = run_script(tmp_path, "logs")
    assert logs.returncode == 1 and "no log yet" in logs.stderr
    stop = run_script(tmp_path, "stop")
    assert (stop.returncode, stop.stderr) == (0, "elasticsearch: not running\n")


def test_logs_prints_the_last_lines(tmp_path):
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "bibnetz-dev.log").write_text("one\ntwo\nthree\n")
    assert run_script(tmp_path, "logs", "2").stdout == "two\nthree\n"


@pytest.mark.parametrize(("args", "code"), [((), 2), (("frobnicate",), 2), (("--help",), 0)])
def test_usage(tmp_path, args, code):
    result = run_script(tmp_path, *args)
    assert result.returncode == code
    assert "scripts/elasticsearch start [--clean]" in result.stderr


def test_start_refuses_unknown_options(tmp_path):
    result = run_script(tmp_path, "start", "--nodes")
    assert result.returncode == 1 and "unknown option for start: --nodes" in result.stderr
