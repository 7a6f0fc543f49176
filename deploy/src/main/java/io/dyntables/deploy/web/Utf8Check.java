package io.dyntables.deploy.web;

import java.nio.ByteBuffer;

/**
 * Checks bytes arriving in pieces for well-formed UTF-8 as RFC 3629 defines it: no
 * overlong forms ({@code C0 AF} is not {@code /}), no encoded surrogates, nothing above
 * U+10FFFF, no sequence cut short. JSON parsers decode overlong forms quietly; a body is
 * checked here before any parser sees it. One instance per body, fed in order.
 */
final class Utf8Check {

	/** Continuation bytes the current sequence still needs. */
	private int needed;

	/** The range the next continuation byte must be in (the first one is narrower). */
	private int low = 0x80;

	private int high = 0xBF;

	/** Bytes seen, for the position of the first bad one. */
	private long position;

	/**
	 * Whether the buffer's remaining bytes continue a well-formed text; false at the
	 * first bad byte ({@link #position()} names it). The buffer's position is left as it
	 * was. ASCII outside a sequence, most of a JSON body, takes the short way.
	 */
	boolean accept(ByteBuffer bytes) {
		for (int i = bytes.position(), end = bytes.limit(); i < end; i++) {
			byte value = bytes.get(i);
			if (value >= 0 && this.needed == 0) {
				this.position++;
			}
			else if (!accept(value)) {
				return false;
			}
		}
		return true;
	}

	/** Whether the byte continues a well-formed text; false from the first bad byte. */
	boolean accept(byte value) {
		int b = value & 0xFF;
		this.position++;
		if (this.needed > 0) {
			if (b < this.low || b > this.high) {
				return false;
			}
			this.needed--;
			this.low = 0x80;
			this.high = 0xBF;
			return true;
		}
		if (b < 0x80) {
			return true;
		}
		if (b >= 0xC2 && b <= 0xDF) {
			return expect(1, 0x80, 0xBF);
		}
		if (b == 0xE0) {
			return expect(2, 0xA0, 0xBF);
		}
		if (b == 0xED) {
			// U+D800 to U+DFFF are surrogates, no characters
			return expect(2, 0x80, 0x9F);
		}
		if (b >= 0xE1 && b <= 0xEF) {
			return expect(2, 0x80, 0xBF);
		}
		if (b == 0xF0) {
			return expect(3, 0x90, 0xBF);
		}
		if (b >= 0xF1 && b <= 0xF3) {
			return expect(3, 0x80, 0xBF);
		}
		if (b == 0xF4) {
			return expect(3, 0x80, 0x8F);
		}
		return false;
	}

	private boolean expect(int continuations, int firstLow, int firstHigh) {
		this.needed = continuations;
		this.low = firstLow;
		this.high = firstHigh;
		return true;
	}

	/** Whether the text may end here: no sequence is left open. */
	boolean complete() {
		return this.needed == 0;
	}

	/** The position (from 0) of the last byte given. */
	long position() {
		return this.position - 1;
	}

}
