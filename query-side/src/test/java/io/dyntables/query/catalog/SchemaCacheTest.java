package io.dyntables.query.catalog;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.table.TableSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaCacheTest {

	private static final TableSchema V1 = schema(7, FieldType.DATE, 0);

	private static final TableSchema V2 = schema(7, FieldType.TIMESTAMP, 1);

	/** What the reference table answers, and what happens while it is read. */
	private Supplier<TableSchema> stored = () -> V1;

	private final SchemaCache cache = new SchemaCache(new TableReferences(null, JsonMapper.builder().build()) {
		@Override
		public Optional<TableSchema> find(long tableId) {
			return Optional.of(SchemaCacheTest.this.stored.get());
		}
	}, 100);

	@Test
	void aReadKeepsTheSchemaItReadWhenAnotherTableChangesMeanwhile() {
		this.cache.put(V1);
		this.stored = () -> {
			this.cache.changed(8, 5);
			return V2;
		};
		this.cache.read(7);
		this.stored = () -> V1;
		assertThat(this.cache.get(7).block()).isEqualTo(V2);
	}

	@Test
	void aReadOlderThanAChangeAnnouncedMeanwhileIsNotKept() {
		this.stored = () -> {
			this.cache.changed(7, 1);
			return V1;
		};
		this.cache.read(7);
		this.stored = () -> V2;
		assertThat(this.cache.get(7).block()).isEqualTo(V2);
	}

	@Test
	void aReadDuringAClearIsNotKept() {
		this.stored = () -> {
			this.cache.clear();
			return V1;
		};
		this.cache.read(7);
		this.stored = () -> V2;
		assertThat(this.cache.get(7).block()).isEqualTo(V2);
	}

	@Test
	void anAnnouncedChangeDropsAnOlderSchemaButNotANewerOne() {
		this.cache.put(V2);
		this.cache.changed(7, 1);
		this.stored = () -> V1;
		assertThat(this.cache.get(7).block()).isEqualTo(V2);
		this.cache.changed(7, 2);
		assertThat(this.cache.get(7).block()).isEqualTo(V1);
	}

	private static TableSchema schema(long id, FieldType type, long sequence) {
		return new TableSchema(id, "t", "t_" + id,
				List.of(new FieldDefinition("f", type, false, null, null, null, null, false)), sequence + 1, false, 1,
				sequence);
	}

}
