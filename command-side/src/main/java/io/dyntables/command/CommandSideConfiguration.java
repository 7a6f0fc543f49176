package io.dyntables.command;

import io.dyntables.api.error.RefusedException;
import io.dyntables.api.history.Audit;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit (actor, request id, reason) a command carries as metadata is copied onto
 * every event it emits, beside Axon's own message origin. Refusals cross the command bus
 * as {@link CommandExecutionException}s whose details are the refusals, so they arrive
 * the same way from a local or a distributed bus.
 */
@Configuration(proxyBeanMethods = false)
class CommandSideConfiguration {

	@Bean
	static CorrelationDataProvider messageOriginProvider() {
		return new MessageOriginProvider();
	}

	@Bean
	static CorrelationDataProvider auditCorrelation() {
		return new SimpleCorrelationDataProvider(Audit.KEYS);
	}

	@Autowired
	void refusalsAsExecutionExceptions(CommandBus commandBus) {
		commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
			try {
				return chain.proceed();
			}
			catch (RefusedException ex) {
				throw new CommandExecutionException(ex.getMessage(), null, ex.refusals());
			}
		});
	}

}
