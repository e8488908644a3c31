package dev.daalu.server.runtime;

import dev.daalu.indexer.IndexListener;
import dev.daalu.indexer.IndexStatus;
import dev.daalu.indexer.RepoIndex;
import dev.daalu.indexer.RepoMapRequest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class WarmedMapIndexTest {

    private static IndexStatus changed(long files) {
        return new IndexStatus(IndexStatus.State.READY, Path.of("/cache/index"), 10, 10, 0, 10, 0, files, 5, List.of());
    }

    @Test
    void aPassThatChangedFilesRebuildsTheMapInTheBackgroundAndOneThatDidNotDoesNot() throws Exception {
        RepoIndex index = mock(RepoIndex.class);
        when(index.refresh(any())).thenReturn(changed(0), changed(3));
        try (WarmedMapIndex warmed = new WarmedMapIndex(index)) {
            warmed.refresh(IndexListener.NONE);
            warmed.refresh(IndexListener.NONE);

            verify(index, timeout(5_000).times(1)).map(any(RepoMapRequest.class));
        }
    }

    @Test
    void aBurstOfChangesDuringARebuildCostsOneMore() throws Exception {
        RepoIndex index = mock(RepoIndex.class);
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        when(index.update(any())).thenReturn(changed(1));
        when(index.map(any())).thenAnswer(call -> {
            building.countDown();
            assertTrue(release.await(5, TimeUnit.SECONDS));
            return null;
        });
        try (WarmedMapIndex warmed = new WarmedMapIndex(index)) {
            warmed.update(List.of(Path.of("a.tf")));
            assertTrue(building.await(5, TimeUnit.SECONDS));
            for (int i = 0; i < 5; i++) {
                warmed.update(List.of(Path.of("a.tf")));
            }
            release.countDown();

            verify(index, timeout(5_000).times(2)).map(any(RepoMapRequest.class));
        }
    }
}
