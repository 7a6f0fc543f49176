package io.dyntables.api.table;

import java.util.List;
import java.util.Set;

import io.dyntables.api.access.ShownFields;
import io.dyntables.api.history.HiddenChanges;
import io.dyntables.api.history.HiddenChanges.Told;
import io.dyntables.api.history.SchemaDiff;
import io.dyntables.api.history.Summaries;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.table.Events.FieldAdded;
import io.dyntables.api.table.Events.FieldRenamed;
import io.dyntables.api.table.Events.FieldTypeChanged;
import io.dyntables.api.table.Events.TableCreated;
import io.dyntables.api.table.Events.TableEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a caller shown only some fields is told of the events and of a diff: nothing of a
 * hidden field, under any name it had, and every version still there.
 */
class HiddenFieldsTest {

	@Test
	void everyEventIsToldInFullWhenEveryFieldIsShown() {
		for (TableEvent event : SampleEvents.oneOfEach()) {
			assertThat(HiddenChanges.tell(event, ShownFields.ALL))
				.isEqualTo(new Told(event.getClass().getSimpleName(), Summaries.of(event), false));
		}
	}

	@Test
	void anEventNamingAHiddenFieldIsToldAsAHiddenChange() {
		// age is hidden; name, full_name and price are shown
		ShownFields shown = new ShownFields(Set.of("name", "full_name", "price"));
		for (TableEvent event : SampleEvents.oneOfEach()) {
			Told told = HiddenChanges.tell(event, shown);
			assertThat(told.summary()).as(event.getClass().getSimpleName()).doesNotContain("age");
			boolean aboutAge = Summaries.of(event).contains("age");
			assertThat(told.redacted()).isEqualTo(aboutAge);
			assertThat(told.type()).isEqualTo(aboutAge ? HiddenChanges.TYPE : event.getClass().getSimpleName());
		}
	}

	@Test
	void aRenameIsHiddenWhenEitherNameIs() {
		ShownFields shown = new ShownFields(Set.of("name"));
		assertThat(HiddenChanges.tell(new FieldRenamed(7, 2, "name", "secret"), shown).type())
			.isEqualTo(HiddenChanges.TYPE);
		assertThat(HiddenChanges.tell(new FieldRenamed(7, 2, "secret", "name"), shown).type())
			.isEqualTo(HiddenChanges.TYPE);
		assertThat(HiddenChanges.tell(new FieldRenamed(7, 2, "secret", "other"), shown).summary())
			.isEqualTo(HiddenChanges.SUMMARY);
	}

	@Test
	void aCreationNamesTheShownFieldsOnly() {
		TableCreated created = new TableCreated(7, 1, "Person", "person_7",
				List.of(SampleEvents.NAME, FieldDefinition.of("secret", FieldType.STRING)));
		assertThat(HiddenChanges.tell(created, new ShownFields(Set.of("name"))))
			.isEqualTo(new Told("TableCreated", "created table Person with fields name (string(50))", true));
		assertThat(HiddenChanges.tell(created, ShownFields.NONE))
			.isEqualTo(new Told("TableCreated", "created table Person", true));
	}

	@Test
	void aDiffComparesTheShownSchemasOnly() {
		FieldDefinition secret = FieldDefinition.of("secret", FieldType.STRING);
		FieldDefinition a = FieldDefinition.of("a", FieldType.STRING);
		List<TableEvent> events = List.of(new TableCreated(7, 1, "T", "t_7", List.of(a, secret)),
				new FieldTypeChanged(7, 2, secret, FieldDefinition.of("secret", FieldType.TEXT), ConversionMode.STRICT,
						null),
				// a visible field renamed to a hidden name, a hidden one to a visible
				// name
				new FieldRenamed(7, 3, "a", "hidden_a"), new FieldRenamed(7, 4, "secret", "b"),
				new FieldAdded(7, 5, FieldDefinition.of("other_secret", FieldType.INTEGER)));
		ShownFields shown = new ShownFields(Set.of("a", "b"));

		SchemaDiff forward = SchemaDiff.between(events, 1, 5, shown);
		assertThat(forward.removed()).extracting(SchemaDiff.Field::name).containsExactly("a");
		assertThat(forward.added()).extracting(SchemaDiff.Field::name).containsExactly("b");
		assertThat(forward.renamed()).isEmpty();
		assertThat(forward.retyped()).isEmpty();
		assertThat(forward.toString()).doesNotContain("secret", "hidden_a");

		SchemaDiff backward = SchemaDiff.between(events, 5, 1, shown);
		assertThat(backward.added()).extracting(SchemaDiff.Field::name).containsExactly("a");
		assertThat(backward.removed()).extracting(SchemaDiff.Field::name).containsExactly("b");
		assertThat(backward.toString()).doesNotContain("secret", "hidden_a");

		// a change of a hidden field only: nothing to compare
		SchemaDiff hiddenOnly = SchemaDiff.between(events, 1, 2, shown);
		assertThat(List.of(hiddenOnly.added(), hiddenOnly.removed(), hiddenOnly.renamed(), hiddenOnly.retyped(),
				hiddenOnly.optionsChanged()))
			.allSatisfy((part) -> assertThat(part).isEmpty());

		// shown every field, the diff is the whole one
		SchemaDiff whole = SchemaDiff.between(events, 1, 5, ShownFields.ALL);
		assertThat(whole).isEqualTo(SchemaDiff.between(events, 1, 5));
		assertThat(whole.renamed()).containsExactlyInAnyOrder(new SchemaDiff.Renamed("a", "hidden_a"),
				new SchemaDiff.Renamed("secret", "b"));
	}

}
