"""What boto3 (botocore's service model) parses from the local DynamoDB's transactions and TTL: written as JSON for the Java test."""
import json
import sys
import time
import uuid

import boto3

endpoint, out = sys.argv[1], sys.argv[2]
client = boto3.client("dynamodb", endpoint_url=endpoint, region_name="eu-west-1",
                      aws_access_key_id="local", aws_secret_access_key="local")
table = "boto3-" + str(uuid.uuid4())
client.create_table(TableName=table, BillingMode="PAY_PER_REQUEST",
                    AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                    KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}])
while client.describe_table(TableName=table)["Table"]["TableStatus"] != "ACTIVE":
    time.sleep(0.01)
client.put_item(TableName=table, Item={"pk": {"S": "stock"}, "available": {"N": "1"}})


def take(claim):
    return [
        {"Put": {"TableName": table, "Item": {"pk": {"S": claim}}, "ConditionExpression": "attribute_not_exists(pk)"}},
        {"Update": {"TableName": table, "Key": {"pk": {"S": "stock"}},
                    "UpdateExpression": "SET available = available - :one", "ConditionExpression": "available >= :one",
                    "ExpressionAttributeValues": {":one": {"N": "1"}}, "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}},
    ]


result = {"success": client.transact_write_items(TransactItems=take("claim-1"))["ResponseMetadata"]["HTTPStatusCode"]}
try:
    client.transact_write_items(TransactItems=take("claim-2"))
    result["cancelled"] = "not cancelled"
except client.exceptions.TransactionCanceledException as e:
    result["cancelled"] = {"Code": e.response["Error"]["Code"], "Message": e.response["Error"]["Message"],
                           "CancellationReasons": e.response.get("CancellationReasons")}
result["get"] = client.transact_get_items(TransactItems=[
    {"Get": {"TableName": table, "Key": {"pk": {"S": "stock"}}}},
    {"Get": {"TableName": table, "Key": {"pk": {"S": "claim-2"}}}},
])["Responses"]
client.update_time_to_live(TableName=table, TimeToLiveSpecification={"AttributeName": "expiresAt", "Enabled": True})
result["ttl"] = client.describe_time_to_live(TableName=table)["TimeToLiveDescription"]
with open(out, "w") as f:
    json.dump(result, f)
