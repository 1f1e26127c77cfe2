package io.guestlist.command.workspace;

import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.meta.Attribution;
import io.guestlist.kernel.workspace.OwnerCommand;
import io.guestlist.kernel.workspace.Role;
import io.guestlist.kernel.workspace.WorkspaceCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Who may send a workspace command (SPEC §7): a non-member is told the workspace does not exist,
 * a viewer may change nothing, and owner commands are for owners. Checked where every command
 * passes, so no handler can forget it.
 */
public class WorkspaceAccessInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String VIEWERS_CHANGE_NOTHING = "Viewers cannot change anything in this workspace.";
    static final String OWNERS_ONLY = "Only an owner may do this.";

    private final GuestDirectory directory;

    public WorkspaceAccessInterceptor(GuestDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        if (command.getPayload() instanceof WorkspaceCommand workspaceCommand) {
            ensureMayChange(directory, workspaceCommand.workspaceId(), (String) command.getMetaData().get(Attribution.MEMBER_ID),
                    workspaceCommand instanceof OwnerCommand);
        }
        return chain.proceed();
    }

    /** The check itself, also made before a large upload is read. */
    public static void ensureMayChange(GuestDirectory directory, WorkspaceId workspace, String memberId, boolean ownersOnly) {
        Role role = memberId == null ? null : directory.roleOf(workspace, memberId).orElse(null);
        if (role == null) {
            throw GuestlistException.notFound("Workspace");
        }
        if (role == Role.VIEWER) {
            throw new GuestlistException(ErrorCode.FORBIDDEN, VIEWERS_CHANGE_NOTHING);
        }
        if (ownersOnly && role != Role.OWNER) {
            throw new GuestlistException(ErrorCode.FORBIDDEN, OWNERS_ONLY);
        }
    }
}
