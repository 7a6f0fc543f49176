package io.dyntables.deploy.admin;

import java.time.Duration;

import io.dyntables.query.admin.Replayer;
import io.dyntables.query.admin.Replayer.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar dyntables.jar --replay}: replays the event stream into the read model,
 * waits for it to finish, and lets the application exit (with status 1 when the replay
 * failed, or left events parked because they failed to apply).
 */
@Component
public class ReplayCommandLine implements ApplicationRunner {

	static final String OPTION = "replay";

	private static final Logger log = LoggerFactory.getLogger(ReplayCommandLine.class);

	private final Replayer replayer;

	private final Duration deadline;

	ReplayCommandLine(Replayer replayer, @Value("${dyntables.replay.deadline:1h}") Duration deadline) {
		this.replayer = replayer;
		this.deadline = deadline;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (!args.containsOption(OPTION)) {
			return;
		}
		this.replayer.start();
		Progress progress = this.replayer.awaitCompletion(this.deadline);
		if (!"finished".equals(progress.state())) {
			throw new IllegalStateException("replay " + progress.state() + ": " + progress.error());
		}
		if (progress.parkedEvents() != null && progress.parkedEvents() > 0) {
			throw new IllegalStateException("replay finished, but " + progress.parkedEvents()
					+ " events failed to apply and are parked; the log and GET /api/admin/projection say why");
		}
		log.info("Replayed {} events at {} events/s", progress.total(), Math.round(progress.eventsPerSecond()));
	}

	/** Whether the command line asks for a replay. */
	public static boolean requested(String[] args) {
		for (String arg : args) {
			if (arg.equals("--" + OPTION)) {
				return true;
			}
		}
		return false;
	}

}
