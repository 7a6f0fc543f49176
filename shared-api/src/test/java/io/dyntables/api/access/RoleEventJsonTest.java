package io.dyntables.api.access;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dyntables.api.access.RoleEvents.RoleCreated;
import io.dyntables.api.access.RoleEvents.RoleDeleted;
import io.dyntables.api.access.RoleEvents.RoleEvent;
import io.dyntables.api.access.RoleEvents.RoleGrantsSet;
import io.dyntables.api.security.Action;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored form of the role events, pinned: they are read back from the event store for
 * ever, so a change of their shape shows here and needs an upcaster.
 */
class RoleEventJsonTest {

	private static final String CREATED = "{\"name\":\"sales\",\"version\":1,\"grants\":[{\"actions\":[\"ROWS_READ\"],"
			+ "\"tables\":{\"all\":false,\"ids\":[],\"pattern\":\"sales_*\"},\"readFields\":[\"region\"],"
			+ "\"writeFields\":null,\"rows\":\"tenant = ${claim.tenant}\"}]}";

	private final JacksonSerializer serializer = JacksonSerializer.builder()
		.objectMapper(new ObjectMapper().findAndRegisterModules())
		.build();

	private static final Grant GRANT = new Grant(Set.of(Action.ROWS_READ), TableScope.named("sales_*"),
			List.of("region"), null, "tenant = ${claim.tenant}");

	@Test
	void roleCreatedIsStoredAsPinned() {
		SerializedObject<String> stored = this.serializer.serialize(new RoleCreated("sales", 1, List.of(GRANT)),
				String.class);
		assertThat(stored.getData()).isEqualTo(CREATED);
		assertThat(stored.getType().getRevision()).isEqualTo("1");
	}

	@Test
	void everyRoleEventReadsBackAsItself() {
		List<RoleEvent> events = List.of(new RoleCreated("sales", 1, List.of(GRANT)),
				new RoleGrantsSet("sales", 2,
						List.of(GRANT, new Grant(Set.of(Action.ADMIN, Action.SCHEMA_WRITE),
								TableScope.tables(List.of(7L)), null, List.of("a"), null))),
				new RoleDeleted("sales", 3));
		for (RoleEvent event : events) {
			SerializedObject<String> stored = this.serializer.serialize(event, String.class);
			Object read = this.serializer.deserialize(
					new SimpleSerializedObject<>(stored.getData(), String.class, event.getClass().getName(), "1"));
			assertThat(read).isEqualTo(event);
		}
		assertThat(events.stream().map(Object::getClass).toList())
			.containsAll(List.of(RoleEvent.class.getPermittedSubclasses()));
	}

}
