package io.dyntables.deploy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a benchmark's time goes inside PostgreSQL, and what it costs in CPU: while it
 * runs, samples every few milliseconds what each other client backend is doing (on CPU or
 * waiting, and for what, in which statement), and measures the CPU time used by this JVM
 * and by the PostgreSQL processes (read from {@code /proc}, so on Linux and with the
 * database on this machine only), beside the machine's load average, which the rates
 * depend on.
 */
final class DatabaseProfile implements AutoCloseable {

	private static final long SAMPLE_MILLIS = 10;

	private static final long CLOCK_TICKS_PER_SECOND = 100;

	private final JdbcTemplate jdbc;

	private final Map<String, LongAdder> samples = new ConcurrentHashMap<>();

	private final AtomicLong rounds = new AtomicLong();

	private final long jvmCpuAtStart;

	private final Map<Integer, Long> postgresCpuAtStart;

	private final long startNanos = System.nanoTime();

	private final String loadAtStart = loadAverage();

	private final Thread sampler;

	private volatile boolean running = true;

	private DatabaseProfile(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.jvmCpuAtStart = jvmCpuNanos();
		this.postgresCpuAtStart = postgresCpuTicks();
		this.sampler = new Thread(this::sample, "database-profile");
		this.sampler.setDaemon(true);
		this.sampler.start();
	}

	static DatabaseProfile start(JdbcTemplate jdbc) {
		return new DatabaseProfile(jdbc);
	}

	private void sample() {
		while (this.running) {
			try {
				List<String> active = this.jdbc.queryForList("""
						SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') || ' | '
						    || regexp_replace(left(query, 60), '\\s+', ' ', 'g')
						FROM pg_catalog.pg_stat_activity
						WHERE backend_type = 'client backend' AND state = 'active' AND pid <> pg_backend_pid()
						    AND query NOT LIKE 'LISTEN%'""", String.class);
				active.forEach((what) -> this.samples.computeIfAbsent(what, (key) -> new LongAdder()).increment());
				this.rounds.incrementAndGet();
				Thread.sleep(SAMPLE_MILLIS);
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				// the next round tries again
			}
		}
	}

	/** Stops sampling and answers the report, one line per figure. */
	List<String> report(long events) {
		close();
		double seconds = (System.nanoTime() - this.startNanos) / 1e9;
		double jvm = (jvmCpuNanos() - this.jvmCpuAtStart) / 1e9;
		Map<Integer, Long> now = postgresCpuTicks();
		long ticks = now.entrySet()
			.stream()
			.mapToLong((entry) -> entry.getValue() - this.postgresCpuAtStart.getOrDefault(entry.getKey(), 0L))
			.sum();
		double postgres = (double) ticks / CLOCK_TICKS_PER_SECOND;
		long rounds = Math.max(1, this.rounds.get());
		long total = this.samples.values().stream().mapToLong(LongAdder::sum).sum();
		String header = String.format(Locale.ROOT,
				"profile: %.1f s, CPU %.1f s in the JVM and %.1f s in PostgreSQL (%.0f + %.0f us per event), "
						+ "%.2f backends busy on average over %d samples",
				seconds, jvm, postgres, jvm * 1e6 / events, postgres * 1e6 / events, (double) total / rounds, rounds);
		List<String> lines = new ArrayList<>(List.of(header));
		this.samples.entrySet()
			.stream()
			.sorted(Map.Entry.<String, LongAdder>comparingByValue(Comparator.comparingLong(LongAdder::sum).reversed()))
			.limit(15)
			.forEach((entry) -> lines.add(String.format(Locale.ROOT, "  %5.1f%% %s",
					100.0 * entry.getValue().sum() / Math.max(1, total), entry.getKey())));
		Map<String, Long> byWait = this.samples.entrySet()
			.stream()
			.collect(Collectors.groupingBy((entry) -> entry.getKey().substring(0, entry.getKey().indexOf(" | ")),
					HashMap::new, Collectors.summingLong((entry) -> entry.getValue().sum())));
		lines.add("  load average (1 min) at start and end: " + this.loadAtStart + ", " + loadAverage());
		lines.add("  by wait: " + byWait.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.map((entry) -> String.format(Locale.ROOT, "%s %.1f%%", entry.getKey(),
					100.0 * entry.getValue() / Math.max(1, total)))
			.collect(Collectors.joining(", ")));
		return lines;
	}

	@Override
	public void close() {
		this.running = false;
		this.sampler.interrupt();
		try {
			this.sampler.join(2000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The machine's 1-minute load average, from /proc. */
	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static long jvmCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return 0;
	}

	/**
	 * The CPU ticks of every PostgreSQL process (its backends and its own workers), by
	 * pid, children that ended included through the postmaster's count.
	 */
	private Map<Integer, Long> postgresCpuTicks() {
		Map<Integer, Long> ticks = new HashMap<>();
		List<Integer> pids = this.jdbc.queryForList("SELECT pid FROM pg_catalog.pg_stat_activity", Integer.class);
		Integer postmaster = parent(pids);
		for (Integer pid : pids) {
			ticks.put(pid, ticks(pid, false));
		}
		if (postmaster != null) {
			ticks.put(postmaster, ticks(postmaster, true));
		}
		return ticks;
	}

	private static Integer parent(List<Integer> pids) {
		for (Integer pid : pids) {
			String[] stat = stat(pid);
			if (stat != null) {
				return Integer.valueOf(stat[3]);
			}
		}
		return null;
	}

	/** utime + stime (and, for the postmaster, its reaped children's). */
	private static long ticks(int pid, boolean withChildren) {
		String[] stat = stat(pid);
		if (stat == null) {
			return 0;
		}
		long own = Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
		return withChildren ? own + Long.parseLong(stat[15]) + Long.parseLong(stat[16]) : own;
	}

	/** The fields of /proc/pid/stat, the command name (in parentheses) skipped. */
	private static String[] stat(int pid) {
		try {
			String text = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
			String rest = text.substring(text.lastIndexOf(')') + 2);
			String[] fields = rest.split(" ");
			String[] all = new String[fields.length + 2];
			all[0] = Integer.toString(pid);
			all[1] = "";
			System.arraycopy(fields, 0, all, 2, fields.length);
			return all;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

}
