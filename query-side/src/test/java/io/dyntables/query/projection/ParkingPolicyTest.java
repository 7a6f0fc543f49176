package io.dyntables.query.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParkingPolicyTest {

	private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

	private final ParkingPolicy policy = new ParkingPolicy(null, Clock.fixed(NOW, ZoneOffset.UTC),
			Duration.ofSeconds(1), Duration.ofSeconds(30));

	@Test
	void backsOffExponentiallyUpToTheMaximum() {
		assertThat(this.policy.delay(1)).hasSeconds(1);
		assertThat(this.policy.delay(2)).hasSeconds(2);
		assertThat(this.policy.delay(3)).hasSeconds(4);
		assertThat(this.policy.delay(5)).hasSeconds(16);
		assertThat(this.policy.delay(6)).hasSeconds(30);
		assertThat(this.policy.delay(1000)).hasSeconds(30);
	}

	@Test
	void aParkedEventIsDueOnceItsNextAttemptHasCome() {
		assertThat(ParkingPolicy.due(parked(NOW.plusMillis(1)), NOW)).isFalse();
		assertThat(ParkingPolicy.due(parked(NOW), NOW)).isTrue();
		assertThat(ParkingPolicy.due(parked(NOW.minusSeconds(5)), NOW)).isTrue();
	}

	@Test
	void anEventParkedBehindAnotherIsDueAtOnce() {
		DeadLetter<EventMessage<?>> behind = new GenericDeadLetter<>("7", GenericEventMessage.asEventMessage("x"));
		assertThat(ParkingPolicy.due(behind, NOW)).isTrue();
	}

	private static DeadLetter<EventMessage<?>> parked(Instant next) {
		DeadLetter<EventMessage<?>> letter = new GenericDeadLetter<>("7", GenericEventMessage.asEventMessage("x"));
		return letter.withDiagnostics(
				MetaData.with(ParkingPolicy.ATTEMPTS, 2).and(ParkingPolicy.NEXT_ATTEMPT_AT, next.toEpochMilli()));
	}

}
