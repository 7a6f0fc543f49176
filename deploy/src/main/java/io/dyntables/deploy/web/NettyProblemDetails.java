package io.dyntables.deploy.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.dyntables.api.error.ErrorCode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;

/**
 * Gives a Problem Details body to the error answers that come without one: those Reactor
 * Netty sends itself when it cannot decode a request (414 request line too long, 431
 * headers too large, 400 malformed request line, header or chunk), and the empty 400 of a
 * request URI that cannot be parsed. Answers that already have a body, or a content type,
 * pass unchanged.
 */
@ChannelHandler.Sharable
final class NettyProblemDetails extends ChannelOutboundHandlerAdapter {

	static final String NAME = "dyntables.problemDetails";

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
		if (msg instanceof FullHttpResponse response && response.status().code() >= 400
				&& response.content().readableBytes() == 0
				&& !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
			byte[] body = body(response.status().code()).getBytes(StandardCharsets.UTF_8);
			FullHttpResponse problem = response.replace(Unpooled.wrappedBuffer(body));
			response.release();
			problem.headers()
				.set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
				.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
			super.write(ctx, problem, promise);
			return;
		}
		super.write(ctx, msg, promise);
	}

	private static String body(int status) {
		ErrorCode code = switch (status) {
			case 400 -> ErrorCode.MALFORMED_HTTP;
			case 408 -> ErrorCode.REQUEST_TIMEOUT;
			case 503 -> ErrorCode.BUSY;
			default -> Arrays.stream(ErrorCode.values())
				.filter((candidate) -> candidate.status() == status)
				.findFirst()
				.orElse((status < 500) ? ErrorCode.MALFORMED_HTTP : ErrorCode.INTERNAL);
		};
		// the status is the code's own, or the one Netty chose when no code matches it
		return "{\"type\":\"urn:dyntables:problem:" + code.slug() + "\",\"title\":\"" + code.title() + "\",\"status\":"
				+ status + ",\"detail\":\"" + code.title() + "\",\"code\":\"" + code.slug() + "\"}";
	}

}
