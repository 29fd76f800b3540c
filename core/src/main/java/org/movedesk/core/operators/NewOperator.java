package org.movedesk.core.operators;

import java.util.Set;

public record NewOperator(String username, String displayName, char[] password, Set<Role> roles) {
}
