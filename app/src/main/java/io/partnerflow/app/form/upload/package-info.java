/** Files uploaded through the filepickers of task forms: stored in the database, access-checked. */
package io.partnerflow.app.form.upload;
