package io.dyntables.deploy.database;

import java.nio.file.Path;

/**
 * Another running service uses the data directory: two PostgreSQL servers on one
 * directory would corrupt it, so the second service does not start.
 */
public class DataDirectoryInUseException extends IllegalStateException {

	private final Path directory;

	DataDirectoryInUseException(Path directory, String ownerPid) {
		super("The data directory " + directory + " is in use by another running dyntables"
				+ (ownerPid.isEmpty() ? "" : " (process " + ownerPid + ")"));
		this.directory = directory;
	}

	public Path directory() {
		return this.directory;
	}

}
