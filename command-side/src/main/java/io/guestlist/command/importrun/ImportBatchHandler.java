package io.guestlist.command.importrun;

import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.command.directory.WorkspaceSettings;
import io.guestlist.command.guestunit.GuestUnit;
import io.guestlist.command.person.Person;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.importrun.RowResult;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Applies a batch of rows in one unit of work (one transaction): phones are claimed for the whole
 * batch in one statement, units are created before people so their events (and the projections'
 * writes) come in runs, and the run records the rows last. A batch the run has recorded already is
 * ignored, which makes a resumed run safe. The batch first renews the run's lease in its own
 * transaction: when another instance has claimed the run, nothing of the batch commits.
 */
@Component
class ImportBatchHandler {

    private final Repository<ImportRun> runs;
    private final Repository<Person> people;
    private final Repository<GuestUnit> units;
    private final GuestDirectory directory;
    private final ImportLeases leases;

    ImportBatchHandler(Repository<ImportRun> runs, Repository<Person> people, Repository<GuestUnit> units, GuestDirectory directory,
                       ImportLeases leases) {
        this.runs = runs;
        this.people = people;
        this.units = units;
        this.directory = directory;
        this.leases = leases;
    }

    @CommandHandler
    void handle(ImportBatchCommand command) {
        if (!leases.renew(command.runId(), command.leaseOwner())) {
            throw new ImportLeaseLostException(command.runId());
        }
        Aggregate<ImportRun> runAggregate = runs.load(command.runId().toString());
        ImportRun run = runAggregate.invoke(r -> r);
        if (command.rows().isEmpty() || !run.expects(command.rows().get(0).rowNumber())) {
            return;
        }
        WorkspaceSettings workspace = directory.workspace(run.workspaceId())
                .orElseThrow(() -> GuestlistException.notFound("Workspace"));
        List<RowResult> results = run.dryRun()
                ? new DryRunPlan(run, workspace, directory, people, units).classify(command.rows())
                : new BatchPlan(run, workspace, directory, people, units).apply(command.rows());
        runAggregate.execute(r -> r.record(results));
    }
}
