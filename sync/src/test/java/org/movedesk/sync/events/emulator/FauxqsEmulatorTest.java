package org.movedesk.sync.events.emulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FauxqsEmulatorTest {

    @Test
    void aMissingInstallationFailsWithTheInstallInstruction() {
        String before = System.getProperty("movedesk.fauxqs.bin");
        System.setProperty("movedesk.fauxqs.bin", "/nonexistent/fauxqs/dist/app.js");
        try {
            assertThatThrownBy(FauxqsEmulator::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("run `bash scripts/emulators.sh install`")
                    .hasMessageContaining("/nonexistent/fauxqs/dist/app.js");
        } finally {
            if (before == null) {
                System.clearProperty("movedesk.fauxqs.bin");
            } else {
                System.setProperty("movedesk.fauxqs.bin", before);
            }
        }
    }
}
