package io.dyntables.command.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.Refusal;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.table.TableSchema;
import io.dyntables.api.table.ConversionMode;
import io.dyntables.api.table.Events.TableCreated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaPlannerTest {

	@ParameterizedTest
	@ValueSource(strings = { "", "id", "ID", "ctid", "xmin", "OID", "1abc", "a-b", "a b", "a\"b", "a;drop table x",
			"naïve", "__kept", "a\u0000b", "robert'); DROP TABLE students;--" })
	void refusesHostileFieldNamesNamingTheField(String name) {
		assertThatThrownBy(() -> SchemaPlanner.create(1, "t", List.of(FieldDefinition.of(name, FieldType.TEXT))))
			.isInstanceOfSatisfying(RefusedException.class, (refused) -> {
				Refusal first = refused.refusals().get(0);
				assertThat(first.code()).isEqualTo(ErrorCode.INVALID_FIELD_NAME);
				assertThat(first.pointer()).isEqualTo(Refusal.pointer("/fields", name));
			});
	}

	@Test
	void refusesNamesLongerThan63Bytes() {
		String longName = "a".repeat(64);
		assertThatThrownBy(() -> SchemaPlanner.create(1, "t", List.of(FieldDefinition.of(longName, FieldType.TEXT))))
			.isInstanceOf(RefusedException.class);
		SchemaPlanner.create(1, "t", List.of(FieldDefinition.of("a".repeat(63), FieldType.TEXT)));
	}

	@Test
	void allowsReservedWordsSinceEveryNameIsQuoted() {
		TableCreated created = SchemaPlanner.create(1, "t", List.of(FieldDefinition.of("select", FieldType.TEXT),
				FieldDefinition.of("from", FieldType.TEXT), FieldDefinition.of("user", FieldType.TEXT)));
		assertThat(created.fields()).hasSize(3);
	}

	@Test
	void refusesNamesEqualButForCase() {
		assertThatThrownBy(() -> SchemaPlanner.create(1, "t",
				List.of(FieldDefinition.of("Name", FieldType.TEXT), FieldDefinition.of("name", FieldType.TEXT))))
			.isInstanceOfSatisfying(RefusedException.class,
					(refused) -> assertThat(refused.refusals().get(0).pointer()).isEqualTo("/fields/name"));
	}

	@Test
	void refusesMoreFieldsThanTheProductMaximum() {
		List<FieldDefinition> fields = new ArrayList<>();
		for (int i = 0; i <= SchemaPlanner.MAX_FIELDS; i++) {
			fields.add(FieldDefinition.of("f" + i, FieldType.INTEGER));
		}
		assertThatThrownBy(() -> SchemaPlanner.create(1, "t", fields)).isInstanceOfSatisfying(RefusedException.class,
				(refused) -> assertThat(refused.code()).isEqualTo(ErrorCode.TOO_MANY_FIELDS));
	}

	@Test
	void refusesChangesOnceTheTableHasUsedItsColumnNumbers() {
		TableSchema worn = new TableSchema(1, "t", "t_1", List.of(FieldDefinition.of("a", FieldType.TEXT)), 9, false,
				SchemaPlanner.MAX_COLUMN_SLOTS, 9);
		assertThatThrownBy(() -> SchemaPlanner.change(worn,
				List.of(FieldDefinition.of("a", FieldType.TEXT), FieldDefinition.of("b", FieldType.TEXT)),
				ConversionMode.STRICT))
			.isInstanceOfSatisfying(RefusedException.class,
					(refused) -> assertThat(refused.code()).isEqualTo(ErrorCode.TOO_MANY_FIELDS));
	}

	@Test
	void refusesOptionsThatDoNotFitTheType() {
		assertThatThrownBy(() -> SchemaPlanner.create(1, "t",
				List.of(new FieldDefinition("n", FieldType.INTEGER, true, 10, null, null, null, false),
						new FieldDefinition("s", FieldType.STRING, true, 0, null, null, null, false),
						new FieldDefinition("d", FieldType.DECIMAL, true, null, 5, 6, null, false),
						new FieldDefinition("j", FieldType.JSON, true, null, null, null, null, true),
						new FieldDefinition("b", FieldType.BOOLEAN, true, null, null, null, "\"yes\"", false))))
			.isInstanceOfSatisfying(RefusedException.class,
					(refused) -> assertThat(refused.refusals()).extracting(Refusal::pointer)
						.containsExactly("/fields/n", "/fields/s", "/fields/d", "/fields/j", "/fields/b"));
	}

	@Test
	void keptColumnNamesStayWithinTheIdentifierLimitAndUnique() {
		String longName = "x".repeat(63);
		HashSet<String> taken = new HashSet<>();
		String first = SchemaPlanner.keptColumn(12, longName, taken);
		String second = SchemaPlanner.keptColumn(12, longName.replace('x', 'y'), taken);
		assertThat(first).hasSizeLessThanOrEqualTo(63).startsWith("__v12_");
		assertThat(second).hasSizeLessThanOrEqualTo(63).isNotEqualTo(first);
		assertThat(SchemaPlanner.keptColumn(3, "age", new HashSet<>())).isEqualTo("__v3_age");
	}

}
