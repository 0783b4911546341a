/**
 * Storage and search of knowledge articles.
 */
package io.rapport.crm.persistence.knowledge;
