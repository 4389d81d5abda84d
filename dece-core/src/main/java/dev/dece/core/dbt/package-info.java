/**
 * dbt artifacts: {@link dev.dece.core.dbt.ManifestReader} streams a {@code manifest.json} into a
 * {@link dev.dece.core.dbt.Manifest} (tables, columns, attached tests, what was not read), and
 * {@link dev.dece.core.dbt.DbtArtifact} tells the artifacts apart by their schema URL, so a file given to
 * the wrong command is answered with what it is and which command reads it. Shared by the commands that
 * read dbt projects (lint today).
 *
 * <p>Depends on doc (the bounded reader) and input.
 */
package dev.dece.core.dbt;
