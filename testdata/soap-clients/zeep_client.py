"""Calls every operation of a running scaffold SOAP service through zeep.

    python zeep_client.py http://127.0.0.1:8080/soap?wsdl

zeep reads the WSDL and builds the client from it; calls go to the WSDL's
soap:address, so a wrong address fails here. The resource is the default
`task` (the e2e harness generates every project with it). Exits non-zero,
with the reason, on the first thing that is not as the contract says.
"""

import sys

import zeep
from zeep.exceptions import Fault


def expect(condition: bool, message: str) -> None:
    if not condition:
        sys.exit(f"zeep: {message}")


def main() -> None:
    client = zeep.Client(sys.argv[1])
    service = client.service

    created = service.CreateTask(title="made by zeep")
    expect(created.title == "made by zeep" and created.done is False, f"CreateTask returned {created}")
    expect(created.created_at is not None and created.created_at.tzinfo is not None, "created_at has no time zone")

    got = service.GetTask(id=created.id)
    expect(got.id == created.id and got.title == created.title, f"GetTask returned {got}")

    page = service.ListTasks(limit=100, offset=0)
    expect(page.total >= 1, f"ListTasks total is {page.total}")
    expect(any(item.id == created.id for item in page.task), "ListTasks does not list the new task")

    updated = service.UpdateTask(id=created.id, title="changed by zeep", done=True)
    expect(updated.title == "changed by zeep" and updated.done is True, f"UpdateTask returned {updated}")

    service.DeleteTask(id=created.id)
    try:
        service.GetTask(id=created.id)
    except Fault as fault:
        expect("Client" in str(fault.code), f"GetTask of a deleted task: fault code {fault.code}, want soap:Client")
    else:
        sys.exit("zeep: GetTask of a deleted task did not fault")
    print(f"zeep {zeep.__version__}: all five operations work through the client built from the WSDL")


if __name__ == "__main__":
    main()
