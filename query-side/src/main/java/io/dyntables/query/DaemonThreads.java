package io.dyntables.query;

import java.util.concurrent.ThreadFactory;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Threads for the service's background work (listeners, watchers, schedulers): daemons,
 * so that none keeps the JVM alive after the application has closed, named for their work
 * so that thread dumps and logs say what each is. Spring's factory makes them.
 */
public final class DaemonThreads {

	private DaemonThreads() {
	}

	/** A factory of daemon threads named {@code name-1}, {@code name-2}, ... */
	public static ThreadFactory named(String name) {
		CustomizableThreadFactory factory = new CustomizableThreadFactory(name + "-");
		factory.setDaemon(true);
		return factory;
	}

}
