"""Checks moto_data_plane.py for real: the launcher (moto-ecs.py with MOTO_ECS_RUN_TASKS=1) as a process, driven with
boto3 over HTTP; a throwaway PostgreSQL as the "live" database; the restores' own PostgreSQL servers; the service's
image on the Docker engine; HTTP through the listeners' proxies. Nothing is mocked.

    SERVICES_ONLY=postgres build/services/with-services.sh python3 build/services/test_moto_data_plane.py

Needs: TEST_DATABASE_URL, a superuser's (with-services.sh starts a throwaway cluster and sets it); a Docker engine at
DOCKER_HOST (build/services/local-environment.sh up); for the recovery drill's tasks, the service's image: TEST_APP_IMAGE,
else what ./build.sh BuildImage recorded in artifacts/image.json (that test is skipped without one). Ports:
TEST_MOTO_PORT (4610) and TEST_PROXY_OFFSET (21000; listeners 8080 and 8082 are proxied on offset + port).
"""

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

import boto3

HERE = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = os.path.dirname(os.path.dirname(HERE))
MOTO_PORT = int(os.environ.get("TEST_MOTO_PORT", "4610"))
PROXY_OFFSET = int(os.environ.get("TEST_PROXY_OFFSET", "21000"))
ENDPOINT = f"http://127.0.0.1:{MOTO_PORT}"
APP = "app"


def app_image():
    if os.environ.get("TEST_APP_IMAGE"):
        return os.environ["TEST_APP_IMAGE"]
    try:
        with open(os.path.join(REPOSITORY, "artifacts", "image.json"), encoding="utf-8") as f:
            record = json.load(f)
        return f"{record['repository']}:{record['contentTag']}"
    except (OSError, KeyError, ValueError):
        return None


def client(service):
    return boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id="moto-test", aws_secret_access_key="moto-test-key")


def psql(url, sql):
    """Rows of the query as lists of strings, through the psql client; the password goes in PGPASSWORD."""
    parts = urllib.parse.urlsplit(url)
    environment = {**os.environ, "PGPASSWORD": urllib.parse.unquote(parts.password or "")}
    target = f"postgresql://{parts.username}@{parts.hostname}:{parts.port}{parts.path}"
    result = subprocess.run(
        ["psql", "--no-psqlrc", "--quiet", "--tuples-only", "--no-align", "--field-separator=|", "--set=ON_ERROR_STOP=1", "--command", sql, target],
        env=environment, capture_output=True, text=True, timeout=60, check=False)
    if result.returncode != 0:
        raise AssertionError(f"psql on {parts.hostname}:{parts.port}: {result.stderr.strip()}")
    return [line.split("|") for line in result.stdout.splitlines() if line]


def accepts(port):
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


def wait_for(what, probe, deadline=90, interval=0.5):
    """Calls probe until it returns something truthy; fails with what and the last value at the deadline."""
    ends, value = time.monotonic() + deadline, None
    while time.monotonic() < ends:
        value = probe()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"{what}: not reached in {deadline}s (last seen: {value!r})")


def get(url, headers=None, method="GET", body=None):
    """(status, body) of one request; an HTTP error status is an answer too."""
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


class Launcher:
    """moto-ecs.py with its data plane, as ecs-rehearsal.sh starts it: its own state folder, its log in a file."""

    def __init__(self, database_url):
        self.state = tempfile.mkdtemp(prefix="test-moto-data-plane-")
        self.log_path = os.path.join(self.state, "moto.log")
        environment = {**os.environ, "MOTO_ECS_RUN_TASKS": "1", "MOTO_ECS_PROXY_PORT_OFFSET": str(PROXY_OFFSET),
                       "MOTO_ECS_STATE_DIR": self.state, "DATABASE_URL": database_url}
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen([sys.executable, os.path.join(HERE, "moto-ecs.py"), "-H", "127.0.0.1", "-p", str(MOTO_PORT)],
                                            env=environment, stdout=log, stderr=subprocess.STDOUT)
        wait_for("moto answers", lambda: self.process.poll() is not None or accepts(MOTO_PORT), deadline=60)
        if self.process.poll() is not None or "data plane on" not in self.log():
            log = self.log()
            if self.process.poll() is None:
                self.stop()
            shutil.rmtree(self.state, ignore_errors=True)
            raise RuntimeError(f"the launcher did not start with its data plane:\n{log[-2000:]}")

    def log(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=90)


def setUpModule():
    global launcher, live_url, admin_url
    admin_url = os.environ.get("TEST_DATABASE_URL")
    if not admin_url:
        raise RuntimeError("TEST_DATABASE_URL is not set: run under build/services/with-services.sh (see the module's docstring)")
    if accepts(MOTO_PORT):
        raise RuntimeError(f"127.0.0.1:{MOTO_PORT} is taken: set TEST_MOTO_PORT")
    # The "live" database: a user and database of their own in the throwaway cluster, as the rehearsal's app/app. A
    # name that SQL must quote and a password with quotes, a backslash and URL delimiters: the restore copies them.
    name, password = f"live-{secrets.token_hex(4)}", secrets.token_hex(8) + "'\\\"@:/%"
    sql_password = password.replace("'", "''")
    psql(admin_url, f"CREATE ROLE \"{name}\" LOGIN CREATEDB PASSWORD '{sql_password}'")
    psql(admin_url, f"CREATE DATABASE \"{name}\" OWNER \"{name}\"")
    admin = urllib.parse.urlsplit(admin_url)
    live_url = f"postgres://{name}:{urllib.parse.quote(password, safe='')}@{admin.hostname}:{admin.port}/{name}"
    launcher = Launcher(live_url)
    account = subprocess.run([sys.executable, os.path.join(HERE, "ecs-rehearsal-account.py"), ENDPOINT, APP],
                             capture_output=True, text=True, check=True)
    Account.settings = dict(line.split("=", 1) for line in account.stdout.splitlines())


def tearDownModule():
    running = [(int(port), folder) for port, folder in re.findall(r"available at 127\.0\.0\.1:(\d+) .*PostgreSQL in (\S+)\)", launcher.log())]
    launcher.stop()
    # What no DeleteDBInstance stopped goes with the launcher.
    for port, folder in running:
        assert not accepts(port), f"a restored instance's PostgreSQL still listens on {port} after the launcher stopped"
        assert not os.path.exists(folder), f"{folder} is still there after the launcher stopped"
    name = urllib.parse.urlsplit(live_url).username
    psql(admin_url, f"DROP DATABASE \"{name}\"")
    psql(admin_url, f"DROP ROLE \"{name}\"")
    # The launcher's own lines (not its request log), for whoever reads a failed run; then its state goes.
    print("".join(line for line in launcher.log().splitlines(keepends=True) if line.startswith("moto-ecs:")), file=sys.stderr)
    shutil.rmtree(launcher.state, ignore_errors=True)


class Account:
    settings = {}


def live_instance():
    return client("rds").describe_db_instances(DBInstanceIdentifier=f"{APP}-staging")["DBInstances"][0]


def restore(instance_id, snapshot_id, **extra):
    """RestoreDBInstanceFromDBSnapshot as the recovery drill calls it; then DescribeDBInstances until available."""
    live = live_instance()
    answer = client("rds").restore_db_instance_from_db_snapshot(
        DBInstanceIdentifier=instance_id, DBSnapshotIdentifier=snapshot_id, DBSubnetGroupName=live["DBSubnetGroup"]["DBSubnetGroupName"],
        VpcSecurityGroupIds=[g["VpcSecurityGroupId"] for g in live["VpcSecurityGroups"]], PubliclyAccessible=False,
        Tags=[{"Key": "purpose", "Value": "recovery-drill"}], **extra)["DBInstance"]

    def available():
        seen = client("rds").describe_db_instances(DBInstanceIdentifier=instance_id)["DBInstances"][0]
        assert seen["DBInstanceStatus"] in ("creating", "available"), seen["DBInstanceStatus"]
        return seen if seen["DBInstanceStatus"] == "available" and "Endpoint" in seen else None

    return answer, wait_for(f"{instance_id} available", available)


def restored_url(instance):
    live = urllib.parse.urlsplit(live_url)
    return f"postgres://{live.username}:{live.password}@{instance['Endpoint']['Address']}:{instance['Endpoint']['Port']}{live.path}"


def snapshot(snapshot_id, instance_id=f"{APP}-staging"):
    return client("rds").create_db_snapshot(DBInstanceIdentifier=instance_id, DBSnapshotIdentifier=snapshot_id,
                                            Tags=[{"Key": "created-by", "Value": "MigrateDb"}])["DBSnapshot"]


def delete(instance_id):
    client("rds").delete_db_instance(DBInstanceIdentifier=instance_id, SkipFinalSnapshot=True, DeleteAutomatedBackups=True)


class RdsOnPostgresTests(unittest.TestCase):
    def test_a_snapshot_is_a_dump_and_a_restore_serves_it(self):
        psql(live_url, "CREATE TABLE probe (word text); INSERT INTO probe VALUES ('before')")
        taken = snapshot("app-staging-test-1")
        self.assertEqual("available", taken["Status"])
        dump = os.path.join(launcher.state, "rds-snapshots", "app-staging-test-1.dump")
        self.assertTrue(os.path.getsize(dump) > 0, dump)
        psql(live_url, "INSERT INTO probe VALUES ('after')")

        answer, restored = restore("app-staging-drill-test-1", "app-staging-test-1")
        self.assertEqual("creating", answer["DBInstanceStatus"])
        self.assertNotIn("Endpoint", answer, "RDS has no endpoint for an instance being created")
        self.assertEqual("127.0.0.1", restored["Endpoint"]["Address"])
        live = live_instance()
        self.assertEqual(live["DBSubnetGroup"]["DBSubnetGroupName"], restored["DBSubnetGroup"]["DBSubnetGroupName"])
        self.assertEqual(f"{APP}-rehearsal", restored["DBSubnetGroup"]["DBSubnetGroupName"], "the account's instances have a subnet group")
        self.assertEqual([Account.settings["ECS_SECURITY_GROUPS"]], [g["VpcSecurityGroupId"] for g in restored["VpcSecurityGroups"]])
        self.assertIs(False, restored["PubliclyAccessible"])
        self.assertIn({"Key": "purpose", "Value": "recovery-drill"}, restored["TagList"])

        url = restored_url(restored)
        self.assertEqual([["before"]], psql(url, "SELECT word FROM probe ORDER BY word"), "the snapshot's data, not what came after")
        self.assertEqual([["t", "t"]], psql(url, "SELECT rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user"))
        self.assertEqual([[urllib.parse.urlsplit(live_url).username]], psql(url, "SELECT tableowner FROM pg_tables WHERE tablename = 'probe'"))

        # A snapshot of the restored instance holds the restored database (the drill's own changes), not the live one.
        psql(url, "INSERT INTO probe VALUES ('drill')")
        snapshot("app-staging-drill-test-1-copy", instance_id="app-staging-drill-test-1")
        _, copy = restore("app-staging-drill-test-1b", "app-staging-drill-test-1-copy")
        self.assertEqual([["before"], ["drill"]], psql(restored_url(copy), "SELECT word FROM probe ORDER BY word"))

        folder = re.search(r"RDS app-staging-drill-test-1: available .*PostgreSQL in (\S+)\)", launcher.log()).group(1)
        port = restored["Endpoint"]["Port"]
        delete("app-staging-drill-test-1")
        self.assertFalse(accepts(port), "DeleteDBInstance stops the instance's PostgreSQL")
        self.assertFalse(os.path.exists(folder), "DeleteDBInstance removes its folder")
        with self.assertRaises(client("rds").exceptions.DBInstanceNotFoundFault):
            client("rds").describe_db_instances(DBInstanceIdentifier="app-staging-drill-test-1")

        client("rds").delete_db_snapshot(DBSnapshotIdentifier="app-staging-drill-test-1-copy")
        copy_dump = os.path.join(launcher.state, "rds-snapshots", "app-staging-drill-test-1-copy.dump")
        self.assertFalse(os.path.exists(copy_dump), "DeleteDBSnapshot removes the dump")

    def test_b_a_snapshot_without_a_dump_restores_an_empty_database(self):
        # A publicly accessible source too: moto would keep its true over the restore's PubliclyAccessible=false.
        client("rds").create_db_instance(DBInstanceIdentifier="app-public", DBInstanceClass="db.t3.micro", Engine="postgres", AllocatedStorage=20,
                                         MasterUsername="app", MasterUserPassword="not-a-real-password", PubliclyAccessible=True)
        automated = client("rds").describe_db_snapshots(DBInstanceIdentifier="app-public", SnapshotType="automated")["DBSnapshots"][0]
        _, restored = restore("app-public-drill-empty", automated["DBSnapshotIdentifier"])
        self.assertIs(False, restored["PubliclyAccessible"])
        self.assertEqual([["0"]], psql(restored_url(restored), "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
        self.assertIn(f"snapshot {automated['DBSnapshotIdentifier']} has no dump", launcher.log())
        # Left running on purpose: tearDownModule checks that the launcher's exit stops it.


class ListenerRuleTests(unittest.TestCase):
    """Which target group a request goes to, read from the proxy's 503 answer: every group here is empty, and the
    answer names the group that was picked."""

    @classmethod
    def setUpClass(cls):
        elbv2 = client("elbv2")
        vpc, subnets = Account.settings["ECS_VPC"], Account.settings["ECS_SUBNETS"].split()
        cls.groups = {}
        for name in ("default", "header", "path", "first", "host", "query", "method", "source", "weight-0", "weight-1"):
            group = elbv2.create_target_group(Name=f"rules-{name}", Protocol="HTTP", Port=8080, VpcId=vpc, TargetType="ip")
            cls.groups[name] = group["TargetGroups"][0]["TargetGroupArn"]
        balancer = elbv2.create_load_balancer(Name="rules", Subnets=subnets)["LoadBalancers"][0]["LoadBalancerArn"]
        listener = elbv2.create_listener(LoadBalancerArn=balancer, Protocol="HTTP", Port=8082, DefaultActions=[cls.forward("default")])
        cls.listener = listener["Listeners"][0]["ListenerArn"]
        cls.url = f"http://127.0.0.1:{PROXY_OFFSET + 8082}"

        def rule(priority, condition, action):
            return elbv2.create_rule(ListenerArn=cls.listener, Priority=priority, Conditions=[condition], Actions=[action])["Rules"][0]["RuleArn"]

        # Not created in priority order: the proxy sorts them.
        rule(20, {"Field": "path-pattern", "PathPatternConfig": {"Values": ["/drill/*"]}}, cls.forward("path"))
        drill_header = {"HttpHeaderName": "X-Recovery-Drill", "Values": ["tok-*", "exact"]}
        cls.header_rule = rule(10, {"Field": "http-header", "HttpHeaderConfig": drill_header}, cls.forward("header"))
        rule(1, {"Field": "http-header", "HttpHeaderConfig": {"HttpHeaderName": "X-Both", "Values": ["yes"]}}, cls.forward("first"))
        rule(30, {"Field": "host-header", "HostHeaderConfig": {"Values": ["drill.example.*"]}}, cls.forward("host"))
        rule(40, {"Field": "query-string", "QueryStringConfig": {"Values": [{"Key": "mode", "Value": "drill?"}]}}, cls.forward("query"))
        rule(50, {"Field": "http-request-method", "HttpRequestMethodConfig": {"Values": ["DELETE"]}}, cls.forward("method"))
        rule(60, {"Field": "source-ip", "SourceIpConfig": {"Values": ["10.0.0.0/8"]}}, cls.forward("source"))
        weighted = [{"TargetGroupArn": cls.groups["weight-0"], "Weight": 0}, {"TargetGroupArn": cls.groups["weight-1"], "Weight": 1}]
        rule(70, {"Field": "path-pattern", "Values": ["/weighted"]}, {"Type": "forward", "ForwardConfig": {"TargetGroups": weighted}})

    @classmethod
    def forward(cls, name):
        return {"Type": "forward", "TargetGroupArn": cls.groups[name]}

    def picked(self, path="/", headers=None, method="GET"):
        status, body = get(self.url + path, headers, method)
        self.assertEqual(503, status, body)
        return re.search(r"no running targets in rules-(\S+)", body).group(1)

    def test_a_request_goes_to_the_first_rule_that_matches_by_priority(self):
        self.assertEqual("default", self.picked())
        self.assertEqual("header", self.picked(headers={"x-recovery-drill": "TOK-123"}), "name and value ignore case, * is a wildcard")
        self.assertEqual("header", self.picked(headers={"X-Recovery-Drill": "exact"}), "any one of the values")
        self.assertEqual("default", self.picked(headers={"X-Recovery-Drill": "tok"}), "tok-* needs the dash")
        self.assertEqual("path", self.picked("/drill/x"))
        self.assertEqual("default", self.picked("/DRILL/x"), "paths compare case-sensitively")
        self.assertEqual("header", self.picked("/drill/x", {"X-Recovery-Drill": "tok-1"}), "priority 10 before 20")
        self.assertEqual("first", self.picked("/drill/x", {"X-Recovery-Drill": "tok-1", "X-Both": "YES"}), "priority 1 before 10")
        self.assertEqual("host", self.picked(headers={"Host": f"DRILL.example.com:{PROXY_OFFSET + 8082}"}))
        self.assertEqual("query", self.picked("/?mode=drillX"))
        self.assertEqual("default", self.picked("/?mode=drill"), "? is exactly one character")
        self.assertEqual("method", self.picked(method="DELETE"))
        self.assertEqual("weight-1", self.picked("/weighted"), "a rule's forward follows its weights")

    def test_b_a_deleted_rule_no_longer_matches(self):
        client("elbv2").delete_rule(RuleArn=self.header_rule)
        self.assertEqual("default", self.picked(headers={"X-Recovery-Drill": "tok-1"}))


@unittest.skipUnless(app_image(), "no service image: set TEST_APP_IMAGE, or run ./build.sh BuildImage")
class RecoveryDrillTaskTests(unittest.TestCase):
    """The recovery drill's AWS calls in its order, with the service's image: restore, a migrate --check task against
    the restored instance, a serving task behind a rule of the test listener, smoke requests, and the clean-up."""

    def test_the_drill_serves_from_the_restored_database(self):
        ecs, elbv2, logs = client("ecs"), client("elbv2"), client("logs")
        logs.create_log_group(logGroupName="/ecs/app-drill-test")
        awslogs = {"awslogs-group": "/ecs/app-drill-test", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "app"}
        container = {"name": "app", "image": app_image(), "essential": True, "portMappings": [{"containerPort": 8080, "protocol": "tcp"}],
                     "logConfiguration": {"logDriver": "awslogs", "options": awslogs}}
        definition = ecs.register_task_definition(
            family="app-drill-test", networkMode="awsvpc", requiresCompatibilities=["FARGATE"], cpu="256", memory="512",
            executionRoleArn="arn:aws:iam::123456789012:role/ecsTaskExecutionRole", containerDefinitions=[container],
        )["taskDefinition"]["taskDefinitionArn"]
        ecs.create_cluster(clusterName="app-drill-test")
        vpc, subnets, security_group = Account.settings["ECS_VPC"], Account.settings["ECS_SUBNETS"].split(), Account.settings["ECS_SECURITY_GROUPS"]
        network = {"awsvpcConfiguration": {"subnets": subnets, "securityGroups": [security_group], "assignPublicIp": "DISABLED"}}

        def run(command=None, environment=()):
            override = {"name": "app", "environment": list(environment)}
            if command:
                override["command"] = command
            return ecs.run_task(cluster="app-drill-test", taskDefinition=definition, launchType="FARGATE", networkConfiguration=network,
                                startedBy="RecoveryDrill", overrides={"containerOverrides": [override]})["tasks"][0]["taskArn"]

        def described(task):
            return ecs.describe_tasks(cluster="app-drill-test", tasks=[task])["tasks"][0]

        def stopped(task):
            return wait_for(f"task {task} STOPPED", lambda: (seen := described(task))["lastStatus"] == "STOPPED" and seen, deadline=120)

        # The live database migrated as MigrateDb does, and a note in it before the snapshot, one after.
        migrated = stopped(run(["migrate"]))
        self.assertEqual(0, migrated["containers"][0]["exitCode"], launcher.log()[-2000:])
        psql(live_url, "INSERT INTO notes (title) VALUES ('before')")
        snapshot("app-staging-drill-test-2")
        psql(live_url, "INSERT INTO notes (title) VALUES ('after')")
        _, restored = restore("app-staging-drill-test-2", "app-staging-drill-test-2")
        host = f"{restored['Endpoint']['Address']}:{restored['Endpoint']['Port']}"
        database_host = [{"name": "DATABASE_HOST", "value": host}]

        check = stopped(run(["migrate", "--check", "--require-host", host], database_host))
        self.assertEqual(0, check["containers"][0]["exitCode"])
        self.assertEqual("Essential container in task exited", check["stoppedReason"])
        stream = f"app/app/{check['taskArn'].split('/')[-1]}"
        self.assertTrue(logs.get_log_events(logGroupName="/ecs/app-drill-test", logStreamName=stream)["events"], "its output in its awslogs stream")

        serving = run(environment=database_host)
        seen = wait_for("serving task RUNNING", lambda: (t := described(serving))["lastStatus"] == "RUNNING" and t)
        eni = next(a for a in seen["attachments"] if a["type"] == "ElasticNetworkInterface")
        address = next(d["value"] for d in eni["details"] if d["name"] == "privateIPv4Address")
        self.assertRegex(address, r"^127\.\d+\.\d+\.\d+$")

        group = elbv2.create_target_group(Name="app-staging-drill", Protocol="HTTP", Port=8080, VpcId=vpc, TargetType="ip",
                                          HealthCheckPath="/health/ready")["TargetGroups"][0]["TargetGroupArn"]
        elbv2.register_targets(TargetGroupArn=group, Targets=[{"Id": address, "Port": 8080}])

        def healthy():
            health = elbv2.describe_target_health(TargetGroupArn=group)["TargetHealthDescriptions"][0]
            return health if health["TargetHealth"]["State"] == "healthy" else None

        self.assertEqual({"Id": address, "Port": 8080}, wait_for("drill target healthy", healthy, deadline=60)["Target"])

        # The test listener, its default action to a group without targets (the live color is not what is checked).
        live_group = elbv2.create_target_group(Name="app-staging-live", Protocol="HTTP", Port=8080, VpcId=vpc, TargetType="ip")["TargetGroups"][0]
        balancer = elbv2.create_load_balancer(Name="app-staging", Subnets=subnets)["LoadBalancers"][0]
        test_listener = elbv2.create_listener(LoadBalancerArn=balancer["LoadBalancerArn"], Protocol="HTTP", Port=8080,
                                              DefaultActions=[{"Type": "forward", "TargetGroupArn": live_group["TargetGroupArn"]}])["Listeners"][0]
        token = secrets.token_hex(16)
        rule = elbv2.create_rule(ListenerArn=test_listener["ListenerArn"], Priority=100, Actions=[{"Type": "forward", "TargetGroupArn": group}],
                                 Conditions=[{"Field": "http-header", "HttpHeaderConfig": {"HttpHeaderName": "X-Recovery-Drill", "Values": [token]}}])
        rule = rule["Rules"][0]["RuleArn"]
        url, drill = f"http://127.0.0.1:{PROXY_OFFSET + 8080}", {"X-Recovery-Drill": token}

        self.assertEqual(200, get(url + "/health/ready", drill)[0])
        self.assertEqual(503, get(url + "/health/ready")[0], "without the header: the default action (an empty group)")
        status, body = get(url + "/notes/", {**drill, "Content-Type": "application/json"}, "POST", json.dumps({"title": "drill"}).encode())
        self.assertEqual(201, status, body)
        notes = psql(restored_url(restored), "SELECT title FROM notes ORDER BY id")
        self.assertEqual([["before"], ["drill"]], notes, "the drill's task uses the restored database")
        self.assertEqual([["after"], ["before"]], psql(live_url, "SELECT title FROM notes ORDER BY title"), "and leaves the live one alone")
        dimensions = [{"Name": "LoadBalancer", "Value": balancer["LoadBalancerArn"].split(":loadbalancer/")[-1]},
                      {"Name": "TargetGroup", "Value": group.split(":")[-1]}]
        requests = client("cloudwatch").get_metric_statistics(Namespace="AWS/ApplicationELB", MetricName="RequestCount", Dimensions=dimensions,
                                                              Statistics=["Sum"], Period=60, StartTime=time.time() - 600, EndTime=time.time() + 60)
        self.assertEqual(2, sum(p["Sum"] for p in requests["Datapoints"]), "the rule's requests count for the drill's group")

        elbv2.delete_rule(RuleArn=rule)
        self.assertEqual(503, get(url + "/health/ready", drill)[0], "the rule is gone")
        answer = ecs.stop_task(cluster="app-drill-test", task=serving, reason="recovery drill finished")["task"]
        self.assertEqual("STOPPED", answer["desiredStatus"])
        serving_id = serving.split("/")[-1]

        def container_gone():
            return subprocess.run(["docker", "inspect", f"moto-ecs-task-{serving_id}"], capture_output=True, check=False).returncode != 0

        wait_for("the stopped task's container removed, with no DescribeTasks asked", container_gone, deadline=60)
        ended = stopped(serving)
        self.assertEqual(("recovery drill finished", "UserInitiated"), (ended["stoppedReason"], ended.get("stopCode")))
        self.assertIn("exitCode", ended["containers"][0])
        self.assertTrue(logs.get_log_events(logGroupName="/ecs/app-drill-test", logStreamName=f"app/app/{serving_id}")["events"])
        health = elbv2.describe_target_health(TargetGroupArn=group)["TargetHealthDescriptions"][0]["TargetHealth"]
        self.assertEqual(("unhealthy", "Target.Timeout"), (health["State"], health.get("Reason")), "a stopped task's target is not healthy")
        elbv2.delete_target_group(TargetGroupArn=group)
        delete("app-staging-drill-test-2")
        self.assertFalse(accepts(restored["Endpoint"]["Port"]))


if __name__ == "__main__":
    unittest.main(verbosity=2)
