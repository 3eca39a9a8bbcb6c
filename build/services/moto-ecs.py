"""moto_server with ECS rollouts emulated: a test stand-in, not a model of ECS.

moto 5 keeps a service's first deployment forever: UpdateService with a new task definition makes no new deployment,
running counts come from the server's MOTO_ECS_SERVICE_RUNNING, and no task ever reaches the service's load balancer.
This launcher patches moto's ECS backend so that every CreateService/UpdateService ends as a real rolling update that
succeeded at once would: one PRIMARY deployment of the service's task definition (the previous one gone), rolloutState
COMPLETED, running = desired; and the service's tasks registered as `ip` targets (one fake private address per running
task, on the container port) in the ELBv2 target groups of its loadBalancers, which moto then reports healthy.
A one-off task without a command override (RecoveryDrill's serving task) stays RUNNING until StopTask, where moto
would step it to STOPPED at once. Two moto RunTask failures (HTTP 500) are worked around too: a Fargate definition with task-level memory only, and
awsvpc networking in a VPC without DNS hostnames.

With MOTO_ECS_RUN_TASKS=1 and a Docker engine that answers, the tasks really run and the listeners really serve
(moto_data_plane.py: containers, 127.0.0.N targets, health from /health/ready, a proxy per listener that follows its
rules and weights), and with DATABASE_URL too, RDS snapshots are pg_dumps and restores real PostgreSQL servers;
without it, or without Docker, the targets stay fake addresses and RDS is moto's records alone. MOTO_ECS_LOG_OPERATIONS=1 logs one line per API call
("moto-op <unix time> <service> <operation>"): moto's own request log names no operation.

Usage: the same as moto_server (moto-ecs.py -H 127.0.0.1 -p PORT). `moto-ecs.py --check` only imports and patches,
so build/services/moto.sh can fall back to plain moto_server when this moto's internals differ.
"""

import atexit
import ipaddress
import itertools
import os
import sys
import time

from moto.core.responses import BaseResponse
from moto.core.utils import utcnow
from moto.ec2.models.elastic_network_interfaces import NetworkInterface
from moto.ecs.models import EC2ContainerServiceBackend, Service, Task
from moto.elbv2.models import elbv2_backends
from moto.moto_api._internal import mock_random
from moto.server import main

# Fake task addresses: 10.0.0.1, 10.0.0.2 … never reused, so a new deployment's targets differ from the old ones.
_addresses = (str(ipaddress.IPv4Address(0x0A000000 + n)) for n in itertools.count(1))


def _complete_rollout(service, new_deployment):
    """Ends the service's rollout as ECS does when every task started and passed its checks."""
    now = utcnow()
    if new_deployment or not service.deployments:
        deployment_id = f"ecs-svc/{mock_random.randint(0, 32**12)}"
        service.deployments = [{"id": deployment_id, "status": "PRIMARY", "createdAt": now, "launchType": service.launch_type}]
    primary = service.deployments[0]
    primary.update(
        taskDefinition=service.task_definition,
        desiredCount=service.desired_count,
        runningCount=service.desired_count,
        pendingCount=0,
        failedTasks=0,
        rolloutState="COMPLETED",
        rolloutStateReason=f"ECS deployment {primary['id']} completed.",
        updatedAt=now,
    )
    service.running_count = service.desired_count
    service.pending_count = 0
    # Newest first, as ECS lists them.
    service.events.insert(0, {"id": str(mock_random.uuid4()), "createdAt": now, "message": f"(service {service.name}) has reached a steady state."})
    _register_targets(service, new_deployment)


def _register_targets(service, new_deployment):
    """One target per running task; a new deployment replaces every task, a scale change keeps the ones that stay."""
    previous = getattr(service, "emulated_task_addresses", [])
    if _data_plane is not None:
        targets = _data_plane.roll(service, new_deployment)
    else:
        kept = [] if new_deployment else previous[: service.desired_count]
        targets = kept + [(next(_addresses), None) for _ in range(service.desired_count - len(kept))]
    addresses = [address for address, _ in targets]
    service.emulated_task_addresses = targets
    elbv2 = elbv2_backends[service._account_id][service.region_name]
    for balancer in service.load_balancers:
        group = elbv2.target_groups.get(balancer.get("targetGroupArn"))
        if group is None:
            continue
        gone = [{"Id": a} for a, _ in previous if a not in addresses and a in group.targets]
        if gone:
            group.deregister(gone)
        group.register([{"Id": a, "Port": port or balancer.get("containerPort")} for a, port in targets])


_original_service_init = Service.__init__
_original_update_service = EC2ContainerServiceBackend.update_service


def _service_init(self, *args, **kwargs):
    # Inside __init__, so moto's CreateService counts the cluster's running tasks from the finished rollout.
    _original_service_init(self, *args, **kwargs)
    if self.deployment_controller.get("type") == "ECS":
        _complete_rollout(self, new_deployment=True)


def _update_service(self, service_properties):
    cluster = service_properties.get("cluster", "default")
    before = self._get_service(cluster, service_properties["service"].split("/")[-1])
    previous_definition = before.task_definition
    force = bool(service_properties.get("force_new_deployment"))
    service = _original_update_service(self, service_properties)
    if service.task_definition:
        # ECS stores the full ARN whatever form (family:revision) the caller named it by.
        service.task_definition = self.describe_task_definition(service.task_definition).arn
    if service.deployment_controller.get("type") == "ECS":
        _complete_rollout(service, new_deployment=force or service.task_definition != previous_definition)
    return service


_original_requirements = EC2ContainerServiceBackend._calculate_task_resource_requirements


def _requirements(task_definition):
    # A Fargate definition may size memory for the task only; moto sums the containers' and fails on a missing one.
    if all("memory" in c or "memoryReservation" in c for c in task_definition.container_definitions):
        return _original_requirements(task_definition)
    return {"CPU": 0, "MEMORY": int(task_definition.memory or 0), "PORTS": [], "PORTS_UDP": []}


Service.__init__ = _service_init
EC2ContainerServiceBackend.update_service = _update_service
EC2ContainerServiceBackend._calculate_task_resource_requirements = staticmethod(_requirements)
_original_task_advance = Task.advance


def _task_advance(self):
    # moto steps every task towards STOPPED on each DescribeTasks, as a migration task's command ends. A one-off task
    # without a command override runs the image's own command, the service (RecoveryDrill's): it serves until StopTask.
    overrides = (self.overrides or {}).get("containerOverrides") or []
    if self.status == "RUNNING" and self.desired_status == "RUNNING" and not any(o.get("command") for o in overrides):
        return
    _original_task_advance(self)
    if self.status == "STOPPED":
        self.desired_status = "STOPPED"  # as ECS has it once the essential container exited; moto leaves RUNNING


Task.advance = _task_advance
# RunTask in awsvpc mode reads its ENI's private DNS name, which moto sets only in VPCs with DNS hostnames enabled.
NetworkInterface.private_dns_name = None

_original_call_action = BaseResponse.call_action


def _logged_call_action(self):
    # e.g. "moto-op 1732350000.123 ecs DescribeServices": what the rehearsal counts per operation and minute.
    print(f"moto-op {time.time():.3f} {type(self).__module__.split('.')[1]} {self._get_action()}", file=sys.stderr, flush=True)
    return _original_call_action(self)


if os.environ.get("MOTO_ECS_LOG_OPERATIONS") == "1":
    BaseResponse.call_action = _logged_call_action

_data_plane = None
if os.environ.get("MOTO_ECS_RUN_TASKS") == "1" and sys.argv[1:] != ["--check"]:
    import moto_data_plane

    if moto_data_plane.available():
        moto_data_plane.install()
        _data_plane = moto_data_plane
        moto_data_plane.log("data plane on: tasks run on the Docker engine, listeners proxied from 127.0.0.1")
        # The containers a deploy left running and the databases a restore started belong to this emulated AWS: they
        # go with it (moto_server's own SIGTERM/SIGINT handler exits through sys.exit, so atexit runs).
        atexit.register(moto_data_plane.shut_down)
    else:
        moto_data_plane.log("data plane off: MOTO_ECS_RUN_TASKS=1 but no Docker engine answers; targets stay fake addresses")


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        sys.exit(0)
    main(sys.argv[1:])
