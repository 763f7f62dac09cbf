// Launcher starts an in-memory MongoDB wire-protocol server (de.bwaldvogel:mongo-java-server)
// on 127.0.0.1 for local and CI testing.
//
//   java -cp 'target/lib/*' Launcher.java [port]
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
    static final MongoVersion ANNOUNCED = new MongoVersion() {
        @Override public List<Integer> getVersionArray() { return List.of(4, 4, 0); }
        @Override public int getWireVersion() { return 9; }
    };

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 27017;
        MongoServer server = new MongoServer(new MemoryBackend().version(ANNOUNCED));
        server.bind("127.0.0.1", port);
        System.out.println("mongo-java-server listening on 127.0.0.1:" + port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        Thread.currentThread().join();
    }
}
