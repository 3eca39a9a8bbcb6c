"""A data plane for moto-ecs.py (MOTO_ECS_RUN_TASKS=1): a rehearsal stand-in, not a model of ECS or of an ALB.

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
  CloudWatch, as an ALB would. Other actions (fixed-response, redirect) answer 503.
Containers get the task definition's environment, and DATABASE_URL from this process's environment when set (moto
runs no databases: the tasks use a real PostgreSQL); its value is passed through the Docker CLI's environment, never on
a command line. Every container carries the label moto-ecs.launcher=<pid> so whoever stops the launcher can remove them.
"""

import http.client
import http.server
import ipaddress
import itertools
import os
import random
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from datetime import datetime
from typing import NamedTuple

from moto.cloudwatch.models import cloudwatch_backends
from moto.ecs.models import EC2ContainerServiceBackend, Task, ecs_backends
from moto.elbv2.models import ELBv2Backend, FakeHealthStatus, FakeTargetGroup, elbv2_backends
from moto.logs.models import logs_backends

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
    does; the task is STOPPED (exit code, log) once the container has exited, at a DescribeTasks, as for a task
    that ends by itself."""
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
    threading.Thread(target=_docker, args=("stop", "--time", str(grace), run["container"]), kwargs={"timeout": grace + 30}, daemon=True).start()
    log(f"task {task.id}: stopping ({task.stopped_reason})")
    return task


def _advance(self):
    """A one-off task of ours stays RUNNING while its container runs, then STOPPED with the container's exit code."""
    with _lock:
        run = _one_off.get(self.id)
    if run is None:
        return _original_advance(self)
    name, container = run["container"], run["definition"]
    state, code = _container_state(name)
    if state in ("created", "running", "restarting"):
        return None
    with _lock:
        if _one_off.pop(self.id, None) is None:
            return None
        if run["address"]:
            _targets[run["address"]] = (name, None)
    _copy_log(name, container, self)
    _remove_container(name)
    if self.desired_status != "STOPPED":
        # It ended by itself; a StopTask already said why it stopped.
        self.stopped_reason = "Essential container in task exited"
        self.stop_code = "EssentialContainerExited"
    self.last_status = "STOPPED"
    self.desired_status = "STOPPED"
    self.containers[0].last_status = "STOPPED"
    self.containers[0].exitCode = code
    log(f"task {self.id}: exited with {code}")
    return None


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


def remove_all_containers():
    """Every container this launcher started, e.g. when it stops."""
    result = _docker("ps", "-aq", "--filter", f"label={LABEL}={os.getpid()}", timeout=60)
    names = result.stdout.split()
    if names:
        _docker("rm", "-f", *names, timeout=120)


def install():
    FakeTargetGroup.health_for = _health_for
    EC2ContainerServiceBackend.run_task = _run_task
    EC2ContainerServiceBackend.stop_task = _stop_task
    Task.advance = _advance
    ELBv2Backend.create_listener = _create_listener
