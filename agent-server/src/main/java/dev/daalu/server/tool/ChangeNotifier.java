package dev.daalu.server.tool;

import java.nio.file.Path;
import java.util.List;

/** Tells the index what a tool changed, so search and the repo map catch up at once. Must not block or throw. */
public interface ChangeNotifier {

    ChangeNotifier NONE = new ChangeNotifier() {
        @Override
        public void filesChanged(List<Path> files) {
        }

        @Override
        public void workspaceMayHaveChanged() {
        }
    };

    /** These files were written. */
    void filesChanged(List<Path> files);

    /** A command ran; any file may have changed. */
    void workspaceMayHaveChanged();
}
