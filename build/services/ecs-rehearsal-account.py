"""What an AWS account has before Provision runs, created in moto for ecs-rehearsal.sh, idempotently: a VPC with two
subnets and a security group (found again by their Name tag), a DB subnet group of those subnets, and the RDS
instances MigrateDb snapshots (<app>-staging, <app>-production), in that subnet group and security group, so that a
restore (RecoveryDrill) has a live instance's network settings to copy. moto runs no database for them: the tasks use
the local PostgreSQL through DATABASE_URL, and with the data plane a snapshot dumps it (moto_data_plane.py).

Usage: ecs-rehearsal-account.py ENDPOINT APP. Prints the build's settings, one "NAME=value" a line: ECS_SUBNETS
(space-separated, as the build reads a list from the environment), ECS_SECURITY_GROUPS, ECS_VPC.
"""

import sys

import boto3

endpoint, app = sys.argv[1], sys.argv[2]
session = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")
ec2 = session.client("ec2", endpoint_url=endpoint)
rds = session.client("rds", endpoint_url=endpoint)
name = f"{app}-rehearsal"


def tagged(kind, describe, key):
    found = describe(Filters=[{"Name": "tag:Name", "Values": [kind]}])[key]
    return found[0] if found else None


def tags(kind):
    return [{"ResourceType": kind, "Tags": [{"Key": "Name", "Value": name}]}]


vpc = tagged(name, ec2.describe_vpcs, "Vpcs") or ec2.create_vpc(CidrBlock="10.20.0.0/16", TagSpecifications=tags("vpc"))["Vpc"]
subnets = ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc["VpcId"]]}])["Subnets"]
for index, zone in enumerate(["us-east-1a", "us-east-1b"][len(subnets) :], start=len(subnets)):
    subnets.append(ec2.create_subnet(VpcId=vpc["VpcId"], CidrBlock=f"10.20.{index}.0/24", AvailabilityZone=zone, TagSpecifications=tags("subnet"))["Subnet"])
groups = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc["VpcId"]]}, {"Name": "group-name", "Values": [name]}])["SecurityGroups"]
group = groups[0]["GroupId"] if groups else ec2.create_security_group(GroupName=name, Description="the rehearsal's tasks and load balancer", VpcId=vpc["VpcId"])["GroupId"]

if not any(g["DBSubnetGroupName"] == name for g in rds.describe_db_subnet_groups()["DBSubnetGroups"]):
    rds.create_db_subnet_group(DBSubnetGroupName=name, DBSubnetGroupDescription="the rehearsal's subnets", SubnetIds=[s["SubnetId"] for s in subnets])

existing = {i["DBInstanceIdentifier"]: i for i in rds.describe_db_instances()["DBInstances"]}
for environment in ("staging", "production"):
    instance = f"{app}-{environment}"
    if instance not in existing:
        # A placeholder credential for a database moto does not run.
        rds.create_db_instance(
            DBInstanceIdentifier=instance, DBInstanceClass="db.t3.micro", Engine="postgres", AllocatedStorage=20,
            MasterUsername="app", MasterUserPassword="not-a-real-password", DBSubnetGroupName=name,
            VpcSecurityGroupIds=[group], PubliclyAccessible=False)
        print(f"ecs-rehearsal: created RDS instance {instance} in moto", file=sys.stderr)
    elif "DBSubnetGroup" not in existing[instance]:
        # Made by an older version of this script, before instances had a subnet group.
        rds.modify_db_instance(DBInstanceIdentifier=instance, DBSubnetGroupName=name, VpcSecurityGroupIds=[group], ApplyImmediately=True)
        print(f"ecs-rehearsal: RDS instance {instance} moved into subnet group {name}", file=sys.stderr)

print(f"ECS_SUBNETS={' '.join(s['SubnetId'] for s in subnets)}\nECS_SECURITY_GROUPS={group}\nECS_VPC={vpc['VpcId']}")
