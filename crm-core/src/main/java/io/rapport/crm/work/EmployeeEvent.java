package io.rapport.crm.work;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.StampedEvent;
import io.rapport.crm.kernel.TypedId;

/**
 * States a fact about an {@link Employee}: one event per accepted command.
 */
public sealed interface EmployeeEvent extends StampedEvent
    permits EmployeeRegistered, EmployeeRenamed, EmployeeJoinedTeam, EmployeeLeftTeam, RoleGranted,
    RoleRevoked, EmployeeManagerChanged, EmployeeDeactivated, EmployeeReactivated {

  /** Returns the id of the employee the event happened to. */
  EmployeeId employeeId();

  /** Returns the employee's id. */
  @Override
  default TypedId aggregateId() {
    return employeeId();
  }
}
