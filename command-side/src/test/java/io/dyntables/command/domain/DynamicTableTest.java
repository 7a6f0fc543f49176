package io.dyntables.command.domain;

import java.util.List;
import java.util.function.Predicate;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.table.CommandOutcome;
import io.dyntables.api.table.Commands.ChangeSchema;
import io.dyntables.api.table.Commands.CreateTable;
import io.dyntables.api.table.Commands.DeleteTable;
import io.dyntables.api.table.Commands.RenameField;
import io.dyntables.api.table.Commands.RenameTable;
import io.dyntables.api.table.ConversionMode;
import io.dyntables.api.table.Events.FieldAdded;
import io.dyntables.api.table.Events.FieldOptionsChanged;
import io.dyntables.api.table.Events.FieldRemoved;
import io.dyntables.api.table.Events.FieldRenamed;
import io.dyntables.api.table.Events.FieldTypeChanged;
import io.dyntables.api.table.Events.TableCreated;
import io.dyntables.api.table.Events.TableDeleted;
import io.dyntables.api.table.Events.TableRenamed;
import io.dyntables.api.table.ExpectedVersion;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DynamicTableTest {

	private static final FieldDefinition FIRST_NAME = FieldDefinition.of("first_name", FieldType.STRING);

	private static final FieldDefinition LAST_NAME = FieldDefinition.of("last_name", FieldType.STRING);

	private static final FieldDefinition AGE = FieldDefinition.of("age", FieldType.INTEGER);

	private static final FieldDefinition ADDRESS = FieldDefinition.of("address", FieldType.STRING);

	private static final List<FieldDefinition> PERSON = List.of(FIRST_NAME, LAST_NAME, AGE, ADDRESS);

	private static final TableCreated PERSON_CREATED = new TableCreated(1, 1, "Person", "person_1", PERSON);

	private AggregateTestFixture<DynamicTable> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AggregateTestFixture<>(DynamicTable.class);
	}

	@Test
	void createsTableWithPhysicalNameFromLabelAndId() {
		this.fixture.givenNoPriorActivity()
			.when(new CreateTable(1, "Person", PERSON))
			.expectSuccessfulHandlerExecution()
			.expectEvents(PERSON_CREATED);
	}

	@Test
	void refusesCreationWithInvalidNamesNamingEachField() {
		this.fixture.givenNoPriorActivity()
			.when(new CreateTable(1, "Person",
					List.of(FieldDefinition.of("id", FieldType.INTEGER), FieldDefinition.of("bad name", FieldType.TEXT),
							FieldDefinition.of("xmin", FieldType.TEXT))))
			.expectNoEvents()
			.expectException(RefusedException.class)
			.expectExceptionMessage("'id': 'id' is the row id column of every table");
	}

	@Test
	void refusesBlankTableName() {
		this.fixture.givenNoPriorActivity()
			.when(new CreateTable(1, "  ", PERSON))
			.expectNoEvents()
			.expectException(RefusedException.class);
	}

	@Test
	void appliesTheOriginalWalkthroughChangeAsFineGrainedEvents() {
		this.fixture.given(PERSON_CREATED)
			.when(change(List.of(FIRST_NAME, FieldDefinition.of("age", FieldType.STRING), ADDRESS,
					FieldDefinition.of("married", FieldType.BOOLEAN))))
			.expectSuccessfulHandlerExecution()
			.expectEvents(
					new FieldRemoved(1, 2, LAST_NAME), new FieldTypeChanged(1, 2, AGE,
							FieldDefinition.of("age", FieldType.STRING), ConversionMode.STRICT, null),
					new FieldAdded(1, 2, FieldDefinition.of("married", FieldType.BOOLEAN)));
	}

	@Test
	void refusesStringToIntegerChange() {
		this.fixture.given(PERSON_CREATED)
			.when(change(List.of(FIRST_NAME, LAST_NAME, AGE, FieldDefinition.of("address", FieldType.INTEGER))))
			.expectNoEvents()
			.expectExceptionMessage(
					"'address' cannot change from string(200) to integer without possibly losing values; "
							+ "send \"convert\": \"lenient\" to convert what converts and keep the originals");
	}

	@Test
	void convertsStringToIntegerLenientlyKeepingTheOriginals() {
		this.fixture.given(PERSON_CREATED)
			.when(new ChangeSchema(1, null,
					List.of(FIRST_NAME, LAST_NAME, AGE, FieldDefinition.of("address", FieldType.INTEGER)), null,
					ConversionMode.LENIENT, false))
			.expectEvents(new FieldTypeChanged(1, 2, ADDRESS, FieldDefinition.of("address", FieldType.INTEGER),
					ConversionMode.LENIENT, "__v2_address"));
	}

	@Test
	void unchangedSchemaEmitsNothingAndKeepsTheVersion() {
		this.fixture.given(PERSON_CREATED)
			.when(change(PERSON))
			.expectNoEvents()
			.expectResultMessagePayloadMatching(outcome((o) -> o.version() == 1L, "version 1L"));
	}

	@Test
	void staleIfMatchIsAPreconditionFailure() {
		this.fixture.given(PERSON_CREATED, new FieldAdded(1, 2, FieldDefinition.of("nick", FieldType.TEXT)))
			.when(new ChangeSchema(1, null, PERSON, ExpectedVersion.ifMatch(1), ConversionMode.STRICT, false))
			.expectNoEvents()
			.expectException(RefusedException.class)
			.expectException(refusedWith(ErrorCode.PRECONDITION_FAILED));
	}

	@Test
	void staleLastEventIsAConflict() {
		this.fixture.given(PERSON_CREATED, new FieldAdded(1, 2, FieldDefinition.of("nick", FieldType.TEXT)))
			.when(new ChangeSchema(1, null, PERSON, ExpectedVersion.lastEvent(0), ConversionMode.STRICT, false))
			.expectNoEvents()
			.expectException(refusedWith(ErrorCode.VERSION_CONFLICT));
	}

	@Test
	void dryRunAnswersTheEventsAndEmitsNothing() {
		this.fixture.given(PERSON_CREATED)
			.when(new ChangeSchema(1, null, List.of(FIRST_NAME), null, ConversionMode.STRICT, true))
			.expectNoEvents()
			.expectResultMessagePayloadMatching(
					outcome((o) -> o.events().size() == 3 && o.dryRun(), "3 events, dry run"));
	}

	@Test
	void changeWithNewNameAlsoRenamesTheTable() {
		this.fixture.given(PERSON_CREATED)
			.when(new ChangeSchema(1, "People", PERSON, null, ConversionMode.STRICT, false))
			.expectEvents(new TableRenamed(1, 2, "Person", "People"));
	}

	@Test
	void renamesFieldKeepingItsDefinition() {
		this.fixture.given(PERSON_CREATED)
			.when(new RenameField(1, "address", "street", null, false))
			.expectEvents(new FieldRenamed(1, 2, "address", "street"));
	}

	@Test
	void refusesRenameOntoAnExistingFieldIgnoringCase() {
		this.fixture.given(PERSON_CREATED)
			.when(new RenameField(1, "address", "First_Name", null, false))
			.expectNoEvents()
			.expectException(RefusedException.class);
	}

	@Test
	void refusesRenameOfUnknownField() {
		this.fixture.given(PERSON_CREATED)
			.when(new RenameField(1, "nope", "street", null, false))
			.expectNoEvents()
			.expectException(refusedWith(ErrorCode.UNKNOWN_FIELD));
	}

	@Test
	void renamesTable() {
		this.fixture.given(PERSON_CREATED)
			.when(new RenameTable(1, "People", null, false))
			.expectEvents(new TableRenamed(1, 2, "Person", "People"));
	}

	@Test
	void deletesTableAndRefusesEveryLaterCommand() {
		this.fixture.given(PERSON_CREATED)
			.when(new DeleteTable(1, null, false))
			.expectEvents(new TableDeleted(1, 2, "Person"));
		this.fixture.given(PERSON_CREATED, new TableDeleted(1, 2, "Person"))
			.when(change(List.of(FIRST_NAME)))
			.expectNoEvents()
			.expectException(refusedWith(ErrorCode.TABLE_DELETED));
	}

	@Test
	void makingAnExistingFieldUniqueIsRefused() {
		FieldDefinition uniqueAge = new FieldDefinition("age", FieldType.INTEGER, true, null, null, null, null, true);
		this.fixture.given(PERSON_CREATED)
			.when(change(List.of(FIRST_NAME, LAST_NAME, uniqueAge, ADDRESS)))
			.expectNoEvents()
			.expectException(refusedWith(ErrorCode.OPTION_CHANGE_REFUSED));
	}

	@Test
	void makingAFieldOptionalChangesItsOptions() {
		FieldDefinition optionalAge = new FieldDefinition("age", FieldType.INTEGER, false, null, null, null, "0",
				false);
		this.fixture.given(PERSON_CREATED)
			.when(change(List.of(FIRST_NAME, LAST_NAME, optionalAge, ADDRESS)))
			.expectEvents(new FieldOptionsChanged(1, 2, AGE, optionalAge));
	}

	@Test
	void outcomeCarriesTheLastSequenceOfTheChange() {
		this.fixture.given(PERSON_CREATED)
			.when(change(List.of(FIRST_NAME)))
			.expectResultMessagePayloadMatching(outcome((o) -> o.lastSequence() == 3L, "last sequence 3L"));
		assertThat(new CommandOutcome(1, 1, List.of(), 0, false, List.of()).changed()).isFalse();
	}

	private static Matcher<Object> refusedWith(ErrorCode code) {
		return matching(RefusedException.class, (refused) -> refused.code() == code, "refused with " + code);
	}

	private static Matcher<Object> outcome(Predicate<CommandOutcome> test, String description) {
		return matching(CommandOutcome.class, test, "an outcome with " + description);
	}

	private static <T> Matcher<Object> matching(Class<T> type, Predicate<T> test, String description) {
		return new TypeSafeMatcher<>() {

			@Override
			protected boolean matchesSafely(Object item) {
				return type.isInstance(item) && test.test(type.cast(item));
			}

			@Override
			public void describeTo(Description text) {
				text.appendText(description);
			}

		};
	}

	private static ChangeSchema change(List<FieldDefinition> fields) {
		return new ChangeSchema(1, null, fields, null, ConversionMode.STRICT, false);
	}

}
