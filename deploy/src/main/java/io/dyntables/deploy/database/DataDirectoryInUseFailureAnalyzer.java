package io.dyntables.deploy.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says in one paragraph, instead of a stack trace, why the service did not start when its
 * data directory is taken.
 */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
		return new FailureAnalysis(cause.getMessage() + ".",
				"Stop the other service, or give this one its own directory with DYNTABLES_DATA_DIR.", cause);
	}

}
