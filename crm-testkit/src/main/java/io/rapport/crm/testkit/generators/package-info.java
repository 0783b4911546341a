/**
 * QuickTheories generators for every Rapport domain type, for users' property tests.
 */
package io.rapport.crm.testkit.generators;
