package io.guestlist.service.privacy;

import io.guestlist.kernel.importrun.ImportRunPurgedEvent;
import io.guestlist.kernel.person.PersonErasedEvent;
import io.guestlist.query.privacy.PersonalDataSerializer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Makes the instance that erased a subject forget its key as soon as the erasure commits, so that no
 * read it serves after answering the erasure decrypts the subject's data (the history reads the event
 * store). Other instances find the key's tombstone at their next erasure check. It hears the erasure in
 * the subscribing command-directory group, in the transaction that writes the tombstone; forgetting
 * before the commit could make a rolled-back erasure look done, and an erased subject is never remembered again.
 */
@Component
@ProcessingGroup("command-directory")
class ErasedKeysForgotten {

    private final Serializer serializer;

    ErasedKeysForgotten(@Qualifier("eventSerializer") Serializer serializer) {
        this.serializer = serializer;
    }

    @EventHandler
    void on(PersonErasedEvent e) {
        afterCommit(e.personId().toString());
    }

    @EventHandler
    void on(ImportRunPurgedEvent e) {
        afterCommit(e.runId().toString());
    }

    private void afterCommit(String subject) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(u -> PersonalDataSerializer.forget(serializer, subject));
        } else {
            PersonalDataSerializer.forget(serializer, subject);
        }
    }
}
