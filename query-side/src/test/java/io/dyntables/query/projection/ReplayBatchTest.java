package io.dyntables.query.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.table.DdlStatement;
import io.dyntables.api.table.Events.FieldAdded;
import io.dyntables.api.table.Events.TableCreated;
import io.dyntables.api.table.TableSchema;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayBatchTest {

	private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

	@Test
	void oneBatchPerTransactionWrittenOnceJustBeforeItCommits() {
		UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
		List<ReplayBatch> written = new ArrayList<>();
		ReplayBatch batch = ReplayBatch.of(unitOfWork, written::add);
		assertThat(ReplayBatch.of(unitOfWork, written::add)).isSameAs(batch);
		assertThat(written).isEmpty();

		unitOfWork.commit();

		assertThat(written).containsExactly(batch);
	}

	@Test
	void aTableReadsAsItsLastEventInTheBatchLeftIt() {
		UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
		ReplayBatch batch = ReplayBatch.of(unitOfWork, (written) -> {
		});
		TableCreated created = new TableCreated(7, 1, "Person", "person_7",
				List.of(FieldDefinition.of("name", FieldType.STRING)));
		TableSchema first = TableSchema.created(created);
		FieldAdded added = new FieldAdded(7, 2, FieldDefinition.of("age", FieldType.INTEGER));
		TableSchema second = first.apply(added);
		assertThat(batch.table(7)).isEmpty();

		batch.applied(created, 0, List.of(DdlStatement.alter("CREATE TABLE x ()")), true, first, false, AT);
		batch.applied(added, 1, List.of(), true, second, false, AT.plusSeconds(1));

		assertThat(batch.table(7)).hasValueSatisfying((stored) -> assertThat(stored.schema()).isEqualTo(second));
		assertThat(batch.tables().get(7L).at()).isEqualTo(AT.plusSeconds(1));
		assertThat(batch.ddl()).singleElement().satisfies((entry) -> assertThat(entry.event()).isEqualTo(created));
		unitOfWork.rollback();
	}

}
