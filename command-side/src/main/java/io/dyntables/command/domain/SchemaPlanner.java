package io.dyntables.command.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.dyntables.api.error.ErrorCode;
import io.dyntables.api.error.Refusal;
import io.dyntables.api.error.RefusedException;
import io.dyntables.api.schema.FieldDefinition;
import io.dyntables.api.schema.FieldNames;
import io.dyntables.api.schema.FieldType;
import io.dyntables.api.schema.FieldValues;
import io.dyntables.api.schema.TableNames;
import io.dyntables.api.table.TableSchema;
import io.dyntables.api.table.ConversionMode;
import io.dyntables.api.table.Events.FieldAdded;
import io.dyntables.api.table.Events.FieldOptionsChanged;
import io.dyntables.api.table.Events.FieldRemoved;
import io.dyntables.api.table.Events.FieldRenamed;
import io.dyntables.api.table.Events.FieldTypeChanged;
import io.dyntables.api.table.Events.TableCreated;
import io.dyntables.api.table.Events.TableEvent;
import io.dyntables.api.table.Events.TableRenamed;

/**
 * The schema rules: which names, options and changes are legal, and which events a legal
 * command emits. Pure functions of the current schema and the command, so every rule is
 * tested without Spring or a database. Every refusal names the offending field.
 */
public final class SchemaPlanner {

	/** Fields a table may have: well under PostgreSQL's 1600 columns. */
	public static final int MAX_FIELDS = 400;

	/**
	 * PostgreSQL numbers every column a table ever had, dropped ones too, up to 1600; the
	 * service stops short of that so a table can always still be changed.
	 */
	public static final int MAX_COLUMN_SLOTS = 1500;

	private static final String FIELDS = "/fields";

	private SchemaPlanner() {
	}

	/** The event that creates a table, or the reasons it cannot be created. */
	public static TableCreated create(long tableId, String name, List<FieldDefinition> fields) {
		List<Refusal> refusals = new ArrayList<>();
		TableNames.problem(name).ifPresent((p) -> refusals.add(Refusal.of(ErrorCode.INVALID_TABLE_NAME, "/name", p)));
		checkFieldSet(fields, refusals);
		refuseIfAny(refusals);
		return new TableCreated(tableId, 1, name, TableNames.physicalName(name, tableId), fields);
	}

	/**
	 * The events that make the table's fields exactly {@code desired}: removals first,
	 * then type and option changes, then additions in the order given.
	 */
	public static List<TableEvent> change(TableSchema current, List<FieldDefinition> desired,
			ConversionMode conversion) {
		List<Refusal> refusals = new ArrayList<>();
		checkFieldSet(desired, refusals);
		Map<String, FieldDefinition> wanted = new LinkedHashMap<>();
		desired.forEach((field) -> wanted.put(field.name(), field));
		long version = current.version() + 1;
		long tableId = current.tableId();
		List<TableEvent> events = new ArrayList<>();
		int slots = current.columnSlots();
		for (FieldDefinition existing : current.fields()) {
			if (!wanted.containsKey(existing.name())) {
				events.add(new FieldRemoved(tableId, version, existing));
			}
		}
		Set<String> keptNames = new HashSet<>();
		for (FieldDefinition target : desired) {
			Optional<FieldDefinition> existing = current.field(target.name());
			if (existing.isEmpty()) {
				continue;
			}
			FieldDefinition from = existing.get();
			if (!from.sameColumnType(target)) {
				Optional<FieldTypeChanged> retyped = retype(current, from, target, conversion, keptNames, refusals);
				if (retyped.isPresent()) {
					events.add(retyped.get());
					slots += (retyped.get().keptColumn() != null) ? 1 : 0;
				}
			}
			if (!from.sameOptions(target)) {
				if (target.unique() && !from.unique()) {
					refusals.add(Refusal.of(ErrorCode.OPTION_CHANGE_REFUSED, pointer(target.name()),
							"an existing field cannot become unique (existing rows may hold duplicates); "
									+ "add a new unique field instead"));
				}
				events.add(new FieldOptionsChanged(tableId, version, from.withName(target.name()),
						new FieldDefinition(target.name(), target.type(), target.required(), target.maxLength(),
								target.precision(), target.scale(), target.defaultValue(), target.unique())));
			}
		}
		for (FieldDefinition target : desired) {
			if (current.field(target.name()).isEmpty()) {
				events.add(new FieldAdded(tableId, version, target));
				slots++;
			}
		}
		if (slots > MAX_COLUMN_SLOTS) {
			refusals.add(Refusal.of(ErrorCode.TOO_MANY_FIELDS, FIELDS,
					"the table has used " + current.columnSlots() + " of its " + MAX_COLUMN_SLOTS
							+ " column numbers (removed and converted columns count too); "
							+ "create a new table for this schema"));
		}
		refuseIfAny(refusals);
		return events;
	}

	/** The event that renames a field, keeping its data. */
	public static FieldRenamed renameField(TableSchema current, String from, String to) {
		if (current.field(from).isEmpty()) {
			throw new RefusedException(ErrorCode.UNKNOWN_FIELD, "/from", "the table has no field '" + from + "'");
		}
		Optional<String> problem = FieldNames.problem(to);
		if (problem.isPresent()) {
			throw new RefusedException(ErrorCode.INVALID_FIELD_NAME, "/to", problem.get());
		}
		Optional<FieldDefinition> clash = current.fieldFolded(to);
		if (clash.isPresent() && !clash.get().name().equals(from)) {
			throw new RefusedException(ErrorCode.INVALID_FIELD_NAME, "/to",
					"the table already has a field '" + clash.get().name() + "'");
		}
		return new FieldRenamed(current.tableId(), current.version() + 1, from, to);
	}

	/** The event that gives a table a new label. */
	public static TableRenamed renameTable(TableSchema current, String name) {
		TableNames.problem(name).ifPresent((p) -> {
			throw new RefusedException(ErrorCode.INVALID_TABLE_NAME, "/name", p);
		});
		return new TableRenamed(current.tableId(), current.version() + 1, current.name(), name);
	}

	private static Optional<FieldTypeChanged> retype(TableSchema current, FieldDefinition from, FieldDefinition to,
			ConversionMode conversion, Set<String> keptNames, List<Refusal> refusals) {
		long version = current.version() + 1;
		if (TypeChanges.isWidening(from, to)) {
			return Optional.of(new FieldTypeChanged(current.tableId(), version, from, to, ConversionMode.STRICT, null));
		}
		if (conversion != ConversionMode.LENIENT) {
			refusals.add(Refusal.of(ErrorCode.TYPE_CHANGE_REFUSED, pointer(to.name()),
					"'" + to.name() + "' cannot change from " + describe(from) + " to " + describe(to)
							+ " without possibly losing values; "
							+ "send \"convert\": \"lenient\" to convert what converts and keep the originals"));
			return Optional.empty();
		}
		if (from.unique() || to.unique()) {
			refusals.add(Refusal.of(ErrorCode.TYPE_CHANGE_REFUSED, pointer(to.name()),
					"a unique field cannot be converted leniently (converted values may collide); "
							+ "remove unique first"));
			return Optional.empty();
		}
		String kept = keptColumn(version, to.name(), keptNames);
		return Optional.of(new FieldTypeChanged(current.tableId(), version, from, to, ConversionMode.LENIENT, kept));
	}

	/**
	 * The column that keeps a leniently converted field's original values:
	 * {@code __v3_age}, shortened to PostgreSQL's 63 bytes with a counter when needed.
	 */
	static String keptColumn(long version, String fieldName, Set<String> taken) {
		String prefix = FieldNames.RESERVED_PREFIX + "v" + version + "_";
		String name = prefix + fieldName;
		if (name.length() > FieldNames.MAX_BYTES) {
			String numbered = prefix + taken.size() + "_";
			name = numbered + fieldName.substring(0, FieldNames.MAX_BYTES - numbered.length());
		}
		taken.add(name);
		return name;
	}

	/** Names, duplicates, count and options of a whole field set. */
	private static void checkFieldSet(List<FieldDefinition> fields, List<Refusal> refusals) {
		if (fields.size() > MAX_FIELDS) {
			refusals.add(Refusal.of(ErrorCode.TOO_MANY_FIELDS, FIELDS,
					"a table has at most " + MAX_FIELDS + " fields; " + fields.size() + " were given"));
			return;
		}
		Map<String, String> seen = new HashMap<>();
		for (FieldDefinition field : fields) {
			String pointer = pointer(field.name());
			Optional<String> problem = FieldNames.problem(field.name());
			if (problem.isPresent()) {
				refusals
					.add(Refusal.of(ErrorCode.INVALID_FIELD_NAME, pointer, "'" + field.name() + "': " + problem.get()));
				continue;
			}
			String earlier = seen.putIfAbsent(FieldNames.fold(field.name()), field.name());
			if (earlier != null) {
				refusals.add(Refusal.of(ErrorCode.INVALID_FIELD_NAME, pointer,
						"'" + field.name() + "' and '" + earlier + "' differ only in case"));
			}
			checkOptions(field, pointer, refusals);
		}
	}

	private static void checkOptions(FieldDefinition field, String pointer, List<Refusal> refusals) {
		List<String> problems = new ArrayList<>();
		if (field.type() == FieldType.STRING) {
			if (field.maxLength() == null || field.maxLength() < 1
					|| field.maxLength() > FieldDefinition.MAX_MAX_LENGTH) {
				problems.add("maxLength must be from 1 to " + FieldDefinition.MAX_MAX_LENGTH);
			}
		}
		else if (field.maxLength() != null) {
			problems.add("maxLength applies to string fields only");
		}
		if (field.type() == FieldType.DECIMAL) {
			if (field.precision() == null || field.precision() < 1
					|| field.precision() > FieldDefinition.MAX_PRECISION) {
				problems.add("precision must be from 1 to " + FieldDefinition.MAX_PRECISION);
			}
			else if (field.scale() == null || field.scale() < 0 || field.scale() > field.precision()) {
				problems.add("scale must be from 0 to the precision");
			}
		}
		else if (field.precision() != null || field.scale() != null) {
			problems.add("precision and scale apply to decimal fields only");
		}
		if (field.unique() && field.type() == FieldType.JSON) {
			problems.add("a json field cannot be unique");
		}
		if (problems.isEmpty() && field.defaultValue() != null) {
			defaultProblem(field).ifPresent(problems::add);
		}
		problems.forEach((p) -> refusals
			.add(Refusal.of(ErrorCode.INVALID_FIELD_DEFINITION, pointer, "'" + field.name() + "': " + p)));
	}

	private static Optional<String> defaultProblem(FieldDefinition field) {
		try {
			FieldValues.coerce(field, JsonLiterals.parse(field.defaultValue()));
			return Optional.empty();
		}
		catch (FieldValues.InvalidValue ex) {
			return Optional.of("the default " + ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			return Optional.of("the default is not a JSON value");
		}
	}

	private static String describe(FieldDefinition field) {
		return switch (field.type()) {
			case STRING -> "string(" + field.maxLength() + ")";
			case DECIMAL -> "decimal(" + field.precision() + "," + field.scale() + ")";
			default -> field.type().jsonName();
		};
	}

	private static String pointer(String fieldName) {
		return Refusal.pointer(FIELDS, fieldName);
	}

	private static void refuseIfAny(List<Refusal> refusals) {
		if (!refusals.isEmpty()) {
			throw new RefusedException(refusals);
		}
	}

}
