"""Turns a SAM template into the CloudFormation template AWS deploys, offline, with AWS's own SAM translator.

Usage: python3 sam_translate.py <template.yaml> <output.json>

What `sam package` does first is done here too: every local artifact path (a function's CodeUri, a layer's
ContentUri, an API's or state machine's DefinitionUri) becomes an S3 URI, because the translator accepts only
those. Nothing is uploaded and no AWS account is asked: the region is fixed, and functions that name AWS managed
policies by their short name are refused (this project's functions have their own roles). Exit code 0 and the
translated template in <output.json>, or 1 and the translator's findings on stderr. A resource's Metadata is passed
on to the resources SAM makes of it, so a cfn-lint ignore written on a SAM resource applies to them.
"""
import hashlib
import json
import sys

import boto3
from samtranslator.model.exceptions import InvalidDocumentException
from samtranslator.parser.parser import Parser
from samtranslator.translator.translator import Translator
from samtranslator.yaml_helper import yaml_parse

ARTIFACT_BUCKET = "shop-sam-artifacts-example"
REGION = "us-east-1"  # cfn-lint's default region, so both tools judge the same place

# (resource type, property): the local paths `sam package` uploads and replaces by an S3 URI.
PACKAGED = {
    ("AWS::Serverless::Function", "CodeUri"),
    ("AWS::Serverless::LayerVersion", "ContentUri"),
    ("AWS::Serverless::Api", "DefinitionUri"),
    ("AWS::Serverless::HttpApi", "DefinitionUri"),
    ("AWS::Serverless::StateMachine", "DefinitionUri"),
}


def s3_uri(local_path):
    # `sam package` names the object by the artifact's MD5; the path's stands in for it (no build needed)
    return "s3://%s/%s" % (ARTIFACT_BUCKET, hashlib.md5(local_path.encode("utf-8")).hexdigest())


def as_packaged(template):
    for resource in (template.get("Resources") or {}).values():
        properties = resource.get("Properties") or {}
        for name, value in list(properties.items()):
            if (resource.get("Type"), name) in PACKAGED and isinstance(value, str) and not value.startswith("s3://"):
                properties[name] = s3_uri(value)
    function_globals = (template.get("Globals") or {}).get("Function") or {}
    if isinstance(function_globals.get("CodeUri"), str) and not function_globals["CodeUri"].startswith("s3://"):
        function_globals["CodeUri"] = s3_uri(function_globals["CodeUri"])
    return template


def no_managed_policies():
    raise ValueError("a function names an AWS managed policy by its short name; offline there is no IAM to resolve it")


def main(source, target):
    with open(source, encoding="utf-8") as f:
        template = as_packaged(yaml_parse(f.read()))
    translator = Translator(None, Parser(), boto_session=boto3.session.Session(region_name=REGION))
    try:
        # passthrough_metadata: what SAM makes of a resource keeps its Metadata, so its cfn-lint ignores apply there too
        translated = translator.translate(template, parameter_values={}, passthrough_metadata=True,
                                          get_managed_policy_map=no_managed_policies)
    except InvalidDocumentException as invalid:
        for cause in invalid.causes:
            print("SAM translator: " + cause.message, file=sys.stderr)
        return 1
    with open(target, "w", encoding="utf-8") as f:
        json.dump(translated, f, indent=2, sort_keys=False)
    print("%d CloudFormation resources" % len(translated.get("Resources", {})))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
