/**
 * Reading YAML and JSON into located {@link dev.dece.core.drl.Node} trees with every limit checked while reading
 * ({@link dev.dece.core.doc.DocumentLoader}), and binding them with every problem collected ({@link dev.dece.core.doc.Binder}).
 *
 * <p>Internal (public only because every command's reader uses it; no compatibility promise). Depends on drl, input.
 */
package dev.dece.core.doc;
