"""A data plane for moto-ecs.py (MOTO_ECS_RUN_TASKS=1): a rehearsal stand-in, not a model of ECS, of an ALB or of RDS.

moto answers the AWS APIs and runs nothing. With this module loaded, what a deploy asks for really happens on this
machine's Docker engine, so the pipeline's HTTP checks have something to reach:
- a service rolled to a task definition runs its image (`docker run -d --network host`, one container per desired
  task, each on a port of its own given as ASPNETCORE_HTTP_PORTS), registered in its target groups as the target
  `127.0.0.N:<port>` (moto keys targets by id alone, so each task gets its own loopback address); a new deployment
  starts the new containers, then removes the old ones; desired 0 removes them all;
- RunTask (MigrateDb's one-off task, the recovery drill's) runs the image with the task's command and environment
  overrides; the task stays RUNNING until the container exits, then STOPPED with its exit code, its output in the
  task's awslogs stream. A container that maps ports gets a port of its own (ASPNETCORE_HTTP_PORTS), and its task's
  ENI address (privateIPv4Address in DescribeTasks) is a 127.0.0.N the proxies and health checks reach, so it can
  be registered as an ip target. StopTask stops the container (SIGTERM, then SIGKILL after stopTimeout); the task
  ends STOPPED with the reason given and stopCode UserInitiated;
- target health is the target group's health check path answering 200 (moto alone says healthy at once); a stopped
  one-off task's target times out;
- per ELBv2 listener, an HTTP proxy on 127.0.0.1:<MOTO_ECS_PROXY_PORT_OFFSET + listener port> matches each request
  against the listener's rules by priority (conditions http-header, path-pattern, host-header, http-request-method,
  query-string, source-ip; * and ? wildcards), takes the first matching rule's forward action, else the default
  action's, and sends the request to a target of one of its target groups, picked by the weights it has at that
  moment; it records RequestCount, HTTPCode_Target_5XX_Count and TargetResponseTime of that group in moto's
  CloudWatch, as an ALB would. Other actions (fixed-response, redirect) answer 503;
- with DATABASE_URL set, RDS instances of engine postgres are backed by real PostgreSQL: CreateDBSnapshot takes a
  `pg_dump -Fc` of the instance's database (DATABASE_URL's, which every instance moto made stands for) into
  <MOTO_ECS_STATE_DIR, else a temp folder>/rds-snapshots/<snapshot id>.dump; RestoreDBInstanceFromDBSnapshot starts
  a PostgreSQL server of its own (initdb in a temp folder, 127.0.0.1:<free port>, fsync off) with DATABASE_URL's user,
  password and database, restores the dump, and reports the instance creating without an endpoint until then, and
  then available at Endpoint 127.0.0.1:<port>; DeleteDBInstance stops that server and removes its folder.
Containers get the task definition's environment, and DATABASE_URL from this process's environment when set (the
tasks use a real PostgreSQL); its value is passed through the Docker CLI's environment, never on a command line, as
PostgreSQL passwords go through PGPASSWORD or psql's standard input. Every container carries the label
moto-ecs.launcher=<pid>, and shut_down() (the launcher's exit) removes them and stops every server a restore started.
"""

import glob
import http.client
import http.server
import ipaddress
import itertools
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from datetime import datetime
from typing import NamedTuple

from moto.cloudwatch.models import cloudwatch_backends
from moto.ecs.models import EC2ContainerServiceBackend, Task, ecs_backends
from moto.elbv2.models import ELBv2Backend, FakeHealthStatus, FakeTargetGroup, elbv2_backends
from moto.logs.models import logs_backends
from moto.rds.models import DBInstance, RDSBackend

DOCKER = os.environ.get("DOCKER_EXE") or "docker"
PROXY_PORT_OFFSET = int(os.environ.get("MOTO_ECS_PROXY_PORT_OFFSET", "10000"))
LABEL = "moto-ecs.launcher"
# Headers that describe one connection, not the request: the proxy makes its own connection to the target.
_HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade", "content-length"}

# 127.0.0.2, 127.0.0.3 …: every task a target id of its own (127.0.0.1 stays the proxies' and the host's).
_loopback = (f"127.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}" for n in itertools.count(2))
_lock = threading.RLock()
# Per service ARN: its tasks as dicts {container, address, port}.
_service_tasks = {}
# Per target address: (container, port), for the health check and the proxies; port None once a one-off task stopped
# (its address stays known, so a target left registered is reported unreachable rather than healthy by moto).
_targets = {}
# Per one-off task id: {"container": name, "definition": its container definition, "address": target address or None}.
_one_off = {}


def log(message):
    print(f"moto-ecs: {message}", file=sys.stderr, flush=True)


def available():
    try:
        return subprocess.run([DOCKER, "version"], capture_output=True, timeout=15, check=False).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _docker(*args, timeout=300):
    # DATABASE_URL stays in the CLI's environment: `-e DATABASE_URL` (no value) makes docker copy it from there.
    return subprocess.run([DOCKER, *args], capture_output=True, text=True, timeout=timeout, check=False)


def _run_container(name, definition, port, command=None, extra_environment=()):
    args = ["run", "-d", "--name", name, "--network", "host", "--label", f"{LABEL}={os.getpid()}"]
    for variable in list(definition.get("environment") or []) + list(extra_environment):
        args += ["-e", f"{variable['name']}={variable['value']}"]
    if port is not None:
        args += ["-e", f"ASPNETCORE_HTTP_PORTS={port}"]
    if os.environ.get("DATABASE_URL"):
        args += ["-e", "DATABASE_URL"]
    args.append(definition["image"])
    args += list(command or definition.get("command") or [])
    result = _docker(*args)
    if result.returncode != 0:
        log(f"docker run {definition['image']} as {name} failed: {result.stderr.strip().splitlines()[-1:] or result.returncode}")
        return False
    return True


def _remove_container(name):
    _docker("rm", "-f", name, timeout=60)


def _container_state(name):
    """(status, exit code) of a container, or (None, None) when it does not exist."""
    result = _docker("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", name, timeout=30)
    if result.returncode != 0:
        return None, None
    status, code = result.stdout.split()
    return status, int(code)


# --- services ------------------------------------------------------------------------------------------------------


def roll(service, new_deployment):
    """Makes the service's containers match its task definition and desired count; returns [(address, port)]."""
    backend = ecs_backends[service._account_id][service.region_name]
    definition = backend.describe_task_definition(service.task_definition)
    balancer = (service.load_balancers or [{}])[0]
    container = next((c for c in definition.container_definitions if c.get("name") == balancer.get("containerName")), definition.container_definitions[0])
    with _lock:
        current = _service_tasks.get(service.arn, [])
        kept = [] if new_deployment else current[: service.desired_count]
        gone = [t for t in current if t not in kept]
        started = []
        for _ in range(service.desired_count - len(kept)):
            task = {"address": next(_loopback), "port": _free_port()}
            task["container"] = f"moto-ecs-{service.name}-{task['port']}"
            if _run_container(task["container"], container, task["port"]):
                log(f"{service.name}: task {task['container']} runs {container['image']} on {task['address']}:{task['port']}")
                started.append(task)
        for task in gone:
            _remove_container(task["container"])
            _targets.pop(task["address"], None)
            log(f"{service.name}: task {task['container']} removed")
        tasks = kept + started
        for task in tasks:
            _targets[task["address"]] = (task["container"], task["port"])
        _service_tasks[service.arn] = tasks
        return [(t["address"], t["port"]) for t in tasks]


def _health_for(self, target, ec2_backend):
    """ELB's health check: the target group's path answering 200 on the task's port, else unhealthy with the reason.

    The check goes to the port the task really listens on; the answer names the port the target was registered with
    (a caller registering a one-off task's containerPort finds its target by that port)."""
    seen = _targets.get(target["Id"])
    registered = self.targets.get(target["Id"])
    if seen is None or registered is None:
        return _original_health_for(self, target, ec2_backend)
    container, port = seen
    registered_port = registered.get("Port") or port
    if port is None:
        # The task stopped: nothing answers at its address any more, as for a real ENI that is gone.
        description = f"Request timed out (task container {container} stopped)"
        return FakeHealthStatus(target["Id"], registered_port, self.health_check_port, "unhealthy", "Target.Timeout", description)
    path = self.health_check_path or "/"
    connection = http.client.HTTPConnection(target["Id"], port, timeout=2)
    try:
        connection.request("GET", path)
        status = connection.getresponse().status
        if status == 200:
            return FakeHealthStatus(target["Id"], registered_port, self.health_check_port, "healthy")
        reason, description = "Target.ResponseCodeMismatch", f"Health checks failed with these codes: [{status}]"
    except (OSError, http.client.HTTPException) as e:
        state, code = _container_state(container)
        reason = "Target.FailedHealthChecks"
        description = f"container {container} {state} with exit code {code}" if state not in (None, "running") else f"Health checks failed: {e}"
    finally:
        connection.close()
    return FakeHealthStatus(target["Id"], registered_port, self.health_check_port, "unhealthy", reason, description)


_original_health_for = FakeTargetGroup.health_for


# --- one-off tasks (RunTask) ---------------------------------------------------------------------------------------


def _run_task(self, cluster_str, task_definition_str, count, overrides, *args, **kwargs):
    tasks = _original_run_task(self, cluster_str, task_definition_str, count, overrides, *args, **kwargs)
    definition = self.describe_task_definition(task_definition_str)
    container = definition.container_definitions[0]
    override = next((o for o in (overrides or {}).get("containerOverrides", []) if o.get("name") == container.get("name")), {})
    for task in tasks:
        name = f"moto-ecs-task-{task.id}"
        # A container that maps a port may serve (the recovery drill's second task does): a port of its own on the
        # host network, so two such tasks do not collide. A migrate command ignores it.
        port = _free_port() if container.get("portMappings") else None
        address = _give_loopback_address(task) if port is not None else None
        if _run_container(name, container, port, override.get("command"), override.get("environment") or []):
            command = " ".join([container["image"], *(override.get("command") or [])])
            at = f", at {address}:{port}" if address else ""
            log(f"task {task.id}: {command} runs as {name}{at}")
            with _lock:
                _one_off[task.id] = {"container": name, "definition": container, "address": address}
                if address:
                    _targets[address] = (name, port)
    return tasks


def _give_loopback_address(task):
    """The task's private address (its awsvpc ENI attachment's privateIPv4Address, what DescribeTasks reports and a
    caller registers as an ip target) becomes a 127.0.0.N of its own; None when the task has no ENI."""
    attachment = next((a for a in task.attachments if a.get("type") == "ElasticNetworkInterface"), None)
    if attachment is None:
        return None
    address = next(_loopback)
    for detail in attachment["details"]:
        if detail["name"] == "privateIPv4Address":
            detail["value"] = address
    task.containers[0].network_interfaces = [{"attachmentId": attachment["id"], "privateIpv4Address": address}]
    return address


def _stop_task(self, cluster_str, task_str, reason):
    """StopTask of a task of ours: SIGTERM, then SIGKILL after the container's stopTimeout (30 s by default), as ECS
    does; once the container has exited the task is STOPPED (exit code, log), as for a task that ends by itself."""
    task_id = task_str.split("/")[-1]
    with _lock:
        run = _one_off.get(task_id)
    task = next((t for tasks in self.tasks.values() for t in tasks.values() if t.id == task_id), None)
    if run is None or task is None:
        return _original_stop_task(self, cluster_str, task_str, reason)
    task.desired_status = "STOPPED"
    task.stopped_reason = reason or "Task stopped by user"
    task.stop_code = "UserInitiated"
    grace = int(run["definition"].get("stopTimeout") or 30)
    threading.Thread(target=_stop_container, args=(task, run["container"], grace), name=f"stop-{task.id}", daemon=True).start()
    log(f"task {task.id}: stopping ({task.stopped_reason})")
    return task


def _stop_container(task, name, grace):
    # In the background, as StopTask answers at once; the task is finished here, not at the next DescribeTasks, which
    # a caller that stopped it may never make.
    _docker("stop", "--time", str(grace), name, timeout=grace + 30)
    _finish_if_exited(task)


def _advance(self):
    """A one-off task of ours stays RUNNING while its container runs, then STOPPED with the container's exit code."""
    with _lock:
        ours = self.id in _one_off
    if not ours:
        return _original_advance(self)
    _finish_if_exited(self)
    return None


def _finish_if_exited(task):
    """Once its container has exited: the task STOPPED with the container's exit code, its log copied, the container
    removed, its address no longer serving. Only the first caller finishes it."""
    with _lock:
        run = _one_off.get(task.id)
    if run is None:
        return
    name, container = run["container"], run["definition"]
    state, code = _container_state(name)
    if state in ("created", "running", "restarting"):
        return
    with _lock:
        if _one_off.pop(task.id, None) is None:
            return
        if run["address"]:
            _targets[run["address"]] = (name, None)
    _copy_log(name, container, task)
    _remove_container(name)
    if task.desired_status != "STOPPED":
        # It ended by itself; a StopTask already said why it stopped.
        task.stopped_reason = "Essential container in task exited"
        task.stop_code = "EssentialContainerExited"
    task.last_status = "STOPPED"
    task.desired_status = "STOPPED"
    task.containers[0].last_status = "STOPPED"
    task.containers[0].exitCode = code
    log(f"task {task.id}: exited with {code}")


def _copy_log(name, container, task):
    """What awslogs would have sent: the container's output into <group> <prefix>/<container>/<task id>."""
    options = (container.get("logConfiguration") or {}).get("options") or {}
    group, prefix = options.get("awslogs-group"), options.get("awslogs-stream-prefix")
    if not group or not prefix:
        return
    result = _docker("logs", "--timestamps", name, timeout=60)
    events = []
    for line in (result.stdout + result.stderr).splitlines():
        stamp, _, message = line.partition(" ")
        try:
            millis = int(datetime.fromisoformat(stamp[:26].rstrip("Z") + "+00:00").timestamp() * 1000)
        except ValueError:
            millis = int(time.time() * 1000)
        events.append({"timestamp": millis, "message": message})
    events.sort(key=lambda e: e["timestamp"])
    logs = logs_backends[task._account_id][task.region_name]
    stream = f"{prefix}/{container['name']}/{task.id}"
    try:
        logs.create_log_stream(group, stream)
        if events:
            logs.put_log_events(group, stream, events)
    except Exception as e:  # the log is a courtesy: a missing group must not fail the task
        log(f"task {task.id}: its log could not be written to {group} {stream}: {e}")


_original_run_task = EC2ContainerServiceBackend.run_task
_original_stop_task = EC2ContainerServiceBackend.stop_task
_original_advance = Task.advance


# --- the listeners' rules ------------------------------------------------------------------------------------------


class _Request(NamedTuple):
    """What an ALB rule's conditions look at."""

    method: str
    path: str
    query: list
    headers: object  # the handler's email.message.Message: get_all(name) ignores the name's case
    client: str

    @classmethod
    def of(cls, handler):
        parts = urllib.parse.urlsplit(handler.path)
        return cls(handler.command, parts.path, urllib.parse.parse_qsl(parts.query, keep_blank_values=True), handler.headers, handler.client_address[0])


def _wildcard(pattern, ignore_case):
    """An ALB condition value as a regular expression: * any characters, ? one character, the rest literal."""
    body = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
    return re.compile(body, re.DOTALL | (re.IGNORECASE if ignore_case else 0))


def _any_matches(patterns, value, ignore_case=True):
    return value is not None and any(_wildcard(p, ignore_case).fullmatch(value) for p in patterns)


def _config_values(condition, config):
    # The legacy form puts the values on the condition itself (host-header, path-pattern).
    return (condition.get(config) or {}).get("Values") or condition.get("Values") or []


def _http_header_holds(condition, request):
    config = condition.get("HttpHeaderConfig") or {}
    return any(_any_matches(config.get("Values") or [], value) for value in request.headers.get_all(config.get("HttpHeaderName") or "") or [])


def _path_pattern_holds(condition, request):
    # Paths compare case-sensitively, without the query string.
    return _any_matches(_config_values(condition, "PathPatternConfig"), request.path, ignore_case=False)


def _host_header_holds(condition, request):
    # The host name alone: a port the client added is not part of it.
    host = re.sub(r":\d+$", "", request.headers.get("Host") or "")
    return _any_matches(_config_values(condition, "HostHeaderConfig"), host)


def _http_request_method_holds(condition, request):
    return request.method in ((condition.get("HttpRequestMethodConfig") or {}).get("Values") or [])


def _query_string_holds(condition, request):
    pairs = (condition.get("QueryStringConfig") or {}).get("Values") or []
    return any(
        (pair.get("Key") is None or _any_matches([pair["Key"]], key)) and _any_matches([pair.get("Value") or ""], value)
        for pair in pairs
        for key, value in request.query
    )


def _source_ip_holds(condition, request):
    blocks = (condition.get("SourceIpConfig") or {}).get("Values") or []
    try:
        return any(ipaddress.ip_address(request.client) in ipaddress.ip_network(block, strict=False) for block in blocks)
    except ValueError:  # moto does not validate the blocks; an ALB would have refused the rule
        return False


_CONDITIONS = {
    "http-header": _http_header_holds,
    "path-pattern": _path_pattern_holds,
    "host-header": _host_header_holds,
    "http-request-method": _http_request_method_holds,
    "query-string": _query_string_holds,
    "source-ip": _source_ip_holds,
}


def _condition_holds(condition, request):
    holds = _CONDITIONS.get(condition.get("Field"))
    return holds is not None and holds(condition, request)


def _first_matching_rule(listener, request):
    """The listener's rule, lowest priority first, whose conditions all hold for the request; None: the default action.
    Within a condition any one value matching is enough, as on an ALB."""
    rules = sorted((r for r in list(listener.rules.values()) if not r.is_default), key=lambda r: int(r.priority))
    return next((r for r in rules if all(_condition_holds(c, request) for c in r.conditions)), None)


# --- the load balancer's listeners ---------------------------------------------------------------------------------


class _Proxy(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port, backend, balancer_arn, listener_port):
        self.backend, self.balancer_arn, self.listener_port = backend, balancer_arn, listener_port
        super().__init__(("127.0.0.1", port), _Forward)


class _Forward(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass  # one line per request would drown the operations log the rehearsal counts

    def _pick(self):
        """A target group by the weights of the forward action that applies now, then one of its serving targets."""
        server = self.server
        balancer = server.backend.load_balancers.get(server.balancer_arn)
        listener = next((l for l in (balancer.listeners.values() if balancer else []) if str(l.port) == str(server.listener_port)), None)
        if listener is None:
            return None, None, "the listener is gone"
        rule = _first_matching_rule(listener, _Request.of(self))
        actions, source = (rule.actions, f"rule {rule.priority}") if rule else (listener.default_actions, "the listener's default action")
        forward = next((a for a in actions if a.type == "forward"), None)
        if forward is None:
            return None, None, f"{source} has no forward action"
        weighted = forward.data.get("ForwardConfig", {}).get("TargetGroups") or [{"TargetGroupArn": forward.data.get("TargetGroupArn"), "Weight": 1}]
        weights = [int(g.get("Weight", 1)) for g in weighted]
        if sum(weights) == 0:
            return None, None, f"every target group of {source} has weight 0"
        arn = random.choices([g["TargetGroupArn"] for g in weighted], weights)[0]
        group = server.backend.target_groups.get(arn)
        addresses = [a for a in (group.targets if group else {}) if _targets.get(a, (None, None))[1] is not None]
        if not addresses:
            return group, None, f"no running targets in {group.name if group else arn}"
        address = random.choice(addresses)
        return group, (address, _targets[address][1]), None

    def _body(self):
        if "chunked" not in (self.headers.get("Transfer-Encoding") or "").lower():
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))
        # .NET's HttpClient sends JSON content chunked: the target gets it whole, with its length.
        body = b""
        while size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16):
            body += self.rfile.read(size)
            self.rfile.readline()
        while self.rfile.readline().strip():
            pass  # trailers
        return body

    def _forward(self):
        group, target, problem = self._pick()
        body = self._body()
        began = time.monotonic()
        status, headers, payload = 503, [("Content-Type", "text/plain")], f"503 Service Unavailable: {problem}\n".encode()
        if target is not None:
            connection = http.client.HTTPConnection(*target, timeout=60)
            try:
                connection.request(self.command, self.path, body, {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP})
                response = connection.getresponse()
                status, headers, payload = response.status, response.getheaders(), response.read()
            except (OSError, http.client.HTTPException) as e:
                status, payload = 502, f"502 Bad Gateway: {target[0]}:{target[1]}: {e}\n".encode()
            finally:
                connection.close()
            _record(self.server, group, status, time.monotonic() - began)
        self.send_response(status)
        for key, value in headers:
            if key.lower() not in _HOP_BY_HOP:
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = _forward


def _record(server, group, status, seconds):
    """The metrics an ALB publishes per target group, which the deploy's analysis reads."""
    dimensions = [
        {"Name": "LoadBalancer", "Value": server.balancer_arn.split(":loadbalancer/")[-1]},
        {"Name": "TargetGroup", "Value": group.arn.split(":")[-1]},
    ]
    # No Timestamp: moto stamps the data with its own clock, in the form its GetMetricData compares with.
    data = [
        {"MetricName": "RequestCount", "Value": 1, "Unit": "Count", "Dimensions": dimensions},
        {"MetricName": "HTTPCode_Target_5XX_Count", "Value": 1 if status >= 500 else 0, "Unit": "Count", "Dimensions": dimensions},
        {"MetricName": "TargetResponseTime", "Value": seconds, "Unit": "Seconds", "Dimensions": dimensions},
    ]
    account, region = group.arn.split(":")[4], group.arn.split(":")[3]
    with _lock:
        cloudwatch_backends[account][region].put_metric_data("AWS/ApplicationELB", data)


def _create_listener(self, load_balancer_arn, protocol, port, *args, **kwargs):
    listener = _original_create_listener(self, load_balancer_arn, protocol, port, *args, **kwargs)
    proxy_port = PROXY_PORT_OFFSET + int(port)
    name = self.load_balancers[load_balancer_arn].name
    try:
        proxy = _Proxy(proxy_port, self, load_balancer_arn, port)
    except OSError as e:
        log(f"listener {name}:{port}: no proxy, 127.0.0.1:{proxy_port} is taken ({e.strerror})")
        return listener
    threading.Thread(target=proxy.serve_forever, name=f"proxy-{proxy_port}", daemon=True).start()
    log(f"listener {name}:{port}: proxy on http://127.0.0.1:{proxy_port}")
    return listener


_original_create_listener = ELBv2Backend.create_listener


# --- RDS instances on real PostgreSQL ------------------------------------------------------------------------------


class _PostgresFailed(Exception):
    pass


class _Login(NamedTuple):
    """Where and as whom a PostgreSQL client connects; host may be a socket folder."""

    host: str
    port: int
    user: str
    password: str
    database: str

    @classmethod
    def from_url(cls, url):
        parts = urllib.parse.urlsplit(url)
        user = urllib.parse.unquote(parts.username or "postgres")
        database = urllib.parse.unquote(parts.path.lstrip("/")) or user
        return cls(parts.hostname or "127.0.0.1", parts.port or 5432, user, urllib.parse.unquote(parts.password or ""), database)

    def environment(self):
        # libpq's variables, so that no password (nor a URL holding one) is on a command line.
        variables = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        variables.update(PGHOST=self.host, PGPORT=str(self.port), PGUSER=self.user, PGDATABASE=self.database)
        if self.password:
            variables["PGPASSWORD"] = self.password
        return variables


def _find_postgres_bin():
    """PostgreSQL 15's programs (what the pipeline targets), else the newest installed; None when there are none."""
    if os.access("/usr/lib/postgresql/15/bin/initdb", os.X_OK):
        return "/usr/lib/postgresql/15/bin"
    majors = sorted(int(p.split("/")[4]) for p in glob.glob("/usr/lib/postgresql/[0-9]*/bin/initdb"))
    return f"/usr/lib/postgresql/{majors[-1]}/bin" if majors else None


_postgres_bin = None
# The snapshots' dumps, <snapshot id>.dump: MOTO_ECS_STATE_DIR/rds-snapshots, else in a temp folder of the launcher's.
_dumps_dir = None
_temporary_state_dir = None
# Every cluster this launcher started, so that its exit stops those no DeleteDBInstance did.
_clusters = []


def _postgres(program, *args, login=None, as_server=False, cwd=None, input=None, timeout=300):
    """Runs one of PostgreSQL's programs; raises _PostgresFailed with the end of its output when it fails."""
    command = [os.path.join(_postgres_bin, program), *args]
    if as_server and os.geteuid() == 0:
        # PostgreSQL refuses to run as root: its server programs run as the postgres OS user.
        command = ["runuser", "-u", "postgres", "--", *command]
    if login is not None:
        environment = login.environment()
    else:
        # Without the build's tool marker: a build stops every process carrying it on a hard stop, and the servers
        # belong to this launcher.
        environment = {k: v for k, v in os.environ.items() if k != "BUILD_TOOL_ID"}
    try:
        result = subprocess.run(command, env=environment, cwd=cwd, input=input, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise _PostgresFailed(f"{program}: {e}") from e
    if result.returncode != 0:
        lines = (result.stderr or result.stdout).strip().splitlines()
        raise _PostgresFailed(f"{program} exited with {result.returncode}: {' | '.join(lines[-3:])}")
    return result


def _sql_literal(text):
    return "'" + text.replace("'", "''") + "'"


def _sql_identifier(name):
    return '"' + name.replace('"', '""') + '"'


class _PostgresCluster:
    """A PostgreSQL server of the launcher's own for one restored instance: a temp folder (data, socket, log),
    127.0.0.1:<free port>, durability off (it lives as long as a drill), superuser postgres on the socket only."""

    def __init__(self, name):
        # Short: the socket's path (folder + /.s.PGSQL.<port>) must stay under 108 characters.
        self.folder = tempfile.mkdtemp(prefix=f"moto-rds-{name[:40]}-")
        self.data = os.path.join(self.folder, "data")
        self.log = os.path.join(self.folder, "postgres.log")
        self.port = _free_port()
        # Held for a whole restore: a DeleteDBInstance (or the launcher's exit) meanwhile waits for it to end.
        self.lock = threading.Lock()
        self.ready = False
        self.removed = False

    def superuser(self, database):
        return _Login(self.folder, self.port, "postgres", "", database)

    def start(self):
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        _postgres("initdb", f"--pgdata={self.data}", "--username=postgres", "--auth-local=trust", "--auth-host=scram-sha-256",
                  "--encoding=UTF8", "--locale=C", "--no-sync", as_server=True, cwd=self.folder)
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        try:
            _postgres("pg_ctl", f"--pgdata={self.data}", f"--log={self.log}", "--wait", "--timeout=60", "start", "-o", options, as_server=True, cwd=self.folder)
        except _PostgresFailed as e:
            raise _PostgresFailed(f"{e} | {' | '.join(self._log_tail())}") from e

    def create_login(self, login):
        """The login's user (with its password; LOGIN, CREATEDB, CREATEROLE as RDS gives its master user) and its
        database, owned by it: what the snapshotted instance had. The SQL goes on standard input, password and all."""
        user, database = _sql_literal(login.user), _sql_literal(login.database)
        sql = "\n".join([
            f"SELECT 'CREATE ROLE ' || quote_ident({user}) WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {user}) \\gexec",
            f"ALTER ROLE {_sql_identifier(login.user)} LOGIN CREATEDB CREATEROLE PASSWORD {_sql_literal(login.password)};",
            f"SELECT 'CREATE DATABASE ' || quote_ident({database}) || ' OWNER ' || quote_ident({user}) "
            f"WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = {database}) \\gexec",
        ]) + "\n"
        _postgres("psql", "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", login=self.superuser("postgres"), input=sql)

    def restore(self, dump, database):
        # As the superuser, so that every object gets back its owner.
        _postgres("pg_restore", "--no-password", f"--dbname={database}", dump, login=self.superuser(database))

    def remove(self):
        """Stops the server, if it runs, and removes the folder."""
        acquired = self.lock.acquire(timeout=120)
        try:
            if self.removed:
                return
            self.removed, self.ready = True, False
            if os.path.exists(os.path.join(self.data, "postmaster.pid")):
                try:
                    _postgres("pg_ctl", f"--pgdata={self.data}", "--mode=fast", "--wait", "stop", as_server=True, cwd=self.folder, timeout=120)
                except _PostgresFailed as e:
                    log(f"RDS: the server in {self.folder} did not stop: {e}")
            shutil.rmtree(self.folder, ignore_errors=True)
        finally:
            if acquired:
                self.lock.release()

    def _log_tail(self):
        try:
            with open(self.log, encoding="utf-8", errors="replace") as f:
                return f.read().strip().splitlines()[-3:]
        except OSError:
            return []


def _live_login():
    """DATABASE_URL: the "live" database every RDS instance moto made stands for, and the master user's login."""
    return _Login.from_url(os.environ["DATABASE_URL"])


def _dump_path(snapshot_id):
    return os.path.join(_dumps_dir, f"{snapshot_id}.dump")


def _create_db_snapshot(self, *args, **kwargs):
    snapshot = _original_create_db_snapshot(self, *args, **kwargs)
    # Automated snapshots (moto takes one whenever an instance is created) get no dump: nothing is waiting for them.
    if snapshot.snapshot_type == "manual" and snapshot.engine == "postgres":
        _dump(snapshot, self.databases[snapshot.db_instance_identifier])
    return snapshot


def _dump(snapshot, instance):
    """The snapshot's content: pg_dump -Fc of the instance's database (its own cluster's, else DATABASE_URL's), taken
    before CreateDBSnapshot answers; a dump that fails leaves the snapshot failed, as RDS reports a snapshot it could
    not take."""
    cluster = getattr(instance, "emulated_postgres", None)
    login = cluster.superuser(_live_login().database) if cluster else _live_login()
    path = _dump_path(snapshot.db_snapshot_identifier)
    try:
        _postgres("pg_dump", "--no-password", "--format=custom", f"--file={path}.partial", login=login)
        os.replace(f"{path}.partial", path)
    except (_PostgresFailed, OSError) as e:
        snapshot.status = "failed"
        log(f"RDS snapshot {snapshot.db_snapshot_identifier}: failed, pg_dump of {login.database} on {login.host}:{login.port}: {e}")
        return
    log(f"RDS snapshot {snapshot.db_snapshot_identifier}: pg_dump of {login.database} on {login.host}:{login.port}, {os.path.getsize(path)} bytes, in {path}")


def _delete_db_snapshot(self, db_snapshot_identifier):
    snapshot = _original_delete_db_snapshot(self, db_snapshot_identifier)
    if os.path.exists(_dump_path(db_snapshot_identifier)):
        os.remove(_dump_path(db_snapshot_identifier))
    return snapshot


def _restore_db_instance_from_db_snapshot(self, from_snapshot_id, overrides):
    instance = _original_restore_db_instance_from_db_snapshot(self, from_snapshot_id, overrides)
    _keep_false_overrides(instance, overrides)
    if instance.engine != "postgres":
        return instance
    snapshot_id = self.extract_snapshot_name_from_arn(from_snapshot_id) if from_snapshot_id.startswith("arn:") else from_snapshot_id
    dump = _dump_path(snapshot_id) if os.path.exists(_dump_path(snapshot_id)) else None
    cluster = _PostgresCluster(instance.db_instance_identifier)
    instance.emulated_postgres = cluster
    # As RDS: creating, without an endpoint, until the database serves.
    instance.status = "creating"
    with _lock:
        _clusters.append(cluster)
    threading.Thread(target=_restore, args=(instance, cluster, snapshot_id, dump), name=f"restore-{instance.db_instance_identifier}", daemon=True).start()
    return instance


def _keep_false_overrides(instance, overrides):
    # moto copies a restore's parameter only when it is truthy: PubliclyAccessible=false would keep the snapshot's true.
    for key, value in overrides.items():
        if value is False and hasattr(instance, key):
            setattr(instance, key, False)


def _restore(instance, cluster, snapshot_id, dump):
    """The restored instance's database made real; then the instance is available at 127.0.0.1:<its port>. A cluster
    that does not start leaves it failed, a dump that does not restore incompatible-restore (RDS's words)."""
    name, login = instance.db_instance_identifier, _live_login()
    with cluster.lock:
        if cluster.removed:
            return
        try:
            cluster.start()
        except _PostgresFailed as e:
            instance.status = "failed"
            log(f"RDS {name}: failed, its PostgreSQL did not start in {cluster.folder}: {e}")
            return
        try:
            cluster.create_login(login)
            if dump:
                cluster.restore(dump, login.database)
        except _PostgresFailed as e:
            instance.status = "incompatible-restore"
            log(f"RDS {name}: incompatible-restore, snapshot {snapshot_id} did not restore: {e}")
            return
        instance.port = cluster.port
        cluster.ready = True
        instance.status = "available"
    if dump is None:
        log(f"RDS {name}: snapshot {snapshot_id} has no dump (automated, or taken without the data plane): database {login.database} is empty")
    log(f"RDS {name}: available at 127.0.0.1:{cluster.port} (database {login.database}, user {login.user}; snapshot {snapshot_id}; PostgreSQL in {cluster.folder})")


def _endpoint(self):
    cluster = getattr(self, "emulated_postgres", None)
    if cluster is None:
        return _original_endpoint.fget(self)
    return {"Address": "127.0.0.1", "Port": cluster.port} if cluster.ready else None


def _delete_db_instance(self, *args, **kwargs):
    instance = _original_delete_db_instance(self, *args, **kwargs)
    cluster = getattr(instance, "emulated_postgres", None)
    if cluster is not None:
        cluster.remove()
        log(f"RDS {instance.db_instance_identifier}: deleted, its PostgreSQL stopped and {cluster.folder} removed")
    return instance


_original_create_db_snapshot = RDSBackend.create_db_snapshot
_original_delete_db_snapshot = RDSBackend.delete_db_snapshot
_original_restore_db_instance_from_db_snapshot = RDSBackend.restore_db_instance_from_db_snapshot
_original_delete_db_instance = RDSBackend.delete_db_instance
_original_endpoint = DBInstance.endpoint


def stop_all_clusters():
    """Every PostgreSQL server this launcher started and no DeleteDBInstance stopped, e.g. when it stops; and the
    snapshots' dumps when they were in a temp folder."""
    with _lock:
        clusters = list(_clusters)
    for cluster in clusters:
        cluster.remove()
    if _temporary_state_dir:
        shutil.rmtree(_temporary_state_dir, ignore_errors=True)


def _install_rds():
    global _postgres_bin, _dumps_dir, _temporary_state_dir
    if not os.environ.get("DATABASE_URL"):
        log("RDS: moto's records only (no DATABASE_URL: no database to snapshot)")
        return
    _postgres_bin = _find_postgres_bin()
    if _postgres_bin is None:
        log("RDS: moto's records only (no PostgreSQL in /usr/lib/postgresql/*/bin: apt-get install postgresql)")
        return
    state_dir = os.environ.get("MOTO_ECS_STATE_DIR")
    if not state_dir:
        state_dir = _temporary_state_dir = tempfile.mkdtemp(prefix="moto-ecs-state-")
    _dumps_dir = os.path.join(state_dir, "rds-snapshots")
    # The dumps are the database's data: readable by this user alone, as the live database's files are.
    os.makedirs(_dumps_dir, mode=0o700, exist_ok=True)
    os.chmod(_dumps_dir, 0o700)
    RDSBackend.create_db_snapshot = _create_db_snapshot
    RDSBackend.delete_db_snapshot = _delete_db_snapshot
    RDSBackend.restore_db_instance_from_db_snapshot = _restore_db_instance_from_db_snapshot
    RDSBackend.delete_db_instance = _delete_db_instance
    DBInstance.endpoint = property(_endpoint)
    live = _live_login()
    log(f"RDS: snapshots are pg_dumps of {live.database} on {live.host}:{live.port} (in {_dumps_dir}), restores PostgreSQL clusters ({_postgres_bin})")


def remove_all_containers():
    """Every container this launcher started, e.g. when it stops."""
    result = _docker("ps", "-aq", "--filter", f"label={LABEL}={os.getpid()}", timeout=60)
    names = result.stdout.split()
    if names:
        _docker("rm", "-f", *names, timeout=120)


def shut_down():
    """What the launcher leaves when it exits: no container, no PostgreSQL server of its own."""
    remove_all_containers()
    stop_all_clusters()


def install():
    FakeTargetGroup.health_for = _health_for
    EC2ContainerServiceBackend.run_task = _run_task
    EC2ContainerServiceBackend.stop_task = _stop_task
    Task.advance = _advance
    ELBv2Backend.create_listener = _create_listener
    _install_rds()
