// Calls every operation of a running scaffold SOAP service through the client that the
// JAX-WS reference implementation's wsimport generated from its WSDL (package "client").
// check.sh generates that client, compiles this file against it and runs it.
//
// The generated TaskService reads the WSDL from the URL wsimport was given and calls its
// soap:address. The resource is the default `task`. `var` keeps this file the same for
// SQL databases (xs:long ids) and MongoDB (xs:string ids).
import client.Task;
import client.TaskPortType;
import client.TaskService;
import jakarta.xml.ws.Holder;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.util.List;
import java.util.Objects;

public class JaxwsClient {
    static void expect(boolean condition, String message) {
        if (!condition) {
            System.err.println("wsimport client: " + message);
            System.exit(1);
        }
    }

    public static void main(String[] args) {
        TaskPortType port = new TaskService().getTaskPort();

        Task created = port.createTask("made by wsimport", null);
        expect("made by wsimport".equals(created.getTitle()) && !created.isDone(), "CreateTask returned " + describe(created));
        expect(created.getCreatedAt() != null, "CreateTask returned no created_at");

        var id = created.getId();
        Task got = port.getTask(id);
        expect(Objects.equals(got.getId(), id) && got.getTitle().equals(created.getTitle()), "GetTask returned " + describe(got));

        Holder<List<Task>> items = new Holder<>();
        Holder<Long> total = new Holder<>();
        port.listTasks(100, null, items, total); // offset left out: xs:int in some WSDLs, xs:long in others
        expect(total.value != null && total.value >= 1, "ListTasks total is " + total.value);
        expect(items.value.stream().anyMatch(t -> Objects.equals(t.getId(), id)), "ListTasks does not list the new task");

        Task updated = port.updateTask(id, "changed by wsimport", true);
        expect("changed by wsimport".equals(updated.getTitle()) && updated.isDone(), "UpdateTask returned " + describe(updated));

        port.deleteTask(id);
        try {
            port.getTask(id);
            expect(false, "GetTask of a deleted task did not fault");
        } catch (SOAPFaultException fault) {
            String code = fault.getFault().getFaultCodeAsQName().getLocalPart();
            expect(code.equals("Client"), "GetTask of a deleted task: fault code " + code + ", want soap:Client");
        }
        System.out.println("wsimport: all five operations work through the generated JAX-WS client");
    }

    static String describe(Task t) {
        return "{id=" + t.getId() + ", title=" + t.getTitle() + ", done=" + t.isDone() + ", created_at=" + t.getCreatedAt() + "}";
    }
}
