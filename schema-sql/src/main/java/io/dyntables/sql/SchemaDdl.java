package io.dyntables.sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldNames;
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

/**
 * The DDL each event needs, derived from the event and the schema before it alone: the
 * same statements for a dry run, the live run and a replay.
 * <p>
 * A required field is held to it by PostgreSQL with a {@code CHECK (column IS NOT NULL)}
 * constraint, added {@code NOT VALID} to an existing table: rows stored before the field
 * was required are exempt, every new or updated row is checked, so that an instance whose
 * cached schema is stale still cannot store a row without the field. (A plain
 * {@code NOT NULL} would refuse the change on a populated table, and would follow the old
 * column when a lenient type change keeps it aside.)
 */
public final class SchemaDdl {

	private SchemaDdl() {
	}

	/**
	 * The statements that apply {@code event} to the table whose schema was
	 * {@code before} (null for a creation).
	 */
	public static List<DdlStatement> statements(TableSchema before, TableEvent event) {
		return event.accept(new Statements(before));
	}

	/** The statements of each event type. */
	private static final class Statements implements TableEvent.Cases<List<DdlStatement>> {

		private final TableSchema before;

		Statements(TableSchema before) {
			this.before = before;
		}

		@Override
		public List<DdlStatement> tableCreated(TableCreated created) {
			return List.of(create(created));
		}

		@Override
		public List<DdlStatement> fieldAdded(FieldAdded added) {
			FieldDefinition field = added.field();
			List<DdlStatement> ddl = new ArrayList<>();
			ddl.add(DdlStatement
				.alter("ALTER TABLE " + table() + " ADD COLUMN " + Sql.column(field.name()) + " " + Sql.type(field)));
			if (field.unique()) {
				ddl.add(addUnique(table(), this.before.tableId(), field.name()));
			}
			if (field.required()) {
				ddl.add(addRequired(table(), this.before.tableId(), field.name()));
			}
			return ddl;
		}

		@Override
		public List<DdlStatement> fieldRemoved(FieldRemoved removed) {
			return List
				.of(new DdlStatement("ALTER TABLE " + table() + " DROP COLUMN " + Sql.column(removed.field().name()),
						false, true, DdlStatement.ACCESS_EXCLUSIVE));
		}

		@Override
		public List<DdlStatement> fieldTypeChanged(FieldTypeChanged changed) {
			return retype(table(), this.before.tableId(), changed);
		}

		@Override
		public List<DdlStatement> fieldOptionsChanged(FieldOptionsChanged changed) {
			List<DdlStatement> ddl = new ArrayList<>();
			long tableId = this.before.tableId();
			if (changed.from().unique() && !changed.to().unique()) {
				ddl.add(DdlStatement.alter("ALTER TABLE " + table() + " DROP CONSTRAINT "
						+ uniqueConstraint(tableId, changed.from().name())));
			}
			if (changed.from().required() && !changed.to().required()) {
				ddl.add(dropRequired(table(), tableId, changed.from().name()));
			}
			if (!changed.from().required() && changed.to().required()) {
				ddl.add(addRequired(table(), tableId, changed.to().name()));
			}
			return ddl;
		}

		@Override
		public List<DdlStatement> fieldRenamed(FieldRenamed renamed) {
			List<DdlStatement> ddl = new ArrayList<>();
			ddl.add(DdlStatement.alter("ALTER TABLE " + table() + " RENAME COLUMN " + Sql.column(renamed.from())
					+ " TO " + Sql.column(renamed.to())));
			if (this.before.field(renamed.from()).map(FieldDefinition::unique).orElse(false)) {
				long tableId = this.before.tableId();
				ddl.add(DdlStatement
					.alter("ALTER TABLE " + table() + " RENAME CONSTRAINT " + uniqueConstraint(tableId, renamed.from())
							+ " TO " + uniqueConstraint(tableId, renamed.to())));
			}
			if (this.before.field(renamed.from()).map(FieldDefinition::required).orElse(false)) {
				long tableId = this.before.tableId();
				// dropped and added rather than renamed: a table made before required
				// fields were checked has no check to rename
				ddl.add(dropRequired(table(), tableId, renamed.from()));
				ddl.add(addRequired(table(), tableId, renamed.to()));
			}
			return ddl;
		}

		@Override
		public List<DdlStatement> tableRenamed(TableRenamed renamed) {
			return List.of();
		}

		@Override
		public List<DdlStatement> tableDeleted(TableDeleted deleted) {
			return List.of(new DdlStatement("DROP TABLE " + table(), false, true, DdlStatement.ACCESS_EXCLUSIVE));
		}

		/** The table a change alters: a change needs the schema before it. */
		private String table() {
			Objects.requireNonNull(this.before, "a change needs the schema before it");
			return Sql.table(this.before.physicalName());
		}

	}

	private static DdlStatement create(TableCreated created) {
		StringBuilder sql = new StringBuilder("CREATE TABLE ").append(Sql.table(created.physicalName()))
			.append(" (")
			.append(Sql.column(FieldNames.ROW_ID))
			.append(" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY");
		for (FieldDefinition field : created.fields()) {
			sql.append(", ").append(Sql.column(field.name())).append(' ').append(Sql.type(field));
		}
		for (FieldDefinition field : created.fields()) {
			if (field.unique()) {
				sql.append(", CONSTRAINT ")
					.append(uniqueConstraint(created.tableId(), field.name()))
					.append(" UNIQUE (")
					.append(Sql.column(field.name()))
					.append(')');
			}
		}
		for (FieldDefinition field : created.fields()) {
			if (field.required()) {
				sql.append(", CONSTRAINT ")
					.append(requiredConstraint(created.tableId(), field.name()))
					.append(" CHECK (")
					.append(Sql.column(field.name()))
					.append(" IS NOT NULL)");
			}
		}
		return new DdlStatement(sql.append(')').toString(), false, false, DdlStatement.NONE);
	}

	/**
	 * A lenient change keeps the old column aside under a new name: its required check
	 * goes (the kept column is no longer written), and the new column gets one, not valid
	 * for the rows whose value did not convert.
	 */
	private static List<DdlStatement> retype(String table, long tableId, FieldTypeChanged changed) {
		FieldDefinition from = changed.from();
		FieldDefinition to = changed.to();
		String column = Sql.column(to.name());
		String type = Sql.type(to);
		if (changed.conversion() == ConversionMode.LENIENT) {
			String kept = Sql.keptColumn(changed.keptColumn());
			String text = Sql.textOf(kept, from.type());
			List<DdlStatement> ddl = new ArrayList<>();
			ddl.add(DdlStatement.alter("ALTER TABLE " + table + " RENAME COLUMN " + column + " TO " + kept));
			if (from.required()) {
				ddl.add(dropRequired(table, tableId, from.name()));
			}
			ddl.add(DdlStatement.alter("ALTER TABLE " + table + " ADD COLUMN " + column + " " + type));
			ddl.add(new DdlStatement("UPDATE " + table + " SET " + column + " = CASE WHEN pg_input_is_valid(" + text
					+ ", '" + type + "') THEN (" + text + ")::" + type + " END", true, false,
					DdlStatement.ACCESS_EXCLUSIVE));
			if (to.required()) {
				ddl.add(addRequired(table, tableId, to.name()));
			}
			return ddl;
		}
		return List.of(new DdlStatement("ALTER TABLE " + table + " ALTER COLUMN " + column + " TYPE " + type + " USING "
				+ using(column, from, to), rewrites(from, to), false, DdlStatement.ACCESS_EXCLUSIVE));
	}

	private static String using(String column, FieldDefinition from, FieldDefinition to) {
		if (to.type() == FieldType.STRING || to.type() == FieldType.TEXT) {
			return Sql.textOf(column, from.type());
		}
		if (from.type() == FieldType.DATE && to.type() == FieldType.TIMESTAMP) {
			return "(" + column + "::timestamp AT TIME ZONE 'UTC')";
		}
		return column + "::" + Sql.type(to);
	}

	/**
	 * Whether PostgreSQL must rewrite the rows: all but the binary-compatible widenings.
	 */
	private static boolean rewrites(FieldDefinition from, FieldDefinition to) {
		boolean textual = from.type() == FieldType.STRING || from.type() == FieldType.TEXT;
		if (textual && (to.type() == FieldType.STRING || to.type() == FieldType.TEXT)) {
			return false;
		}
		return !(from.type() == FieldType.DECIMAL && to.type() == FieldType.DECIMAL
				&& Objects.equals(from.scale(), to.scale()));
	}

	private static DdlStatement addUnique(String table, long tableId, String field) {
		return DdlStatement.alter("ALTER TABLE " + table + " ADD CONSTRAINT " + uniqueConstraint(tableId, field)
				+ " UNIQUE (" + Sql.column(field) + ")");
	}

	private static DdlStatement addRequired(String table, long tableId, String field) {
		return DdlStatement.alter("ALTER TABLE " + table + " ADD CONSTRAINT " + requiredConstraint(tableId, field)
				+ " CHECK (" + Sql.column(field) + " IS NOT NULL) NOT VALID");
	}

	private static DdlStatement dropRequired(String table, long tableId, String field) {
		return DdlStatement
			.alter("ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS " + requiredConstraint(tableId, field));
	}

	/**
	 * The unique constraint of a field: {@code uq_<table id>_<field>}, or for a name too
	 * long for that a digest of it, so the name is unique in the data schema and known
	 * without a catalog look-up.
	 */
	public static String uniqueConstraint(long tableId, String field) {
		return constraint("uq_", tableId, field);
	}

	/**
	 * The check that a required field has a value: {@code nn_<table id>_<field>}, named
	 * as {@link #uniqueConstraint} is.
	 */
	public static String requiredConstraint(long tableId, String field) {
		return constraint("nn_", tableId, field);
	}

	private static String constraint(String kind, long tableId, String field) {
		String prefix = kind + tableId + "_";
		String name = prefix + field;
		if (name.length() > FieldNames.MAX_BYTES) {
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(field.getBytes(StandardCharsets.UTF_8));
				name = prefix + "h" + HexFormat.of().formatHex(digest, 0, 12);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return "\"" + name + "\"";
	}

}
