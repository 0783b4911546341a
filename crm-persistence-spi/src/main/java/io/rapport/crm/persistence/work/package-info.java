/**
 * Storage ports of employees' work: employees, teams and activities, with the queries of the
 * {@code work} context (open work per employee, overdue activities, activities of a record).
 */
package io.rapport.crm.persistence.work;
