package dev.fashionshop.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One runner per data directory: a lock on a file in it, held as long as the runner lives and released
 * by the OS when the runner's process ends, however it ends. The file holds the runner's PID, so that a
 * second runner can say which one is in the way.
 */
final class DataDirectoryLock implements AutoCloseable {

    static final String FILE = "runner.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Another runner holds the data directory. */
    static final class InUseException extends IOException {
        InUseException(String message) {
            super(message);
        }
    }

    /** Locks the data directory for this runner, or throws InUseException naming the runner that has it. */
    static DataDirectoryLock acquire(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
            throw new InUseException("Another runner (pid " + (holder.isEmpty() ? "unknown" : holder) + ") is using the data directory "
                    + dataDirectory + ": stop it first, or give this one another --data-dir.");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
        return new DataDirectoryLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
