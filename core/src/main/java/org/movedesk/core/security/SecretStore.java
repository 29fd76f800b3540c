package org.movedesk.core.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.sql.DataSource;

import org.movedesk.core.common.MoveDeskException;
import org.movedesk.core.common.Times;
import org.movedesk.core.common.ValidationException;
import org.movedesk.core.history.HistoryDraft;
import org.movedesk.core.history.HistoryRecorder;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.Permissions;
import org.movedesk.core.operators.Role;
import org.movedesk.core.outbox.AggregateType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secrets the desk must keep (the central API client secret, SNS/SQS credentials): AES-256-GCM
 * with the keystore's secrets key, a fresh 96-bit IV per value, the secret's name as associated
 * data. Only ciphertext reaches the store, backups and diagnostics; only the SYSTEM actor (the
 * sync worker) reads a value back, and values never appear in history, logs or exceptions.
 */
@Service
public class SecretStore {

    /** Names sync uses; any name matching {@link #NAME} is allowed. */
    public static final String CENTRAL_CLIENT_SECRET = "central.client-secret";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final JdbcTemplate jdbc;
    private final StoreKeyring keyring;
    private final HistoryRecorder history;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SecretStore(DataSource dataSource, StoreKeyring keyring, HistoryRecorder history, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.keyring = keyring;
        this.history = history;
        this.clock = clock;
    }

    @Transactional
    public void put(Actor actor, String name, char[] value) {
        Permissions.require(actor, "store a secret", Role.ADMIN, Role.SYSTEM);
        checkName(name);
        if (value == null || value.length == 0) {
            throw new ValidationException("value", "Enter the secret's value; to remove it use remove.");
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] plain = utf8(value);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, iv, name).doFinal(plain);
            boolean existed = jdbc.update("update secret set iv = ?, ciphertext = ?, updated_at = ?, updated_by = ? where name = ?",
                    iv, sealed, Timestamp.from(Times.now(clock)), actor.username(), name) > 0;
            if (!existed) {
                jdbc.update("insert into secret (name, iv, ciphertext, updated_at, updated_by) values (?, ?, ?, ?, ?)",
                        name, iv, sealed, Timestamp.from(Times.now(clock)), actor.username());
            }
            history.append(HistoryDraft.of(actor, AggregateType.DESK, "secret:" + name, "desk.secret-changed")
                    .occurredAt(Times.now(clock)).build());
        } catch (GeneralSecurityException e) {
            throw new MoveDeskException("SECRET_SEAL_FAILED", "The secret " + name + " could not be encrypted.", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** The value for the sync worker; the caller should wipe the array after use. */
    @Transactional(readOnly = true)
    public Optional<char[]> reveal(Actor actor, String name) {
        Permissions.require(actor, "read a stored secret", Role.SYSTEM);
        checkName(name);
        List<Map<String, Object>> rows = jdbc.queryForList("select iv, ciphertext from secret where name = ?", name);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        byte[] iv = (byte[]) rows.get(0).get("IV");
        byte[] sealed = (byte[]) rows.get(0).get("CIPHERTEXT");
        try {
            byte[] plain = cipher(Cipher.DECRYPT_MODE, iv, name).doFinal(sealed);
            CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
            char[] chars = new char[decoded.remaining()];
            decoded.get(chars);
            Arrays.fill(plain, (byte) 0);
            if (decoded.hasArray()) {
                Arrays.fill(decoded.array(), '\u0000');
            }
            return Optional.of(chars);
        } catch (GeneralSecurityException e) {
            throw new MoveDeskException("SECRET_UNREADABLE", "The stored secret " + name + " cannot be decrypted with "
                    + "this desk's key (the store was moved from another desk?); enter it again in the settings.", e);
        }
    }

    @Transactional(readOnly = true)
    public boolean isSet(Actor actor, String name) {
        Permissions.require(actor, "check a stored secret", Role.ADMIN, Role.SYSTEM);
        checkName(name);
        Integer n = jdbc.queryForObject("select count(*) from secret where name = ?", Integer.class, name);
        return n != null && n > 0;
    }

    @Transactional
    public boolean remove(Actor actor, String name) {
        Permissions.require(actor, "remove a stored secret", Role.ADMIN);
        checkName(name);
        boolean removed = jdbc.update("delete from secret where name = ?", name) > 0;
        if (removed) {
            history.append(HistoryDraft.of(actor, AggregateType.DESK, "secret:" + name, "desk.secret-removed")
                    .occurredAt(Times.now(clock)).build());
        }
        return removed;
    }

    private Cipher cipher(int mode, byte[] iv, String name) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, keyring.secretsKey(), new GCMParameterSpec(TAG_BITS, iv));
        c.updateAAD(name.getBytes(StandardCharsets.UTF_8));
        return c;
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ValidationException("name", "A secret name has 1 to 100 lower-case letters, digits, dots, dashes "
                    + "or underscores.");
        }
    }

    private static byte[] utf8(char[] value) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(value));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        if (b.hasArray()) {
            Arrays.fill(b.array(), (byte) 0);
        }
        return out;
    }
}
