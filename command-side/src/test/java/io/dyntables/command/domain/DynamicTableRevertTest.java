package io.dyntables.command.domain;

import java.util.List;

import io.dyntables.api.error.RefusedException;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.table.Commands.RevertSchema;
import io.dyntables.api.table.ConversionMode;
import io.dyntables.api.table.Events.FieldAdded;
import io.dyntables.api.table.Events.FieldRemoved;
import io.dyntables.api.table.Events.FieldRenamed;
import io.dyntables.api.table.Events.FieldTypeChanged;
import io.dyntables.api.table.Events.TableCreated;
import io.dyntables.api.table.Events.TableRenamed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.instanceOf;

/** Reverting a schema to an earlier version, decided from the aggregate's own past. */
class DynamicTableRevertTest {

	private static final FieldDefinition NAME = FieldDefinition.of("name", FieldType.STRING);

	private static final FieldDefinition AGE = FieldDefinition.of("age", FieldType.INTEGER);

	private static final FieldDefinition AGE_BIG = FieldDefinition.of("age", FieldType.BIGINT);

	private static final FieldDefinition MARRIED = FieldDefinition.of("married", FieldType.BOOLEAN);

	private AggregateTestFixture<DynamicTable> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AggregateTestFixture<>(DynamicTable.class);
	}

	@Test
	void revertRenamesBackRemovesAddedAndAddsRemovedFields() {
		this.fixture
			.given(new TableCreated(1, 1, "Person", "person_1", List.of(NAME, AGE)),
					new FieldRenamed(1, 2, "name", "full_name"), new FieldRemoved(1, 3, AGE),
					new FieldAdded(1, 3, MARRIED), new TableRenamed(1, 4, "Person", "People"))
			.when(new RevertSchema(1, 1, null, ConversionMode.STRICT, false))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new FieldRemoved(1, 5, MARRIED), new FieldRenamed(1, 5, "full_name", "name"),
					new FieldAdded(1, 5, AGE), new TableRenamed(1, 5, "People", "Person"));
	}

	@Test
	void revertWidensBackOnlyWithLenientConversion() {
		this.fixture
			.given(new TableCreated(1, 1, "Person", "person_1", List.of(NAME, AGE)),
					new FieldTypeChanged(1, 2, AGE, AGE_BIG, ConversionMode.STRICT, null))
			.when(new RevertSchema(1, 1, null, ConversionMode.STRICT, false))
			.expectException(RefusedException.class)
			.expectNoEvents();
		this.fixture
			.given(new TableCreated(1, 1, "Person", "person_1", List.of(NAME, AGE)),
					new FieldTypeChanged(1, 2, AGE, AGE_BIG, ConversionMode.STRICT, null))
			.when(new RevertSchema(1, 1, null, ConversionMode.LENIENT, false))
			.expectSuccessfulHandlerExecution()
			.expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
					org.axonframework.test.matchers.Matchers
						.messageWithPayload(org.hamcrest.Matchers.instanceOf(FieldTypeChanged.class)),
					org.axonframework.test.matchers.Matchers.andNoMore()));
	}

	@Test
	void revertToTheCurrentVersionChangesNothing() {
		this.fixture.given(new TableCreated(1, 1, "Person", "person_1", List.of(NAME)), new FieldAdded(1, 2, MARRIED))
			.when(new RevertSchema(1, 2, null, ConversionMode.STRICT, false))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void revertToUnknownVersionIsRefused() {
		this.fixture.given(new TableCreated(1, 1, "Person", "person_1", List.of(NAME)))
			.when(new RevertSchema(1, 7, null, ConversionMode.STRICT, false))
			.expectException(RefusedException.class)
			.expectNoEvents();
	}

	@Test
	void dryRunEmitsNothing() {
		this.fixture.given(new TableCreated(1, 1, "Person", "person_1", List.of(NAME)), new FieldAdded(1, 2, MARRIED))
			.when(new RevertSchema(1, 1, null, ConversionMode.STRICT, true))
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

}
