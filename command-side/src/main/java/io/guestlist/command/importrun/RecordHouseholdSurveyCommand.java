package io.guestlist.command.importrun;

import io.guestlist.command.importrun.plan.HouseholdSurvey;
import io.guestlist.kernel.ids.ImportRunId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records where the run's households go, before its first batch. Sent by the import worker. */
record RecordHouseholdSurveyCommand(@TargetAggregateIdentifier ImportRunId runId, HouseholdSurvey.Result survey) {
}
