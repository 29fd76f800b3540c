package org.movedesk.ui.supervisor;

import java.nio.file.Path;
import java.util.Optional;

import org.movedesk.ui.common.DialogService;

/**
 * Where an export goes: the save dialog of {@link DialogService}, or - for unattended runs such
 * as the journey test and the screenshot tool, where no native dialog can be answered - a fixed
 * folder set with {@link #useFolder(Path)}.
 */
public final class ExportTargets {

    private final DialogService dialogs;
    private volatile Path fixedFolder;

    public ExportTargets(DialogService dialogs) {
        this.dialogs = dialogs;
    }

    public Optional<Path> choose(String title, String suggestedName, String description, String extension) {
        Path folder = fixedFolder;
        if (folder != null) {
            return Optional.of(folder.resolve(suggestedName));
        }
        return dialogs.chooseFile(title, DialogService.FileChoice.SAVE, suggestedName, extension)
                .map(path -> path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith("." + extension)
                        ? path : path.resolveSibling(path.getFileName() + "." + extension));
    }

    /** Skips the dialog: exports are written to this folder under their suggested names. */
    public void useFolder(Path folder) {
        this.fixedFolder = folder;
    }
}
