// Launcher starts an in-memory MongoDB wire-protocol server (de.bwaldvogel:mongo-java-server)
// on 127.0.0.1 for local and CI testing.
//
//   javac -d target/classes -cp 'target/lib/*' Launcher.java
//   java -cp 'target/classes:target/lib/*' Launcher [port] [announced MongoDB version: 4.4 (default), 5.0, 6.0, 7.0]
//
// mongo-java-server announces MongoDB 3.6 (wire version 6) by default, or at most 5.0 with
// wire version 8; current drivers (Go driver v2, pymongo 4, Node mongodb 6) need at least
// wire version 9 (MongoDB 4.4). The server implements the commands those drivers send for
// CRUD, counting, paging and indexes, so the launcher announces MongoDB 4.4.
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;

public class Launcher {
    static MongoVersion announced(String version) {
        int wire = switch (version) {
            case "4.4" -> 9;
            case "5.0" -> 13;
            case "6.0" -> 17;
            case "7.0" -> 21;
            default -> throw new IllegalArgumentException("unknown MongoDB version " + version + ": want 4.4, 5.0, 6.0 or 7.0");
        };
        String[] parts = version.split("\\.");
        List<Integer> array = List.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), 0);
        return new MongoVersion() {
            @Override public List<Integer> getVersionArray() { return array; }
            @Override public int getWireVersion() { return wire; }
        };
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 27017;
        String version = args.length > 1 ? args[1] : "4.4";
        MongoServer server = new MongoServer(new MemoryBackend().version(announced(version)));
        server.bind("127.0.0.1", port);
        System.out.println("mongo-java-server listening on 127.0.0.1:" + port + ", announcing MongoDB " + version);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        Thread.currentThread().join();
    }
}
