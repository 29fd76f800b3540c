package org.movedesk.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.movedesk.core.CoreConfiguration;
import org.movedesk.core.common.PermissionDeniedException;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.testing.CoreIntegrationTest;
import org.movedesk.core.testing.StoreFixture;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every public method of every @Service in core whose first parameter is an {@link Actor} refuses
 * an actor without roles before doing anything (the other arguments are nulls and zeros, so a
 * method that validated or read first would fail differently). New services are picked up
 * automatically; a service added without role checks fails this test.
 */
class RoleRefusalTest extends CoreIntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anActorWithNoRolesIsRefusedByEveryServiceMethod() throws Exception {
        Actor nobody = new Actor("nobody", Set.of(), StoreFixture.DESK);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Service.class));
        List<String> checked = new ArrayList<>();
        List<String> notRefused = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents(CoreConfiguration.class.getPackageName())) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            Object bean = context.getBean(type);
            for (Method method : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || method.getParameterCount() == 0
                        || method.getParameterTypes()[0] != Actor.class) {
                    continue;
                }
                String name = type.getSimpleName() + "." + method.getName() + Arrays.toString(method.getParameterTypes());
                checked.add(name);
                Object[] args = new Object[method.getParameterCount()];
                args[0] = nobody;
                for (int i = 1; i < args.length; i++) {
                    args[i] = neutral(method.getParameterTypes()[i]);
                }
                Method callable = AopUtils.selectInvocableMethod(method, bean.getClass());
                // inside a transaction that is rolled back: some helpers require the caller's transaction
                String problem = tx.execute(status -> {
                    status.setRollbackOnly();
                    try {
                        Object result = callable.invoke(bean, args);
                        // "what may this actor do" queries answer with nothing instead of refusing
                        if (result instanceof java.util.Collection<?> c && c.isEmpty()) {
                            return null;
                        }
                        return name + " returned " + result;
                    } catch (InvocationTargetException e) {
                        return e.getCause() instanceof PermissionDeniedException ? null : name + " threw " + e.getCause();
                    } catch (IllegalAccessException | IllegalArgumentException e) {
                        return name + " could not be called on " + bean.getClass().getName() + ": " + e;
                    }
                });
                if (problem != null) {
                    notRefused.add(problem);
                }
            }
        }
        assertThat(checked).as("the scan found the services").hasSizeGreaterThan(20)
                .anyMatch(n -> n.startsWith("MoveService.")).anyMatch(n -> n.startsWith("BackupService."))
                .anyMatch(n -> n.startsWith("SecretStore."));
        if (!notRefused.isEmpty()) {
            fail("Not refused for an actor without roles:\n" + String.join("\n", notRefused));
        }
    }

    private static Object neutral(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return ' ';
        }
        // one branch per type: a ?: chain would promote every number to long
        if (type == int.class) {
            return Integer.valueOf(0);
        }
        if (type == long.class) {
            return Long.valueOf(0);
        }
        if (type == short.class) {
            return Short.valueOf((short) 0);
        }
        if (type == byte.class) {
            return Byte.valueOf((byte) 0);
        }
        if (type == double.class) {
            return Double.valueOf(0);
        }
        if (type == float.class) {
            return Float.valueOf(0);
        }
        if (type.isRecord()) {
            // a filter or command record with every component empty: the method must refuse before reading it
            try {
                Class<?>[] parts = Arrays.stream(type.getRecordComponents())
                        .map(java.lang.reflect.RecordComponent::getType).toArray(Class<?>[]::new);
                Object[] values = Arrays.stream(parts).map(RoleRefusalTest::neutral).toArray();
                return type.getDeclaredConstructor(parts).newInstance(values);
            } catch (ReflectiveOperationException | RuntimeException refused) {
                return null;
            }
        }
        return null;
    }
}
