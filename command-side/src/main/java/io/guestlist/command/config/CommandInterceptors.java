package io.guestlist.command.config;

import io.guestlist.command.directory.GuestDirectory;
import io.guestlist.command.workspace.WorkspaceAccessInterceptor;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.error.RemoteRejection;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.stereotype.Component;

/**
 * What every command passes through, inside its transaction: the access check, the wrapping
 * of a domain rejection as {@link RemoteRejection} details so it keeps its code over Axon Server too,
 * and the naming of the events it published in its result ({@link AppendedEvents}).
 */
@Component
class CommandInterceptors {

    CommandInterceptors(CommandBus commandBus, GuestDirectory directory) {
        commandBus.registerHandlerInterceptor(rejectionsWithCodes());
        commandBus.registerHandlerInterceptor(new WorkspaceAccessInterceptor(directory));
        commandBus.registerHandlerInterceptor(AppendedEvents.naming());
    }

    private static MessageHandlerInterceptor<CommandMessage<?>> rejectionsWithCodes() {
        return (unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (GuestlistException e) {
                throw new CommandExecutionException(e.getMessage(), e, new RemoteRejection(e.code(), e.details()));
            }
        };
    }
}
