package org.movedesk.core.security;

import java.nio.file.Path;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;

/**
 * The desk's log file, {@code <directory>/movedesk.log}, rolled at 5 MB keeping 5 old files.
 * With no directory configured (tests, tools) it stays off instead of writing somewhere surprising.
 */
public class OptionalRollingFileAppender extends RollingFileAppender<ILoggingEvent> {

    private String directory;

    public void setDirectory(String directory) {
        this.directory = directory;
    }

    private boolean off;

    @Override
    public void doAppend(ILoggingEvent event) {
        if (!off) {
            super.doAppend(event);
        }
    }

    @Override
    public void start() {
        if (directory == null || directory.isBlank()) {
            addInfo("movedesk.log.dir not set: no log file");
            off = true;
            return;
        }
        Path dir = Path.of(directory);
        setFile(dir.resolve("movedesk.log").toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(getContext());
        rolling.setParent(this);
        rolling.setFileNamePattern(dir.resolve("movedesk.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(5);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(getContext());
        trigger.setMaxFileSize(FileSize.valueOf("5MB"));
        trigger.start();
        setRollingPolicy(rolling);
        setTriggeringPolicy(trigger);
        super.start();
    }
}
