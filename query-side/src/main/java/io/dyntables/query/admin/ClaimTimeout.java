package io.dyntables.query.admin;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long the projector's claim on a segment holds without being extended
 * ({@code dyntables.projection.claim-timeout}, the tracking processor's claim timeout):
 * read once here for everyone who judges claims (which instance owns a segment, which
 * instances are alive, whether a replay may start).
 *
 * @param duration the timeout
 */
@Component
record ClaimTimeout(@Value("${dyntables.projection.claim-timeout:3s}") Duration duration) {

}
