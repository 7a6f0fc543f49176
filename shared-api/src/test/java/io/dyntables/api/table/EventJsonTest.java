package io.dyntables.api.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dyntables.api.table.Events.TableEvent;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored form of every event, pinned: events are written to the event store as this
 * JSON by Axon's Jackson serializer (set up as Axon's Spring Boot configuration sets it
 * up) and must be read back from it for ever, so any change to an event's shape shows
 * here and needs an upcaster.
 */
class EventJsonTest {

	private final JacksonSerializer serializer = JacksonSerializer.builder()
		.objectMapper(new ObjectMapper().findAndRegisterModules())
		.build();

	@TestFactory
	Stream<DynamicTest> eachEventIsStoredAsItsFixture() {
		return SampleEvents.named().entrySet().stream().map((sample) -> DynamicTest.dynamicTest(sample.getKey(), () -> {
			TableEvent event = sample.getValue();
			SerializedObject<String> stored = this.serializer.serialize(event, String.class);
			assertThat(stored.getType().getName()).isEqualTo(event.getClass().getName());
			assertThat(stored.getType().getRevision()).isEqualTo("1");
			assertThat(stored.getData()).isEqualTo(fixture(sample.getKey()));
		}));
	}

	@TestFactory
	Stream<DynamicTest> eachFixtureReadsBackAsItsEvent() {
		return SampleEvents.named().entrySet().stream().map((sample) -> DynamicTest.dynamicTest(sample.getKey(), () -> {
			TableEvent event = sample.getValue();
			Object read = this.serializer.deserialize(new SimpleSerializedObject<>(fixture(sample.getKey()),
					String.class, event.getClass().getName(), "1"));
			assertThat(read).isEqualTo(event);
		}));
	}

	@Test
	void everyEventTypeHasAFixture() {
		List<Class<?>> sampled = SampleEvents.oneOfEach().stream().<Class<?>>map(Object::getClass).toList();
		assertThat(sampled).containsAll(List.of(TableEvent.class.getPermittedSubclasses()));
	}

	private static String fixture(String name) throws IOException {
		try (InputStream in = EventJsonTest.class.getResourceAsStream("/events/" + name + ".json")) {
			assertThat(in).as("fixture events/%s.json", name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
		}
	}

}
