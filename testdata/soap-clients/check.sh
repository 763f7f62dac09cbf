#!/bin/sh
# check.sh WSDL_URL — proves that standard SOAP client generators accept the WSDL a running
# scaffold service serves, and that the clients they build work: every operation is called
# through a zeep client (Python) and through a wsimport-generated JAX-WS client (Java).
# The e2e harness runs it for every SOAP combination after the contract suite.
#
# Needs: SOAP_CLIENTS_PYTHON, a Python with zeep (requirements.txt); SOAP_CLIENTS_LIB, a
# folder with the jars of pom.xml; java and javac 17+.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
wsdl=$1
: "${SOAP_CLIENTS_PYTHON:?set SOAP_CLIENTS_PYTHON to a python with zeep}"
: "${SOAP_CLIENTS_LIB:?set SOAP_CLIENTS_LIB to the folder of the jaxws-tools jars}"

echo "== zeep: $wsdl"
"$SOAP_CLIENTS_PYTHON" "$here/zeep_client.py" "$wsdl"

echo "== wsimport: $wsdl"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir -p "$out/classes" "$out/src"
java -cp "$SOAP_CLIENTS_LIB/*" com.sun.tools.ws.WsImport -quiet -keep -d "$out/classes" -s "$out/src" -p client "$wsdl"
javac -d "$out/classes" -cp "$out/classes:$SOAP_CLIENTS_LIB/*" "$here/JaxwsClient.java"
java -cp "$out/classes:$SOAP_CLIENTS_LIB/*" JaxwsClient
