package io.dyntables.api.table;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.dyntables.api.history.SchemaDiff;
import io.dyntables.api.history.Summaries;
import io.dyntables.api.table.Events.TableCreated;
import io.dyntables.api.table.Events.TableEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type is handled everywhere: the dispatch interface has one method per
 * permitted subtype of {@link TableEvent}, each event dispatches to its own, and each
 * consumer in the shared API answers for every type. (The compiler checks that every
 * consumer implements every method; this checks what it cannot.)
 */
class EventCasesTest {

	private static final List<Class<?>> EVENT_TYPES = List.of(TableEvent.class.getPermittedSubclasses());

	@Test
	void casesHaveOneMethodPerEventType() {
		List<Class<?>> handled = Arrays.stream(TableEvent.Cases.class.getDeclaredMethods())
			.peek((method) -> assertThat(method.getParameterCount()).as(method.getName()).isEqualTo(1))
			.<Class<?>>map((method) -> method.getParameterTypes()[0])
			.toList();
		assertThat(handled).containsExactlyInAnyOrderElementsOf(EVENT_TYPES);
	}

	@Test
	void eachEventDispatchesToTheMethodOfItsType() {
		assertThat(SampleEvents.oneOfEach().stream().map(Object::getClass).distinct().toList())
			.containsExactlyInAnyOrderElementsOf(EVENT_TYPES);
		for (TableEvent event : SampleEvents.oneOfEach()) {
			AtomicReference<Method> called = new AtomicReference<>();
			TableEvent.Cases<?> recorder = (TableEvent.Cases<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
					new Class<?>[] { TableEvent.Cases.class }, (proxy, method, args) -> {
						called.set(method);
						assertThat(args).containsExactly(event);
						return null;
					});
			event.accept(recorder);
			assertThat(called.get()).as(event.getClass().getSimpleName()).isNotNull();
			assertThat(called.get().getParameterTypes()[0]).isEqualTo(event.getClass());
		}
	}

	@Test
	void theFoldHandlesEveryEventType() {
		List<TableEvent> events = SampleEvents.oneOfEach();
		TableSchema schema = TableSchema.created((TableCreated) events.get(0));
		for (TableEvent event : events.subList(1, events.size())) {
			TableSchema next = schema.apply(event);
			assertThat(next.version()).isEqualTo(event.version());
			assertThat(next.sequence()).isEqualTo(schema.sequence() + 1);
			assertThat(content(next)).as("what %s changed", event.getClass().getSimpleName())
				.isNotEqualTo(content(schema));
			schema = next;
		}
		assertThat(schema.name()).isEqualTo("People");
		assertThat(schema.deleted()).isTrue();
		assertThat(schema.fields()).extracting((field) -> field.name()).containsExactly("full_name", "price");
	}

	private static List<Object> content(TableSchema schema) {
		return List.of(schema.name(), schema.fields(), schema.deleted(), schema.columnSlots());
	}

	@Test
	void everyEventTypeHasASentence() {
		for (TableEvent event : SampleEvents.oneOfEach()) {
			assertThat(Summaries.of(event)).as(event.getClass().getSimpleName())
				.isNotBlank()
				.isNotEqualTo(event.getClass().getSimpleName());
		}
	}

	@Test
	void aDiffSpansEveryEventType() {
		List<TableEvent> events = SampleEvents.oneOfEach();
		long last = events.get(events.size() - 1).version();
		SchemaDiff diff = SchemaDiff.between(events, 1, last);
		assertThat(diff.renamed()).containsExactly(new SchemaDiff.Renamed("name", "full_name"));
		assertThat(diff.added()).isEmpty();
		assertThat(diff.removed()).isEmpty();
		assertThat(diff.optionsChanged()).extracting(SchemaDiff.Changed::name).containsExactly("price");
		assertThat(diff.tableRenamed()).isEqualTo(new SchemaDiff.Renamed("Person", "People"));
	}

}
