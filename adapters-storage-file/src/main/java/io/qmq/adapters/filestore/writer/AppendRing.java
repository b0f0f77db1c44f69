package io.qmq.adapters.filestore.writer;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventTranslatorTwoArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.qmq.application.port.out.LogChunk;
import io.qmq.application.port.out.ReplicaMark;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.StoredMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Disruptor ring in front of the {@link MessageWriter}: many producer threads publish, one writer
 * thread consumes.
 *
 * <p>A full ring fails fast: {@link #offer} returns false at once rather than block, because callers
 * are Netty event-loop threads that must never wait on the disk. The broker answers such a send with a
 * failure and the producer retries. The wait strategy blocks (rather than spins) so the idle writer
 * costs no CPU on small machines.
 */
public final class AppendRing {

    private static final EventTranslatorTwoArg<AppendEvent, List<Message>, CompletableFuture<List<StoredMessage>>> APPEND =
            (event, sequence, messages, appended) -> {
                event.messages = messages;
                event.appended = appended;
            };
    private static final EventTranslatorTwoArg<AppendEvent, CompletableFuture<CheckpointCapture>, Void> CHECKPOINT =
            (event, sequence, checkpoint, unused) -> event.checkpoint = checkpoint;
    private static final EventTranslatorTwoArg<AppendEvent, LogChunk, CompletableFuture<ReplicaMark>> REPLICA =
            (event, sequence, chunk, replicated) -> {
                event.replica = chunk;
                event.replicated = replicated;
            };

    private final Disruptor<AppendEvent> disruptor;
    private final RingBuffer<AppendEvent> ring;
    private final AtomicReference<Thread> writerThread;

    private AppendRing(Disruptor<AppendEvent> disruptor, AtomicReference<Thread> writerThread) {
        this.disruptor = disruptor;
        this.ring = disruptor.getRingBuffer();
        this.writerThread = writerThread;
    }

    /** Starts the writer thread, named after the store. */
    public static AppendRing start(MessageWriter writer, int ringSize, String threadName) {
        AtomicReference<Thread> thread = new AtomicReference<>();
        Disruptor<AppendEvent> disruptor = new Disruptor<>(AppendEvent::new, ringSize, runnable -> {
            Thread created = new Thread(runnable, threadName);
            created.setDaemon(true);
            thread.set(created);
            return created;
        }, ProducerType.MULTI, new BlockingWaitStrategy());
        disruptor.handleEventsWith(writer);
        disruptor.start();
        return new AppendRing(disruptor, thread);
    }

    /** Publishes a producer's batch; false when the ring is full. */
    public boolean offer(List<Message> messages, CompletableFuture<List<StoredMessage>> appended) {
        return ring.tryPublishEvent(APPEND, messages, appended);
    }

    /** Publishes a chunk of the master's log to copy (slaves); false when the ring is full. */
    public boolean offerReplica(LogChunk chunk, CompletableFuture<ReplicaMark> replicated) {
        return ring.tryPublishEvent(REPLICA, chunk, replicated);
    }

    /** Asks the writer for a checkpoint capture; false when the ring is full (try again later). */
    public boolean offerCheckpoint(CompletableFuture<CheckpointCapture> capture) {
        return ring.tryPublishEvent(CHECKPOINT, capture, null);
    }

    /**
     * Lets the writer finish everything published, then stops it and waits for its thread to end, so
     * the caller may then use the writer's state.
     */
    public void stop(long timeoutMillis) throws TimeoutException, InterruptedException {
        disruptor.shutdown(timeoutMillis, TimeUnit.MILLISECONDS);
        Thread thread = writerThread.get();
        if (thread != null) {
            thread.join(timeoutMillis);
        }
    }
}
