package org.movedesk.core.operators;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OperatorRepository extends JpaRepository<Operator, String> {
    List<Operator> findAllByOrderByUsernameAsc();
}
