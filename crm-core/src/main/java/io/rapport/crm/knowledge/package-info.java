/**
 * The knowledge base: versioned articles in any locale with a review workflow, categories, tags
 * and readers' feedback. Searching them is a port of the storage module, with a Lucene
 * implementation that ranks Chinese as well as English text.
 *
 * <p>See docs/guides/knowledge.md.
 */
package io.rapport.crm.knowledge;
