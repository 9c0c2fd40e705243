/**
 * The one place the app reads user tasks from the engine (the task, its form, its variables, the
 * tasks of an instance), so that the task list, the recruitment status page, the overdue notice and
 * the partner timeline share one copy of the client calls and their error handling. It checks no
 * access: every caller decides who may see what it reads.
 */
package io.partnerflow.app.task;
