package org.movedesk.core.restrictedpatients;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RestrictedPatientRepository extends JpaRepository<RestrictedPatient, String> {
}
