package org.movedesk.ui.app.demo;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.movedesk.core.operators.Actor;
import org.movedesk.core.operators.NewOperator;
import org.movedesk.core.operators.OperatorService;
import org.movedesk.core.operators.Role;

/**
 * Demo mode's operators, one per role, each with its user name as password, so a newcomer
 * can try every screen at once. Created through core like any account (history included),
 * only on an empty demo store.
 */
public class DemoOperators {

    private static final Logger LOG = LoggerFactory.getLogger(DemoOperators.class);

    /** One demo account. */
    public record Account(String username, String displayName, Set<Role> roles, String what) {
        public String line() {
            return String.format("%-10s  %s", username, what);
        }
    }

    public static final List<Account> ACCOUNTS = List.of(
            new Account("staff", "Sam Staff", EnumSet.of(Role.PRISON_STAFF), "prison staff: book and run moves"),
            new Account("supplier", "Sol Supplier", EnumSet.of(Role.SUPPLIER), "supplier: accept, start, complete"),
            new Account("supervisor", "Sue Supervisor", EnumSet.of(Role.SUPERVISOR), "supervisor: history and review"),
            new Account("rp", "Robin Patients", EnumSet.of(Role.RP_SEARCH, Role.RP_TRANSFER, Role.RP_REMOVE, Role.RP_MIGRATE),
                    "restricted patients"),
            new Account("admin", "Ada Admin", EnumSet.of(Role.ADMIN, Role.SUPERVISOR), "administrator"));

    private final OperatorService operators;

    public DemoOperators(OperatorService operators) {
        this.operators = operators;
    }

    /** Creates the accounts on a fresh demo store; returns the admin actor for further seeding. */
    public Actor ensureAccounts(String deskId) {
        if (!operators.hasAnyOperator()) {
            Account admin = ACCOUNTS.get(ACCOUNTS.size() - 1);
            operators.createFirstAdmin(admin.username(), admin.username().toCharArray(), admin.displayName());
            Actor adminActor = operators.signIn(admin.username(), admin.username().toCharArray(), deskId);
            for (Account account : ACCOUNTS.subList(0, ACCOUNTS.size() - 1)) {
                operators.create(adminActor, new NewOperator(account.username(), account.displayName(),
                        account.username().toCharArray(), account.roles()));
            }
            LOG.info("Demo operators created: {}", ACCOUNTS.stream().map(Account::username).toList());
            return adminActor;
        }
        return new Actor("admin", EnumSet.of(Role.ADMIN, Role.SUPERVISOR), deskId);
    }

    public List<String> lines() {
        return ACCOUNTS.stream().map(Account::line).toList();
    }
}
