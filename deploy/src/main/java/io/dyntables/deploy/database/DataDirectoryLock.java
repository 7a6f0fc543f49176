package io.dyntables.deploy.database;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Marks a data directory as used by this process for as long as it lives. The operating
 * system releases the lock when the process ends, however it ends (a {@code kill -9}
 * included): a lock that can be taken means no service is using the directory, so a
 * PostgreSQL still running there is an orphan of a crashed one.
 */
final class DataDirectoryLock implements Closeable {

	static final String FILE_NAME = "dyntables.lock";

	private final FileChannel channel;

	private final FileLock lock;

	private DataDirectoryLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Takes the lock of the directory, or refuses when another running service holds it.
	 */
	static DataDirectoryLock acquire(Path directory) throws IOException {
		FileChannel channel = FileChannel.open(directory.resolve(FILE_NAME), StandardOpenOption.CREATE,
				StandardOpenOption.READ, StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		if (lock == null) {
			String owner = read(channel);
			channel.close();
			throw new DataDirectoryInUseException(directory, owner);
		}
		channel.truncate(0);
		channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
		channel.force(true);
		return new DataDirectoryLock(channel, lock);
	}

	private static String read(FileChannel channel) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(32);
		channel.read(buffer, 0);
		return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
	}

	@Override
	public void close() throws IOException {
		this.lock.release();
		this.channel.close();
	}

}
