/**
 * Employees' work: employees with their teams and roles, teams with their working calendar, and
 * activities (tasks, calls, meetings, follow-ups) with due times, assignees, statuses, priorities,
 * watchers, internal notes and hand-offs.
 *
 * <ul>
 *   <li>{@link io.rapport.crm.work.Employee}, {@link io.rapport.crm.work.Team} and
 *       {@link io.rapport.crm.work.Activity} are aggregates: commands answer
 *       {@code Either<Rejection, Transition<…>>} with one event each, and outside input is checked
 *       by {@code register}, {@code form} and {@code schedule}, which report every violation.</li>
 *   <li>{@link io.rapport.crm.work.ActivityStatus} holds the table of allowed status moves; a
 *       refusal names the moves allowed from the current status.</li>
 *   <li>Overdue time is working time on a {@link io.rapport.crm.kernel.BusinessCalendar}:
 *       {@link io.rapport.crm.work.Activity#overdueBy(java.time.Instant,
 *       io.rapport.crm.kernel.BusinessCalendar)}.</li>
 *   <li>{@link io.rapport.crm.work.Workload} counts each employee's unfinished work and picks the
 *       least loaded candidate.</li>
 * </ul>
 *
 * <p>See docs/guides/work.md.
 */
package io.rapport.crm.work;
