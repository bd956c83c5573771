package dev.fashionshop.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A process's established TCP connections to a port, as /proc shows them (Linux): their sockets' inodes. */
final class TcpConnections {

    private static final String ESTABLISHED = "01";

    private TcpConnections() {
    }

    static Set<Long> of(long pid, int remotePort) throws IOException {
        Set<Long> sockets = sockets(pid);
        Set<Long> connections = new HashSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc", String.valueOf(pid), "net", table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                String remote = fields[2];
                int port = Integer.parseInt(remote.substring(remote.indexOf(':') + 1), 16);
                long inode = Long.parseLong(fields[9]);
                if (port == remotePort && fields[3].equals(ESTABLISHED) && sockets.contains(inode)) {
                    connections.add(inode);
                }
            }
        }
        return connections;
    }

    /** The inodes of the sockets among the process's open files. */
    private static Set<Long> sockets(long pid) throws IOException {
        Set<Long> sockets = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path file : files) {
                try {
                    String target = Files.readSymbolicLink(file).toString();
                    if (target.startsWith("socket:[")) {
                        sockets.add(Long.parseLong(target.substring("socket:[".length(), target.length() - 1)));
                    }
                } catch (IOException closedMeanwhile) {
                    // not a socket any more
                }
            }
        }
        return sockets;
    }
}
