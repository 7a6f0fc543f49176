package io.dyntables.deploy.web;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers 406 to an API request whose {@code Accept} header admits nothing the API
 * writes, before the request is handled: the same on every endpoint, and never after a
 * write has happened. The API writes JSON (and Problem Details) everywhere, NDJSON and
 * CSV for row listings, Server-Sent Events for event feeds.
 */
@ControllerAdvice(basePackages = "io.dyntables")
class AcceptableAnswers {

	private static final List<MediaType> EVERYWHERE = List.of(MediaType.APPLICATION_JSON,
			MediaType.APPLICATION_PROBLEM_JSON);

	private static final List<MediaType> ROW_LISTINGS = List.of(MediaType.APPLICATION_NDJSON,
			MediaType.parseMediaType("text/csv"));

	private static final List<MediaType> EVENT_FEEDS = List.of(MediaType.TEXT_EVENT_STREAM);

	private static final Pattern ROW_LISTING_PATH = Pattern.compile(".*/rows/?");

	private static final Pattern EVENT_FEED_PATH = Pattern.compile(".*/events/?");

	/** Runs before every handler of the API (a model attribute that adds nothing). */
	@ModelAttribute
	void refuseUnacceptable(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().value();
		if (!path.startsWith("/api/")) {
			return;
		}
		List<MediaType> accepted;
		try {
			accepted = exchange.getRequest().getHeaders().getAccept();
		}
		catch (InvalidMediaTypeException ex) {
			throw new NotAcceptableStatusException("the Accept header is not a list of media types");
		}
		if (accepted.isEmpty() || writesAny(accepted, EVERYWHERE)) {
			return;
		}
		boolean listing = exchange.getRequest().getMethod() == HttpMethod.GET
				&& ROW_LISTING_PATH.matcher(path).matches();
		if (listing && writesAny(accepted, ROW_LISTINGS)) {
			return;
		}
		if (EVENT_FEED_PATH.matcher(path).matches() && writesAny(accepted, EVENT_FEEDS)) {
			return;
		}
		throw new NotAcceptableStatusException(EVERYWHERE);
	}

	private static boolean writesAny(List<MediaType> accepted, List<MediaType> written) {
		for (MediaType type : accepted) {
			for (MediaType answer : written) {
				if (type.isCompatibleWith(answer)) {
					return true;
				}
			}
		}
		return false;
	}

}
