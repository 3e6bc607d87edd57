/**
 * Files handed in by people (documents with applications, later photos and other uploads): one
 * place that decides whether a file is what it claims to be and is safe to keep and to show to
 * staff, used by the API and by the pages alike.
 */
package org.onewindow.shared.upload;
