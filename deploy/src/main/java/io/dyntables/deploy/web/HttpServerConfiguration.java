package io.dyntables.deploy.web;

import java.time.Duration;

import io.netty.channel.ChannelHandler;
import reactor.netty.NettyPipeline;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP server's own limits, beyond what Boot's {@code server.netty.*} settings cover:
 * a read timeout, so a client that stops sending a request body does not keep its
 * connection (and what the request holds) for ever, and Problem Details for the errors
 * Reactor Netty answers itself before the application sees the request.
 */
@Configuration(proxyBeanMethods = false)
class HttpServerConfiguration {

	@Bean
	NettyServerCustomizer httpLimits(@Value("${dyntables.http.read-timeout:30s}") Duration readTimeout) {
		ChannelHandler problems = new NettyProblemDetails();
		return (server) -> server.readTimeout(readTimeout).doOnChannelInit((observer, channel, address) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline().addAfter(NettyPipeline.HttpCodec, NettyProblemDetails.NAME, problems);
			}
		});
	}

}
