package org.movedesk.core.security;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * Logback {@code %redactedException}: stack traces with personal data masked. Exception messages
 * in MoveDesk name prison numbers on purpose (they are for the operator); the log must not.
 */
public class RedactingThrowableConverter extends ExtendedThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return PersonalDataRedactor.redact(super.throwableProxyToString(tp));
    }
}
