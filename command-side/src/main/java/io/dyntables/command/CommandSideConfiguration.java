package io.dyntables.command;

import io.dyntables.api.error.RefusedException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Refusals cross the command bus as {@link CommandExecutionException}s whose details are
 * the refusals, so they arrive the same way from a local or a distributed bus.
 */
@Configuration(proxyBeanMethods = false)
class CommandSideConfiguration {

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
