package io.dyntables.api.error;

/**
 * Stable codes of every answer that is not a success. Clients may switch on them; the
 * HTTP status follows from the code.
 */
public enum ErrorCode {

	MALFORMED_REQUEST(400, "The request body is not valid JSON of the expected shape"),
	INVALID_PARAMETER(400, "A query parameter or header is not valid"),
	UNAUTHENTICATED(401, "A valid credential is required"),
	FORBIDDEN(403, "The credential does not allow this request"),
	RATE_LIMITED(429, "Too many requests for this credential"),
	INVALID_KEY_REQUEST(422, "The API key request is not valid"),
	AUTHENTICATION_UNAVAILABLE(503, "The credential cannot be checked just now"),
	MALFORMED_HTTP(400, "The request is not valid HTTP"), URI_TOO_LONG(414, "The request line is too long"),
	HEADERS_TOO_LARGE(431, "The request headers are too large"),
	PAYLOAD_TOO_LARGE(413, "The request body is too large"), NOT_FOUND(404, "No such resource"),
	METHOD_NOT_ALLOWED(405, "The resource does not take that method"),
	NOT_ACCEPTABLE(406, "No representation matches the Accept header"),
	UNSUPPORTED_MEDIA_TYPE(415, "The request body must be application/json"),
	INVALID_TABLE_NAME(422, "The table name is not valid"), INVALID_FIELD_NAME(422, "A field name is not valid"),
	INVALID_FIELD_DEFINITION(422, "A field definition is not valid"),
	TOO_MANY_FIELDS(422, "The table has too many fields"), TYPE_CHANGE_REFUSED(422, "The type change is not allowed"),
	OPTION_CHANGE_REFUSED(422, "The option change is not allowed"),
	INVALID_VALUE(422, "A value does not fit its field"), MISSING_VALUE(422, "A required field has no value"),
	TOO_MANY_ROWS(413, "Too many rows in one request"),
	CONFLICT_FIELD_NOT_UNIQUE(422, "The conflict field is not a unique field"),
	UNKNOWN_FIELD(422, "The table has no such field"), DUPLICATE_VALUE(409, "A unique field already holds that value"),
	TABLE_NOT_FOUND(404, "No such table"), ROW_NOT_FOUND(404, "No such row"),
	TABLE_DELETED(410, "The table was deleted"), VERSION_CONFLICT(409, "The table changed concurrently"),
	PRECONDITION_FAILED(412, "The table's version is not the one given in If-Match"),
	SCHEMA_CHANGED(409, "The table's schema changed while the request ran; retry it"),
	REQUEST_TIMEOUT(408, "The request body did not arrive in time"),
	REPLAY_RUNNING(409, "A replay started on another instance is running"),
	DATABASE_UNAVAILABLE(503, "The database is not reachable"), TIMEOUT(503, "The operation took too long"),
	BUSY(503, "The service is busy"), INVALID_GRANT(422, "A grant is not valid"), INTERNAL(500, "Internal error");

	private final int status;

	private final String title;

	ErrorCode(int status, String title) {
		this.status = status;
		this.title = title;
	}

	public int status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	/** The code as clients see it: {@code invalid-field-name}. */
	public String slug() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
