package io.dyntables.api.table;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.dyntables.api.schema.FieldDefinition;

/**
 * A table as the API answers it: fields as an object of name to full definition, in the
 * table's field order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TableResponse(long id, String name, String physicalName, Map<String, FieldResponse> fields, long version,
		Boolean deleted) {

	public static TableResponse of(TableView view) {
		Map<String, FieldResponse> fields = new LinkedHashMap<>();
		view.fields().forEach((field) -> fields.put(field.name(), FieldResponse.of(field)));
		return new TableResponse(view.id(), view.name(), view.physicalName(), fields, view.version(),
				view.deleted() ? Boolean.TRUE : null);
	}

	/** A field in its full form. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record FieldResponse(String type, boolean required, boolean unique, Integer maxLength, Integer precision,
			Integer scale, @JsonRawValue String defaultValue) {

		public static FieldResponse of(FieldDefinition field) {
			return new FieldResponse(field.type().jsonName(), field.required(), field.unique(), field.maxLength(),
					field.precision(), field.scale(), field.defaultValue());
		}

		/** Serialised as {@code default}, which Java cannot name a component. */
		@com.fasterxml.jackson.annotation.JsonProperty("default")
		@Override
		public String defaultValue() {
			return this.defaultValue;
		}

	}

}
