package io.dyntables.sql;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.dyntables.api.history.Summaries;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.table.TableSchema;
import io.dyntables.api.table.ConversionMode;
import io.dyntables.api.table.DdlStatement;
import io.dyntables.api.table.Events.FieldAdded;
import io.dyntables.api.table.Events.FieldOptionsChanged;
import io.dyntables.api.table.Events.FieldRemoved;
import io.dyntables.api.table.Events.FieldRenamed;
import io.dyntables.api.table.Events.FieldTypeChanged;
import io.dyntables.api.table.Events.TableCreated;
import io.dyntables.api.table.Events.TableDeleted;
import io.dyntables.api.table.Events.TableEvent;
import io.dyntables.api.table.Events.TableRenamed;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The exact DDL of every event type and of every type change between two field types (in
 * both conversion modes, with the sizes that matter), against
 * {@code schema-ddl.golden.sql}: a change in the SQL the projector runs shows as a diff
 * of that file. After a meant change, {@code -Dgolden.update=true} rewrites it.
 */
class SchemaDdlGoldenTest {

	private static final Path FILE = Path.of("src/test/resources/schema-ddl.golden.sql");

	private static final String PREAMBLE = """
			-- The DDL each event runs, as SchemaDdl writes it: every event type, and every type change
			-- between two field types in both conversion modes. Each statement is followed by what it
			-- does to the table. Checked exactly by SchemaDdlGoldenTest; rewritten by running it with
			-- -Dgolden.update=true.

			""";

	private static final FieldDefinition NAME = uniqueVersion(FieldDefinition.of("name", FieldType.STRING));

	private static final FieldDefinition AGE = FieldDefinition.of("age", FieldType.INTEGER);

	/** 61 characters: too long for {@code uq_7_} and the name as a constraint name. */
	private static final String LONG_NAME = "a_field_name_long_enough_that_its_unique_constraint_is_hashed";

	private static final TableSchema PEOPLE = TableSchema
		.created(new TableCreated(7, 1, "People", "people_7", List.of(NAME, AGE)));

	private final GoldenFile golden = new GoldenFile(FILE);

	@TestFactory
	Stream<DynamicTest> eachCaseWritesItsGoldenDdl() {
		Map<String, String> actual = actual();
		GoldenFile golden = this.golden;
		if (GoldenFile.updating()) {
			golden.write(PREAMBLE, actual);
			golden = new GoldenFile(FILE);
		}
		GoldenFile file = golden;
		return actual.entrySet().stream().map((entry) -> DynamicTest.dynamicTest(entry.getKey(), () -> {
			String expected = file.expected(entry.getKey());
			if (expected == null) {
				fail("no golden DDL for \"" + entry.getKey() + "\" in " + FILE + "; it would be:\n" + entry.getValue());
			}
			String diff = GoldenFile.diff(expected, entry.getValue());
			if (!diff.isEmpty()) {
				fail("the DDL of \"" + entry.getKey() + "\" differs from " + FILE + " (- expected, + actual):\n"
						+ diff);
			}
		}));
	}

	@Test
	void goldenFileHasNoCaseThatIsNoLongerWritten() {
		assertThat(actual().keySet()).containsAll(this.golden.names());
	}

	@Test
	void everyEventTypeHasACase() {
		Set<Class<?>> covered = new HashSet<>();
		cases().values().forEach((ddlCase) -> covered.add(ddlCase.event().getClass()));
		assertThat(covered).containsExactlyInAnyOrder(TableEvent.class.getPermittedSubclasses());
	}

	@Test
	void everyPairOfTypesHasATypeChangeInBothModes() {
		Set<String> changes = new HashSet<>();
		for (Case ddlCase : cases().values()) {
			if (ddlCase.event() instanceof FieldTypeChanged changed) {
				changes.add(changed.from().type() + ">" + changed.to().type() + " " + changed.conversion());
			}
		}
		for (FieldType from : FieldType.values()) {
			for (FieldType to : FieldType.values()) {
				for (ConversionMode mode : ConversionMode.values()) {
					if (from != to || from == FieldType.STRING || from == FieldType.DECIMAL) {
						assertThat(changes).contains(from + ">" + to + " " + mode);
					}
				}
			}
		}
	}

	private static Map<String, String> actual() {
		Map<String, String> actual = new LinkedHashMap<>();
		cases().forEach(
				(name, ddlCase) -> actual.put(name, render(SchemaDdl.statements(ddlCase.before(), ddlCase.event()))));
		return actual;
	}

	/** Each statement, then what it does, then a blank line. */
	private static String render(List<DdlStatement> statements) {
		StringBuilder text = new StringBuilder();
		if (statements.isEmpty()) {
			text.append("-- (no statement)\n");
		}
		for (DdlStatement statement : statements) {
			List<String> effects = new ArrayList<>();
			effects.add("lock " + statement.lock());
			if (statement.rewritesTable()) {
				effects.add("rewrites the table");
			}
			if (statement.destroysData()) {
				effects.add("destroys data");
			}
			text.append(statement.sql()).append(";\n--    ").append(String.join(", ", effects)).append('\n');
		}
		return text.append('\n').toString();
	}

	private static Map<String, Case> cases() {
		Map<String, Case> cases = new LinkedHashMap<>();
		cases.put("TableCreated: no fields", new Case(null, new TableCreated(8, 1, "Empty", "empty_8", List.of())));
		List<FieldDefinition> everyType = new ArrayList<>();
		for (FieldType type : FieldType.values()) {
			everyType.add(FieldDefinition.of(type.jsonName() + "_field", type));
		}
		everyType.add(new FieldDefinition("optional_field", FieldType.STRING, false, 20, null, null, "\"x\"", false));
		everyType.add(uniqueVersion(FieldDefinition.of("code", FieldType.UUID)));
		everyType.add(uniqueVersion(FieldDefinition.of(LONG_NAME, FieldType.BIGINT)));
		cases.put(
				"TableCreated: a field of each type, an optional one, two unique ones (one with a hashed "
						+ "constraint name)",
				new Case(null, new TableCreated(9, 1, "Every type", "every_type_9", everyType)));

		cases.put("FieldAdded: required",
				new Case(PEOPLE, new FieldAdded(7, 2, FieldDefinition.of("born", FieldType.DATE))));
		cases.put("FieldAdded: optional with a default", new Case(PEOPLE,
				new FieldAdded(7, 2, new FieldDefinition("score", FieldType.DECIMAL, false, null, 5, 1, "0", false))));
		cases.put("FieldAdded: unique",
				new Case(PEOPLE, new FieldAdded(7, 2, uniqueVersion(FieldDefinition.of("email", FieldType.TEXT)))));
		cases.put("FieldAdded: unique, with a hashed constraint name",
				new Case(PEOPLE, new FieldAdded(7, 2, uniqueVersion(FieldDefinition.of(LONG_NAME, FieldType.TEXT)))));

		cases.put("FieldRemoved", new Case(PEOPLE, new FieldRemoved(7, 2, AGE)));
		cases.put("FieldRemoved: unique", new Case(PEOPLE, new FieldRemoved(7, 2, NAME)));

		typeChanges(cases);

		FieldDefinition notUnique = new FieldDefinition("name", FieldType.STRING, true, 200, null, null, null, false);
		cases.put("FieldOptionsChanged: unique no more",
				new Case(PEOPLE, new FieldOptionsChanged(7, 2, NAME, notUnique)));
		cases.put("FieldOptionsChanged: optional, with a default", new Case(PEOPLE, new FieldOptionsChanged(7, 2, AGE,
				new FieldDefinition("age", FieldType.INTEGER, false, null, null, null, "18", false))));

		cases.put("FieldRenamed", new Case(PEOPLE, new FieldRenamed(7, 2, "age", "years")));
		cases.put("FieldRenamed: unique, its constraint renamed too",
				new Case(PEOPLE, new FieldRenamed(7, 2, "name", "full_name")));
		cases.put("FieldRenamed: unique, to a name whose constraint name is hashed",
				new Case(PEOPLE, new FieldRenamed(7, 2, "name", LONG_NAME)));

		cases.put("TableRenamed", new Case(PEOPLE, new TableRenamed(7, 2, "People", "Persons")));
		cases.put("TableDeleted", new Case(PEOPLE, new TableDeleted(7, 2, "People")));
		return cases;
	}

	/**
	 * Every type to every other with each type's default sizes, and the size changes of
	 * the sized types, in both modes: which of them the command side allows, and in which
	 * mode, is its matrix's business; the SQL of each is pinned here.
	 */
	private static void typeChanges(Map<String, Case> cases) {
		List<FieldDefinition[]> changes = new ArrayList<>();
		for (FieldType from : FieldType.values()) {
			for (FieldType to : FieldType.values()) {
				if (from != to) {
					changes.add(new FieldDefinition[] { field(from), field(to) });
				}
			}
		}
		changes.add(new FieldDefinition[] { string(50), string(200) });
		changes.add(new FieldDefinition[] { string(200), string(50) });
		changes.add(new FieldDefinition[] { decimal(10, 2), decimal(12, 2) });
		changes.add(new FieldDefinition[] { decimal(10, 2), decimal(12, 4) });
		changes.add(new FieldDefinition[] { decimal(12, 4), decimal(10, 2) });
		for (FieldDefinition[] change : changes) {
			FieldDefinition from = change[0];
			FieldDefinition to = change[1];
			TableSchema before = TableSchema.created(new TableCreated(7, 1, "Values", "values_7", List.of(from)));
			for (ConversionMode mode : ConversionMode.values()) {
				String kept = (mode == ConversionMode.LENIENT) ? "__v2_value" : null;
				cases.put(
						"FieldTypeChanged: " + Summaries.describe(from) + " -> " + Summaries.describe(to) + ", "
								+ mode.name().toLowerCase(java.util.Locale.ROOT),
						new Case(before, new FieldTypeChanged(7, 2, from, to, mode, kept)));
			}
		}
	}

	private static FieldDefinition field(FieldType type) {
		return FieldDefinition.of("value", type);
	}

	private static FieldDefinition string(int maxLength) {
		return new FieldDefinition("value", FieldType.STRING, true, maxLength, null, null, null, false);
	}

	private static FieldDefinition decimal(int precision, int scale) {
		return new FieldDefinition("value", FieldType.DECIMAL, true, null, precision, scale, null, false);
	}

	private static FieldDefinition uniqueVersion(FieldDefinition field) {
		return new FieldDefinition(field.name(), field.type(), field.required(), field.maxLength(), field.precision(),
				field.scale(), field.defaultValue(), true);
	}

	/** An event and the schema it applies to (null for a creation). */
	private record Case(TableSchema before, TableEvent event) {
	}

}
