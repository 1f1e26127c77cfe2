package io.guestlist.command.importrun;

import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.command.directory.WorkspaceSettings;
import io.guestlist.command.importrun.apply.BatchSnapshots;
import io.guestlist.command.importrun.apply.PlanApplier;
import io.guestlist.command.importrun.plan.ImportPlan;
import io.guestlist.command.importrun.plan.ImportPlanner;
import io.guestlist.command.importrun.plan.PlanSnapshot;
import io.guestlist.command.importrun.plan.RowReading;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.importrun.RowResult;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Handles a batch of rows in one unit of work (one transaction): read the rows, take the snapshot the
 * planner needs (claiming the new phones, for a real run), plan, then apply the plan (a real run) or
 * keep it as it is (a dry run), and record the rows on the run last. A batch the run has recorded
 * already is ignored, which makes a resumed run safe. The batch first renews the run's lease in its
 * own transaction: when another instance has claimed the run, nothing of the batch commits.
 */
@Component
class ImportBatchHandler {

    private final Repository<ImportRun> runs;
    private final BatchSnapshots snapshots;
    private final PlanApplier applier;
    private final GuestDirectory directory;
    private final ImportLeases leases;
    private final JdbcClient jdbc;
    private final PhoneMemos phoneMemos;

    ImportBatchHandler(Repository<ImportRun> runs, BatchSnapshots snapshots, PlanApplier applier, GuestDirectory directory,
                       ImportLeases leases, JdbcClient jdbc, PhoneMemos phoneMemos) {
        this.jdbc = jdbc;
        this.phoneMemos = phoneMemos;
        this.runs = runs;
        this.snapshots = snapshots;
        this.applier = applier;
        this.directory = directory;
        this.leases = leases;
    }

    @CommandHandler
    void handle(ImportBatchCommand command) {
        if (!leases.renew(command.runId(), command.leaseOwner())) {
            throw new ImportLeaseLostException(command.runId());
        }
        // The lookups below read tables this import fills from empty: a generic plan cached while they were small
        // (the phone-claim lookup's took 70 ms a call) would stay on the pooled connection for good.
        jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        Aggregate<ImportRun> runAggregate = runs.load(command.runId().toString());
        ImportRun run = runAggregate.invoke(r -> r);
        if (command.rows().isEmpty() || !run.expects(command.rows().get(0).rowNumber())) {
            return;
        }
        // a real run gives units the sides its rows name: those sides stay until the batch commits
        WorkspaceSettings workspace = (run.dryRun() ? directory.workspace(run.workspaceId()) : directory.workspaceToSetASide(run.workspaceId()))
                .orElseThrow(() -> GuestlistException.notFound("Workspace"));
        List<RowReading> readings = ImportPlanner.read(command.rows(), workspace, phoneMemos.of(command.runId()));
        PlanSnapshot snapshot = run.dryRun() ? snapshots.looking(run.workspaceId(), run, run.dryRunOverlay(), readings)
                : snapshots.claiming(run.workspaceId(), run, readings);
        ImportPlan plan = ImportPlanner.plan(readings, snapshot, run);
        if (run.dryRun()) {
            runAggregate.execute(r -> r.recordDryRun(plan.dryRunResults(), plan.plannedForDryRun()));
        } else {
            List<RowResult> results = applier.apply(run.workspaceId(), plan);
            runAggregate.execute(r -> r.record(results));
        }
    }
}
