package io.guestlist.command.importrun;

import io.guestlist.command.importrun.intake.ImportReception;
import io.guestlist.command.importrun.intake.PayloadReader;
import io.guestlist.command.importrun.parse.RowReader;
import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.command.web.CommandAccepted;
import io.guestlist.command.web.CommandSender;
import io.guestlist.command.workspace.WorkspaceAccessInterceptor;
import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.importrun.Channel;
import io.guestlist.kernel.importrun.PurgeImportRunCommand;
import io.guestlist.kernel.importrun.UndoImportCommand;
import io.guestlist.kernel.text.CleanText;
import io.guestlist.kernel.text.InputBounds;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.guestlist.kernel.error.Rejects;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Submitting imports (a multipart {@code file} or the payload as the body) and undoing them. The
 * payload is read through once before anything is stored, so a file that breaks a limit is a 4xx
 * and nothing of it is applied.
 */
@Tag(name = "imports")
@RestController
class ImportCommandController {

    static final int MAX_BYTES = 50 * 1024 * 1024;
    private static final int DRAINED_AT_MOST = 16 * 1024 * 1024;
    private static final java.time.Duration UNDO_WAIT = java.time.Duration.ofMinutes(10);
    private static final java.time.Duration UNDO_RECHECK = java.time.Duration.ofSeconds(1);

    private final ImportReception reception;
    private final ImportRunReader runReader;
    private final ImportWorker worker;
    private final PayloadReader reader;
    private final GuestDirectory directory;
    private final CommandSender commands;
    private final ImportLeases leases;
    private final UndoOutcomes undoOutcomes;

    ImportCommandController(ImportReception reception, ImportRunReader runReader, ImportWorker worker, PayloadReader reader,
                            GuestDirectory directory, CommandSender commands, ImportLeases leases, UndoOutcomes undoOutcomes) {
        this.leases = leases;
        this.undoOutcomes = undoOutcomes;
        this.reception = reception;
        this.runReader = runReader;
        this.worker = worker;
        this.reader = reader;
        this.directory = directory;
        this.commands = commands;
    }

    @Operation(operationId = "submitImport", summary = "Import guests",
            // application/json (a MANUAL or Contact Picker payload as the body) is read too, but is no content type here:
            // a generator takes the first in key order, and the multipart upload serves every channel.
            description = "Takes a multipart `file`, or the payload as the body (text/csv, text/vcard, or application/json), of at most"
                    + " 50 MB and 200,000 rows. The payload is read through once on arrival: a file that breaks a limit is a 4xx and"
                    + " nothing is stored. Otherwise a background worker applies the rows; follow the run at its Location."
                    + " `mapping` is JSON from field name to column header, e.g. {\"phone\": \"Mobile\"}.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "multipart/form-data", schemaProperties = @SchemaProperty(name = "file",
                            schema = @Schema(type = "string", format = "binary", description = "The file to import."))),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"), examples = @ExampleObject(name = "csv", value = """
                            Name,Phone,Household,Side
                            Ravi Sharma,+91 98111 22234,The Sharma Family,Bride
                            """)),
                    @Content(mediaType = "text/vcard", schema = @Schema(type = "string"))}),
            responses = {
                    @ApiResponse(responseCode = "202", description = "Received: the run as it stands, its rows still to be applied."),
                    @ApiResponse(responseCode = "200", description = "The same Idempotency-Key and payload again: the run as it stands now.")})
    @Rejects({ErrorCode.IDEMPOTENCY_KEY_REUSED, ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.UNREADABLE_FILE})
    @PostMapping("/api/v1/workspaces/{workspaceId}/imports")
    ResponseEntity<ImportRunBody> submit(@PathVariable UUID workspaceId, @RequestParam Channel channel,
                                          @RequestParam(defaultValue = "false") boolean dryRun,
                                          @RequestParam(required = false) String mapping,
                                          @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
                                          @RequestPart(value = "file", required = false) MultipartFile file,
                                          Principal caller, HttpServletRequest request) throws IOException {
        WorkspaceId workspace = WorkspaceId.of(workspaceId);
        WorkspaceAccessInterceptor.ensureMayChange(directory, workspace, caller.getName(), false);
        // Its length and characters are checked for every request at the edge, in the service module.
        if (idempotencyKey != null && idempotencyKey.isBlank()) {
            throw GuestlistException.invalid("Idempotency-Key must not be blank.");
        }
        byte[] bytes = file != null ? file.getBytes() : readBody(request);
        String contentType = file != null ? file.getContentType() : request.getContentType();
        String fileName = CleanText.require("file name", file != null ? file.getOriginalFilename() : null, InputBounds.FILE_NAME);
        String region = directory.workspace(workspace).orElseThrow(() -> GuestlistException.notFound("Workspace")).defaultRegion();
        int totalRows = countRows(channel, bytes, contentType, mapping, region);
        MetaData attribution = CommandSender.attribution(caller, request);
        ImportReception.Received received = reception.receive(workspace, channel, dryRun, contentType, mapping, idempotencyKey,
                sha256(channel, dryRun, mapping, bytes), bytes, totalRows, fileName, attribution, leases.owner());
        URI location = URI.create("/api/v1/workspaces/" + workspaceId + "/imports/" + received.runId());
        long position = commands.positionOf(received.runId());
        if (!received.isNew()) {
            // SPEC §4.4: the same key and payload answer with the run itself, as it stands now.
            return ResponseEntity.ok().location(location).body(runReader.body(received.runId(), position));
        }
        // Read before the worker starts, so a new run is answered as received.
        ImportRunBody body = runReader.body(received.runId(), position);
        worker.submit(received.runId());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(location).body(body);
    }

    @Operation(operationId = "undoImport", summary = "Undo an import",
            description = "Reverses each change of a completed run, newest row first, with new events; a change that later work made"
                    + " again is kept (`undoOutcome: kept_newer_change` in its rows). Owners only.")
    @Rejects(ErrorCode.STATE_CONFLICT)
    @PostMapping("/api/v1/workspaces/{workspaceId}/imports/{runId}/undo")
    CommandAccepted undo(@PathVariable UUID workspaceId, @PathVariable UUID runId, Principal caller, HttpServletRequest request) {
        ImportRunId run = ImportRunId.of(runId);
        // Expected before it is asked for, so that an undo the worker finishes at once is not missed.
        CompletableFuture<Optional<String>> outcome = undoOutcomes.expect(run);
        try {
            commands.send(new UndoImportCommand(run, WorkspaceId.of(workspaceId)), CommandSender.attribution(caller, request));
            // The worker reverts the run batch by batch; the answer waits for it, as undo always has.
            if (leases.claim(run)) {
                worker.submit(run);
            }
            awaitUndone(run, outcome);
        } finally {
            undoOutcomes.forget(run, outcome);
        }
        return new CommandAccepted(runId, commands.positionOf(run));
    }

    @PostMapping("/api/v1/workspaces/{workspaceId}/imports/{runId}/purge")
    @Operation(operationId = "purgeImportRun", summary = "Erase the personal data of a run's rows that placed no one",
            description = "Owners only. Erases the run's own key, so the raw and parsed cells of its rows that resolved to no "
                    + "person (skipped_no_phone, say) read as null from now on, in the rows, history and any rebuild. Rows that "
                    + "placed a person keep that person's key (erase the person for those). A run still going is 409; purging "
                    + "again changes nothing. An editor or viewer gets 403, an unknown run 404.")
    CommandAccepted purge(@PathVariable UUID workspaceId, @PathVariable UUID runId, Principal caller, HttpServletRequest request) {
        ImportRunId run = ImportRunId.of(runId);
        commands.send(new PurgeImportRunCommand(run, WorkspaceId.of(workspaceId)), CommandSender.attribution(caller, request));
        return new CommandAccepted(runId, commands.positionOf(run));
    }

    /**
     * Until the run records the undo's end (done, or stopped), or {@link #UNDO_WAIT} has passed. This instance's
     * worker completes {@code outcome}; an undo taken up by another instance is seen in the run itself, looked at
     * every {@link #UNDO_RECHECK}.
     */
    private void awaitUndone(ImportRunId run, CompletableFuture<Optional<String>> outcome) {
        long deadline = System.nanoTime() + UNDO_WAIT.toNanos();
        Optional<String> stopped = Optional.empty();
        boolean ended = false;
        while (!ended) {
            try {
                stopped = outcome.get(UNDO_RECHECK.toMillis(), TimeUnit.MILLISECONDS);
                ended = true;
            } catch (TimeoutException e) {
                if (runReader.body(run, 0).undoneAt() != null) {
                    return;
                }
                stopped = Optional.ofNullable(runReader.undoStopped(run));
                ended = stopped.isPresent();
                if (!ended && System.nanoTime() > deadline) {
                    throw new GuestlistException(ErrorCode.STATE_CONFLICT, "The undo is still under way; the run shows when it is done.");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        if (stopped.isPresent()) {
            throw new GuestlistException(ErrorCode.STATE_CONFLICT, "The undo stopped: " + stopped.get() + " Asking again goes on from there.");
        }
    }

    private int countRows(Channel channel, byte[] bytes, String contentType, String mapping, String region) {
        int rows = 0;
        try (RowReader reading = reader.read(channel, bytes, contentType, mapping, region)) {
            while (reading.hasNext()) {
                reading.next();
                rows++;
            }
        }
        if (rows == 0) {
            throw new GuestlistException(ErrorCode.VALIDATION, "The payload has no rows.");
        }
        return rows;
    }

    /**
     * The body, at most {@value #MAX_BYTES} bytes. An oversized body is still read on (and dropped, up
     * to a bound) before the 413, so that a client that sends it all before reading gets the answer.
     */
    private static byte[] readBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                in.skip(DRAINED_AT_MOST);
                throw tooLarge();
            }
            return bytes;
        }
    }

    private static GuestlistException tooLarge() {
        return new GuestlistException(ErrorCode.PAYLOAD_TOO_LARGE, "An import payload is at most 50 MB.");
    }

    private static String sha256(Channel channel, boolean dryRun, String mapping, byte[] bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((channel + "|" + dryRun + "|" + (mapping == null ? "" : mapping) + "|").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
