package dev.daalu.server.rpc.handler;

import dev.daalu.indexer.IndexListener;
import dev.daalu.indexer.RepoIndex;
import dev.daalu.server.protocol.DidChangeWatchedFilesParams;
import dev.daalu.server.protocol.DidChangeWatchedFilesParams.FileEvent;
import dev.daalu.server.rpc.ServerState;
import dev.daalu.server.runtime.WorkspaceRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

@Timeout(60)
class WatchedFilesHandlerTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final RepoIndex index = mock(RepoIndex.class);
    private final BlockingQueue<List<Path>> updates = new LinkedBlockingQueue<>();
    private final CountDownLatch firstUpdateMayFinish = new CountDownLatch(1);
    private final ServerState state = new ServerState();
    private WatchedFilesHandler handler;

    @BeforeEach
    void initialize() throws Exception {
        WorkspaceRuntime runtime = mock(WorkspaceRuntime.class);
        when(runtime.index()).thenReturn(index);
        doAnswer(call -> {
            Collection<Path> paths = call.getArgument(0);
            updates.add(new ArrayList<>(paths));
            firstUpdateMayFinish.await(20, TimeUnit.SECONDS);
            return null;
        }).when(index).update(any());
        state.beginInitialize();
        state.initialized(runtime);
        handler = new WatchedFilesHandler(state, scheduler, Duration.ZERO);
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private static DidChangeWatchedFilesParams changed(String... uris) {
        return new DidChangeWatchedFilesParams(java.util.Arrays.stream(uris)
                .map(uri -> new FileEvent(uri, DidChangeWatchedFilesParams.CHANGED)).toList());
    }

    @Test
    void turnsFileUrisIntoPathsForTheIndex() throws InterruptedException {
        firstUpdateMayFinish.countDown();

        handler.accept(changed("file:///srv/ws/main.tf", "file:///srv/ws/my%20notes.md", "/srv/ws/abs.py"));

        assertEquals(List.of(Path.of("/srv/ws/main.tf"), Path.of("/srv/ws/my notes.md"), Path.of("/srv/ws/abs.py")),
                updates.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void eventsThatArriveWhileAnUpdateRunsAreCoalescedIntoTheNext() throws InterruptedException {
        handler.accept(changed("file:///ws/a"));
        assertEquals(List.of(Path.of("/ws/a")), updates.poll(10, TimeUnit.SECONDS));

        handler.accept(changed("file:///ws/b", "file:///ws/c"));
        handler.accept(changed("file:///ws/c", "file:///ws/d"));
        firstUpdateMayFinish.countDown();

        assertEquals(List.of(Path.of("/ws/b"), Path.of("/ws/c"), Path.of("/ws/d")), updates.poll(10, TimeUnit.SECONDS));
        assertNull(updates.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void aHugeBurstRefreshesTheWholeIndexInstead() throws Exception {
        CountDownLatch refreshed = new CountDownLatch(1);
        doAnswer(call -> {
            refreshed.countDown();
            return null;
        }).when(index).refresh(any(IndexListener.class));

        handler.accept(changed(IntStream.rangeClosed(0, WatchedFilesHandler.MAX_BATCH)
                .mapToObj(i -> "file:///ws/f" + i).toArray(String[]::new)));

        assertTrue(refreshed.await(10, TimeUnit.SECONDS));
        assertTrue(updates.isEmpty());
    }

    @Test
    void ignoresEventsBeforeInitialize() throws InterruptedException {
        WatchedFilesHandler early = new WatchedFilesHandler(new ServerState(), scheduler, Duration.ZERO);

        early.accept(changed("file:///ws/a"));

        assertNull(updates.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void ignoresWhatIsNeitherAFileUriNorAnAbsolutePath() {
        assertEquals(Optional.empty(), WatchedFilesHandler.toPath("untitled:Untitled-1"));
        assertEquals(Optional.empty(), WatchedFilesHandler.toPath("relative/path.txt"));
        assertEquals(Optional.empty(), WatchedFilesHandler.toPath("file://host/share/x"));
        assertEquals(Optional.empty(), WatchedFilesHandler.toPath("file:///bad%zz"));
        assertNotNull(WatchedFilesHandler.toPath("FILE:///ws/x").orElse(null));
    }
}
