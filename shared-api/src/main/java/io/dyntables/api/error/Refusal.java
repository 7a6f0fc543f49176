package io.dyntables.api.error;

/**
 * One reason a request was refused.
 *
 * @param code what kind of refusal
 * @param pointer a JSON pointer (RFC 6901) to the offending part of the request, for
 * example {@code /fields/age}; empty when the request as a whole is refused
 * @param detail a sentence for people
 */
public record Refusal(ErrorCode code, String pointer, String detail) {

	public static Refusal of(ErrorCode code, String pointer, String detail) {
		return new Refusal(code, pointer, detail);
	}

	/**
	 * The pointer to a member of an object: escapes {@code ~} and {@code /} per RFC 6901.
	 */
	public static String pointer(String parent, String member) {
		return parent + "/" + member.replace("~", "~0").replace("/", "~1");
	}

}
