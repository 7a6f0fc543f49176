package io.dyntables.deploy.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UTF-8 check against the JDK's decoder, which follows RFC 3629: every one- and
 * two-byte sequence, every three-byte sequence, and every four-byte one with a lead byte
 * F0 to F7 and each second byte (its last two bytes from the edges of the continuation
 * range), agree; and a text fed in pieces is judged as a whole.
 */
class Utf8CheckTest {

	private static final int[] EDGES = { 0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF };

	@Test
	void agreesWithTheJdkDecoderOnEveryShortSequence() {
		List<String> disagreements = new ArrayList<>();
		for (int a = 0; a < 256; a++) {
			compare(disagreements, a);
			for (int b = 0; b < 256; b++) {
				compare(disagreements, a, b);
				if (a >= 0xE0 && a <= 0xEF) {
					for (int c = 0; c < 256; c++) {
						compare(disagreements, a, b, c);
					}
				}
				if (a >= 0xF0 && a <= 0xF7) {
					for (int c : EDGES) {
						for (int d : EDGES) {
							compare(disagreements, a, b, c, d);
						}
					}
				}
			}
		}
		assertThat(disagreements).isEmpty();
	}

	@Test
	void refusesOverlongFormsSurrogatesAndCodePointsPastTheLast() {
		assertThat(wellFormed(0xC0, 0xAF)).as("overlong /").isFalse();
		assertThat(wellFormed(0xC1, 0xBF)).as("overlong DEL").isFalse();
		assertThat(wellFormed(0xE0, 0x80, 0xAF)).as("three-byte overlong /").isFalse();
		assertThat(wellFormed(0xF0, 0x80, 0x80, 0xAF)).as("four-byte overlong /").isFalse();
		assertThat(wellFormed(0xED, 0xA0, 0x80)).as("U+D800").isFalse();
		assertThat(wellFormed(0xED, 0xBF, 0xBF)).as("U+DFFF").isFalse();
		assertThat(wellFormed(0xF4, 0x90, 0x80, 0x80)).as("U+110000").isFalse();
		assertThat(wellFormed(0xF8, 0x88, 0x80, 0x80, 0x80)).as("five bytes").isFalse();
		assertThat(wellFormed(0x80)).as("a lone continuation byte").isFalse();
		assertThat(wellFormed(0xC3)).as("cut short").isFalse();
		assertThat(wellFormed(0xC3, 0x41)).as("interrupted").isFalse();

		assertThat(wellFormed(0x00)).as("NUL is UTF-8; what holds it is the parser's and the column's business")
			.isTrue();
		assertThat(wellFormed(0xC2, 0x80)).as("U+0080").isTrue();
		assertThat(wellFormed(0xED, 0x9F, 0xBF)).as("U+D7FF").isTrue();
		assertThat(wellFormed(0xEE, 0x80, 0x80)).as("U+E000").isTrue();
		assertThat(wellFormed(0xEF, 0xBF, 0xBF)).as("U+FFFF").isTrue();
		assertThat(wellFormed(0xF0, 0x90, 0x80, 0x80)).as("U+10000").isTrue();
		assertThat(wellFormed(0xF4, 0x8F, 0xBF, 0xBF)).as("U+10FFFF").isTrue();
	}

	@Test
	void judgesATextFedInPiecesAsAWholeAndSaysWhereItFailed() {
		byte[] text = "a\u00e9\ud83d\ude00".getBytes(StandardCharsets.UTF_8);
		Utf8Check check = new Utf8Check();
		for (byte b : text) {
			assertThat(check.accept(b)).isTrue();
		}
		assertThat(check.complete()).isTrue();
		assertThat(check.accept((byte) 0xF0)).isTrue();
		assertThat(check.complete()).isFalse();
		assertThat(check.accept((byte) 0x41)).isFalse();
		assertThat(check.position()).isEqualTo(text.length + 1);

		Utf8Check buffers = new Utf8Check();
		assertThat(buffers.accept(ByteBuffer.wrap(text))).isTrue();
		assertThat(buffers.accept(ByteBuffer.wrap(new byte[] { 'b', (byte) 0xC0, (byte) 0xAF }))).isFalse();
		assertThat(buffers.position()).as("the overlong lead byte").isEqualTo(text.length + 1);
	}

	private static void compare(List<String> disagreements, int... bytes) {
		boolean expected = strictlyDecodes(bytes);
		if (wellFormed(bytes) != expected) {
			StringBuilder shown = new StringBuilder();
			for (int b : bytes) {
				shown.append(String.format("%02X ", b));
			}
			disagreements.add(shown.toString().strip() + (expected ? " is well-formed" : " is not well-formed"));
		}
	}

	/**
	 * Whether the bytes are well-formed, fed one by one; fed as buffers (after an ASCII
	 * byte, split at every point) the check must say the same.
	 */
	private static boolean wellFormed(int... bytes) {
		Utf8Check check = new Utf8Check();
		boolean wellFormed = true;
		for (int i = 0; i < bytes.length && wellFormed; i++) {
			wellFormed = check.accept((byte) bytes[i]);
		}
		wellFormed = wellFormed && check.complete();
		byte[] raw = new byte[bytes.length + 1];
		raw[0] = 'a';
		for (int i = 0; i < bytes.length; i++) {
			raw[i + 1] = (byte) bytes[i];
		}
		for (int split = 0; split <= raw.length; split++) {
			Utf8Check pieces = new Utf8Check();
			boolean fed = pieces.accept(ByteBuffer.wrap(raw, 0, split).slice())
					&& pieces.accept(ByteBuffer.wrap(raw, split, raw.length - split).slice()) && pieces.complete();
			assertThat(fed).as("%s fed as buffers split at %d", Arrays.toString(bytes), split).isEqualTo(wellFormed);
		}
		return wellFormed;
	}

	private static boolean strictlyDecodes(int... bytes) {
		byte[] raw = new byte[bytes.length];
		for (int i = 0; i < bytes.length; i++) {
			raw[i] = (byte) bytes[i];
		}
		// the JDK's decoder replaces what is not well-formed: then the text does not make
		// the same bytes again
		return Arrays.equals(new String(raw, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8), raw);
	}

}
